// The tools: scenario guide, settlement-error diagnosis, reverse settlement, the care province and insured class,
// by keyboard and in large print and print.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { assert, withPage, openCase, submit, estimate, headline, expectSplit, cli, cliRun, example, unfiled, UNFILED,
  reverseCase, shot, shown, statusText, focused, sharedRequest } from './helpers.mjs';

test('guide: the manual-claim guide for the unfiled Shenzhen case is the CLI one, with dated deadlines', () => withPage(async ({ page, consoleErrors }) => {
  const want = cliRun(['guide', 'manual_claim', UNFILED]);
  assert.ok(want.ok, 'the CLI gives the guide');
  const g = want.result;
  // Guangzhou's manual-claim time limit rested on one secondary page and left the pack, so this guide may have no
  // deadline; the page must then show none.
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
  if (g.deadlines.length) {
    assert.ok((await page.textContent('#guide_deadlines')).includes(g.deadlines[0].label_zh));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#guide_ics')]);
    assert.equal(download.suggestedFilename(), 'claimcalc-manual_claim.ics');
    assert.ok(readFileSync(await download.path(), 'utf8').includes(`DTSTART;VALUE=DATE:${g.deadlines[0].date.replaceAll('-', '')}`));
  }
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
}));

test('diagnosis: a settlement error message with the case gives the CLI causes in order', () => withPage(async ({ page }) => {
  const want = cliRun(['diagnose', '未查询到备案信息', UNFILED]);
  assert.ok(want.ok && want.result.causes.length > 0);
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
}));

test('reverse settlement: the difference per fund and the direction equal the CLI', () => withPage(async ({ page }) => {
  const VERDICT = { refund_to_patient: '退还个人', patient_pays_more: '个人补缴', none: '无差额', unknown: '无法测算' };
  for (const name of ['r01-cross-region-not-settled-then-re-recorded.json', 'r04-corrected-costs-more.json']) {
    const input = reverseCase(name);
    const want = cliRun(['call', '-'], { op: 'reverse', ...input });
    assert.ok(want.ok, name);
    const r = want.result;
    const verdict = VERDICT[r.direction];
    await openCase(page, input.request);
    for (const k of ['fund_paid', 'critical_illness_paid', 'patient_pays']) await page.fill('#rev_' + k, input.original[k] ?? '');
    await page.click('#rev_go');
    await page.waitForFunction((d) => document.getElementById('rev_title')?.dataset.direction === d, r.direction);
    const rows = await page.$$eval('#rev_table tbody tr', (trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.k,
      { cells: [...tr.querySelectorAll('td')].map((td) => td.textContent), v: tr.querySelector('td.diff').dataset.v }])));
    const num = (v) => shown(v).replace(/ 元$/, '');
    for (const k of ['fund_paid', 'critical_illness_paid', 'patient_pays']) {
      assert.equal(rows[k].v, typeof r.difference[k] === 'object' && r.difference[k] ? JSON.stringify(r.difference[k]) : r.difference[k] ?? '', `${name}: difference.${k}`);
      assert.equal(rows[k].cells[0], num(r.original[k]), `${name}: original ${k}`);
      assert.equal(rows[k].cells[1], num(r.corrected.split[k]), `${name}: corrected ${k}`);
    }
    const pays = r.difference.patient_pays;
    assert.ok((await page.textContent('#rev_title')).trim().startsWith(verdict));
    if (typeof pays === 'string' && r.direction !== 'unknown') {
      assert.equal((await page.textContent('#rev_title')).trim(), `${verdict} ${shown(pays.replace(/^-/, ''))}`);
      assert.equal(rows.patient_pays.cells[2], `${verdict === '退还个人' ? '退还' : '补缴'} ${num(pays.replace(/^-/, ''))}`);
    }
    // The corrected estimate's explanation
    const steps = await page.$$eval('#rev_steps > li > p:first-child', (ps) => ps.map((p) => p.textContent));
    assert.deepEqual(steps, r.corrected.steps.map((x) => x.text_zh));
    await statusText(page, /^反结算：/);
    if (verdict === '退还个人') { await page.click('#rev_out details summary'); await shot(page, '16-reverse', '#h-rev'); }
  }
  // The first settlement's parts do not add up to the bill: said, and still worked out
  await page.fill('#rev_patient_pays', '1');
  await page.click('#rev_go');
  await page.waitForSelector('#rev_sum_off');
  assert.match(await page.textContent('#rev_sum_off'), /不一致/);
  // "基金多付" read as "the fund overpaid": the words say who pays what now
  assert.ok(!(await page.textContent('#rev_table')).includes('基金多付'));
  // A bad amount: the engine's message next to that input
  await page.fill('#rev_fund_paid', '1x');
  await page.click('#rev_go');
  const bad = cliRun(['call', '-'], { op: 'reverse', original: { fund_paid: '1x', patient_pays: '2490' }, request: reverseCase('r04-corrected-costs-more.json').request });
  assert.equal(bad.error.field, 'original.fund_paid');
  await page.waitForFunction(() => document.getElementById('rev_fund_paid').getAttribute('aria-invalid') === 'true');
  assert.ok((await page.textContent('#rev_fund_paid + .err')).includes(bad.error.message_zh));
  assert.equal(await focused(page), 'rev_fund_paid');
  // The form cannot be estimated: said, with a way to the field
  await page.fill('#rev_fund_paid', '0');
  await page.fill('#date_of_care', '');
  await page.click('#rev_go');
  await page.waitForSelector('#rev_error:not([hidden]) button');
  await page.click('#rev_error button');
  assert.equal(await focused(page), 'date_of_care');
}));

