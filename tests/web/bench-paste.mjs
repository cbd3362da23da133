#!/usr/bin/env node
// Benchmark, reported and not asserted: how long a pasted 费用清单 of N lines takes in the page (390×844, headless
// Debian chromium) from the paste to its preview, to the bill in the form (使用这些项目: every line in the request,
// the first rows shown), to the estimate; and, apart, how long showing every row in the form takes.
//   node tests/web/bench-paste.mjs [lines...]   (default 1000 5000 10000)
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { bill } from './bills.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WEB = resolve(process.env.CLAIMCALC_WEB || join(root, 'build/dist/web'));
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const server = await serve(WEB);
const dir = mkdtempSync(join(tmpdir(), 'claimcalc-bench-'));
const ctx = await chromium.launchPersistentContext(dir, { executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu'], viewport: { width: 390, height: 844 } });
const page = ctx.pages()[0];
await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
try {
  for (const n of sizes.length ? sizes : [1000, 5000, 10000]) {
    await page.goto(server.url);
    await page.waitForSelector('html[data-ready="1"]');
    await page.selectOption('#insured_region', 'guangzhou');
    await page.selectOption('#hospital_level', 'level3');
    await page.fill('#date_of_care', '2025-03-01');
    await page.fill('#discharge_date', '2025-03-10');
    await page.check('input[name=mode][value=paste]');
    const { text } = bill(n);
    // A real paste (Ctrl+V from the clipboard): one input event, as a person's paste gives.
    await page.evaluate((x) => navigator.clipboard.writeText(x), text);
    await page.focus('#paste');
    const t0 = Date.now();
    await page.keyboard.press('Control+V');
    await page.waitForFunction((k) => new RegExp(`识别出 ${k} 项`).test(document.getElementById('paste_report').textContent), n, { timeout: 600000 });
    const t1 = Date.now();
    // Over the engine's item limit: said in the preview, and 使用这些项目 stays off.
    if (await page.isDisabled('#paste_use')) {
      console.log(JSON.stringify({ lines: n, paste_to_preview_ms: t1 - t0, refused: /一次最多测算/.test(await page.textContent('#paste_report')) }));
      continue;
    }
    await page.click('#paste_use');
    // Used: every line is in the request, the first rows are in the form to edit and the rest come as they are
    // scrolled to (the 显示更多 line says how many).
    await page.waitForFunction((k) => document.querySelectorAll('#items > li').length + Number(/还有 (\d+) 项/.exec(document.getElementById('items_more').textContent)?.[1] || 0) === k
      && !document.getElementById('pane_items').hidden, n, { timeout: 600000 });
    const t2 = Date.now();
    const s = await page.evaluate(() => Number(document.documentElement.dataset.seq || 0));
    await page.click('#go');
    await page.waitForFunction((x) => Number(document.documentElement.dataset.seq || 0) > x && !document.getElementById('result').hidden, s, { timeout: 600000 });
    const t3 = Date.now();
    // Every row in the form, as scrolling to the end of a long bill gives.
    await page.click('#items_more').catch(() => {});
    const t4 = Date.now();
    await page.evaluate(() => import('./form.js').then((m) => m.showRows(Infinity)));
    const t5 = Date.now();
    console.log(JSON.stringify({ lines: n, paste_to_preview_ms: t1 - t0, use_ms: t2 - t1, estimate_ms: t3 - t2, total_ms: t3 - t0, all_rows_ms: t5 - t4 }));
  }
} finally {
  await ctx.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
