// The closed vocabularies of docs/glossary.md, one enum each, and their names (the same in C++, JSON and UI).
// Requests use the first nine; policy files use them and the rest. tests/unit/glossary_test.cpp checks that every
// name is in the glossary.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimcalc {

enum class Scheme { employee, resident };
enum class Person { active, retired, flexible, adult, senior, child, student };
enum class Tier { tier1, tier2, tier3 };
enum class Setting { inpatient, outpatient, chronic_outpatient };
enum class HospitalLevel { primary, level1, level2, level3 };
enum class ItemClass { class_a, class_b, out_of_catalogue };
enum class Filing { none, long_term, temporary, referral, emergency };
enum class SettlementMode { direct, manual_claim };
enum class EnrolmentStatus { active, suspended, lapsed };

// How far a source can be trusted: its official text, or a secondary copy of it.
enum class Confidence { official, secondary };

// What a ratio band's edges are measured on.
enum class BandMeasure {
  stay,  // this claim's in-scope cost, counted from zero (deductible inside the first band)
  year,  // the insurance year's cumulative in-scope cost
};

enum class DeductibleBasis {
  per_stay,  // charged again for each claim (inpatient stay); a lower one for later stays is a figure
  per_year,  // one deductible per insurance year, counted across claims (year_to_date.deductible_paid)
};

// Which inpatient stay of the insurance year a figure applies to.
enum class StayOrder { first, later };

// The parts of the patient's in-scope share that may count toward critical illness.
enum class CriticalIllnessPart { deductible, copay, over_cap, class_b_upfront };

// Care elsewhere: inside or outside the insured region's province.
enum class CareScope { in_province, out_of_province };

enum class DeadlineFrom {
  expense,  // the expense date: the discharge date for a stay, the date of care otherwise
  date_of_care,
  discharge,
  enrolment,
};
enum class DeadlineCount {
  calendar_days,  // start day not counted: the last day is the start + n days
  months,         // the corresponding day n months on, or the month's last day when there is none
};

// A process channel: online, or at a counter.
enum class ChannelKind { online, offline };

// A request situation that makes a settlement-error cause likely (a cause names one in its data as likely_when;
// engine/core/diagnosis.cpp evaluates each against the request).
enum class LikelyWhen { unfiled_elsewhere, filing_expired, enrolment_not_active };

// name <-> enum, one table per enum in vocabulary.cpp. from_name returns nullopt for anything outside the list.
template <class E>
struct Vocabulary {
  static std::string_view name(E v);
  static std::optional<E> find(std::string_view name);
  static std::vector<std::string_view> names();
};

template <class E>
std::string_view name_of(E v) {
  return Vocabulary<E>::name(v);
}
template <class E>
std::optional<E> from_name(std::string_view name) {
  return Vocabulary<E>::find(name);
}
// The names of an enum joined with ", ", for error messages ("expected one of ...").
template <class E>
std::string names_list() {
  std::string out;
  for (const auto n : Vocabulary<E>::names()) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

// Every vocabulary by the JSON field (or list) it is used in, for the glossary check and for callers that offer
// the choices (the page's selects).
struct NamedVocabulary {
  std::string_view field;
  std::vector<std::string_view> names;
};
std::vector<NamedVocabulary> all_vocabularies();

// UI labels (the glossary's 中文 column, and English), used by step texts and by the `vocabulary` operation, so
// the page and the engine say the same words.
std::string_view label_zh(Scheme v);
std::string_view label_en(Scheme v);
std::string_view label_en(Tier v);
std::string_view label_en(ItemClass v);
std::string_view label_zh(Filing v);
std::string_view label_en(Filing v);
std::string_view label_zh(SettlementMode v);
std::string_view label_en(SettlementMode v);
std::string_view label_zh(Person v);
std::string_view label_zh(Tier v);
std::string_view label_zh(Setting v);
std::string_view label_zh(HospitalLevel v);
std::string_view label_zh(ItemClass v);
std::string_view label_en(HospitalLevel v);
std::string_view label_en(Setting v);
std::string_view label_en(Person v);

}  // namespace claimcalc
