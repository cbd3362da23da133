// Runs every tests/cases/<region>/*.json through the built-in pack: each expected figure must match to the fen.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "support.hpp"

using test::json;

namespace {

const char* const kSplitFields[] = {"total",         "out_of_catalogue", "over_ceiling", "class_b_upfront",
                                    "in_scope",      "deductible_applied", "fund_paid",  "critical_illness_paid",
                                    "self_pay",      "self_funded",        "patient_pays"};

bool is_split_field(const std::string& k) {
  return std::any_of(std::begin(kSplitFields), std::end(kSplitFields), [&](const char* f) { return k == f; });
}

std::vector<std::filesystem::path> case_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(test::source_dir() + "/tests/cases"))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

void check_case(const json& c) {
  const json r = test::estimate(test::builtin_engine(), c.at("request"));
  const json& expected = c.at("expected");
  for (auto it = expected.begin(); it != expected.end(); ++it) {
    const std::string& key = it.key();
    CAPTURE(key);
    if (key == "error") {
      REQUIRE(r["ok"] == false);
      CHECK(r["error"]["code"] == it.value()["code"]);
      CHECK(r["error"]["field"] == it.value()["field"]);
      continue;
    }
    REQUIRE_MESSAGE(r["ok"] == true, r.dump());
    const json& result = r["result"];
    if (is_split_field(key)) {
      CHECK(result["split"][key] == it.value());
    } else if (key == "cannot_estimate") {
      std::vector<std::string> got, want = it.value().get<std::vector<std::string>>();
      for (const auto& u : result["cannot_estimate"]) got.push_back(u["part"]);
      std::sort(got.begin(), got.end());
      std::sort(want.begin(), want.end());
      CHECK(got == want);
    } else if (key == "benefits_from") {
      CHECK(result["benefits_from"] == it.value());
    } else if (key == "warnings") {
      for (const auto& code : it.value()) CHECK(test::has_warning(r, code.get<std::string>()));
    } else {
      FAIL("unknown expected key " << key);
    }
  }
}

}  // namespace

TEST_CASE("case files: each region has at least 15, each has a name and a why") {
  std::map<std::string, int> per_region;
  for (const auto& f : case_files()) {
    const json c = json::parse(test::read_file(f.string()));
    CAPTURE(f.string());
    CHECK_FALSE(c.value("name", "").empty());
    CHECK_FALSE(c.value("why", "").empty());
    ++per_region[f.parent_path().filename().string()];
  }
  CHECK(per_region["guangzhou"] >= 15);
  CHECK(per_region["shenzhen"] >= 15);
}

TEST_CASE("case files: expected figures to the fen") {
  for (const auto& f : case_files()) {
    const json c = json::parse(test::read_file(f.string()));
    if (c.contains("pending")) {
      MESSAGE("pending: " << f.filename().string() << ": " << c["pending"].get<std::string>());
      continue;
    }
    CAPTURE(f.string());
    check_case(c);
  }
}
