// What if: the same bill at each hospital level, filed or not for care elsewhere, and, while a field the region
// needs is unanswered (e.g. Shenzhen's 缴费档次), the answer for each of its values side by side.
import { $, h } from './dom.js';
import { state } from './state.js';
import { t, pick, money, num, label, isRange } from './words.js';
import { toFen, fromFen } from './bill.js';
import { sourceLine } from './result.js';
import { choicesOf, schemeInfo } from './form.js';
import { fieldLabel } from './errors.js';

const KIND = { tier: 'tiers', person: 'persons', hospital_level: 'levels' };

// The field whose answer is missing and has a short list of values: a region's required choice first.
function openChoice(request, result) {
  const asked = (result.next_questions || []).map((q) => q.field).concat((result.cannot_estimate || []).map((c) => c.needs));
  const s = schemeInfo(request.insured_region, request.scheme);
  if (s && (s.tiers || []).length && !request.tier) return 'tier';
  return asked.find((f) => KIND[f] && !request[f] && choicesOf(f).length > 1) || null;
}

export async function runWhatIf(request, my) {
  const levels = state.vocab.levels.map((l) => l.name);
  const variants = levels.map((l) => ({ ...request, hospital_level: l }));
  let filing = null;
  if (request.care_region && request.care_region !== request.insured_region) {
    const filedAs = request.filing && request.filing !== 'none' ? request.filing : 'temporary';
    const filedOn = request.filing_date || request.date_of_care;
    const notFiled = { ...request, filing: 'none' };
    delete notFiled.filing_date;
    filing = { filedAs, filedOn, requests: [notFiled, { ...request, filing: filedAs, filing_date: filedOn }] };
    variants.push(...filing.requests);
  }
  const field = openChoice(request, state.last.result);
  const values = field ? choicesOf(field) : [];
  variants.push(...values.map((v) => ({ ...request, [field]: v })));
  const env = await state.engine.estimateMany(variants);
  if (my !== state.seq || !env.ok) return;
  const n = levels.length;
  const row = (key, text, short, current, e) => ({ key, text, short, current, env: e });
  state.whatIf = {
    base: state.last.result, request,
    levels: levels.map((l, i) => row(l, () => label('levels', l), () => label('levels', l), request.hospital_level === l, env.result[i])),
    filing: filing && {
      ...filing,
      rows: [row('none', () => label('filings', 'none'), () => label('filings', 'none'), (request.filing || 'none') === 'none', env.result[n]),
        row(filing.filedAs, () => label('filings', filing.filedAs), () => label('filings', filing.filedAs),
          request.filing === filing.filedAs && request.filing_date === filing.filedOn, env.result[n + 1])],
    },
    choice: field && { field, rows: values.map((v, i) => row(v, () => label(KIND[field], v), () => label(KIND[field], v), false, env.result[n + (filing ? 2 : 0) + i])) },
  };
  renderWhatIf();
}

function diff(a, b) {
  if (isRange(a) || isRange(b)) return '';
  const x = toFen(a), y = toFen(b);
  if (x === null || y === null) return '';
  const d = x - y;
  return d === 0 ? t('same') : t(d > 0 ? 'more' : 'less', { v: fromFen(Math.abs(d), true) });
}

// Steps of the variant whose sentence differs from the step with the same rule in the base.
function changedSteps(base, variant) {
  const texts = new Set((base.steps || []).map((s) => s.rule + '\u0000' + s.text_zh));
  return (variant.steps || []).filter((s) => s.rule !== 'patient_pays' && !texts.has(s.rule + '\u0000' + s.text_zh))
    .map((s) => ({ variant: s, base: (base.steps || []).find((b) => b.rule === s.rule) }))
    .concat((base.steps || []).filter((b) => b.rule !== 'patient_pays' && !(variant.steps || []).some((s) => s.rule === b.rule))
      .map((b) => ({ variant: null, base: b })));
}

const figure = (v) => (v == null ? t('cannot') : isRange(v) ? money(v).replace(/\s*元$/, '') : num(v));

function compareTable(id, caption, rows, { why = true } = {}) {
  const base = state.whatIf.base;
  const bs = base.split;
  const cell = (k, v, b, cur) => h('td', { class: 'num ' + k }, h('span', { class: 'v', text: figure(v) }),
    cur ? null : h('span', { class: 'd', text: diff(v, b) }));
  const table = h('table', { class: 'whatif', id },
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, [t('th_case'), t('patient_pays') + t('unit'), t('fund_paid') + t('unit')].map((x) => h('th', { scope: 'col', text: x })))),
    h('tbody', {}, rows.map((row) => {
      const e = row.env;
      if (!e.ok) return h('tr', { 'data-key': row.key }, h('th', { scope: 'row', text: row.short() }), h('td', { colspan: '2', class: 'err', text: pick(e.error, 'message') }));
      const s = e.result.split;
      return h('tr', { 'data-key': row.key, class: row.current ? 'current' : '' },
        h('th', { scope: 'row' }, row.short(), row.current ? h('span', { class: 'tag', text: t('current') }) : null),
        cell('pays', s.patient_pays, bs.patient_pays, row.current), cell('fund', s.fund_paid, bs.fund_paid, row.current));
    })));
  const whys = !why ? [] : rows.filter((r) => !r.current && r.env.ok).map((row) => {
    const ch = changedSteps(base, row.env.result);
    return h('details', { class: 'why', 'data-key': row.key },
      h('summary', { text: `${t('why_diff')}：${row.text()}` }),
      ch.length ? h('ul', {}, ch.map(({ variant, base: b }) => h('li', {},
        variant ? h('p', {}, h('strong', { text: row.text() + '：' }), pick(variant, 'text')) : null,
        b ? h('p', { class: 'was' }, h('strong', { text: t('current') + '：' }), pick(b, 'text')) : null,
        sourceLine((variant || b).source)))) : h('p', { class: 'hint', text: t('no_diff_steps') }));
  });
  return [h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': caption }, table), ...whys];
}

// A comparison where every figure is 无法测算 says nothing: it is left out.
const says = (rows) => rows.some((r) => r.env.ok && (r.env.result.split.patient_pays != null || r.env.result.split.fund_paid != null));

export function renderWhatIf() {
  const w = state.whatIf;
  if (!w) return;
  const lv = says(w.levels) ? compareTable('whatif_levels_table', t('whatif_levels'), w.levels) : [];
  const f = w.filing && says(w.filing.rows) ? w.filing : null;
  $('whatif_levels').replaceChildren(...lv);
  $('whatif_filing').replaceChildren(...(f ? [...compareTable('whatif_filing_table', t('whatif_filing'), f.rows),
    h('p', { class: 'hint', text: t('whatif_filed_assume', { filing: label('filings', f.filedAs), date: f.filedOn || '' }) })] : []));
  $('whatif_box').hidden = !lv.length && !f;
  const c = w.choice && says(w.choice.rows) ? w.choice : null;
  $('choices').hidden = !c;
  if (c) {
    $('choices').replaceChildren(h('p', { class: 'note warn' }, t('choices_lead', { field: fieldLabel(c.field) })),
      ...compareTable('choices_table', t('choices_caption', { field: fieldLabel(c.field) }), c.rows, { why: false }));
  }
}
