// Runs every tests/cases/<region>/*.json through the built-in pack: each expected figure must match to the fen.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "support.hpp"

using test::json;

namespace {

const char* const kSplitFields[] = {"total",    "out_of_catalogue",   "over_ceiling", "class_b_upfront",
                                    "in_scope", "deductible_applied", "fund_paid",    "critical_illness_paid",
                                    "self_pay", "self_funded",        "patient_pays"};

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

std::vector<std::string> ids(const json& list, const char* key = "id") {
  std::vector<std::string> out;
  for (const auto& x : list) out.push_back(x.at(key).get<std::string>());
  return out;
}

// Keys shared by estimates and the guide / diagnosis / reverse answers. Returns false for an unknown key.
bool check_process_key(const std::string& key, const json& want, const json& result) {
  if (key == "materials") {
    CHECK(ids(result.at("materials")) == want.get<std::vector<std::string>>());
  } else if (key == "deadlines") {
    REQUIRE(result.at("deadlines").size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      CHECK(result["deadlines"][i]["id"] == want[i]["id"]);
      CHECK(result["deadlines"][i]["date"] == want[i]["date"]);
      if (want[i].contains("weekday_en")) CHECK(result["deadlines"][i]["weekday_en"] == want[i]["weekday_en"]);
    }
  } else if (key == "next_questions") {
    CHECK(ids(result.at("next_questions"), "field") == want.get<std::vector<std::string>>());
  } else if (key == "steps_include") {
    const auto rules = ids(result.at("steps"), "rule");
    for (const auto& w : want) CHECK(std::find(rules.begin(), rules.end(), w.get<std::string>()) != rules.end());
  } else if (key == "channels") {
    CHECK(ids(result.at("channels"), "name_zh") == want.get<std::vector<std::string>>());
  } else if (key == "causes_first") {  // the leading causes, in order
    const auto got = ids(result.at("causes"));
    const auto w = want.get<std::vector<std::string>>();
    REQUIRE(got.size() >= w.size());
    CHECK(std::vector<std::string>(got.begin(), got.begin() + static_cast<long>(w.size())) == w);
  } else if (key == "first_context_includes") {  // words the leading cause's context must say
    const std::string context = result.at("causes").at(0).value("context_zh", "");
    for (const auto& w : want) CHECK_MESSAGE(context.find(w.get<std::string>()) != std::string::npos, context);
  } else if (key == "first_context_excludes") {
    const std::string context = result.at("causes").at(0).value("context_zh", "");
    for (const auto& w : want) CHECK_MESSAGE(context.find(w.get<std::string>()) == std::string::npos, context);
  } else if (key == "difference") {
    for (auto it = want.begin(); it != want.end(); ++it) CHECK(result.at("difference").at(it.key()) == it.value());
  } else if (key == "direction") {
    CHECK(result.at("direction") == want);
  } else if (key == "corrected") {
    for (auto it = want.begin(); it != want.end(); ++it) {
      json got = result.at("corrected").at("split").at(it.key());
      if (got.is_object()) got.erase("reasons");
      CHECK(got == it.value());
    }
  } else if (key == "not_in_data_count") {
    CHECK(result.at("not_in_data").size() == want.get<std::size_t>());
  } else {
    return false;
  }
  return true;
}

void check_case(const json& c) {
  const json r = c.contains("op") ? json::parse(test::builtin_engine().call([&] {
    json in = c.at("input");
    in["op"] = c.at("op");
    return in.dump();
  }()))
                                  : test::estimate(test::builtin_engine(), c.at("request"));
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
      // A range is expected as {low, high}: its reasons are text, checked elsewhere.
      const json& got = result["split"][key];
      if (it.value().is_object() && got.is_object()) {
        CHECK(got["low"] == it.value()["low"]);
        CHECK(got["high"] == it.value()["high"]);
        if (it.value().contains("needs")) {
          std::vector<std::string> needs;
          for (const auto& reason : got["reasons"]) needs.push_back(reason["needs"]);
          CHECK(needs == it.value()["needs"].get<std::vector<std::string>>());
        }
      } else {
        CHECK(got == it.value());
      }
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
    } else if (!check_process_key(key, it.value(), result)) {
      FAIL("unknown expected key " << key);
    }
  }
}

}  // namespace

TEST_CASE("case files: at least 8 per region (15 for Guangzhou and Shenzhen), each with a name and a why") {
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
  // Every region of the built-in pack (city or province layer) has at least 8 worked cases of its own.
  for (const auto& e : std::filesystem::directory_iterator(test::source_dir() + "/policies")) {
    const std::string region = e.path().filename().string();
    if (!e.is_directory() || region == "national") continue;
    CAPTURE(region);
    CHECK(per_region[region] >= 8);
  }
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
