// Every city a known place on the page: the pickers list every province's cities from the engine's vocabulary
// (covered ones marked with what the data holds), a search box narrows them, an insured city without benefit data
// gets the process answers and the missing figures named, and share links name cities by code or name.
import { test } from 'node:test';
import { assert, withPage, openPage, openCase, cliRun, link, example, estimate, submit, shot, headline, expectSplit, cli, ready } from './helpers.mjs';

const vocab = () => cliRun(['call', '-'], { op: 'vocabulary' }).result;
const valueOf = (c) => c.region || String(c.code);

test('the pickers list every city of the registry, grouped by province, the covered ones first and marked', () => withPage(async ({ page, consoleErrors }) => {
  const v = vocab();
  await openPage(page);
  for (const sel of ['#insured_region', '#care_region']) {
    const values = await page.$$eval(sel + ' optgroup option', (os) => os.map((o) => o.value));
    assert.deepEqual([...new Set(values)].sort(), v.cities.map(valueOf).sort(), sel + ': every city once (covered ones also on top)');
    const groups = await page.$$eval(sel + ' optgroup', (gs) => gs.map((g) => g.label));
    const withCities = v.provinces.filter((p) => v.cities.some((c) => c.province === p.code)).map((p) => p.zh);
    assert.deepEqual(groups, ['已收录政策数据的城市', ...withCities], sel + ': groups');
    const covered = await page.$$eval(sel + ' optgroup:first-of-type option', (os) => os.map((o) => o.value));
    assert.deepEqual(covered, v.cities.filter((c) => c.region).map(valueOf));
  }
  // What each covered city's data holds, in the engine's words; a city under a province-wide file says so.
  const text = (value) => page.$eval(`#insured_region optgroup:first-of-type option[value="${value}"]`, (o) => o.textContent);
  assert.equal(await text('shenzhen'), '深圳市（已收录：住院、普通门诊）');
  assert.equal(await text('shanghai'), '上海市（已收录：职工医保 住院）');
  assert.equal(await page.$eval('#insured_region option[value="320500"]', (o) => o.textContent), '苏州市（江苏省规则）');
  assert.equal(await page.$eval('#insured_region option[value="510100"]', (o) => o.textContent), '成都市');
  assert.equal(await page.$eval('#care_region > option:last-child', (o) => o.value), 'other');
  assert.deepEqual(consoleErrors, []);
}));

test('the search box narrows a picker; one match chooses it; the choice is never changed by a search alone', () => withPage(async ({ page }) => {
  await openPage(page);
  await page.fill('#insured_find', '江苏');
  const js = vocab().cities.filter((c) => c.province === 320000).map(valueOf);
  assert.deepEqual(await page.$$eval('#insured_region optgroup:not(:first-of-type) option', (os) => os.map((o) => o.value)), js);
  assert.equal(await page.textContent('#insured_find_n'), `找到 ${js.length} 个城市`);
  assert.equal(await page.inputValue('#insured_region'), '', 'several matches: nothing chosen');
  await estimate(page, () => page.fill('#insured_find', '苏州'));
  assert.equal(await page.inputValue('#insured_region'), '320500');
  await page.fill('#insured_find', '440300');
  assert.equal(await page.inputValue('#insured_region'), 'shenzhen', 'by code, the pack id is sent');
  await page.fill('#insured_find', '广东');
  assert.equal(await page.inputValue('#insured_region'), 'shenzhen', 'kept while the search lists others');
  await page.fill('#insured_find', 'xyz');
  assert.equal(await page.textContent('#insured_find_n'), '找到 0 个城市');
  assert.equal(await page.inputValue('#insured_region'), 'shenzhen');
  await page.fill('#insured_find', '');
  assert.ok(await page.locator('#insured_region optgroup').count() > 30);
  // On a 390 px phone in 长辈模式 (before any answer: it opens at the first question) the search box and the
  // picker fit the screen and are large.
  await openPage(page);
  await page.click('#elder');
  for (const id of ['#insured_find', '#insured_region', '#care_find', '#care_region']) {
    const b = await page.locator(id).boundingBox();
    assert.ok(b.x >= 0 && b.x + b.width <= 390, `${id} fits: ${JSON.stringify(b)}`);
    assert.ok(b.height >= 44, `${id} is large: ${b.height}`);
  }
  await page.fill('#care_find', '成都');
  assert.equal(await page.inputValue('#care_region'), '510100');
  await shot(page, '24-city-picker-elder');
}));

