#!/usr/bin/env node
// End-to-end tests of the web page (build/dist/web) in Debian's headless chromium, driven by playwright-core.
//   node tests/web/run.mjs [name-filter]
// Env: CLAIMCALC_WEB (default build/dist/web), CLAIMCALC_CLI (default build/claimcalc), CHROMIUM (default
// /usr/bin/chromium), CLAIMCALC_SCREENSHOTS=0 to leave tests/web/screenshots alone.
// Exit: 0 all passed, 1 a failure, 77 skipped because chromium is not installed (the only reason to skip).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import assert from 'node:assert/strict';
import { serve, CSP } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = process.env.CLAIMCALC_SOURCE_DIR || resolve(here, '../..');
const WEB = resolve(process.env.CLAIMCALC_WEB || join(root, 'build/dist/web'));
const CLI = resolve(process.env.CLAIMCALC_CLI || join(root, 'build/claimcalc'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = join(here, 'screenshots');
const filter = process.argv[2] || '';

if (!existsSync(CHROMIUM)) {
  console.log(`SKIP web browser tests: ${CHROMIUM} is not installed (apt-get install -y chromium; scripts/setup.sh installs it)`);
  process.exit(77);
}
for (const [what, p] of [['web page', join(WEB, 'index.html')], ['claimcalc CLI', CLI]]) {
  if (!existsSync(p)) { console.error(`FAIL: no ${what} at ${p} (cmake --build build --target web claimcalc)`); process.exit(1); }
}
if (!existsSync(join(here, 'node_modules/playwright-core'))) {
  console.log('web tests: installing playwright-core with npm (no browser download)');
  const lock = existsSync(join(here, 'package-lock.json'));
  const r = spawnSync('npm', [lock ? 'ci' : 'install', '--no-audit', '--no-fund'], {
    cwd: here, stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
  if (r.status !== 0) { console.error('FAIL: npm could not install playwright-core'); process.exit(1); }
}
const { chromium } = await import('playwright-core');

// ---- helpers ---------------------------------------------------------------------------------------------------
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const profiles = [];

// A fresh browser with a fresh --user-data-dir (playwright passes it as the persistent context's folder).
async function browser(opts = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'claimcalc-web-'));
  profiles.push(dir);
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 390, height: 844 }, deviceScaleFactor: 1,
    locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true, ...opts });
  await ctx.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push('pageerror: ' + e.message));
  return { ctx, page, consoleErrors };
}

async function ready(page) {
  await page.waitForSelector('html[data-ready="1"]', { timeout: 20000 });
}

function cli(request) {
  const file = join(mkdtempSync(join(tmpdir(), 'claimcalc-req-')), 'r.json');
  writeFileSync(file, JSON.stringify(request));
  const r = spawnSync(CLI, ['estimate', file], { encoding: 'utf8' });
  rmSync(dirname(file), { recursive: true });
  try {
    const out = JSON.parse(r.stdout);
    if (out && typeof out === 'object') return out;
  } catch { /* reported below */ }
  throw new Error(`${CLI} estimate gave no envelope (exit ${r.status}): ${r.stdout.slice(0, 200)} ${r.stderr.slice(0, 200)}`);
}

// Any CLI command; stdin is a JS value sent as JSON, or a file path given in args. Returns the parsed envelope.
function cliRun(args, stdin) {
  const r = spawnSync(CLI, args, { encoding: 'utf8', input: stdin === undefined ? undefined : JSON.stringify(stdin) });
  try { return JSON.parse(r.stdout); } catch {
    throw new Error(`${CLI} ${args.join(' ')} gave no envelope (exit ${r.status}): ${r.stdout.slice(0, 200)} ${r.stderr.slice(0, 200)}`);
  }
}

// How the page shows a figure: "5,072.08 元", or 无法测算 for null.
function shown(v) {
  if (v === null || v === undefined) return '无法测算';
  const [y, f] = String(v).split('.');
  return `${y.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(f || '').padEnd(2, '0')} 元`;
}

async function headline(page) {
  return page.$$eval('#headline dd', (dds) => Object.fromEntries(dds.map((d) => [d.dataset.k, d.textContent.trim()])));
}

function expectSplit(got, split, what) {
  for (const k of ['patient_pays', 'fund_paid', 'critical_illness_paid', 'self_pay', 'self_funded', 'total']) {
    assert.equal(got[k], shown(split[k]), `${what}: ${k}`);
  }
}

async function estimated(page, seqBefore) {
  await page.waitForFunction((s) => Number(document.documentElement.dataset.seq || 0) > s, seqBefore, { timeout: 10000 });
}
const seqOf = (page) => page.evaluate(() => Number(document.documentElement.dataset.seq || 0));

