// Issue 9 item 7: every figure quoted, secondary figures corroborated, sources used and dated, last_verified not in
// the future, versions without gaps, retirees not below active workers; stale regions are warnings.
#include <doctest/doctest.h>

#include <string>

#include "engine/codec/policy_codec.hpp"
#include "support.hpp"

using test::json;

namespace {

// Sources s (official), w (secondary, undated) and v (secondary, a month): w's figure corroborated by v.
json minimal() {
  json p = test::policy_file(R"({"employee": {"persons": ["active", "retired"], "inpatient": {
      "deductible": [{"amount": "100", "source": "w", "quote": "起付线100元。",
                      "also": [{"source": "v", "quote": "住院起付标准为100元"}]}],
      "ratio": [{"when": {"person": "retired"}, "ratio": "95%", "source": "s", "quote": "退休人员95%。"},
                {"ratio": "90%", "source": "s", "quote": "在职职工90%。"}]}}})");
  p["sources"].push_back(test::policy_source("w", "undated", "secondary"));
  p["sources"].push_back(test::policy_source("v", "2024-05", "secondary"));
  return p;
}

const std::string kFile = "x/2024-01-01.json";

claimcalc::Error refuse(const json& policy) {
  auto e = claimcalc::api::Engine::from_files({{kFile, policy.dump()}});
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().code == claimcalc::ErrorCode::policy_invalid);
  return e.error();
}

bool accepted(const json& policy) { return claimcalc::api::Engine::from_files({{kFile, policy.dump()}}).ok(); }

json& inpatient(json& p) { return p["schemes"]["employee"]["inpatient"]; }

}  // namespace

TEST_CASE("the quoted minimal policy is valid") { CHECK(accepted(minimal())); }

TEST_CASE("every figure carries the source's own sentence") {
  json p = minimal();
  inpatient(p)["ratio"][1].erase("quote");
  const auto e = refuse(p);
  CHECK(e.field == kFile + "#/schemes/employee/inpatient/ratio/1/quote");
  CHECK(e.message_en.find("paste the source's own sentence") != std::string::npos);
  p = minimal();
  inpatient(p)["ratio"][1]["quote"] = std::string(201 * 3, 'a').substr(0, 0) + [] {
    std::string s;
    for (int i = 0; i < 201; ++i) s += "字";
    return s;
  }();
  CHECK(refuse(p).message_en.find("over 200 characters") != std::string::npos);
  // 200 Chinese characters (600 bytes) is within the limit: the limit counts characters, not bytes.
  std::string two_hundred;
  for (int i = 0; i < 200; ++i) two_hundred += "字";
  inpatient(p)["ratio"][1]["quote"] = two_hundred;
  CHECK(accepted(p));
}

TEST_CASE("a cross-region multiplier and a deadline are figures too") {
  json p = minimal();
  p["cross_region"] = json::parse(R"({"ratio_multipliers": [{"multiplier": "80%", "source": "s"}]})");
  CHECK(refuse(p).field == kFile + "#/cross_region/ratio_multipliers/0/quote");
  p["cross_region"]["ratio_multipliers"][0]["quote"] = "按照市内就医支付比例的80%支付";
  CHECK(accepted(p));
}

TEST_CASE("a secondary figure needs a second, different source that agrees") {
  json p = minimal();
  inpatient(p)["deductible"][0].erase("also");
  const auto e = refuse(p);
  CHECK(e.field == kFile + "#/schemes/employee/inpatient/deductible/0/also");
  CHECK(e.message_en.find("second, independent source") != std::string::npos);
  p = minimal();
  inpatient(p)["deductible"][0]["also"][0]["source"] = "w";
  CHECK(refuse(p).field == kFile + "#/schemes/employee/inpatient/deductible/0/also/0/source");
  p = minimal();
  inpatient(p)["deductible"][0]["also"][0].erase("quote");
  CHECK(refuse(p).field == kFile + "#/schemes/employee/inpatient/deductible/0/also/0/quote");
  p = minimal();
  inpatient(p)["deductible"][0]["also"][0]["source"] = "nope";
  CHECK(refuse(p).field == kFile + "#/schemes/employee/inpatient/deductible/0/also/0/source");
}

TEST_CASE("every source is cited somewhere") {
  json p = minimal();
  p["sources"].push_back(test::policy_source("idle", "2024-01-01", "official"));
  const auto e = refuse(p);
  CHECK(e.field == kFile + "#/sources/3/id");
  CHECK(e.message_en.find("not cited") != std::string::npos);
}

TEST_CASE("a source date is a date, a month or undated") {
  for (const char* bad : {"unknown", "2024-13-01", "2024-02-30", "2024", "24-01-01", ""}) {
    json p = minimal();
    p["sources"][0]["date"] = bad;
    CHECK(refuse(p).field == kFile + "#/sources/0/date");
  }
}

TEST_CASE("last_verified may not be after today; old ones are stale warnings") {
  const std::vector<claimcalc::PolicyFile> files{{kFile, minimal().dump()}};
  const auto today = claimcalc::Date::unchecked(2025, 12, 31);
  auto pack = claimcalc::codec::load_pack(files, today);
  REQUIRE_FALSE(pack.ok());
  CHECK(pack.error().field == kFile + "#/last_verified");
  CHECK(pack.error().message_en.find("after today") != std::string::npos);

  auto later = claimcalc::codec::load_pack(files, claimcalc::Date::unchecked(2026, 1, 1));
  REQUIRE(later.ok());
  CHECK(claimcalc::codec::stale_regions(later.value(), claimcalc::Date::unchecked(2027, 1, 1)).empty());
  const auto stale = claimcalc::codec::stale_regions(later.value(), claimcalc::Date::unchecked(2027, 1, 2));
  REQUIRE(stale.size() == 1);
  CHECK(stale[0].find("x/2024-01-01") != std::string::npos);
}

TEST_CASE("versions of a region leave no gap") {
  json a = minimal();
  json b = minimal();
  b["effective_from"] = "2025-01-01";
  a["effective_to"] = "2024-12-01";
  auto e = claimcalc::api::Engine::from_files({{kFile, a.dump()}, {"x/2025-01-01.json", b.dump()}});
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().field == kFile + "#/effective_to");
  CHECK(e.error().message_en.find("gap") != std::string::npos);
  // The last version may end without a successor (the region's rules after it are unknown).
  a["effective_to"] = "2025-01-01";
  b["effective_to"] = "2026-01-01";
  CHECK(claimcalc::api::Engine::from_files({{kFile, a.dump()}, {"x/2025-01-01.json", b.dump()}}).ok());
}

TEST_CASE("a retiree's ratio is not below an active worker's unless a note says so") {
  json p = minimal();
  inpatient(p)["ratio"][0]["ratio"] = "85%";
  const auto e = refuse(p);
  CHECK(e.field == kFile + "#/schemes/employee/inpatient/ratio/0");
  CHECK(e.message_en.find("retiree") != std::string::npos);
  inpatient(p)["ratio"][0]["note"] = "The notice gives retirees 85%.";
  CHECK(accepted(p));
}
