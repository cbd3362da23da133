#include "engine/core/range_dimensions.hpp"

#include <algorithm>
#include <set>

#include "engine/core/limits.hpp"
#include "engine/core/provinces.hpp"
#include "engine/core/unknowns.hpp"

namespace claimcalc {

namespace {

template <class E, class Set>
Dimension enum_dimension(const std::string& field, const std::vector<E>& list, Set set) {
  Dimension d{field, figure_label_zh(field), figure_label_en(field), {}};
  for (E v : list) {
    d.values.push_back(
        {std::string(label_zh(v)), std::string(name_of(v)), [v, set](Claim& c, Assumptions&) { set(c, v); }});
  }
  return d;
}

const SchemePolicy* scheme_of(const Claim& claim, const Estimate& est) {
  if (est.policy == nullptr) return nullptr;
  const auto it = est.policy->schemes.find(claim.scheme);
  return it == est.policy->schemes.end() ? nullptr : &it->second;
}

const SettingPolicy* setting_of(const Claim& claim, const Estimate& est) {
  const SchemePolicy* scheme = scheme_of(claim, est);
  if (scheme == nullptr) return nullptr;
  const auto it = scheme->settings.find(claim.setting);
  return it == scheme->settings.end() ? nullptr : &it->second;
}

// Prior stays that pick each deductible the setting has: 0 (first stay) and one before each later-stay figure.
Dimension stays_dimension(const SettingPolicy& setting) {
  std::set<std::int64_t> prior{0};  // as the other dimensions' sets: one kind of set in the module, not two
  for (const auto& f : setting.deductible) {
    if (f.when.stay_from && *f.when.stay_from > 1) prior.insert(*f.when.stay_from - 1);
    if (f.when.stay_to) prior.insert(*f.when.stay_to);
  }
  Dimension d{"year_to_date.stays", figure_label_zh("year_to_date.stays"), figure_label_en("year_to_date.stays"), {}};
  for (const std::int64_t stays : prior) {
    const int n = static_cast<int>(stays);  // at most limits::kMaxStays
    const std::string zh = n == 0 ? "本年度第一次住院" : "此前已住院 " + std::to_string(n) + " 次";
    const std::string en = n == 0 ? "first stay of the year" : std::to_string(n) + " earlier stay(s)";
    d.values.push_back({zh, en, [n](Claim& c, Assumptions&) { c.year_to_date.stays = n; }});
  }
  return d;
}

// Where the critical-illness payment can change with what was counted earlier this year: its band edges, and the
// edges less this claim's base (the payment is piecewise linear in the earlier amount, so its extremes lie there).
Dimension critical_illness_dimension(const CriticalIllnessPolicy& ci, Fen base) {
  std::set<std::int64_t> at{0};
  for (const auto& f : ci.ratio) {
    for (const auto& b : f.value.bands) {
      for (Fen edge : {b.from, b.to.value_or(b.from)}) {
        at.insert(edge.value());
        if (edge > base) at.insert((edge - base).value());
      }
    }
  }
  Dimension d{"year_to_date.critical_illness_base",
              "本年此前已计入大病保险的费用",
              "amount already counted toward critical illness this year",
              {}};
  for (std::int64_t fen : at) {
    const Fen f = Fen::of(fen);
    d.values.push_back({format_money(f) + "元", "¥" + format_money(f), [f](Claim& c, Assumptions&) {
                          c.year_to_date.critical_illness_base = f;
                          c.year_to_date.given.critical_illness_base = true;
                        }});
  }
  return d;
}

template <class V>
void collect_ages(const std::vector<Figure<V>>& figures, std::set<std::int64_t>& ages) {
  for (const auto& f : figures) {
    if (f.when.age_min) ages.insert(*f.when.age_min);
    if (f.when.age_min && *f.when.age_min > 0) ages.insert(*f.when.age_min - 1);
    if (f.when.age_max) ages.insert(*f.when.age_max);
    if (f.when.age_max && *f.when.age_max < limits::kMaxAge) ages.insert(*f.when.age_max + 1);
  }
}

// One age on each side of every age edge the figures have: between edges nothing changes with the age.
Dimension age_dimension(const SchemePolicy& scheme, const SettingPolicy& setting) {
  std::set<std::int64_t> ages{0};
  collect_ages(setting.class_b_upfront_share, ages);
  collect_ages(setting.deductible, ages);
  collect_ages(setting.ratio, ages);
  collect_ages(setting.annual_cap, ages);
  collect_ages(setting.monthly_cap, ages);
  if (scheme.critical_illness) {
    collect_ages(scheme.critical_illness->ratio, ages);
    collect_ages(scheme.critical_illness->annual_cap, ages);
  }
  Dimension d{"age", figure_label_zh("age"), figure_label_en("age"), {}};
  for (const std::int64_t age : ages) {
    const int a = static_cast<int>(age);  // within 0 .. limits::kMaxAge
    d.values.push_back(
        {std::to_string(a) + " 岁", "age " + std::to_string(a), [a](Claim& c, Assumptions&) { c.age = a; }});
  }
  return d;
}

Dimension disease_dimension(const SettingPolicy& setting) {
  Dimension d{"disease", figure_label_zh("disease"), figure_label_en("disease"), {}};
  for (const auto& disease : setting.diseases) {
    const std::string id = disease.id;
    d.values.push_back({disease.name_zh, disease.name_en.empty() ? id : disease.name_en,
                        [id](Claim& c, Assumptions&) { c.disease = id; }});
  }
  return d;
}

// What an answer leaves open, read once: which fields (OpenField bits) and what building their dimensions reads.
struct OpenReading {
  unsigned fields = 0;
  const SchemePolicy* scheme = nullptr;
  const SettingPolicy* setting = nullptr;
  const Step* ci = nullptr;  // the critical-illness base step: its base places that dimension's values
};

OpenReading read_open(const Claim& claim, const Estimate& est) {
  OpenReading out;
  // One pass over each list says everything asked below. Most answers lack only policy figures ("policy:..."): then
  // no request field is asked for.
  bool asks_tier = false, asks_person = false, asks_level = false, asks_province = false, asks_age = false,
       asks_disease = false;
  for (const auto& u : est.cannot_estimate) {
    if (u.needs.starts_with("policy:")) continue;
    asks_tier = asks_tier || u.needs == "tier";
    asks_person = asks_person || u.needs == "person";
    asks_level = asks_level || u.needs == "hospital_level";
    asks_province = asks_province || u.needs == "care_province";
    asks_age = asks_age || u.needs == "age";
    asks_disease = asks_disease || u.needs == "disease";
  }
  bool stay_assumed = false, filing_minimum = false;
  for (const auto& w : est.warnings) {
    stay_assumed = stay_assumed || w.code == "first_stay_assumed";
    filing_minimum = filing_minimum || w.code == "filing_validity_minimum";
  }
  const Step* ded = nullptr;
  const Step*& ci = out.ci;
  for (const auto& st : est.trace.steps()) {
    if (st.rule == Rule::deductible && ded == nullptr) ded = &st;
    if (st.rule == Rule::critical_illness_base && ci == nullptr) ci = &st;
  }
  // The scheme's and setting's rules, looked up only when a check below reads them.
  const bool reads_setting = asks_age || asks_disease || stay_assumed;
  const SchemePolicy* scheme =
      asks_tier || asks_person || reads_setting || ci != nullptr ? scheme_of(claim, est) : nullptr;
  const SettingPolicy* setting = reads_setting ? setting_of(claim, est) : nullptr;
  out.scheme = scheme;
  out.setting = setting;
  unsigned& f = out.fields;
  if (scheme != nullptr && asks_tier && !scheme->tiers.empty()) f |= kOpenTier;
  if (scheme != nullptr && asks_person && !scheme->persons.empty()) f |= kOpenPerson;
  if (asks_level) f |= kOpenLevel;
  if (asks_province && est.policy != nullptr) f |= kOpenProvince;
  if (scheme != nullptr && setting != nullptr && asks_age) f |= kOpenAge;
  if (setting != nullptr && asks_disease && claim.disease.empty() && !setting->diseases.empty()) f |= kOpenDisease;
  if (setting != nullptr && stay_assumed) f |= kOpenStays;
  if (ded != nullptr && ded->find("already_paid") != nullptr && !claim.year_to_date.given.deductible_paid)
    f |= kOpenDeductiblePaid;
  if (filing_minimum) f |= kOpenFiling;
  if (ci != nullptr && scheme != nullptr && scheme->critical_illness && !claim.year_to_date.given.critical_illness_base)
    f |= kOpenCriticalIllnessBase;
  return out;
}

}  // namespace

unsigned open_fields(const Claim& claim, const Estimate& est) { return read_open(claim, est).fields; }

std::vector<Dimension> open_dimensions(const Claim& claim, const Estimate& est, unsigned& known) {
  std::vector<Dimension> out;
  const OpenReading r = read_open(claim, est);
  const unsigned fields = r.fields & ~known;
  if (fields == 0) return out;
  known |= fields;
  const auto open = [&](unsigned bit) { return (fields & bit) != 0; };
  const SchemePolicy* scheme = r.scheme;
  const SettingPolicy* setting = r.setting;
  if (open(kOpenTier)) out.push_back(enum_dimension("tier", scheme->tiers, [](Claim& c, Tier v) { c.tier = v; }));
  if (open(kOpenPerson))
    out.push_back(enum_dimension("person", scheme->persons, [](Claim& c, Person v) { c.person = v; }));
  if (open(kOpenLevel)) {
    const std::vector<HospitalLevel> levels{HospitalLevel::primary, HospitalLevel::level1, HospitalLevel::level2,
                                            HospitalLevel::level3};
    Dimension d = enum_dimension("hospital_level", levels, [](Claim& c, HospitalLevel v) { c.hospital_level = v; });
    for (std::size_t i = 0; i < levels.size(); ++i) d.values[i].label_en = std::string(label_en(levels[i]));
    out.push_back(std::move(d));
  }
  if (open(kOpenProvince)) {
    const std::string home = est.policy->province;
    std::string other = "beijing";
    if (other == home) other = "tianjin";
    Dimension d{"care_province", figure_label_zh("care_province"), figure_label_en("care_province"), {}};
    d.values.push_back({"省内", "in the province", [home](Claim& c, Assumptions&) { c.care_province = home; }});
    d.values.push_back({"省外", "outside the province", [other](Claim& c, Assumptions&) { c.care_province = other; }});
    out.push_back(std::move(d));
  }
  if (open(kOpenAge)) out.push_back(age_dimension(*scheme, *setting));
  if (open(kOpenDisease)) out.push_back(disease_dimension(*setting));
  if (open(kOpenStays)) out.push_back(stays_dimension(*setting));
  if (open(kOpenDeductiblePaid)) {
    Dimension d{"year_to_date.deductible_paid", "本年已付起付线", "deductible already paid this year", {}};
    d.values.push_back(
        {"未付", "none yet", [](Claim& c, Assumptions&) { c.year_to_date.given.deductible_paid = true; }});
    d.values.push_back({"已付满", "all of it", [](Claim& c, Assumptions&) {
                          c.year_to_date.deductible_paid = Fen::of(limits::kMaxMoneyFen);
                          c.year_to_date.given.deductible_paid = true;
                        }});
    out.push_back(std::move(d));
  }
  if (open(kOpenFiling)) {
    Dimension d{"filing", "备案是否仍在有效期内", "whether the filing still holds", {}};
    d.values.push_back(
        {"备案仍有效", "filing still valid", [](Claim&, Assumptions& a) { a.filing_still_valid = true; }});
    d.values.push_back({"备案已失效", "filing expired", [](Claim&, Assumptions& a) { a.filing_still_valid = false; }});
    out.push_back(std::move(d));
  }
  if (open(kOpenCriticalIllnessBase)) {
    const StepValue* base = r.ci->find("base");
    out.push_back(critical_illness_dimension(*scheme->critical_illness, base != nullptr ? base->fen : Fen::zero()));
  }
  return out;
}

}  // namespace claimcalc
