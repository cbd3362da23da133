// The contract documents against the code: docs/schema/*.schema.json hold every policy file and every case request;
// the schemas declare exactly the fields the codec accepts; docs/policy-format.md and docs/api.md name every field
// the code accepts; docs/api.md names every field the engine emits, read from real answers to every operation.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "schema_check.hpp"
#include "support.hpp"
#include "tools/policy_dir.hpp"

using test::json;

namespace {

namespace fs = std::filesystem;

json schema(const char* name) { return json::parse(test::read_file(test::source_dir() + "/docs/schema/" + name)); }

std::vector<fs::path> json_files(const std::string& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(test::source_dir() + "/" + dir))
    if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

void words_of(const std::string& code, std::set<std::string>& out) {
  const std::regex word("[A-Za-z_][A-Za-z0-9_]*");
  for (auto w = std::sregex_iterator(code.begin(), code.end(), word); w != std::sregex_iterator(); ++w)
    out.insert(w->str());
}

// Every word written as code in a markdown file: inside `...` (a name, or a `{a, b?, c: ...}` shape) or inside a
// fenced block.
std::set<std::string> doc_names(const char* file) {
  std::string text = test::read_file(test::source_dir() + "/docs/" + file);
  REQUIRE(!text.empty());
  std::set<std::string> out;
  const std::regex fenced("```[a-z]*\\n([^`]*)```");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), fenced); it != std::sregex_iterator(); ++it)
    words_of((*it)[1].str(), out);
  text = std::regex_replace(text, fenced, "");
  const std::regex code("`([^`]+)`");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), code); it != std::sregex_iterator(); ++it)
    words_of((*it)[1].str(), out);
  return out;
}

// The field names a set of sources accept: the string literals of their known_fields(...) lists and of the
// figure lists built beside them.
std::set<std::string> accepted_fields(const std::string& dir, const std::vector<std::string>& only = {}) {
  std::set<std::string> out;
  const std::regex list(R"((?:known_fields\(|known\{|figures<\w+>\()[^;]*?\{([^{}]*)\})");
  const std::regex literal("\"([a-z_0-9]+)\"");
  for (const auto& e : fs::directory_iterator(test::source_dir() + "/" + dir)) {
    if (e.path().extension() != ".cpp" && e.path().extension() != ".hpp") continue;
    if (!only.empty() && std::find(only.begin(), only.end(), e.path().filename().string()) == only.end()) continue;
    const std::string text = test::read_file(e.path().string());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), list); it != std::sregex_iterator(); ++it) {
      const std::string inside = (*it)[1].str();
      for (auto l = std::sregex_iterator(inside.begin(), inside.end(), literal); l != std::sregex_iterator(); ++l)
        out.insert((*l)[1].str());
    }
  }
  return out;
}

void collect_keys(const json& j, std::set<std::string>& out) {
  if (j.is_object()) {
    for (const auto& kv : j.items()) {
      out.insert(kv.key());
      // "amounts" of a step are named by the step's rule (deductible, in_scope, ...) and an estimate's "sources" by
      // their refs (shenzhen:s1): values, not fields. The documents inside sources are fields.
      if (kv.key() == "sources" && kv.value().is_object()) {
        for (const auto& doc : kv.value()) collect_keys(doc, out);
      } else if (kv.key() != "amounts") {
        collect_keys(kv.value(), out);
      }
    }
  } else if (j.is_array()) {
    for (const auto& x : j) collect_keys(x, out);
  }
}

void expect_conforms(const json& s, const json& value, const std::string& what) {
  const auto errors = test::schema_errors(s, value);
  CAPTURE(what);
  CHECK_MESSAGE(errors.empty(), (errors.empty() ? std::string() : errors.front()));
}

}  // namespace

TEST_CASE("every policy file (built-in and fixture packs) conforms to docs/schema/policy.schema.json") {
  const json s = schema("policy.schema.json");
  std::size_t n = 0;
  // The files the loader reads (<region>/<date>.json), not the build inputs beside them (national/divisions).
  for (const char* dir :
       {"policies", "tests/fixtures/policies", "tests/fixtures/layers", "tests/wasm/fixtures/policies"}) {
    const auto files = claimcalc::tools::read_policy_dir(test::source_dir() + "/" + dir);
    REQUIRE(files.ok());
    for (const auto& f : files.value()) {
      expect_conforms(s, json::parse(f.bytes), std::string(dir) + "/" + f.path);
      ++n;
    }
  }
  CHECK(n >= 4);
}

