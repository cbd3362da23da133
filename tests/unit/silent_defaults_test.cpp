// Issue 11's defects: a figure that multiplies nothing must not block, nothing mistyped is accepted silently, no
// zero is assumed without saying so, and a stated minimum is not an end date. Each failed before its fix.
#include <doctest/doctest.h>

#include "support.hpp"

using test::builtin_engine;
using test::estimate;
using test::fixture_engine;
using test::has_warning;
using test::json;
using test::split;

namespace {

json guangzhou_request() {
  return json{{"insured_region", "guangzhou"},
              {"scheme", "employee"},
              {"person", "active"},
              {"setting", "inpatient"},
              {"hospital_level", "level3"},
              {"date_of_care", "2025-03-03"},
              {"year_to_date", {{"stays", 0}}},
              {"items", json::array({json{{"name", "a"}, {"class", "class_a"}, {"amount", "10000"}}})}};
}

}  // namespace

TEST_CASE("a class-B total of 0.00 needs no upfront share: zero yuan times any share is zero") {
  json req = guangzhou_request();
  req.erase("items");
  req["totals"] = {{"class_a", "10000"}, {"class_b", "0.00"}};
  const json r = estimate(builtin_engine(), req);
  REQUIRE(r["ok"] == true);
  CHECK(split(r, "class_b_upfront") == "0.00");
  CHECK(split(r, "in_scope") == "10000.00");
  CHECK(split(r, "deductible_applied") == "1000.00");
  CHECK(split(r, "fund_paid") == "..7200.00");  // (10000 - 1000) x 80%, at most: no cap figure
  // A non-zero class-B amount still needs the share (or the bill's printed ratio).
  req["totals"]["class_b"] = "0.01";
  CHECK(split(estimate(builtin_engine(), req), "in_scope") == "null");
}

TEST_CASE("a mistyped care_province is refused; a municipality is its own province") {
  json req = guangzhou_request();
  req["insured_region"] = "shenzhen";
  req["tier"] = "tier1";
  req["care_region"] = "长沙";
  req["filing"] = "temporary";
  req["care_province"] = "guangdogn";
  const json bad = estimate(builtin_engine(), req);
  CHECK(bad["ok"] == false);
  CHECK(bad["error"]["code"] == "unknown_value");
  CHECK(bad["error"]["field"] == "care_province");
  req["care_province"] = "hunan";
  const json hunan = estimate(builtin_engine(), req);
  req.erase("care_province");
  req["care_region"] = "北京";
  const json beijing = estimate(builtin_engine(), req);
  CHECK(beijing["result"]["split"]["fund_paid"] == hunan["result"]["split"]["fund_paid"]);  // both out of province
  CHECK_FALSE(test::has_unknown(beijing, "fund_paid"));
}

TEST_CASE("an unknown cap and unknown critical illness do not make both figures upper bounds") {
  const json r = estimate(builtin_engine(), guangzhou_request());
  const json& s = r["result"]["split"];
  // The fund's figure is its highest (the cap may bind); the patient's is its lowest, never also an upper bound.
  CHECK(s["fund_paid"]["low"].is_null());
  CHECK(s["fund_paid"]["high"] == "7200.00");
  CHECK(s["patient_pays"]["high"].is_null());
  CHECK(s["patient_pays"]["low"] == "0.00");  // critical illness pays inside scope only; nothing is self-funded here
  for (const auto& u : r["result"]["cannot_estimate"]) {
    const std::string en = u["reason_en"];
    CHECK(en.find("patient's total do not deduct any critical-illness payment, so they are upper") ==
          std::string::npos);
  }
}

TEST_CASE("a filing validity stated as a minimum is not an end date") {
  // 医保发〔2022〕22号: 跨省临时外出就医人员备案有效期原则上不少于6个月. Guangzhou -> Beijing is care in another
  // province, so the minimum applies: 7 months on, the filing may still hold (a range), it is not declared expired.
  json req = guangzhou_request();
  req["care_region"] = "北京";
  req["filing"] = "temporary";
  req["filing_date"] = "2024-08-01";  // 7 months before the date of care; the rule says 不少于6个月
  req["date_of_care"] = "2025-03-03";
  const json r = estimate(builtin_engine(), req);
  CHECK_FALSE(has_warning(r, "filing_expired"));
  CHECK(has_warning(r, "filing_validity_minimum"));
  CHECK_FALSE(has_warning(r, "filing_validity_not_in_data"));
  // Guangzhou -> Shenzhen is within Guangdong: the 跨省 rule says nothing about it, and no Guangdong or Guangzhou
  // validity is in the data, so the answer says the validity is not in the data instead of borrowing the floor.
  req["care_region"] = "shenzhen";
  const json in_province = estimate(builtin_engine(), req);
  CHECK_FALSE(has_warning(in_province, "filing_validity_minimum"));
  CHECK(has_warning(in_province, "filing_validity_not_in_data"));
}

