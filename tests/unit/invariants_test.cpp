// Properties that hold for every request, checked over generated requests on the real and fixture packs.
#include <doctest/doctest.h>

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
    r["settlement"] = pick({"direct", "manual"});
    r["discharge_date"] = region.date;
  }
  r["year_to_date"] = {{"stays", static_cast<int>(rng() % 3)},
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

void check_parts(const json& r) {
  REQUIRE_MESSAGE(r["ok"] == true, r.dump());
  const json& s = r["result"]["split"];
  std::int64_t items_total = 0;
  for (const auto& it : r["result"]["items"]) items_total += fen(it["total"]);
  CHECK(items_total == fen(s["total"]));
  CHECK(fen(s["self_funded"]) == fen(s["out_of_catalogue"]) + fen(s["over_ceiling"]));
  if (s["fund_paid"].is_null() || s["patient_pays"].is_null()) return;
  const std::int64_t ci = s["critical_illness_paid"].is_null() ? 0 : fen(s["critical_illness_paid"]);
  CHECK(fen(s["fund_paid"]) + ci + fen(s["patient_pays"]) == fen(s["total"]));
  CHECK(fen(s["fund_paid"]) >= 0);
  CHECK(fen(s["fund_paid"]) <= fen(s["in_scope"]));
  CHECK(ci <= fen(s["in_scope"]) + fen(s["class_b_upfront"]) - fen(s["fund_paid"]));
  CHECK(fen(s["patient_pays"]) >= fen(s["self_funded"]));
  CHECK(fen(s["total"]) ==
        fen(s["out_of_catalogue"]) + fen(s["over_ceiling"]) + fen(s["class_b_upfront"]) + fen(s["in_scope"]));
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
      if (!r["result"]["split"]["patient_pays"].is_null() && !r2["result"]["split"]["patient_pays"].is_null())
        CHECK(fen(r2["result"]["split"]["patient_pays"]) >= fen(r["result"]["split"]["patient_pays"]));

      // A higher hospital level never raises what the fund pays for the same bill (no policy here notes otherwise).
      if (req["setting"] == "inpatient") {
        std::int64_t previous = -1;
        for (const char* level : {"level3", "level2", "level1"}) {
          json at = req;
          at["hospital_level"] = level;
          const json f = test::estimate(*region.engine, at)["result"]["split"]["fund_paid"];
          if (f.is_null()) break;
          if (previous >= 0) CHECK(fen(f) >= previous);
          previous = fen(f);
        }
      }
      ++checked;
    }
  }
  CHECK(checked == 1200);
}
