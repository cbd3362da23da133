// claimcalc web page: the form, the result, what-if, sharing, large print. Everything runs here; after the page has
// loaded it makes no network request (the service worker serves reloads, also offline).
import ClaimCalc from './claimcalc.mjs';
import { makeT, PROVINCES } from './i18n.js';
import { cleanMoney, cleanRatio, splitQuantity, parseBill, toFen, fromFen, halfWidth } from './bill.js';
import { encodeRequest, decodeRequest, readHash } from './share.js';
import { deadlinesToIcs } from './ics.js';

const $ = (id) => document.getElementById(id);
const STORE = 'claimcalc.form.v1';
const LEVELS = ['primary', 'level1', 'level2', 'level3'];
const DEFAULT_PERSONS = { employee: ['active', 'retired', 'flexible'], resident: ['adult', 'senior', 'child', 'student'] };
const SETTINGS = ['inpatient', 'outpatient', 'chronic_outpatient'];
const YTD = ['stays', 'deductible_paid', 'fund_paid', 'critical_illness_base', 'critical_illness_paid',
  'outpatient_pool_paid', 'outpatient_pool_paid_this_month'];
const TOTALS = ['class_a', 'class_b', 'out_of_catalogue'];

let lang = 'zh';
let t = makeT(lang);
let engine = null;
let policies = [];
let engineVersion = '';
const touched = new WeakSet();
let seq = 0;
let last = null; // {request, result}
let whatIf = null; // {levels: [...], filing: {...}}
let pasted = null;
let firstDone = false;
let elder = false;
let screen = 0;
let guide = null; // {env, basis, scenario}
let diag = null; // {env, basis, symptom}
let rev = null; // {env, request}
const toolSeq = { guide: 0, diag: 0, rev: 0 };

// A DOM node: h('p', {class: 'x', text: 'y', href: ...}, child, ...). Never a style attribute (CSP).
function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') el.textContent = v;
    else if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const kid of kids.flat()) if (kid !== null && kid !== undefined && kid !== false) el.append(kid);
  return el;
}
function svg(tag, attrs) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) if (k === 'text') el.textContent = v; else el.setAttribute(k, v);
  return el;
}

// ---- words ----------------------------------------------------------------------------------------------------
const money = (v) => (v === null || v === undefined ? t('cannot') : t('yuan', { v: fromFen(toFen(v), true) }));
const pick = (o, base) => (o ? o[base + '_' + lang] ?? o[base + '_zh'] ?? '' : '');
const regionName = (id) => { const p = policies.find((x) => x.region === id); return p ? (lang === 'en' ? p.name_en : p.name_zh) : id === 'other' ? t('other_region') : id; };
const label = (prefix, v) => t(prefix + '_' + v);

function applyLang() {
  t = makeT(lang);
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.title = t('title') + ' claimcalc';
  translate(document);
  const other = lang === 'en' ? 'zh' : 'en';
  $('lang').textContent = other === 'en' ? 'English' : '中文';
  $('lang').lang = other === 'en' ? 'en' : 'zh-CN';
  $('elder').textContent = t(elder ? 'elder_off' : 'elder');
  fillRegions();
  refreshChoices();
  if (pasted) showPaste();
  if (last) render();
  if (whatIf) renderWhatIf();
  renderGuide();
  renderDiag();
  renderRev();
  updatePager();
}

function translate(root) {
  for (const el of root.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  for (const el of root.querySelectorAll('[data-ta]')) el.setAttribute(el.hasAttribute('placeholder') ? 'placeholder' : 'aria-label', t(el.dataset.ta));
}

// ---- choices that depend on the policy summary -------------------------------------------------------------
function setOptions(sel, values, text, blank) {
  const keep = sel.value;
  sel.replaceChildren(...(blank ? [h('option', { value: '', text: blank })] : []),
    ...values.map((v) => h('option', { value: v, text: text(v) })));
  if (values.includes(keep) || (blank && keep === '')) sel.value = keep;
}

function fillRegions() {
  const ids = policies.map((p) => p.region);
  setOptions($('insured_region'), ids, regionName, t('choose'));
  const care = $('care_region');
  const keep = care.value;
  const extra = keep && !ids.includes(keep) && keep !== 'other' ? [keep] : [];
  setOptions(care, ids.concat(extra, ['other']), regionName, t('same_region'));
  care.value = keep;
}

function schemeInfo() {
  const p = policies.find((x) => x.region === $('insured_region').value);
  return p && (p.schemes || []).find((s) => s.scheme === $('scheme').value);
}

function refreshChoices() {
  const s = schemeInfo();
  const scheme = $('scheme').value;
  setOptions($('person'), s && s.persons && s.persons.length ? s.persons : DEFAULT_PERSONS[scheme] || [], (v) => label('person', v));
  const tiers = (s && s.tiers) || [];
  setOptions($('tier'), tiers, (v) => label('tier', v), t('choose'));
  $('tier_box').hidden = tiers.length === 0;
  const settings = s && s.settings && s.settings.length ? SETTINGS.filter((x) => s.settings.includes(x)) : SETTINGS;
  setOptions($('setting'), settings, (v) => label('setting', v));
  $('discharge_box').hidden = $('setting').value !== 'inpatient';
  const care = $('care_region').value;
  const insured = $('insured_region').value;
  $('filing_box').hidden = !care || care === insured;
  // A care city without policy data here: its province decides in- or out-of-province rules.
  $('care_province_box').hidden = $('filing_box').hidden || policies.some((p) => p.region === care);
  const home = (policies.find((p) => p.region === insured) || {}).province;
  setOptions($('care_province'), PROVINCES.map((p) => p[0]), (id) => {
    const p = PROVINCES.find((x) => x[0] === id);
    return (lang === 'en' ? p[2] : p[1]) + (id === home ? t('in_province') : '');
  }, t('choose'));
  showInsuredClass();
  $('filing_date_box').hidden = $('filing_box').hidden || $('filing').value === 'none';
  for (const sel of document.querySelectorAll('#form select')) translateOptions(sel);
  updatePager();
}

// The insured region's class of an item matters for a manual claim for care elsewhere: offered then, or when set.
function showInsuredClass() {
  const cross = !$('filing_box').hidden;
  for (const d of $('items').querySelectorAll('.adv')) {
    d.hidden = !cross && !d.querySelector('.i-ins').value;
  }
}

function translateOptions(sel) {
  for (const o of sel.options) if (o.dataset.t) o.textContent = t(o.dataset.t);
}

// ---- bill items ------------------------------------------------------------------------------------------------
function addItem(item, focus) {
  const li = $('item_row').content.firstElementChild.cloneNode(true);
  translate(li);
  if (item) {
    li.querySelector('.i-name').value = item.name || '';
    li.querySelector('.i-class').value = item.class || '';
    li.querySelector('.i-amount').value = item.quantity !== undefined && item.unit_price !== undefined
      ? item.quantity + '×' + item.unit_price : item.amount ?? '';
    li.querySelector('.i-ratio').value = item.selfpay_ratio || '';
    li.querySelector('.i-ins').value = item.insured_class || '';
    if (item.insured_class) li.querySelector('.adv').open = true;
  }
  li.querySelector('.i-del').addEventListener('click', () => {
    const next = li.nextElementSibling || li.previousElementSibling;
    li.remove();
    if (!$('items').children.length) addItem();
    numberItems();
    (next || $('items').firstElementChild).querySelector('input').focus();
    schedule();
  });
  $('items').append(li);
  showInsuredClass();
  numberItems();
  if (focus) li.querySelector('input').focus();
  return li;
}

function numberItems() {
  [...$('items').children].forEach((li, i) => {
    for (const el of li.querySelectorAll('[data-f]')) {
      el.dataset.field = el.dataset.f.split(' ').map((f) => `items[${i}].${f}`).join(' ');
    }
    li.dataset.field = `items[${i}]`;
  });
}

function mode() { return document.querySelector('input[name=mode]:checked').value; }
function setMode(m) {
  document.querySelector(`input[name=mode][value=${m}]`).checked = true;
  $('pane_items').hidden = m !== 'items';
  $('pane_paste').hidden = m !== 'paste';
  $('pane_totals').hidden = m !== 'totals';
}

function showPaste() {
  const r = pasted;
  const box = $('paste_report');
  $('paste_use').disabled = !r || !r.items.length;
  if (!r) { box.replaceChildren(); return; }
  if (!r.items.length) { box.replaceChildren(h('p', { class: 'note', text: t('paste_none') })); return; }
  const sum = r.items.reduce((a, it) => a + (toFen(it.amount) ?? (toFen(it.unit_price) ?? 0) * it.quantity), 0);
  const cols = Object.entries(r.columns).sort((a, b) => a[1] - b[1])
    .map(([k, i]) => `${t('col_' + k)}=${lang === 'en' ? 'column ' + (i + 1) : '第' + (i + 1) + '列'}`).join(lang === 'en' ? ', ' : '，');
  const unclassed = r.items.filter((it) => !it.class).length;
  const rows = r.items.map((it, i) => h('tr', { 'data-field': `items[${i}]` },
    h('td', { text: it.line }), h('td', { text: it.name || '' }),
    h('td', { text: it.class ? t(it.class) + (it.class_inferred ? '*' : '') : '—' }),
    h('td', { class: 'num', text: it.amount ?? `${it.quantity}×${it.unit_price}` }),
    h('td', { class: 'num', text: it.selfpay_ratio || '' }),
    h('td', {}, h('span', { class: 'err', hidden: true }))));
  box.replaceChildren(...[
    h('p', { class: 'ok', text: t('paste_found', { n: r.items.length, sum: fromFen(Math.round(sum), true) }) }),
    h('p', { class: 'hint', text: (r.header ? '' : t('paste_noheader') + ' ') + t('paste_columns') + cols }),
    unclassed ? h('p', { class: 'note warn', text: t('paste_unclassed', { n: unclassed }) }) : null,
    r.skipped.length ? h('p', { class: 'hint', text: t('paste_skipped', { n: r.skipped.length }) + r.skipped.map((s) => `${s.line}: ${s.text.replace(/\t/g, ' ').slice(0, 30)}`).join('；') }) : null,
    h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': t('mode_paste') },
      h('table', { class: 'parsed' },
        h('thead', {}, h('tr', {}, ...['#', t('th_name'), t('th_class'), t('th_total'), t('th_ratio'), ''].map((x) => h('th', { scope: 'col', text: x })))),
        h('tbody', {}, rows)))].filter(Boolean));
}