async function shot(page, name, selector) {
  if (process.env.CLAIMCALC_SCREENSHOTS === '0') return;
  mkdirSync(SHOTS, { recursive: true });
  if (selector) await page.$eval(selector, (el) => el.scrollIntoView({ block: 'start' }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(100);
  await page.screenshot({ path: join(SHOTS, name + '.png') });
}

const example = JSON.parse(readFileSync(join(root, 'examples/guangzhou-level3-inpatient.json'), 'utf8'));
const UNFILED = join(root, 'examples/guangzhou-insured-shenzhen-unfiled.json');
const unfiled = JSON.parse(readFileSync(UNFILED, 'utf8'));
const reverseCase = (name) => JSON.parse(readFileSync(join(root, 'tests/cases/shenzhen', name), 'utf8')).input;

// Opens the page on a share link for a request and waits for its estimate.
async function openCase(page, request) {
  await page.goto(server.url + '#r=' + Buffer.from(JSON.stringify(request)).toString('base64url'));
  await ready(page);
  await page.waitForSelector('html[data-estimated="1"]', { timeout: 20000 });
}
const statusText = (page, re) => page.waitForFunction((src) => new RegExp(src).test(document.getElementById('status').textContent), re.source, { timeout: 10000 });
const exampleCli = cli(example);
assert.ok(exampleCli.ok, 'the CLI estimates the example');

// Fills the form by hand, as a person would, with the example's data.
async function fillGuangzhou(page) {
  await page.selectOption('#insured_region', example.insured_region);
  await page.selectOption('#scheme', example.scheme);
  await page.selectOption('#person', example.person);
  await page.selectOption('#setting', example.setting);
  await page.selectOption('#hospital_level', example.hospital_level);
  await page.fill('#date_of_care', example.date_of_care);
  await page.fill('#discharge_date', example.discharge_date);
  await page.click('#ytd summary');
  await page.fill('#ytd_stays', String(example.year_to_date.stays));
  for (let i = 0; i < example.items.length; i++) {
    const it = example.items[i];
    if (i > 0) await page.click('#add_item');
    const row = page.locator('#items > li').nth(i);
    await row.locator('.i-name').fill(it.name);
    await row.locator('.i-class').selectOption(it.class);
    await row.locator('.i-amount').fill(it.amount ?? `${it.quantity}×${it.unit_price}`);
    if (it.selfpay_ratio) await row.locator('.i-ratio').fill(it.selfpay_ratio);
  }
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

// ---- the tests -------------------------------------------------------------------------------------------------
let server;
const metrics = {};

test('form: a Guangzhou inpatient bill typed in shows the CLI figures', async () => {
  const { ctx, page, consoleErrors } = await browser();
  try {
    await page.goto(server.url);
    await ready(page);
    await shot(page, '01-form-empty');
    await fillGuangzhou(page);
    const s = await seqOf(page);
    await page.locator('#items > li').last().locator('.i-ratio').press('Enter');
    await estimated(page, s);
    await page.waitForFunction(() => /测算完成/.test(document.getElementById('status').textContent));
    expectSplit(await headline(page), exampleCli.result.split, 'headline');
    assert.equal(await page.locator('#item_table tbody tr').count(), example.items.length, 'one table row per item');
    assert.equal(await page.locator('#steps > li').count(), exampleCli.result.steps.length, 'one list entry per step');
    const secondary = exampleCli.result.steps.filter((x) => x.source && x.source.confidence === 'secondary').length;
    assert.equal(await page.locator('#steps .badge.secondary').count(), secondary, 'secondary sources marked 二手资料');
    if (secondary) assert.equal((await page.locator('#steps .badge.secondary').first().textContent()).trim(), '二手资料');
    for (const c of exampleCli.result.cannot_estimate) assert.ok((await page.textContent('#cannot')).includes(c.reason_zh), 'cannot_estimate shown');
    const aloud = await page.inputValue('#aloud');
    for (const st of exampleCli.result.steps) assert.ok(aloud.includes(st.text_zh), 'read-aloud text holds every step');
    // The request the page built is the example's (plus the settlement it shows as chosen).
    await page.click('#share');
    const url = await page.inputValue('#share_url');
    const sent = await page.evaluate((u) => import('./share.js').then((m) => m.decodeRequest(new URL(u).hash.slice(3).split('&')[0])), url);
    assert.deepEqual(sent, { ...example, settlement: 'direct' });
    await shot(page, '02-form-filled', '#h-bill');
    await shot(page, '03-result', '#h-result');
    await page.click('#h-steps ~ details summary');
    await shot(page, '04-steps', '#h-steps');
    assert.deepEqual(consoleErrors, []);
  } finally { await ctx.close(); }
});

test('paste: a 费用清单 copied from a spreadsheet is read, shown and estimated', async () => {
  const { ctx, page } = await browser();
  try {
    await page.goto(server.url);
    await ready(page);
    const tsv = ['广州市某医院 住院费用明细清单', '项目名称\t医保类别\t数量\t单价\t金额(元)\t自付比例',
      ...example.items.map((it) => [it.name, { class_a: '甲类', class_b: '乙类', out_of_catalogue: '自费' }[it.class],
        it.quantity ?? 1, it.unit_price ?? it.amount, it.amount ?? '', it.selfpay_ratio ?? (it.class === 'class_a' ? '0%' : '100%')].join('\t')),
      '合计\t\t\t\t14,880.40\t'].join('\n');
    await page.selectOption('#insured_region', 'guangzhou');
    await page.selectOption('#person', 'active');
    await page.selectOption('#hospital_level', 'level3');
    await page.fill('#date_of_care', example.date_of_care);
    await page.fill('#discharge_date', example.discharge_date);
    await page.click('#ytd summary');
    await page.fill('#ytd_stays', '0');
    await page.check('input[name=mode][value=paste]');
    await page.fill('#paste', tsv);
    await page.waitForSelector('#paste_report table');
    const report = await page.textContent('#paste_report');
    assert.ok(report.includes(`识别出 ${example.items.length} 项，合计 14,880.40 元`), report);
    assert.ok(report.includes('名称=第1列') && report.includes('类别=第2列') && report.includes('金额=第5列') && report.includes('自付比例=第6列'), report);
    assert.ok(report.includes('跳过 1 行'), 'the 合计 line is skipped and said so');
    // Estimating straight from the pasted text
    let s = await seqOf(page);
    await page.click('#go');
    await estimated(page, s);
    expectSplit(await headline(page), exampleCli.result.split, 'pasted bill');
    await shot(page, '05-paste', '#h-bill');
    // Moving the rows into the item list keeps the figures
    await page.click('#paste_use');
    assert.equal(await page.locator('#items > li').count(), example.items.length);
    assert.equal(await page.inputValue('#items > li:nth-child(4) .i-ratio'), '10%');
    s = await seqOf(page);
    await page.click('#go');
    await estimated(page, s);
    expectSplit(await headline(page), exampleCli.result.split, 'pasted bill as items');
    // Comma-separated, quantity × unit price, ratio-only classes, no header
    await page.check('input[name=mode][value=paste]');
    await page.fill('#paste', '名称,自付比例,数量,单价\n床位费,0,9,60.00\n"白蛋白, 10g",20%,3,500\n特需病房,100%,1,900');
    await page.waitForFunction(() => /识别出 3 项，合计 2,940.00 元/.test(document.getElementById('paste_report').textContent));
    s = await seqOf(page);
    await page.click('#go');
    await estimated(page, s);
    const r2 = cli({ ...example, items: [
      { name: '床位费', class: 'class_a', quantity: 9, unit_price: '60.00' },
      { name: '白蛋白, 10g', class: 'class_b', quantity: 3, unit_price: '500', selfpay_ratio: '20%' },
      { name: '特需病房', class: 'out_of_catalogue', quantity: 1, unit_price: '900' }] });
    expectSplit(await headline(page), r2.result.split, 'csv bill');
  } finally { await ctx.close(); }
});

test('what-if: the same bill at each hospital level, with the differences and the rules behind them', async () => {
  const { ctx, page } = await browser();
  try {
    await page.goto(server.url);
    await ready(page);
    await fillGuangzhou(page);
    const s = await seqOf(page);
    await page.click('#go');
    await estimated(page, s);
    await page.waitForSelector('#whatif_levels_table tbody tr');
    const rows = await page.$$eval('#whatif_levels_table tbody tr', (trs) => trs.map((tr) => ({
      key: tr.dataset.key, current: tr.classList.contains('current'),
      pays: tr.querySelector('.pays .v')?.textContent, fund: tr.querySelector('.fund .v')?.textContent,
      delta: tr.querySelector('.pays .d')?.textContent, err: tr.querySelector('td.err')?.textContent })));
    assert.deepEqual(rows.map((r) => r.key), ['primary', 'level1', 'level2', 'level3']);
    const base = exampleCli.result.split;
    for (const r of rows) {
      const want = cli({ ...example, settlement: 'direct', hospital_level: r.key });
      if (!want.ok) { assert.equal(r.err, want.error.message_zh, `${r.key}: error shown`); continue; }
      const num = (v) => shown(v).replace(/ 元$/, '');
      assert.equal(r.pays, num(want.result.split.patient_pays), `${r.key}: patient pays`);
      assert.equal(r.fund, num(want.result.split.fund_paid), `${r.key}: fund`);
      assert.equal(r.current, r.key === 'level3');
      if (r.key !== 'level3' && want.result.split.patient_pays !== null && base.patient_pays !== null) {
        const d = Math.round(Number(want.result.split.patient_pays) * 100) - Math.round(Number(base.patient_pays) * 100);
        const yuan = shown((Math.abs(d) / 100).toFixed(2)).replace(' 元', '');
        assert.equal(r.delta, d === 0 ? '相同' : `${d > 0 ? '多' : '少'} ${yuan}`, `${r.key}: ${r.delta}`);
        // The steps that differ are listed with their rule's sentence
        const diffRules = want.result.steps.filter((st) => st.rule !== 'patient_pays' &&
          !exampleCli.result.steps.some((b) => b.rule === st.rule && b.text_zh === st.text_zh));
        const why = await page.textContent(`details.why[data-key=${r.key}]`);
        for (const st of diffRules) assert.ok(why.includes(st.text_zh), `${r.key}: why lists ${st.rule}`);
      }
    }
    await page.click('details.why[data-key=level2] summary');
    await shot(page, '06-whatif', '#h-whatif');
    // Cross-region: filed and not filed side by side
    await page.selectOption('#care_region', 'shenzhen');
    await page.waitForSelector('#filing_box:not([hidden])');
    assert.ok(await page.isVisible('#filing'));
    await page.waitForSelector('#whatif_filing_table tbody tr');
    assert.deepEqual(await page.$$eval('#whatif_filing_table tbody tr', (t) => t.map((r) => r.dataset.key)), ['none', 'temporary']);
    await page.selectOption('#filing', 'long_term');
    await page.waitForSelector('#filing_date_box:not([hidden])');
  } finally { await ctx.close(); }
});

test('share: the whole request travels in the URL fragment and opens to the same result', async () => {
  const a = await browser();
  const b = await browser();
  try {
    await a.page.goto(server.url);
    await ready(a.page);
    await fillGuangzhou(a.page);
    await a.page.selectOption('#settlement', 'manual');
    await a.page.fill('#ytd_deductible_paid', '1,000');
    const s = await seqOf(a.page);
    await a.page.click('#go');
    await estimated(a.page, s);
    await a.page.click('#share');
    const url = await a.page.inputValue('#share_url');
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/#r=[A-Za-z0-9_-]+$/);
    assert.equal(new URL(url).search, '', 'nothing in the query string: the server never sees the request');
    const before = server.log.length;
    await b.page.goto(url);
    await ready(b.page);
    await b.page.waitForSelector('html[data-estimated="1"]');
    assert.ok(server.log.slice(before).every((r) => !r.url.includes('r=')), 'the fragment is not sent');
    assert.deepEqual(await headline(b.page), await headline(a.page));
    const fields = ['insured_region', 'scheme', 'person', 'setting', 'hospital_level', 'date_of_care', 'discharge_date', 'settlement', 'ytd_stays', 'ytd_deductible_paid'];
    for (const f of fields) assert.equal(await b.page.inputValue('#' + f), f === 'ytd_deductible_paid' ? '1000' : await a.page.inputValue('#' + f), f);
    const items = (p) => p.$$eval('#items > li', (lis) => lis.map((li) => [...li.querySelectorAll('input, select')].map((x) => x.value)));
    assert.deepEqual(await items(b.page), await items(a.page));
    // English and large print travel too
    await b.page.click('#lang');
    await b.page.click('#elder');
    for (let i = 0; i < 8 && !(await b.page.isVisible('#share')); i++) await b.page.click('#next');
    await b.page.click('#share');
    const url2 = await b.page.inputValue('#share_url');
    assert.match(url2, /&lang=en&big=1$/);
  } finally { await a.ctx.close(); await b.ctx.close(); }
});

test('offline: after the first visit a reload works with the server stopped, and still estimates', async () => {
  const own = await serve(WEB);
  const { ctx, page } = await browser();
  try {
    await page.goto(own.url);
    await ready(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    await own.close();
    await page.reload();
    await ready(page);
    await fillGuangzhou(page);
    const s = await seqOf(page);
    await page.keyboard.press('Enter');
    await estimated(page, s);
    expectSplit(await headline(page), exampleCli.result.split, 'offline');
    // A new tab on the same address also opens offline
    const p2 = await ctx.newPage();
    await p2.goto(own.url + '#r=' + (await page.evaluate(() => import('./share.js').then((m) => m.encodeRequest({ insured_region: 'guangzhou' })))));
    await ready(p2);
  } finally { await ctx.close(); await own.close(); }
});

test('network: no request at all once the page has loaded', async () => {
  const own = await serve(WEB);
  const { ctx, page } = await browser();
  try {
    await page.goto(own.url);
    await ready(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    await page.waitForTimeout(500);
    const loaded = own.log.length;
    const files = [...new Set(own.log.map((r) => new URL(r.url, own.url).pathname))];
    const after = [];
    page.on('request', (r) => { if (!/^(blob|data):/.test(r.url())) after.push(r.url()); });
    ctx.on('request', (r) => { if (!/^(blob|data):/.test(r.url())) after.push('ctx ' + r.url()); });
    await fillGuangzhou(page);
    let s = await seqOf(page);
    await page.click('#go');
    await estimated(page, s);
    await page.click('#lang');
    await page.click('#lang');
    await page.click('#elder');
    await page.click('#next');
    await page.click('#elder');
    await page.click('#share');
    await page.check('input[name=mode][value=paste]');
    await page.fill('#paste', '名称\t类别\t金额\nCT\t甲\t100');
    s = await seqOf(page);
    await page.click('#go');
    await estimated(page, s);
    await page.selectOption('#care_region', 'shenzhen');
    await page.waitForTimeout(600);
    await page.evaluate(() => import('./ics.js'));
    // The tools: guide (and its calendar file), diagnosis, reverse settlement
    await page.click('#guide_go');
    await page.waitForSelector('#guide_title');
    await page.click('#diag_form .chip');
    await page.waitForSelector('#diag_causes');
    await page.fill('#rev_fund_paid', '0');
    await page.fill('#rev_patient_pays', '100');
    await page.click('#rev_go');
    await page.waitForSelector('#rev_title');
    await page.selectOption('#care_region', 'other');
    await page.waitForTimeout(600);
    assert.deepEqual(after, [], 'requests made by the page after load');
    assert.equal(own.log.length, loaded, 'requests the server saw after load: ' + JSON.stringify(own.log.slice(loaded)));
    metrics.first_load_files = files;
    const br = (f) => brotliCompressSync(readFileSync(join(WEB, f === '/' ? 'index.html' : f.slice(1))), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    metrics.first_load_brotli_bytes = files.filter((f) => f !== '/' || !files.includes('/index.html')).reduce((a, f) => a + br(f), 0);
  } finally { await ctx.close(); await own.close(); }
});

test('CSP: enforced by header and by the meta tag; the page itself causes no violation', async () => {
  for (const header of [true, false]) {
    const own = await serve(WEB, { csp: header });
    const { ctx, page, consoleErrors } = await browser();
    try {
      const res = await page.goto(own.url);
      assert.equal(res.headers()['content-security-policy'], header ? CSP : undefined);
      await ready(page);
      await fillGuangzhou(page);
      const s = await seqOf(page);
      await page.click('#go');
      await estimated(page, s);
      await page.click('#elder');
      await page.click('#elder');
      await page.click('#guide_go');
      await page.waitForSelector('#guide_title');
      await page.click('#diag_form .chip');
      await page.waitForSelector('#diag_causes');
      await page.fill('#rev_fund_paid', '0');
      await page.fill('#rev_patient_pays', '100');
      await page.click('#rev_go');
      await page.waitForSelector('#rev_title');
      assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no violation in normal use');
      assert.deepEqual(consoleErrors.filter((e) => /Content Security Policy|Refused/.test(e)), []);
      const ran = await page.evaluate(async () => {
        const sc = document.createElement('script');
        sc.textContent = 'window.__inlineRan = true';
        document.body.append(sc);
        const div = document.createElement('div');
        div.setAttribute('style', 'color: red');
        document.body.append(div);
        await new Promise((r) => setTimeout(r, 100));
        return { inline: window.__inlineRan === true, style: getComputedStyle(div).color };
      });
      assert.equal(ran.inline, false, 'an injected inline script does not run');
      assert.notEqual(ran.style, 'rgb(255, 0, 0)', 'an inline style attribute is not applied');
      const v = await page.evaluate(() => window.__csp);
      assert.ok(v.some((x) => /^script-src/.test(x)) && v.some((x) => /^style-src/.test(x)), JSON.stringify(v));
      // A script from anywhere but this origin is refused too (devtools' evaluate itself may eval; pages may not).
      const dataRan = await page.evaluate(() => new Promise((r) => {
        const sc = document.createElement('script');
        sc.src = 'data:text/javascript,window.__dataRan=true';
        sc.onerror = () => r(false);
        sc.onload = () => r(window.__dataRan === true);
        document.body.append(sc);
      }));
      assert.equal(dataRan, false, 'a data: script does not run');
    } finally { await ctx.close(); await own.close(); }
  }
});

test('errors: a bad amount shows the engine message next to that input, as typed', async () => {
  const { ctx, page } = await browser();
  try {
    await page.goto(server.url);
    await ready(page);
    await fillGuangzhou(page);
    const cases = [['12a', 'invalid_money'], ['-5', 'negative_amount']];
    for (const [typed] of cases) {
      const bad = structuredClone(example);
      bad.items[2] = { ...bad.items[2], amount: typed };
      const want = cli(bad);
      assert.equal(want.ok, false);
      assert.equal(want.error.field, 'items[2].amount');
      const input = page.locator('#items > li').nth(2).locator('.i-amount');
      await input.fill(typed); // no Enter: validated as typed
      const err = page.locator('#items > li').nth(2).locator('.err');
      await err.waitFor({ state: 'visible', timeout: 5000 });
      await page.waitForFunction((m) => document.querySelector('#items > li:nth-child(3) .err').textContent === m,
        want.error.message_zh, { timeout: 5000 }).catch(() => {});
      assert.equal((await err.textContent()).trim(), want.error.message_zh);
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      assert.equal(await input.getAttribute('aria-describedby'), await err.getAttribute('id'));
      if (typed === '12a') await shot(page, '07-field-error', '#h-bill');
    }
    // English shows the English message
    await page.click('#lang');
    const input = page.locator('#items > li').nth(2).locator('.i-amount');
    await input.fill('1x');
    await page.waitForFunction(() => /amount/i.test(document.querySelector('#items > li:nth-child(3) .err').textContent));
    await page.click('#lang');
    // Corrected: the message goes away and the result is no longer stale
    await input.fill('5800.00');
    await page.locator('#items > li').nth(2).locator('.err').waitFor({ state: 'hidden' });
    await page.waitForSelector('#stale[hidden]', { state: 'attached' });
    // Enter with a required field missing: the error is shown there and focus goes to it
    await page.fill('#date_of_care', '');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement.id === 'date_of_care');
    assert.equal(await page.getAttribute('#date_of_care', 'aria-invalid'), 'true');
  } finally { await ctx.close(); }
});

test('keyboard: every control reachable with Tab, Enter estimates, the result is announced', async () => {
  const { ctx, page } = await browser();
  try {
    await page.goto(server.url);
    await ready(page);
    await fillGuangzhou(page);
    await page.evaluate(() => document.activeElement.blur());
    const seen = new Set();
    for (let i = 0; i < 110; i++) {
      await page.keyboard.press('Tab');
      seen.add(await page.evaluate(() => { const a = document.activeElement; return a.id || a.className || a.tagName; }));
    }
    for (const id of ['lang', 'elder', 'print', 'insured_region', 'care_region', 'scheme', 'person', 'setting', 'hospital_level',
      'age', 'enrolment_date', 'date_of_care', 'discharge_date', 'settlement', 'ytd_stays', 'ytd_outpatient_pool_paid_this_month', 'i-name', 'i-class', 'i-amount', 'i-ratio', 'i-del', 'add_item', 'go', 'clear', 'remember']) {
      assert.ok(seen.has(id), `Tab reaches ${id}`);
    }
    await page.focus('#hospital_level');
    const s = await seqOf(page);
    await page.keyboard.press('Enter');
    await estimated(page, s);
    await page.waitForFunction(() => /测算完成：你需支付/.test(document.getElementById('status').textContent));
    assert.equal(await page.getAttribute('#status', 'aria-live'), 'polite');
  } finally { await ctx.close(); }
});

test('large print, English, print, calendar', async () => {
  const { ctx, page } = await browser();
  try {
    await page.goto(server.url);
    await ready(page);
    await page.click('#elder');
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('elder')));
    assert.ok(await page.isVisible('#h-where') && !(await page.isVisible('#h-who')), 'one step per screen');
    await shot(page, '08-elder-form');
    await page.click('#next');
    assert.ok(await page.isVisible('#h-who') && !(await page.isVisible('#h-where')));
    await page.click('#elder');
    await fillGuangzhou(page);
    await page.click('#elder');
    // Back to the bill and on: the last form step estimates and shows the first result screen.
    for (let i = 0; i < 3; i++) await page.click('#next');
    const s = await seqOf(page);
    await page.click('#next');
    await estimated(page, s);
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'h-result');
    expectSplit(await headline(page), exampleCli.result.split, 'large print');
    await shot(page, '09-elder-result');
    await page.click('#elder');
    await page.click('#lang');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal((await page.textContent('#h-result')).trim(), 'Estimate');
    assert.ok((await page.textContent('#steps')).includes(exampleCli.result.steps[1].text_en));
    await shot(page, '10-english', '#h-result');
    await page.click('#lang');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('#form'), false, 'the form is not printed');
    assert.ok(await page.isVisible('#steps'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, '11-print.png'), fullPage: false });
    await page.emulateMedia({ media: 'screen' });
    // Calendar file from deadlines (the engine gives none for this case yet: build one from a sample)
    const ics = await page.evaluate(() => import('./ics.js').then((m) => m.deadlinesToIcs([{ id: 'manual_claim', label_zh: '手工报销截止', label_en: 'Manual claim deadline',
      date: '2025-12-31', weekday_zh: '星期三', weekday_en: 'Wednesday', rule_zh: '出院后 6 个月内，按自然日计算，超长的说明文字'.repeat(3), rule_en: 'x', counted_from: '2025-03-12',
      source: { title: '广州市医疗保障局通知', doc_no: '穗医保规字〔2022〕1号' } }], 'zh', new Date(Date.UTC(2025, 0, 2, 3, 4, 5)))));
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.ok(ics.includes('DTSTART;VALUE=DATE:20251231\r\n') && ics.includes('DTEND;VALUE=DATE:20260101\r\n') && ics.includes('DTSTAMP:20250102T030405Z'));
    assert.ok(ics.includes('SUMMARY:手工报销截止'));
    for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, 'folded: ' + line);
  } finally { await ctx.close(); }
});

