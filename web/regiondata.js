// 数据来源与更新时间: for the insured region on the form, the policy version the page uses, when its data was last
// checked against the sources, and the sources themselves (official or secondary), from the engine's `policies`;
// and, where the engine has the `coverage` operation, which parts of the rules the data holds and which it lacks.
import { $, h } from './dom.js';
import { state } from './state.js';
import { t, label, regionName } from './words.js';

// The version in force on the date of care, else the newest.
function versionFor(region, date) {
  const all = state.policies.filter((p) => p.region === region).sort((a, b) => (a.effective_from < b.effective_from ? 1 : -1));
  return (date && all.find((p) => p.effective_from <= date && (!p.effective_to || date <= p.effective_to))) || all[0] || null;
}

// A part the engine's `coverage` names ("inpatient.deductible", "processes.manual_claim", ...) in words, or null for
// a part this page has no words for (then it is left out rather than shown as a data path).
function partName(part) {
  const p = /^processes\.(\w+)$/.exec(part);
  if (p) return t('sc_' + p[1]) === 'sc_' + p[1] ? null : t('cov_process', { what: t('sc_' + p[1]) });
  const own = { critical_illness: 'cov_critical_illness', waiting_period: 'cov_waiting_period', 'cross_region.ratio': 'cov_cross_ratio',
    'cross_region.validity': 'cov_cross_validity' }[part];
  if (own) return t(own);
  const f = /^(\w+)\.(deductible|ratio|annual_cap|class_b_upfront_share)$/.exec(part);
  return f ? label('settings', f[1]) + t('cov_' + f[2]) : null;
}

// What the data holds for the region and scheme on the form: each part, from which layer, official or secondary.
function coverageList(region, scheme) {
  const rc = state.coverage && (state.coverage.regions || []).find((r) => r.region === region);
  if (!rc) return null;
  const parts = ((rc.schemes || {})[scheme] || []).concat(rc.common || []).map((c) => ({ ...c, name: partName(c.part) })).filter((c) => c.name);
  return h('ul', { class: 'coverage' }, parts.map((c) => h('li', { 'data-part': c.part, 'data-present': String(c.present) },
    h('span', { class: 'mark', 'aria-hidden': 'true', text: !c.present ? '—' : c.confidence === 'secondary' ? '◐' : '✓' }), ' ', c.name,
    h('span', { class: 'hint', text: ' ' + (!c.present ? t('cov_absent') : t(c.confidence === 'secondary' ? 'cov_secondary' : 'cov_official')
      + (c.layer && c.layer !== region ? t('cov_from', { layer: c.layer === 'national' ? t('cov_national') : regionName(c.layer) }) : '')) }))));
}

export function renderRegionData() {
  const box = $('region_data');
  const region = $('insured_region').value;
  const p = region && versionFor(region, $('date_of_care').value);
  box.hidden = !p;
  if (!p) { box.replaceChildren(); return; }
  const srcs = p.sources || [];
  const second = srcs.filter((s) => s.confidence === 'secondary').length;
  const dated = (d) => (d && !/^(unknown|undated)$/.test(d) ? d : '');
  box.replaceChildren(h('details', {},
    h('summary', {}, h('span', { text: t('region_data') }), ' ',
      h('span', { class: 'hint', text: t('region_data_line', { region: regionName(region), from: p.effective_from, verified: p.last_verified, n: srcs.length, second }) })),
    h('ul', { class: 'sources' }, srcs.map((s) => h('li', { 'data-confidence': s.confidence },
      /^https?:/.test(s.url) ? h('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank', text: s.title }) : s.title,
      h('span', { class: 'hint', text: ' ' + [s.doc_no, s.office, dated(s.date)].filter(Boolean).join('，') }),
      s.confidence === 'secondary' ? h('span', { class: 'badge secondary', text: t('secondary') }) : null))),
    coverageList(region, $('scheme').value)));
}
