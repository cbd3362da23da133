// The full answer written as text (codec/estimate_writer) is byte for byte the tree path's
// dump_json(ok_envelope(estimate_to_json())) on every case file, the examples and bills with odd names: the two
// writers cannot drift apart (reverse still answers through the tree).
#include <doctest/doctest.h>

#include <filesystem>
#include <optional>

#include "engine/codec/estimate_writer.hpp"
#include "engine/codec/request_codec.hpp"
#include "engine/codec/result_codec.hpp"
#include "support.hpp"

using test::json;

namespace {

// Returns whether the request was estimated (an error has nothing to compare).
bool check_same_text(const json& request) {
  auto claim = claimcalc::codec::parse_claim(request);
  if (!claim.ok()) return false;
  auto est = claimcalc::estimate(claim.value(), test::builtin_pack());
  if (!est.ok()) return false;
  const std::string tree =
      claimcalc::codec::dump_json(claimcalc::codec::ok_envelope(claimcalc::codec::estimate_to_json(est.value(), "v")));
  std::string text = "[";
  claimcalc::codec::append_estimate_envelope(text, est.value(), "v");
  CHECK(text.substr(1) == tree);
  return true;
}

}  // namespace

TEST_CASE("the full answer as text equals the tree's dump on every case file and example") {
  int compared = 0;
  for (const char* dir : {"/tests/cases", "/examples"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(test::source_dir() + dir)) {
      if (e.path().extension() != ".json") continue;
      const json c = json::parse(test::read_file(e.path().string()));
      const json* request = c.contains("request") ? &c.at("request") : c.contains("insured_region") ? &c : nullptr;
      if (request == nullptr || c.contains("op")) continue;
      CAPTURE(e.path().string());
      if (check_same_text(*request)) ++compared;
    }
  }
  CHECK(compared >= 30);
}

TEST_CASE("names that need escaping, deadlines, materials and channels come out the same") {
  json r = json::parse(test::read_file(test::source_dir() + "/examples/guangzhou-insured-shenzhen-unfiled.json"));
  r["items"][0]["name"] = "引号\" 反斜杠\\ 换行\n 制表\t \x01 控制";
  r["items"][0]["code"] = "X\"1";
  CHECK(check_same_text(r));
  json s = json::parse(test::read_file(test::source_dir() + "/tests/cases/shenzhen/x07-unfiled-manual-claim.json"));
  REQUIRE(check_same_text(s.at("request")));
  auto claim = claimcalc::codec::parse_claim(s.at("request"));
  REQUIRE(claim.ok());
  auto est = claimcalc::estimate(claim.value(), test::builtin_pack());
  REQUIRE(est.ok());
  // The case has something in each list, so each list's writer was compared above.
  CHECK_FALSE(est.value().deadlines.empty());
  CHECK_FALSE(est.value().materials.empty());
}