function usePasted() {
  if (!pasted || !pasted.items.length) return;
  $('items').replaceChildren();
  for (const it of pasted.items) addItem(it);
  const n = pasted.items.length;
  setMode('items');
  status(t('paste_used', { n }));
  const firstBad = [...$('items').querySelectorAll('.i-class')].find((sel) => !sel.value);
  (firstBad || $('go')).focus();
  schedule();
}

// ---- the request -----------------------------------------------------------------------------------------------
function collect() {
  const r = {};
  const v = (id) => $(id).value.trim();
  const put = (k, val) => { if (val !== '' && val !== undefined) r[k] = val; };
  put('insured_region', v('insured_region'));
  const care = v('care_region');
  if (care && care !== r.insured_region) {
    r.care_region = care;
    r.filing = v('filing');
    if (r.filing !== 'none') put('filing_date', v('filing_date'));
    if (!$('care_province_box').hidden) put('care_province', v('care_province'));
  }
  put('scheme', v('scheme'));
  put('person', v('person'));
  if (!$('tier_box').hidden) put('tier', v('tier'));
  const age = halfWidth(v('age'));
  put('age', /^\d{1,3}$/.test(age) ? Number(age) : age);
  put('enrolment_date', v('enrolment_date'));
  put('setting', v('setting'));
  put('hospital_level', v('hospital_level'));
  put('date_of_care', v('date_of_care'));
  if (r.setting === 'inpatient') put('discharge_date', v('discharge_date'));
  put('settlement', v('settlement'));
  const ytd = {};
  for (const k of YTD) {
    const s = $('ytd_' + k).value.trim();
    if (s) ytd[k] = k === 'stays' ? (/^\d+$/.test(s) ? Number(s) : s) : cleanMoney(s);
  }
  if (Object.keys(ytd).length) r.year_to_date = ytd;
  const m = mode();
  if (m === 'totals') {
    const tot = {};
    for (const k of TOTALS) { const s = $('total_' + k).value.trim(); if (s) tot[k] = cleanMoney(s); }
    r.totals = tot;
  } else if (m === 'paste') {
    r.items = (pasted ? pasted.items : []).map(({ line, class_inferred, ...it }) => (it.class ? it : (delete it.class, it)));
  } else {
    r.items = [...$('items').children].map((li) => {
      const it = {};
      const name = li.querySelector('.i-name').value.trim();
      const cls = li.querySelector('.i-class').value;
      const amt = li.querySelector('.i-amount').value.trim();
      const ratio = li.querySelector('.i-ratio').value.trim();
      const ins = li.querySelector('.i-ins').value;
      if (name) it.name = name;
      if (cls) it.class = cls;
      if (ins) it.insured_class = ins;
      const q = amt && splitQuantity(amt);
      if (q) Object.assign(it, q); else if (amt) it.amount = cleanMoney(amt);
      if (ratio) it.selfpay_ratio = cleanRatio(ratio);
      return it;
    });
    // A blank row left at the end is not an item; a list with nothing in it still goes, so the engine says what is missing.
    while (r.items.length > 1 && !Object.keys(r.items[r.items.length - 1]).length) r.items.pop();
    if (r.items.length === 1 && !Object.keys(r.items[0]).length) r.items = [];
  }
  return r;
}

