// The form: choices that depend on the region's policy, the bill's rows, the request it makes, and filling it back
// from a request (share link, 在本机记住).
import { $, h } from './dom.js';
import { state } from './state.js';
import { t, label, regionName } from './words.js';
import { cleanMoney, cleanRatio, splitQuantity, halfWidth } from './bill.js';
import { cityGroups, cityOf, cityValue, covers, matches, placeValue, provinceRules } from './places.js';
import { updatePager } from './pager.js';
import { renderRegionData } from './regiondata.js';

const YTD = ['stays', 'deductible_paid', 'fund_paid', 'critical_illness_base', 'critical_illness_paid',
  'outpatient_pool_paid', 'outpatient_pool_paid_this_month'];
const TOTALS = ['class_a', 'class_b', 'out_of_catalogue'];
export const STORE = 'claimcalc.form.v1';

const names = (kind) => (state.vocab ? state.vocab[kind].map((x) => x.name) : []);

function setOptions(sel, values, text, blank) {
  const keep = sel.value;
  sel.replaceChildren(...(blank ? [h('option', { value: '', text: blank })] : []),
    ...values.map((v) => h('option', { value: v, text: text(v) })));
  if (values.includes(keep) || (blank && keep === '')) sel.value = keep;
}

// A city as its picker shows it: covered ones say what the data holds for them.
function cityText(c) {
  const cov = c.region ? covers(c.region) : [];
  const settings = (x) => x.settings.map((v) => label('settings', v)).join('、');
  if (cov.length) {
    const same = cov.length > 1 && cov.every((x) => settings(x) === settings(cov[0]));
    return t('city_covered', { city: c.zh, what: same ? settings(cov[0]) : cov.map((x) => label('schemes', x.scheme) + ' ' + settings(x)).join('；') });
  }
  if (c.region) return t('city_rules', { city: c.zh });
  const pr = provinceRules(c);
  return pr ? t('city_province_rules', { city: c.zh, province: pr.zh }) : c.zh;
}

// Every city, the covered ones first, then by province; those matching what was typed in the search box. The value
// chosen stays a choice even when the search leaves it out, so searching never changes the request by itself.
function fillPlaces(sel, query, first, last) {
  const keep = sel.value;
  const { covered, groups } = cityGroups();
  const opt = (c) => h('option', { value: cityValue(c), text: cityText(c) });
  const found = [];
  const kids = [];
  const cov = covered.filter((c) => matches(c, query));
  if (cov.length) kids.push(h('optgroup', { label: t('places_covered') }, cov.map(opt)));
  for (const g of groups) {
    const cs = g.cities.filter((c) => matches(c, query));
    found.push(...cs);
    if (cs.length) kids.push(h('optgroup', { label: g.province.zh }, cs.map(opt)));
  }
  const kept = keep && !found.some((c) => cityValue(c) === keep) && cityOf(keep);
  sel.replaceChildren(...[first, kept ? opt(kept) : null, ...kids, last].filter(Boolean));
  sel.value = keep;
  if (sel.value !== keep) sel.value = first ? first.value : '';
  return found;
}

export function fillRegions() {
  fillPlaces($('insured_region'), $('insured_find').value, h('option', { value: '', text: t('choose') }));
  fillPlaces($('care_region'), $('care_find').value, h('option', { value: '', text: t('same_region') }),
    h('option', { value: 'other', text: t('other_region') }));
}

