// A claim request as the engine sees it: already parsed and range-checked by the codec.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/core/date.hpp"
#include "engine/core/money.hpp"
#include "engine/core/vocabulary.hpp"

namespace claimcalc {

// "texts": the languages an answer's sentences come in (warnings, cannot_estimate and range reasons, steps, next
// questions). A bit per language, so the writers ask has(texts, Texts::zh); the codes stay in every choice.
enum class Texts : unsigned char { none = 0, zh = 1, en = 2, both = 3 };
constexpr bool has(Texts texts, Texts language) {
  return (static_cast<unsigned>(texts) & static_cast<unsigned>(language)) != 0;
}

struct BillItem {
  std::string name;
  std::string code;                           // national code, optional
  ItemClass item_class = ItemClass::class_a;  // as the bill (the care region's catalogue) classes it
  std::optional<ItemClass> insured_class;     // as the insured region's catalogue classes it, if different
  Fen amount;                                 // quantity x unit price when those were given
  std::optional<Fen> unit_price;
  std::optional<std::int64_t> quantity;
  std::optional<Fen> price_ceiling;    // per unit (支付标准); the excess is self-funded
  std::optional<Ratio> selfpay_ratio;  // 自付比例 printed on the bill; overrides the class default
};

struct YearToDate {
  std::optional<int> stays;  // prior inpatient stays in the insurance year; absent: not said
  Fen deductible_paid;
  Fen in_scope;
  Fen fund_paid;
  Fen critical_illness_base;
  Fen critical_illness_paid;
  Fen outpatient_pool_paid;
  Fen outpatient_pool_paid_this_month;
  Fen disease_fund_paid;  // chronic outpatient: what the fund paid this year for this disease (its own cap)
  // Which amounts the request gave: an absent one is zero in the figures above, and the engine says so (or gives a
  // range) wherever the result depends on it.
  struct Given {
    bool deductible_paid = false, in_scope = false, fund_paid = false, critical_illness_base = false,
         critical_illness_paid = false, outpatient_pool_paid = false, outpatient_pool_paid_this_month = false,
         disease_fund_paid = false;
  } given;
};

struct Claim {
  std::string insured_region;
  std::string care_region;
  Scheme scheme = Scheme::employee;
  std::optional<Person> person;
  std::optional<Tier> tier;
  std::optional<int> age;
  Setting setting = Setting::inpatient;
  std::string disease;
  std::optional<HospitalLevel> hospital_level;
  Date date_of_care = Date::unchecked(2025, 1, 1);
  std::optional<Date> discharge_date;
  Filing filing = Filing::none;
  bool filing_given = false;
  bool settlement_given = false;
  std::string care_province;  // when the care region has no policy data here: its province id
  // Set by resolve_claim_places from the registry (0: unknown, e.g. a pack without registry entries).
  std::int32_t insured_province_code = 0;
  std::int32_t care_province_code = 0;
  std::string care_name_zh;  // the care region as shown to people (北京市), when resolved
  std::optional<Date> filing_date;
  SettlementMode settlement = SettlementMode::direct;
  EnrolmentStatus enrolment_status = EnrolmentStatus::active;
  bool enrolment_status_given = false;
  std::optional<Date> enrolment_date;  // start (or restart after a lapse) of the current enrolment
  YearToDate year_to_date;
  std::vector<BillItem> items;
  bool items_are_totals = false;  // the request gave totals by class, not a bill
  bool bill_given = true;         // false: no items and no totals (a question about the process, not the amounts)
  // "detail": "figures" clears it: steps keep their figures and sources (the secondary-source warning reads them)
  // but get no sentences, which are most of the cost of an answer.
  bool step_texts = true;
  // The writers print the sentences of these languages only, so the engine composes those of the steps, of what
  // cannot be estimated and of the secondary-source warning in them alone (the others stay empty); every code,
  // figure and list is the same in every choice.
  Texts texts = Texts::both;
};

}  // namespace claimcalc
