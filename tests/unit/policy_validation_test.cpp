// Policy files that break a rule are refused with file, pointer and reason.
#include <doctest/doctest.h>

#include "support.hpp"

using test::json;

namespace {

json minimal() {
  return test::policy_file(R"({"employee": {"persons": ["active"], "inpatient": {
      "deductible": [{"amount": "100", "source": "s", "quote": "起付标准为100元。"}],
      "ratio": [{"when": {"hospital_level": "level1"}, "ratio": "90%", "source": "s", "quote": "一级医院90%。"},
                {"when": {"hospital_level": "level3"}, "ratio": "80%", "source": "s", "quote": "三级医院80%。"}]}}})");
}

claimcalc::Error refuse(const json& policy, const std::string& path = "x/2024-01-01.json") {
  auto e = claimcalc::api::Engine::from_files({{path, policy.dump()}});
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().code == claimcalc::ErrorCode::policy_invalid);
  return e.error();
}

}  // namespace

TEST_CASE("the minimal policy is valid") {
  CHECK(claimcalc::api::Engine::from_files({{"x/2024-01-01.json", minimal().dump()}}).ok());
}

TEST_CASE("a figure must cite a known source") {
  json p = minimal();
  p["schemes"]["employee"]["inpatient"]["deductible"][0]["source"] = "nope";
  CHECK(refuse(p).field == "x/2024-01-01.json#/schemes/employee/inpatient/deductible/0/source");
  p = minimal();
  p["schemes"]["employee"]["inpatient"]["deductible"][0].erase("source");
  CHECK(refuse(p).field == "x/2024-01-01.json#/schemes/employee/inpatient/deductible/0/source");
}

TEST_CASE("bands: no gaps, no overlaps, start at zero, ratios within [0, 1]") {
  json p = minimal();
  auto& ratio = p["schemes"]["employee"]["inpatient"]["ratio"];
  ratio = json::array(
      {{{"bands", {{{"from", "0"}, {"to", "1000"}, {"ratio", "90%"}}, {{"from", "2000"}, {"ratio", "95%"}}}},
        {"source", "s"},
        {"quote", "q"}}});
  CHECK(refuse(p).field == "x/2024-01-01.json#/schemes/employee/inpatient/ratio/0/bands/1");
  ratio[0]["bands"][1]["from"] = "500";
  CHECK(refuse(p).message_en.find("overlap") != std::string::npos);
  ratio[0]["bands"][0]["from"] = "100";
  ratio[0]["bands"][1]["from"] = "1000";
  CHECK(refuse(p).message_en.find("start at 0") != std::string::npos);
  ratio[0]["bands"][0]["from"] = "0";
  ratio[0]["bands"][1]["ratio"] = "1.5";
  CHECK(refuse(p).field == "x/2024-01-01.json#/schemes/employee/inpatient/ratio/0/bands/1/ratio");
}

TEST_CASE("a higher hospital level with a higher ratio needs a note") {
  json p = minimal();
  p["schemes"]["employee"]["inpatient"]["ratio"][1]["ratio"] = "95%";
  CHECK(refuse(p).message_en.find("higher hospital level") != std::string::npos);
  p["schemes"]["employee"]["inpatient"]["ratio"][1]["note"] = "the notice sets it so";
  CHECK(claimcalc::api::Engine::from_files({{"x/2024-01-01.json", p.dump()}}).ok());
}

TEST_CASE("negative amounts, unknown fields, duplicate sources, file naming") {
  json p = minimal();
  p["schemes"]["employee"]["inpatient"]["deductible"][0]["amount"] = "-1";
  refuse(p);
  p = minimal();
  p["schemes"]["employee"]["inpatient"]["deductable"] = json::array();
  CHECK(refuse(p).field == "x/2024-01-01.json#/schemes/employee/inpatient/deductable");
  p = minimal();
  p["sources"].push_back(p["sources"][0]);
  CHECK(refuse(p).field == "x/2024-01-01.json#/sources/1/id");
  CHECK(refuse(minimal(), "y/2024-01-01.json").field == "y/2024-01-01.json#/region");
  CHECK(refuse(minimal(), "x/2024-02-01.json").field == "x/2024-02-01.json#/effective_from");
}

TEST_CASE("versions of one region must not overlap") {
  json a = minimal();
  json b = minimal();
  b["effective_from"] = "2025-01-01";
  auto e = claimcalc::api::Engine::from_files({{"x/2024-01-01.json", a.dump()}, {"x/2025-01-01.json", b.dump()}});
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().message_en.find("overlap") != std::string::npos);
  a["effective_to"] = "2025-01-01";
  CHECK(claimcalc::api::Engine::from_files({{"x/2024-01-01.json", a.dump()}, {"x/2025-01-01.json", b.dump()}}).ok());
  // The error names the earlier version's file (the one whose effective_to is missing), in either file order.
  a.erase("effective_to");
  auto later_first =
      claimcalc::api::Engine::from_files({{"x/2025-01-01.json", b.dump()}, {"x/2024-01-01.json", a.dump()}});
  REQUIRE_FALSE(later_first.ok());
  CHECK(later_first.error().field == "x/2024-01-01.json#/effective_to");
}

TEST_CASE("insurance_year start must be MM-DD in digits") {
  json p = minimal();
  p["insurance_year"] = {{"start", "1a-01"}, {"source", "s"}, {"quote", "医保年度自7月1日起。"}};
  CHECK(refuse(p).field == "x/2024-01-01.json#/insurance_year/start");
  p["insurance_year"]["start"] = "07-01";
  CHECK(claimcalc::api::Engine::from_files({{"x/2024-01-01.json", p.dump()}}).ok());
}

TEST_CASE("the built-in pack is valid and every figure's source exists") {
  const auto& engine = test::builtin_engine();
  CHECK(engine.policy_count() >= 2);
  CHECK(json::parse(engine.policy("guangzhou"))["ok"] == true);
  CHECK(json::parse(engine.policy("shenzhen"))["ok"] == true);
}
