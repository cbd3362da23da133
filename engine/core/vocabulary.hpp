// The closed vocabularies of GLOSSARY.md, one enum each, and their names (the same in C++, JSON and UI).
#pragma once

#include <optional>
#include <string_view>

namespace claimcalc {

enum class Scheme { employee, resident };
enum class Person { active, retired, flexible, adult, senior, child, student };
enum class Tier { tier1, tier2, tier3 };
enum class Setting { inpatient, outpatient, chronic_outpatient };
enum class HospitalLevel { primary, level1, level2, level3 };
enum class ItemClass { class_a, class_b, out_of_catalogue };
enum class Filing { none, long_term, temporary, referral, emergency };
enum class SettlementMode { direct, manual };
enum class EnrolmentStatus { active, suspended, lapsed };

// name <-> enum. from_name returns nullopt for anything outside the list.
std::string_view name_of(Scheme v);
std::string_view name_of(Person v);
std::string_view name_of(Tier v);
std::string_view name_of(Setting v);
std::string_view name_of(HospitalLevel v);
std::string_view name_of(ItemClass v);
std::string_view name_of(Filing v);
std::string_view name_of(SettlementMode v);
std::string_view name_of(EnrolmentStatus v);

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

template <class E>
std::optional<E> from_name(std::string_view name);

// The list of names of an enum, for error messages ("expected one of ...").
template <class E>
std::string_view names_list();

}  // namespace claimcalc
