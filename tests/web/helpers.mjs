// Shared by the browser tests (node:test): the browser, the page server, the CLI to compare with, and the steps a
// person takes on the page (fill the Guangzhou example, estimate, open a share link).
// Env: CLAIMCALC_WEB (build/dist/web), CLAIMCALC_CLI (build/claimcalc), CHROMIUM (/usr/bin/chromium),
// CLAIMCALC_SCREENSHOTS: a folder for the 390×844 screenshots (default tests/web/screenshots.out, untracked);
// UPDATE_SCREENSHOTS=1 writes the tracked tests/web/screenshots instead, on purpose.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const root = process.env.CLAIMCALC_SOURCE_DIR || resolve(here, '../..');
export const WEB = resolve(process.env.CLAIMCALC_WEB || join(root, 'build/dist/web'));
export const CLI = resolve(process.env.CLAIMCALC_CLI || join(root, 'build/claimcalc'));
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(here, 'screenshots')
  : resolve(process.env.CLAIMCALC_SCREENSHOTS || join(here, 'screenshots.out'));

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// One page server per test file, started before its tests and closed after them.
export const server = { url: '', log: [] };
let running = null;
const profiles = [];
before(async () => { running = await serve(WEB); server.url = running.url; server.log = running.log; });
after(async () => {
  if (running) await running.close();
  for (const d of profiles) rmSync(d, { recursive: true, force: true });
});

// A fresh browser with a fresh profile, 390×844 like a phone, Chinese and Shanghai time.
export async function browser(opts = {}) {
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

// A browser for one test, closed however the test ends: withPage(async ({page}) => ...).
export async function withPage(fn, opts) {
  const b = await browser(opts);
  try { return await fn(b); } finally { await b.ctx.close(); }
}

export const ready = (page) => page.waitForSelector('html[data-ready="1"]', { timeout: 20000 });
export async function openPage(page, url = server.url) { await page.goto(url); await ready(page); }

// The CLI on a request (as a file), or any command with a JS value on stdin: the parsed envelope.
export function cliRun(args, stdin) {
  const r = spawnSync(CLI, args, { encoding: 'utf8', input: stdin === undefined ? undefined : JSON.stringify(stdin), maxBuffer: 1 << 28 });
  try { return JSON.parse(r.stdout); } catch {
    throw new Error(`${CLI} ${args.join(' ')} gave no envelope (exit ${r.status}): ${r.stdout.slice(0, 200)} ${r.stderr.slice(0, 200)}`);
  }
}
export function cli(request) {
  const dir = mkdtempSync(join(tmpdir(), 'claimcalc-req-'));
  const file = join(dir, 'r.json');
  writeFileSync(file, JSON.stringify(request));
  try { return cliRun(['estimate', file]); } finally { rmSync(dir, { recursive: true }); }
}

// How the page shows a figure: "5,072.08 元", or 无法测算 for null.
export function shown(v) {
  if (v === null || v === undefined) return '无法测算';
  if (typeof v === 'object') return v.low !== null && v.high !== null ? `${shown(v.low).replace(' 元', '')}–${shown(v.high)}` : v.high !== null ? `最多 ${shown(v.high)}` : `至少 ${shown(v.low)}`;
  const [y, f] = String(v).split('.');
  return `${y.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(f || '').padEnd(2, '0')} 元`;
}
export const bare = (v) => shown(v).replace(/ 元$/, '');

export const headline = (page) => page.$$eval('#headline dd', (dds) => Object.fromEntries(dds.map((d) => [d.dataset.k, d.textContent.trim()])));

export function expectSplit(got, split, what) {
  for (const k of ['patient_pays', 'fund_paid', 'critical_illness_paid', 'self_pay', 'self_funded', 'total']) {
    assert.equal(got[k], shown(split[k]), `${what}: ${k}`);
  }
}

export const seqOf = (page) => page.evaluate(() => Number(document.documentElement.dataset.seq || 0));
// Does `action` and waits until the page has answered a newer estimate than before it.
export async function estimate(page, action) {
  const s = await seqOf(page);
  await action();
  await page.waitForFunction((x) => Number(document.documentElement.dataset.seq || 0) > x, s, { timeout: 15000 });
}
export const submit = (page) => estimate(page, () => page.click('#go'));

export const statusText = (page, re) => page.waitForFunction((src) => new RegExp(src).test(document.getElementById('status').textContent), re.source, { timeout: 10000 });
export const focused = (page) => page.evaluate(() => document.activeElement.id);

export async function shot(page, name, selector) {
  mkdirSync(SHOTS, { recursive: true });
  if (selector) await page.$eval(selector, (el) => el.scrollIntoView({ block: 'start' }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(100);
  await page.screenshot({ path: join(SHOTS, name + '.png') });
}

// The settlement that is not direct (its name is the engine's: see the vocabulary).
export const MANUAL = () => cliRun(['call', '-'], { op: 'vocabulary' }).result.settlements.find((x) => x.name !== 'direct').name;

const json = (p) => JSON.parse(readFileSync(join(root, p), 'utf8'));
export const example = json('examples/guangzhou-level3-inpatient.json');
export const UNFILED = join(root, 'examples/guangzhou-insured-shenzhen-unfiled.json');
export const unfiled = json('examples/guangzhou-insured-shenzhen-unfiled.json');
export const reverseCase = (name) => json('tests/cases/shenzhen/' + name).input;
// A case file's request (tests/cases/<region>/<file>).
export const caseInput = (name) => { const c = json('tests/cases/' + name); return structuredClone(c.request || c.input); };
export const link = (request) => server.url + '#r=' + Buffer.from(JSON.stringify(request)).toString('base64url');

// Opens the page on a share link for a request and waits for its estimate.
export async function openCase(page, request) {
  await page.goto(link(request));
  await ready(page);
  await page.waitForSelector('html[data-estimated="1"]', { timeout: 20000 });
}

// The request a share link on the page holds.
export async function sharedRequest(page) {
  await page.click('#share');
  const url = await page.inputValue('#share_url');
  return page.evaluate((u) => import('./share.js').then((m) => m.decodeRequest(new URL(u).hash.slice(3).split('&')[0])), url);
}

// Fills the form by hand, as a person would, with the example's data.
export async function fillGuangzhou(page) {
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

// Pastes text into the paste box as a person does (Ctrl+V: one input event). page.fill types a long text line
// by line, which takes minutes for a 5,000-line bill and says nothing about the page.
export async function paste(page, text) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((x) => navigator.clipboard.writeText(x), text);
  await page.fill('#paste', '');
  await page.focus('#paste');
  await page.keyboard.press('Control+V');
}

// The reverse-settlement tool's inputs, then its button.
export async function reverseWith(page, original) {
  for (const k of ['fund_paid', 'critical_illness_paid', 'patient_pays']) await page.fill('#rev_' + k, original[k] ?? '');
  await page.click('#rev_go');
}

// The three tools once each: guide, a diagnosis chip, a reverse settlement.
export async function useTools(page) {
  await page.click('#guide_go');
  await page.waitForSelector('#guide_title');
  await page.click('#diag_form .chip');
  await page.waitForSelector('#diag_causes');
  await reverseWith(page, { fund_paid: '0', patient_pays: '100' });
  await page.waitForSelector('#rev_title');
}

export { assert, existsSync };