test('care province and insured class: asked when the care city has no data, and sent as the CLI expects', () => withPage(async ({ page }) => {
  const base = reverseCase('r01-cross-region-not-settled-then-re-recorded.json').request;
  await openCase(page, base);
  assert.equal(await page.isVisible('#care_province'), false, 'a care city with data needs no province');
  // Care in a city left unnamed (其他城市): the province decides in- or out-of-province rules
  await estimate(page, () => page.selectOption('#care_region', 'other'));
  await page.waitForSelector('#care_province_box:not([hidden])');
  await submit(page);
  const noProv = cli({ ...base, care_region: 'other' });
  assert.ok(noProv.result.next_questions.some((q) => q.field === 'care_province'));
  expectSplit(await headline(page), noProv.result.split, 'no province');
  await page.click('#next_questions li[data-field=care_province] button');
  assert.equal(await focused(page), 'care_province');
  assert.ok((await page.textContent('#care_province option[value="440000"]')).includes('同省'));
  for (const [prov, what] of [['110000', 'out of province'], ['440000', 'in province']]) {
    await page.selectOption('#care_province', prov);
    await submit(page);
    expectSplit(await headline(page), cli({ ...base, care_region: 'other', care_province: prov }).result.split, what);
  }
  await shot(page, '17-care-province', '#h-where');
  // The insured region's class of an item, under 更多 in the row, only for care elsewhere
  const row = page.locator('#items > li').first();
  assert.ok(await row.locator('.adv').isVisible());
  await row.locator('.adv summary').click();
  await row.locator('.i-ins').selectOption('class_b');
  await submit(page);
  const sent = await sharedRequest(page);
  assert.equal(sent.items[0].insured_class, 'class_b');
  assert.equal(sent.care_province, '440000');
  expectSplit(await headline(page), cli(sent).result.split, 'insured class');
  // Same region again: no province, and no insured class offered on rows without one
  await page.selectOption('#care_region', '');
  assert.equal(await page.isVisible('#care_province'), false);
  await page.click('#add_item');
  assert.equal(await page.locator('#items > li').last().locator('.adv').isVisible(), false);
}));

test('keyboard: the tools are reachable and work without a mouse, and are announced', () => withPage(async ({ page }) => {
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
  assert.equal(await focused(page), 'guide_go');
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
    assert.equal(await focused(page), ids[q.field]);
  }
}));

test('tools in large print and in print', () => withPage(async ({ page }) => {
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
  await shot(page, '19-print-guide', '#h-guide');
  await page.emulateMedia({ media: 'screen' });
}));

