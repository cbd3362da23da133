// docs/glossary.md is THE glossary: every name the engine accepts or emits (closed lists, codes, rules, warning
// codes, cannot-estimate parts, scenarios, settlement-error causes, split fields) must appear in it, in backticks:
// read from the engine's tables and sources, and from its real answers to every case file.
#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
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

// Every `name` in backticks in a document of docs/ (a cell may hold several: `tier1` `tier2`).
std::set<std::string> backticked(const char* doc) {
  const std::string text = test::read_file(test::source_dir() + "/docs/" + doc);
  REQUIRE(!text.empty());
  std::set<std::string> out;
  const std::regex code("`([^`]+)`");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), code); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1].str());
  return out;
}

const std::set<std::string>& glossary_names() {
  static const std::set<std::string> names = backticked("glossary.md");
  return names;
}

void check_in_glossary(const std::string& what, const std::string& name) {
  CAPTURE(what);
  CAPTURE(name);
  CHECK(glossary_names().count(name) == 1);
}

// The first string literal of each match of `pattern` in the sources of engine/<layer>.
std::set<std::string> literals_in(const char* layer, const std::string& pattern) {
  std::set<std::string> out;
  const std::regex re(pattern);
  for (const auto& f : std::filesystem::directory_iterator(test::source_dir() + "/engine/" + layer)) {
    const std::string text = test::read_file(f.path().string());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
      out.insert((*it)[1].str());
  }
  return out;
}

// A warning code with a detail after ':' (year_to_date_absent:fund_paid) is in the glossary as `code:<...>`.
void check_warning(const std::string& what, const std::string& code) {
  const std::string prefix = code.substr(0, code.find(':'));
  if (prefix == code) return check_in_glossary(what, code);
  const auto& g = glossary_names();
  const auto it = g.lower_bound(prefix + ":<");
  CAPTURE(what);
  CAPTURE(code);
  CHECK((it != g.end() && it->rfind(prefix + ":<", 0) == 0));
}

// What a cannot_estimate entry or a range reason needs: a request field (named in docs/api.md), or
// policy:<figure> with each part of the figure's path a name of docs/policy-format.md or the glossary.
void check_needs(const std::string& needs) {
  static const auto api = backticked("api.md");
  static const auto format = backticked("policy-format.md");
  CAPTURE(needs);
  const bool policy = needs.rfind("policy:", 0) == 0;
  std::string path = policy ? needs.substr(7) : needs;
  for (std::size_t from = 0; from <= path.size();) {
    const std::size_t dot = std::min(path.find('.', from), path.size());
    const std::string part = path.substr(from, dot - from);
    CAPTURE(part);
    if (policy)
      CHECK((format.count(part) == 1 || glossary_names().count(part) == 1));
    else
      CHECK(api.count(part) == 1);
    from = dot + 1;
  }
}

// Every closed-list value an answer carries, by the key it is written under.
void check_answer(const test::json& j, const std::string& key = "") {
  if (j.is_object()) {
    for (const auto& kv : j.items()) {
      const auto& v = kv.value();
      if (v.is_string()) {
        const std::string s = v.get<std::string>();
        if (kv.key() == "code" && (key == "warnings" || key == "error")) check_warning(key, s);
        if (kv.key() == "needs") check_needs(s);
        for (const char* k : {"rule", "part", "direction", "kind", "confidence", "scenario"})
          if (kv.key() == k) check_in_glossary(k, s);
      }
      check_answer(v, kv.key());
    }
  } else if (j.is_array()) {
    for (const auto& x : j) check_answer(x, key);
  }
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
  // And every closed list the contract schemas state (detail, layer, ... whether or not an enum type holds it).
  std::size_t stated = 0;
  const std::function<void(const test::json&)> enums = [&](const test::json& j) {
    if (j.is_object()) {
      for (const auto& kv : j.items()) {
        if (kv.key() == "enum" && kv.value().is_array()) {
          for (const auto& v : kv.value()) {
            if (!v.is_string()) continue;
            check_in_glossary("schema enum", v.get<std::string>());
            ++stated;
          }
        }
        enums(kv.value());
      }
    } else if (j.is_array()) {
      for (const auto& x : j) enums(x);
    }
  };
  for (const char* schema : {"policy.schema.json", "request.schema.json"})
    enums(test::json::parse(test::read_file(test::source_dir() + "/docs/schema/" + schema)));
  CHECK(stated >= 50);
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
  const auto warnings = literals_in("core", R"(warnings\.push_back\(\s*\{\s*\"([a-z_]+)\")");
  CHECK(warnings.size() >= 10);
  for (const auto& w : warnings) check_in_glossary("warning", w);
  std::size_t outside_core = 0;
  for (const char* layer : {"api", "codec"}) {
    for (const auto& w : literals_in(layer, R"(\{\"code\",\s*\"([a-z_]+)\"\})")) {
      check_in_glossary(layer, w);
      ++outside_core;
    }
  }
  CHECK(outside_core >= 1);  // unreviewed_local_policy
  const auto parts = literals_in("core", R"(cannot_estimate\(\s*\"([a-z_]+)\")");
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

TEST_CASE("every code, rule, part, need, kind and direction in the answers to every case file is in the glossary") {
  const auto& engine = test::builtin_engine();
  std::size_t answers = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(test::source_dir() + "/tests/cases")) {
    if (e.path().extension() != ".json") continue;
    auto c = test::json::parse(test::read_file(e.path().string()));
    CAPTURE(e.path().string());
    if (c.contains("op")) {
      c["input"]["op"] = c["op"];
      check_answer(test::json::parse(engine.call(c["input"].dump())));
    } else {
      check_answer(test::json::parse(engine.estimate(c["request"].dump())));
    }
    ++answers;
  }
  CHECK(answers >= 100);
}