test('still to answer, materials as a checklist, deadlines with a calendar file', async () => {
  const { ctx, page } = await browser();
  try {
    await page.goto(server.url);
    await ready(page);
    await fillGuangzhou(page);
    await page.selectOption('#settlement', 'manual');
    await page.selectOption('#hospital_level', '');
    const noLevel = cli({ ...example, settlement: 'manual', hospital_level: undefined });
    let s = await seqOf(page);
    await page.click('#go');
    await estimated(page, s);
    const nq = noLevel.result.next_questions || [];
    assert.equal(await page.isVisible('#next_box'), nq.length > 0);
    for (const q of nq) assert.ok((await page.textContent('#next_questions')).includes(q.question_zh));
    if (nq.some((q) => q.field === 'hospital_level')) {
      await page.click('#next_questions button');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'hospital_level');
    }
    await page.selectOption('#hospital_level', 'level3');
    s = await seqOf(page);
    await page.click('#go');
    await estimated(page, s);
    const want = cli({ ...example, settlement: 'manual' }).result;
    assert.equal(await page.locator('#materials input[type=checkbox]').count(), want.materials.length, 'one checkbox per document');
    for (const m of want.materials) assert.ok((await page.textContent('#materials')).includes(m.name_zh));
    const dl = await page.textContent('#deadlines');
    for (const d of want.deadlines) assert.ok(dl.includes(`${d.date} ${d.weekday_zh}`) && dl.includes(d.label_zh), dl);
    if (want.deadlines.length) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#ics')]);
      assert.equal(download.suggestedFilename(), 'claimcalc-deadlines.ics');
      const ics = readFileSync(await download.path(), 'utf8');
      const unfolded = ics.replace(/\r\n /g, '');
      for (const d of want.deadlines) {
        assert.ok(unfolded.includes('DTSTART;VALUE=DATE:' + d.date.replace(/-/g, '')), ics);
        assert.ok(unfolded.includes('SUMMARY:' + d.label_zh), ics);
      }
    }
    await shot(page, '12-materials-deadlines', '#h-todo');
  } finally { await ctx.close(); }
});

