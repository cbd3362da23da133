// "detail": "figures" answers carry the same figures as the full answer, on every case file and on generated
// requests; only steps, materials, deadlines and next questions are left out.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "support.hpp"

using test::json;

namespace {

const char* const kFigureKeys[] = {"benefits_from", "cannot_estimate", "items",   "national",
                                   "receipt",       "split",           "warnings"};

void check_same_figures(const json& request) {
  json figures_request = request;
  figures_request["detail"] = "figures";
  const json full = test::estimate(test::builtin_engine(), request);
  const json figures = test::estimate(test::builtin_engine(), figures_request);
  REQUIRE(full.at("ok") == figures.at("ok"));
  if (!full.at("ok").get<bool>()) {
    CHECK(full == figures);
    return;
  }
  const json& f = figures.at("result");
  CHECK(f.size() == std::size(kFigureKeys));
  for (const char* key : kFigureKeys) CHECK(f.at(key) == full.at("result").at(key));
  CHECK(full.at("result").contains("steps"));
  CHECK_FALSE(f.contains("steps"));
}

}  // namespace

TEST_CASE("figures-only answers give the full answer's figures on every case file") {
  int compared = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(test::source_dir() + "/tests/cases")) {
    if (e.path().extension() != ".json") continue;
    const json c = json::parse(test::read_file(e.path().string()));
    if (c.contains("op") || !c.contains("request")) continue;
    CAPTURE(e.path().string());
    check_same_figures(c.at("request"));
    ++compared;
  }
  CHECK(compared >= 30);
}

TEST_CASE("figures-only answers on the example requests") {
  for (const auto& e : std::filesystem::directory_iterator(test::source_dir() + "/examples")) {
    const json r = json::parse(test::read_file(e.path().string()));
    if (!r.contains("insured_region")) continue;
    CAPTURE(e.path().string());
    check_same_figures(r);
  }
}

TEST_CASE("a figures-only request without a bill gets the figures answer, alone and in a batch") {
  // Without a bill the estimate rebuilds its trace (no amounts to explain); the answer must still follow the
  // request's detail (it used to be the full answer, steps and materials included).
  json r = json::parse(test::read_file(test::source_dir() + "/examples/guangzhou-level3-inpatient.json"));
  r.erase("items");
  r.erase("totals");
  check_same_figures(r);
  json figures_request = r;
  figures_request["detail"] = "figures";
  const json alone = test::estimate(test::builtin_engine(), figures_request);
  REQUIRE(alone.at("ok") == true);
  CHECK(alone.at("result").at("cannot_estimate").at(0).at("needs") == "items");
  CHECK_FALSE(alone.at("result").contains("materials"));
  for (const auto& env : {json{{"op", "estimate_many"}, {"detail", "figures"}, {"requests", {r, r}}},
                          json{{"op", "estimate_many"}, {"requests", {figures_request}}}}) {
    const json out = json::parse(test::builtin_engine().call(env.dump()));
    for (const auto& answer : out.at("result")) CHECK(answer == alone);
  }
}

TEST_CASE("detail: an unknown value is an error naming it; full is the default") {
  json r = json::parse(test::read_file(test::source_dir() + "/examples/guangzhou-level3-inpatient.json"));
  r["detail"] = "brief";
  const json bad = test::estimate(test::builtin_engine(), r);
  CHECK(bad["error"]["code"] == "unknown_value");
  CHECK(bad["error"]["field"] == "detail");
  r["detail"] = "full";
  const json full = test::estimate(test::builtin_engine(), r);
  r.erase("detail");
  CHECK(full == test::estimate(test::builtin_engine(), r));
}

TEST_CASE("estimate_many takes a batch-level detail that a request's own detail overrides") {
  const json r = json::parse(test::read_file(test::source_dir() + "/examples/guangzhou-level3-inpatient.json"));
  json own = r;
  own["detail"] = "full";
  const json env = {{"op", "estimate_many"}, {"detail", "figures"}, {"requests", {r, own, json::object()}}};
  const json out = json::parse(test::builtin_engine().call(env.dump()));
  REQUIRE(out["result"].size() == 3);
  CHECK_FALSE(out["result"][0]["result"].contains("steps"));
  CHECK(out["result"][1]["result"].contains("steps"));
  CHECK(out["result"][0]["result"]["split"] == out["result"][1]["result"]["split"]);
  CHECK(out["result"][2]["error"]["code"] == "missing_field");

  const json bad = {{"op", "estimate_many"}, {"detail", 3}, {"requests", {r}}};
  CHECK(json::parse(test::builtin_engine().call(bad.dump()))["error"]["field"] == "detail");
}

TEST_CASE("explain refuses detail: figures, which has no sentences to read") {
  json r = json::parse(test::read_file(test::source_dir() + "/examples/guangzhou-level3-inpatient.json"));
  r["detail"] = "figures";
  const json out = json::parse(test::builtin_engine().explain(r.dump(), "both"));
  CHECK(out["error"]["field"] == "detail");
}
