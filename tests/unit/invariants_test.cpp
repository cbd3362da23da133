// Properties that hold for every request, checked over generated requests on the real and fixture packs.
#include <doctest/doctest.h>

#include <optional>
#include <random>

#include "support.hpp"

using test::json;

namespace {

std::int64_t fen(const json& v) {
  const std::string s = v.get<std::string>();
  const auto dot = s.find('.');
  return std::stoll(s.substr(0, dot)) * 100 + std::stoll(s.substr(dot + 1));
}

std::string yuan(std::int64_t f) {
  std::string cents = std::to_string(f % 100);
  return std::to_string(f / 100) + "." + (cents.size() == 1 ? "0" + cents : cents);
}

struct Region {
  const claimcalc::api::Engine* engine;
  const char* id;
  const char* date;
  bool has_tiers;
};

json generate(std::mt19937& rng, const Region& region) {
  auto pick = [&](std::initializer_list<const char*> xs) {
    std::uniform_int_distribution<std::size_t> d(0, xs.size() - 1);
    return *(xs.begin() + d(rng));
  };
  std::uniform_int_distribution<std::int64_t> amount(1, 5'000'000);  // 0.01 to 50,000 yuan
  json r;
  r["insured_region"] = region.id;
  r["scheme"] = "employee";
  r["person"] = pick({"active", "retired"});
  if (region.has_tiers) r["tier"] = pick({"tier1", "tier2"});
  r["setting"] = pick({"inpatient", "inpatient", "outpatient"});
  r["hospital_level"] = pick({"primary", "level1", "level2", "level3"});
  r["date_of_care"] = region.date;
  // A third of the requests are care elsewhere, with every filing type and both settlements.
  if (rng() % 3 == 0) {
    r["care_region"] = pick({"广州", "深圳市", "北京"});
    if (r["care_region"] == "北京") r["care_province"] = "北京市";
    r["filing"] = pick({"none", "long_term", "temporary", "referral", "emergency"});
    r["settlement"] = pick({"direct", "manual_claim"});
    r["discharge_date"] = region.date;
  }
  r["year_to_date"] = {{"stays", static_cast<int>(rng() % 3)},
                       {"deductible_paid", yuan(amount(rng) % 100000)},
                       {"fund_paid", yuan(amount(rng) * 4)},
                       {"critical_illness_base", yuan(amount(rng))}};
  r["items"] = json::array();
  const int n = 1 + static_cast<int>(rng() % 8);
  for (int i = 0; i < n; ++i) {
    json item{{"name", "item" + std::to_string(i)},
              {"class", pick({"class_a", "class_a", "class_b", "out_of_catalogue"})},
              {"amount", yuan(amount(rng))}};
    if (item["class"] == "class_b") item["selfpay_ratio"] = pick({"5%", "10%", "20%"});
    r["items"].push_back(item);
  }
  return r;
}

// The ends of a figure: exact (both the same), a range (an open end absent), or unknown (both absent).
struct Ends {
  std::optional<std::int64_t> low, high;
};
Ends ends(const json& v) {
  if (v.is_null()) return {};
  if (v.is_string()) return {fen(v), fen(v)};
  Ends e;
  if (!v.at("low").is_null()) e.low = fen(v["low"]);
  if (!v.at("high").is_null()) e.high = fen(v["high"]);
  return e;
}

void check_parts(const json& r) {
  REQUIRE_MESSAGE(r["ok"] == true, r.dump());
  const json& s = r["result"]["split"];
  std::int64_t items_total = 0;
  for (const auto& it : r["result"]["items"]) items_total += fen(it["total"]);
  CHECK(items_total == fen(s["total"]));
  CHECK(fen(s["self_funded"]) == fen(s["out_of_catalogue"]) + fen(s["over_ceiling"]));
  for (const char* part : {"class_b_upfront", "in_scope", "deductible_applied", "fund_paid", "critical_illness_paid",
                           "self_pay", "patient_pays"}) {
    const Ends e = ends(s[part]);
    const std::string part_name = part;
    CAPTURE(part_name);
    if (s[part].is_object()) {
      CHECK((e.low || e.high));  // both ends open is written as null
      CHECK_FALSE(s[part]["reasons"].empty());
    }
    if (e.low && e.high) CHECK(*e.low <= *e.high);
    if (s[part].is_object() && e.low && e.high) CHECK(*e.low < *e.high);  // an equal range is written exact
  }
  // Independent of the split's own arithmetic: the items' in-scope amounts add up to the split's.
  if (s["in_scope"].is_string()) {
    std::int64_t items_in_scope = 0;
    for (const auto& it : r["result"]["items"]) items_in_scope += fen(it["in_scope"]);
    CHECK(items_in_scope == fen(s["in_scope"]));
  }
  // The band steps' fund amounts add up to the fund before caps (the first cap step's "before").
  std::int64_t bands = 0;
  bool any_band = false;
  std::optional<std::int64_t> before_caps;
  for (const auto& step : r["result"]["steps"]) {
    if (step["rule"] == "ratio_band") {
      bands += fen(step["amounts"]["fund"]);
      any_band = true;
    }
    if ((step["rule"] == "annual_cap" || step["rule"] == "monthly_cap") && !before_caps)
      before_caps = fen(step["amounts"]["before"]);
  }
  if (any_band && before_caps) CHECK(bands == *before_caps);
  if (any_band && !before_caps && s["fund_paid"].is_string()) CHECK(bands == fen(s["fund_paid"]));
  if (!s["fund_paid"].is_string() || !s["patient_pays"].is_string()) return;
  const std::int64_t ci = s["critical_illness_paid"].is_null() ? 0 : fen(s["critical_illness_paid"]);
  CHECK(fen(s["fund_paid"]) + ci + fen(s["patient_pays"]) == fen(s["total"]));
  CHECK(fen(s["fund_paid"]) >= 0);
  CHECK(fen(s["fund_paid"]) <= fen(s["in_scope"]));
  CHECK(ci <= fen(s["in_scope"]) + fen(s["class_b_upfront"]) - fen(s["fund_paid"]));
  CHECK(fen(s["patient_pays"]) >= fen(s["self_funded"]));
  CHECK(fen(s["total"]) ==
        fen(s["out_of_catalogue"]) + fen(s["over_ceiling"]) + fen(s["class_b_upfront"]) + fen(s["in_scope"]));
}

// Each end of a range holds what the exact answer becomes once the missing figure is supplied.
void check_contains(const json& ranged, const json& exact) {
  for (const char* part :
       {"in_scope", "deductible_applied", "fund_paid", "critical_illness_paid", "self_pay", "patient_pays"}) {
    const std::string part_name = part;
    CAPTURE(part_name);
    const Ends r = ends(ranged["result"]["split"][part]);
    const Ends x = ends(exact["result"]["split"][part]);
    if (!x.low || !x.high || *x.low != *x.high) continue;  // the supplied answer is itself open
    if (!r.low && !r.high) continue;
    if (r.low) CHECK(*r.low <= *x.low);
    if (r.high) CHECK(*x.high <= *r.high);
  }
}

}  // namespace

