// Every ErrorCode is reached by a hostile input, and the envelope names the field in both languages.
#include <doctest/doctest.h>

#include "engine/core/limits.hpp"
#include "support.hpp"

using test::json;

namespace {

json err(const std::string& request) { return test::estimate_text(test::builtin_engine(), request); }

json with(const char* key, json value) {
  json r = test::testland_request();
  r["insured_region"] = "shenzhen";
  r["date_of_care"] = "2025-03-01";
  r[key] = std::move(value);
  return r;
}

void expect_error(const json& envelope, const char* code, const char* field) {
  CAPTURE(envelope.dump());
  REQUIRE(envelope["ok"] == false);
  CHECK(envelope["error"]["code"] == code);
  CHECK(envelope["error"]["field"] == field);
  CHECK_FALSE(envelope["error"]["message_zh"].get<std::string>().empty());
  CHECK_FALSE(envelope["error"]["message_en"].get<std::string>().empty());
}

}  // namespace

TEST_CASE("the shenzhen base request used here is valid") { CHECK(err(with("tier", "tier1").dump())["ok"] == true); }

TEST_CASE("malformed_json") {
  expect_error(err("{"), "malformed_json", "request");
  expect_error(err(""), "malformed_json", "request");
  expect_error(err("{\"a\":\"\xff\"}"), "malformed_json", "request");  // invalid UTF-8
}

TEST_CASE("too_large: bytes, nesting and items") {
  expect_error(err(std::string(2u << 20, ' ')), "too_large", "request");
  expect_error(err(std::string(100000, '[') + std::string(100000, ']')), "too_large", "request");
  json r = with("tier", "tier1");
  r["items"] = json::array();
  for (int i = 0; i < 5001; ++i) r["items"].push_back({{"class", "class_a"}, {"amount", "1"}});
  expect_error(err(r.dump()), "too_large", "items");
}

TEST_CASE("wrong_type") {
  expect_error(err(with("scheme", 1).dump()), "wrong_type", "scheme");
  expect_error(err("[]"), "wrong_type", "request");
  expect_error(err(with("age", "forty").dump()), "wrong_type", "age");
  expect_error(err(with("items", json::object()).dump()), "wrong_type", "items");
}

TEST_CASE("missing_field") {
  json r = with("tier", "tier1");
  r.erase("insured_region");
  expect_error(err(r.dump()), "missing_field", "insured_region");
  r = with("tier", "tier1");
  r.erase("items");
  // No bill is not an error (the answer is the process, the amounts wait for the bill); an empty one is.
  CHECK(err(r.dump())["ok"] == true);
  r["items"] = json::array();
  expect_error(err(r.dump()), "missing_field", "items");
  r = with("tier", "tier1");
  r["items"][0] = {{"class", "class_a"}, {"quantity", 2}};
  expect_error(err(r.dump()), "missing_field", "items[0].unit_price");
}

TEST_CASE("unknown_field: a typo never silently changes an answer") {
  expect_error(err(with("hospital_lvl", "level3").dump()), "unknown_field", "hospital_lvl");
  json r = with("tier", "tier1");
  r["items"][0]["clas"] = "class_b";
  expect_error(err(r.dump()), "unknown_field", "items[0].clas");
}

TEST_CASE("unknown_value") {
  expect_error(err(with("scheme", "gold").dump()), "unknown_value", "scheme");
  expect_error(err(with("hospital_level", "level4").dump()), "unknown_value", "hospital_level");
}

TEST_CASE("invalid_money, negative_amount, invalid_ratio") {
  json r = with("tier", "tier1");
  r["items"][0]["amount"] = "12.345";
  expect_error(err(r.dump()), "invalid_money", "items[0].amount");
  r["items"][0]["amount"] = 12.345;  // a plain JSON number with three decimals
  expect_error(err(r.dump()), "invalid_money", "items[0].amount");
  r["items"][0]["amount"] = 1e30;
  expect_error(err(r.dump()), "invalid_money", "items[0].amount");
  r["items"][0]["amount"] = "-5";
  expect_error(err(r.dump()), "negative_amount", "items[0].amount");
  r["items"][0]["amount"] = 12.5;  // accepted: at most two decimals
  CHECK(err(r.dump())["ok"] == true);
  r["items"][0]["selfpay_ratio"] = "120%";
  expect_error(err(r.dump()), "invalid_ratio", "items[0].selfpay_ratio");
}

TEST_CASE("invalid_date and inconsistent dates") {
  expect_error(err(with("date_of_care", "2025-02-29").dump()), "invalid_date", "date_of_care");
  expect_error(err(with("date_of_care", "2025-13-01").dump()), "invalid_date", "date_of_care");
  expect_error(err(with("date_of_care", "25-03-01").dump()), "invalid_date", "date_of_care");
  expect_error(err(with("discharge_date", "2025-02-28").dump()), "inconsistent", "discharge_date");
  // A filing date without the kind of filing asks for the filing (it used to say "filing is none").
  expect_error(err(with("filing_date", "2025-02-28").dump()), "missing_field", "filing");
  json none = with("filing_date", "2025-02-28");
  none["filing"] = "none";
  expect_error(err(none.dump()), "inconsistent", "filing_date");
  expect_error(err(with("age", 200).dump()), "inconsistent", "age");
}

TEST_CASE("unknown_region and no_policy_for_date") {
  expect_error(err(with("insured_region", "atlantis").dump()), "unknown_region", "insured_region");
  expect_error(err(with("date_of_care", "2019-01-01").dump()), "no_policy_for_date", "date_of_care");
}

TEST_CASE("unknown_command") {
  const json r = json::parse(test::builtin_engine().call(R"({"op":"nope"})"));
  expect_error(r, "unknown_command", "op");
}

TEST_CASE("policy_invalid names the file and JSON pointer") {
  auto e = claimcalc::api::Engine::from_files({{"x/2024-01-01.json", "{\"schema_version\":1}"}});
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().code == claimcalc::ErrorCode::policy_invalid);
  CHECK(e.error().field == "x/2024-01-01.json#/region");
}

TEST_CASE("too_large: a batch over kMaxBatchRequests, as a method and through call (one batch path)") {
  std::string list = "[";
  for (std::size_t i = 0; i <= claimcalc::limits::kMaxBatchRequests; ++i) list += i == 0 ? "{}" : ",{}";
  list += "]";
  const auto& engine = test::builtin_engine();
  expect_error(json::parse(engine.estimate_many(list)), "too_large", "requests");
  expect_error(json::parse(engine.call("{\"op\":\"estimate_many\",\"requests\":" + list + "}")), "too_large",
               "requests");
  expect_error(json::parse(engine.call("{\"op\":\"estimate_many\",\"requests\":{}}")), "wrong_type", "requests");
}

TEST_CASE("unknown_value: a text language other than zh, en or both") {
  const auto& engine = test::builtin_engine();
  const std::string request = with("tier", "tier1").dump();
  expect_error(json::parse(engine.explain(request, "fr")), "unknown_value", "lang");
  expect_error(json::parse(engine.call("{\"op\":\"explain\",\"lang\":\"fr\",\"request\":" + request + "}")),
               "unknown_value", "lang");
  expect_error(json::parse(engine.guide_text("{\"scenario\":\"manual_claim\"}", "")), "unknown_value", "lang");
  const json zh = json::parse(engine.call("{\"op\":\"explain\",\"lang\":\"zh\",\"request\":" + request + "}"));
  REQUIRE(zh["ok"] == true);
  CHECK(zh["result"]["text"].get<std::string>().find("The patient pays") == std::string::npos);
}
