// `claimcalc policies coverage`: what the pack covers per region and scheme, and policies/COVERAGE.md kept fresh.
#include <doctest/doctest.h>

#include "tests/unit/support.hpp"

using test::json;

namespace {

const json* part(const json& parts, const char* name) {
  for (const auto& p : parts)
    if (p["part"] == name) return &p;
  return nullptr;
}

}  // namespace

TEST_CASE("coverage: policies/COVERAGE.md is what the built-in pack generates") {
  const std::string want = test::builtin_engine().coverage("markdown");
  const std::string have = test::read_file(test::source_dir() + "/policies/COVERAGE.md");
  CHECK_MESSAGE(
      have == want,
      "policies/COVERAGE.md is stale: run build/claimcalc policies coverage --markdown > policies/COVERAGE.md");
}

TEST_CASE("coverage: per region and scheme, with layer and confidence") {
  const json r = json::parse(test::builtin_engine().coverage("json"));
  REQUIRE(r["ok"] == true);
  const json& res = r["result"];
  CHECK(res["registry"]["divisions"].get<int>() > 350);
  const json* sz = nullptr;
  for (const auto& reg : res["regions"])
    if (reg["region"] == "shenzhen") sz = &reg;
  REQUIRE(sz != nullptr);
  CHECK((*sz)["region_code"] == "440300");
  CHECK((*sz)["effective_from"] == "2023-10-01");
  const json* b = part((*sz)["schemes"]["employee"], "inpatient.class_b_upfront_share");
  REQUIRE(b != nullptr);
  CHECK((*b)["present"] == true);
  CHECK((*b)["layer"] == "shenzhen");
  const json* late = part((*sz)["common"], "processes.late_claim");
  REQUIRE(late != nullptr);
  for (const auto& reg : res["regions"]) CHECK(reg["layer"] != "national");
}

TEST_CASE("coverage as JSON: every present part names its layer, every absent one none") {
  const json r = json::parse(test::builtin_engine().coverage("json"));
  REQUIRE(r["ok"] == true);
  // every present part names a layer, every absent one none
  for (const auto& reg : r["result"]["regions"])
    for (const auto& p : reg["common"]) CHECK(p["layer"].is_null() != p["present"].get<bool>());
}
