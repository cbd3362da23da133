#include "engine/core/vocabulary.hpp"

#include <array>
#include <cstddef>
#include <utility>

namespace claimcalc {

namespace {

template <class E, std::size_t N>
using Rows = std::array<std::pair<E, std::string_view>, N>;

template <class E>
struct Table;

template <>
struct Table<Scheme> {
  static constexpr Rows<Scheme, 2> rows{{{Scheme::employee, "employee"}, {Scheme::resident, "resident"}}};
};
template <>
struct Table<Person> {
  static constexpr Rows<Person, 7> rows{{{Person::active, "active"},
                                         {Person::retired, "retired"},
                                         {Person::flexible, "flexible"},
                                         {Person::adult, "adult"},
                                         {Person::senior, "senior"},
                                         {Person::child, "child"},
                                         {Person::student, "student"}}};
};
template <>
struct Table<Tier> {
  static constexpr Rows<Tier, 3> rows{{{Tier::tier1, "tier1"}, {Tier::tier2, "tier2"}, {Tier::tier3, "tier3"}}};
};
template <>
struct Table<Setting> {
  static constexpr Rows<Setting, 3> rows{{{Setting::inpatient, "inpatient"},
                                          {Setting::outpatient, "outpatient"},
                                          {Setting::chronic_outpatient, "chronic_outpatient"}}};
};
template <>
struct Table<HospitalLevel> {
  static constexpr Rows<HospitalLevel, 4> rows{{{HospitalLevel::primary, "primary"},
                                                {HospitalLevel::level1, "level1"},
                                                {HospitalLevel::level2, "level2"},
                                                {HospitalLevel::level3, "level3"}}};
};
template <>
struct Table<ItemClass> {
  static constexpr Rows<ItemClass, 3> rows{{{ItemClass::class_a, "class_a"},
                                            {ItemClass::class_b, "class_b"},
                                            {ItemClass::out_of_catalogue, "out_of_catalogue"}}};
};
template <>
struct Table<Filing> {
  static constexpr Rows<Filing, 5> rows{{{Filing::none, "none"},
                                         {Filing::long_term, "long_term"},
                                         {Filing::temporary, "temporary"},
                                         {Filing::referral, "referral"},
                                         {Filing::emergency, "emergency"}}};
};
template <>
struct Table<SettlementMode> {
  static constexpr Rows<SettlementMode, 2> rows{
      {{SettlementMode::direct, "direct"}, {SettlementMode::manual_claim, "manual_claim"}}};
};
template <>
struct Table<EnrolmentStatus> {
  static constexpr Rows<EnrolmentStatus, 3> rows{{{EnrolmentStatus::active, "active"},
                                                  {EnrolmentStatus::suspended, "suspended"},
                                                  {EnrolmentStatus::lapsed, "lapsed"}}};
};
template <>
struct Table<Confidence> {
  static constexpr Rows<Confidence, 2> rows{{{Confidence::official, "official"}, {Confidence::secondary, "secondary"}}};
};
template <>
struct Table<BandMeasure> {
  static constexpr Rows<BandMeasure, 2> rows{{{BandMeasure::stay, "stay"}, {BandMeasure::year, "year"}}};
};
template <>
struct Table<DeductibleBasis> {
  static constexpr Rows<DeductibleBasis, 2> rows{
      {{DeductibleBasis::per_stay, "per_stay"}, {DeductibleBasis::per_year, "per_year"}}};
};
template <>
struct Table<StayOrder> {
  static constexpr Rows<StayOrder, 2> rows{{{StayOrder::first, "first"}, {StayOrder::later, "later"}}};
};
template <>
struct Table<CriticalIllnessPart> {
  static constexpr Rows<CriticalIllnessPart, 4> rows{{{CriticalIllnessPart::deductible, "deductible"},
                                                      {CriticalIllnessPart::copay, "copay"},
                                                      {CriticalIllnessPart::over_cap, "over_cap"},
                                                      {CriticalIllnessPart::class_b_upfront, "class_b_upfront"}}};
};
template <>
struct Table<CareScope> {
  static constexpr Rows<CareScope, 2> rows{
      {{CareScope::in_province, "in_province"}, {CareScope::out_of_province, "out_of_province"}}};
};
template <>
struct Table<DeadlineFrom> {
  static constexpr Rows<DeadlineFrom, 4> rows{{{DeadlineFrom::expense, "expense"},
                                               {DeadlineFrom::date_of_care, "date_of_care"},
                                               {DeadlineFrom::discharge, "discharge"},
                                               {DeadlineFrom::enrolment, "enrolment"}}};
};
template <>
struct Table<DeadlineCount> {
  static constexpr Rows<DeadlineCount, 2> rows{
      {{DeadlineCount::calendar_days, "calendar_days"}, {DeadlineCount::months, "months"}}};
};
template <>
struct Table<ChannelKind> {
  static constexpr Rows<ChannelKind, 2> rows{{{ChannelKind::online, "online"}, {ChannelKind::offline, "offline"}}};
};

template <>
struct Table<LikelyWhen> {
  static constexpr Rows<LikelyWhen, 3> rows{{{LikelyWhen::unfiled_elsewhere, "unfiled_elsewhere"},
                                             {LikelyWhen::filing_expired, "filing_expired"},
                                             {LikelyWhen::enrolment_not_active, "enrolment_not_active"}}};
};

}  // namespace

template <class E>
std::string_view Vocabulary<E>::name(E v) {
  for (const auto& r : Table<E>::rows)
    if (r.first == v) return r.second;
  return "?";
}

template <class E>
std::optional<E> Vocabulary<E>::find(std::string_view n) {
  for (const auto& r : Table<E>::rows)
    if (r.second == n) return r.first;
  return std::nullopt;
}

template <class E>
std::vector<std::string_view> Vocabulary<E>::names() {
  std::vector<std::string_view> out;
  for (const auto& r : Table<E>::rows) out.push_back(r.second);
  return out;
}

template struct Vocabulary<Scheme>;
template struct Vocabulary<Person>;
template struct Vocabulary<Tier>;
template struct Vocabulary<Setting>;
template struct Vocabulary<HospitalLevel>;
template struct Vocabulary<ItemClass>;
template struct Vocabulary<Filing>;
template struct Vocabulary<SettlementMode>;
template struct Vocabulary<EnrolmentStatus>;
template struct Vocabulary<Confidence>;
template struct Vocabulary<BandMeasure>;
template struct Vocabulary<DeductibleBasis>;
template struct Vocabulary<StayOrder>;
template struct Vocabulary<CriticalIllnessPart>;
template struct Vocabulary<CareScope>;
template struct Vocabulary<DeadlineFrom>;
template struct Vocabulary<DeadlineCount>;
template struct Vocabulary<ChannelKind>;
template struct Vocabulary<LikelyWhen>;

std::vector<NamedVocabulary> all_vocabularies() {
  return {{"scheme", Vocabulary<Scheme>::names()},
          {"person", Vocabulary<Person>::names()},
          {"tier", Vocabulary<Tier>::names()},
          {"setting", Vocabulary<Setting>::names()},
          {"hospital_level", Vocabulary<HospitalLevel>::names()},
          {"class", Vocabulary<ItemClass>::names()},
          {"filing", Vocabulary<Filing>::names()},
          {"settlement", Vocabulary<SettlementMode>::names()},
          {"enrolment_status", Vocabulary<EnrolmentStatus>::names()},
          {"confidence", Vocabulary<Confidence>::names()},
          {"band_measure", Vocabulary<BandMeasure>::names()},
          {"deductible_basis", Vocabulary<DeductibleBasis>::names()},
          {"stay", Vocabulary<StayOrder>::names()},
          {"base_parts", Vocabulary<CriticalIllnessPart>::names()},
          {"scope", Vocabulary<CareScope>::names()},
          {"from", Vocabulary<DeadlineFrom>::names()},
          {"count", Vocabulary<DeadlineCount>::names()},
          {"kind", Vocabulary<ChannelKind>::names()},
          {"likely_when", Vocabulary<LikelyWhen>::names()}};
}

std::string_view label_zh(Scheme v) { return v == Scheme::employee ? "职工医保" : "居民医保"; }
std::string_view label_zh(Person v) {
  switch (v) {
    case Person::active:
      return "在职";
    case Person::retired:
      return "退休";
    case Person::flexible:
      return "灵活就业";
    case Person::adult:
      return "成年居民";
    case Person::senior:
      return "老年居民";
    case Person::child:
      return "未成年人";
    case Person::student:
      return "学生";
  }
  return "?";
}
std::string_view label_en(Person v) {
  switch (v) {
    case Person::active:
      return "active employee";
    case Person::retired:
      return "retired";
    case Person::flexible:
      return "flexible employment";
    case Person::adult:
      return "adult resident";
    case Person::senior:
      return "senior resident";
    case Person::child:
      return "child";
    case Person::student:
      return "student";
  }
  return "?";
}
std::string_view label_en(Scheme v) { return v == Scheme::employee ? "employee scheme" : "resident scheme"; }
std::string_view label_en(Tier v) {
  switch (v) {
    case Tier::tier1:
      return "grade 1";
    case Tier::tier2:
      return "grade 2";
    case Tier::tier3:
      return "grade 3";
  }
  return "?";
}
std::string_view label_en(ItemClass v) {
  switch (v) {
    case ItemClass::class_a:
      return "class A";
    case ItemClass::class_b:
      return "class B";
    case ItemClass::out_of_catalogue:
      return "outside the catalogue";
  }
  return "?";
}
// The filing kinds as 医保发〔2022〕22号 names them.
std::string_view label_zh(Filing v) {
  switch (v) {
    case Filing::none:
      return "未备案";
    case Filing::long_term:
      return "长期异地就医备案";
    case Filing::temporary:
      return "临时外出就医备案";
    case Filing::referral:
      return "转诊备案";
    case Filing::emergency:
      return "异地急诊抢救";
  }
  return "?";
}
std::string_view label_en(Filing v) {
  switch (v) {
    case Filing::none:
      return "not filed";
    case Filing::long_term:
      return "long-term filing (living there)";
    case Filing::temporary:
      return "temporary filing (trip for care)";
    case Filing::referral:
      return "referral filing";
    case Filing::emergency:
      return "emergency care elsewhere";
  }
  return "?";
}
std::string_view label_zh(SettlementMode v) {
  return v == SettlementMode::direct ? "医院直接结算" : "先全额垫付，再手工报销";
}
std::string_view label_en(SettlementMode v) {
  return v == SettlementMode::direct ? "settled directly at the hospital" : "paid in full, claimed back afterwards";
}
std::string_view label_zh(Tier v) {
  switch (v) {
    case Tier::tier1:
      return "一档";
    case Tier::tier2:
      return "二档";
    case Tier::tier3:
      return "三档";
  }
  return "?";
}
std::string_view label_zh(Setting v) {
  switch (v) {
    case Setting::inpatient:
      return "住院";
    case Setting::outpatient:
      return "普通门诊";
    case Setting::chronic_outpatient:
      return "门诊慢特病";
  }
  return "?";
}
std::string_view label_en(Setting v) {
  switch (v) {
    case Setting::inpatient:
      return "inpatient stay";
    case Setting::outpatient:
      return "general outpatient";
    case Setting::chronic_outpatient:
      return "chronic/special-disease outpatient";
  }
  return "?";
}
std::string_view label_zh(HospitalLevel v) {
  switch (v) {
    case HospitalLevel::primary:
      return "基层医疗机构";
    case HospitalLevel::level1:
      return "一级医院";
    case HospitalLevel::level2:
      return "二级医院";
    case HospitalLevel::level3:
      return "三级医院";
  }
  return "?";
}
std::string_view label_en(HospitalLevel v) {
  switch (v) {
    case HospitalLevel::primary:
      return "primary-care";
    case HospitalLevel::level1:
      return "level-1";
    case HospitalLevel::level2:
      return "level-2";
    case HospitalLevel::level3:
      return "level-3";
  }
  return "?";
}
std::string_view label_zh(ItemClass v) {
  switch (v) {
    case ItemClass::class_a:
      return "甲类";
    case ItemClass::class_b:
      return "乙类";
    case ItemClass::out_of_catalogue:
      return "丙类（目录外）";
  }
  return "?";
}

}  // namespace claimcalc
