// Layers national -> province -> city on a made-up pack (tests/fixtures/layers): a city inherits its province's
// cross-region rules, processes and figures, and the national ones; a city figure overrides; each step cites the
// layer it came from.
#include <doctest/doctest.h>

#include "tests/unit/support.hpp"
#include "tools/policy_dir.hpp"

using claimcalc::api::Engine;
using test::json;

namespace {

const Engine& layered_engine() {
  static const Engine engine = [] {
    auto list = claimcalc::tools::read_policy_dir(test::source_dir() + "/tests/fixtures/layers").value();
    list.push_back(
        {"national/2022-07-26.json", test::read_file(test::source_dir() + "/policies/national/2022-07-26.json")});
    auto e = Engine::from_files(list);
    if (!e.ok()) MESSAGE(e.error().field << ": " << e.error().message_en);
    return e.value();
  }();
  return engine;
}

json request(const char* insured, const char* care) {
  return {
      {"insured_region", insured},    {"care_region", care},
      {"scheme", "employee"},         {"person", "active"},
      {"setting", "inpatient"},       {"hospital_level", "level3"},
      {"date_of_care", "2024-03-01"}, {"discharge_date", "2024-03-10"},
      {"filing", "temporary"},        {"filing_date", "2024-02-01"},
      {"settlement", "direct"},       {"items", {{{"name", "住院费用"}, {"class", "class_a"}, {"amount", "10000"}}}}};
}

const json* step(const json& r, const char* rule) {
  for (const auto& s : r["result"]["steps"])
    if (s["rule"] == rule) return &s;
  return nullptr;
}

std::vector<std::string> needs(const json& r) {
  std::vector<std::string> out;
  for (const auto& u : r["result"]["cannot_estimate"]) out.push_back(u["needs"]);
  return out;
}

}  // namespace

TEST_CASE("layers: a city's own figures, its province's cut and cap, each cited at its layer") {
  const json r = test::estimate(layered_engine(), request("杭州", "宁波"));
  REQUIRE_MESSAGE(r["ok"] == true, r.dump());
  // city deductible 500 and ratio 90%; province: in-province care at 90% of the local ratio. 9500 x 90% x 90%.
  CHECK(test::split(r, "deductible_applied") == "500.00");
  CHECK(test::split(r, "fund_paid") == "7695.00");
  REQUIRE(step(r, "cross_region") != nullptr);
  CHECK((*step(r, "cross_region"))["source"]["id"] == "p1");
  // each use refers to its layer's document in the answer's sources table
  CHECK((*step(r, "cross_region"))["source"]["ref"] == "fx-province:p1");
  CHECK(r["result"]["sources"]["fx-province:p1"]["title"] == "测试用省级政策（虚构）");
  CHECK((*step(r, "deductible"))["source"]["ref"] == "fx-city:c1");
  CHECK(r["result"]["sources"]["fx-city:c1"]["title"] == "测试用市级政策（虚构）");
  REQUIRE(step(r, "annual_cap") != nullptr);
  CHECK((*step(r, "annual_cap"))["source"]["clause"] == "省第七条");
}

TEST_CASE("layers: the province's out-of-province cut applies to care in another province") {
  const json r = test::estimate(layered_engine(), request("330100", "上海"));
  REQUIRE(r["ok"] == true);
  CHECK(test::split(r, "fund_paid") == "6840.00");  // 9500 x 90% x 80%
}

TEST_CASE("layers: the province's filing validity and manual-claim process reach the city") {
  json req = request("杭州市", "上海");
  req["filing_date"] = "2023-06-01";  // + 6 months (province rule) ends before the date of care
  json r = test::estimate(layered_engine(), req);
  REQUIRE(r["ok"] == true);
  CHECK(test::has_warning(r, "filing_expired"));
  REQUIRE(r["result"]["materials"].size() == 1);
  CHECK(r["result"]["materials"][0]["id"] == "province_form");
  CHECK(r["result"]["materials"][0]["source"]["id"] == "p1");
  REQUIRE(r["result"]["deadlines"].size() == 1);
  // discharge 2024-03-10 + 90 days = Saturday 2024-06-08; Monday 06-10 is 端午节, so the last day is 06-11
  CHECK(r["result"]["deadlines"][0]["date"] == "2024-06-11");
}