TEST_CASE("every case request and example conforms to docs/schema/request.schema.json") {
  const json s = schema("request.schema.json");
  std::size_t n = 0;
  for (const auto& f : json_files("tests/cases")) {
    const json c = json::parse(test::read_file(f.string()));
    const json* req = c.contains("request")                                   ? &c["request"]
                      : c.contains("input") && c["input"].contains("request") ? &c["input"]["request"]
                                                                              : nullptr;
    if (req == nullptr) continue;
    expect_conforms(s, *req, f.string());
    ++n;
  }
  for (const auto& f : json_files("examples")) {
    expect_conforms(s, json::parse(test::read_file(f.string())), f.string());
    ++n;
  }
  CHECK(n >= 60);
}

TEST_CASE("the schemas reject what the engine rejects: a typo'd field, a renamed value, a wrong type") {
  const json s = schema("request.schema.json");
  json r = test::testland_request();
  CHECK(test::schema_errors(s, r).empty());
  r["hospital_levle"] = "level3";
  CHECK_FALSE(test::schema_errors(s, r).empty());
  r = test::testland_request();
  r["settlement"] = "manual";
  CHECK_FALSE(test::schema_errors(s, r).empty());
  r = test::testland_request();
  r["items"][0]["class"] = 1;
  CHECK_FALSE(test::schema_errors(s, r).empty());
  const json p = schema("policy.schema.json");
  json policy = json::parse(test::read_file(test::source_dir() + "/tests/fixtures/policies/testland/2024-01-01.json"));
  CHECK(test::schema_errors(p, policy).empty());
  policy["schemes"]["employee"]["inpatient"]["deductible"][0]["when"] = {{"level", "level1"}};
  CHECK_FALSE(test::schema_errors(p, policy).empty());
}

TEST_CASE("the schemas declare exactly the fields the codec accepts") {
  std::set<std::string> declared;
  for (const char* name : {"policy.schema.json", "request.schema.json"})
    for (const auto& f : test::schema_property_names(schema(name))) declared.insert(f);
  const auto accepted = accepted_fields("engine/codec");
  CHECK(accepted.size() >= 80);
  for (const auto& f : accepted) {
    CAPTURE(f);
    CHECK_MESSAGE(declared.count(f) == 1, "accepted by engine/codec, missing from docs/schema");
  }
  for (const auto& f : declared) {
    CAPTURE(f);
    CHECK_MESSAGE(accepted.count(f) == 1, "declared in docs/schema, not accepted by engine/codec");
  }
}

TEST_CASE("docs/policy-format.md and docs/api.md name every field the code accepts") {
  const auto policy_doc = doc_names("policy-format.md");
  for (const auto& f : test::schema_property_names(schema("policy.schema.json"))) {
    CAPTURE(f);
    CHECK(policy_doc.count(f) == 1);
  }
  const auto api_doc = doc_names("api.md");
  std::set<std::string> api_fields = accepted_fields("engine/api");
  for (const auto& f : test::schema_property_names(schema("request.schema.json"))) api_fields.insert(f);
  CHECK(api_fields.size() >= 30);
  for (const auto& f : api_fields) {
    CAPTURE(f);
    CHECK(api_doc.count(f) == 1);
  }
}

TEST_CASE("docs/api.md names every field of every operation's real answers") {
  const auto& engine = test::builtin_engine();
  std::set<std::string> emitted;
  std::size_t answers = 0;
  auto take = [&](const std::string& envelope) {
    const json j = json::parse(envelope);
    collect_keys(j, emitted);
    ++answers;
  };
  for (const auto& f : json_files("tests/cases")) {
    json c = json::parse(test::read_file(f.string()));
    if (c.contains("op")) {
      json in = c["input"];
      in["op"] = c["op"];
      take(engine.call(in.dump()));
    } else {
      take(engine.estimate(c["request"].dump()));
      take(engine.call(json{{"op", "explain"}, {"request", c["request"]}}.dump()));
    }
  }
  take(engine.policies());
  take(engine.call(R"({"op":"version"})"));
  take(engine.call(R"({"op":"estimate_many","requests":[{}]})"));
  CHECK(answers >= 100);
  const auto api_doc = doc_names("api.md");
  for (const auto& f : emitted) {
    CAPTURE(f);
    CHECK(api_doc.count(f) == 1);
  }
}
