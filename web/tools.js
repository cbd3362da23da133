// The three tools below the result: scenario guide (engine.guide), settlement-error diagnosis (engine.diagnose)
// and reverse settlement (engine.reverse). Each uses the form's request when it can be estimated (so deadlines get
// dates), else the insured region alone, and says which.
import { $, h, status, download, showBox, markInvalid, clearInvalid } from './dom.js';
import { state } from './state.js';
import { t, pick, num, money, regionName } from './words.js';
import { toFen, fromFen, cleanMoney } from './bill.js';
import { collect } from './form.js';
import { errorText } from './errors.js';
import { gotoScreen, updatePager } from './pager.js';
import { keepSources, sourceLine, stepItem, materialItems, materialSources, deadlineItems, needButton, summaryLine, warningItems } from './result.js';
import { deadlinesToIcs } from './ics.js';

async function currentCase() {
  const request = collect();
  const env = await state.engine.estimate(request);
  return env.ok ? { request, result: env.result } : { request, error: env.error };
}

function basisOf(cur) {
  if (cur.result) return { kind: 'request', request: cur.request };
  if (cur.request.insured_region) return { kind: 'region', region: cur.request.insured_region, error: cur.error };
  return { kind: 'none' };
}

// The input of guide and diagnose: the request, or the region alone.
function withBasis(input, basis) {
  if (basis.kind === 'request') input.request = basis.request;
  else if (basis.kind === 'region') input.region = basis.region;
  return input;
}

function basisLine(basis, prefix) {
  if (basis.kind === 'request') return h('p', { class: 'hint basis' }, t(prefix + '_for_request', { summary: summaryLine(basis.request).textContent }));
  if (basis.kind === 'region') return h('p', { class: 'hint basis' }, t(prefix + '_for_region', { region: regionName(basis.region), msg: basis.error ? errorText(basis.error) : '' }));
  return h('p', { class: 'hint basis', text: t('guide_for_none') });
}

// What a tool shows now, or null when it has nothing to show (also when its answer is an error, said in its box).
function shownAnswer(tool) {
  const cur = state.tools[tool];
  if (!cur) return null;
  showBox(tool + '_error', cur.env.ok ? null : errorText(cur.env.error));
  if (!cur.env.ok) { setOut(tool, []); return null; }
  keepSources(cur.env.result);
  return cur;
}

function setOut(box, kids) {
  $(box + '_out').replaceChildren(...kids.filter(Boolean));
  $(box + '_box').classList.toggle('empty', !kids.length);
  updatePager();
}

// Asks the engine for a tool's answer on the form's case; null when a newer ask of the same tool has started.
async function ask(tool, op, input) {
  const my = ++state.toolSeq[tool];
  const basis = basisOf(await currentCase());
  const env = await state.engine[op](withBasis(input, basis));
  return my === state.toolSeq[tool] ? { env, basis } : null;
}

// ---- guide -----------------------------------------------------------------------------------------------------
export async function runGuide(scenario, focus) {
  if (!state.engine) return;
  const got = await ask('guide', 'guide', { scenario });
  if (!got) return;
  const { env } = got;
  state.tools.guide = { ...got, scenario };
  renderGuide();
  if (env.ok) {
    const g = env.result;
    status(t('guide_done', { title: pick(g, 'title'), n: (g.steps || []).length, m: (g.materials || []).length, d: (g.deadlines || []).length }));
  } else status(errorText(env.error));
  if (focus) { gotoScreen('t_guide'); const hd = $('guide_title') || $('h-guide'); hd.focus(); if (!state.elder) hd.scrollIntoView({ block: 'start' }); }
}

export function channelItems(chans) {
  return chans.length ? chans.map((c) => h('li', { 'data-kind': c.kind },
    h('span', { class: 'tag kind ' + c.kind, text: t(c.kind === 'online' ? 'online' : 'offline') }), ' ', h('strong', { text: pick(c, 'name') }),
    pick(c, 'note') ? h('span', { class: 'hint', text: ' ' + pick(c, 'note') }) : null, sourceLine(c.source))) : [h('li', { class: 'none', text: t('guide_none') })];
}