function fillForm(r) {
  const set = (id, val) => { $(id).value = val === undefined || val === null ? '' : String(val); };
  set('insured_region', r.insured_region);
  set('scheme', r.scheme || 'employee');
  refreshChoices();
  if (r.care_region && !policies.some((p) => p.region === r.care_region) && r.care_region !== 'other') {
    $('care_region').append(h('option', { value: r.care_region, text: r.care_region }));
  }
  set('care_region', r.care_region && r.care_region !== r.insured_region ? r.care_region : '');
  set('filing', r.filing || 'none');
  set('filing_date', r.filing_date);
  refreshChoices();
  set('care_province', r.care_province);
  set('person', r.person);
  set('tier', r.tier);
  set('age', r.age);
  set('enrolment_date', r.enrolment_date);
  set('setting', r.setting || $('setting').options[0]?.value);
  set('hospital_level', r.hospital_level);
  set('date_of_care', r.date_of_care);
  set('discharge_date', r.discharge_date);
  set('settlement', r.settlement || 'direct');
  for (const k of YTD) set('ytd_' + k, r.year_to_date ? r.year_to_date[k] : '');
  $('ytd').open = !!(r.year_to_date && Object.keys(r.year_to_date).length);
  for (const k of TOTALS) set('total_' + k, r.totals ? r.totals[k] : '');
  $('items').replaceChildren();
  for (const it of Array.isArray(r.items) ? r.items : []) addItem(it);
  if (!$('items').children.length) addItem();
  setMode(r.totals && !r.items ? 'totals' : 'items');
  refreshChoices();
}

// ---- errors next to the field ----------------------------------------------------------------------------------
function clearErrors() {
  for (const el of document.querySelectorAll('#form [aria-invalid]')) { el.removeAttribute('aria-invalid'); el.removeAttribute('aria-describedby'); }
  for (const el of document.querySelectorAll('#form .err')) { el.hidden = true; el.textContent = ''; }
}

function visible(el) { return !el.closest('[hidden]'); }

// "items[2].amount" -> the input holding it; tries "items[2]" and then "items" when nothing holds the full name.
function fieldElement(field) {
  let f = field || '';
  while (f) {
    const el = [...document.querySelectorAll('#form [data-field]')].find((e) => visible(e) && e.dataset.field.split(' ').includes(f));
    if (el) return el;
    const cut = f.search(/(\.[^.[\]]+|\[\d+\])$/);
    f = cut > 0 ? f.slice(0, cut) : '';
  }
  return null;
}

let errId = 0;
function showError(err, all) {
  const el = fieldElement(err.field);
  const msg = lang === 'en' ? err.message_en : err.message_zh;
  if (!all && !(el && isTouched(el))) return false;
  if (!el) {
    $('form_error').textContent = msg;
    $('form_error').hidden = false;
    return true;
  }
  // The message goes to the nearest row or field that has a place for one.
  let holder = el.closest('li, .fld, tr');
  while (holder && !holder.querySelector('.err')) holder = holder.parentElement.closest('li, .fld, tr');
  const span = (el.dataset.err && $(el.dataset.err)) || (holder && holder.querySelector('.err')) || $('form_error');
  span.id = span.id || 'err' + ++errId;
  span.textContent = msg;
  span.hidden = false;
  const input = el.matches('input, select, textarea') ? el : el.querySelector('input, select') || null;
  if (input) { input.setAttribute('aria-invalid', 'true'); input.setAttribute('aria-describedby', span.id); }
  return true;
}

function isTouched(el) {
  if (touched.has(el)) return true;
  if (el.closest('#pane_paste')) return touched.has($('paste'));
  return [...el.querySelectorAll('input, select, textarea')].some((x) => touched.has(x));
}

// An estimate lists each source once (result.sources) and its uses point at it ({ref, clause}); the page reads
// them whole, so every answer's refs are resolved here, once, as it arrives.
function resolveRefs(x, sources) {
  if (Array.isArray(x)) return x.map((v) => resolveRefs(v, sources));
  if (!x || typeof x !== 'object') return x;
  const table = x.sources && !Array.isArray(x.sources) ? x.sources : sources;
  const out = {};
  for (const [k, v] of Object.entries(x)) {
    out[k] = k === 'source' && v && v.ref && table && table[v.ref] ? { ...table[v.ref], ...v } : resolveRefs(v, table);
  }
  return out;
}
function inlineSources(e) {
  const wrap = (f) => async (...args) => resolveRefs(await f(...args), null);
  return { ...e, estimate: wrap(e.estimate), estimateMany: wrap(e.estimateMany), reverse: wrap(e.reverse) };
}

// ---- estimating ------------------------------------------------------------------------------------------------
let timer = 0;
function schedule() { clearTimeout(timer); timer = setTimeout(() => run({ all: false }), 250); }

async function run({ all, announce, focusResult }) {
  if (!engine) return;
  clearTimeout(timer);
  const request = collect();
  const my = ++seq;
  const env = await engine.estimate(request);
  if (my !== seq) return;
  clearErrors();
  $('form_error').hidden = true;
  if (env.ok) {
    last = { request, result: env.result };
    render();
    $('stale').hidden = true;
    remember();
    if (announce) status(t('status_ok', { pays: money(env.result.split.patient_pays), fund: money(env.result.split.fund_paid) }));
    if (!firstDone) { firstDone = true; performance.mark('claimcalc:first-estimate'); document.documentElement.dataset.estimated = '1'; }
    await runWhatIf(request, my);
    if (focusResult) gotoScreen('r_head', true);
  } else {
    const shown = showError(env.error, all);
    if (last) $('stale').hidden = false;
    if (announce) status(t('status_err', { msg: lang === 'en' ? env.error.message_en : env.error.message_zh }));
    if (all && shown) {
      const bad = document.querySelector('#form [aria-invalid]');
      if (bad) { gotoScreenOf(bad); bad.focus(); }
    }
  }
  document.documentElement.dataset.seq = String(my);
}

function status(text) {
  // Changing the text is what screen readers announce; clear first so the same sentence is read again.
  $('status').textContent = '';
  setTimeout(() => { $('status').textContent = text; }, 30);
}

// ---- the result ------------------------------------------------------------------------------------------------
const PARTS = ['fund_paid', 'critical_illness_paid', 'self_pay', 'self_funded'];

