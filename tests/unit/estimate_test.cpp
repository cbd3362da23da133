// Settlement rules on the made-up Testland pack; every expected figure is worked out by hand in the comment.
#include <doctest/doctest.h>

#include "support.hpp"

using test::estimate;
using test::fixture_engine;
using test::has_unknown;
using test::has_warning;
using test::json;
using test::split;
using test::testland_request;

TEST_CASE("inpatient: out-of-catalogue, class-B upfront share, deductible, ratio") {
  json req = testland_request();
  req["items"] = json::array({json{{"name", "a"}, {"class", "class_a"}, {"amount", "10000"}},
                              json{{"name", "b"}, {"class", "class_b"}, {"amount", "5000"}},
                              json{{"name", "c"}, {"class", "out_of_catalogue"}, {"amount", "1000"}}});
  const json r = estimate(fixture_engine(), req);
  REQUIRE(r["ok"] == true);
  // total 16000; upfront 10% x 5000 = 500; in scope 16000 - 1000 - 500 = 14500
  CHECK(split(r, "total") == "16000.00");
  CHECK(split(r, "out_of_catalogue") == "1000.00");
  CHECK(split(r, "class_b_upfront") == "500.00");
  CHECK(split(r, "in_scope") == "14500.00");
  // level3 deductible 1000; (14500 - 1000) x 80% = 10800
  CHECK(split(r, "deductible_applied") == "1000.00");
  CHECK(split(r, "fund_paid") == "10800.00");
  // critical illness base 1000 + 2700 = 3700, under the 20000 threshold
  CHECK(split(r, "critical_illness_paid") == "0.00");
  // self pay 500 + 14500 - 10800 = 4200; plus self-funded 1000
  CHECK(split(r, "self_pay") == "4200.00");
  CHECK(split(r, "self_funded") == "1000.00");
  CHECK(split(r, "patient_pays") == "5200.00");
  CHECK(r["result"]["national"]["hifp_pay"] == "10800.00");
  CHECK(r["result"]["national"]["preselfpay_amt"] == "500.00");
  // the level-3 ratio comes from a secondary source in the fixture
  CHECK(has_warning(r, "secondary_source"));
  CHECK(r["result"]["cannot_estimate"].empty());
}

TEST_CASE("every step names its rule and, where a rule decided it, its source") {
  const json r = estimate(fixture_engine(), testland_request());
  std::vector<std::string> rules;
  for (const auto& s : r["result"]["steps"]) {
    rules.push_back(s["rule"]);
    CHECK_FALSE(s["text_zh"].get<std::string>().empty());
    CHECK(s["text_en"].get<std::string>().find("{?") == std::string::npos);
    CHECK(s["text_zh"].get<std::string>().find("{?") == std::string::npos);
  }
  CHECK(rules == std::vector<std::string>{"policy_version", "in_scope", "deductible", "ratio_band", "annual_cap",
                                          "critical_illness_base", "critical_illness_cap", "patient_pays"});
  for (const auto& s : r["result"]["steps"]) {
    if (s["rule"] == "deductible")
      CHECK(r["result"]["sources"][s["source"]["ref"].get<std::string>()]["doc_no"] == "测试〔2024〕1号");
  }
}

TEST_CASE("each source appears once per answer; steps, materials and deadlines refer to it") {
  const json r = estimate(fixture_engine(), testland_request());
  REQUIRE(r["ok"] == true);
  const json& res = r["result"];
  REQUIRE(res["sources"].is_object());
  std::size_t refs = 0;
  for (const char* list : {"steps", "materials", "deadlines"}) {
    for (const auto& x : res[list]) {
      if (x["source"].is_null()) continue;
      CHECK_FALSE(x["source"].contains("title"));
      CHECK(res["sources"].contains(x["source"]["ref"].get<std::string>()));
      ++refs;
    }
  }
  CHECK(refs > res["sources"].size());  // shared, not repeated
  for (const auto& [ref, s] : res["sources"].items()) CHECK(s.contains("title"));
}

