// The estimate on screen: the figures, the bar, what cannot be estimated and why, notes, the steps with their
// sources, each item's split, documents and deadlines. Figures are shown as the engine gives them.
import { $, h, svg } from './dom.js';
import { state } from './state.js';
import { t, pick, money, isRange, num, label, regionName, summaryText } from './words.js';
import { toFen, fromFen } from './bill.js';
import { fieldElement, plain } from './errors.js';
import { gotoScreenOf } from './pager.js';

const HEAD = ['patient_pays', 'fund_paid', 'critical_illness_paid', 'self_pay', 'self_funded', 'total'];
const PARTS = ['fund_paid', 'critical_illness_paid', 'self_pay', 'self_funded'];

// A function that shows and focuses the form control for a request field, or null when the form has none.
export function fieldGoer(field) {
  if (!field || /^policy:/.test(field)) return null;
  const el = fieldElement(field);
  if (!el) return null;
  return () => { gotoScreenOf(el); (el.matches('input,select') ? el : el.querySelector('input,select')).focus(); };
}

export function needButton(field) {
  const go = fieldGoer(field);
  return go && h('button', { type: 'button', class: 'link', text: t('fill_in'), onclick: go });
}

// Keeps the sources an answer lists once (by ref), so each cited source can be shown in full.
export function keepSources(result) {
  if (result && result.sources) Object.assign(state.sources, result.sources);
}

export function sourceLine(cite) {
  if (!cite) return null;
  const src = cite.ref && state.sources[cite.ref] ? { ...state.sources[cite.ref], ...cite } : cite;
  const bits = [src.doc_no, src.office, src.date && !/^(unknown|undated)$/.test(src.date) ? src.date : ''].filter(Boolean).join('，');
  return h('p', { class: 'src' }, t('source'),
    src.url ? h('a', { href: src.url, rel: 'noopener noreferrer', target: '_blank', text: src.title || src.url }) : src.title,
    bits ? `（${bits}）` : '', src.clause ? ` ${t('clause')}${src.clause}` : '',
    src.confidence === 'secondary' ? h('span', { class: 'badge secondary', title: t('secondary_title'), text: t('secondary') }) : null,
    // The note is written once, in one language: shown when it is in the page's language.
    src.note && (state.lang === 'en') !== /[\u4e00-\u9fff]/.test(src.note) ? h('span', { class: 'hint', text: ' ' + src.note }) : null,
    src.quote ? h('q', { class: 'quote', text: src.quote }) : null);
}

export const stepItem = (step) => h('li', { 'data-rule': step.rule }, h('p', { text: pick(step, 'text') }), sourceLine(step.source));

export function materialItems(mats, prefix) {
  return mats.length ? mats.map((m, i) => h('li', {},
    h('label', {}, h('input', { type: 'checkbox', id: prefix + i }), h('span', {}, pick(m, 'name'),
      pick(m, 'note') ? h('span', { class: 'hint', text: ' ' + pick(m, 'note') }) : null)))) : [h('li', { class: 'none', text: t('materials_none') })];
}

// The documents usually share one source: name each source once, under the list.
export function materialSources(mats) {
  const seen = new Set();
  return mats.map((m) => m.source).filter((x) => x && !seen.has(x.id) && seen.add(x.id)).map((x) => sourceLine({ ...x, clause: '' }));
}

export const deadlineDate = (d) => h('time', { datetime: d.date, class: 'date', text: `${d.date} ${pick(d, 'weekday')}` });

const WEEKDAYS = { zh: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] };
const weekday = (iso) => WEEKDAYS[state.lang === 'en' ? 'en' : 'zh'][new Date(iso + 'T00:00:00Z').getUTCDay()];

// A last day moved past statutory days off (民法典 art. 203): the day as counted, its weekday, and why it moved (the
// engine's sentence, in full unless short is asked for).
export function deadlineShift(d, short) {
  const note = pick(d, 'holiday_note');
  const moved = d.statutory_date && d.statutory_date !== d.date;
  if (!note && !moved) return null;
  return h('span', { class: 'shift hint', 'data-statutory': d.statutory_date || '', title: short ? note : null },
    moved ? h('strong', { text: t('statutory_day', { d: d.statutory_date, w: weekday(d.statutory_date) }) }) : null,
    moved && !short ? ' ' : null, short && moved ? null : note);
}

