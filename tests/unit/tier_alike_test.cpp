// An unknown tier is settled once per tier for its range (ranges.hpp). Where every tier picks figures of the same
// worth (tier_alike.hpp) one settlement stands for all: the answer must be the one the runs for each tier give,
// and a tier that does change the figures must still get its range and its question.
#include <doctest/doctest.h>

#include "support.hpp"

using test::estimate;
using test::json;
using test::split;

namespace {

// Tier 1 and tier 2 pay alike at level 3 (90%) and differently at level 2 (92% and 91%).
const claimcalc::api::Engine& tiered_engine() {
  static const claimcalc::api::Engine engine = [] {
    const json policy = test::policy_file(R"({"employee": {"persons": ["active"], "tiers": ["tier1", "tier2"],
        "inpatient": {
          "deductible": [{"amount": "100", "source": "s", "quote": "q"}],
          "ratio": [{"when": {"tier": "tier1", "hospital_level": "level2"}, "ratio": "92%", "source": "s", "quote": "q"},
                    {"when": {"tier": "tier2", "hospital_level": "level2"}, "ratio": "91%", "source": "s", "quote": "q"},
                    {"when": {"tier": "tier1", "hospital_level": "level3"}, "ratio": "90%", "source": "s", "quote": "q"},
                    {"when": {"tier": "tier2", "hospital_level": "level3"}, "ratio": "90%", "source": "s", "quote": "q"}],
          "annual_cap": [{"amount": "100000", "source": "s", "quote": "q"}]},
        "critical_illness": {"applies_to": ["inpatient"], "base_parts": ["copay"],
          "ratio": [{"bands": [{"from": "20000", "ratio": "60%"}], "source": "s", "quote": "q"}],
          "annual_cap": [{"amount": "300000", "source": "s", "quote": "q"}]}}})");
    auto e = claimcalc::api::Engine::from_files({{"x/2024-01-01.json", policy.dump()}});
    REQUIRE(e.ok());
    return std::move(e.value());
  }();
  return engine;
}

json request(const char* level) {
  return json{{"insured_region", "x"},
              {"scheme", "employee"},
              {"person", "active"},
              {"setting", "inpatient"},
              {"hospital_level", level},
              {"date_of_care", "2024-06-01"},
              {"year_to_date",
               {{"stays", 0}, {"fund_paid", "0"}, {"critical_illness_base", "0"}, {"critical_illness_paid", "0"}}},
              {"items", json::array({json{{"name", "药品"}, {"class", "class_a"}, {"amount", "10000"}}})}};
}

}  // namespace

TEST_CASE("an unknown tier every value of which pays alike: the answer each tier gets, exact, nothing asked") {
  const json r = estimate(tiered_engine(), request("level3"));
  REQUIRE(r["ok"] == true);
  // (10000 - 100) x 90% = 8910 in either tier
  CHECK(split(r, "fund_paid") == "8910.00");
  CHECK(split(r, "self_pay") == "1090.00");
  CHECK(r["result"]["cannot_estimate"].empty());
  CHECK(r["result"]["next_questions"].empty());
  for (const char* tier : {"tier1", "tier2"}) {
    json given = request("level3");
    given["tier"] = tier;
    const json t = estimate(tiered_engine(), given);
    CHECK(t["result"]["split"] == r["result"]["split"]);
    CHECK(t["result"]["national"] == r["result"]["national"]);
  }
}

TEST_CASE("an unknown tier that changes the ratio: still a range over the tiers, and the tier asked for") {
  const json r = estimate(tiered_engine(), request("level2"));
  REQUIRE(r["ok"] == true);
  // 9900 x 91% = 9009 (tier 2) .. 9900 x 92% = 9108 (tier 1)
  CHECK(split(r, "fund_paid") == "9009.00..9108.00");
  CHECK(split(r, "self_pay") == "892.00..991.00");
  REQUIRE(r["result"]["next_questions"].size() == 1);
  CHECK(r["result"]["next_questions"][0]["field"] == "tier");
}