TEST_CASE("layers: a city without benefit figures still answers, and names exactly what is missing") {
  json r = test::estimate(layered_engine(), request("fx-bare", "上海"));
  REQUIRE_MESSAGE(r["ok"] == true, r.dump());
  // the province gives the deductible (800) and the cap but no ratio
  CHECK(test::split(r, "fund_paid") == "null");
  CHECK(needs(r) == std::vector<std::string>{"policy:ratio"});
  json req = request("宁波", "上海");
  req["scheme"] = "resident";
  req["person"] = "adult";
  req["filing"] = "none";
  req.erase("filing_date");
  r = test::estimate(layered_engine(), req);
  REQUIRE_MESSAGE(r["ok"] == true, r.dump());
  const auto n = needs(r);
  CHECK(std::find(n.begin(), n.end(), "policy:schemes.resident.inpatient") != n.end());
  CHECK(r["result"]["materials"][0]["id"] == "province_form");  // what to bring: from the province layer
}

TEST_CASE("layers: a city with no file is estimated from its province's layer and gets its process answers") {
  // The province's figures are for all its cities: 温州 (no file) gets its deductible 800 and its out-of-province
  // multiplier, says so, and names the ratio no layer gives instead of guessing it.
  const json e = test::estimate(layered_engine(), request("温州", "上海"));
  REQUIRE_MESSAGE(e["ok"] == true, e.dump());
  CHECK(test::has_warning(e, "province_rules_only"));
  CHECK(e["result"]["receipt"]["policy_id"] == "fx-province/2024-01-01");
  CHECK(test::split(e, "deductible_applied") == "800.00");
  CHECK(test::split(e, "fund_paid") == "null");
  CHECK(needs(e) == std::vector<std::string>{"policy:ratio"});
  REQUIRE(step(e, "cross_region") != nullptr);
  CHECK((*step(e, "cross_region"))["source"]["ref"] == "fx-province:p1");
  // a province without a layer file still gets the clear error naming the city and what the pack has
  const json none = test::estimate(layered_engine(), request("成都", "上海"));
  REQUIRE(none["ok"] == false);
  CHECK(none["error"]["code"] == "unknown_region");
  json in = {{"op", "guide"}, {"scenario", "manual_claim"}, {"request", request("温州", "上海")}};
  in["request"]["filing"] = "none";
  in["request"].erase("filing_date");
  const json g = json::parse(layered_engine().call(in.dump()));
  REQUIRE_MESSAGE(g["ok"] == true, g.dump());
  CHECK(g["result"]["region"].is_null());
  CHECK(g["result"]["province_policy_id"] == "fx-province/2024-01-01");
  CHECK(g["result"]["materials"][0]["id"] == "province_form");
  CHECK(g["result"]["deadlines"][0]["date"] == "2024-06-11");
  bool national_step = false;
  for (const auto& s : g["result"]["steps"])
    national_step = national_step || s["source"]["id"] == "seed_remote_settlement";
  CHECK(national_step);
}

TEST_CASE("layers: coverage shows what a city inherits and from which layer") {
  const json r = json::parse(layered_engine().coverage("json"));
  REQUIRE(r["ok"] == true);
  for (const auto& reg : r["result"]["regions"]) {
    if (reg["region"] != "fx-bare") continue;
    for (const auto& p : reg["schemes"]["employee"]) {
      if (p["part"] == "inpatient.deductible") CHECK(p["layer"] == "fx-province");
      if (p["part"] == "inpatient.ratio") CHECK(p["present"] == false);
    }
    for (const auto& p : reg["common"]) {
      if (p["part"] == "cross_region.ratio") CHECK(p["layer"] == "fx-province");
      if (p["part"] == "processes.late_claim") CHECK(p["layer"] == "national");
    }
  }
}