test('an insured city without benefit data: the process answers (materials, deadline, channels) and the missing figures', () => withPage(async ({ page, consoleErrors }) => {
  const request = { insured_region: '510100', care_region: 'shenzhen', filing: 'none', scheme: 'employee', person: 'active', setting: 'inpatient',
    hospital_level: 'level3', date_of_care: '2026-10-08', discharge_date: '2026-10-12', settlement: 'manual_claim' };
  assert.equal(cli(request).ok, false, 'the engine estimates nothing for it');
  const guide = cliRun(['call', '-'], { op: 'guide', scenario: 'manual_claim', request }).result;
  await openCase(page, request);
  assert.equal(await page.getAttribute('#answer_back', 'data-kind'), 'no_policy');
  assert.equal(await page.textContent('#answer_back'), '成都市的医保待遇数据本工具还没有收录，算不出能报销多少。');
  assert.equal(await page.textContent('#answer_missing'), '缺少：职工医保 住院的起付线、报销比例和年度最高支付限额。');
  assert.deepEqual(await page.$$eval('#answer_materials li', (l) => l.map((x) => x.textContent)), guide.materials.map((m) => m.name_zh));
  assert.ok(guide.materials.length > 0);
  assert.equal(await page.textContent('#answer_deadline'), guide.deadlines.length ? undefined : guide.not_in_data[0].zh);
  assert.equal(await page.textContent('#answer_channels'), '本工具没有收录办理渠道：请向参保地医保经办机构咨询。');
  assert.equal(await page.textContent('#answer_rules'), '材料、时限和渠道按国家规定。');
  assert.equal(await page.isVisible('#headline'), false, 'no 无法测算 boxes');
  assert.ok(!/null|undefined/.test(await page.textContent('#answer')), 'nothing but words in the answer');
  assert.equal(await page.isVisible('#whatif_box'), false);
  assert.deepEqual(await page.$$eval('#steps > li > p:first-child', (l) => l.map((x) => x.textContent)), guide.steps.map((s) => s.text_zh));
  const aloud = await page.inputValue('#aloud');
  assert.ok(aloud.includes('成都市') && aloud.includes(guide.materials[0].name_zh), aloud);
  await shot(page, '25-no-policy-city', '#h-result');
  // A city under a province-wide file: the process follows the province's rules too.
  await estimate(page, () => page.fill('#insured_find', '苏州'));
  assert.equal(await page.textContent('#answer_rules'), '材料、时限和渠道按江苏省全省规定和国家规定。');
  const js = cliRun(['call', '-'], { op: 'guide', scenario: 'manual_claim', request: { ...request, insured_region: '320500' } }).result;
  assert.deepEqual(await page.$$eval('#answer_materials li', (l) => l.map((x) => x.textContent)), js.materials.map((m) => m.name_zh));
  // Back to a covered city: the figures again.
  await estimate(page, () => page.fill('#insured_find', '深圳'));
  assert.notEqual(await page.getAttribute('#answer_back', 'data-kind'), 'no_policy');
  assert.deepEqual(consoleErrors, []);
}));

test('share links name any city by code or Chinese name; an unknown one is said in a sentence', () => withPage(async ({ page }) => {
  await openCase(page, { ...example, insured_region: '440100' });
  assert.equal(await page.inputValue('#insured_region'), 'guangzhou');
  expectSplit(await headline(page), cli(example).result.split, 'Guangzhou by code');
  await openCase(page, { ...example, insured_region: '广州', care_region: '510100', filing: 'temporary', filing_date: '2024-01-10' });
  assert.equal(await page.inputValue('#insured_region'), 'guangzhou');
  assert.equal(await page.inputValue('#care_region'), '510100');
  expectSplit(await headline(page), cli({ ...example, care_region: '510100', filing: 'temporary', filing_date: '2024-01-10' }).result.split, 'care in Chengdu');
  await page.goto(link({ ...example, insured_region: '999999' }));
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => /999999/.test(document.getElementById('link_note').textContent));
  assert.match(await page.textContent('#link_note'), /不是认识的城市/);
}));
