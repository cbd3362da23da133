// The authoring view (web/author.html) in Debian's headless chromium: a person enters Guangzhou's employee inpatient
// figures from the pages policies/guangzhou cites, sees the validator refuse a malformed source date (field named
// and marked), fixes it, tries an estimate with the draft and downloads the file, which `claimcalc policies validate`
// then accepts. The quote/also step waits for the policy format that requires them (data's landing).
//   node --test tests/web/author.test.mjs    (env as tests/web/run.mjs: CLAIMCALC_WEB, CLAIMCALC_CLI, CHROMIUM)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = process.env.CLAIMCALC_SOURCE_DIR || resolve(here, '../..');
const WEB = resolve(process.env.CLAIMCALC_WEB || join(root, 'build/dist/web'));
const CLI = resolve(process.env.CLAIMCALC_CLI || join(root, 'build/claimcalc'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const SOURCES = [
  { id: 'hzbdd_214111', title: '广州退休医保住院起付标准（有家健康网）', office: 'hzbdd.com（非官方）', date: '2025-04-08',
    url: 'https://www.hzbdd.com/214111', confidence: 'secondary' },
  { id: 'jsjk_6418893', title: '广州医保住院报销起付标准（久松健康）', office: 'jiusongjiankang.com（非官方）', date: 'undated',
    url: 'https://m.jiusongjiankang.com/health/news/6418893.html', confidence: 'secondary' },
  { id: 'jsjk_4479971', title: '广州医保住院报销比例（久松健康）', office: 'jiusongjiankang.com（非官方）', date: 'undated',
    url: 'https://m.jiusongjiankang.com/health/news/4479971.html', confidence: 'secondary' },
];
const DEDUCTIBLE = { value: '1000', source: 'hzbdd_214111', clause: '三级医疗机构 在职退休人员：1000元',
  quote: '3. 三级医疗机构 • 在职退休人员:1000元', also_source: 'jsjk_6418893',
  also_quote: '广州市医保住院报销的起付标准根据医疗机构等级分为三档:一级定点医疗机构为250元,二级定点医疗机构为500元,三级定点医疗机构为1000元。' };
const RATIO = { value: '80', source: 'hzbdd_214111', clause: '在职职工：三级80%', quote: '在职职工:一级90%、二级85%、三级80%',
  also_source: 'jsjk_4479971', also_quote: '三甲级医院:统筹基金报销80%' };

async function fillFigure(page, name, f) {
  const row = page.locator(`[data-figure="${name}"]`);
  for (const k of ['value', 'clause']) await row.locator(`[data-k="${k}"]`).fill(f[k]);
  await row.locator('[data-k="source"]').selectOption(f.source);
  // The format requires the source's own sentence, and a second page that agrees for a secondary source.
  await row.locator('[data-k="quote"]').fill(f.quote);
  await row.locator('[data-k="also_source"]').selectOption(f.also_source);
  await row.locator('[data-k="also_quote"]').fill(f.also_quote);
}

const verdict = (page, state) => page.waitForSelector(`#verdict[data-state="${state}"]`, { timeout: 10000 });

test('author a region from sentences, see a malformed source date refused, estimate with the draft, download it', {
  skip: !existsSync(CHROMIUM) && `${CHROMIUM} is not installed`,
}, async () => {
  assert.ok(existsSync(join(WEB, 'author.html')), `no ${WEB}/author.html (cmake --build build --target web)`);
  const { chromium } = await import('playwright-core');
  const server = await serve(WEB);
  const profile = mkdtempSync(join(tmpdir(), 'claimcalc-author-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, acceptDownloads: true, locale: 'zh-CN' });
  const outside = [];
  const problems = [];
  try {
    const page = ctx.pages()[0] || (await ctx.newPage());
    page.on('request', (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith('blob:')) outside.push(r.url()); });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });

    // The calculator's footer leads here.
    await page.goto(server.url);
    await page.click('a[href="author.html"]');
    await page.waitForSelector('html[data-ready="1"]', { timeout: 20000 });
    assert.ok(await page.locator('#regions option[value="guangzhou"]').count(), 'the region list offers guangzhou');

    await page.fill('#region', 'guangzhou');
    await page.fill('#name_zh', '广州市');
    await page.fill('#name_en', 'Guangzhou');
    await page.fill('#province', 'guangdong');
    await page.fill('#effective_from', '2022-12-01');
    await page.fill('#last_verified', '2026-11-30');
    for (let i = 0; i < SOURCES.length; i++) {
      if (i > 0) await page.click('#add_source');
      const row = page.locator('#sources fieldset').nth(i);
      for (const [k, v] of Object.entries(SOURCES[i])) {
        if (k === 'confidence') await row.locator(`[data-k="${k}"]`).selectOption(v);
        else await row.locator(`[data-k="${k}"]`).fill(v);
      }
    }
    await page.selectOption('#scheme', 'employee');
    await page.selectOption('#person', 'active');

    // A source date the validator does not take: refused, the field named and marked in the form.
    await fillFigure(page, 'deductible-level3', DEDUCTIBLE);
    await fillFigure(page, 'ratio-level3', RATIO);
    const date = page.locator('#sources fieldset').first().locator('[data-k="date"]');
    await date.fill('2025/04/08');
    const want = 'guangzhou/2022-12-01.json#/sources/0/date';
    await page.waitForFunction((f) => document.getElementById('verdict').dataset.field === f, want, { timeout: 10000 })
      .catch(async () => assert.fail(`verdict: ${await page.getAttribute('#verdict', 'data-field')} ${await page.textContent('#verdict')}`));
    assert.match(await page.textContent('#verdict'), /日期|date/);
    assert.equal(await date.getAttribute('aria-invalid'), 'true');

    // Fixed: valid.
    await date.fill(SOURCES[0].date);
    await verdict(page, 'ok');
    assert.equal(await page.locator('[aria-invalid]').count(), 0);

    // An estimate with the draft: 20000 yuan of class-A care at a level-3 hospital, active employee.
    // By hand: fund = (20000 - 1000) x 80% = 15200.00 (an upper bound: Guangzhou's annual cap is not in the draft); the
    // patient's part stays open above and at 0 below, since no critical-illness rules are in the draft either.
    await page.selectOption('#try_level', 'level3');
    await page.fill('#try_date', '2025-03-01');
    await page.fill('#try_amount', '20000');
    await page.click('#try');
    await page.waitForSelector('#try_out [data-out="fund_paid"]');
    assert.equal(await page.textContent('#try_out [data-out="deductible_applied"]'), '起付线 Deductible: 1000.00 元');
    assert.equal(await page.textContent('#try_out [data-out="fund_paid"]'), '统筹基金支付 Fund pays: ≤ 15200.00 元');
    assert.equal(await page.textContent('#try_out [data-out="patient_pays"]'), '个人负担 Patient pays: ≥ 0.00 元');
    const warning = await page.textContent('#try_out [data-warning="unreviewed_local_policy"]');

    // Download: the file the validator saw, whose hash the estimate's warning names.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    assert.equal(download.suggestedFilename(), 'guangzhou_2022-12-01.json');
    const file = join(profile, 'draft.json');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    const draft = JSON.parse(bytes.toString('utf8'));
    assert.equal(draft.schemes.employee.inpatient.deductible[0].clause, DEDUCTIBLE.clause);
    assert.equal(draft.schemes.employee.inpatient.ratio[0].ratio, '80%');
    assert.ok(warning.includes(createHash('sha256').update(bytes).digest('hex')), 'the warning names the file\'s SHA-256');

    // The command-line validator accepts it in place of the built-in Guangzhou file.
    const pack = join(profile, 'policies');
    cpSync(join(root, 'policies'), pack, { recursive: true });
    mkdirSync(join(pack, 'guangzhou'), { recursive: true });
    writeFileSync(join(pack, 'guangzhou/2022-12-01.json'), bytes);
    const r = spawnSync(CLI, ['policies', 'validate', pack], { encoding: 'utf8' });
    assert.equal(r.status, 0, `claimcalc policies validate: ${r.stdout} ${r.stderr}`);

    assert.deepEqual(outside, [], 'no request leaves the page\'s origin');
    assert.deepEqual(problems, []);
  } finally {
    await ctx.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
