// Errors in plain words next to their fields: every one at once, each naming the field as the form does and
// saying how to fix it. The engine checks one error at a time, so the page asks again with the wrong field set
// aside until the request is clean (at most MAX_ERRORS times).
import { $ } from './dom.js';
import { markInvalid, clearInvalid } from './dom.js';
import { state } from './state.js';
import { t, pick, regionName } from './words.js';
import { showRows } from './form.js';

const MAX_ERRORS = 12;

const visible = (el) => !el.closest('[hidden]');

// "items[2].amount" -> the input holding it; tries "items[2]" and then "items" when nothing holds the full name.
export function fieldElement(field) {
  let f = (field || '').replace(/^request\./, '');
  // A row of a long bill not shown yet is shown first.
  const row = /^items\[(\d+)\]/.exec(f);
  if (row && state.pendingRows) showRows(Number(row[1]));
  while (f) {
    const el = [...document.querySelectorAll('#form [data-field]')].find((e) => visible(e) && e.dataset.field.split(' ').includes(f));
    if (el) return el;
    const cut = f.search(/(\.[^.[\]]+|\[\d+\])$/);
    f = cut > 0 ? f.slice(0, cut) : '';
  }
  return null;
}

// A request field as the form names it: 出院日期, 第 3 项的金额, 之前住院次数.
export function fieldLabel(field) {
  const f = (field || '').replace(/^request\./, '');
  const item = /^items\[(\d+)\](?:\.(\w+))?/.exec(f);
  if (item) return t('item_n', { n: Number(item[1]) + 1 }) + (item[2] ? t('item_' + item[2]) : '');
  const sub = /^(year_to_date|totals)\.(\w+)/.exec(f);
  if (sub) return t((sub[1] === 'totals' ? 'total_' : 'ytd_') + sub[2]);
  const key = { items: 'h_bill', totals: 'h_bill', year_to_date: 'ytd' }[f] || f;
  const w = t(key);
  return w === key ? '' : w.replace(/（可选）|\(optional\)/i, '').trim();
}

// Engine text without request field names: "（请求字段 tier）" goes, "discharge_date" reads 「出院日期」.
export function plain(text) {
  return String(text || '').replace(/[（(](?:请求字段|request field) [\w.[\]]+[）)]/g, '')
    .replace(/\b(?:[a-z]+(?:_[a-z]+)+|tier|age|filing|scheme|person|setting|disease)\b/g, (m) => {
      const l = fieldLabel(m);
      return l ? `「${l}」` : m;
    });
}

// One sentence: the field, what is wrong, how to fix it.
export function errorText(err) {
  const name = fieldLabel(err.field);
  const msg = plain(pick(err, 'message'));
  const pol = err.code === 'no_policy_for_date' && state.policies.filter((p) => p.region === $('insured_region').value);
  const fix = pol && pol.length ? t('fix_no_policy_for_date', { region: regionName(pol[0].region), from: pol.map((p) => p.effective_from).sort()[0] })
    : t('fix_' + (err.code === 'inconsistent' && /^out of range/.test(err.message_en || '') ? 'out_of_range' : err.code));
  const told = fix.startsWith('fix_') ? '' : (/[。．.！!？?]$/.test(msg) ? '' : t('stop')) + t('sep') + fix;
  return (name && !msg.includes(name) ? name + t('colon') : '') + msg + told;
}

// A value that lets the engine look past a wrong field to the next one.
function setAside(request, field) {
  const path = field.replace(/^request\./, '').split(/\.|\[(\d+)\]\.?/).filter((x) => x !== undefined && x !== '');
  const last = path.pop();
  let o = request;
  for (const k of path) { o = o && o[k]; }
  if (!o || typeof o !== 'object') return false;
  const stand = { amount: '0', unit_price: '0', quantity: 1, class: 'class_a', insured_region: state.vocab.regions[0]?.region,
    setting: 'inpatient', hospital_level: 'level3', scheme: 'employee', filing: 'none', items: [{ class: 'class_a', amount: '0' }] };
  if (last === 'date_of_care' || last === 'discharge_date') {
    const p = state.policies.find((x) => x.region === request.insured_region) || state.policies[0];
    request.date_of_care = request.discharge_date = p ? p.effective_from : '2024-01-01';
    return true;
  }
  if (last === 'person') { const s = state.policies.flatMap((p) => p.schemes || []).find((x) => x.scheme === request.scheme); o.person = s && s.persons[0]; return !!o.person; }
  if (last === 'tier') { o.tier = 'tier1'; return true; }
  if (last in stand && o[last] !== stand[last]) { o[last] = structuredClone(stand[last]); return true; }
  if (last in o) { if (Array.isArray(o)) o[last] = {}; else delete o[last]; return true; }
  return false;
}

// Every error of a request, in the engine's order: [first, ...others].
export async function allErrors(request, first) {
  const out = [first];
  const r = structuredClone(request);
  for (let i = 1; i < MAX_ERRORS; i++) {
    if (!setAside(r, out[out.length - 1].field)) break;
    const env = await state.engine.estimate(r);
    if (env.ok || out.some((e) => e.field === env.error.field)) break;
    out.push(env.error);
  }
  return out;
}

export function clearErrors() {
  clearInvalid($('form'));
  $('form_error').hidden = true;
}

function isTouched(el) {
  if (state.touched.has(el)) return true;
  if (el.closest('#pane_paste')) return state.touched.has($('paste'));
  return [...el.querySelectorAll('input, select, textarea')].some((x) => state.touched.has(x));
}

// Shows one error by its field (or above the button when the form has no place for it). While typing (all false)
// only errors of fields already edited are shown.
export function showError(err, all) {
  const el = fieldElement(err.field);
  if (!all && !(el && isTouched(el))) return false;
  const msg = errorText(err);
  if (!el) {
    const box = $('form_error');
    box.textContent = box.hidden ? msg : box.textContent + ' ' + msg;
    box.hidden = false;
    return true;
  }
  // The message goes to the nearest row or field that has a place for one.
  let holder = el.closest('li, .fld, tr');
  while (holder && !holder.querySelector('.err')) holder = holder.parentElement.closest('li, .fld, tr');
  const span = (el.dataset.err && $(el.dataset.err)) || (holder && holder.querySelector('.err')) || $('form_error');
  if (!span.hidden && span.textContent) { span.textContent += ' ' + msg; return true; }
  const input = el.matches('input, select, textarea') ? el : el.querySelector('input, select') || null;
  markInvalid(input, span, msg);
  return true;
}
