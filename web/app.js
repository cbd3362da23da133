// claimcalc web page: loads the engine, wires the form to it and re-renders on each answer. The parts live in
// their own modules (form, paste, errors, result, answer, whatif, tools, pager, share); their state is state.js.
// After the page has loaded it makes no network request (the service worker serves reloads, also offline).
import ClaimCalc from './claimcalc.mjs';
import { $, h, status, copyText, download } from './dom.js';
import { state } from './state.js';
import { t, pick } from './words.js';
import { findPlace, collect, fillForm, fillRegions, fillTemplate, refreshChoices, setMode, mode, addItems, showRows, removeItem, remember, settleForFiling, STORE } from './form.js';
import { readPaste, showPaste, usePasted, tooMany, maxItems } from './paste.js';
import { allErrors, clearErrors, errorText, showError, fieldElement } from './errors.js';
import { renderResult, isBillless, allItemRows } from './result.js';
import { renderAnswer, answerText, loadChannels } from './answer.js';
import { runWhatIf, renderWhatIf } from './whatif.js';
import { wireTools, renderGuide, renderDiag, renderRev, clearTools } from './tools.js';
import { updatePager, gotoScreen, gotoScreenOf, setElder, move } from './pager.js';
import { shareUrl, readShare } from './share.js';
import { deadlinesToIcs } from './ics.js';
import { renderRegionData } from './regiondata.js';
import { placeValue, hasPolicy, cityOf } from './places.js';
import { loadProcess, renderProcess, processAloud } from './process.js';

function applyLang() {
  document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
  document.title = t('title') + ' claimcalc';
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  for (const el of document.querySelectorAll('[data-ta]')) el.setAttribute(el.hasAttribute('placeholder') ? 'placeholder' : 'aria-label', t(el.dataset.ta));
  for (const el of document.querySelectorAll('[data-tl]')) el.setAttribute('aria-label', t(el.dataset.tl));
  const other = state.lang === 'en' ? 'zh' : 'en';
  $('lang').textContent = other === 'en' ? 'English' : '中文';
  $('lang').lang = other === 'en' ? 'en' : 'zh-CN';
  $('elder').textContent = t(state.elder ? 'elder_off' : 'elder');
  if (!state.vocab) return;
  fillRegions();
  fillTemplate();
  refreshChoices();
  if (state.pasted) showPaste();
  if (state.last && state.last.process !== undefined) { state.last.aloud = processAloud(state.last.request, state.last.process); renderProcess(); }
  else if (state.last) { reloadAloud().then(() => { renderResult(); renderAnswer(); }); }
  renderWhatIf();
  renderGuide();
  renderDiag();
  renderRev();
  updatePager();
}

async function reloadAloud() {
  if (!state.last) return;
  const env = await state.engine.call({ op: 'explain', request: state.last.request, lang: state.lang, brief: true });
  state.last.aloud = env.ok ? env.result.text : '';
}

// ---- estimating ------------------------------------------------------------------------------------------------
function schedule() { clearTimeout(state.timer); state.timer = setTimeout(() => run({ all: false }), 250); }
state.schedule = schedule;

// A date after today, or before the region's first policy version, is said in a sentence above the answer.
function dateNote(request) {
  const d = request.date_of_care;
  if (!d) return '';
  const today = new Date().toISOString().slice(0, 10);
  if (d > today) return t('date_future', { d });
  return '';
}

async function run({ all, announce, focusResult }) {
  if (!state.engine) return;
  clearTimeout(state.timer);
  const request = collect();
  const my = ++state.seq;
  if (mode() === 'paste' && tooMany()) {
    clearErrors();
    showError({ code: 'too_large', field: 'items', message_zh: t('paste_too_many', { n: state.pasted.items.length, max: maxItems() }), message_en: t('paste_too_many', { n: state.pasted.items.length, max: maxItems() }) }, true);
    return;
  }
  // An insured city without benefit data: the process answers, and which figures are missing.
  const nodata = request.insured_region && !hasPolicy(request.insured_region) && cityOf(request.insured_region);
  const env = nodata ? await loadProcess(request) : await state.engine.estimate(request);
  if (my !== state.seq) return;
  if (env.ok && nodata) {
    clearErrors();
    state.last = { request, result: null, process: env.result, aloud: processAloud(request, env.result) };
    state.whatIf = state.channels = null;
    renderProcess();
    $('date_note').hidden = true;
    $('stale').hidden = true;
    remember();
    if (announce) status(t('status_nodata'));
    document.documentElement.dataset.estimated = '1';
    if (focusResult) gotoScreen('r_head', true);
  } else if (env.ok) {
    clearErrors();
    const [aloud] = await Promise.all([
      state.engine.call({ op: 'explain', request, lang: state.lang, brief: true }), loadChannels(request, env.result)]);
    if (my !== state.seq) return;
    state.last = { request, result: env.result, aloud: aloud.ok ? aloud.result.text : '' };
    renderResult();
    renderAnswer();
    $('date_note').textContent = dateNote(request);
    $('date_note').hidden = !$('date_note').textContent;
    $('stale').hidden = true;
    remember();
    const billless = isBillless(env.result);
    if (announce) status(billless ? t('status_billless') : t('status_ok', { pays: pickMoney(env.result.split.patient_pays), fund: pickMoney(env.result.split.fund_paid) }));
    if (!state.firstDone) { state.firstDone = true; performance.mark('claimcalc:first-estimate'); document.documentElement.dataset.estimated = '1'; }
    $('choices').hidden = true;
    // Without a bill every comparison would be 无法测算: none is made.
    if (billless) { state.whatIf = null; $('whatif_box').hidden = true; } else await runWhatIf(request, my);
    if (focusResult) gotoScreen('r_head', true);
  } else {
    const errors = all ? await allErrors(request, env.error) : [env.error];
    if (my !== state.seq) return;
    clearErrors();
    const shown = errors.map((e) => showError(e, all)).some(Boolean);
    if (state.last) $('stale').hidden = false;
    if (announce) status(t('status_err', { msg: errors.map(errorText).join(' ') }));
    if (all && shown) {
      const bad = document.querySelector('#form [aria-invalid]');
      if (bad) { gotoScreenOf(bad); bad.focus(); }
    }
  }
  document.documentElement.dataset.seq = String(my);
}