TEST_CASE("second stay: lower deductible; retired: banded ratios on the stay's in-scope cost") {
  json req = testland_request();
  req["person"] = "retired";
  req["hospital_level"] = "level1";
  req["year_to_date"]["stays"] = 1;
  req["items"][0]["amount"] = "50000";
  const json r = estimate(fixture_engine(), req);
  // later-stay deductible 500; (500, 30000] at 90% = 26550; (30000, 50000] at 95% = 19000
  CHECK(split(r, "deductible_applied") == "500.00");
  CHECK(split(r, "fund_paid") == "45550.00");
  CHECK(split(r, "patient_pays") == "4450.00");
}

TEST_CASE("annual cap binds; critical illness pays on the year's base above its threshold") {
  json req = testland_request();
  req["hospital_level"] = "level1";
  req["items"][0]["amount"] = "20000";
  req["year_to_date"]["fund_paid"] = "95000";
  req["year_to_date"]["critical_illness_base"] = "10000";
  const json r = estimate(fixture_engine(), req);
  // (20000 - 300) x 90% = 17730, cap leaves 5000: over cap 12730
  CHECK(split(r, "fund_paid") == "5000.00");
  // CI base 300 + 1970 + 12730 = 15000 over (10000, 25000]: 5000 above 20000 at 60% = 3000
  CHECK(split(r, "critical_illness_paid") == "3000.00");
  CHECK(split(r, "self_pay") == "12000.00");
  CHECK(split(r, "patient_pays") == "12000.00");
}

TEST_CASE("critical illness cap: only what is left of it is paid") {
  json req = testland_request();
  req["hospital_level"] = "level1";
  req["items"][0]["amount"] = "20000";
  req["year_to_date"]["fund_paid"] = "100000";
  req["year_to_date"]["critical_illness_base"] = "200000";
  req["year_to_date"]["critical_illness_paid"] = "299000";
  const json r = estimate(fixture_engine(), req);
  // fund cap exhausted: fund 0, base 20000 all at 70% = 14000, but only 1000 left of the 300000 cap
  CHECK(split(r, "fund_paid") == "0.00");
  CHECK(split(r, "critical_illness_paid") == "1000.00");
  CHECK(split(r, "patient_pays") == "19000.00");
}

TEST_CASE("outpatient: yearly deductible already partly met, annual and monthly caps") {
  json req = testland_request();
  req["setting"] = "outpatient";
  req["items"][0]["amount"] = "1000";
  req["year_to_date"] = {
      {"deductible_paid", "300"}, {"outpatient_pool_paid", "2800"}, {"outpatient_pool_paid_this_month", "100"}};
  const json r = estimate(fixture_engine(), req);
  // deductible 500 - 300 = 200 left; 800 x 50% = 400; annual cap leaves 200, monthly 300
  CHECK(split(r, "deductible_applied") == "200.00");
  CHECK(split(r, "fund_paid") == "200.00");
  CHECK(split(r, "critical_illness_paid") == "0.00");  // not an outpatient benefit here
  CHECK(split(r, "patient_pays") == "800.00");
}

TEST_CASE("chronic outpatient: per-disease cap and ratio; an unknown disease is asked for") {
  json req = testland_request();
  req["setting"] = "chronic_outpatient";
  req["disease"] = "hypertension";
  req["items"][0]["amount"] = "1000";
  // The disease's own cap counts what the fund paid for that disease, not the year's fund payments.
  req["year_to_date"] = {{"fund_paid", "2000"}, {"disease_fund_paid", "2000"}, {"deductible_paid", "0"}};
  json r = estimate(fixture_engine(), req);
  CHECK(split(r, "fund_paid") == "400.00");  // 700 capped at 2400 - 2000
  req["year_to_date"] = {{"fund_paid", "2000"}, {"disease_fund_paid", "0"}, {"deductible_paid", "0"}};
  CHECK(split(estimate(fixture_engine(), req), "fund_paid") == "700.00");  // the year's 2000 went elsewhere
  req["disease"] = "uremia";
  r = estimate(fixture_engine(), req);
  CHECK(split(r, "fund_paid") == "..900.00");  // no cap figure: at most the uncapped 900
  CHECK(has_unknown(r, "annual_cap"));         // no cap figure for that disease or the setting
  // No disease given: settled for each disease the region lists (hypertension 700, uremia 900 with no cap figure).
  req.erase("disease");
  r = estimate(fixture_engine(), req);
  CHECK(split(r, "fund_paid") == "..900.00");
  bool asks_disease = false;
  for (const auto& q : r["result"]["next_questions"]) asks_disease = asks_disease || q["field"] == "disease";
  CHECK(asks_disease);
  req["disease"] = "gout";
  r = estimate(fixture_engine(), req);
  CHECK(split(r, "fund_paid") == "null");
  CHECK(r["result"]["cannot_estimate"][0]["needs"] == "disease");
}