TEST_CASE("invariants over generated requests") {
  const Region regions[] = {{&test::builtin_engine(), "shenzhen", "2025-05-01", true},
                            {&test::builtin_engine(), "guangzhou", "2025-05-01", false},
                            {&test::fixture_engine(), "testland", "2024-05-01", true}};
  std::mt19937 rng(20261123);
  int checked = 0;
  for (int round = 0; round < 400; ++round) {
    for (const auto& region : regions) {
      const json req = generate(rng, region);
      CAPTURE(req.dump());
      const json r = test::estimate(*region.engine, req);
      check_parts(r);

      // More spending never lowers what the patient pays.
      json more = req;
      more["items"].push_back({{"name", "extra"}, {"class", "class_a"}, {"amount", "123.45"}});
      const json r2 = test::estimate(*region.engine, more);
      check_parts(r2);
      const Ends before = ends(r["result"]["split"]["patient_pays"]);
      const Ends after = ends(r2["result"]["split"]["patient_pays"]);
      if (before.low && after.low) CHECK(*after.low >= *before.low);
      if (before.high && after.high) CHECK(*after.high >= *before.high);

      // Leave out the year-to-date figures and the tier: each range holds the answer that had them.
      json vague = req;
      vague["year_to_date"].erase("stays");
      vague["year_to_date"].erase("critical_illness_base");
      vague["year_to_date"].erase("deductible_paid");
      vague.erase("tier");
      if (round % 4 == 0) vague.erase("person");
      if (round % 4 == 1) vague.erase("hospital_level");
      const json rv = test::estimate(*region.engine, vague);
      check_parts(rv);
      check_contains(rv, r);

      // A higher hospital level never raises what the fund pays for the same bill (no policy here notes otherwise).
      if (req["setting"] == "inpatient") {
        std::int64_t previous = -1;
        for (const char* level : {"level3", "level2", "level1"}) {
          json at = req;
          at["hospital_level"] = level;
          const Ends f = ends(test::estimate(*region.engine, at)["result"]["split"]["fund_paid"]);
          if (!f.high) break;
          if (previous >= 0) CHECK(*f.high >= previous);
          previous = *f.high;
        }
      }
      ++checked;
    }
  }
  CHECK(checked == 1200);
}
