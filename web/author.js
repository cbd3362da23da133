// The authoring view: a person enters a notice part by part and the engine's own policy validator (the `validate_policy`
// operation, compiled into the wasm) answers on every change; a draft can be tried on an estimate and downloaded.
// Nothing is sent anywhere: the draft lives in this page and in the file the person downloads.
import ClaimCalc from './claimcalc.mjs';

const $ = (id) => document.getElementById(id);
// Hospital levels as the policy format groups them (docs/policy-format.md): the lowest two share a row.
const LEVELS = [
  { zh: '一级及以下医院', en: 'level 1 and below', when: ['primary', 'level1'], level: 'level1' },
  { zh: '二级医院', en: 'level 2', when: 'level2', level: 'level2' },
  { zh: '三级医院', en: 'level 3', when: 'level3', level: 'level3' },
];
const PARTS = [
  { key: 'deductible', field: 'amount', zh: '起付线（元）', en: 'deductible (yuan)' },
  { key: 'ratio', field: 'ratio', zh: '统筹基金支付比例（%）', en: "fund's share (%)" },
];
// The key a figure's condition uses for the hospital level (the same name as the request's field).
const LEVEL_KEY = 'hospital_level';
const PERSONS = { employee: ['active', 'retired'], resident: ['adult', 'child', 'student'] };
const FIELD_WORDS = {
  quote: ['原文句子', 'quote'], source: ['出处', 'source'], clause: ['条款', 'clause'], amount: ['数值', 'value'],
  ratio: ['数值', 'value'], also: ['第二出处', 'second source'], region: ['地区标识', 'region id'],
  effective_from: ['施行日期', 'effective from'], last_verified: ['核对日期', 'last verified'],
};

let engine = null;
let figures = [];   // [{level, part, el}] in the order the draft lists them
let pointers = [];  // [{ptr, el}]: where an error's JSON pointer lands in the form
let timer = 0;
let generation = 0;  // only the latest check writes the verdict

function el(tag, props = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
  e.append(...kids);
  return e;
}
const val = (root, k) => root.querySelector(`[data-k="${k}"]`).value.trim();
const today = () => new Date().toISOString().slice(0, 10);

function addSource(data = {}) {
  const row = $('source_row').content.firstElementChild.cloneNode(true);
  const n = $('sources').children.length + 1;
  row.querySelector('[data-k="id"]').value = data.id || `s${n}`;
  for (const [k, v] of Object.entries(data)) { const f = row.querySelector(`[data-k="${k}"]`); if (f) f.value = v; }
  $('sources').append(row);
  refreshSourceChoices();
}

function sourceIds() {
  return [...$('sources').children].map((r) => val(r, 'id')).filter(Boolean);
}

function refreshSourceChoices() {
  const ids = sourceIds();
  for (const f of figures) {
    for (const [k, blank] of [['source', false], ['also_source', true]]) {
      const sel = f.el.querySelector(`[data-k="${k}"]`);
      const keep = sel.value;
      sel.replaceChildren(...(blank ? [el('option', { value: '', text: '—' })] : []),
        ...ids.map((id) => el('option', { value: id, text: id })));
      if (ids.includes(keep)) sel.value = keep;
    }
  }
}

function buildFigures() {
  figures = [];
  for (const part of PARTS) {
    for (const level of LEVELS) {
      const row = $('figure_row').content.firstElementChild.cloneNode(true);
      row.querySelector('legend').textContent = `${level.zh} ${part.zh} — ${level.en} ${part.en}`;
      row.dataset.figure = `${part.key}-${level.level}`;
      figures.push({ level, part, el: row });
      $('figures').append(row);
    }
  }
  refreshSourceChoices();
}

function fillPersons() {
  const list = PERSONS[$('scheme').value] || [];
  $('person').replaceChildren(...list.map((p) => el('option', { value: p, text: p })));
}

