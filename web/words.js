// Words on screen: UI text (i18n.js), the engine's labels for each choice (the `vocabulary` operation), and
// figures as the engine gives them: "1234.56", null, or a range {low, high, reasons} (docs/api.md).
import { makeT } from './i18n.js';
import { fromFen, toFen } from './bill.js';
import { state } from './state.js';
import { cityOf } from './places.js';

const ts = { zh: makeT('zh'), en: makeT('en') };
export const t = (key, vars) => ts[state.lang === 'en' ? 'en' : 'zh'](key, vars);

// The zh or en member of an engine object: pick(step, 'text') -> step.text_zh.
export const pick = (o, base) => (o ? o[base + '_' + state.lang] ?? o[base + '_zh'] ?? '' : '');

export const isRange = (v) => v !== null && typeof v === 'object';
export const num = (v) => fromFen(toFen(v), true);

// A figure in words: "1,234.56 元", "8,200.00–9,808.32 元", "最多 9,808.32 元", "至少 …", or 无法测算.
export function money(v) {
  if (v === null || v === undefined) return t('cannot');
  if (!isRange(v)) return t('yuan', { v: num(v) });
  if (v.low !== null && v.high !== null) return v.low === v.high ? t('yuan', { v: num(v.low) }) : t('range', { lo: num(v.low), hi: num(v.high) });
  return v.high !== null ? t('at_most', { v: num(v.high) }) : t('at_least', { v: num(v.low) });
}

// The label of a vocabulary name: label('levels', 'level3') -> 三级医院 (the engine's own words).
export function label(kind, name) {
  const row = state.vocab && (state.vocab[kind] || []).find((x) => x.name === name);
  return row ? (state.lang === 'en' ? row.en : row.zh) : name || '';
}

// A region's name: the pack's (zh/en) for its regions, the registry's for any other city (by code).
export function regionName(id) {
  const r = state.vocab && state.vocab.regions.find((x) => x.region === id);
  if (r) return state.lang === 'en' ? r.en : r.zh;
  if (id === 'other') return t('other_region');
  const c = cityOf(id);
  return c ? c.zh : id;
}

// What the request asked, in one line.
export function summaryText(r) {
  const parts = [regionName(r.insured_region)];
  if (r.care_region) parts.push(`${t('care_region')} ${regionName(r.care_region)} (${label('filings', r.filing || 'none')})`);
  parts.push(label('schemes', r.scheme), r.person && label('persons', r.person), r.tier && label('tiers', r.tier),
    label('settings', r.setting), r.hospital_level && label('levels', r.hospital_level), r.date_of_care,
    r.settlement && label('settlements', r.settlement));
  return parts.filter(Boolean).join(' · ');
}
