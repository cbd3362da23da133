// "texts": an estimate's sentences in both languages (the default), Chinese, English or none. Every choice gives the
// default answer's figures to the fen, codes and keys; only the sentence members of the languages left out go, on
// every case file and example, full and figures-only, by the one-request and the batch entry points.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include "support.hpp"

using test::json;

namespace {

std::vector<json> requests() {
  std::vector<json> out;
  const std::string root = test::source_dir();
  for (const char* dir : {"/tests/cases", "/examples"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(root + dir)) {
      if (e.path().extension() != ".json") continue;
      const json j = json::parse(test::read_file(e.path().string()));
      if (j.contains("request") && !j.contains("op")) out.push_back(j["request"]);
      if (j.contains("insured_region")) out.push_back(j);
    }
  }
  return out;
}

// Removes the members of the languages `texts` leaves out from each sentence of an estimate's result.
void strip(json& result, const std::string& texts) {
  const auto keep_only = [&](json& list, const char* stem) {
    for (auto& x : list) {
      if (texts != "zh" && texts != "both") x.erase(std::string(stem) + "_zh");
      if (texts != "en" && texts != "both") x.erase(std::string(stem) + "_en");
    }
  };
  keep_only(result["warnings"], "message");
  keep_only(result["cannot_estimate"], "reason");
  for (const char* table : {"split", "national"})
    for (auto& [name, figure] : result[table].items())
      if (figure.is_object()) keep_only(figure["reasons"], "reason");
  if (result.contains("steps")) keep_only(result["steps"], "text");
  if (result.contains("next_questions")) keep_only(result["next_questions"], "question");
}

std::size_t sentence_members(const json& j) {
  std::size_t n = 0;
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      for (const char* stem : {"message_", "reason_", "text_", "question_"})
        if (k.rfind(stem, 0) == 0) ++n;
      n += sentence_members(v);
    }
  } else if (j.is_array()) {
    for (const auto& v : j) n += sentence_members(v);
  }
  return n;
}

}  // namespace

TEST_CASE("every texts choice gives the default answer's figures, codes and keys, less the sentences left out") {
  const auto& engine = test::builtin_engine();
  std::size_t compared = 0, stripped = 0;
  for (const auto& request : requests()) {
    for (const char* detail : {"full", "figures"}) {
      json base = request;
      base["detail"] = detail;
      const json both = json::parse(engine.estimate(base.dump()));
      for (const char* texts : {"zh", "en", "none"}) {
        json r = base;
        r["texts"] = texts;
        CAPTURE(r.dump());
        const json answer = json::parse(engine.estimate(r.dump()));
        json expected = both;
        if (both["ok"] == true) strip(expected["result"], texts);
        CHECK(answer == expected);
        if (std::string(texts) == "none" && answer["ok"] == true) {
          CHECK(sentence_members(answer["result"]) == 0);
          stripped += sentence_members(both["result"]);
        }
        ++compared;
      }
    }
  }
  CHECK(compared >= 300);
  CHECK(stripped >= 1000);  // the comparisons above remove something
}

TEST_CASE("texts both is the answer without texts, byte for byte, by every entry point") {
  const auto& engine = test::builtin_engine();
  json list = json::array(), with = json::array();
  for (json r : requests()) {
    list.push_back(r);
    const std::string without = engine.estimate(r.dump());
    r["texts"] = "both";
    CHECK(engine.estimate(r.dump()) == without);
    CHECK(engine.call(json{{"op", "estimate"}, {"request", r}}.dump()) == without);
    with.push_back(r);
  }
  const std::string many = engine.call(json{{"op", "estimate_many"}, {"requests", list}}.dump());
  CHECK(engine.call(json{{"op", "estimate_many"}, {"requests", with}}.dump()) == many);
  CHECK(engine.call(json{{"op", "estimate_many"}, {"texts", "both"}, {"requests", list}}.dump()) == many);
  CHECK(engine.estimate_many(list.dump()) == many);
}

