// The answer for an insured city the pack has no benefit data for: no figure can be worked out, and the page says
// which figures are missing; the engine's guide still answers the process from the province's and the national
// rules (what to bring, by when, where), as it does for any city.
import { $, h } from './dom.js';
import { state } from './state.js';
import { t, pick, label, regionName } from './words.js';
import { cityOf, provinceRules } from './places.js';
import { stepItem, showTodo, deadlineDate, deadlineShift, summaryLine } from './result.js';

// A manual claim is the process there is to answer; settled at the hospital, there is none to apply for.
export async function loadProcess(request) {
  if (request.settlement !== 'manual_claim') return { ok: true, result: null };
  return state.engine.guide({ scenario: 'manual_claim', request });
}

const gapText = (g) => (state.lang === 'en' ? g.en : g.zh) || g.zh;

// The answer's lines as text: for copying into a chat and reading out.
function processText(request, g, pr) {
  const lines = [t('nodata_back', { city: regionName(request.insured_region) }), t('nodata_missing', { what: missingWhat(request) })];
  if (!g) return lines.concat(t('answer_where_direct')).join('\n');
  const mats = g.materials || [];
  const dl = (g.deadlines || [])[0];
  lines.push(t('answer_bring') + t('colon') + (mats.length ? mats.map((m) => pick(m, 'name')).join('；') : t('materials_none')));
  lines.push(t('answer_by') + t('colon') + (dl ? `${dl.date} ${pick(dl, 'weekday')} ${pick(dl, 'label')}` : timeGap(g)));
  lines.push(t('answer_where') + t('colon') + ((g.channels || []).length ? g.channels.map((c) => pick(c, 'name')).join('；') : t('answer_where_unknown')));
  lines.push(pr ? t('nodata_rules_province', { province: pr.zh }) : t('nodata_rules_national'));
  return lines.join('\n');
}

const missingWhat = (request) => [label('schemes', request.scheme), label('settings', request.setting)].filter(Boolean).join(' ');
const timeGap = (g) => { const gap = (g.not_in_data || [])[0]; return gap ? gapText(gap) : t('deadlines_none'); };

export function processAloud(request, g) {
  return processText(request, g, provinceRules(cityOf(request.insured_region)));
}

export function renderProcess() {
  const { request, process: g } = state.last;
  const pr = provinceRules(cityOf(request.insured_region));
  const mats = g ? g.materials || [] : [];
  const dls = g ? g.deadlines || [] : [];
  const dl = dls[0];
  const chans = g ? g.channels || [] : [];
  $('result').hidden = false;
  $('answer').replaceChildren(...[
    h('p', { id: 'answer_back', class: 'back none', 'data-kind': 'no_policy', text: t('nodata_back', { city: regionName(request.insured_region) }) }),
    h('div', { class: 'missing' }, h('p', { id: 'answer_missing', class: 'hint', text: t('nodata_missing', { what: missingWhat(request) }) })),
    ...(g ? [
      h('h3', { text: t('answer_bring') }),
      h('ul', { id: 'answer_materials', class: 'compact' }, mats.length ? mats.map((m) => h('li', { text: pick(m, 'name') })) : [h('li', { class: 'none', text: t('materials_none') })]),
      h('h3', { text: t('answer_by') }),
      h('p', { id: 'answer_deadline' }, dl ? [deadlineDate(dl), ' ', pick(dl, 'label')] : timeGap(g)),
      dl ? deadlineShift(dl, true) : null,
      h('h3', { text: t('answer_where') }),
      h('ul', { id: 'answer_channels', class: 'channels' }, chans.length
        ? chans.map((c) => h('li', { 'data-kind': c.kind }, h('span', { class: 'tag kind ' + c.kind, text: t(c.kind === 'online' ? 'online' : 'offline') }), ' ', pick(c, 'name')))
        : [h('li', { class: 'none', text: t('answer_where_unknown') })])]
      : [h('h3', { text: t('answer_where') }), h('p', { id: 'answer_deadline', text: t('answer_where_direct') })]),
    h('p', { id: 'answer_rules', class: 'hint', text: pr ? t('nodata_rules_province', { province: pr.zh }) : t('nodata_rules_national') }),
    h('div', { class: 'answer-actions' },
      h('button', { type: 'button', id: 'copy_answer', text: t('copy_answer') }),
      h('button', { type: 'button', id: 'show_aloud', text: t('aloud') }))].filter(Boolean));
  $('answer').dataset.settlement = label('settlements', request.settlement || 'direct');
  // No figure: the figure boxes, the bar and the comparisons have nothing to show.
  $('headline').hidden = $('bar_box').hidden = $('next_box').hidden = $('items_box').hidden = $('whatif_box').hidden = true;
  $('choices').hidden = true;
  for (const id of ['cannot', 'notes', 'warnings']) $(id).replaceChildren();
  $('receipt').replaceChildren(summaryLine(request));
  $('steps').replaceChildren(...(g ? g.steps || [] : []).map(stepItem));
  showTodo(mats, dls);
}
