// A region's policy in force over a date range, as data. Every figure carries the id of the source it was
// copied from. A figure nobody has found is simply absent: lookups return nullptr and the engine reports
// "cannot estimate" for what depends on it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/date.hpp"
#include "engine/core/money.hpp"
#include "engine/core/vocabulary.hpp"

namespace claimcalc {

enum class Confidence { official, secondary };

struct Source {
  std::string id;
  std::string title;
  std::string doc_no;  // 文号
  std::string office;
  std::string date;    // as printed (YYYY-MM-DD, or YYYY-MM when the day is not known)
  std::string url;
  Confidence confidence = Confidence::official;
  std::string note;
};

// Where one figure came from: a source id and the clause inside it.
struct Citation {
  std::string source_id;
  std::string clause;
  std::string note;  // the figure's note (limits of the figure, conflicts), shown beside the source
};

// When a figure applies. An empty list or an absent bound matches anything.
struct Condition {
  std::vector<HospitalLevel> levels;
  std::vector<Person> persons;
  std::vector<Tier> tiers;
  std::optional<int> stay_from;  // 1-based index of this inpatient stay in the insurance year
  std::optional<int> stay_to;
  std::optional<int> age_min;
  std::optional<int> age_max;
  // Figures tied to a calendar year inside one policy version (caps set from a year's average wage).
  std::optional<Date> care_from;  // inclusive
  std::optional<Date> care_to;    // inclusive
  // Whether the figure depends on the age: then a request without age cannot pick it.
  bool needs_age() const { return age_min.has_value() || age_max.has_value(); }
  bool needs_tier() const { return !tiers.empty(); }
};

// A ratio that may change with the amount: edges in yuan on the measure the setting names.
struct Band {
  Fen from;
  std::optional<Fen> to;  // absent: no upper edge
  Ratio ratio;
};

enum class BandMeasure {
  stay,  // edges measured on this claim's in-scope cost, counted from zero (deductible inside the first band)
  year,  // edges measured on the insurance year's cumulative in-scope cost
};

template <class V>
struct Figure {
  Condition when;
  V value;
  Citation cite;
  std::string note;
};

struct RatioSchedule {
  std::vector<Band> bands;  // a flat ratio is one band from 0 with no upper edge
  BandMeasure measure = BandMeasure::stay;
};

enum class DeductibleBasis {
  per_stay,  // charged again for each claim (inpatient stay); a lower one for later stays is a figure
  per_year,  // one deductible per insurance year, counted across claims (year_to_date.deductible_paid)
};

struct Disease;

struct SettingPolicy {
  std::vector<Figure<Ratio>> class_b_upfront_share;
  DeductibleBasis deductible_basis = DeductibleBasis::per_stay;
  std::vector<Figure<Fen>> deductible;
  std::vector<Figure<RatioSchedule>> ratio;
  std::vector<Figure<Fen>> annual_cap;   // inpatient/chronic: fund cap; outpatient: outpatient-pool cap
  std::vector<Figure<Fen>> monthly_cap;  // outpatient pools that also cap each month
  std::vector<Disease> diseases;         // chronic_outpatient: per-disease figures override the setting's
};

struct Disease {
  std::string id;
  std::string name_zh;
  std::string name_en;
  std::vector<Figure<Fen>> deductible;
  std::vector<Figure<RatioSchedule>> ratio;
  std::vector<Figure<Fen>> annual_cap;
};

enum class CriticalIllnessPart { deductible, copay, over_cap, class_b_upfront };

struct CriticalIllnessPolicy {
  std::vector<Setting> applies_to;
  std::vector<CriticalIllnessPart> base_parts;  // which parts of the patient's in-scope share count
  std::vector<Figure<RatioSchedule>> ratio;     // bands on the year's cumulative base; below the first: nothing
  std::vector<Figure<Fen>> annual_cap;
};

struct WaitingPeriod {
  int days = 0;
  int months = 0;
  Citation cite;
};

struct SchemePolicy {
  std::vector<Person> persons;
  std::vector<Tier> tiers;  // empty: the region has no contribution grades for this scheme
  std::optional<WaitingPeriod> waiting_period;
  std::map<Setting, SettingPolicy> settings;
  std::optional<CriticalIllnessPolicy> critical_illness;
};

struct InsuranceYear {
  int start_month = 1;
  int start_day = 1;
  Citation cite;
};

struct Policy {
  std::string region;
  std::string name_zh;
  std::string name_en;
  std::string province;
  Date effective_from = Date::unchecked(1990, 1, 1);
  std::optional<Date> effective_to;  // exclusive: the next version's effective_from
  std::string last_verified;
  std::vector<Source> sources;
  std::optional<InsuranceYear> insurance_year;
  std::map<Scheme, SchemePolicy> schemes;
  std::string hash;  // sha256 of the policy file's bytes, for the receipt

  std::string id() const { return region + "/" + effective_from.iso(); }
  const Source* source(const std::string& id) const;
  bool in_force_on(const Date& d) const;
};

// All versions of all regions known to one engine instance.
struct PolicyPack {
  std::vector<Policy> policies;
  bool has_region(const std::string& region) const;
  const Policy* in_force(const std::string& region, const Date& date) const;
};

}  // namespace claimcalc
