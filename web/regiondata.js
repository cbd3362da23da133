// 数据来源与更新时间: for the insured region on the form, the policy version the page uses, when its data was last
// checked against the sources, and the sources themselves (official or secondary), from the engine's `policies`.
import { $, h } from './dom.js';
import { state } from './state.js';
import { t, regionName } from './words.js';

// The version in force on the date of care, else the newest.
function versionFor(region, date) {
  const all = state.policies.filter((p) => p.region === region).sort((a, b) => (a.effective_from < b.effective_from ? 1 : -1));
  return (date && all.find((p) => p.effective_from <= date && (!p.effective_to || date <= p.effective_to))) || all[0] || null;
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
      s.confidence === 'secondary' ? h('span', { class: 'badge secondary', text: t('secondary') }) : null)))));
}
