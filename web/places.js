// Places, from the engine's vocabulary: every province and city of the division registry (GB/T 2260), the pack's
// regions among them, and what each region's data covers (the `policies` answer's schemes and settings). A place is
// written in a request as its pack id where the pack has a file for it, else as its 6-digit code.
import { state } from './state.js';

const vocab = () => state.vocab || { regions: [], provinces: [], cities: [] };

export const cityValue = (c) => c.region || String(c.code);
export const provinceOf = (c) => vocab().provinces.find((p) => p.code === c.province);

// The city a request's value names: a pack id, a code, or a Chinese name (广州 / 广州市); null when none.
export function cityOf(text) {
  const s = String(text || '').trim();
  if (!s) return null;
  const cities = vocab().cities;
  return cities.find((c) => c.region === s || String(c.code) === s) ||
    (cities.filter((c) => c.zh === s || c.short === s).length === 1 ? cities.find((c) => c.zh === s || c.short === s) : null);
}

// The form's value for what a request or share link names, or null when it names no city.
export function placeValue(text) {
  const c = cityOf(text);
  if (c) return cityValue(c);
  // A region of the pack that is not in the registry (a test pack's region) is still a choice.
  return vocab().regions.some((r) => r.region === text) ? text : null;
}

// Whether the pack has benefit data for the insured place (its own file): else only the process answers.
export const hasPolicy = (value) => state.policies.some((p) => p.region === value);

// What the newest version of a region's file gives figures for: [{scheme, settings}] with settings non-empty.
export function covers(region) {
  const all = state.policies.filter((p) => p.region === region).sort((a, b) => (a.effective_from < b.effective_from ? 1 : -1));
  return all.length ? (all[0].schemes || []).filter((s) => (s.settings || []).length) : [];
}

// The province-wide file (a province layer) that applies to a city without its own, if the pack has one.
export function provinceRules(c) {
  const p = c && provinceOf(c);
  return p && p.region ? p : null;
}

// Every city grouped by province in code order, the pack's cities first ({label, cities}). Provinces without
// cities in the registry (香港, 澳门, 台湾) have no group.
export function cityGroups() {
  const { provinces, cities } = vocab();
  const groups = provinces.map((p) => ({ province: p, cities: cities.filter((c) => c.province === p.code) })).filter((g) => g.cities.length);
  return { covered: cities.filter((c) => c.region), groups };
}

// Whether a city matches what was typed into the search box: name, short name, code, province, pack id.
export function matches(c, query) {
  const q = String(query || '').trim().toLowerCase();
  if (!q) return true;
  const p = provinceOf(c) || {};
  const r = vocab().regions.find((x) => x.region === c.region) || {};
  return [c.zh, c.short, String(c.code), p.zh, p.short, c.region, r.en].some((s) => s && String(s).toLowerCase().includes(q));
}