TEST_CASE("waiting period: nothing before benefits start, and the start date is given") {
  json req = testland_request();
  req["enrolment_date"] = "2024-03-31";
  req["date_of_care"] = "2024-09-29";
  json r = estimate(fixture_engine(), req);
  CHECK(split(r, "fund_paid") == "0.00");
  CHECK(r["result"]["benefits_from"] == "2024-09-30");  // 6 months from 03-31, clamped to 09-30
  CHECK(split(r, "patient_pays") == "10000.00");
  req["date_of_care"] = "2024-09-30";
  r = estimate(fixture_engine(), req);
  CHECK(split(r, "fund_paid") == "7200.00");
  CHECK(r["result"]["benefits_from"].is_null());
}

TEST_CASE("care before enrolment and a lapsed enrolment are not covered") {
  json req = testland_request();
  req["enrolment_date"] = "2024-07-01";
  CHECK(split(estimate(fixture_engine(), req), "fund_paid") == "0.00");
  req.erase("enrolment_date");
  req["enrolment_status"] = "lapsed";
  const json r = estimate(fixture_engine(), req);
  CHECK(split(r, "fund_paid") == "0.00");
  CHECK(r["result"]["steps"][2]["rule"] == "enrolment_not_active");
  CHECK(split(r, "patient_pays") == "10000.00");
}

TEST_CASE("a figure that depends on age needs the age; per-year deductible already met") {
  json req = testland_request();
  req["scheme"] = "resident";
  req["person"] = "adult";
  req.erase("tier");
  json r = estimate(fixture_engine(), req);
  // Without the age: settled at each side of the 80-year edge (60% or 75%), the deductible paid or not; no cap.
  CHECK(split(r, "fund_paid") == "..7500.00");
  CHECK(r["result"]["next_questions"][0]["field"] == "age");
  req["age"] = 81;
  req["year_to_date"] = {{"deductible_paid", "800"}};
  r = estimate(fixture_engine(), req);
  CHECK(split(r, "deductible_applied") == "0.00");
  CHECK(split(r, "fund_paid") == "..7500.00");  // no resident cap figure: at most the uncapped amount
  req["age"] = 45;
  CHECK(split(estimate(fixture_engine(), req), "fund_paid") == "..6000.00");
}

TEST_CASE("a class-B item with no policy share and no printed ratio: in scope cannot be estimated") {
  json req = testland_request();
  req["setting"] = "chronic_outpatient";
  req["disease"] = "uremia";
  req["items"] = json::array({json{{"name", "b"}, {"class", "class_b"}, {"amount", "100"}}});
  json r = estimate(fixture_engine(), req);
  CHECK(split(r, "in_scope") == "null");
  CHECK(split(r, "total") == "100.00");
  CHECK(r["result"]["cannot_estimate"][0]["needs"] == "policy:class_b_upfront_share");
  req["items"][0]["selfpay_ratio"] = "20%";
  r = estimate(fixture_engine(), req);
  CHECK(split(r, "in_scope") == "80.00");
  CHECK(r["result"]["items"][0]["selfpay_ratio"] == "20%");
}

TEST_CASE("price ceiling: the excess over the payment standard is self-funded") {
  json req = testland_request();
  req["items"] = json::array(
      {json{{"name", "支架"}, {"class", "class_a"}, {"quantity", 2}, {"unit_price", "150"}, {"price_ceiling", "100"}}});
  const json r = estimate(fixture_engine(), req);
  CHECK(split(r, "over_ceiling") == "100.00");
  CHECK(split(r, "in_scope") == "200.00");
  CHECK(split(r, "self_funded") == "100.00");
  CHECK(r["result"]["national"]["overlmt_selfpay"] == "100.00");
}

