// docs/glossary.md is THE glossary: every name the engine accepts or emits (closed lists, codes, rules, warning
// codes, cannot-estimate parts, scenarios, settlement-error causes, split fields) must appear in it, in backticks.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "engine/core/error.hpp"
#include "engine/core/guide.hpp"
#include "engine/core/reverse.hpp"
#include "engine/core/trace.hpp"
#include "engine/core/vocabulary.hpp"
#include "support.hpp"

namespace {

// Every `name` in the glossary (a cell may hold several: `tier1` `tier2`).
const std::set<std::string>& glossary_names() {
  static const std::set<std::string> names = [] {
    const std::string text = test::read_file(test::source_dir() + "/docs/glossary.md");
    REQUIRE(!text.empty());
    std::set<std::string> out;
    const std::regex code("`([^`]+)`");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), code); it != std::sregex_iterator(); ++it)
      out.insert((*it)[1].str());
    return out;
  }();
  return names;
}

void check_in_glossary(const std::string& what, const std::string& name) {
  CAPTURE(what);
  CAPTURE(name);
  CHECK(glossary_names().count(name) == 1);
}

// The first string literal of each match of `pattern` in the engine's core sources.
std::set<std::string> literals_in_core(const std::string& pattern) {
  std::set<std::string> out;
  const std::regex re(pattern);
  for (const auto& f : std::filesystem::directory_iterator(test::source_dir() + "/engine/core")) {
    const std::string text = test::read_file(f.path().string());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
      out.insert((*it)[1].str());
  }
  return out;
}

std::vector<std::string> split_list(const std::string& list) {
  std::vector<std::string> out;
  std::string item;
  for (char c : list + ",") {
    if (c == ',') {
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else if (c != ' ') {
      item += c;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("every value of every closed list the engine accepts is in the glossary") {
  const auto all = claimcalc::all_vocabularies();
  CHECK(all.size() >= 18);
  for (const auto& v : all) {
    check_in_glossary("field", std::string(v.field));
    for (const auto n : v.names) check_in_glossary(std::string(v.field), std::string(n));
  }
  for (const auto& s : split_list(claimcalc::scenario_list())) check_in_glossary("scenario", s);
  for (const char* lang : {"zh", "en", "both"}) check_in_glossary("lang", lang);
}

TEST_CASE("every error code, step rule and reverse direction the engine emits is in the glossary") {
  using claimcalc::ErrorCode;
  for (int i = 0; i <= static_cast<int>(ErrorCode::policy_invalid); ++i)
    check_in_glossary("error code", claimcalc::error_code_name(static_cast<ErrorCode>(i)));
  using claimcalc::Rule;
  for (int i = 0; i <= static_cast<int>(Rule::patient_pays); ++i)
    check_in_glossary("rule", claimcalc::rule_name(static_cast<Rule>(i)));
  using claimcalc::ReverseDirection;
  for (int i = 0; i <= static_cast<int>(ReverseDirection::unknown); ++i)
    check_in_glossary("direction", claimcalc::direction_name(static_cast<ReverseDirection>(i)));
}

TEST_CASE("every warning code and cannot-estimate part written in engine/core is in the glossary") {
  const auto warnings = literals_in_core(R"(warnings\.push_back\(\s*\{\s*\"([a-z_]+)\")");
  CHECK(warnings.size() >= 10);
  for (const auto& w : warnings) check_in_glossary("warning", w);
  const auto parts = literals_in_core(R"(cannot_estimate\(\s*\"([a-z_]+)\")");
  CHECK(parts.size() >= 8);
  for (const auto& p : parts) check_in_glossary("cannot_estimate part", p);
}

TEST_CASE("every settlement-error cause id in the built-in policies is in the glossary") {
  std::size_t seen = 0;
  for (const auto& region : std::filesystem::directory_iterator(test::source_dir() + "/policies")) {
    if (!region.is_directory()) continue;
    for (const auto& f : std::filesystem::directory_iterator(region.path())) {
      if (f.path().extension() != ".json") continue;
      const auto j = test::json::parse(test::read_file(f.path().string()));
      if (!j.contains("settlement_errors")) continue;
      for (const auto& cause : j["settlement_errors"]) {
        check_in_glossary(f.path().string(), cause["id"].get<std::string>());
        ++seen;
      }
    }
  }
  CHECK(seen >= 7);
}

TEST_CASE("every split and national field of a real estimate is in the glossary") {
  const auto envelope = test::estimate(test::builtin_engine(), [] {
    auto r = test::testland_request();
    r["insured_region"] = "shenzhen";
    r["date_of_care"] = "2025-03-01";
    return r;
  }());
  REQUIRE(envelope["ok"] == true);
  for (const char* part : {"split", "national"}) {
    CHECK(envelope["result"][part].size() >= 10);
    for (const auto& kv : envelope["result"][part].items()) check_in_glossary(part, kv.key());
  }
}