test('timing: navigation to first estimate (share link), cold and with the service worker', async () => {
  const { encodeRequest } = { encodeRequest: (r) => Buffer.from(JSON.stringify(r)).toString('base64url') };
  const url = server.url + '#r=' + encodeRequest(example);
  const { ctx, page } = await browser();
  try {
    const runs = [];
    for (let i = 0; i < 4; i++) {
      if (i === 0) await page.goto(url); else await page.reload();
      await page.waitForSelector('html[data-estimated="1"]', { timeout: 20000 });
      runs.push(await page.evaluate(() => Math.round(performance.getEntriesByName('claimcalc:first-estimate')[0].startTime)));
      expectSplit(await headline(page), exampleCli.result.split, 'timing run');
      if (i === 0) await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    }
    metrics.first_estimate_ms = { cold: runs[0], warm: runs.slice(1) };
  } finally { await ctx.close(); }
});

test('guide: the manual-claim guide for the unfiled Shenzhen case is the CLI one, deadlines as the CLI gives them', async () => {
  const want = cliRun(['guide', 'manual_claim', UNFILED]);
  assert.ok(want.ok, 'the CLI gives the guide');
  const g = want.result;
  // Guangzhou's manual-claim time limit rests on one secondary page, so it is not in the data: no dated deadline.
  assert.deepEqual(g.deadlines, [], 'no deadline without a cited time limit');
  const { ctx, page, consoleErrors } = await browser();
  try {
    await openCase(page, unfiled);
    // The estimate leads to a manual claim: its guide is offered next to the materials.
    const est = cli(unfiled);
    assert.ok(est.result.materials.length > 0);
    assert.ok(await page.isVisible('#guide_manual'), 'manual-claim guide offered');
    await page.click('#guide_manual');
    await page.waitForSelector('#guide_title');
    await page.waitForFunction(() => document.activeElement.id === 'guide_title');
    await statusText(page, /^办事指南：/);
    assert.equal(await page.inputValue('#guide_scenario'), 'manual_claim');
    assert.equal((await page.textContent('#guide_title')).trim(), g.title_zh);
    assert.ok((await page.textContent('#guide_out .basis')).includes('按上面填写的情况'), 'uses the form request');
    // Steps with their sources; secondary sources marked
    const steps = await page.$$eval('#guide_steps > li > p:first-child', (ps) => ps.map((p) => p.textContent));
    assert.deepEqual(steps, g.steps.map((x) => x.text_zh));
    assert.equal(await page.locator('#guide_steps .badge.secondary').count(), g.steps.filter((x) => x.source && x.source.confidence === 'secondary').length);
    // Materials: one checkbox each, the CLI names in order
    const mats = await page.$$eval('#guide_materials li label > span', (ss) => ss.map((x) => x.firstChild.textContent));
    assert.deepEqual(mats, g.materials.map((m) => m.name_zh));
    assert.equal(await page.locator('#guide_materials input[type=checkbox]').count(), g.materials.length);
    // Deadlines, dated, and as a calendar file
    const dl = await page.$$eval('#guide_deadlines time', (ts) => ts.map((x) => [x.getAttribute('datetime'), x.textContent]));
    assert.deepEqual(dl, g.deadlines.map((d) => [d.date, `${d.date} ${d.weekday_zh}`]));
    // No channels in the data for this one: said plainly
    assert.equal(await page.locator('#guide_channels li.none').count(), g.channels.length ? 0 : 1);
    await shot(page, '13-guide', '#guide_title');

    // Another scenario: channels online/offline and what is not in the data
    const want2 = cliRun(['guide', 'cross_region_filing', UNFILED]).result;
    await page.selectOption('#guide_scenario', 'cross_region_filing');
    await page.click('#guide_go');
    await page.waitForFunction((t) => document.getElementById('guide_title')?.textContent === t, want2.title_zh);
    const chans = await page.$$eval('#guide_channels > li', (lis) => lis.map((li) => [li.dataset.kind, li.querySelector('.kind').textContent, li.querySelector('strong').textContent]));
    assert.deepEqual(chans, want2.channels.map((c) => [c.kind, c.kind === 'online' ? '线上' : '线下', c.name_zh]));
    assert.ok(want2.not_in_data.length > 0);
    const gaps = await page.textContent('#guide_gaps');
    for (const x of want2.not_in_data) assert.ok(gaps.includes(x.zh), gaps);
    assert.ok(gaps.includes('未收录'));
    await shot(page, '14-guide-channels', '#guide_channels');
    // English from the same answer
    await page.click('#lang');
    assert.equal((await page.textContent('#guide_title')).trim(), want2.title_en);
    assert.ok((await page.textContent('#guide_channels')).includes('online'));
    await page.click('#lang');

    // Form not valid: the insured region alone, and the deadline waits for a date
    await page.fill('#date_of_care', '');
    await page.selectOption('#guide_scenario', 'manual_claim');
    const byRegion = cliRun(['guide', 'manual_claim', '--region', 'guangzhou']).result;
    await page.click('#guide_go');
    await page.waitForFunction(() => /只按参保地/.test(document.querySelector('#guide_out .basis')?.textContent || ''));
    assert.equal(await page.locator('#guide_deadlines time').count(), byRegion.deadlines.length);
    for (const c of byRegion.cannot_estimate) assert.ok((await page.textContent('#guide_out')).includes(c.reason_zh));
    assert.deepEqual(consoleErrors, []);
  } finally { await ctx.close(); }
});

