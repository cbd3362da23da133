// The all-regions sweep: every insured place the built-in pack covers (each city file's versions, and for each
// province layer a city of that province without a file of its own) estimates one standard bill for every scheme,
// person type, tier, hospital level, setting and disease the data lists, cared for at home, in another city of the
// province and in another province. Each answer is a figure, a range or a cannot_estimate that names the missing
// figure: never an error, and never a figure without the cited step it comes from. The places come from the data.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "engine/core/layered_rules.hpp"
#include "engine/core/region_resolve.hpp"
#include "engine/core/vocabulary.hpp"
#include "tests/unit/support.hpp"

using test::json;

namespace {

const json& vocabulary() {
  static const json v = json::parse(test::builtin_engine().call(R"({"op":"vocabulary"})")).at("result");
  return v;
}

std::vector<std::string> names(const char* list) {
  std::vector<std::string> out;
  for (const auto& c : vocabulary().at(list)) out.push_back(c.at("name").get<std::string>());
  return out;
}

bool has_file(std::int32_t code) {
  for (const auto& p : test::builtin_pack().policies)
    if (p.region_code == code) return true;
  return false;
}

// A city of the registry without a policy file: in the province (same == true) or outside it; 0 if none.
std::int32_t city_without_file(std::int32_t province, bool same, std::int32_t other_than) {
  for (const auto& d : test::builtin_pack().divisions) {
    if (!d.city_level || d.province_level || d.code == other_than || has_file(d.code)) continue;
    if ((d.province_code() == province) == same) return d.code;
  }
  return 0;
}

struct Place {
  std::string insured;  // pack id or code, as a request names it
  std::int32_t province = 0;
  claimcalc::Date date;  // a date of care inside the version
};

std::vector<Place> places() {
  std::vector<Place> out;
  for (const auto& p : test::builtin_pack().policies) {
    if (p.layer == claimcalc::Layer::city) out.push_back({p.region, p.region_code / 10000 * 10000, p.effective_from});
    if (p.layer == claimcalc::Layer::province) {
      const std::int32_t city = city_without_file(p.region_code, true, 0);
      REQUIRE(city != 0);
      out.push_back({std::to_string(city), p.region_code, p.effective_from});
    }
  }
  return out;
}

json standard_bill() {
  return json::array({json{{"name", "床位费"}, {"class", "class_a"}, {"quantity", 8}, {"unit_price", "60.00"}},
                      json{{"name", "药品"}, {"class", "class_a"}, {"amount", "7320.50"}},
                      json{{"name", "耗材"}, {"class", "class_b"}, {"amount", "2000.00"}, {"selfpay_ratio", "10%"}},
                      json{{"name", "陪护床"}, {"class", "out_of_catalogue"}, {"amount", "300.00"}}});
}

// Which unknown parts account for a null split part (the part itself, or one it is computed from).
const std::map<std::string, std::set<std::string>> kExplainedBy = {
    {"class_b_upfront", {"class_b_upfront", "in_scope"}},
    {"in_scope", {"in_scope"}},
    {"deductible_applied", {"in_scope", "fund_paid"}},
    {"fund_paid", {"in_scope", "fund_paid"}},
    {"critical_illness_paid", {"in_scope", "fund_paid", "critical_illness_paid"}},
    {"self_pay", {"in_scope", "fund_paid", "critical_illness_paid"}},
    {"patient_pays", {"in_scope", "fund_paid", "critical_illness_paid"}},
};

bool cited_step(const json& result, const char* rule) {
  for (const auto& s : result.at("steps")) {
    if (s.at("rule") != rule || !s.at("source").is_object()) continue;
    const json& src = s.at("source");
    if (src.contains("quote") && !src.at("quote").get<std::string>().empty()) return true;
  }
  return false;
}

bool step(const json& result, const char* rule) {
  for (const auto& s : result.at("steps"))
    if (s.at("rule") == rule) return true;
  return false;
}

// Returns how many split parts came out as a figure or a range.
int check_answer(const json& request, const json& envelope) {
  INFO(request.dump());
  REQUIRE_MESSAGE(envelope.at("ok") == true, envelope.dump());
  const json& r = envelope.at("result");
  std::set<std::string> unknown;
  for (const auto& u : r.at("cannot_estimate")) {
    CHECK(!u.at("needs").get<std::string>().empty());
    CHECK(!u.at("reason_zh").get<std::string>().empty());
    unknown.insert(u.at("part").get<std::string>());
  }
  int known = 0;
  for (const auto& [part, by] : kExplainedBy) {
    const json& v = r.at("split").at(part);
    if (v.is_null()) {
      const bool named = std::any_of(by.begin(), by.end(), [&](const std::string& p) { return unknown.count(p); });
      CHECK_MESSAGE(named, part << " is null and no cannot_estimate names why");
      continue;
    }
    ++known;
    if (v.is_object()) {  // a range says why it is one
      CHECK(!v.at("reasons").empty());
      for (const auto& reason : v.at("reasons")) CHECK(!reason.at("needs").get<std::string>().empty());
    }
  }
  // An exact benefit figure always stands on a quoted policy figure (a range's ends are settlements of their own,
  // whose reasons are checked above), unless the fund pays nothing for a cited reason.
  const bool nothing_due = step(r, "waiting_period") || step(r, "enrolment_not_active");
  const json& split = r.at("split");
  if (split.at("deductible_applied").is_string() && !nothing_due)
    CHECK_MESSAGE(cited_step(r, "deductible"), "deductible_applied without a quoted deductible figure");
  if (split.at("fund_paid").is_string() && !nothing_due) {
    CHECK_MESSAGE(cited_step(r, "ratio_band"), "fund_paid without a quoted ratio figure");
    if (request.contains("care_region"))
      CHECK_MESSAGE(cited_step(r, "cross_region"), "care elsewhere priced without a quoted cross-region rule");
  }
  return known;
}

}  // namespace