export function renderGuide() {
  const cur = shownAnswer('guide');
  if (!cur) return;
  const { env, basis } = cur;
  const g = env.result;
  const mats = g.materials || [], dls = g.deadlines || [], gaps = g.not_in_data || [];
  const part = (key, kids) => [h('h4', { text: t(key) }), ...kids];
  setOut('guide', [
    h('h3', { id: 'guide_title', tabindex: '-1', text: pick(g, 'title') }),
    basisLine(basis, 'guide'),
    (g.warnings || []).length ? h('ul', { class: 'warnings' }, warningItems(g.warnings)) : null,
    ...part('guide_steps', [h('ol', { class: 'steps', id: 'guide_steps' }, (g.steps || []).map(stepItem))]),
    ...part('materials', [h('ul', { class: 'checklist', id: 'guide_materials' }, materialItems(mats, 'gmat')), ...materialSources(mats)]),
    ...part('deadlines', [h('ul', { class: 'deadlines', id: 'guide_deadlines' }, deadlineItems(dls)),
      dls.length ? h('button', { type: 'button', id: 'guide_ics', class: 'ics', text: t('ics'),
        onclick: () => download(`claimcalc-${cur.scenario}.ics`, 'text/calendar;charset=utf-8', deadlinesToIcs(dls, state.lang)) }) : null]),
    ...part('guide_channels', [h('ul', { class: 'channels', id: 'guide_channels' }, channelItems(g.channels || []))]),
    gaps.length ? h('div', { class: 'gaps', id: 'guide_gaps' }, h('h4', { text: t('guide_not_in_data') }),
      h('p', { class: 'hint', text: t('guide_not_in_data_hint') }),
      h('ul', {}, gaps.map((x) => h('li', {}, h('span', { class: 'tag', text: t('guide_not_in_data') }), ' ', state.lang === 'en' ? x.en : x.zh)))) : null,
    (g.cannot_estimate || []).length ? h('div', {}, h('h4', { text: t('cannot_h') }),
      h('ul', { class: 'cannot' }, g.cannot_estimate.map((c) => h('li', {}, pick(c, 'reason'), needButton(c.needs))))) : null,
  ]);
}

// ---- diagnosis -------------------------------------------------------------------------------------------------
export async function runDiag(symptom) {
  if (!state.engine) return;
  symptom = symptom.trim();
  if (!symptom) {
    showBox('diag_error', t('diag_empty'));
    $('diag_symptom').setAttribute('aria-invalid', 'true');
    $('diag_symptom').focus();
    return;
  }
  $('diag_symptom').removeAttribute('aria-invalid');
  const got = await ask('diag', 'diagnose', { symptom });
  if (!got) return;
  const { env } = got;
  state.tools.diag = { ...got, symptom };
  renderDiag();
  const causes = env.ok ? env.result.causes || [] : [];
  status(env.ok ? (causes.length ? t('diag_done', { n: causes.length, first: pick(causes[0], 'title') }) : t('diag_none')) : errorText(env.error));
}