test('diagnosis: a settlement error message with the case gives the CLI causes in order', async () => {
  const want = cliRun(['diagnose', '未查询到备案信息', UNFILED]);
  assert.ok(want.ok && want.result.causes.length > 0);
  const { ctx, page } = await browser();
  try {
    await openCase(page, unfiled);
    await page.click('#diag_form .chip >> text=未查询到备案信息');
    await page.waitForSelector('#diag_causes');
    assert.equal(await page.inputValue('#diag_symptom'), '未查询到备案信息');
    const causes = await page.$$eval('#diag_causes > li', (lis) => lis.map((li) => ({ id: li.dataset.id, title: li.querySelector('.title').textContent,
      match: li.querySelector('.badge.match')?.textContent || '', text: li.textContent })));
    assert.equal(causes[0].title, want.result.causes[0].title_zh, 'first cause as the CLI');
    assert.deepEqual(causes.map((c) => c.id), want.result.causes.map((c) => c.id), 'same order');
    want.result.causes.forEach((c, i) => {
      if (c.matched.length) assert.ok(causes[i].match.includes(c.matched.join('、')), 'matched words shown');
      else assert.equal(causes[i].match, '');
      for (const a of c.actions) assert.ok(causes[i].text.includes(a.text_zh), 'actions shown');
      if (c.context_zh) assert.ok(causes[i].text.includes(c.context_zh), 'context shown');
    });
    await statusText(page, new RegExp('最可能的是“' + want.result.causes[0].title_zh));
    await shot(page, '15-diagnosis', '#h-diag');
    // Typed text, by keyboard: Enter diagnoses
    const want2 = cliRun(['diagnose', '读卡失败', UNFILED]).result;
    await page.fill('#diag_symptom', '读卡失败');
    await page.press('#diag_symptom', 'Enter');
    await page.waitForFunction((t) => document.querySelector('#diag_causes .title')?.textContent === t, want2.causes[0].title_zh);
    // Nothing typed: said next to the box
    await page.fill('#diag_symptom', '');
    await page.click('#diag_go');
    await page.waitForSelector('#diag_error:not([hidden])');
    assert.equal(await page.getAttribute('#diag_symptom', 'aria-invalid'), 'true');
  } finally { await ctx.close(); }
});

