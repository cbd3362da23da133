// The help-desk call, end to end: insured in Guangzhou, treated in Shenzhen, not filed. One screen answers how
// much comes back (or what is known and what is missing), what to bring, by when and where, with text to read out
// and to paste into a chat; a region's required choice (Shenzhen's 缴费档次) gives the answer for each value.
import { test } from 'node:test';
import { assert, withPage, openPage, openCase, submit, cli, cliRun, unfiled, UNFILED, shot, shown, focused, bare, MANUAL, example, headline, sharedRequest, caseInput } from './helpers.mjs';

test('help desk: the unfiled Shenzhen stay on one screen, typed in as an operator would', () => withPage(async ({ page, consoleErrors }) => {
  await openPage(page);
  await page.selectOption('#insured_region', 'guangzhou');
  await page.selectOption('#care_region', 'shenzhen');
  // Not filed (the default): settlement moves to a manual claim, and says so.
  await page.waitForSelector('#settlement_note:not([hidden])');
  assert.equal(await page.inputValue('#settlement'), MANUAL());
  await page.selectOption('#person', unfiled.person);
  await page.selectOption('#hospital_level', unfiled.hospital_level);
  await page.fill('#date_of_care', unfiled.date_of_care);
  await page.fill('#discharge_date', unfiled.discharge_date);
  await page.click('#ytd summary');
  await page.fill('#ytd_stays', '0');
  await page.check('input[name=mode][value=paste]');
  await page.fill('#paste', '项目\t类别\t数量\t单价\t金额\t自付比例\n' + unfiled.items.map((it) =>
    [it.name, { class_a: '甲', class_b: '乙', out_of_catalogue: '丙' }[it.class], it.quantity ?? 1, it.unit_price ?? it.amount, it.amount ?? '', it.selfpay_ratio ?? ''].join('\t')).join('\n'));
  await page.waitForSelector('#paste_report table');
  await submit(page);
  const want = cli(unfiled).result;
  const guide = cliRun(['guide', 'manual_claim', UNFILED]).result;
  // How much back: a figure, a range, or (the fund's share unknown) the in-scope amount, in the headline.
  const fund = want.split.fund_paid;
  const kind = fund === null ? 'in_scope' : typeof fund === 'object' ? 'range' : 'figure';
  assert.equal(await page.getAttribute('#answer_back', 'data-kind'), kind);
  assert.ok((await page.textContent('#answer_back')).includes(kind === 'in_scope' ? shown(want.split.in_scope) : shown(fund)), await page.textContent('#answer_back'));
  const missing = want.cannot_estimate.filter((c) => c.part === 'fund_paid');
  for (const c of missing) assert.ok((await page.textContent('#answer')).includes(c.reason_zh.slice(0, 20)), 'what is missing');
  // What to bring, by when (dated), where.
  assert.deepEqual(await page.$$eval('#answer_materials li', (l) => l.map((x) => x.textContent)), want.materials.map((m) => m.name_zh));
  // Guangzhou's manual-claim time limit rested on one secondary page and left the pack: then the page must say that
  // no deadline is in the data rather than show one.
  if (want.deadlines.length) {
    assert.equal(await page.getAttribute('#answer_deadline time', 'datetime'), want.deadlines[0].date);
    assert.ok((await page.textContent('#answer_deadline')).includes(want.deadlines[0].label_zh));
  } else {
    assert.equal(await page.$('#answer_deadline time'), null);
    assert.ok((await page.textContent('#answer_deadline')).length > 0, 'says there is no deadline in the data');
  }
  const chans = await page.$$eval('#answer_channels li', (l) => l.map((x) => x.textContent));
  if (guide.channels.length) assert.deepEqual(chans.length, guide.channels.length);
  else assert.match(chans[0], /没有收录办理渠道/);
  // Read aloud: the engine's brief text, short enough to say in under a minute (about 5 characters a second).
  const brief = cliRun(['call', '-'], { op: 'explain', request: { ...unfiled, items: unfiled.items.map(({ name, class: c, quantity, unit_price, amount, selfpay_ratio }) =>
    ({ name, class: c, ...(amount ? { amount } : { quantity, unit_price }), ...(selfpay_ratio ? { selfpay_ratio } : {}) })) }, lang: 'zh', brief: true }).result.text;
  assert.equal(await page.inputValue('#aloud'), brief);
  assert.ok(brief.length <= 300, `read-aloud text ${brief.length} characters`);
  for (const m of want.materials) assert.ok(brief.includes(m.name_zh));
  if (want.deadlines.length) assert.ok(brief.includes(want.deadlines[0].date));
  // Copy as text for a chat
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('#copy_answer');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith(brief.trim().slice(0, 20)), copied);
  // What cannot be estimated is said in words, never as a place in the policy data (processes.manual_claim.deadlines).
  for (const sel of ['#answer', '#cannot', '#notes', '#warnings']) {
    const text = await page.textContent(sel);
    assert.ok(!/[a-z]+[._][a-z_.]+/.test(text), `${sel}: ${text}`);
  }
  // No what-if table of 无法测算 rows
  assert.equal(await page.isVisible('#whatif_box'), false, 'no table of 无法测算');
  await shot(page, '21-helpdesk-answer', '#h-result');
  assert.deepEqual(consoleErrors, []);
}));