// Without sentences the codes must still tell entries apart: two entries of one list alike in the answer without
// texts were alike with them too. The one exception is secondary_source, a warning per secondary document that
// only its sentence names: a full answer still tells which, as its sources with confidence secondary (one each).
TEST_CASE("texts none: the codes left tell apart every two sentences that differ") {
  const auto& engine = test::builtin_engine();
  std::size_t lists = 0, secondary = 0;
  const auto distinct = [&](const json& none, const json& both) {
    REQUIRE(none.size() == both.size());
    for (std::size_t i = 0; i < none.size(); ++i)
      for (std::size_t j = i + 1; j < none.size(); ++j)
        if (none[i] == none[j] && none[i].value("code", "") != "secondary_source") CHECK(both[i] == both[j]);
    ++lists;
  };
  for (const auto& request : requests()) {
    json r = request;
    r["detail"] = "full";
    const json both = json::parse(engine.estimate(r.dump()));
    r["texts"] = "none";
    const json none = json::parse(engine.estimate(r.dump()));
    if (both["ok"] != true) continue;
    CAPTURE(r.dump());
    const json& b = both["result"];
    const json& n = none["result"];
    for (const char* list : {"warnings", "cannot_estimate", "steps", "next_questions"}) distinct(n[list], b[list]);
    std::set<std::string> cited;  // the secondary documents the steps cite
    for (const auto& step : n["steps"]) {
      if (step["source"].is_null()) continue;
      const std::string ref = step["source"]["ref"];
      if (n["sources"][ref]["confidence"] == "secondary") cited.insert(ref);
    }
    const auto warned = std::count_if(n["warnings"].begin(), n["warnings"].end(),
                                      [](const json& w) { return w["code"] == "secondary_source"; });
    CHECK(static_cast<std::size_t>(warned) == cited.size());
    secondary += cited.size();
    for (const char* table : {"split", "national"})
      for (const auto& [name, figure] : b[table].items())
        if (figure.is_object()) distinct(n[table][name]["reasons"], figure["reasons"]);
  }
  CHECK(lists >= 200);
  CHECK(secondary >= 10);
}

TEST_CASE("estimate_many takes texts beside requests; a request's own texts overrides it") {
  const auto& engine = test::builtin_engine();
  const json r = json::parse(test::read_file(test::source_dir() + "/examples/guangzhou-level3-inpatient.json"));
  json own = r;
  own["texts"] = "en";
  const json env = {{"op", "estimate_many"}, {"detail", "figures"}, {"texts", "none"}, {"requests", {r, own}}};
  const json out = json::parse(engine.call(env.dump()));
  REQUIRE(out["result"].size() == 2);
  json none = r, en = r;
  none["texts"] = "none";
  en["texts"] = "en";
  none["detail"] = en["detail"] = "figures";
  CHECK(out["result"][0] == json::parse(engine.estimate(none.dump())));
  CHECK(out["result"][1] == json::parse(engine.estimate(en.dump())));
  CHECK(sentence_members(out["result"][0]) == 0);
}

TEST_CASE("texts: a value outside the list is an error naming it, in both languages, in a request or a batch") {
  const auto& engine = test::builtin_engine();
  json r = json::parse(test::read_file(test::source_dir() + "/examples/guangzhou-level3-inpatient.json"));
  for (const json& bad : {json("fr"), json("ZH"), json(""), json(1), json::array()}) {
    CAPTURE(bad.dump());
    r["texts"] = bad;
    const json answer = json::parse(engine.estimate(r.dump()));
    CHECK(answer["ok"] == false);
    CHECK(answer["error"]["field"] == "texts");
    CHECK(answer["error"]["code"] == (bad.is_string() ? "unknown_value" : "wrong_type"));
    CHECK_FALSE(answer["error"]["message_zh"].get<std::string>().empty());
    CHECK_FALSE(answer["error"]["message_en"].get<std::string>().empty());
    const json batch = {{"op", "estimate_many"}, {"texts", bad}, {"requests", json::array()}};
    CHECK(json::parse(engine.call(batch.dump()))["error"] == answer["error"]);
  }
  r["texts"] = "fr";
  CHECK(json::parse(engine.estimate(r.dump()))["error"]["message_en"] ==
        "unknown value \"fr\"; expected one of: both, zh, en, none");
}

TEST_CASE("texts none leaves errors in both languages: they are not an estimate's sentences") {
  json r = json::parse(test::read_file(test::source_dir() + "/examples/guangzhou-level3-inpatient.json"));
  r["texts"] = "none";
  r["insured_region"] = "atlantis";
  const json answer = json::parse(test::builtin_engine().estimate(r.dump()));
  CHECK(answer["error"]["code"] == "unknown_region");
  CHECK(answer["error"].contains("message_zh"));
  CHECK(answer["error"].contains("message_en"));
}

TEST_CASE("explain and reverse read the step sentences in both languages whatever texts says") {
  const auto& engine = test::builtin_engine();
  const json r = json::parse(test::read_file(test::source_dir() + "/examples/guangzhou-level3-inpatient.json"));
  const std::string explained = engine.explain(r.dump(), "both");
  const json reverse = {{"original", {{"fund_paid", "100.00"}, {"patient_pays", "50.00"}}}, {"request", r}};
  const std::string reversed = engine.reverse(reverse.dump());
  CHECK(json::parse(reversed)["ok"] == true);
  for (const char* texts : {"zh", "en", "none"}) {
    json t = r;
    t["texts"] = texts;
    CHECK(engine.explain(t.dump(), "both") == explained);
    json rt = reverse;
    rt["request"] = t;
    CHECK(engine.reverse(rt.dump()) == reversed);
  }
}