export function renderDiag() {
  const cur = shownAnswer('diag');
  if (!cur) return;
  const { env, basis } = cur;
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

// ---- reverse settlement ----------------------------------------------------------------------------------------
const REV = ['fund_paid', 'critical_illness_paid', 'patient_pays'];

export async function runRev() {
  if (!state.engine) return;
  const form = $('rev_form');
  clearInvalid(form);
  showBox('rev_error', null);
  const my = ++state.toolSeq.rev;
  const cur = await currentCase();
  if (my !== state.toolSeq.rev) return;
  if (!cur.result) {
    // The corrected bill is the form: say what it lacks and offer to go there.
    state.tools.rev = null;
    setOut('rev', []);
    showBox('rev_error', [t('rev_needs_form', { msg: errorText(cur.error) }), ' ', needButton(cur.error.field)]);
    status($('rev_error').textContent);
    return;
  }
  const original = {};
  for (const k of REV) {
    const v = cleanMoney($('rev_' + k).value);
    if (v) original[k] = v;
  }
  const env = await state.engine.reverse({ original, request: cur.request });
  if (my !== state.toolSeq.rev) return;
  if (!env.ok) {
    const input = form.querySelector(`[data-field="${env.error.field}"]`);
    if (input) {
      markInvalid(input, input.parentElement.querySelector('.err'), errorText(env.error));
      input.focus();
    } else showBox('rev_error', [errorText(env.error), ' ', needButton(env.error.field)]);
    status(t('status_err', { msg: errorText(env.error) }));
    return;
  }
  state.tools.rev = { env, request: cur.request, original };
  renderRev();
  status(t('rev_done', { verdict: verdict(env.result) }));
}

function verdict(r) {
  const pays = r.difference && r.difference.patient_pays;
  const v = pays == null || typeof pays === 'object' ? null : t('yuan', { v: fromFen(Math.abs(toFen(pays)), true) });
  if (r.direction === 'refund_to_patient') return t('rev_refund_to_patient', { v });
  if (r.direction === 'patient_pays_more') return t('rev_patient_pays_more', { v });
  if (r.direction === 'none') return t('rev_none');
  return t('rev_unknown');
}

// The first settlement's three parts should add up to what was billed: said when they do not.
function sumCheck(original, total) {
  const parts = REV.map((k) => toFen(original[k] ?? '0'));
  if (parts.some((x) => x === null) || toFen(total) === null) return null;
  const sum = parts.reduce((a, b) => a + b, 0);
  return sum === toFen(total) ? null : t('rev_sum_off', { sum: fromFen(sum, true), total: num(total) });
}

export function renderRev() {
  const cur = state.tools.rev;
  if (!cur) return;
  const r = cur.env.result;
  keepSources(r);
  keepSources(r.corrected);
  const o = r.original || {}, c = (r.corrected && r.corrected.split) || {}, d = r.difference || {};
  // difference.fund_paid is corrected minus first (the fund pays more when positive). The patient's row is said by
  // the engine's direction, so its words do not hang on which way that difference is subtracted.
  const words = (k, v) => {
    if (v == null || typeof v === 'object') return v == null ? t('cannot') : '—';
    const f = toFen(v);
    if (f === 0) return t('same');
    const abs = fromFen(Math.abs(f), true);
    if (k === 'patient_pays') return t(r.direction === 'refund_to_patient' ? 'rev_refund' : 'rev_topup', { v: abs });
    return t(f > 0 ? 'rev_fund_more' : 'rev_fund_less', { v: abs });
  };
  const cell = (v) => (v == null ? t('cannot') : typeof v === 'object' ? money(v).replace(/\s*元$/, '') : num(v));
  const ce = (r.corrected && r.corrected.cannot_estimate) || [];
  const off = sumCheck(cur.original, c.total);
  setOut('rev', [
    h('h3', { id: 'rev_title', tabindex: '-1', class: 'verdict ' + (r.direction || 'unknown'), 'data-direction': r.direction || 'unknown', text: verdict(r) }),
    h('p', { class: 'hint basis', text: t('rev_for', { summary: summaryLine(cur.request).textContent }) }),
    off ? h('p', { class: 'note warn', id: 'rev_sum_off', text: off }) : null,
    h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': t('rev_table') },
      h('table', { class: 'rev', id: 'rev_table' }, h('caption', { text: t('rev_table') }),
        h('thead', {}, h('tr', {}, [t('th_case'), t('th_original'), t('th_corrected'), t('th_difference')].map((x) => h('th', { scope: 'col', text: x })))),
        h('tbody', {}, REV.map((k) => h('tr', { 'data-k': k },
          h('th', { scope: 'row', text: t(k === 'patient_pays' ? 'rev_patient' : k) }),
          h('td', { class: 'num', text: cell(o[k]) }), h('td', { class: 'num', text: cell(c[k]) }),
          h('td', { class: 'num diff', 'data-v': d[k] && typeof d[k] === 'object' ? JSON.stringify(d[k]) : d[k] ?? '', text: words(k, d[k]) })))))),
    ce.length ? h('ul', { class: 'cannot' }, ce.map((x) => h('li', {}, pick(x, 'reason'), needButton(x.needs)))) : null,
    ((r.corrected && r.corrected.warnings) || []).length ? h('ul', { class: 'warnings' }, warningItems(r.corrected.warnings)) : null,
    h('details', { class: 'rev-steps' }, h('summary', { text: t('rev_steps') }),
      h('ol', { class: 'steps', id: 'rev_steps' }, ((r.corrected && r.corrected.steps) || []).map(stepItem))),
  ]);
}

export function clearTools() {
  state.tools = { guide: null, diag: null, rev: null };
  for (const x of ['guide', 'diag', 'rev']) { setOut(x, []); showBox(x + '_error', null); }
  for (const el of document.querySelectorAll('#diag_form input, #rev_form input')) el.value = '';
  clearInvalid($('rev_form'));
}

export function wireTools() {
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