TEST_CASE("absent year-to-date amounts are named, never silently zero") {
  json req = test::testland_request();
  req["setting"] = "outpatient";
  req["year_to_date"] = json::object();
  const json r = estimate(fixture_engine(), req);
  CHECK(has_warning(r, "year_to_date_absent:outpatient_pool_paid"));
  CHECK(has_warning(r, "year_to_date_absent:outpatient_pool_paid_this_month"));
  // The per-year deductible already paid is not a warning but a range: none paid yet, or all of it.
  CHECK(split(r, "deductible_applied") == "0.00..500.00");
  req["year_to_date"] = {
      {"outpatient_pool_paid", "0"}, {"outpatient_pool_paid_this_month", "0"}, {"deductible_paid", "0"}};
  const json given = estimate(fixture_engine(), req);
  CHECK_FALSE(has_warning(given, "year_to_date_absent:outpatient_pool_paid"));
  CHECK(split(given, "deductible_applied") == "500.00");
  json inpatient = test::testland_request();
  inpatient["year_to_date"].erase("fund_paid");
  CHECK(has_warning(estimate(fixture_engine(), inpatient), "year_to_date_absent:fund_paid"));
}

TEST_CASE("reverse: an absent original critical-illness payment is not taken as zero") {
  json req = test::testland_request();
  const json input = {{"original", {{"fund_paid", "7000"}, {"patient_pays", "3000"}}}, {"request", req}};
  const json r = json::parse(fixture_engine().reverse(input.dump()));
  REQUIRE(r["ok"] == true);
  CHECK(r["result"]["original"]["critical_illness_paid"].is_null());
  CHECK(r["result"]["difference"]["critical_illness_paid"].is_null());
  CHECK(r["result"]["difference"]["fund_paid"] == "200.00");  // 7200 - 7000
  // With the settlement's total, the critical-illness figure follows by difference.
  json with_total = input;
  with_total["original"]["total"] = "10000";
  const json t = json::parse(fixture_engine().reverse(with_total.dump()));
  CHECK(t["result"]["original"]["critical_illness_paid"] == "0.00");
  CHECK(t["result"]["difference"]["critical_illness_paid"] == "0.00");
}

TEST_CASE("the English explanation uses ASCII punctuation around the weekday") {
  // Shenzhen-insured mirror of the unfiled example: Shenzhen's 12-month limit gives a dated deadline (2026-08-15, a
  // Saturday, moved to Monday 2026-08-17); Guangzhou's own limit rests on one secondary page and is not in the data.
  json req = json::parse(test::read_file(test::source_dir() + "/examples/guangzhou-insured-shenzhen-unfiled.json"));
  req["insured_region"] = "shenzhen";
  req["care_region"] = "guangzhou";
  req["tier"] = "tier1";
  const std::string en = builtin_engine().explain(req.dump(), "en");
  CHECK(en.find("Deadline:") != std::string::npos);
  CHECK(en.find("（Monday）") == std::string::npos);
  CHECK(en.find(" (Monday); ") != std::string::npos);
}

TEST_CASE("no bill: materials, dated deadlines and the next question come from the situation alone") {
  const json req = {{"insured_region", "shenzhen"},
                    {"care_region", "guangzhou"},
                    {"scheme", "employee"},
                    {"tier", "tier1"},
                    {"person", "active"},
                    {"setting", "inpatient"},
                    {"hospital_level", "level3"},
                    {"date_of_care", "2025-08-04"},
                    {"discharge_date", "2025-08-15"},
                    {"filing", "none"}};
  const json r = estimate(builtin_engine(), req);
  REQUIRE(r["ok"] == true);
  CHECK(r["result"]["split"]["total"].is_null());
  CHECK(r["result"]["split"]["fund_paid"].is_null());
  CHECK(r["result"]["national"]["hifp_pay"].is_null());
  REQUIRE(r["result"]["cannot_estimate"].size() == 1);
  CHECK(r["result"]["cannot_estimate"][0]["part"] == "split");
  CHECK(r["result"]["cannot_estimate"][0]["needs"] == "items");
  CHECK_FALSE(r["result"]["materials"].empty());
  REQUIRE(r["result"]["deadlines"].size() == 1);
  CHECK(r["result"]["deadlines"][0]["date"] ==
        "2026-08-17");  // Shenzhen: 12 months from discharge (2026-08-15, a Saturday), moved past the weekend
  CHECK(r["result"]["next_questions"][0]["field"] == "items");
  // A guide with that request needs no bill either.
  const json g = json::parse(builtin_engine().guide(json{{"scenario", "manual_claim"}, {"request", req}}.dump()));
  CHECK(g["ok"] == true);
  // Both a bill and totals is still refused.
  json both = req;
  both["items"] = json::array({json{{"name", "a"}, {"class", "class_a"}, {"amount", "1"}}});
  both["totals"] = {{"class_a", "1"}};
  CHECK(estimate(builtin_engine(), both)["error"]["field"] == "items");
}
