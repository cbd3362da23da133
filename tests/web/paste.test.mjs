// A 费用清单 pasted: read, previewed (numbered from 1, ratios as printed), estimated; 5,000 lines; the item limit.
import { test } from 'node:test';
import { assert, withPage, openPage, submit, headline, expectSplit, cli, cliRun, example, shot, paste } from './helpers.mjs';
import { bill } from './bills.mjs';

const exampleCli = cli(example);

async function fillCase(page) {
  await page.selectOption('#insured_region', 'guangzhou');
  await page.selectOption('#person', 'active');
  await page.selectOption('#hospital_level', 'level3');
  await page.fill('#date_of_care', example.date_of_care);
  await page.fill('#discharge_date', example.discharge_date);
  await page.click('#ytd summary');
  await page.fill('#ytd_stays', '0');
}

test('a 费用清单 copied from a spreadsheet is read, shown and estimated', () => withPage(async ({ page }) => {
  await openPage(page);
  const tsv = ['广州市某医院 住院费用明细清单', '项目名称\t医保类别\t数量\t单价\t金额(元)\t自付比例',
    ...example.items.map((it) => [it.name, { class_a: '甲类', class_b: '乙类', out_of_catalogue: '自费' }[it.class],
      it.quantity ?? 1, it.unit_price ?? it.amount, it.amount ?? '', it.selfpay_ratio ?? (it.class === 'class_a' ? '0%' : '100%')].join('\t')),
    '合计\t\t\t\t14,880.40\t'].join('\n');
  await fillCase(page);
  await page.check('input[name=mode][value=paste]');
  await page.fill('#paste', tsv);
  await page.waitForSelector('#paste_report table');
  const report = await page.textContent('#paste_report');
  assert.ok(report.includes(`识别出 ${example.items.length} 项，合计 14,880.40 元`), report);
  assert.ok(report.includes('名称=第1列') && report.includes('类别=第2列') && report.includes('金额=第5列') && report.includes('自付比例=第6列'), report);
  assert.ok(report.includes('跳过 1 行'), 'the 合计 line is skipped and said so');
  // Rows numbered from 1; 0% and 100% shown as printed.
  const rows = await page.$$eval('#paste_report tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(rows.map((r) => r[0]), example.items.map((_, i) => String(i + 1)));
  assert.equal(rows[0][4], '0%');
  // Readable on a 390 px phone without sideways scrolling.
  const wide = await page.$eval('#paste_report .scroll', (el) => el.scrollWidth - el.clientWidth);
  assert.ok(wide <= 0, `the preview is ${wide}px wider than its box`);
  assert.equal(rows[rows.length - 1][4], '100%');
  await submit(page);
  expectSplit(await headline(page), exampleCli.result.split, 'pasted bill');
  await shot(page, '05-paste', '#h-bill');
  // Moving the rows into the item list keeps the figures
  await page.click('#paste_use');
  assert.equal(await page.locator('#items > li').count(), example.items.length);
  assert.equal(await page.inputValue('#items > li:nth-child(4) .i-ratio'), '10%');
  await submit(page);
  expectSplit(await headline(page), exampleCli.result.split, 'pasted bill as items');
  // Comma-separated, quantity × unit price, ratio-only classes, no header
  await page.check('input[name=mode][value=paste]');
  await page.fill('#paste', '名称,自付比例,数量,单价\n床位费,0,9,60.00\n"白蛋白, 10g",20%,3,500\n特需病房,100%,1,900');
  await page.waitForFunction(() => /识别出 3 项，合计 2,940.00 元/.test(document.getElementById('paste_report').textContent));
  await submit(page);
  const r2 = cli({ ...example, items: [
    { name: '床位费', class: 'class_a', quantity: 9, unit_price: '60.00' },
    { name: '白蛋白, 10g', class: 'class_b', quantity: 3, unit_price: '500', selfpay_ratio: '20%' },
    { name: '特需病房', class: 'out_of_catalogue', quantity: 1, unit_price: '900' }] });
  expectSplit(await headline(page), r2.result.split, 'csv bill');
}));

// Timings are reported (t.diagnostic), never asserted: tests/web/bench-paste.mjs measures the same steps.
test('5,000 pasted lines are previewed, used and estimated as the CLI does; one more is refused while pasting', (t) => withPage(async ({ page }) => {
  const limit = cliRun(['call', '-'], { op: 'vocabulary' }).result.limits.items;
  assert.equal(limit, 5000);
  const { text, items } = bill(limit);
  await openPage(page);
  await fillCase(page);
  await page.check('input[name=mode][value=paste]');
  const t0 = Date.now();
  await paste(page, text);
  await page.waitForFunction((n) => new RegExp(`识别出 ${n} 项`).test(document.getElementById('paste_report').textContent), limit, { timeout: 60000 });
  const t1 = Date.now();
  // The preview lists the first rows, numbered from 1, and says how many more there are.
  assert.equal(await page.textContent('#paste_report tbody tr:first-child td:first-child'), '1');
  assert.match(await page.textContent('#paste_report'), /表格只列出前 \d+ 项/);
  await page.click('#paste_use');
  // Used at once: the first rows are in the form to edit, the rest are in the request and come as the list is scrolled.
  const shownRows = await page.locator('#items > li').count();
  const t2 = Date.now();
  assert.ok(shownRows >= 1 && shownRows < limit, `${shownRows} rows shown`);
  assert.equal(await page.textContent('#items_more'), `已显示 ${shownRows} 项，还有 ${limit - shownRows} 项（都已计入测算）：显示更多`);
  await submit(page);
  const t3 = Date.now();
  const want = cli({ ...example, year_to_date: { stays: 0 }, person: 'active', settlement: 'direct', items });
  assert.ok(want.ok, JSON.stringify(want.error));
  expectSplit(await headline(page), want.result.split, '5,000 items');
  assert.deepEqual(await page.evaluate(() => import('./form.js').then((m) => m.collect().items)), items, 'every line in the request');
  t.diagnostic(`5,000 lines: paste to preview ${t1 - t0} ms, use ${t2 - t1} ms, estimate ${t3 - t2} ms`);
  // The result's item table lists the first rows and the rest on request.
  const listed = await page.locator('#item_table tbody tr').count();
  assert.ok(listed < limit);
  await page.click('#h-steps ~ details summary');
  await page.click('#item_table_more');
  // The rows are drawn after the click returns (a loaded machine draws them late): wait for them, then count.
  await page.waitForFunction((n) => document.querySelectorAll('#item_table tbody tr').length >= n, limit, { timeout: 30000 });
  assert.equal(await page.locator('#item_table tbody tr').count(), limit);
  // Scrolling to the end of the list brings the next rows in.
  await page.locator('#items_more').scrollIntoViewIfNeeded();
  await page.waitForFunction((n) => document.querySelectorAll('#items > li').length > n, shownRows);
  // An error on a line not shown yet shows its row: line 4,501 without a class.
  const lines = text.split('\n');
  lines[4501] = lines[4501].split('\t').map((c, i) => (i === 1 ? '？' : i === 5 ? '' : c)).join('\t');
  await page.check('input[name=mode][value=paste]');
  await paste(page, lines.join('\n'));
  await page.waitForFunction(() => /1 项没有类别/.test(document.getElementById('paste_report').textContent), null, { timeout: 30000 });
  await page.click('#paste_use');
  await page.click('#go');
  await page.waitForSelector('#items > li:nth-child(4501) .i-class[aria-invalid=true]', { timeout: 60000 });
  assert.match(await page.textContent('#items > li:nth-child(4501) .err'), /第 4501 项/);
  // 5,001: said in the preview, and 使用 is off.
  await page.check('input[name=mode][value=paste]');
  await paste(page, bill(limit + 1).text);
  await page.waitForFunction(() => /一次最多测算 5000 项/.test(document.getElementById('paste_report').textContent), null, { timeout: 30000 });
  assert.ok(await page.isDisabled('#paste_use'));
}));