test('reverse settlement: the difference per fund and the direction equal the CLI', async () => {
  const { ctx, page } = await browser();
  try {
    for (const [name, verdict] of [['r01-cross-region-not-settled-then-re-recorded.json', '退还个人'], ['r04-corrected-costs-more.json', '个人补缴']]) {
      const input = reverseCase(name);
      const want = cliRun(['call', '-'], { op: 'reverse', ...input });
      assert.ok(want.ok, name);
      const r = want.result;
      await openCase(page, input.request);
      for (const k of ['fund_paid', 'critical_illness_paid', 'patient_pays']) await page.fill('#rev_' + k, input.original[k] ?? '');
      await page.click('#rev_go');
      await page.waitForFunction((d) => document.getElementById('rev_title')?.dataset.direction === d, r.direction);
      const rows = await page.$$eval('#rev_table tbody tr', (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.k,
        { cells: [...tr.querySelectorAll('td')].map((td) => td.textContent), v: tr.querySelector('td.diff').dataset.v }])));
      const num = (v) => shown(v).replace(/ 元$/, '');
      for (const k of ['fund_paid', 'critical_illness_paid', 'patient_pays']) {
        assert.equal(rows[k].v, r.difference[k] ?? '', `${name}: difference.${k}`);
        assert.equal(rows[k].cells[0], num(r.original[k]), `${name}: original ${k}`);
        assert.equal(rows[k].cells[1], num(r.corrected.split[k]), `${name}: corrected ${k}`);
      }
      const pays = r.difference.patient_pays;
      assert.equal((await page.textContent('#rev_title')).trim(), `${verdict} ${shown(pays.replace(/^-/, ''))}`);
      assert.equal(r.direction, verdict === '退还个人' ? 'refund_to_patient' : 'patient_pays_more');
      assert.equal(rows.patient_pays.cells[2], `${verdict === '退还个人' ? '退还' : '补缴'} ${num(pays.replace(/^-/, ''))}`);
      // The corrected estimate's explanation
      const steps = await page.$$eval('#rev_steps > li > p:first-child', (ps) => ps.map((p) => p.textContent));
      assert.deepEqual(steps, r.corrected.steps.map((x) => x.text_zh));
      await statusText(page, /^反结算：/);
      if (verdict === '退还个人') { await page.click('#rev_out details summary'); await shot(page, '16-reverse', '#h-rev'); }
    }
    // A bad amount: the engine's message next to that input
    await page.fill('#rev_fund_paid', '1x');
    await page.click('#rev_go');
    const bad = cliRun(['call', '-'], { op: 'reverse', original: { fund_paid: '1x', patient_pays: '2490' }, request: reverseCase('r04-corrected-costs-more.json').request });
    assert.equal(bad.error.field, 'original.fund_paid');
    await page.waitForFunction(() => document.getElementById('rev_fund_paid').getAttribute('aria-invalid') === 'true');
    assert.equal((await page.textContent('#rev_fund_paid + .err')).trim(), bad.error.message_zh);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'rev_fund_paid');
    // The form cannot be estimated: said, with a way to the field
    await page.fill('#rev_fund_paid', '0');
    await page.fill('#date_of_care', '');
    await page.click('#rev_go');
    await page.waitForSelector('#rev_error:not([hidden]) button');
    await page.click('#rev_error button');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'date_of_care');
  } finally { await ctx.close(); }
});