TEST_CASE("totals by class work like a bill") {
  json req = testland_request();
  req.erase("items");
  req["totals"] = {{"class_a", "10000"}, {"class_b", "5000"}, {"out_of_catalogue", "1000"}};
  const json r = estimate(fixture_engine(), req);
  CHECK(split(r, "fund_paid") == "10800.00");
  CHECK(r["result"]["items"].size() == 3);
}

TEST_CASE("region-dependent inputs: unknown person type is an error; a tier the scheme lacks is ignored") {
  json req = testland_request();
  req["person"] = "student";
  json r = estimate(fixture_engine(), req);
  CHECK(r["ok"] == false);
  CHECK(r["error"]["code"] == "unknown_value");
  CHECK(r["error"]["field"] == "person");
  req["scheme"] = "resident";
  req["person"] = "adult";
  req["age"] = 30;
  r = estimate(fixture_engine(), req);
  CHECK(r["ok"] == true);
  CHECK(has_warning(r, "tier_ignored"));
}

TEST_CASE("the policy version in force on the date of care is used, and the receipt says which") {
  json req = testland_request();
  json r = estimate(fixture_engine(), req);
  CHECK(r["result"]["receipt"]["policy_id"] == "testland/2024-01-01");
  CHECK(r["result"]["receipt"]["policy_hash"].get<std::string>().size() == 64);
  req["date_of_care"] = "2025-01-01";  // effective_to is exclusive
  r = estimate(fixture_engine(), req);
  CHECK(r["error"]["code"] == "no_policy_for_date");
  CHECK(r["error"]["field"] == "date_of_care");
}

TEST_CASE("first stay assumed when prior stays are not given and the deductible depends on it") {
  json req = testland_request();
  req.erase("year_to_date");
  const json r = estimate(fixture_engine(), req);
  CHECK(has_warning(r, "first_stay_assumed"));
  // first stay 1000, a later stay 500: the deductible is a range, and the question says by how much it narrows
  CHECK(split(r, "deductible_applied") == "500.00..1000.00");
}

TEST_CASE("cross-region care without a rule of the insured region is not guessed") {
  json req = testland_request();
  req["care_region"] = "杭州";
  req["filing"] = "temporary";
  const json r = estimate(fixture_engine(), req);
  CHECK(split(r, "in_scope") == "10000.00");
  CHECK(split(r, "fund_paid") == "null");
  bool asked = false;
  for (const auto& u : r["result"]["cannot_estimate"])
    asked = asked || (u["part"] == "fund_paid" && u["needs"] == "policy:cross_region");
  CHECK(asked);
  // the filing was given, the settlement was not: that is the next question
  CHECK(r["result"]["next_questions"][0]["field"] == "settlement");
}

TEST_CASE("manual claim: materials for the setting, deadlines by months (clamped) and by days") {
  json req = testland_request();
  req["settlement"] = "manual_claim";
  req["date_of_care"] = "2024-11-20";
  req["discharge_date"] = "2024-11-30";
  json r = estimate(fixture_engine(), req);
  const json& res = r["result"];
  REQUIRE(res["materials"].size() == 2);
  CHECK(res["materials"][1]["id"] == "discharge");
  CHECK(res["materials"][1]["original"] == false);
  REQUIRE(res["deadlines"].size() == 2);
  CHECK(res["deadlines"][0]["date"] == "2025-02-28");  // 11-30 + 3 months: no 02-30, so the month's last day
  CHECK(res["deadlines"][0]["counted_from"] == "2024-11-30");
  CHECK(res["deadlines"][0]["weekday_zh"] == "星期五");
  CHECK(res["deadlines"][1]["date"] == "2024-12-20");  // 11-20 + 30 days, start day not counted
  CHECK(res["deadlines"][1]["source"]["clause"] == "第十二条");
  req.erase("discharge_date");
  r = estimate(fixture_engine(), req);
  CHECK(r["result"]["deadlines"].size() == 1);  // the months rule needs the discharge date: asked for
  CHECK(r["result"]["next_questions"][0]["field"] == "discharge_date");
  req["setting"] = "outpatient";
  r = estimate(fixture_engine(), req);
  CHECK(r["result"]["materials"][1]["id"] == "outpatient_record");
  CHECK(r["result"]["deadlines"][0]["date"] == "2025-02-20");
}
