// The figures of a scheme: amounts, ratios and bands (with the level-order and retiree checks), settings,
// critical illness and the scheme itself.
#include <array>
#include <map>

#include "engine/codec/policy_parser.hpp"
#include "engine/codec/ratio_order.hpp"

namespace claimcalc::codec {

std::vector<Figure<Fen>> PolicyParser::amounts(const json& obj, std::string_view key, const std::string& path) {
  return figures<Fen>(obj, key, path, {"amount"},
                      [&](const json& f, const std::string& fp) { return r_.money(f, "amount", fp, true); });
}

std::optional<std::vector<Band>> PolicyParser::bands(const json& list, const std::string& path,
                                                     bool must_start_at_zero) {
  std::vector<Band> out;
  if (!r_.expect_array(list, path)) return std::nullopt;
  if (list.empty()) {
    fail(path, "分段不能为空", "bands must not be empty");
    return std::nullopt;
  }
  for (std::size_t i = 0; i < list.size() && !r_.failed(); ++i) {
    const json& b = list[i];
    const std::string bp = r_.index(path, i);
    if (!r_.expect_object(b, bp)) break;
    r_.known_fields(b, bp, {"from", "to", "ratio"});
    Band band;
    band.from = r_.money(b, "from", bp, true).value_or(Fen::zero());
    band.to = r_.money(b, "to", bp, false);
    band.ratio = r_.ratio(b, "ratio", bp, true).value_or(Ratio::zero());
    if (r_.failed()) break;
    if (band.to && *band.to <= band.from)
      fail(bp, "分段上限必须大于下限", "a band's upper edge must be above its lower edge");
    if (i == 0 && must_start_at_zero && band.from != Fen::zero())
      fail(bp, "第一段必须从 0 开始", "the first band must start at 0");
    if (i > 0) {
      const Band& prev = out.back();
      if (!prev.to)
        fail(bp, "无上限的分段之后不能再有分段", "no band may follow one without an upper edge");
      else if (*prev.to != band.from)
        fail(bp, "分段之间不能有空隙或重叠：本段下限应等于上一段上限",
             "bands must not leave gaps or overlap: this band must start where the previous one ends");
    }
    out.push_back(band);
  }
  if (r_.failed()) return std::nullopt;
  return out;
}

std::vector<Figure<RatioSchedule>> PolicyParser::schedules(const json& obj, std::string_view key,
                                                           const std::string& path, bool must_start_at_zero) {
  return figures<RatioSchedule>(
      obj, key, path, {"ratio", "bands", "band_measure"},
      [&](const json& f, const std::string& fp) -> std::optional<RatioSchedule> {
        RatioSchedule s;
        const json* flat = Reader::get(f, "ratio");
        const json* banded = Reader::get(f, "bands");
        if ((flat == nullptr) == (banded == nullptr)) {
          fail(fp, "每项须有且只有 ratio（固定比例）或 bands（分段）之一", "give exactly one of ratio (flat) or bands");
          return std::nullopt;
        }
        if (flat != nullptr) {
          auto ratio = r_.ratio(f, "ratio", fp, true);
          if (!ratio) return std::nullopt;
          s.bands.push_back(Band{Fen::zero(), std::nullopt, *ratio});
        } else {
          auto b = bands(*banded, r_.child(fp, "bands"), must_start_at_zero);
          if (!b) return std::nullopt;
          s.bands = std::move(*b);
        }
        s.measure = r_.enumeration<BandMeasure>(f, "band_measure", fp, false).value_or(BandMeasure::stay);
        return s;
      });
}

// Flat ratios that differ only by hospital level must not rise with the level unless a note says why. Linear in
// the number of figures (a file may hold tens of thousands): figures are grouped by everything but the level, and
// each group keeps the lowest ratio seen at each level.
void PolicyParser::check_level_order(const std::vector<Figure<RatioSchedule>>& list, const std::string& path) {
  constexpr std::size_t kLevels = static_cast<std::size_t>(HospitalLevel::level3) + 1;
  using Lowest = std::array<std::optional<Ratio>, kLevels>;
  const auto checked = [](const Figure<RatioSchedule>& f) {
    return f.value.bands.size() == 1 && f.when.levels.size() == 1 && f.note.empty();
  };
  const auto group_of = [](const Condition& w) {
    std::string key;
    for (auto v : w.persons) key += std::to_string(static_cast<int>(v)) + ",";
    key += ";";
    for (auto v : w.tiers) key += std::to_string(static_cast<int>(v)) + ",";
    for (const auto& v : {w.stay_from, w.age_min, w.age_max}) key += ";" + (v ? std::to_string(*v) : "-");
    return key;
  };
  std::map<std::string, Lowest> groups;
  for (const auto& f : list) {
    if (!checked(f)) continue;
    auto& low = groups[group_of(f.when)][static_cast<std::size_t>(f.when.levels[0])];
    if (!low || f.value.bands[0].ratio < *low) low = f.value.bands[0].ratio;
  }
  for (std::size_t j = 0; j < list.size(); ++j) {
    const auto& b = list[j];
    if (!checked(b)) continue;
    const Lowest& low = groups[group_of(b.when)];
    for (std::size_t level = 0; level < static_cast<std::size_t>(b.when.levels[0]); ++level) {
      if (low[level] && *low[level] < b.value.bands[0].ratio) {
        fail(r_.index(path, j), "较高等级医院的支付比例高于较低等级，且未加 note 说明",
             "the ratio at a higher hospital level is above a lower level's, without a note explaining why");
        return;
      }
    }
  }
}

SettingPolicy PolicyParser::setting(const json& obj, const std::string& path, bool chronic) {
  SettingPolicy s;
  if (!r_.expect_object(obj, path)) return s;
  r_.known_fields(obj, path,
                  {"class_b_upfront_share", "deductible_basis", "deductible", "ratio", "annual_cap", "monthly_cap",
                   "diseases", "note"});
  s.class_b_upfront_share =
      figures<Ratio>(obj, "class_b_upfront_share", path, {"ratio"},
                     [&](const json& f, const std::string& fp) { return r_.ratio(f, "ratio", fp, true); });
  s.deductible_basis =
      r_.enumeration<DeductibleBasis>(obj, "deductible_basis", path, false).value_or(DeductibleBasis::per_stay);
  s.deductible = amounts(obj, "deductible", path);
  s.ratio = schedules(obj, "ratio", path, true);
  if (!r_.failed()) check_level_order(s.ratio, r_.child(path, "ratio"));
  if (!r_.failed()) {
    if (auto problem = check_retiree_order(s.ratio))
      fail(r_.index(r_.child(path, "ratio"), problem->index), problem->zh, problem->en);
  }
  s.annual_cap = amounts(obj, "annual_cap", path);
  s.monthly_cap = amounts(obj, "monthly_cap", path);
  if (const json* list = Reader::get(obj, "diseases")) {
    const std::string p = r_.child(path, "diseases");
    if (!chronic) fail(p, "只有 chronic_outpatient 可以列出病种", "only chronic_outpatient may list diseases");
    if (r_.expect_array(*list, p)) {
      for (std::size_t i = 0; i < list->size() && !r_.failed(); ++i) {
        const json& d = (*list)[i];
        const std::string dp = r_.index(p, i);
        if (!r_.expect_object(d, dp)) break;
        r_.known_fields(d, dp, {"id", "name_zh", "name_en", "deductible", "ratio", "annual_cap", "note"});
        Disease dis;
        dis.id = r_.text(d, "id", dp, true, 64).value_or("");
        dis.name_zh = r_.text(d, "name_zh", dp, true, kMaxPolicyText).value_or("");
        dis.name_en = r_.text(d, "name_en", dp, false, kMaxPolicyText).value_or("");
        dis.deductible = amounts(d, "deductible", dp);
        dis.ratio = schedules(d, "ratio", dp, true);
        dis.annual_cap = amounts(d, "annual_cap", dp);
        s.diseases.push_back(std::move(dis));
      }
    }
  }
  return s;
}

std::optional<CriticalIllnessPolicy> PolicyParser::critical_illness(const json& obj, const std::string& path) {
  CriticalIllnessPolicy ci;
  if (!r_.expect_object(obj, path)) return std::nullopt;
  r_.known_fields(obj, path, {"applies_to", "base_parts", "ratio", "annual_cap", "note"});
  ci.applies_to = r_.enum_list<Setting>(obj, "applies_to", path);
  if (ci.applies_to.empty() && !r_.failed())
    fail(r_.child(path, "applies_to"), "applies_to 不能缺少或为空：大病保险总要适用于某种就医",
         "applies_to must name at least one setting: otherwise the critical-illness insurance never applies");
  if (Reader::get(obj, "base_parts") == nullptr)
    fail(r_.child(path, "base_parts"), "缺少 base_parts", "base_parts is missing");
  ci.base_parts = r_.enum_list<CriticalIllnessPart>(obj, "base_parts", path);
  ci.ratio = schedules(obj, "ratio", path, false);
  ci.annual_cap = amounts(obj, "annual_cap", path);
  return ci;
}

SchemePolicy PolicyParser::scheme(const json& obj, const std::string& path) {
  SchemePolicy s;
  if (!r_.expect_object(obj, path)) return s;
  r_.known_fields(obj, path,
                  {"persons", "tiers", "waiting_period", "inpatient", "outpatient", "chronic_outpatient",
                   "critical_illness", "note"});
  s.persons = r_.enum_list<Person>(obj, "persons", path);
  // persons may be left to the province's layer (docs/policy-format.md, Layers).
  s.tiers = r_.enum_list<Tier>(obj, "tiers", path);
  if (const json* w = Reader::get(obj, "waiting_period")) {
    const std::string wp = r_.child(path, "waiting_period");
    if (r_.expect_object(*w, wp)) {
      r_.known_fields(*w, wp, {"months", "days", "source", "clause", "quote", "also", "note"});
      WaitingPeriod wait;
      wait.months = static_cast<int>(r_.integer(*w, "months", wp, false, 0, 120).value_or(0));
      wait.days = static_cast<int>(r_.integer(*w, "days", wp, false, 0, 3650).value_or(0));
      wait.cite = citation(*w, wp, true);
      wait.cite.note = r_.text(*w, "note", wp, false, kMaxPolicyText).value_or("");
      s.waiting_period = wait;
    }
  }
  for (Setting st : {Setting::inpatient, Setting::outpatient, Setting::chronic_outpatient}) {
    if (const json* v = Reader::get(obj, name_of(st))) {
      s.settings[st] = setting(*v, r_.child(path, name_of(st)), st == Setting::chronic_outpatient);
    }
  }
  if (const json* v = Reader::get(obj, "critical_illness")) {
    s.critical_illness = critical_illness(*v, r_.child(path, "critical_illness"));
  }
  return s;
}

}  // namespace claimcalc::codec
