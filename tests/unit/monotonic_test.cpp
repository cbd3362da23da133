// One more fen of bill never makes the patient pay less (issue 14 row 6), checked over consecutive 1-fen steps,
// with the cross-region multiplier that used to break it. Stated precisely, for each step of +0.01 in class_a:
//   patient_pays and fund_paid never fall; fund_paid + critical_illness_paid rises by at most 0.01;
//   critical_illness_paid may fall by 0.01, and only in a step where fund_paid rises by 0.01 (each payer rounds
//   its own share half-up to the fen, and the fen that tips the fund's rounding leaves the critical-illness base).
#include <doctest/doctest.h>

#include "support.hpp"

using test::fen;
using test::json;
using test::yuan;

namespace {

struct Split {
  std::int64_t fund, ci, patient;
};

Split split_at(json req, std::int64_t class_a) {
  req["totals"] = {{"class_a", yuan(class_a)}};
  const json r = test::estimate(test::builtin_engine(), req);
  REQUIRE_MESSAGE(r["ok"] == true, r.dump());
  // Shenzhen's annual and critical-illness caps have no citable figures, so the split shows ranges; the property is
  // about the one settlement behind them (caps not reached), whose figures the summary step records.
  for (const auto& step : r["result"]["steps"]) {
    if (step["rule"] != "patient_pays") continue;
    const json& a = step["amounts"];
    REQUIRE(a.contains("critical_illness_paid"));
    return {fen(a["fund_paid"]), fen(a["critical_illness_paid"]), fen(a["patient_pays"])};
  }
  FAIL("no patient_pays step");
  return {};
}

// Walks `steps` fen from `from` and returns how many steps the critical-illness payment fell by a fen.
int walk(const json& req, std::int64_t from, int steps) {
  int ci_dips = 0;
  Split prev = split_at(req, from);
  for (int i = 1; i <= steps; ++i) {
    const Split now = split_at(req, from + i);
    CAPTURE(req.dump());
    CAPTURE(yuan(from + i));
    CHECK(now.patient >= prev.patient);
    CHECK(now.fund >= prev.fund);
    CHECK(now.fund + now.ci - prev.fund - prev.ci <= 1);
    CHECK(now.fund + now.ci >= prev.fund + prev.ci);
    if (now.ci < prev.ci) {
      ++ci_dips;
      CHECK(prev.ci - now.ci == 1);
      CHECK(now.fund - prev.fund == 1);
    }
    prev = now;
  }
  return ci_dips;
}

json shenzhen_in(const char* care_region, const char* filing) {
  json r{{"insured_region", "shenzhen"},
         {"care_region", care_region},
         {"scheme", "employee"},
         {"person", "active"},
         {"tier", "tier1"},
         {"setting", "inpatient"},
         {"hospital_level", "level3"},
         {"date_of_care", "2025-03-01"},
         {"filing", filing},
         {"year_to_date", {{"stays", 0}, {"critical_illness_base", "0"}, {"critical_illness_paid", "0"}}},
         // Figures only are compared: without sentences each answer is a third of the size to write and to parse,
         // which is most of this file's time under the sanitizers.
         {"texts", "none"}};
  if (std::string(care_region) == "北京") r["care_province"] = "北京市";
  return r;
}

}  // namespace

TEST_CASE("the reproducer: Shenzhen tier1 level3 inpatient, care in Guangzhou, temporary filing, 200000.05 -> .06") {
  const json req = shenzhen_in("guangzhou", "temporary");
  const Split a = split_at(req, 20000005);
  const Split b = split_at(req, 20000006);
  // Before: patient 31108.01 -> 31108.00 (fund 161514.04 -> .05 and critical illness 7378.00 -> .01 together).
  // Now the reduction is 199400.05 x 90% x (1 - 90%) = 17946.0045 -> 17946.00, rounded once, and the
  // critical-illness base holds the local copay 19940.005 -> 19940.01 from the first of the two fen.
  CHECK(a.fund == 16151404);
  CHECK(a.ci == 737801);
  CHECK(a.patient == 3110800);
  CHECK(b.fund == 16151405);
  CHECK(b.ci == 737800);
  CHECK(b.patient == 3110801);
}

TEST_CASE("3,000 consecutive 1-fen steps with the cross-region multiplier") {
  walk(shenzhen_in("guangzhou", "temporary"), 20000000, 3000);
}

TEST_CASE("1-fen steps over other levels, tiers, persons, filings and amounts") {
  for (const char* level : {"level1", "level2", "level3"}) {
    for (const char* tier : {"tier1", "tier2"}) {
      for (const char* person : {"active", "retired"}) {
        for (const auto& [care, filing] : {std::pair{"guangzhou", "temporary"}, std::pair{"北京", "temporary"},
                                           std::pair{"北京", "long_term"}, std::pair{"guangzhou", "referral"}}) {
          json req = shenzhen_in(care, filing);
          req["hospital_level"] = level;
          req["tier"] = tier;
          req["person"] = person;
          for (std::int64_t from : {std::int64_t{5000000}, std::int64_t{31000000}}) walk(req, from, 150);
        }
      }
    }
  }
}