test('help desk: Shenzhen without 缴费档次 — marked, explained, one question, and the answer for each grade side by side', () => withPage(async ({ page }) => {
  const request = { insured_region: 'shenzhen', scheme: 'employee', person: 'active', setting: 'inpatient', hospital_level: 'level3',
    date_of_care: '2025-03-01', discharge_date: '2025-03-10', year_to_date: { stays: 0 }, items: [{ name: '住院', class: 'class_a', amount: '20000' }] };
  await openCase(page, request);
  assert.ok(await page.isVisible('#tier_box .badge.need'), 'marked as needed');
  assert.match(await page.textContent('#tier_hint'), /参保凭证|社保卡/);
  const want = cli({ ...request, settlement: 'direct' }).result;
  await page.waitForSelector('#choices_table tbody tr');
  const rows = await page.$$eval('#choices_table tbody tr', (trs) => trs.map((tr) => [tr.dataset.key, tr.querySelector('.pays .v').textContent, tr.querySelector('.fund .v').textContent]));
  const tiers = rows.map((r) => r[0]);
  assert.ok(tiers.length >= 2, tiers.join());
  for (const [tier, pays, fund] of rows) {
    const r = cli({ ...request, settlement: 'direct', tier }).result.split;
    assert.equal(pays, bare(r.patient_pays), tier);
    assert.equal(fund, bare(r.fund_paid), tier);
  }
  await shot(page, '22-helpdesk-tiers', '#h-result');
  // The question that settles most is a button to its field; the grade's question goes to the grade; answered, the
  // side-by-side goes and the figure is in the headline.
  assert.equal(await page.textContent('#answer_next button'), want.next_questions[0].question_zh);
  await page.click('#answer_next button');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.field), want.next_questions[0].field);
  await page.selectOption('#tier', 'tier1');
  await submit(page);
  const one = cli({ ...request, settlement: 'direct', tier: 'tier1' }).result.split;
  assert.equal(await page.getAttribute('#answer_back', 'data-kind'), typeof one.fund_paid === 'object' && one.fund_paid ? 'range' : 'figure');
  assert.ok((await page.textContent('#answer_back')).includes(bare(typeof one.fund_paid === 'object' ? one.fund_paid.high : one.fund_paid)));
  assert.equal(await page.isVisible('#choices'), false);
}));

test('help desk: a date before the data says from when the data runs', () => withPage(async ({ page }) => {
  await openCase(page, { ...unfiled });
  await page.fill('#date_of_care', '2001-01-01');
  await page.fill('#discharge_date', '2001-01-05');
  await page.click('#go');
  await page.waitForSelector('#date_of_care[aria-invalid=true]');
  const msg = await page.textContent('#date_of_care + .err');
  assert.match(msg, /政策从 \d{4}-\d{2}-\d{2} 起施行/);
}));

