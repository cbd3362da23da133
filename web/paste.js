// The paste box: a hospital 费用清单 read as it is pasted, previewed (rows numbered from 1, the ratio as printed),
// refused while pasted when it has more lines than the engine takes, and moved into the item rows in one go.
import { $, h, status } from './dom.js';
import { state } from './state.js';
import { t, label } from './words.js';
import { parseBill, toFen, fromFen } from './bill.js';
import { addItems, setMode, clearRows } from './form.js';

const PREVIEW_ROWS = 100;

export const maxItems = () => (state.vocab && state.vocab.limits ? state.vocab.limits.items : Infinity);

export function readPaste(text) {
  state.pasted = text.trim() ? parseBill(text) : null;
  showPaste();
}

export function tooMany() {
  return !!state.pasted && state.pasted.items.length > maxItems();
}

export function showPaste() {
  const r = state.pasted;
  const box = $('paste_report');
  $('paste_use').disabled = !r || !r.items.length || tooMany();
  if (!r) { box.replaceChildren(); return; }
  if (!r.items.length) { box.replaceChildren(h('p', { class: 'note', text: t('paste_none') })); return; }
  const sum = r.items.reduce((a, it) => a + (toFen(it.amount) ?? (toFen(it.unit_price) ?? 0) * it.quantity), 0);
  const cols = Object.entries(r.columns).sort((a, b) => a[1] - b[1])
    .map(([k, i]) => `${t('col_' + k)}=${t('col_n', { n: i + 1 })}`).join(t('list_sep'));
  const unclassed = r.items.filter((it) => !it.class).length;
  const tbody = h('tbody');
  // One string of rows is built by the browser far faster than 5,000 h() calls with listeners.
  const frag = document.createDocumentFragment();
  // The first rows are enough to check the columns were read right; thousands of rows would only slow a phone.
  r.items.slice(0, PREVIEW_ROWS).forEach((it, i) => {
    const tr = document.createElement('tr');
    tr.dataset.field = `items[${i}]`;
    tr.title = t('paste_line', { n: it.line });
    const cells = [String(i + 1), it.name || '', it.class ? label('classes', it.class) + (it.class_inferred ? '*' : '') : '—',
      it.amount ?? `${it.quantity}×${it.unit_price}`, it.ratio_read || ''];
    cells.forEach((c, j) => { const td = document.createElement('td'); td.textContent = c; if (j >= 3) td.className = 'num'; tr.append(td); });
    const err = document.createElement('td');
    err.append(h('span', { class: 'err', hidden: true }));
    tr.append(err);
    frag.append(tr);
  });
  tbody.append(frag);
  box.replaceChildren(...[
    tooMany() ? h('p', { class: 'err block', role: 'alert', text: t('paste_too_many', { n: r.items.length, max: maxItems() }) }) : null,
    h('p', { class: 'ok', text: t('paste_found', { n: r.items.length, sum: fromFen(Math.round(sum), true) }) }),
    h('p', { class: 'hint', text: (r.header ? '' : t('paste_noheader') + ' ') + t('paste_columns') + cols }),
    unclassed ? h('p', { class: 'note warn', text: t('paste_unclassed', { n: unclassed }) }) : null,
    r.skipped.length ? h('p', { class: 'hint', text: t('paste_skipped', { n: r.skipped.length }) + r.skipped.slice(0, 20).map((s) => `${s.line}: ${s.text.replace(/\t/g, ' ').slice(0, 30)}`).join('；') }) : null,
    h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': t('mode_paste') },
      h('table', { class: 'parsed' },
        h('thead', {}, h('tr', {}, ...['#', t('th_name'), t('th_class'), t('th_total'), t('th_ratio'), ''].map((x) => h('th', { scope: 'col', text: x })))),
        tbody)),
    r.items.length > PREVIEW_ROWS ? h('p', { class: 'hint', text: t('paste_more', { n: r.items.length, shown: PREVIEW_ROWS }) }) : null].filter(Boolean));
}

export function usePasted() {
  if (!state.pasted || !state.pasted.items.length || tooMany()) return;
  clearRows();
  addItems(state.pasted.items);
  setMode('items');
  status(t('paste_used', { n: state.pasted.items.length }));
  const firstBad = [...$('items').querySelectorAll('.i-class')].find((sel) => !sel.value);
  (firstBad || $('go')).focus();
  state.schedule();
}