TEST_CASE("sweep: every place the pack covers answers every scheme, person, level and setting it lists") {
  const auto all_places = places();
  REQUIRE(all_places.size() >= test::builtin_pack().policies.size() - 1);  // every file but the national one
  int answers = 0, figures = 0;
  std::set<std::string> priced;  // places with at least one benefit figure
  for (const Place& place : all_places) {
    const claimcalc::Layers layers = claimcalc::layers_for(place.insured, test::builtin_pack(), &place.date);
    REQUIRE((layers.city != nullptr || layers.province != nullptr));
    const std::int32_t home = place.province;
    // Care elsewhere: a city of the same province (none for a municipality) and one of another province.
    std::vector<json> cares{json::object()};
    if (const std::int32_t near = city_without_file(home, true, std::atoi(place.insured.c_str())); near != 0)
      cares.push_back({{"care_region", std::to_string(near)}, {"filing", "none"}, {"settlement", "direct"}});
    for (const char* filing : {"temporary", "long_term", "referral", "emergency"}) {
      cares.push_back({{"care_region", std::to_string(city_without_file(home, false, 0))},
                       {"filing", filing},
                       {"filing_date", place.date.iso()},
                       {"settlement", "direct"}});
    }
    for (const auto& scheme_name : names("schemes")) {
      claimcalc::LayeredRules rules;
      const claimcalc::Scheme scheme = claimcalc::from_name<claimcalc::Scheme>(scheme_name).value();
      claimcalc::layered_rules(layers, scheme, claimcalc::Setting::inpatient, rules);
      std::vector<std::string> persons, tiers;
      if (rules.scheme != nullptr) {
        for (auto p : rules.scheme->persons) persons.emplace_back(claimcalc::name_of(p));
        for (auto t : rules.scheme->tiers) tiers.emplace_back(claimcalc::name_of(t));
      }
      if (rules.scheme == nullptr) persons = names("persons");  // nothing listed: every type gets an honest answer
      if (tiers.empty()) tiers.emplace_back();
      for (const auto& setting_name : names("settings")) {
        claimcalc::LayeredRules for_setting;
        const claimcalc::Setting setting = claimcalc::from_name<claimcalc::Setting>(setting_name).value();
        claimcalc::layered_rules(layers, scheme, setting, for_setting);
        std::vector<std::string> diseases{""};
        if (for_setting.setting != nullptr && !for_setting.setting->diseases.empty()) {
          diseases.clear();
          for (const auto& d : for_setting.setting->diseases) diseases.push_back(d.id);
        }
        for (const auto& person : persons)
          for (const auto& tier : tiers)
            for (const auto& level : names("levels"))
              for (const auto& disease : diseases)
                for (const auto& care : cares) {
                  json req{{"insured_region", place.insured},  {"scheme", scheme_name},   {"person", person},
                           {"setting", setting_name},          {"hospital_level", level}, {"detail", "full"},
                           {"date_of_care", place.date.iso()}, {"items", standard_bill()}};
                  if (!tier.empty()) req["tier"] = tier;
                  if (!disease.empty()) req["disease"] = disease;
                  req.update(care);
                  const json answer = test::estimate(test::builtin_engine(), req);
                  figures += check_answer(req, answer);
                  ++answers;
                  if (!answer["result"]["split"]["fund_paid"].is_null()) priced.insert(place.insured);
                }
      }
    }
  }
  MESSAGE("sweep: " << all_places.size() << " places, " << answers << " answers, " << figures
                    << " split parts with a figure or range, " << priced.size() << " places priced");
  CHECK(answers > 1000);
  // The sweep must reach the arithmetic, not only the refusals: most city files price some bill.
  CHECK(priced.size() >= 3);
}
