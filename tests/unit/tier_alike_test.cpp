// An unknown tier is settled once per tier for its range (ranges.hpp). Where every tier picks figures of the same
// worth (tier_alike.hpp) one settlement stands for all: the answer must be the one the runs for each tier give,
// and a tier that does change the figures must still get its range and its question.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

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

namespace {

std::vector<std::string> rules_of(const json& r) {
  std::vector<std::string> out;
  for (const auto& s : r["result"]["steps"]) out.push_back(s["rule"]);
  return out;
}

}  // namespace

TEST_CASE("an unknown tier that pays alike is explained as the tier that stands for all: every step and source") {
  const json r = estimate(tiered_engine(), request("level3"));
  REQUIRE(r["ok"] == true);
  json given = request("level3");
  given["tier"] = "tier1";
  const json t = estimate(tiered_engine(), given);
  // The steps a given tier's answer has, the ratio's and critical illness's among them, and one more after the
  // policy version's saying which tier stands for the others and why.
  std::vector<std::string> want = rules_of(t);
  REQUIRE(want.size() > 2);
  want.insert(want.begin() + 1, "tier_alike");
  CHECK(rules_of(r) == want);
  CHECK(std::find(want.begin(), want.end(), "ratio_band") != want.end());
  CHECK(std::find(want.begin(), want.end(), "critical_illness_base") != want.end());
  const json& said = r["result"]["steps"][1];
  CHECK(said["text_zh"] ==
        "未填写缴费档次：一档、二档在本次适用的起付线、支付比例和最高支付限额都相同，按一档测算，结果对各档都适用。");
  CHECK(said["text_en"] ==
        "The contribution grade was not given: grade 1 and grade 2 pick the same deductible, ratios and caps here, so "
        "the estimate uses grade 1 and holds for every grade.");
  CHECK(r["result"]["sources"] == t["result"]["sources"]);
  CHECK(r["result"]["warnings"] == t["result"]["warnings"]);
  // The other steps read as the given tier's do.
  for (std::size_t i = 2; i < r["result"]["steps"].size(); ++i)
    CHECK(r["result"]["steps"][i]["text_zh"] == t["result"]["steps"][i - 1]["text_zh"]);
}

TEST_CASE("an unknown tier that changes the ratio is not said to stand for all") {
  const json r = estimate(tiered_engine(), request("level2"));
  REQUIRE(r["ok"] == true);
  const auto rules = rules_of(r);
  CHECK(std::find(rules.begin(), rules.end(), "tier_alike") == rules.end());
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

TEST_CASE("in a batch, whether the tiers settle alike is decided for each claim's own level") {
  // Whether they do is kept per settling context for the last claims seen (TiersAlikeMemo), by the fields their
  // lookups read: here the level decides. Alike at level 3, not at level 2, and level 3 again after it.
  json later = request("level2");
  later["date_of_care"] = "2024-09-01";  // another date of the same version: decided again, not alike
  const std::vector<json> requests = {request("level3"), request("level2"), request("level3"), later};
  const json envelope = {{"op", "estimate_many"}, {"requests", requests}};
  const json answer = json::parse(tiered_engine().call(envelope.dump()));
  REQUIRE(answer["ok"] == true);
  const std::vector<json> answers = answer["result"].get<std::vector<json>>();
  REQUIRE(answers.size() == requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const json alone = estimate(tiered_engine(), requests[i]);
    CHECK(answers[i]["result"]["split"] == alone["result"]["split"]);
    CHECK(answers[i]["result"]["cannot_estimate"] == alone["result"]["cannot_estimate"]);
  }
  CHECK(split(answers[0], "fund_paid") == "8910.00");
  CHECK(split(answers[1], "fund_paid") == "9009.00..9108.00");
  CHECK(split(answers[2], "fund_paid") == "8910.00");
  CHECK(split(answers[3], "fund_paid") == "9009.00..9108.00");
}