test('care province and insured class: asked when the care city has no data, and sent as the CLI expects', async () => {
  const { ctx, page } = await browser();
  try {
    const base = reverseCase('r01-cross-region-not-settled-then-re-recorded.json').request;
    await openCase(page, base);
    assert.equal(await page.isVisible('#care_province'), false, 'a care city with data needs no province');
    // Care in a city not in the list: the province decides in- or out-of-province rules
    let s = await seqOf(page);
    await page.selectOption('#care_region', 'other');
    await page.waitForSelector('#care_province_box:not([hidden])');
    await page.waitForFunction((x) => Number(document.documentElement.dataset.seq) > x, s);
    s = await seqOf(page);
    await page.click('#go');
    await estimated(page, s);
    const noProv = cli({ ...base, care_region: 'other' });
    assert.ok(noProv.result.next_questions.some((q) => q.field === 'care_province'));
    expectSplit(await headline(page), noProv.result.split, 'no province');
    await page.click('#next_questions li[data-field=care_province] button');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'care_province');
    assert.ok((await page.textContent('#care_province option[value=guangdong]')).includes('同省'));
    for (const [prov, what] of [['beijing', 'out of province'], ['guangdong', 'in province']]) {
      s = await seqOf(page);
      await page.selectOption('#care_province', prov);
      await page.click('#go');
      await estimated(page, s);
      expectSplit(await headline(page), cli({ ...base, care_region: 'other', care_province: prov }).result.split, what);
    }
    await shot(page, '17-care-province', '#h-where');
    // The insured region's class of an item, under 更多 in the row, only for care elsewhere
    const row = page.locator('#items > li').first();
    assert.ok(await row.locator('.adv').isVisible());
    await row.locator('.adv summary').click();
    await row.locator('.i-ins').selectOption('class_b');
    s = await seqOf(page);
    await page.click('#go');
    await estimated(page, s);
    await page.click('#share');
    const url = await page.inputValue('#share_url');
    const sent = await page.evaluate((u) => import('./share.js').then((m) => m.decodeRequest(new URL(u).hash.slice(3).split('&')[0])), url);
    assert.equal(sent.items[0].insured_class, 'class_b');
    assert.equal(sent.care_province, 'guangdong');
    expectSplit(await headline(page), cli(sent).result.split, 'insured class');
    // Same region again: no province, and no insured class offered on rows without one
    await page.selectOption('#care_region', '');
    assert.equal(await page.isVisible('#care_province'), false);
    await page.click('#add_item');
    assert.equal(await page.locator('#items > li').last().locator('.adv').isVisible(), false);
  } finally { await ctx.close(); }
});