// A question without a bill: the engine answers what to bring, by when and where, and no figure.
export const isBillless = (r) => (r.cannot_estimate || []).some((c) => c.part === 'split');

export function deadlineItems(dls) {
  return dls.length ? dls.map((d) => h('li', {}, deadlineDate(d), ' ', h('strong', { text: pick(d, 'label') }),
    h('p', { class: 'hint', text: [pick(d, 'rule'), d.counted_from && !pick(d, 'rule').includes(d.counted_from) ? t('counted_from', { d: d.counted_from }) : ''].filter(Boolean).join('；') }),
    deadlineShift(d),
    sourceLine(d.source))) : [h('li', { class: 'none', text: t('deadlines_none') })];
}

export const summaryLine = (r) => h('span', { class: 'summary', text: summaryText(r) });

// Warnings, with every "secondary source" one folded into a single short note whose details open on request.
export function warningItems(warnings) {
  const second = warnings.filter((w) => w.code === 'secondary_source');
  const rest = warnings.filter((w) => w.code !== 'secondary_source');
  return [
    ...rest.map((w) => h('li', { 'data-code': w.code, text: plain(pick(w, 'message')) })),
    second.length ? h('li', { class: 'secondary-note', 'data-code': 'secondary_source' },
      h('details', {}, h('summary', { text: t('secondary_note', { n: second.length }) }),
        h('ul', {}, second.map((w) => h('li', { text: pick(w, 'message') }))))) : null].filter(Boolean);
}

// cannot_estimate, split in two: parts on screen that are 无法测算, and notes about a figure that is still shown
// (e.g. an annual cap not in the data while the fund's share is estimated).
export function unknownParts(r) {
  const s = r.split || {};
  const ce = r.cannot_estimate || [];
  const blank = (c) => c.part in s && s[c.part] === null;
  return { missing: ce.filter(blank), notes: ce.filter((c) => !blank(c)) };
}

function renderFigures(s) {
  $('headline').replaceChildren(...HEAD.map((k) => h('div', { class: 'fig ' + k + (s[k] == null ? ' unknown' : '') },
    h('dt', { text: t(k) }),
    h('dd', { 'data-k': k }, s[k] == null ? h('a', { href: '#cannot_h', text: t('cannot') }) : money(s[k])))));
  // The bar shows exact figures, and a range's low end (the rest of the bill is grey: not known).
  const fen = (v) => toFen(isRange(v) ? v.low : v);
  const total = fen(s.total) || 0;
  const bar = $('bar');
  bar.replaceChildren();
  let x = 0, known = 0;
  const legend = [];
  for (const k of PARTS) {
    const f = fen(s[k]);
    if (f === null) continue;
    known += f;
    if (f > 0 && total > 0) {
      const w = (f / total) * 1000;
      const rect = svg('rect', { x: x.toFixed(2), y: 0, width: w.toFixed(2), height: 48, class: 'seg ' + k });
      rect.append(svg('title', { text: `${t(k)} ${money(s[k])}` }));
      bar.append(rect);
      x += w;
    }
    legend.push(h('li', {}, h('span', { class: 'sw ' + k, 'aria-hidden': 'true' }), `${t(k)} ${money(s[k])}` + (total && !isRange(s[k]) ? ` (${Math.round((f / total) * 100)}%)` : '')));
  }
  if (total > known) {
    const rect = svg('rect', { x: x.toFixed(2), y: 0, width: (1000 - x).toFixed(2), height: 48, class: 'seg unknown' });
    rect.append(svg('title', { text: t('bar_unknown') }));
    bar.append(rect);
    legend.push(h('li', {}, h('span', { class: 'sw unknown', 'aria-hidden': 'true' }), `${t('bar_unknown')} ${t('yuan', { v: fromFen(total - known, true) })}`));
  }
  $('bar_desc').replaceChildren(h('span', { class: 'sr-only', text: t('bar_desc', { total: fromFen(total, true) }) }), h('ul', { class: 'legend' }, legend));
}

// Each item as a card on a phone (CSS), a table row on a wide screen: every cell carries its column name. A long
// bill lists its first rows; the rest come on request (or for printing): 5,000 rows would slow every estimate.
const ITEM_ROWS = 200;
const ITEM_COLS = [['name', 'th_name'], ['class', 'th_class'], ['total', 'th_total'], ['selfpay_ratio', 'th_ratio'],
  ['class_b_upfront', 'th_upfront'], ['over_ceiling', 'th_over'], ['out_of_catalogue', 'th_ooc'], ['in_scope', 'th_in_scope']];