// Typing in a picker's search box narrows its list; a search that finds one city chooses it.
export function findPlace(input) {
  const sel = $(input.id === 'insured_find' ? 'insured_region' : 'care_region');
  const first = sel.options[0] && sel.options[0].value === '' ? h('option', { value: '', text: sel.options[0].textContent }) : null;
  const last = sel.id === 'care_region' ? h('option', { value: 'other', text: t('other_region') }) : null;
  const found = fillPlaces(sel, input.value, first, last);
  $(input.id + '_n').textContent = input.value.trim() ? t('places_found', { n: found.length }) : '';
  if (found.length === 1 && sel.value !== cityValue(found[0])) {
    sel.value = cityValue(found[0]);
    sel.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

export function schemeInfo(region = $('insured_region').value, scheme = $('scheme').value) {
  const p = state.policies.find((x) => x.region === region);
  return p && (p.schemes || []).find((s) => s.scheme === scheme);
}

// The values a field can take for the case on the form (for the answer for each choice side by side).
export function choicesOf(field) {
  const s = schemeInfo();
  if (field === 'tier') return (s && s.tiers) || [];
  if (field === 'person') return (s && s.persons) || [];
  if (field === 'hospital_level') return names('levels');
  return [];
}

export function refreshChoices() {
  const s = schemeInfo();
  setOptions($('scheme'), names('schemes'), (v) => label('schemes', v));
  setOptions($('person'), s && s.persons && s.persons.length ? s.persons : names('persons'), (v) => label('persons', v));
  const tiers = (s && s.tiers) || [];
  setOptions($('tier'), tiers, (v) => label('tiers', v), t('choose'));
  $('tier_box').hidden = tiers.length === 0;
  const all = names('settings');
  setOptions($('setting'), s && s.settings && s.settings.length ? all.filter((x) => s.settings.includes(x)) : all, (v) => label('settings', v));
  setOptions($('hospital_level'), names('levels'), (v) => label('levels', v), t('choose'));
  setOptions($('filing'), names('filings'), (v) => label('filings', v));
  setOptions($('settlement'), names('settlements'), (v) => label('settlements', v));
  $('discharge_box').hidden = $('setting').value !== 'inpatient';
  const diseases = ((s && s.diseases) || []).filter((d) => d.setting === $('setting').value);
  setOptions($('disease'), diseases.map((d) => d.id), (id) => { const d = diseases.find((x) => x.id === id); return state.lang === 'en' ? d.en : d.zh; }, t('choose'));
  $('disease_box').hidden = !diseases.length;
  const care = $('care_region').value;
  const insured = $('insured_region').value;
  $('filing_box').hidden = !care || care === insured;
  // Every city is a known place; only a care city left unnamed (其他城市) is placed by its province.
  $('care_province_box').hidden = $('filing_box').hidden || care !== 'other';
  const home = (cityOf(insured) || {}).province;
  const provinces = state.vocab.provinces.filter((p) => state.vocab.cities.some((c) => c.province === p.code));
  setOptions($('care_province'), provinces.map((p) => String(p.code)), (code) =>
    provinces.find((p) => String(p.code) === code).zh + (Number(code) === home ? t('in_province') : ''), t('choose'));
  showInsuredClass();
  renderRegionData();
  $('filing_date_box').hidden = $('filing_box').hidden || $('filing').value === 'none';
  for (const sel of document.querySelectorAll('#form select')) for (const o of sel.options) if (o.dataset.t) o.textContent = t(o.dataset.t);
  updatePager();
}

// Care elsewhere, not filed: it cannot be settled at the hospital, so the settlement becomes a manual claim.
export function settleForFiling() {
  const cross = !$('filing_box').hidden;
  if (cross && $('filing').value === 'none' && $('settlement').value === 'direct') {
    $('settlement').value = names('settlements').find((n) => n !== 'direct');
    $('settlement_note').hidden = false;
  } else if (!cross || $('filing').value !== 'none') $('settlement_note').hidden = true;
}

// The insured region's class of an item matters for a manual claim for care elsewhere: offered then, or when set.
function showInsuredClass() {
  const cross = !$('filing_box').hidden;
  for (const d of $('items').querySelectorAll('.adv')) d.hidden = !cross && !d.querySelector('.i-ins').value;
}

// ---- bill rows -------------------------------------------------------------------------------------------------
// The row template is put in the page's language, with the engine's class choices, once: each of a 5,000-line
// bill's rows is then a plain copy.
export function fillTemplate() {
  const fill = (sel, blank) => setOptions(sel, names('classes'), (v) => label('classes', v), t(blank));
  const tpl = $('item_row').content;
  for (const el of tpl.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  for (const el of tpl.querySelectorAll('[data-ta]')) el.setAttribute(el.hasAttribute('placeholder') ? 'placeholder' : 'aria-label', t(el.dataset.ta));
  fill(tpl.querySelector('.i-class'), 'choose');
  fill(tpl.querySelector('.i-ins'), 'ins_same');
  for (const sel of $('items').querySelectorAll('.i-class')) fill(sel, 'choose');
  for (const sel of $('items').querySelectorAll('.i-ins')) fill(sel, 'ins_same');
}

function itemRow(item, i, cross) {
  const li = $('item_row').content.firstElementChild.cloneNode(true);
  if (item) {
    li.querySelector('.i-name').value = item.name || '';
    li.querySelector('.i-class').value = item.class || '';
    li.querySelector('.i-amount').value = item.quantity !== undefined && item.unit_price !== undefined
      ? item.quantity + '×' + item.unit_price : item.amount ?? '';
    li.querySelector('.i-ratio').value = item.selfpay_ratio || '';
    li.querySelector('.i-ins').value = item.insured_class || '';
    if (item.insured_class) li.querySelector('.adv').open = true;
  }
  numberRow(li, i);
  li.querySelector('.adv').hidden = !cross && !(item && item.insured_class);
  return li;
}

// Adds rows numbered and set up before they enter the page. A long bill shows its first rows at once; the rest
// stay data (state.pendingRows) until the person scrolls to them (or presses 显示更多, or an error names one), so a
// 5,000-line bill is in the form at once: collect() reads the rows not shown yet from state.pendingRows.
const CHUNK = 100;
export function addItems(items, focus) {
  if (state.pendingRows) { state.pendingRows.push(...items); showMore(); return; }
  appendRows(items.slice(0, CHUNK), focus);
  state.pendingRows = items.length > CHUNK ? items.slice(CHUNK) : null;
  showMore();
}

function appendRows(items, focus) {
  const start = $('items').children.length;
  const cross = !$('filing_box').hidden;
  const frag = document.createDocumentFragment();
  const rows = items.map((it, i) => itemRow(it, start + i, cross));
  frag.append(...rows);
  $('items').append(frag);
  if (focus && rows.length) rows[rows.length - 1].querySelector('input').focus();
}

// Shows the next rows of a long bill (through row index `through` when given).
export function showRows(through = $('items').children.length + CHUNK - 1) {
  const rest = state.pendingRows;
  if (!rest) return;
  const n = Math.max(0, through - $('items').children.length + 1);
  appendRows(rest.splice(0, Math.ceil(n / CHUNK) * CHUNK));
  if (!rest.length) state.pendingRows = null;
  showMore();
}

let watcher = null;
function showMore() {
  const more = $('items_more');
  const left = state.pendingRows ? state.pendingRows.length : 0;
  more.hidden = !left;
  more.textContent = t('items_more', { shown: $('items').children.length, left });
  // Rows come in as the list is scrolled to its end.
  if (!watcher && 'IntersectionObserver' in window) {
    watcher = new IntersectionObserver((es) => { if (es.some((e) => e.isIntersecting)) showRows(); }, { rootMargin: '600px 0px' });
    watcher.observe(more);
  }
}

export function clearRows() {
  $('items').replaceChildren();
  state.pendingRows = null;
}

export function removeItem(li) {
  const next = li.nextElementSibling || li.previousElementSibling;
  li.remove();
  if (!$('items').children.length) { if (state.pendingRows) showRows(); else addItems([null]); }
  numberItems();
  (next || $('items').firstElementChild).querySelector('input').focus();
  state.schedule();
}

function numberRow(li, i) {
  for (const el of li.querySelectorAll('[data-f]')) el.dataset.field = el.dataset.f.split(' ').map((f) => `items[${i}].${f}`).join(' ');
  li.dataset.field = `items[${i}]`;
}

function numberItems() {
  [...$('items').children].forEach(numberRow);
}

export function mode() { return document.querySelector('input[name=mode]:checked').value; }
export function setMode(m) {
  document.querySelector(`input[name=mode][value=${m}]`).checked = true;
  $('pane_items').hidden = m !== 'items';
  $('pane_paste').hidden = m !== 'paste';
  $('pane_totals').hidden = m !== 'totals';
}

// ---- the request -----------------------------------------------------------------------------------------------
function rowItem(li) {
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
}

// A pasted row as the engine takes it: without what the preview alone uses.
export const pastedItem = ({ line, class_inferred, ratio_read, ...it }) => (it.class ? it : (delete it.class, it));

export function collect() {
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
  if (!$('disease_box').hidden) put('disease', v('disease'));
  put('date_of_care', v('date_of_care'));
  if (r.setting === 'inpatient') put('discharge_date', v('discharge_date'));
  put('settlement', v('settlement'));
  const ytd = {};
  for (const k of YTD) {
    const s = $('ytd_' + k).value.trim();
    if (s) ytd[k] = k === 'stays' ? (/^\d+$/.test(s) ? Number(s) : s) : cleanMoney(s);
  }
  if (Object.keys(ytd).length) r.year_to_date = ytd;
  // No amount typed at all is a question without a bill (no items, no totals): the engine answers what to bring, by
  // when and where. A pasted text in which nothing was read still goes, so the engine says what is missing.
  const m = mode();
  if (m === 'totals') {
    const tot = {};
    for (const k of TOTALS) { const s = $('total_' + k).value.trim(); if (s) tot[k] = cleanMoney(s); }
    if (Object.keys(tot).length) r.totals = tot;
  } else if (m === 'paste') {
    if (state.pasted) r.items = state.pasted.items.map(pastedItem);
  } else {
    const items = [...$('items').children].map(rowItem).concat((state.pendingRows || []).map(pastedItem));
    // A blank row left at the end is not an item.
    while (items.length && !Object.keys(items[items.length - 1]).length) items.pop();
    if (items.length) r.items = items;
  }
  return r;
}

export function fillForm(r) {
  const set = (id, val) => { $(id).value = val === undefined || val === null ? '' : String(val); };
  // A filled-in form shows the whole lists again.
  $('insured_find').value = $('care_find').value = $('insured_find_n').textContent = $('care_find_n').textContent = '';
  fillRegions();
  set('insured_region', placeValue(r.insured_region) ?? r.insured_region);
  set('scheme', r.scheme || 'employee');
  refreshChoices();
  const care = r.care_region === 'other' ? 'other' : placeValue(r.care_region);
  set('care_region', care && care !== $('insured_region').value ? care : '');
  set('filing', r.filing || 'none');
  set('filing_date', r.filing_date);
  refreshChoices();
  // A province as a link names it (code, name or the pack's id): the picker's value is its code.
  const given = String(r.care_province ?? '');
  const viaRegion = cityOf((state.vocab.regions.find((x) => x.province === given) || {}).region);
  const prov = state.vocab.provinces.find((p) => [String(p.code), p.zh, p.short, p.region].includes(given) || (viaRegion && viaRegion.province === p.code));
  set('care_province', prov ? String(prov.code) : r.care_province);
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
  clearRows();
  addItems(Array.isArray(r.items) && r.items.length ? r.items : [null]);
  setMode(r.totals && !r.items ? 'totals' : 'items');
  refreshChoices();
  set('disease', r.disease);
  $('settlement_note').hidden = true;
}

export function remember() {
  try {
    if ($('remember').checked) localStorage.setItem(STORE, JSON.stringify(collect()));
  } catch { /* storage may be off */ }
}
