// cross_region: the ratio multipliers or cuts for care elsewhere, filing validity, and whether critical illness
// leaves out the reduction.
#include "engine/codec/policy_parser.hpp"

namespace claimcalc::codec {

CrossRegionCondition PolicyParser::cross_condition(const json& obj, const std::string& path) {
  CrossRegionCondition c;
  const json* w = Reader::get(obj, "when");
  if (w == nullptr) return c;
  const std::string p = r_.child(path, "when");
  if (!r_.expect_object(*w, p)) return c;
  r_.known_fields(*w, p, {"filing", "scope", "setting", "settlement"});
  c.filings = r_.enum_list<Filing>(*w, "filing", p);
  c.settings = r_.enum_list<Setting>(*w, "setting", p);
  c.settlements = r_.enum_list<SettlementMode>(*w, "settlement", p);
  c.scope = r_.enumeration<CareScope>(*w, "scope", p, false);
  return c;
}

// Percentage points as a decimal string, "5" or "2.5": read as a ratio of that many percent.
std::optional<Ratio> PolicyParser::points(const json& obj, std::string_view key, const std::string& path) {
  auto t = r_.text(obj, key, path, true, 16);
  if (!t) return std::nullopt;
  const json as_percent = json::object({{std::string(key), *t + "%"}});
  return r_.ratio(as_percent, key, path, true);
}

CrossRegionPolicy PolicyParser::cross_region(const json& obj, const std::string& path) {
  CrossRegionPolicy c;
  if (!r_.expect_object(obj, path)) return c;
  r_.known_fields(obj, path,
                  {"ratio_multipliers", "ratio_cuts", "validity", "critical_illness_excludes_reduction", "note"});
  if (Reader::get(obj, "ratio_multipliers") != nullptr && Reader::get(obj, "ratio_cuts") != nullptr)
    fail(r_.child(path, "ratio_cuts"), "ratio_multipliers 与 ratio_cuts 只能用一种：按原文的写法选择",
         "give either ratio_multipliers or ratio_cuts, as the text states the rule, not both");
  c.ratio_multipliers = list_of<RatioMultiplier>(obj, "ratio_cuts", path, [&](const json& m, const std::string& mp) {
    RatioMultiplier rm;
    rm.in_points = true;
    if (!r_.expect_object(m, mp)) return rm;
    r_.known_fields(m, mp, {"when", "points", "points_max", "source", "clause", "quote", "also", "note"});
    rm.when = cross_condition(m, mp);
    const bool exact = Reader::get(m, "points") != nullptr;
    if (exact == (Reader::get(m, "points_max") != nullptr)) {
      fail(mp, "每项须有且只有 points（降低的百分点）或 points_max（原文只给上限）之一",
           "give exactly one of points (the cut in percentage points) or points_max (the text gives only a ceiling)");
      return rm;
    }
    auto pts = points(m, exact ? "points" : "points_max", mp);
    if (!pts) return rm;
    if (exact) {
      rm.cut = *pts;
    } else {
      rm.cut_max = *pts;
    }
    rm.cite = citation(m, mp, true);
    rm.cite.note = r_.text(m, "note", mp, false, kMaxPolicyText).value_or("");
    return rm;
  });
  if (c.ratio_multipliers.empty()) {
    c.ratio_multipliers =
        list_of<RatioMultiplier>(obj, "ratio_multipliers", path, [&](const json& m, const std::string& mp) {
          RatioMultiplier rm;
          if (!r_.expect_object(m, mp)) return rm;
          r_.known_fields(m, mp, {"when", "multiplier", "source", "clause", "quote", "also", "note"});
          rm.when = cross_condition(m, mp);
          rm.multiplier = r_.ratio(m, "multiplier", mp, true).value_or(Ratio::zero());
          rm.cite = citation(m, mp, true);
          rm.cite.note = r_.text(m, "note", mp, false, kMaxPolicyText).value_or("");
          return rm;
        });
  }
  c.validity = list_of<FilingValidity>(obj, "validity", path, [&](const json& v, const std::string& vp) {
    FilingValidity fv;
    if (!r_.expect_object(v, vp)) return fv;
    r_.known_fields(v, vp, {"filing", "scope", "months", "at_least", "source", "clause", "quote", "also", "note"});
    fv.filings = r_.enum_list<Filing>(v, "filing", vp);
    if (auto m = r_.integer(v, "months", vp, false, 1, 1200)) fv.months = static_cast<int>(*m);
    fv.at_least = r_.boolean(v, "at_least", vp, false).value_or(false);
    fv.scope = r_.enumeration<CareScope>(v, "scope", vp, false);
    fv.cite = citation(v, vp, true);
    return fv;
  });
  if (const json* ex = Reader::get(obj, "critical_illness_excludes_reduction")) {
    const std::string p = r_.child(path, "critical_illness_excludes_reduction");
    if (r_.expect_object(*ex, p)) {
      r_.known_fields(*ex, p, {"source", "clause", "quote", "also", "note"});
      c.critical_illness_excludes_reduction = citation(*ex, p);
    }
  }
  return c;
}

}  // namespace claimcalc::codec