function render() {
  const { result: r, request } = last;
  const s = r.split || {};
  $('result').hidden = false;

  // Headline
  const head = ['patient_pays', 'fund_paid', 'critical_illness_paid', 'self_pay', 'self_funded', 'total'];
  $('headline').replaceChildren(...head.map((k) => h('div', { class: 'fig ' + k + (s[k] == null ? ' unknown' : '') },
    h('dt', { text: t(k) }),
    h('dd', { 'data-k': k }, s[k] == null ? h('a', { href: '#cannot', text: t('cannot') }) : money(s[k])))));

  // Stacked bar
  const total = toFen(s.total) || 0;
  const bar = $('bar');
  bar.replaceChildren();
  let x = 0;
  const legend = [];
  let known = 0;
  for (const k of PARTS) {
    const f = toFen(s[k]);
    if (f === null) continue;
    known += f;
    if (f > 0 && total > 0) {
      const w = (f / total) * 1000;
      const rect = svg('rect', { x: x.toFixed(2), y: 0, width: w.toFixed(2), height: 48, class: 'seg ' + k });
      rect.append(svg('title', { text: `${t(k)} ${money(s[k])}` }));
      bar.append(rect);
      x += w;
    }
    legend.push(h('li', {}, h('span', { class: 'sw ' + k, 'aria-hidden': 'true' }), `${t(k)} ${money(s[k])}` + (total ? ` (${Math.round((f / total) * 100)}%)` : '')));
  }
  if (total > known) {
    const rect = svg('rect', { x: x.toFixed(2), y: 0, width: (1000 - x).toFixed(2), height: 48, class: 'seg unknown' });
    rect.append(svg('title', { text: t('bar_unknown') }));
    bar.append(rect);
    legend.push(h('li', {}, h('span', { class: 'sw unknown', 'aria-hidden': 'true' }), `${t('bar_unknown')} ${t('yuan', { v: fromFen(total - known, true) })}`));
  }
  $('bar_desc').replaceChildren(h('span', { class: 'sr-only', text: t('bar_desc', { total: fromFen(total, true) }) }), h('ul', { class: 'legend' }, legend));

  // Summary of what was asked, cannot-estimate, warnings, receipt
  const ce = r.cannot_estimate || [];
  $('cannot').replaceChildren(...(ce.length ? [h('h3', { id: 'cannot', tabindex: '-1', text: t('cannot_h') }),
    h('ul', { class: 'cannot' }, ce.map((c) => h('li', {}, pick(c, 'reason'), needButton(c.needs))))] : []));
  $('warnings').replaceChildren(...(r.warnings || []).map((w) => h('li', { text: pick(w, 'message') })));
  const rc = r.receipt || {};
  const pol = policies.find((p) => p.region === rc.policy_region);
  $('receipt').replaceChildren(summaryLine(request), h('br'), t('receipt', {
    name: pol ? regionName(pol.region) : rc.policy_name_zh || '', version: rc.policy_version || '',
    verified: rc.policy_last_verified || '', engine: rc.engine_version || engineVersion }));

  // Next questions
  const nq = r.next_questions || [];
  $('next_box').hidden = !nq.length;
  // Each question whose field is on the form is a button that goes there.
  $('next_questions').replaceChildren(...nq.map((q) => {
    const go = fieldGoer(q.field);
    return h('li', { 'data-field': q.field }, go
      ? h('button', { type: 'button', class: 'link q-go', onclick: go }, pick(q, 'question'), h('span', { class: 'go', text: ' ' + t('fill_in') + ' →' }))
      : pick(q, 'question'));
  }));

  // Steps
  $('steps').replaceChildren(...(r.steps || []).map(stepItem));

  // Items table
  const cols = [['name', 'th_name'], ['class', 'th_class'], ['total', 'th_total'], ['selfpay_ratio', 'th_ratio'],
    ['class_b_upfront', 'th_upfront'], ['over_ceiling', 'th_over'], ['out_of_catalogue', 'th_ooc'], ['in_scope', 'th_in_scope']];
  const table = $('item_table');
  table.tHead.replaceChildren(h('tr', {}, cols.map(([, k]) => h('th', { scope: 'col', text: t(k) }))));
  table.tBodies[0].replaceChildren(...(r.items || []).map((it, i) => h('tr', {}, cols.map(([k]) => {
    const v = it[k];
    if (k === 'name') return h('th', { scope: 'row', text: v || `#${i + 1}` });
    if (k === 'class') return h('td', { text: v ? t(v) : '' });
    if (k === 'selfpay_ratio') return h('td', { class: 'num', text: v ?? '—' });
    return h('td', { class: 'num', text: v == null ? '—' : fromFen(toFen(v), true) });
  }))));

  // Materials and deadlines
  const mats = r.materials || [];
  const dls = r.deadlines || [];
  $('todo_box').hidden = !mats.length && !dls.length;
  $('materials').replaceChildren(...materialItems(mats, 'mat'));
  $('materials_src').replaceChildren(...materialSources(mats));
  $('deadlines').replaceChildren(...deadlineItems(dls));
  $('ics').hidden = !dls.length;
  // A manual claim ahead: its guide is one click away.
  $('guide_manual_box').hidden = !mats.length;

  // Read aloud
  $('aloud').value = aloudText();
  updatePager();
}

function materialItems(mats, prefix) {
  return mats.length ? mats.map((m, i) => h('li', {},
    h('label', {}, h('input', { type: 'checkbox', id: prefix + i }), h('span', {}, pick(m, 'name'),
      pick(m, 'note') ? h('span', { class: 'hint', text: ' ' + pick(m, 'note') }) : null)))) : [h('li', { class: 'none', text: t('materials_none') })];
}

// The documents usually share one source: name each source once, under the list.
function materialSources(mats) {
  const seen = new Set();
  return mats.map((m) => m.source).filter((x) => x && !seen.has(x.id) && seen.add(x.id)).map((x) => sourceLine({ ...x, clause: '' }));
}

function deadlineItems(dls) {
  return dls.length ? dls.map((d) => h('li', {},
    h('time', { datetime: d.date, class: 'date', text: `${d.date} ${pick(d, 'weekday')}` }), ' ',
    h('strong', { text: pick(d, 'label') }),
    h('p', { class: 'hint', text: [pick(d, 'rule'), d.counted_from && !pick(d, 'rule').includes(d.counted_from) ? t('counted_from', { d: d.counted_from }) : '', pick(d, 'holiday_note')].filter(Boolean).join('；') }),
    sourceLine(d.source))) : [h('li', { class: 'none', text: t('deadlines_none') })];
}

function summaryLine(r) {
  const parts = [regionName(r.insured_region)];
  if (r.care_region) parts.push(`${t('care_region')} ${regionName(r.care_region)} (${label('filing', r.filing || 'none')})`);
  parts.push(label('scheme', r.scheme), r.person && label('person', r.person), r.tier && label('tier', r.tier),
    label('setting', r.setting), r.hospital_level && label('level', r.hospital_level), r.date_of_care,
    r.settlement && label('settlement', r.settlement));
  return h('span', { class: 'summary', text: parts.filter(Boolean).join(' · ') });
}

// A function that shows and focuses the form control for a request field, or null when the form has none.
function fieldGoer(field) {
  if (!field || /^policy:/.test(field)) return null;
  const el = fieldElement(field.replace(/^request\./, ''));
  if (!el) return null;
  return () => { gotoScreenOf(el); (el.matches('input,select') ? el : el.querySelector('input,select')).focus(); };
}

function needButton(field) {
  const go = fieldGoer(field);
  return go && h('button', { type: 'button', class: 'link', text: t('fill_in'), onclick: go });
}

function sourceLine(src) {
  if (!src) return null;
  const bits = [src.doc_no, src.office, src.date && src.date !== 'unknown' ? src.date : ''].filter(Boolean).join('，');
  return h('p', { class: 'src' }, t('source'),
    src.url ? h('a', { href: src.url, rel: 'noopener noreferrer', target: '_blank', text: src.title || src.url }) : src.title,
    bits ? `（${bits}）` : '', src.clause ? ` ${t('clause')}${src.clause}` : '',
    src.confidence === 'secondary' ? h('span', { class: 'badge secondary', title: t('secondary_title'), text: t('secondary') }) : null,
    // The note is written once, in one language: shown when it is in the page's language.
    src.note && (lang === 'en') !== /[\u4e00-\u9fff]/.test(src.note) ? h('span', { class: 'hint', text: ' ' + src.note }) : null);
}

