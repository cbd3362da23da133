// A region's policy in force over a date range, as data. Every figure carries the id of the source it was
// copied from. A figure nobody has found is simply absent: lookups return nullptr and the engine reports
// "cannot estimate" for what depends on it.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/core/date.hpp"
#include "engine/core/division.hpp"
#include "engine/core/money.hpp"
#include "engine/core/vocabulary.hpp"

namespace claimcalc {

struct Source {
  std::string id;
  std::string title;
  std::string doc_no;  // 文号
  std::string office;
  std::string date;  // as printed: YYYY-MM-DD, YYYY-MM when the day is not known, or "undated"
  std::string url;
  Confidence confidence = Confidence::official;
  std::string note;
};

// A second source that states the same figure: a secondary figure needs one (two independent pages that agree).
struct Corroboration {
  std::string source_id;
  std::string clause;
  std::string quote;
};

// Where one figure came from: a source id, the clause inside it and the source's own sentence.
struct Citation {
  std::string layer;  // the region id of the file the figure is in (where source_id resolves)
  std::string source_id;
  std::string clause;
  std::string quote;  // verbatim, at most 200 characters; required on every figure
  std::vector<Corroboration> also;
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

// Cross-region care (异地就医): the insured region's own rules for care elsewhere.
struct CrossRegionCondition {
  std::vector<Filing> filings;              // empty: any
  std::optional<CareScope> scope;           // absent: any
  std::vector<Setting> settings;            // empty: any
  std::vector<SettlementMode> settlements;  // empty: any
};

// The fund's ratio for care elsewhere: the local ratio times the multiplier (Shenzhen), less a cut in percentage
// points (Jiangsu), never below zero. First match wins; no match (for example care without filing where no rule
// was found) means the fund's share cannot be estimated. A cut known only as a ceiling (the province allows up to
// N points and the city's own figure was not found) leaves the share unknown too.
struct RatioMultiplier {
  CrossRegionCondition when;
  Ratio multiplier = Ratio::one();
  Ratio cut;                     // percentage points, as a ratio: 5 points = 5%
  std::optional<Ratio> cut_max;  // only a ceiling is known
  bool in_points = false;        // the text states a cut in points (ratio_cuts), not a multiplier
  Citation cite;
};

struct FilingValidity {
  std::vector<Filing> filings;
  // The care the text is written for: 医保发〔2022〕22号 speaks of 跨省 care only, so it does not answer for a
  // filing within the province. Absent: any care elsewhere.
  std::optional<CareScope> scope;
  std::optional<int> months;  // absent: open-ended
  bool at_least = false;      // the text gives a minimum ("不少于6个月"): valid at least that long, maybe longer
  Citation cite;
};

struct CrossRegionPolicy {
  std::vector<RatioMultiplier> ratio_multipliers;
  std::vector<FilingValidity> validity;
  // Whether the critical-illness base leaves out what the multiplier took off the fund's share.
  std::optional<Citation> critical_illness_excludes_reduction;
};

// Processes: what to bring, by when, through which channel.
struct Material {
  std::string id;
  std::string name_zh;
  std::string name_en;
  bool original = true;
  std::string note_zh;
  std::string note_en;
  std::vector<Setting> settings;  // empty: any setting
  Citation cite;
};

struct DeadlineRule {
  std::string id;
  std::string label_zh;
  std::string label_en;
  DeadlineFrom from = DeadlineFrom::expense;
  DeadlineCount count = DeadlineCount::months;
  int n = 0;
  Citation cite;
};

struct Channel {
  std::string name_zh;
  std::string name_en;
  bool online = false;
  std::string note_zh;
  std::string note_en;
  Citation cite;
};

struct ProcessStep {
  std::string text_zh;
  std::string text_en;
  std::optional<CareScope> scope;  // the care its text is written for (医保发〔2022〕22号: 跨省); absent: any
  Citation cite;
};

struct Process {
  std::string title_zh;
  std::string title_en;
  std::vector<ProcessStep> steps;
  std::vector<Material> materials;
  std::vector<DeadlineRule> deadlines;
  std::vector<Channel> channels;
  std::vector<std::pair<std::string, std::string>> not_in_data;  // zh, en: what no source gave (shown, never guessed)
};

// A known cause of a settlement error or a filing failure, with what to do about it.
struct SettlementErrorCause {
  std::string id;
  std::vector<std::string> keywords;  // words of the hospital's message that point to this cause
  std::string title_zh;
  std::string title_en;
  std::string why_zh;
  std::string why_en;
  std::vector<std::pair<std::string, std::string>> actions;  // zh, en
  std::optional<LikelyWhen> likely_when;  // the request situation that makes this cause likely, if any
  std::optional<CareScope> scope;         // the care its cited rule is written for; absent: any
  Citation cite;
};

struct InsuranceYear {
  int start_month = 1;
  int start_day = 1;
  Citation cite;
};

// Which layer a policy file is: national rules apply everywhere, a province's rules to its cities, a city's
// figures override both (docs/policy-format.md).
enum class Layer { national, province, city };

struct Policy {
  std::string region;
  std::string name_zh;
  std::string name_en;
  std::string province;  // the region id of its province's layer (a province file names itself)
  Layer layer = Layer::city;
  std::int32_t region_code = 0;  // GB/T 2260; 0 where the file gives none (national, test fixtures)
  Date effective_from = Date::unchecked(1990, 1, 1);
  std::optional<Date> effective_to;  // exclusive: the next version's effective_from
  std::string last_verified;
  std::vector<Source> sources;
  std::optional<InsuranceYear> insurance_year;
  std::map<Scheme, SchemePolicy> schemes;
  std::optional<CrossRegionPolicy> cross_region;
  std::map<std::string, Process> processes;  // by scenario id: manual_claim, reverse_settlement, ...
  std::vector<SettlementErrorCause> settlement_errors;
  std::string hash;  // sha256 of the policy file's bytes, for the receipt
  // A split build's index entry (region_files.hpp): the header members above only, until its region file is read.
  bool unread = false;

  std::string id() const { return region + "/" + effective_from.iso(); }
  const Source* source(const std::string& id) const;
  bool in_force_on(const Date& d) const;
};

// The rules that apply to an insured place, most specific first: a city inherits its province's rules and the
// national ones, each cited at its own layer; a city's figure overrides. Any may be null.
struct Layers {
  const Policy* city = nullptr;
  const Policy* province = nullptr;
  const Policy* national = nullptr;
  std::array<const Policy*, 3> ordered() const { return {city, province, national}; }
  // The layer a citation belongs to (fallback when none of them is its file).
  const Policy* holding(const Citation& cite, const Policy* fallback) const;
};

// All versions of all regions known to one engine instance.
struct PolicyPack {
  std::vector<Policy> policies;
  DivisionRegistry divisions;  // every city and province, for requests that name a place without a policy
  bool has_region(const std::string& region) const;
  const Policy* in_force(const std::string& region, const Date& date) const;
  // The national rules (region "national") in force on a date, if the pack has them.
  const Policy* national(const Date& date) const { return in_force("national", date); }
  // The newest version of a region, for questions that have no date of care.
  const Policy* latest(const std::string& region) const;
};

}  // namespace claimcalc
