// Share links: the whole request in the URL fragment, opened at the answer; unreadable links and regions without
// data said in a sentence.
import { test } from 'node:test';
import { assert, browser, openPage, ready, fillGuangzhou, submit, headline, server, link, shot, MANUAL } from './helpers.mjs';

test('the whole request travels in the URL fragment and opens to the same result, at the result', async () => {
  const a = await browser();
  const b = await browser();
  try {
    await openPage(a.page);
    await fillGuangzhou(a.page);
    await a.page.selectOption('#settlement', MANUAL());
    await a.page.fill('#ytd_deductible_paid', '1,000');
    await submit(a.page);
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
    // Opened at the result, not at the top of the form.
    await b.page.waitForFunction(() => document.activeElement.id === 'h-result');
    const top = await b.page.$eval('#h-result', (el) => el.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 200, `the result heading is at the top of the screen (${top}px)`);
    const fields = ['insured_region', 'scheme', 'person', 'setting', 'hospital_level', 'date_of_care', 'discharge_date', 'settlement', 'ytd_stays', 'ytd_deductible_paid'];
    for (const f of fields) assert.equal(await b.page.inputValue('#' + f), f === 'ytd_deductible_paid' ? '1000' : await a.page.inputValue('#' + f), f);
    const items = (p) => p.$$eval('#items > li', (lis) => lis.map((li) => [...li.querySelectorAll('input, select')].map((x) => x.value)));
    assert.deepEqual(await items(b.page), await items(a.page));
    // English and large print travel too
    await b.page.click('#lang');
    await b.page.click('#elder');
    assert.ok(await b.page.isVisible('#share'), 'large print opens at the answer');
    await b.page.click('#share');
    assert.match(await b.page.inputValue('#share_url'), /&lang=en&big=1$/);
  } finally { await a.ctx.close(); await b.ctx.close(); }
});

test('an unreadable link and a region without data are each said in a sentence', async () => {
  const { ctx, page } = await browser();
  try {
    await page.goto(server.url + '#r=not-a-request');
    await ready(page);
    await page.waitForSelector('#link_note:not([hidden])');
    assert.match(await page.textContent('#link_note'), /分享链接读不出来/);
    await page.goto(link({ insured_region: 'atlantis', scheme: 'employee', setting: 'inpatient', date_of_care: '2025-01-01', items: [] }));
    await page.reload();
    await ready(page);
    await page.waitForFunction(() => /atlantis/.test(document.getElementById('link_note').textContent));
    const note = await page.textContent('#link_note');
    assert.ok(note.includes('不是认识的城市'), note);
    assert.equal(await page.inputValue('#insured_region'), '', 'no blank unknown choice selected');
    await shot(page, '20-link-note');
  } finally { await ctx.close(); }
});