// The draft file as the form describes it, and the form element behind each JSON pointer in it.
function draft() {
  pointers = [];
  const at = (ptr, node) => pointers.push({ ptr, el: node });
  const policy = { schema_version: 1, region: $('region').value.trim() };
  at('/region', $('region'));
  for (const k of ['name_zh', 'name_en', 'province']) if ($(k).value.trim()) policy[k] = $(k).value.trim();
  policy.effective_from = $('effective_from').value;
  policy.last_verified = $('last_verified').value;
  at('/effective_from', $('effective_from'));
  at('/last_verified', $('last_verified'));
  policy.sources = [...$('sources').children].map((row, i) => {
    const s = {};
    for (const k of ['id', 'title', 'doc_no', 'office', 'date', 'url', 'confidence']) {
      const v = val(row, k);
      if (v || k !== 'doc_no') s[k] = v;
      at(`/sources/${i}/${k}`, row.querySelector(`[data-k="${k}"]`));
    }
    at(`/sources/${i}`, row);
    return s;
  });
  const scheme = $('scheme').value;
  const body = { persons: [$('person').value] };
  if ($('tier').value) body.tiers = [$('tier').value];
  const inpatient = { deductible_basis: 'per_stay' };
  const base = `/schemes/${scheme}/inpatient`;
  for (const part of PARTS) {
    const list = [];
    for (const f of figures.filter((x) => x.part === part)) {
      let v = val(f.el, 'value').replace(/[元%\s,]/g, '');
      if (!v) continue;
      const ptr = `${base}/${part.key}/${list.length}`;
      const entry = { when: { [LEVEL_KEY]: f.level.when } };
      entry[part.field] = part.field === 'ratio' ? v + '%' : v;
      entry.source = val(f.el, 'source');
      for (const k of ['clause', 'quote']) if (val(f.el, k)) entry[k] = val(f.el, k);
      if (val(f.el, 'also_source') || val(f.el, 'also_quote')) {
        entry.also = [{ source: val(f.el, 'also_source'), quote: val(f.el, 'also_quote') }];
        at(`${ptr}/also/0/quote`, f.el.querySelector('[data-k="also_quote"]'));
        at(`${ptr}/also`, f.el.querySelector('[data-k="also_source"]'));
      }
      for (const k of ['source', 'clause', 'quote']) at(`${ptr}/${k}`, f.el.querySelector(`[data-k="${k}"]`));
      at(`${ptr}/${part.field}`, f.el.querySelector('[data-k="value"]'));
      at(ptr, f.el);
      list.push(entry);
    }
    if (list.length) inpatient[part.key] = list;
  }
  body.inpatient = inpatient;
  at(base, $('figures'));
  policy.schemes = { [scheme]: body };
  return policy;
}

const path = (p) => `${p.region || '?'}/${p.effective_from || '?'}.json`;
const text = (p) => JSON.stringify(p, null, 2) + '\n';

// The form element an error's pointer names: the longest recorded pointer that is a prefix of it.
function elementFor(ptr) {
  let best = null;
  for (const p of pointers) {
    if ((ptr === p.ptr || ptr.startsWith(p.ptr + '/')) && (!best || p.ptr.length > best.ptr.length)) best = p;
  }
  return best && best.el;
}

function fieldWords(ptr, node) {
  const fig = node && node.closest('[data-figure]');
  const last = ptr.split('/').filter(Boolean).pop() || '';
  const w = FIELD_WORDS[last] || [last, last];
  const where = fig ? fig.querySelector('legend').textContent + ' · ' : '';
  return `${where}${w[0]} / ${w[1]}`;
}

async function validate() {
  const p = draft();
  const content = text(p);
  $('preview').textContent = content;
  const mine = ++generation;
  const env = await engine.call({ op: 'validate_policy', path: path(p), content });
  if (mine !== generation) return env;
  const v = $('verdict');
  if (env.ok) {
    delete v.dataset.field;
    for (const x of document.querySelectorAll('[aria-invalid]')) x.removeAttribute('aria-invalid');
    v.dataset.state = 'ok';
    v.textContent = `✓ 草稿通过校验 The draft is valid (SHA-256 ${env.result.sha256.slice(0, 16)}…)`;
    return env;
  }
  for (const x of document.querySelectorAll('[aria-invalid]')) x.removeAttribute('aria-invalid');
  const e = env.error;
  const ptr = (e.field || '').includes('#') ? e.field.slice(e.field.indexOf('#') + 1) : '';
  const node = ptr ? elementFor(ptr) : null;
  if (node) node.setAttribute('aria-invalid', 'true');
  v.dataset.state = 'error';
  v.dataset.field = e.field || '';
  v.replaceChildren(el('strong', { text: '✗ ' + (ptr ? fieldWords(ptr, node) : e.field || '') }), el('br'),
    e.message_zh, el('br'), e.message_en);
  return env;
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(() => { validate().catch(showFailure); }, 150);
}