function pickMoney(v) { return v == null ? t('cannot') : typeof v === 'object' ? t('range_short') : t('yuan', { v }); }

// ---- share links and what was remembered -----------------------------------------------------------------------
// Opens a share link: fills the form, estimates, and shows the answer. A link that cannot be read, or a region
// without data here, is said in a sentence.
async function openHash(runIt) {
  const p = readShare(location.hash);
  if (p.lang && p.lang !== state.lang) { state.lang = p.lang; applyLang(); }
  if (p.big && !state.elder) setElder(true);
  if (!p.present) return false;
  if (!p.request) { showLinkNote(t('share_unreadable')); return false; }
  const r = p.request;
  // Any city works, named by the pack's id, its code or its Chinese name.
  const known = (id) => !id || id === 'other' || placeValue(id) !== null;
  const notes = [];
  if (!known(r.insured_region)) notes.push(t('region_unsupported', { region: r.insured_region }));
  if (!known(r.care_region)) { notes.push(t('care_unsupported', { region: r.care_region })); r.care_region = 'other'; }
  showLinkNote(notes.join(' '));
  fillForm(r);
  if (runIt) {
    await run({ all: true, announce: true });
    if (state.last) gotoScreen('r_head', true);
  }
  return true;
}

function showLinkNote(text) {
  $('link_note').textContent = text;
  $('link_note').hidden = !text;
}

// ---- wiring ----------------------------------------------------------------------------------------------------
function onEdit(e) {
  const el = e.target;
  if (el.matches('input, select, textarea')) state.touched.add(el);
  if (el.name === 'mode') { setMode(mode()); if (mode() === 'paste') $('paste').focus(); }
  if (el.id === 'paste') readPaste(el.value);
  if (el.classList.contains('find')) { findPlace(el); return; }
  if (el.id === 'remember') { if (!el.checked) try { localStorage.removeItem(STORE); } catch { /* */ } remember(); return; }
  if (['insured_region', 'scheme', 'care_region', 'filing', 'setting'].includes(el.id)) refreshChoices();
  if (el.id === 'date_of_care') renderRegionData();
  if (['care_region', 'filing', 'insured_region'].includes(el.id)) settleForFiling();
  schedule();
}

function clearAll() {
  fillForm({});
  $('paste').value = '';
  state.pasted = null;
  showPaste();
  state.last = state.whatIf = null;
  $('result').hidden = true;
  clearErrors();
  clearTools();
  showLinkNote('');
  if (location.hash) history.replaceState(null, '', location.href.split('#')[0]);
  try { localStorage.removeItem(STORE); } catch { /* */ }
  $('remember').checked = false;
  state.screen = 0;
  updatePager();
  $('insured_region').focus();
}