// The caller has no bill yet: "what do I bring, by when, where" on one screen, no amount typed. Insured in Shenzhen,
// treated in Beijing (a city without data here, chosen from every city), not filed; discharged on 2025-10-01, so the
// 12-month limit falls on 2026-10-01, National Day, and moves to the next working day.
test('help desk without a bill: insured Shenzhen, care elsewhere unfiled — materials, the holiday-shifted deadline, channels, the question', () => withPage(async ({ page, consoleErrors }) => {
  const request = { insured_region: 'shenzhen', care_region: '110000', filing: 'none', scheme: 'employee', person: 'active',
    tier: 'tier1', setting: 'inpatient', hospital_level: 'level3', date_of_care: '2025-09-25', discharge_date: '2025-10-01', settlement: MANUAL() };
  await openPage(page);
  await page.selectOption('#insured_region', request.insured_region);
  await page.fill('#care_find', '北京');
  assert.equal(await page.inputValue('#care_region'), request.care_region, 'one match chosen');
  assert.equal(await page.inputValue('#settlement'), request.settlement, 'unfiled care elsewhere moves settlement to a manual claim');
  await page.selectOption('#person', request.person);
  await page.selectOption('#tier', request.tier);
  await page.selectOption('#hospital_level', request.hospital_level);
  await page.fill('#date_of_care', request.date_of_care);
  await page.fill('#discharge_date', request.discharge_date);
  await submit(page);
  // The page sends no bill at all (no items, no totals), and answers as the CLI does.
  assert.deepEqual(await sharedRequest(page), request);
  const want = cli(request).result;
  assert.deepEqual(want.cannot_estimate.map((c) => [c.part, c.needs]), [['split', 'items']]);
  assert.equal(want.split.fund_paid, null);
  assert.equal(await page.getAttribute('#answer_back', 'data-kind'), 'bill');
  assert.match(await page.textContent('#answer_back'), /费用清单/);
  assert.equal(await page.isVisible('#headline'), false, 'no row of 无法测算 boxes');
  assert.ok(!(await page.textContent('#answer')).includes('无法测算'));
  assert.deepEqual(await page.$$eval('#answer_materials li', (l) => l.map((x) => x.textContent)), want.materials.map((m) => m.name_zh));
  // By when: the last day to act, its weekday, the statutory day it moved from and why.
  const dl = want.deadlines[0];
  assert.equal(dl.statutory_date, '2026-10-01');
  assert.equal(dl.date, '2026-10-08');
  assert.equal(await page.getAttribute('#answer_deadline time', 'datetime'), dl.date);
  assert.equal(await page.textContent('#answer_deadline time'), `${dl.date} ${dl.weekday_zh}`);
  assert.ok((await page.textContent('#answer_deadline')).includes(dl.label_zh));
  assert.equal(await page.getAttribute('#answer .shift', 'data-statutory'), dl.statutory_date);
  assert.equal(await page.textContent('#answer .shift'), '期限本应到 2026-10-01（星期四），逢法定节假日顺延。');
  assert.equal(await page.getAttribute('#answer .shift', 'title'), dl.holiday_note_zh);
  // In the deadlines list below, the engine's whole sentence (the notice it rests on, 民法典 art. 203).
  assert.ok((await page.textContent('#deadlines .shift')).includes(dl.holiday_note_zh));
  // Where: the channels the engine names, online and offline.
  assert.deepEqual(await page.$$eval('#answer_channels li', (l) => l.map((x) => [x.dataset.kind, x.textContent.trim()])),
    want.channels.map((c) => [c.kind, `${c.kind === 'online' ? '线上' : '线下'} ${c.name_zh}`]));
  // The read-aloud text is the engine's brief one, and the page's whole answer fits on one phone screen.
  const brief = cliRun(['call', '-'], { op: 'explain', request, lang: 'zh', brief: true }).result.text;
  assert.equal(await page.inputValue('#aloud'), brief);
  // Said in under a minute (about 250 characters at 4–5 a second), still with what to bring, the dated deadline and where.
  const spoken = brief.replace(/\s/g, '');
  assert.ok(spoken.length <= 250, `read-aloud text ${spoken.length} characters: ${brief}`);
  for (const m of want.materials) assert.ok(brief.includes(m.name_zh), m.name_zh);
  assert.ok(brief.includes(dl.date) && brief.includes(dl.weekday_zh));
  for (const c of want.channels) assert.ok(brief.includes(c.name_zh), c.name_zh);
  assert.equal(await page.isVisible('#whatif_box'), false);
  await shot(page, '23-helpdesk-no-bill', '#h-result');
  const box = await page.$eval('#answer', (el) => el.getBoundingClientRect().height);
  assert.ok(box <= 844, `the answer is ${box}px tall`);
  // The one question: the bill, a button that goes to the first item.
  assert.equal(await page.textContent('#answer_next button'), want.next_questions[0].question_zh);
  await page.click('#answer_next button');
  assert.ok(await page.evaluate(() => !!document.activeElement.closest('#items')), 'focus on the bill');
  assert.deepEqual(consoleErrors, []);
}));

