// Offline after the first visit, no request after load, the CSP, and the time to the first estimate (reported).
import { test } from 'node:test';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { assert, browser, withPage, ready, fillGuangzhou, submit, estimate, headline, expectSplit, cli, example, useTools, WEB, link, server } from './helpers.mjs';
import { serve, CSP } from './server.mjs';

const exampleCli = cli(example);
const br = (f) => brotliCompressSync(readFileSync(join(WEB, f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });

// A first visit on its own server, until the service worker controls the page.
async function visited() {
  const own = await serve(WEB);
  const b = await browser();
  await b.page.goto(own.url);
  await ready(b.page);
  await controlled(b.page);
  return { own, ...b };
}

test('after the first visit a reload works with the server stopped, and still estimates', async () => {
  const { own, ctx, page } = await visited();
  try {
    await own.close();
    await page.reload();
    await ready(page);
    await fillGuangzhou(page);
    await estimate(page, () => page.keyboard.press('Enter'));
    expectSplit(await headline(page), exampleCli.result.split, 'offline');
    const p2 = await ctx.newPage();
    await p2.goto(own.url + '#r=' + Buffer.from(JSON.stringify({ insured_region: 'guangzhou' })).toString('base64url'));
    await ready(p2);
  } finally { await ctx.close(); await own.close(); }
});

test('no request at all once the page has loaded', async (t) => {
  const { own, ctx, page } = await visited();
  try {
    await page.waitForTimeout(500);
    const loaded = own.log.length;
    const files = [...new Set(own.log.map((r) => new URL(r.url, own.url).pathname))];
    const after = [];
    page.on('request', (r) => { if (!/^(blob|data):/.test(r.url())) after.push(r.url()); });
    ctx.on('request', (r) => { if (!/^(blob|data):/.test(r.url())) after.push('ctx ' + r.url()); });
    await fillGuangzhou(page);
    await submit(page);
    for (const id of ['#lang', '#lang', '#elder', '#next', '#elder', '#share']) await page.click(id);
    await page.check('input[name=mode][value=paste]');
    await page.fill('#paste', '名称\t类别\t金额\nCT\t甲\t100');
    await submit(page);
    await page.selectOption('#care_region', 'shenzhen');
    await page.waitForTimeout(600);
    await useTools(page);
    await page.selectOption('#care_region', 'other');
    await page.waitForTimeout(600);
    assert.deepEqual(after, [], 'requests made by the page after load');
    assert.equal(own.log.length, loaded, 'requests the server saw after load: ' + JSON.stringify(own.log.slice(loaded)));
    const bytes = files.filter((f) => f !== '/' || !files.includes('/index.html')).reduce((a, f) => a + br(f === '/' ? 'index.html' : f.slice(1)), 0);
    const all = readdirSync(WEB).filter((f) => f !== 'claimcalc.asm.js')
      .flatMap((f) => (f === 'regions' ? readdirSync(join(WEB, f)).map((x) => 'regions/' + x) : [f]));
    // Every region file is read while the page loads (it is a page file, like claimcalc.wasm).
    for (const f of all.filter((x) => x.startsWith('regions/'))) assert.ok(files.includes('/' + f), f + ' fetched during load');
    t.diagnostic(`first load: ${files.length} files, ${bytes} bytes brotli; page folder ${all.length} files, ${all.reduce((a, f) => a + br(f), 0)} bytes brotli` +
      (existsSync(join(WEB, 'claimcalc.asm.js')) ? `; no-wasm fallback ${br('claimcalc.asm.js')} bytes brotli` : ''));
  } finally { await ctx.close(); await own.close(); }
});

test('a browser that cannot compile the module (older than bulk memory) loads claimcalc.asm.js and still estimates', async () => {
  const own = await serve(WEB);
  const { ctx, page, consoleErrors } = await browser();
  try {
    // What Safari 14 answers for claimcalc.wasm: it has WebAssembly, but not the bulk-memory instructions.
    await ctx.addInitScript(() => { WebAssembly.validate = () => false; });
    await page.goto(own.url);
    await ready(page);
    const files = own.log.map((r) => new URL(r.url, own.url).pathname);
    assert.ok(files.includes('/claimcalc.asm.js'), 'the fallback is fetched: ' + files.join(' '));
    await fillGuangzhou(page);
    await estimate(page, () => page.keyboard.press('Enter'));
    expectSplit(await headline(page), exampleCli.result.split, 'the fallback');
    assert.deepEqual(consoleErrors, []);
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
      await submit(page);
      await page.click('#elder');
      await page.click('#elder');
      await useTools(page);
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

test('timing: navigation to first estimate (share link), cold and with the service worker (reported)', (t) => withPage(async ({ page }) => {
  const runs = [];
  for (let i = 0; i < 4; i++) {
    if (i === 0) await page.goto(link(example)); else await page.reload();
    await page.waitForSelector('html[data-estimated="1"]', { timeout: 20000 });
    runs.push(await page.evaluate(() => Math.round(performance.getEntriesByName('claimcalc:first-estimate')[0].startTime)));
    expectSplit(await headline(page), exampleCli.result.split, 'timing run');
    if (i === 0) await controlled(page);
  }
  t.diagnostic(`first estimate ms: cold ${runs[0]}, warm ${runs.slice(1).join(' ')}`);
  void server;
}));
