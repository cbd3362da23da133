// The form typed by hand: figures equal the CLI's, every control reachable by keyboard, errors in plain words.
import { test } from 'node:test';
import { assert, withPage, openPage, fillGuangzhou, estimate, submit, headline, expectSplit, cli, cliRun, example, shot,
  sharedRequest, focused } from './helpers.mjs';

const exampleCli = cli(example);

test('a Guangzhou inpatient bill typed in shows the CLI figures, steps, items and the engine’s read-aloud text', () => withPage(async ({ page, consoleErrors }) => {
  assert.ok(exampleCli.ok);
  await openPage(page);
  await shot(page, '01-form-empty');
  await fillGuangzhou(page);
  await estimate(page, () => page.locator('#items > li').last().locator('.i-ratio').press('Enter'));
  await page.waitForFunction(() => /测算完成/.test(document.getElementById('status').textContent));
  expectSplit(await headline(page), exampleCli.result.split, 'headline');
  assert.equal(await page.locator('#item_table tbody tr').count(), example.items.length, 'one table row per item');
  assert.equal(await page.locator('#steps > li').count(), exampleCli.result.steps.length, 'one list entry per step');
  const secondary = exampleCli.result.steps.filter((x) => x.source && exampleCli.result.sources[x.source.ref].confidence === 'secondary').length;
  assert.equal(await page.locator('#steps .badge.secondary').count(), secondary, 'secondary sources marked 二手资料');
  for (const c of exampleCli.result.cannot_estimate) assert.ok((await page.textContent('#result')).includes(c.reason_zh.slice(0, 20)), 'cannot_estimate shown');
  // Read aloud: the engine's brief explain, word for word.
  const brief = cliRun(['call', '-'], { op: 'explain', request: { ...example, settlement: 'direct' }, lang: 'zh', brief: true });
  assert.equal(await page.inputValue('#aloud'), brief.result.text);
  assert.ok(!brief.result.text.includes('〔来源'), 'no citations in the text read out');
  // The request the page built is the example's (plus the settlement it shows as chosen).
  assert.deepEqual(await sharedRequest(page), { ...example, settlement: 'direct' });
  await shot(page, '02-form-filled', '#h-bill');
  await shot(page, '03-result', '#h-result');
  await page.click('#h-steps ~ details summary');
  await shot(page, '04-steps', '#h-steps');
  // The item table fits a 390 px phone: no sideways scrolling.
  const wide = await page.$eval('#item_table', (t) => t.scrollWidth - t.parentElement.clientWidth);
  assert.ok(wide <= 0, `item table ${wide}px wider than its box`);
  assert.deepEqual(consoleErrors, []);
}));

test('the choices are the engine’s words (vocabulary), not the page’s', () => withPage(async ({ page }) => {
  const vocab = cliRun(['call', '-'], { op: 'vocabulary' }).result;
  await openPage(page);
  const opts = (sel) => page.$$eval(sel + ' option', (os) => os.filter((o) => o.value).map((o) => [o.value, o.textContent]));
  assert.deepEqual(await opts('#hospital_level'), vocab.levels.map((x) => [x.name, x.zh]));
  assert.deepEqual(await opts('#settlement'), vocab.settlements.map((x) => [x.name, x.zh]));
  assert.deepEqual(await opts('#filing'), vocab.filings.map((x) => [x.name, x.zh]));
  // Every city of the registry is a choice (places.test.mjs checks the list and its marks).
  assert.deepEqual([...new Set((await opts('#insured_region')).map(([v]) => v))].sort(), vocab.cities.map((c) => c.region || String(c.code)).sort());
  assert.deepEqual(await opts('#items > li .i-class'), vocab.classes.map((x) => [x.name, x.zh]));
  await page.click('#lang');
  assert.deepEqual(await opts('#hospital_level'), vocab.levels.map((x) => [x.name, x.en]));
}));