function stepItem(step) {
  return h('li', { 'data-rule': step.rule }, h('p', { text: pick(step, 'text') }), sourceLine(step.source));
}

function aloudText() {
  const { result: r, request } = last;
  const s = r.split || {};
  const L = [t('aloud_head'), summaryLine(request).textContent, ''];
  for (const k of ['total', 'fund_paid', 'critical_illness_paid', 'self_pay', 'self_funded', 'patient_pays']) L.push(`${t(k)}：${money(s[k])}`);
  L.push('', t('aloud_steps'));
  (r.steps || []).forEach((st, i) => {
    const src = st.source ? `（${t('source')}${st.source.title || ''}${st.source.doc_no ? ' ' + st.source.doc_no : ''}${st.source.confidence === 'secondary' ? '，' + t('secondary') : ''}）` : '';
    L.push(`${i + 1}. ${pick(st, 'text')}${src}`);
  });
  if ((r.cannot_estimate || []).length) { L.push('', t('aloud_cannot')); for (const c of r.cannot_estimate) L.push('- ' + pick(c, 'reason')); }
  if ((r.warnings || []).length) { L.push(''); for (const w of r.warnings) L.push('! ' + pick(w, 'message')); }
  if ((r.next_questions || []).length) { L.push('', t('aloud_next')); for (const q of r.next_questions) L.push('- ' + pick(q, 'question')); }
  if ((r.deadlines || []).length) { L.push('', t('aloud_deadlines')); for (const d of r.deadlines) L.push(`- ${d.date} ${pick(d, 'weekday')} ${pick(d, 'label')}：${pick(d, 'rule')}`); }
  if ((r.materials || []).length) { L.push('', t('aloud_materials')); for (const m of r.materials) L.push(`- ${pick(m, 'name')}（${m.original ? t('original') : t('copy_doc')}）`); }
  return L.join('\n');
}

// ---- what-if ---------------------------------------------------------------------------------------------------
async function runWhatIf(request, my) {
  const variants = LEVELS.map((l) => ({ ...request, hospital_level: l }));
  let filing = null;
  if (request.care_region && request.care_region !== request.insured_region) {
    const filedAs = request.filing && request.filing !== 'none' ? request.filing : 'temporary';
    const filedOn = request.filing_date || request.date_of_care;
    const notFiled = { ...request, filing: 'none' };
    delete notFiled.filing_date;
    filing = { filedAs, filedOn, requests: [notFiled, { ...request, filing: filedAs, filing_date: filedOn }] };
    variants.push(...filing.requests);
  }
  const env = await engine.estimateMany(variants);
  if (my !== seq || !env.ok) return;
  whatIf = {
    base: last.result, request,
    levels: LEVELS.map((l, i) => ({ key: l, text: () => label('level', l), short: () => label('level_short', l), current: request.hospital_level === l, env: env.result[i] })),
    filing: filing && {
      ...filing,
      rows: [
        { key: 'none', text: () => label('filing', 'none'), short: () => label('filing', 'none'), current: (request.filing || 'none') === 'none', env: env.result[4] },
        { key: filing.filedAs, text: () => label('filing', filing.filedAs), short: () => label('filing_short', filing.filedAs), current: request.filing === filing.filedAs && request.filing_date === filing.filedOn, env: env.result[5] }],
    },
  };
  renderWhatIf();
}

function diff(a, b, more, less) {
  const x = toFen(a), y = toFen(b);
  if (x === null || y === null) return '';
  const d = x - y;
  return d === 0 ? t('same') : t(d > 0 ? more : less, { v: fromFen(Math.abs(d), true) });
}

// Steps of the variant whose sentence differs from the step with the same rule in the base.
function changedSteps(base, variant) {
  const texts = new Set((base.steps || []).map((s) => s.rule + '\u0000' + s.text_zh));
  return (variant.steps || []).filter((s) => s.rule !== 'patient_pays' && !texts.has(s.rule + '\u0000' + s.text_zh))
    .map((s) => ({ variant: s, base: (base.steps || []).find((b) => b.rule === s.rule) }))
    .concat((base.steps || []).filter((b) => b.rule !== 'patient_pays' && !(variant.steps || []).some((s) => s.rule === b.rule))
      .map((b) => ({ variant: null, base: b })));
}

function compareTable(id, caption, rows) {
  const base = whatIf.base;
  const bs = base.split;
  const cell = (k, v, b, more, less, cur) => h('td', { class: 'num ' + k },
    h('span', { class: 'v', text: v == null ? t('cannot') : fromFen(toFen(v), true) }),
    cur ? null : h('span', { class: 'd', text: diff(v, b, more, less) }));
  const table = h('table', { class: 'whatif', id },
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, [t('th_case'), t('patient_pays') + t('unit'), t('fund_paid') + t('unit')].map((x) => h('th', { scope: 'col', text: x })))),
    h('tbody', {}, rows.map((row) => {
      const e = row.env;
      if (!e.ok) return h('tr', { 'data-key': row.key }, h('th', { scope: 'row', text: row.short() }), h('td', { colspan: '2', class: 'err', text: pick(e.error, 'message') }));
      const s = e.result.split;
      return h('tr', { 'data-key': row.key, class: row.current ? 'current' : '' },
        h('th', { scope: 'row' }, row.short(), row.current ? h('span', { class: 'tag', text: t('current') }) : null),
        cell('pays', s.patient_pays, bs.patient_pays, 'more', 'less', row.current),
        cell('fund', s.fund_paid, bs.fund_paid, 'more', 'less', row.current));
    })));
  const why = rows.filter((r) => !r.current && r.env.ok).map((row) => {
    const ch = changedSteps(base, row.env.result);
    return h('details', { class: 'why', 'data-key': row.key },
      h('summary', { text: `${t('why_diff')}：${row.text()}` }),
      ch.length ? h('ul', {}, ch.map(({ variant, base: b }) => h('li', {},
        variant ? h('p', {}, h('strong', { text: row.text() + '：' }), pick(variant, 'text')) : null,
        b ? h('p', { class: 'was' }, h('strong', { text: t('current') + '：' }), pick(b, 'text')) : null,
        sourceLine((variant || b).source)))) : h('p', { class: 'hint', text: t('no_diff_steps') }));
  });
  return [h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': caption }, table), ...why];
}

function renderWhatIf() {
  if (!whatIf) return;
  $('whatif_levels').replaceChildren(...compareTable('whatif_levels_table', t('whatif_levels'), whatIf.levels));
  const f = whatIf.filing;
  $('whatif_filing').replaceChildren(...(f ? [...compareTable('whatif_filing_table', t('whatif_filing'), f.rows),
    h('p', { class: 'hint', text: t('whatif_filed_assume', { filing: label('filing', f.filedAs), date: f.filedOn || '' }) })] : []));
}

// ---- tools: scenario guide, settlement-error diagnosis, reverse settlement ------------------------------------
// Each uses the form's request when it can be estimated (so deadlines get dates), else the insured region alone.
async function currentCase() {
  const request = collect();
  const env = await engine.estimate(request);
  return env.ok ? { request, result: env.result } : { request, error: env.error };
}

