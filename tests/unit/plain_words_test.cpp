// What cannot be estimated is said in words: a reason names the missing figure or process as a person would, never
// by its place in the policy data (the page showed 「processes.manual_claim.deadlines」 to a help-desk operator).
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "support.hpp"

using test::builtin_engine;
using test::estimate;
using test::json;

namespace {

json example(const std::string& name) {
  std::ifstream in(test::source_dir() + "/examples/" + name);
  std::stringstream s;
  s << in.rdbuf();
  return json::parse(s.str());
}

// A data path or a field name in a sentence: dotted or snake_case ASCII words. The request-field note
// "（请求字段 tier）" is meant for developers and stays; the page drops it.
bool has_data_words(std::string text) {
  text = std::regex_replace(text, std::regex("（请求字段 [^）]*）"), "");
  return std::regex_search(text, std::regex("[a-z]+[._][a-z_.]+"));
}

}  // namespace

TEST_CASE("cannot_estimate reasons name the missing figure or process in words (zh)") {
  json unfiled = example("guangzhou-insured-shenzhen-unfiled.json");
  json billless = unfiled;
  billless.erase("items");
  for (const json& req : {unfiled, billless}) {
    const json r = estimate(builtin_engine(), req);
    REQUIRE(r["ok"] == true);
    bool deadlines_named = false;
    for (const auto& c : r["result"]["cannot_estimate"]) {
      const std::string zh = c["reason_zh"].get<std::string>();
      CHECK_MESSAGE(!has_data_words(zh), zh);
      if (c["needs"] == "policy:processes.manual_claim.deadlines")
        deadlines_named = zh.find("手工报销申请时限") != std::string::npos;
    }
    // Guangzhou's manual-claim time limit is not in the data (one secondary page): the case this test is about.
    CHECK(deadlines_named);
  }
}
