// A cut of N percentage points on the local ratio for care elsewhere (苏医保发〔2022〕75号 第十八条 style), beside
// Shenzhen's multiplier: computed as the text says, never below zero, and unknown when only a ceiling is known.
#include <doctest/doctest.h>

#include "support.hpp"

using test::json;

namespace {

claimcalc::api::Engine cut_engine(const char* cuts) {
  json p = json::parse(R"({
    "schema_version": 1, "region": "x", "name_zh": "某市", "name_en": "X", "province": "p",
    "effective_from": "2024-01-01", "last_verified": "2026-01-01",
    "sources": [{"id": "s", "title": "t", "office": "o", "date": "2024-01-01", "url": "https://example.invalid/u", "confidence": "official"}],
    "schemes": {"employee": {"persons": ["active"], "inpatient": {
      "deductible": [{"amount": "1000", "source": "s", "quote": "起付标准1000元。"}],
      "ratio": [{"ratio": "90%", "source": "s", "quote": "支付比例90%。"}],
      "annual_cap": [{"amount": "500000", "source": "s", "quote": "最高支付限额50万元。"}]}}}
  })");
  p["cross_region"] = json::parse(cuts);
  auto e = claimcalc::api::Engine::from_files({{"x/2024-01-01.json", p.dump()}});
  REQUIRE(e.ok());
  return e.value();
}

json request(const char* filing) {
  return json::parse(std::string(R"({"insured_region": "x", "care_region": "杭州", "care_province": "zhejiang",
    "scheme": "employee", "person": "active", "setting": "inpatient", "hospital_level": "level3",
    "date_of_care": "2024-06-01", "settlement": "direct", "filing": ")") +
                     filing + R"(", "filing_date": "2024-05-01", "totals": {"class_a": "11000"}})");
}

}  // namespace

TEST_CASE("a cut in percentage points comes off the local ratio") {
  const auto engine = cut_engine(R"({"ratio_cuts": [
      {"when": {"filing": "referral"}, "points": "5", "source": "s", "quote": "降低5个百分点"},
      {"when": {"filing": "temporary"}, "points": "95", "source": "s", "quote": "降低95个百分点"}]})");
  // (11000 - 1000) x (90% - 5 points = 85%) = 8500.
  const json r = test::estimate(engine, request("referral"));
  CHECK(test::split(r, "fund_paid") == "8500.00");
  bool shown = false;
  for (const auto& s : r["result"]["steps"])
    if (s["rule"] == "cross_region")
      shown = s["text_en"].get<std::string>().find("less 5 percentage points") != std::string::npos;
  CHECK(shown);
  // A cut larger than the ratio leaves nothing, never a negative ratio.
  CHECK(test::split(test::estimate(engine, request("temporary")), "fund_paid") == "0.00");
}

TEST_CASE("a cut known only as a ceiling leaves the fund's share unknown, with the ceiling in a warning") {
  const auto engine = cut_engine(R"({"ratio_cuts": [
      {"when": {"filing": "referral"}, "points_max": "5", "source": "s", "clause": "第十八条", "quote": "降低幅度不超过5个百分点"}]})");
  const json r = test::estimate(engine, request("referral"));
  CHECK(test::split(r, "fund_paid") == "null");
  CHECK(test::has_unknown(r, "fund_paid"));
  CHECK(test::has_warning(r, "cross_region_cut_unknown"));
}

TEST_CASE("a cut needs exactly one of points and points_max, and not beside multipliers") {
  json p = json::parse(R"({"ratio_cuts": [{"points": "5", "points_max": "5", "source": "s", "quote": "q"}]})");
  auto policy = [&](const json& cross) {
    json base = json::parse(R"({"schema_version": 1, "region": "x", "name_zh": "某市", "name_en": "X",
      "province": "p", "effective_from": "2024-01-01", "last_verified": "2026-01-01",
      "sources": [{"id": "s", "title": "t", "office": "o", "date": "2024-01-01", "url": "https://example.invalid/u", "confidence": "official"}],
      "schemes": {"employee": {"persons": ["active"], "inpatient": {
        "ratio": [{"ratio": "90%", "source": "s", "quote": "q"}]}}}})");
    base["cross_region"] = cross;
    return claimcalc::api::Engine::from_files({{"x/2024-01-01.json", base.dump()}});
  };
  auto e = policy(p);
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().field == "x/2024-01-01.json#/cross_region/ratio_cuts/0");
  p["ratio_cuts"][0].erase("points_max");
  CHECK(policy(p).ok());
  p["ratio_multipliers"] = json::parse(R"([{"multiplier": "80%", "source": "s", "quote": "q"}])");
  e = policy(p);
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().field == "x/2024-01-01.json#/cross_region/ratio_cuts");
}