function wire() {
  const form = $('form');
  form.addEventListener('submit', (e) => { e.preventDefault(); run({ all: true, announce: true, focusResult: state.elder }); });
  form.addEventListener('keydown', (e) => {
    // Enter estimates from any control except the places where Enter means something else.
    if (e.key === 'Enter' && !e.isComposing && !e.target.matches('textarea, button, summary, a, input[type=checkbox], input[type=radio]')) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('input', onEdit);
  form.addEventListener('change', (e) => { if (e.target.matches('select, input[type=date], input[type=radio], input[type=checkbox]')) onEdit(e); });
  $('items').addEventListener('click', (e) => { const b = e.target.closest('.i-del'); if (b) removeItem(b.closest('li')); });
  wireTools();
  $('add_item').addEventListener('click', () => { showRows(Infinity); addItems([null], true); });
  $('items_more').addEventListener('click', () => showRows());
  $('item_table_more').addEventListener('click', allItemRows);
  $('paste_use').addEventListener('click', usePasted);
  // 清空 asks first: a whole bill typed in is a lot to lose to one tap.
  $('clear').addEventListener('click', () => { $('clear_confirm').hidden = false; $('clear_yes').focus(); });
  $('clear_no').addEventListener('click', () => { $('clear_confirm').hidden = true; $('clear').focus(); });
  $('clear_yes').addEventListener('click', () => { $('clear_confirm').hidden = true; clearAll(); });
  $('lang').addEventListener('click', () => { state.lang = state.lang === 'en' ? 'zh' : 'en'; applyLang(); });
  $('elder').addEventListener('click', () => setElder(!state.elder));
  $('print').addEventListener('click', () => window.print());
  $('prev').addEventListener('click', () => move(-1));
  $('next').addEventListener('click', () => move(1));
  $('share').addEventListener('click', async () => {
    if (!state.last) return;
    const url = shareUrl(state.last.request, state.lang, state.elder);
    history.replaceState(null, '', url);
    $('share_url').value = url;
    $('share_url').hidden = false;
    const ok = await copyText(url, $('share_url'));
    status(ok ? t('share_copied') : t('share_url'));
    if (!ok) $('share_url').select();
  });
  $('copy_aloud').addEventListener('click', async () => { if (await copyText($('aloud').value, $('aloud'))) status(t('copied')); });
  $('answer').addEventListener('click', async (e) => {
    if (e.target.id === 'copy_answer' && await copyText(answerText())) status(t('copied'));
    if (e.target.id === 'show_aloud') { $('aloud_box').open = true; gotoScreen('r_steps'); $('aloud').focus(); }
  });
  $('ics').addEventListener('click', () => {
    if (state.last) download('claimcalc-deadlines.ics', 'text/calendar;charset=utf-8', deadlinesToIcs((state.last.result || state.last.process || {}).deadlines || [], state.lang));
  });
  window.addEventListener('hashchange', () => openHash(true));
  // Printing shows everything: open the folded parts for the printout, and close them again afterwards.
  let opened = [];
  window.addEventListener('beforeprint', () => { allItemRows(); opened = [...document.querySelectorAll('#result details:not([open]), #tools details:not([open])')]; for (const d of opened) d.open = true; });
  window.addEventListener('afterprint', () => { for (const d of opened) d.open = false; opened = []; });
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

// The region files (regions/<id>.ccp, page files kept by the service worker like claimcalc.wasm): the loader reads
// one when an answer first needs it. boot() asks for `policies`, which needs them all, so every file is handed to
// the loader while the page loads and nothing is fetched afterwards.
const REGIONS = { regions: 'regions/' };

async function loadEngine() {
  if (typeof WebAssembly === 'object') {
    const res = await fetch('claimcalc.wasm');
    if (!res.ok) throw new Error('claimcalc.wasm: HTTP ' + res.status);
    const bytes = await res.arrayBuffer();
    // The module uses bulk memory (Safari 15, Chrome 75, Firefox 79 and later); an older browser gets the fallback.
    if (WebAssembly.validate(bytes)) return ClaimCalc.load(bytes, REGIONS);
  }
  // No WebAssembly (e.g. some locked-down phones), or one too old for the module: the same engine translated to JS,
  // loaded only here.
  await new Promise((ok, fail) => document.head.append(h('script', { src: 'claimcalc.asm.js', onload: ok, onerror: fail })));
  return ClaimCalc.load(window.ClaimCalcAsm, REGIONS);
}

async function boot() {
  const p = readShare(location.hash);
  if (p.lang) state.lang = p.lang;
  addItems([null]);
  setMode('items');
  wire();
  applyLang();
  try {
    state.engine = inlineSources(await loadEngine());
    const [pol, ver, vocab] = await Promise.all([state.engine.policies(), state.engine.version(), state.engine.call({ op: 'vocabulary' })]);
    if (!vocab.ok) throw new Error(pick(vocab.error, 'message'));
    state.policies = pol.ok ? pol.result : [];
    state.vocab = vocab.result;
    state.engineVersion = ver.ok ? ver.result.engine_version : '';
    $('version').textContent = `claimcalc ${state.engineVersion} · ` + state.policies.map((x) => `${x.name_zh} ${x.effective_from}`).join(' · ');
  } catch (e) {
    $('boot').textContent = t('load_failed') + (e && e.message);
    return;
  }
  applyLang();
  $('boot').hidden = true;
  document.documentElement.dataset.ready = '1';
  let restored = await openHash(true);
  if (!restored) {
    try {
      const saved = localStorage.getItem(STORE);
      if (saved) { fillForm(JSON.parse(saved)); $('remember').checked = true; await run({ all: true, announce: true }); }
    } catch { /* */ }
  }
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('sw.js').catch(() => { /* offline use is a bonus */ });
  }
}

boot();