function basisOf(cur) {
  if (cur.result) return { kind: 'request', request: cur.request };
  if (cur.request.insured_region) return { kind: 'region', region: cur.request.insured_region, error: cur.error };
  return { kind: 'none' };
}

function basisLine(basis, prefix) {
  if (basis.kind === 'request') return h('p', { class: 'hint basis' }, t(prefix + '_for_request', { summary: summaryLine(basis.request).textContent }));
  if (basis.kind === 'region') return h('p', { class: 'hint basis' }, t(prefix + '_for_region', { region: regionName(basis.region), msg: basis.error ? pick(basis.error, 'message') : '' }));
  return h('p', { class: 'hint basis', text: t('guide_for_none') });
}

function toolError(id, err) {
  const box = $(id);
  box.hidden = !err;
  box.replaceChildren(...(err ? [typeof err === 'string' ? err : pick(err, 'message')] : []));
}

function setOut(box, kids) {
  $(box + '_out').replaceChildren(...kids.filter(Boolean));
  $(box + '_box').classList.toggle('empty', !kids.length);
  updatePager();
}

async function runGuide(scenario, focus) {
  if (!engine) return;
  const my = ++toolSeq.guide;
  const cur = await currentCase();
  const basis = basisOf(cur);
  const input = { scenario };
  if (basis.kind === 'request') input.request = cur.request;
  else if (basis.kind === 'region') input.region = basis.region;
  const env = await engine.guide(input);
  if (my !== toolSeq.guide) return;
  guide = { env, basis, scenario };
  renderGuide();
  if (env.ok) {
    const g = env.result;
    status(t('guide_done', { title: pick(g, 'title'), n: (g.steps || []).length, m: (g.materials || []).length, d: (g.deadlines || []).length }));
  } else status(pick(env.error, 'message'));
  if (focus) { gotoScreen('t_guide'); const hd = $('guide_title') || $('h-guide'); hd.focus(); if (!elder) hd.scrollIntoView({ block: 'start' }); }
}

function renderGuide() {
  if (!guide) return;
  const { env, basis } = guide;
  toolError('guide_error', env.ok ? null : env.error);
  if (!env.ok) { setOut('guide', []); return; }
  const g = env.result;
  const mats = g.materials || [], dls = g.deadlines || [], chans = g.channels || [], gaps = g.not_in_data || [];
  const part = (key, kids) => [h('h4', { text: t(key) }), ...kids];
  setOut('guide', [
    h('h3', { id: 'guide_title', tabindex: '-1', text: pick(g, 'title') }),
    basisLine(basis, 'guide'),
    (g.warnings || []).length ? h('ul', { class: 'warnings' }, g.warnings.map((w) => h('li', { text: pick(w, 'message') }))) : null,
    ...part('guide_steps', [h('ol', { class: 'steps', id: 'guide_steps' }, (g.steps || []).map((st) => h('li', {}, h('p', { text: pick(st, 'text') }), sourceLine(st.source))))]),
    ...part('materials', [h('ul', { class: 'checklist', id: 'guide_materials' }, materialItems(mats, 'gmat')), ...materialSources(mats)]),
    ...part('deadlines', [h('ul', { class: 'deadlines', id: 'guide_deadlines' }, deadlineItems(dls)),
      dls.length ? h('button', { type: 'button', id: 'guide_ics', class: 'ics', text: t('ics'),
        onclick: () => download(`claimcalc-${guide.scenario}.ics`, 'text/calendar;charset=utf-8', deadlinesToIcs(guide.env.result.deadlines, lang)) }) : null]),
    ...part('guide_channels', [h('ul', { class: 'channels', id: 'guide_channels' }, chans.length ? chans.map((c) => h('li', { 'data-kind': c.kind },
      h('span', { class: 'tag kind ' + c.kind, text: t(c.kind === 'online' ? 'online' : 'offline') }), ' ', h('strong', { text: pick(c, 'name') }),
      pick(c, 'note') ? h('span', { class: 'hint', text: ' ' + pick(c, 'note') }) : null, sourceLine(c.source))) : [h('li', { class: 'none', text: t('guide_none') })])]),
    gaps.length ? h('div', { class: 'gaps', id: 'guide_gaps' }, h('h4', { text: t('guide_not_in_data') }),
      h('p', { class: 'hint', text: t('guide_not_in_data_hint') }),
      h('ul', {}, gaps.map((x) => h('li', {}, h('span', { class: 'tag', text: t('guide_not_in_data') }), ' ', lang === 'en' ? x.en : x.zh)))) : null,
    (g.cannot_estimate || []).length ? h('div', {}, h('h4', { text: t('cannot_h') }),
      h('ul', { class: 'cannot' }, g.cannot_estimate.map((c) => h('li', {}, pick(c, 'reason'), needButton(c.needs))))) : null,
  ]);
}

async function runDiag(symptom) {
  if (!engine) return;
  symptom = symptom.trim();
  if (!symptom) {
    toolError('diag_error', t('diag_empty'));
    $('diag_symptom').setAttribute('aria-invalid', 'true');
    $('diag_symptom').focus();
    return;
  }
  $('diag_symptom').removeAttribute('aria-invalid');
  const my = ++toolSeq.diag;
  const cur = await currentCase();
  const basis = basisOf(cur);
  const input = { symptom };
  if (basis.kind === 'request') input.request = cur.request;
  else if (basis.kind === 'region') input.region = basis.region;
  const env = await engine.diagnose(input);
  if (my !== toolSeq.diag) return;
  diag = { env, basis, symptom };
  renderDiag();
  const causes = env.ok ? env.result.causes || [] : [];
  status(env.ok ? (causes.length ? t('diag_done', { n: causes.length, first: pick(causes[0], 'title') }) : t('diag_none')) : pick(env.error, 'message'));
}

function renderDiag() {
  if (!diag) return;
  const { env, basis } = diag;
  toolError('diag_error', env.ok ? null : env.error);
  if (!env.ok) { setOut('diag', []); return; }
  const causes = env.result.causes || [];
  setOut('diag', [
    h('h3', { id: 'diag_title', tabindex: '-1', text: t('diag_causes') }),
    basis.kind === 'none' ? null : basisLine(basis, 'diag'),
    causes.length ? h('ol', { class: 'causes', id: 'diag_causes' }, causes.map((c) => h('li', { 'data-id': c.id },
      h('p', { class: 'cause' }, h('strong', { class: 'title', text: pick(c, 'title') }),
        (c.matched || []).length ? h('span', { class: 'badge match', text: t('diag_matched') + c.matched.join('、') }) : null),
      h('p', { text: pick(c, 'why') }),
      pick(c, 'context') ? h('p', { class: 'context' }, h('strong', { text: t('diag_context') }), pick(c, 'context')) : null,
      (c.actions || []).length ? h('div', { class: 'actions-list' }, h('strong', { text: t('diag_actions') }),
        h('ul', {}, c.actions.map((a) => h('li', { text: pick(a, 'text') })))) : null,
      sourceLine(c.source)))) : h('p', { class: 'note', text: t('diag_none') }),
  ]);
}

function clearToolErrors(form) {
  for (const el of form.querySelectorAll('[aria-invalid]')) { el.removeAttribute('aria-invalid'); el.removeAttribute('aria-describedby'); }
  for (const el of form.querySelectorAll('.err')) { el.hidden = true; el.textContent = ''; }
}

