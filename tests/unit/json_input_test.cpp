// Ambiguous JSON is refused (issue 14 rows 7 and 11): a key given twice, a NUL or any bytes after the value, a
// fractional number where text or a whole number is meant; a number beyond a double is a bad amount on its field.
#include <doctest/doctest.h>

#include "engine/codec/json_input.hpp"
#include "support.hpp"

using test::json;

namespace {

json shenzhen() {
  json r = test::testland_request();
  r["insured_region"] = "shenzhen";
  r["date_of_care"] = "2025-03-01";
  r["tier"] = "tier1";
  return r;
}

// The request's text with the value of `key` (at the top level) replaced by raw JSON text.
std::string with_raw(const char* key, const std::string& raw) {
  json r = shenzhen();
  r[key] = "@@";
  std::string s = r.dump();
  s.replace(s.find("\"@@\""), 4, raw);
  return s;
}

json run(const std::string& text) { return test::estimate_text(test::builtin_engine(), text); }

void expect(const json& envelope, const char* code, const char* field) {
  CAPTURE(envelope.dump());
  REQUIRE(envelope["ok"] == false);
  CHECK(envelope["error"]["code"] == code);
  CHECK(envelope["error"]["field"] == field);
}

}  // namespace

TEST_CASE("the base request is valid") { CHECK(run(shenzhen().dump())["ok"] == true); }

TEST_CASE("a key given twice is refused, naming the key") {
  std::string s = shenzhen().dump();
  s.insert(1, "\"insured_region\":\"guangzhou\",");
  expect(run(s), "malformed_json", "insured_region");
  json r = shenzhen();
  r["items"][0]["amount"] = "@@";
  s = r.dump();
  s.replace(s.find("\"@@\""), 4, "\"1.00\",\"amount\":\"2.00\"");
  expect(run(s), "malformed_json", "items[0].amount");
}

TEST_CASE("a NUL byte, or anything after the value, is refused") {
  const std::string good = shenzhen().dump();
  expect(run(good + std::string(1, '\0') + "garbage"), "malformed_json", "request");
  expect(run(good + std::string(1, '\0')), "malformed_json", "request");
  expect(run(good + " {}"), "malformed_json", "request");
  expect(run(good + "x"), "malformed_json", "request");
  CHECK(run(good + " \n\t\r ")["ok"] == true);  // whitespace after the value is allowed by JSON
}

TEST_CASE("a fractional number where text or a whole number is meant is a wrong type") {
  json r = shenzhen();
  r["items"][0]["name"] = "@@";
  std::string s = r.dump();
  s.replace(s.find("\"@@\""), 4, "12.5");
  expect(run(s), "wrong_type", "items[0].name");
  expect(run(with_raw("care_province", "44.0")), "wrong_type", "care_province");
  expect(run(with_raw("age", "40.0")), "wrong_type", "age");
  expect(run(with_raw("age", "4e1")), "wrong_type", "age");
  expect(run(with_raw("insured_region", "1e309")), "wrong_type", "insured_region");
}

TEST_CASE("money may be a JSON number, read exactly from its text; beyond a double it is a bad amount") {
  json r = shenzhen();
  r["items"] = json::array({{{"class", "class_a"}, {"amount", "@@"}}});
  const std::string base = r.dump();
  auto amount = [&](const std::string& raw) {
    std::string s = base;
    s.replace(s.find("\"@@\""), 4, raw);
    return run(s);
  };
  CHECK(amount("1234.56")["ok"] == true);
  CHECK(amount("1234.56")["result"]["split"]["total"] == "1234.56");
  expect(amount("1e309"), "invalid_money", "items[0].amount");
  expect(amount("-1e309"), "invalid_money", "items[0].amount");
  expect(amount("1E400"), "invalid_money", "items[0].amount");
  expect(amount(std::string(400, '9')), "invalid_money", "items[0].amount");
  expect(amount("1.005"), "invalid_money", "items[0].amount");
}

TEST_CASE("numbers beyond a double keep their place among keys and strings") {
  auto parsed = claimcalc::codec::parse_json(R"({"a":"x","b":[1e309,"1e309",2e999],"c\"d":-1e400})", 1000, "in");
  REQUIRE(parsed.ok());
  const json& j = parsed.value();
  CHECK(claimcalc::codec::fraction_text(j["b"][0]) == "1e309");
  CHECK(j["b"][1] == "1e309");
  CHECK(claimcalc::codec::fraction_text(j["b"][2]) == "2e999");
  CHECK(claimcalc::codec::fraction_text(j["c\"d"]) == "-1e400");
  CHECK(j["a"] == "x");
}

TEST_CASE("a duplicate key in a policy file is named by file and pointer") {
  auto parsed = claimcalc::codec::parse_json(R"({"a":{"b":[{"c":1,"c":2}]}})", 1000, "x/2024-01-01.json",
                                             claimcalc::codec::JsonPaths::pointer);
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error().field == "x/2024-01-01.json#/a/b/0/c");
}

TEST_CASE("a duplicate key inside a batch names the request's index") {
  auto parsed = claimcalc::codec::parse_json(R"([{},{"a":1,"a":1}])", 1000, "requests");
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error().field == "requests[1].a");
}
