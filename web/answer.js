// The help-desk answer, one screen: how much comes back (a figure, a range, or the in-scope amount with what is
// missing and the one question that settles it), what to bring, by when, where to apply, and the text to read out
// or paste into a chat. Everything in it is the engine's: the estimate, its brief `explain`, the manual-claim guide.
import { $, h } from './dom.js';
import { state } from './state.js';
import { t, pick, money, label } from './words.js';
import { plain } from './errors.js';
import { deadlineDate, deadlineShift, fieldGoer, isBillless } from './result.js';

// Which answer to "how much do I get back" the estimate allows.
export function backKind(s, r) {
  if (r && isBillless(r)) return 'bill';
  if (s.fund_paid === undefined || s.fund_paid === null) return s.in_scope != null ? 'in_scope' : 'none';
  return typeof s.fund_paid === 'object' ? 'range' : 'figure';
}

// The one question that would settle the most: the engine's first next question, else what the missing part needs.
function settlingQuestion(r) {
  const q = (r.next_questions || [])[0];
  if (q) return { field: q.field, text: pick(q, 'question'), narrows: q.narrows && q.narrows.by };
  const c = (r.cannot_estimate || []).find((x) => x.part === 'fund_paid' && x.needs && !/^policy:/.test(x.needs));
  return c ? { field: c.needs, text: t('answer_needs', { what: plain(c.needs) }) } : null;
}

function backLine(r) {
  const s = r.split || {};
  const kind = backKind(s, r);
  const ci = s.critical_illness_paid != null && s.critical_illness_paid !== '0.00' ? t('answer_ci', { v: money(s.critical_illness_paid) }) : '';
  if (kind === 'figure' || kind === 'range') return [kind, t('answer_back', { v: money(s.fund_paid) }) + ci];
  if (kind === 'in_scope') return [kind, t('answer_in_scope', { v: money(s.in_scope) })];
  if (kind === 'bill') return [kind, t('answer_billless')];
  return [kind, t('answer_none')];
}

export function renderAnswer() {
  const { result: r, request } = state.last;
  const s = r.split || {};
  const [kind, line] = backLine(r);
  const missing = (r.cannot_estimate || []).filter((c) => c.part === 'fund_paid');
  const q = settlingQuestion(r);
  const go = q && fieldGoer(q.field);
  const mats = r.materials || [];
  const dl = (r.deadlines || [])[0];
  const ch = state.channels;
  const where = mats.length
    ? (ch && ch.list.length ? ch.list.map((c) => h('li', { 'data-kind': c.kind }, h('span', { class: 'tag kind ' + c.kind, text: t(c.kind === 'online' ? 'online' : 'offline') }), ' ', pick(c, 'name')))
      : [h('li', { class: 'none', text: t('answer_where_unknown') })])
    : [h('li', { text: t(request.settlement && request.settlement !== 'direct' ? 'answer_where_unknown' : 'answer_where_direct') })];
  $('answer').replaceChildren(...[
    h('p', { id: 'answer_back', class: 'back ' + kind, 'data-kind': kind }, line),
    s.patient_pays != null ? h('p', { class: 'pays' }, t('answer_pays', { v: money(s.patient_pays) })) : null,
    kind === 'in_scope' || kind === 'none' ? h('div', { class: 'missing' },
      missing.length ? h('p', { class: 'hint', text: t('answer_missing') + missing.map((c) => plain(pick(c, 'reason'))).join(' ') }) : null) : null,
    q ? h('p', { class: 'next', id: 'answer_next' }, h('strong', { text: t('answer_ask') }), go
      ? h('button', { type: 'button', class: 'link q-go', 'data-field': q.field, onclick: go, text: q.text })
      : q.text, q.narrows ? h('span', { class: 'hint', text: ' ' + t('answer_narrows', { v: money(q.narrows) }) }) : null) : null,
    h('h3', { text: t('answer_bring') }),
    h('ul', { id: 'answer_materials', class: 'compact' }, mats.length ? mats.map((m) => h('li', { text: pick(m, 'name') }))
      : [h('li', { class: 'none', text: t('materials_none') })]),
    h('h3', { text: t('answer_by') }),
    h('p', { id: 'answer_deadline' }, dl ? [deadlineDate(dl), ' ', pick(dl, 'label')] : t('deadlines_none')),
    dl ? deadlineShift(dl, true) : null,
    h('h3', { text: t('answer_where') }),
    h('ul', { id: 'answer_channels', class: 'channels' }, where),
    h('div', { class: 'answer-actions' },
      h('button', { type: 'button', id: 'copy_answer', text: t('copy_answer') }),
      h('button', { type: 'button', id: 'show_aloud', text: t('aloud') }))].filter(Boolean));
  $('answer').dataset.settlement = label('settlements', request.settlement || 'direct');
}

// The answer as a chat message: the engine's brief text, and where to apply.
export function answerText() {
  const ch = state.channels;
  const said = /办理渠道|Channel:/.test(state.last.aloud || '');
  const where = ch && ch.list.length && !said ? t('answer_where') + t('colon') + ch.list.map((c) => pick(c, 'name')).join('；') : '';
  return [state.last.aloud || '', where].filter(Boolean).join('\n');
}

// Where to apply for a manual claim: the channels of the engine's manual-claim guide for this request.
export async function loadChannels(request, result) {
  state.channels = null;
  if (!(result.materials || []).length) return;
  // The estimate names the channels itself where the policy data has them.
  if ((result.channels || []).length) { state.channels = { list: result.channels, gaps: [] }; return; }
  const env = await state.engine.guide({ scenario: 'manual_claim', request });
  if (env.ok) state.channels = { list: env.result.channels || [], gaps: env.result.not_in_data || [] };
}
