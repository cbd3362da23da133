#include "engine/core/vocabulary.hpp"

#include <array>
#include <cstddef>
#include <utility>

namespace claimcalc {

namespace {

template <class E, std::size_t N>
struct Table {
  std::array<std::pair<E, std::string_view>, N> rows;
  std::string_view list;
  std::string_view name(E v) const {
    for (const auto& r : rows)
      if (r.first == v) return r.second;
    return "?";
  }
  std::optional<E> find(std::string_view n) const {
    for (const auto& r : rows)
      if (r.second == n) return r.first;
    return std::nullopt;
  }
};

constexpr Table<Scheme, 2> kScheme{{{{Scheme::employee, "employee"}, {Scheme::resident, "resident"}}},
                                   "employee, resident"};
constexpr Table<Person, 7> kPerson{{{{Person::active, "active"},
                                     {Person::retired, "retired"},
                                     {Person::flexible, "flexible"},
                                     {Person::adult, "adult"},
                                     {Person::senior, "senior"},
                                     {Person::child, "child"},
                                     {Person::student, "student"}}},
                                   "active, retired, flexible, adult, senior, child, student"};
constexpr Table<Tier, 3> kTier{{{{Tier::tier1, "tier1"}, {Tier::tier2, "tier2"}, {Tier::tier3, "tier3"}}},
                               "tier1, tier2, tier3"};
constexpr Table<Setting, 3> kSetting{{{{Setting::inpatient, "inpatient"},
                                       {Setting::outpatient, "outpatient"},
                                       {Setting::chronic_outpatient, "chronic_outpatient"}}},
                                     "inpatient, outpatient, chronic_outpatient"};
constexpr Table<HospitalLevel, 4> kLevel{{{{HospitalLevel::primary, "primary"},
                                           {HospitalLevel::level1, "level1"},
                                           {HospitalLevel::level2, "level2"},
                                           {HospitalLevel::level3, "level3"}}},
                                         "primary, level1, level2, level3"};
constexpr Table<ItemClass, 3> kClass{{{{ItemClass::class_a, "class_a"},
                                       {ItemClass::class_b, "class_b"},
                                       {ItemClass::out_of_catalogue, "out_of_catalogue"}}},
                                     "class_a, class_b, out_of_catalogue"};
constexpr Table<Filing, 5> kFiling{{{{Filing::none, "none"},
                                     {Filing::long_term, "long_term"},
                                     {Filing::temporary, "temporary"},
                                     {Filing::referral, "referral"},
                                     {Filing::emergency, "emergency"}}},
                                   "none, long_term, temporary, referral, emergency"};
constexpr Table<SettlementMode, 2> kSettlement{
    {{{SettlementMode::direct, "direct"}, {SettlementMode::manual, "manual"}}}, "direct, manual"};
constexpr Table<EnrolmentStatus, 3> kEnrolment{{{{EnrolmentStatus::active, "active"},
                                                 {EnrolmentStatus::suspended, "suspended"},
                                                 {EnrolmentStatus::lapsed, "lapsed"}}},
                                               "active, suspended, lapsed"};

}  // namespace

std::string_view name_of(Scheme v) { return kScheme.name(v); }
std::string_view name_of(Person v) { return kPerson.name(v); }
std::string_view name_of(Tier v) { return kTier.name(v); }
std::string_view name_of(Setting v) { return kSetting.name(v); }
std::string_view name_of(HospitalLevel v) { return kLevel.name(v); }
std::string_view name_of(ItemClass v) { return kClass.name(v); }
std::string_view name_of(Filing v) { return kFiling.name(v); }
std::string_view name_of(SettlementMode v) { return kSettlement.name(v); }
std::string_view name_of(EnrolmentStatus v) { return kEnrolment.name(v); }

template <>
std::optional<Scheme> from_name<Scheme>(std::string_view n) {
  return kScheme.find(n);
}
template <>
std::optional<Person> from_name<Person>(std::string_view n) {
  return kPerson.find(n);
}
template <>
std::optional<Tier> from_name<Tier>(std::string_view n) {
  return kTier.find(n);
}
template <>
std::optional<Setting> from_name<Setting>(std::string_view n) {
  return kSetting.find(n);
}
template <>
std::optional<HospitalLevel> from_name<HospitalLevel>(std::string_view n) {
  return kLevel.find(n);
}
template <>
std::optional<ItemClass> from_name<ItemClass>(std::string_view n) {
  return kClass.find(n);
}
template <>
std::optional<Filing> from_name<Filing>(std::string_view n) {
  return kFiling.find(n);
}
template <>
std::optional<SettlementMode> from_name<SettlementMode>(std::string_view n) {
  return kSettlement.find(n);
}
template <>
std::optional<EnrolmentStatus> from_name<EnrolmentStatus>(std::string_view n) {
  return kEnrolment.find(n);
}

template <>
std::string_view names_list<Scheme>() {
  return kScheme.list;
}
template <>
std::string_view names_list<Person>() {
  return kPerson.list;
}
template <>
std::string_view names_list<Tier>() {
  return kTier.list;
}
template <>
std::string_view names_list<Setting>() {
  return kSetting.list;
}
template <>
std::string_view names_list<HospitalLevel>() {
  return kLevel.list;
}
template <>
std::string_view names_list<ItemClass>() {
  return kClass.list;
}
template <>
std::string_view names_list<Filing>() {
  return kFiling.list;
}
template <>
std::string_view names_list<SettlementMode>() {
  return kSettlement.list;
}
template <>
std::string_view names_list<EnrolmentStatus>() {
  return kEnrolment.list;
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