async function runRev() {
  if (!engine) return;
  const form = $('rev_form');
  clearToolErrors(form);
  toolError('rev_error', null);
  const my = ++toolSeq.rev;
  const cur = await currentCase();
  if (my !== toolSeq.rev) return;
  if (!cur.result) {
    // The corrected bill is the form: say what it lacks and offer to go there.
    rev = null;
    setOut('rev', []);
    const box = $('rev_error');
    box.hidden = false;
    box.replaceChildren(t('rev_needs_form', { msg: pick(cur.error, 'message') }), ' ', needButton(cur.error.field) || '');
    status(box.textContent);
    return;
  }
  const original = {};
  for (const k of ['fund_paid', 'critical_illness_paid', 'patient_pays']) {
    const v = cleanMoney($('rev_' + k).value);
    if (v) original[k] = v;
  }
  const env = await engine.reverse({ original, request: cur.request });
  if (my !== toolSeq.rev) return;
  if (!env.ok) {
    const input = form.querySelector(`[data-field="${env.error.field}"]`);
    if (input) {
      const span = input.parentElement.querySelector('.err');
      span.id = span.id || 'err' + ++errId;
      span.textContent = pick(env.error, 'message');
      span.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', span.id);
      input.focus();
    } else {
      const box = $('rev_error');
      box.hidden = false;
      box.replaceChildren(pick(env.error, 'message'), ' ', needButton(env.error.field) || '');
    }
    status(t('status_err', { msg: pick(env.error, 'message') }));
    return;
  }
  rev = { env, request: cur.request };
  renderRev();
  status(t('rev_done', { verdict: verdict(env.result) }));
}

function verdict(r) {
  const pays = r.difference && r.difference.patient_pays;
  const v = pays == null ? null : money(fromFen(Math.abs(toFen(pays))));
  if (r.direction === 'refund_to_patient') return t('rev_refund_to_patient', { v });
  if (r.direction === 'patient_pays_more') return t('rev_patient_pays_more', { v });
  if (r.direction === 'none') return t('rev_none');
  return t('rev_unknown');
}

function renderRev() {
  if (!rev) return;
  const r = rev.env.result;
  const o = r.original || {}, c = (r.corrected && r.corrected.split) || {}, d = r.difference || {};
  // difference.fund_paid is corrected minus first (the fund pays more when positive); difference.patient_pays is
  // first minus corrected (refunded to the patient when positive). Shown in words, as the engine gave them.
  const words = (k, v) => {
    if (v == null) return t('cannot');
    const f = toFen(v);
    if (f === 0) return t('same');
    const abs = fromFen(Math.abs(f), true);
    if (k === 'patient_pays') return t(f > 0 ? 'rev_refund' : 'rev_topup', { v: abs });
    return t(f > 0 ? 'rev_fund_more' : 'rev_fund_less', { v: abs });
  };
  const num = (v) => (v == null ? t('cannot') : fromFen(toFen(v), true));
  const ce = (r.corrected && r.corrected.cannot_estimate) || [];
  setOut('rev', [
    h('h3', { id: 'rev_title', tabindex: '-1', class: 'verdict ' + (r.direction || 'unknown'), 'data-direction': r.direction || 'unknown', text: verdict(r) }),
    h('p', { class: 'hint basis', text: t('rev_for', { summary: summaryLine(rev.request).textContent }) }),
    h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': t('rev_table') },
      h('table', { class: 'rev', id: 'rev_table' }, h('caption', { text: t('rev_table') }),
        h('thead', {}, h('tr', {}, [t('th_case'), t('th_original'), t('th_corrected'), t('th_difference')].map((x) => h('th', { scope: 'col', text: x })))),
        h('tbody', {}, ['fund_paid', 'critical_illness_paid', 'patient_pays'].map((k) => h('tr', { 'data-k': k },
          h('th', { scope: 'row', text: t(k === 'patient_pays' ? 'rev_patient' : k) }),
          h('td', { class: 'num', text: num(o[k]) }), h('td', { class: 'num', text: num(c[k]) }),
          h('td', { class: 'num diff', 'data-v': d[k] ?? '', text: words(k, d[k]) })))))),
    ce.length ? h('ul', { class: 'cannot' }, ce.map((x) => h('li', {}, pick(x, 'reason'), needButton(x.needs)))) : null,
    (r.corrected && r.corrected.warnings || []).length ? h('ul', { class: 'warnings' }, r.corrected.warnings.map((w) => h('li', { text: pick(w, 'message') }))) : null,
    h('details', { class: 'rev-steps' }, h('summary', { text: t('rev_steps') }),
      h('ol', { class: 'steps', id: 'rev_steps' }, ((r.corrected && r.corrected.steps) || []).map(stepItem))),
  ]);
}

function wireTools() {
  $('guide_form').addEventListener('submit', (e) => { e.preventDefault(); runGuide($('guide_scenario').value, false); });
  $('guide_manual').addEventListener('click', () => { $('guide_scenario').value = 'manual_claim'; runGuide('manual_claim', true); });
  $('diag_form').addEventListener('submit', (e) => { e.preventDefault(); runDiag($('diag_symptom').value); });
  for (const chip of document.querySelectorAll('#diag_form .chip')) {
    chip.addEventListener('click', () => { $('diag_symptom').value = chip.textContent; runDiag(chip.textContent); });
  }
  $('rev_form').addEventListener('submit', (e) => { e.preventDefault(); runRev(); });
  for (const a of document.querySelectorAll('.toolnav a')) {
    a.addEventListener('click', (e) => { e.preventDefault(); gotoScreen(a.dataset.go, true); });
  }
}

// ---- share, remember, calendar, copy ---------------------------------------------------------------------------
function shareUrl(request) {
  let frag = '#r=' + encodeRequest(request);
  if (lang === 'en') frag += '&lang=en';
  if (elder) frag += '&big=1';
  return location.href.split('#')[0] + frag;
}

async function copyText(text, input) {
  try { await navigator.clipboard.writeText(text); return true; } catch {
    if (input) { input.select(); try { return document.execCommand('copy'); } catch { return false; } }
    return false;
  }
}