test('help desk without a bill: the case file x07 (Beijing, unfiled) — a deadline on a working day is not shifted', () => withPage(async ({ page }) => {
  const { items, ...request } = caseInput('shenzhen/x07-unfiled-manual-claim.json');
  assert.ok(items.length);
  await openCase(page, { ...request, settlement: MANUAL() });
  const want = cli({ ...request, settlement: MANUAL() }).result;
  assert.equal(want.deadlines[0].date, '2026-03-10');
  assert.equal(await page.textContent('#answer_deadline time'), '2026-03-10 星期二');
  assert.equal(await page.$('#answer .shift strong'), null, 'not moved');
  assert.equal(await page.getAttribute('#answer_back', 'data-kind'), 'bill');
  assert.deepEqual(await page.$$eval('#answer_materials li', (l) => l.length), want.materials.length);
}));

// A figure that is a range reads as one: an upper limit says 最多 (Guangzhou: the annual cap has no figure), a range
// with both ends reads low–high (Nanjing, a retiree whose age is not given), in the headline and in the answer.
test('help desk: ranges read as ranges — 最多 for an upper limit, low–high for both ends', () => withPage(async ({ page }) => {
  await openCase(page, example);
  const gz = cli(example).result.split;
  assert.equal(gz.fund_paid.low, null);
  const most = `最多 ${bare(gz.fund_paid.high)} 元`;
  assert.equal((await headline(page)).fund_paid, most);
  assert.ok((await page.textContent('#answer_back')).includes(most));
  assert.equal(await page.getAttribute('#answer_back', 'data-kind'), 'range');
  // Nanjing: the disease is a choice on the form (the policy's own list), the age is not given.
  const nj = caseInput('nanjing/08-retired-without-age-asks-age.json');
  await openCase(page, nj);
  assert.equal(await page.inputValue('#disease'), nj.disease);
  const s = cli({ ...nj, settlement: 'direct' }).result.split;
  assert.ok(s.fund_paid.low !== null && s.fund_paid.high !== null && s.fund_paid.low !== s.fund_paid.high, JSON.stringify(s.fund_paid));
  const range = `${bare(s.fund_paid.low)}–${bare(s.fund_paid.high)} 元`;
  assert.equal((await headline(page)).fund_paid, range);
  assert.ok((await page.textContent('#answer_back')).includes(range), await page.textContent('#answer_back'));
  // Chosen by hand from the engine's list of the policy's diseases.
  await page.selectOption('#disease', '');
  await submit(page);
  assert.equal((await headline(page)).fund_paid, shown(cli({ ...nj, disease: undefined, settlement: 'direct' }).result.split.fund_paid));
  await page.selectOption('#disease', nj.disease);
  await submit(page);
  assert.equal((await headline(page)).fund_paid, range);
}));