function showFailure(err) {
  $('verdict').dataset.state = 'error';
  $('verdict').textContent = '引擎出错 The engine failed: ' + (err && err.message);
}

function figure(f) {
  if (f === null || f === undefined) return '无法估算 cannot estimate';
  if (typeof f === 'string') return f + ' 元';
  const lo = f.low === null ? '' : f.low + ' 元';
  const hi = f.high === null ? '' : f.high + ' 元';
  return lo && hi ? `${lo} – ${hi}` : lo ? `≥ ${lo}` : `≤ ${hi}`;
}

async function tryEstimate() {
  const p = draft();
  const request = {
    insured_region: p.region, scheme: $('scheme').value, person: $('person').value, setting: 'inpatient',
    hospital_level: $('try_level').value, date_of_care: $('try_date').value,
    items: [{ name: '费用', class: 'class_a', amount: $('try_amount').value.trim() }],
  };
  if ($('tier').value) request.tier = $('tier').value;
  const env = await engine.call({ op: 'validate_policy', path: path(p), content: text(p), request });
  const out = $('try_out');
  if (!env.ok) { out.replaceChildren(el('p', { text: '草稿未通过校验 The draft is not valid: ' + env.error.message_zh + ' / ' + env.error.message_en })); return; }
  const est = env.result.estimate;
  if (!est.ok) { out.replaceChildren(el('p', { text: est.error.message_zh + ' / ' + est.error.message_en })); return; }
  const s = est.result.split;
  out.replaceChildren(
    el('p', { 'data-out': 'fund_paid', text: '统筹基金支付 Fund pays: ' + figure(s.fund_paid) }),
    el('p', { 'data-out': 'deductible_applied', text: '起付线 Deductible: ' + figure(s.deductible_applied) }),
    el('p', { 'data-out': 'patient_pays', text: '个人负担 Patient pays: ' + figure(s.patient_pays) }),
    ...est.result.warnings.map((w) => el('p', { class: 'warn', 'data-warning': w.code, text: w.message_zh + ' ' + w.message_en })),
    ...est.result.cannot_estimate.map((c) => el('p', { class: 'gap', text: c.reason_zh })));
}

function download() {
  const p = draft();
  const a = el('a', { href: URL.createObjectURL(new Blob([text(p)], { type: 'application/json' })),
    download: `${p.region || 'draft'}_${p.effective_from || 'undated'}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

async function regions() {
  // The registry's regions when the engine offers its vocabulary; otherwise the regions it has policies for.
  const voc = await engine.call({ op: 'vocabulary' });
  const list = voc.ok && voc.result.regions ? voc.result.regions.map((r) => [r.region, r.zh])
    : ((await engine.policies()).result || []).map((p) => [p.region, p.name_zh]);
  $('regions').replaceChildren(...list.map(([id, zh]) => el('option', { value: id, text: zh || id })));
}

async function boot() {
  $('last_verified').value = today();
  $('try_date').value = today();
  $('try_level').replaceChildren(...LEVELS.map((l) => el('option', { value: l.level, text: `${l.zh} ${l.en}` })));
  fillPersons();
  buildFigures();
  addSource();
  $('scheme').addEventListener('change', fillPersons);
  $('add_source').addEventListener('click', () => { addSource(); schedule(); });
  $('sources').addEventListener('input', (e) => { if (e.target.dataset.k === 'id') refreshSourceChoices(); });
  $('author').addEventListener('input', schedule);
  $('author').addEventListener('change', schedule);
  $('try').addEventListener('click', () => { tryEstimate().catch(showFailure); });
  $('download').addEventListener('click', download);
  // The authoring module: the engine with the policy reader (validate_policy), which the calculator's claimcalc.wasm
  // leaves out. Region files (page files) are read when an answer first needs one; regions() asks for vocabulary
  // only.
  const res = await fetch('claimcalc-author.wasm');
  engine = await ClaimCalc.load(await res.arrayBuffer(), { regions: 'regions/' });
  await regions();
  await validate();
  document.documentElement.dataset.ready = '1';
}

boot().catch(showFailure);