function remember() {
  try {
    if ($('remember').checked) localStorage.setItem(STORE, JSON.stringify(collect()));
  } catch { /* storage may be off */ }
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---- large print: one screen at a time -------------------------------------------------------------------------
function screens() {
  return [...document.querySelectorAll('[data-screen]')].filter((s) => !s.hidden && !(s.closest('#result') && $('result').hidden));
}

function updatePager() {
  const list = screens();
  document.documentElement.classList.toggle('elder', elder);
  $('pager').hidden = !elder;
  if (!elder) { for (const s of document.querySelectorAll('[data-screen]')) s.classList.remove('off'); $('form').querySelector('.actions').classList.remove('off'); return; }
  screen = Math.max(0, Math.min(screen, list.length - 1));
  for (const s of document.querySelectorAll('[data-screen]')) s.classList.toggle('off', s !== list[screen]);
  const cur = list[screen];
  $('form').querySelector('.actions').classList.toggle('off', !cur || cur.dataset.screen !== 'bill');
  $('pager_pos').textContent = t('pager_pos', { i: screen + 1, n: list.length });
  $('prev').disabled = screen === 0;
  $('next').disabled = screen >= list.length - 1;
}

function gotoScreen(name, focus) {
  const list = screens();
  const i = list.findIndex((s) => s.dataset.screen === name);
  if (i < 0) return;
  screen = i;
  updatePager();
  if (focus) { const hd = list[i].querySelector('h2'); if (hd) hd.focus(); if (!elder) list[i].scrollIntoView({ block: 'start' }); }
}

function gotoScreenOf(el) {
  const s = el.closest('[data-screen]');
  if (s) { const det = el.closest('details'); if (det) det.open = true; gotoScreen(s.dataset.screen); }
}

function move(d) {
  const list = screens();
  if (d > 0 && list[screen] && list[screen].dataset.screen === 'bill') { $('form').requestSubmit(); return; }
  screen = Math.max(0, Math.min(list.length - 1, screen + d));
  updatePager();
  const hd = list[screen].querySelector('h2');
  if (hd) hd.focus();
  window.scrollTo(0, 0);
}

// ---- wiring ----------------------------------------------------------------------------------------------------
function wire() {
  const form = $('form');
  form.addEventListener('submit', (e) => { e.preventDefault(); run({ all: true, announce: true, focusResult: elder }); });
  form.addEventListener('keydown', (e) => {
    // Enter estimates from any control except the places where Enter means something else.
    if (e.key === 'Enter' && !e.isComposing && !e.target.matches('textarea, button, summary, a, input[type=checkbox], input[type=radio]')) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  const onEdit = (e) => {
    const el = e.target;
    if (el.matches('input, select, textarea')) touched.add(el);
    if (el.name === 'mode') { setMode(mode()); if (mode() === 'paste') $('paste').focus(); }
    if (el.id === 'paste') { pasted = el.value.trim() ? parseBill(el.value) : null; showPaste(); }
    if (el.id === 'remember') { if (!el.checked) try { localStorage.removeItem(STORE); } catch { /* */ } remember(); return; }
    if (['insured_region', 'scheme', 'care_region', 'filing', 'setting'].includes(el.id)) refreshChoices();
    schedule();
  };
  form.addEventListener('input', onEdit);
  form.addEventListener('change', (e) => { if (e.target.matches('select, input[type=date], input[type=radio], input[type=checkbox]')) onEdit(e); });
  wireTools();
  $('add_item').addEventListener('click', () => addItem(null, true));
  $('paste_use').addEventListener('click', usePasted);
  $('clear').addEventListener('click', () => {
    fillForm({});
    $('paste').value = ''; pasted = null; showPaste();
    last = null; whatIf = null; $('result').hidden = true; clearErrors();
    guide = diag = rev = null;
    for (const x of ['guide', 'diag', 'rev']) { setOut(x, []); toolError(x + '_error', null); }
    for (const el of document.querySelectorAll('#diag_form input, #rev_form input')) el.value = '';
    clearToolErrors($('rev_form'));
    if (location.hash) history.replaceState(null, '', location.href.split('#')[0]);
    try { localStorage.removeItem(STORE); } catch { /* */ }
    $('remember').checked = false;
    screen = 0; updatePager();
    $('insured_region').focus();
  });
  $('lang').addEventListener('click', () => { lang = lang === 'en' ? 'zh' : 'en'; applyLang(); });
  $('elder').addEventListener('click', () => {
    elder = !elder;
    $('elder').setAttribute('aria-pressed', String(elder));
    $('elder').textContent = t(elder ? 'elder_off' : 'elder');
    screen = 0;
    updatePager();
  });
  $('print').addEventListener('click', () => window.print());
  $('prev').addEventListener('click', () => move(-1));
  $('next').addEventListener('click', () => move(1));
  $('share').addEventListener('click', async () => {
    if (!last) return;
    const url = shareUrl(last.request);
    history.replaceState(null, '', url);
    $('share_url').value = url;
    $('share_url').hidden = false;
    const ok = await copyText(url, $('share_url'));
    status(ok ? t('share_copied') : t('share_url'));
    if (!ok) $('share_url').select();
  });
  $('copy_aloud').addEventListener('click', async () => { if (await copyText($('aloud').value, $('aloud'))) status(t('copied')); });
  $('ics').addEventListener('click', () => {
    if (!last) return;
    download('claimcalc-deadlines.ics', 'text/calendar;charset=utf-8', deadlinesToIcs(last.result.deadlines, lang));
  });
  window.addEventListener('hashchange', () => openHash(true));
  // Printing shows everything: open the folded parts for the printout, and close them again afterwards.
  let opened = [];
  window.addEventListener('beforeprint', () => { opened = [...document.querySelectorAll('#result details:not([open]), #tools details:not([open])')]; for (const d of opened) d.open = true; });
  window.addEventListener('afterprint', () => { for (const d of opened) d.open = false; opened = []; });
}

function openHash(run_) {
  const p = readHash(location.hash);
  if (p.lang === 'en' || p.lang === 'zh') { if (p.lang !== lang) { lang = p.lang; applyLang(); } }
  if (p.big === '1' && !elder) $('elder').click();
  const r = p.r && decodeRequest(p.r);
  if (r) { fillForm(r); if (run_) run({ all: true, announce: true }); }
  return !!r;
}

async function loadEngine() {
  if (typeof WebAssembly === 'object') {
    const res = await fetch('claimcalc.wasm');
    if (!res.ok) throw new Error('claimcalc.wasm: HTTP ' + res.status);
    return ClaimCalc.load(await res.arrayBuffer());
  }
  // No WebAssembly (e.g. some locked-down phones): the same engine translated to JS, loaded only here.
  await new Promise((ok, fail) => document.head.append(h('script', { src: 'claimcalc.asm.js', onload: ok, onerror: fail })));
  return ClaimCalc.load(window.ClaimCalcAsm);
}

async function boot() {
  const p = readHash(location.hash);
  if (p.lang === 'en') lang = 'en';
  addItem();
  setMode('items');
  wire();
  applyLang();
  try {
    engine = inlineSources(await loadEngine());
    const [pol, ver] = await Promise.all([engine.policies(), engine.version()]);
    policies = pol.ok ? pol.result : [];
    engineVersion = ver.ok ? ver.result.engine_version : '';
    $('version').textContent = `claimcalc ${engineVersion} · ` + policies.map((x) => `${x.name_zh} ${x.effective_from}`).join(' · ');
  } catch (e) {
    $('boot').textContent = t('load_failed') + (e && e.message);
    return;
  }
  fillRegions();
  refreshChoices();
  $('boot').hidden = true;
  let restored = openHash(false);
  if (!restored) {
    try {
      const saved = localStorage.getItem(STORE);
      if (saved) { fillForm(JSON.parse(saved)); $('remember').checked = true; restored = true; }
    } catch { /* */ }
  }
  document.documentElement.dataset.ready = '1';
  if (restored) await run({ all: true, announce: true });
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('sw.js').catch(() => { /* offline use is a bonus */ });
  }
}

boot();
