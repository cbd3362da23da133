// 数据来源与更新时间: for the insured region on the form, the policy version the page uses, when its data was last
// checked against the sources, and the sources themselves (official or secondary), from the engine's `policies`;
// and which settings of the scheme on the form the data has figures for.
import { $, h } from './dom.js';
import { state } from './state.js';
import { t, label, regionName } from './words.js';

// The version in force on the date of care, else the newest.
function versionFor(region, date) {
  const all = state.policies.filter((p) => p.region === region).sort((a, b) => (a.effective_from < b.effective_from ? 1 : -1));
  return (date && all.find((p) => p.effective_from <= date && (!p.effective_to || date <= p.effective_to))) || all[0] || null;
}

// What the data holds for the region and scheme on the form, from the `policies` answer: each setting (and
// critical-illness insurance) with figures in the data, or not (then the estimate says 无法测算 for it).
function coverageList(p, scheme) {
  const s = (p.schemes || []).find((x) => x.scheme === scheme);
  const have = (s && s.settings) || [];
  const rows = state.vocab.settings.map((x) => [x.name, label('settings', x.name), have.includes(x.name)])
    .concat([['critical_illness', t('cov_critical_illness'), !!(s && s.critical_illness)]]);
  return [h('p', { class: 'coverage-h', text: t('cov_h', { scheme: label('schemes', scheme) }) }), h('ul', { class: 'coverage' },
    rows.map(([part, name, present]) => h('li', { 'data-part': part, 'data-present': String(present) },
      h('span', { class: 'mark', 'aria-hidden': 'true', text: present ? '✓' : '—' }), ' ', name,
      h('span', { class: 'hint', text: t(present ? 'cov_present' : 'cov_absent') }))))];
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
    coverageList(p, $('scheme').value)));
}