test('keyboard: the tools are reachable and work without a mouse, and are announced', async () => {
  const { ctx, page } = await browser();
  try {
    await openCase(page, unfiled);
    await page.focus('#print');
    const seen = new Set();
    for (let i = 0; i < 4; i++) { await page.keyboard.press('Tab'); seen.add(await page.evaluate(() => document.activeElement.dataset.go || document.activeElement.id)); }
    for (const k of ['t_guide', 't_diag', 't_rev']) assert.ok(seen.has(k), 'Tab reaches the tool link ' + k);
    // The link to a tool moves focus to it
    await page.focus('.toolnav a[data-go=t_diag]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement.id === 'h-diag');
    // From the diagnosis heading on: every tool control in order
    const order = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => { const a = document.activeElement; return a.id || a.className; }));
    }
    for (const id of ['diag_symptom', 'diag_go', 'chip', 'rev_fund_paid', 'rev_critical_illness_paid', 'rev_patient_pays', 'rev_go']) assert.ok(order.includes(id), 'Tab reaches ' + id + ': ' + order.join(' '));
    // A chip with the keyboard
    await page.focus('#diag_form .chip');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#diag_causes');
    await statusText(page, /^诊断：/);
    assert.equal(await page.getAttribute('#status', 'aria-live'), 'polite');
    // The guide: choose the scenario with the keyboard, then the button
    await page.focus('#guide_scenario');
    await page.keyboard.press('End');
    assert.equal(await page.inputValue('#guide_scenario'), 'special_disease');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'guide_go');
    await page.keyboard.press('Enter');
    const sd = cliRun(['guide', 'special_disease', UNFILED]).result;
    await page.waitForFunction((t) => document.getElementById('guide_title')?.textContent === t, sd.title_zh);
    await statusText(page, /^办事指南：/);
    // Reverse settlement with Enter in an amount
    await page.fill('#rev_fund_paid', '0');
    await page.fill('#rev_patient_pays', '18330.50');
    await page.press('#rev_patient_pays', 'Enter');
    await page.waitForSelector('#rev_title');
    await statusText(page, /^反结算：/);
    // Still to answer: each question is a button to its field
    const ids = { hospital_level: 'hospital_level', 'year_to_date.stays': 'ytd_stays', care_province: 'care_province', filing: 'filing',
      settlement: 'settlement', person: 'person', tier: 'tier', age: 'age', discharge_date: 'discharge_date', enrolment_date: 'enrolment_date' };
    const open = { ...example, hospital_level: undefined, year_to_date: undefined };
    const nq = cli(open).result.next_questions;
    assert.ok(nq.some((q) => q.field === 'hospital_level'), JSON.stringify(nq));
    await openCase(page, JSON.parse(JSON.stringify(open)));
    for (const q of nq) {
      const btn = `#next_questions li[data-field="${q.field}"] button`;
      assert.equal(await page.locator(btn).count(), ids[q.field] ? 1 : 0, q.field);
      if (!ids[q.field]) continue;
      await page.focus(btn);
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement.id), ids[q.field]);
    }
  } finally { await ctx.close(); }
});

test('tools in large print and in print', async () => {
  const { ctx, page } = await browser();
  try {
    await openCase(page, unfiled);
    await page.click('#guide_manual');
    await page.waitForSelector('#guide_title');
    await page.click('#elder');
    await page.click('.toolnav a[data-go=t_guide]');
    assert.ok(await page.isVisible('#h-guide') && !(await page.isVisible('#h-result')) && !(await page.isVisible('#h-diag')), 'one tool per screen');
    assert.ok(await page.isVisible('#guide_materials'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, '18-elder-guide');
    await page.click('#next');
    assert.ok(await page.isVisible('#h-diag'));
    await page.click('#elder');
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.isVisible('#guide_materials'), 'the guide is printed');
    assert.equal(await page.isVisible('#guide_form'), false, 'not its controls');
    assert.equal(await page.isVisible('#diag_box'), false, 'an unused tool is not printed');
    assert.equal(await page.isVisible('.toolnav'), false);
    await page.$eval('#h-guide', (el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SHOTS, '19-print-guide.png') });
    await page.emulateMedia({ media: 'screen' });
  } finally { await ctx.close(); }
});

// ---- run -------------------------------------------------------------------------------------------------------
server = await serve(WEB);
let failed = 0;
const t0 = Date.now();
for (const { name, fn } of tests) {
  if (filter && !name.includes(filter)) continue;
  const t1 = Date.now();
  try {
    await fn();
    console.log(`ok   ${name} (${Date.now() - t1} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${(e && e.stack || String(e)).split('\n').slice(0, 6).join('\n     ')}`);
  }
}
await server.close();
for (const d of profiles) rmSync(d, { recursive: true, force: true });

// Page weight: every file of build/dist/web that a visit downloads (all but the no-WebAssembly fallback).
const br = (f) => brotliCompressSync(readFileSync(join(WEB, f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const all = readdirSync(WEB).filter((f) => f !== 'claimcalc.asm.js');
metrics.page_files = all.length;
metrics.page_brotli_bytes = all.reduce((a, f) => a + br(f), 0);
metrics.fallback_asm_js_brotli_bytes = existsSync(join(WEB, 'claimcalc.asm.js')) ? br('claimcalc.asm.js') : null;
console.log('metrics ' + JSON.stringify(metrics));
console.log(`${failed ? 'FAILED' : 'passed'}: ${failed} failure(s), ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