function itemRows(items, from, to) {
  const frag = document.createDocumentFragment();
  for (let i = from; i < to; i++) {
    const it = items[i];
    frag.append(h('tr', {}, ITEM_COLS.map(([k, head]) => {
      const v = it[k];
      if (k === 'name') return h('th', { scope: 'row', text: v || `#${i + 1}` });
      const text = k === 'class' ? (v ? label('classes', v) : '') : k === 'selfpay_ratio' ? v ?? '—' : v == null ? '—' : num(v);
      return h('td', { class: k === 'class' ? '' : 'num', 'data-label': t(head), text });
    })));
  }
  return frag;
}

function renderItems(items) {
  const table = $('item_table');
  table.tHead.replaceChildren(h('tr', {}, ITEM_COLS.map(([, k]) => h('th', { scope: 'col', text: t(k) }))));
  table.tBodies[0].replaceChildren(itemRows(items, 0, Math.min(items.length, ITEM_ROWS)));
  const more = $('item_table_more');
  more.hidden = items.length <= ITEM_ROWS;
  more.textContent = t('item_table_more', { n: items.length, shown: ITEM_ROWS });
}

// The rows of the item table not listed yet (a long bill): on request, and before printing.
export function allItemRows() {
  const items = (state.last && state.last.result && state.last.result.items) || [];
  const body = $('item_table').tBodies[0];
  if (body.rows.length < items.length) body.append(itemRows(items, body.rows.length, items.length));
  $('item_table_more').hidden = true;
}

export function renderResult() {
  const { result: r, request } = state.last;
  const s = r.split || {};
  keepSources(r);
  $('result').hidden = false;
  const billless = isBillless(r);
  // Without a bill there is no figure to show: the help-desk answer above says what the amounts need.
  $('headline').hidden = $('bar_box').hidden = billless;
  if (!billless) renderFigures(s);
  const { missing, notes: all } = unknownParts(r);
  const notes = billless ? all.filter((c) => c.part !== 'split') : all;
  const reasonItem = (c) => h('li', { 'data-part': c.part }, plain(pick(c, 'reason')), needButton(c.needs));
  $('cannot').replaceChildren(...(missing.length ? [h('h3', { id: 'cannot_h', tabindex: '-1', text: t('cannot_h') }),
    h('ul', { class: 'cannot' }, missing.map(reasonItem))] : []));
  $('notes').replaceChildren(...(notes.length ? [h('h3', { text: t('notes_h') }), h('ul', { class: 'cannot notes' }, notes.map(reasonItem))] : []));
  $('warnings').replaceChildren(...warningItems(r.warnings || []));
  const rc = r.receipt || {};
  $('receipt').replaceChildren(summaryLine(request), h('br'), t('receipt', {
    name: regionName(rc.policy_region) || rc.policy_name_zh || '', version: rc.policy_version || '',
    verified: rc.policy_last_verified || '', engine: rc.engine_version || state.engineVersion }));

  // Each question whose field is on the form is a button that goes there.
  const nq = r.next_questions || [];
  $('next_box').hidden = !nq.length;
  $('next_questions').replaceChildren(...nq.map((q) => {
    const go = fieldGoer(q.field);
    return h('li', { 'data-field': q.field }, go
      ? h('button', { type: 'button', class: 'link q-go', onclick: go }, pick(q, 'question'), h('span', { class: 'go', text: ' ' + t('fill_in') + ' →' }))
      : pick(q, 'question'));
  }));

  $('steps').replaceChildren(...(r.steps || []).map(stepItem));
  renderItems(r.items || []);
  $('items_box').hidden = !(r.items || []).length;

  showTodo(r.materials || [], r.deadlines || []);
}

// What to bring and by when, and the read-aloud text: the same boxes for an estimate and for a process answer.
export function showTodo(mats, dls) {
  $('todo_box').hidden = !mats.length && !dls.length;
  $('materials').replaceChildren(...materialItems(mats, 'mat'));
  $('materials_src').replaceChildren(...materialSources(mats));
  $('deadlines').replaceChildren(...deadlineItems(dls));
  $('ics').hidden = !dls.length;
  // A manual claim ahead: its guide is one click away.
  $('guide_manual_box').hidden = !mats.length;
  $('aloud').value = state.last.aloud || '';
}