test('errors name the field in Chinese, say how to fix it, and come all at once', () => withPage(async ({ page }) => {
  await openPage(page);
  await fillGuangzhou(page);
  for (const typed of ['12a', '-5']) {
    const bad = structuredClone(example);
    bad.items[2] = { ...bad.items[2], amount: typed };
    const want = cli(bad);
    assert.equal(want.ok, false);
    assert.equal(want.error.field, 'items[2].amount');
    const input = page.locator('#items > li').nth(2).locator('.i-amount');
    await input.fill(typed); // no Enter: validated as typed
    const err = page.locator('#items > li').nth(2).locator('.err');
    await page.waitForFunction((m) => document.querySelector('#items > li:nth-child(3) .err').textContent.includes(m), want.error.message_zh, { timeout: 5000 });
    const text = (await err.textContent()).trim();
    assert.ok(text.startsWith('第 3 项费用的金额'), text);
    assert.ok(/请|不能/.test(text.slice(want.error.message_zh.length)), 'says how to fix it: ' + text);
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
  // Three fields wrong at once: all three said, focus on the first.
  await page.fill('#date_of_care', '');
  await page.locator('#items > li').nth(0).locator('.i-amount').fill('abc');
  await page.selectOption('#hospital_level', '');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('#form [aria-invalid=true]').length >= 2);
  const invalid = await page.$$eval('#form [aria-invalid=true]', (els) => els.map((e) => e.id || e.className));
  assert.ok(invalid.includes('date_of_care') && invalid.includes('i-amount'), invalid.join(' '));
  assert.equal(await focused(page), 'date_of_care');
  const dateErr = await page.textContent('#date_of_care + .err');
  assert.ok(dateErr.includes('就医（入院）日期') && dateErr.includes('请'), dateErr);
  const body = await page.textContent('#form');
  assert.ok(!/\b(date_of_care|discharge_date|hospital_level)\b/.test(body), 'no request field names on screen');
  // The engine's sentence ends before the page's advice begins.
  assert.match(dateErr, /缺少必填字段。请填写这一项。$/);
  // A number out of range is said as such (the engine's code is `inconsistent`, its words say the range).
  await page.fill('#age', '200');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#age[aria-invalid=true]');
  assert.equal(await page.textContent('#age + .err'), '年龄：数值超出范围：应在 0 到 150 之间。请改成这个范围之内的数。');
}));

test('keyboard: every control reachable with Tab, Enter estimates, the result is announced', () => withPage(async ({ page }) => {
  await openPage(page);
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
  await estimate(page, () => page.keyboard.press('Enter'));
  await page.waitForFunction(() => /测算完成：你需支付/.test(document.getElementById('status').textContent));
  assert.equal(await page.getAttribute('#status', 'aria-live'), 'polite');
}));

test('清空 asks before it clears', () => withPage(async ({ page }) => {
  await openPage(page);
  await fillGuangzhou(page);
  await submit(page);
  await page.click('#clear');
  assert.ok(await page.isVisible('#clear_confirm'));
  await page.click('#clear_no');
  assert.equal(await page.inputValue('#insured_region'), 'guangzhou', 'kept');
  assert.ok(await page.isVisible('#result'));
  await page.click('#clear');
  await page.click('#clear_yes');
  assert.equal(await page.inputValue('#insured_region'), '');
  assert.equal(await page.isVisible('#result'), false);
  assert.equal(await focused(page), 'insured_region');
}));

test('数据来源与更新时间: the chosen region\'s policy version, when its data was checked, and its sources', () => withPage(async ({ page }) => {
  const policies = cliRun(['call', '-'], { op: 'policies' }).result;
  await openPage(page);
  assert.equal(await page.isVisible('#region_data'), false, 'nothing before a region is chosen');
  for (const region of ['guangzhou', 'shenzhen']) {
    const p = policies.filter((x) => x.region === region).sort((a, b) => (a.effective_from < b.effective_from ? 1 : -1))[0];
    await page.selectOption('#insured_region', region);
    const line = await page.textContent('#region_data summary');
    const second = p.sources.filter((s) => s.confidence === 'secondary').length;
    assert.equal(line, `数据来源与更新时间 ${p.name_zh}：按 ${p.effective_from} 起施行的政策，数据核对于 ${p.last_verified}；来源 ${p.sources.length} 份（其中二手资料 ${second} 份）`);
    await page.click('#region_data summary');
    assert.deepEqual(await page.$$eval('#region_data .sources li', (l) => l.map((x) => [x.dataset.confidence, x.querySelector('a') ? x.querySelector('a').textContent : x.firstChild.textContent])),
      p.sources.map((s) => [s.confidence, s.title]));
    assert.equal(await page.locator('#region_data li .badge.secondary').count(), second);
    // What the data holds for the scheme on the form: each setting (and 大病保险) in the data or not, as the policies op says.
    const scheme = p.schemes.find((x) => x.scheme === 'employee');
    assert.deepEqual(await page.$$eval('#region_data .coverage li', (l) => l.map((x) => [x.dataset.part, x.dataset.present])),
      ['inpatient', 'outpatient', 'chronic_outpatient'].map((k) => [k, String(scheme.settings.includes(k))]).concat([['critical_illness', String(scheme.critical_illness)]]));
    await page.click('#region_data summary');
  }
}));
