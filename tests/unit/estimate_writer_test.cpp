// The full answer written as text (codec/estimate_writer) is byte for byte the tree path's
// dump_json(ok_envelope(estimate_to_json())) on every case file, the examples and bills with odd names: the two
// writers cannot drift apart. The reverse answer, which embeds the estimate, is held to the tree it was once built as.
#include <doctest/doctest.h>

#include <filesystem>
#include <optional>

#include "engine/codec/estimate_writer.hpp"
#include "engine/codec/process_codec.hpp"
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

json fen_or_null(const std::optional<claimcalc::Fen>& v) {
  return v ? json(claimcalc::format_money(*v)) : json(nullptr);
}

// The reverse answer as the tree path built it (process_codec's reverse_to_json, before the text writer).
json reverse_tree(const claimcalc::ReverseOutcome& r) {
  json j = json::object();
  j["original"] = {{"fund_paid", claimcalc::format_money(r.original.fund_paid)},
                   {"critical_illness_paid", fen_or_null(r.original.critical_illness_paid)},
                   {"patient_pays", claimcalc::format_money(r.original.patient_pays)}};
  j["corrected"] = claimcalc::codec::estimate_to_json(r.corrected, "v");
  const auto diff = [](const std::optional<claimcalc::Fen>& exact, const std::optional<claimcalc::Range>& range) {
    if (!range) return fen_or_null(exact);
    return json{{"low", fen_or_null(range->low)}, {"high", fen_or_null(range->high)}};
  };
  j["difference"] = {{"fund_paid", diff(r.fund_difference, r.fund_difference_range)},
                     {"critical_illness_paid", fen_or_null(r.critical_illness_difference)},
                     {"patient_pays", diff(r.patient_difference, r.patient_difference_range)}};
  j["direction"] = claimcalc::direction_name(r.direction);
  return claimcalc::codec::ok_envelope(std::move(j));
}

// Returns how many reverse answers were compared for this request (one per original settlement, in both charsets).
int check_same_reverse(const json& request) {
  auto claim = claimcalc::codec::parse_claim(request);
  if (!claim.ok()) return 0;
  claim.value().texts = claimcalc::Texts::both;
  auto est = claimcalc::estimate(claim.value(), test::builtin_pack());
  if (!est.ok()) return 0;
  using claimcalc::Fen;
  const claimcalc::Settled originals[] = {
      {Fen::of(10000), std::nullopt, Fen::of(5050)},
      {Fen::of(100000), Fen::of(2000), Fen::of(300)},
      {Fen::zero(), Fen::zero(), Fen::of(9999900)},
  };
  int compared = 0;
  for (const auto& original : originals) {
    const auto outcome = claimcalc::reverse_settlement(original, est.value());
    for (auto charset : {claimcalc::codec::Charset::utf8, claimcalc::codec::Charset::ascii}) {
      std::string text = "[";
      claimcalc::codec::append_reverse_envelope(text, outcome, "v", charset);
      CHECK(text.substr(1) == claimcalc::codec::dump_json(reverse_tree(outcome), charset));
      ++compared;
    }
  }
  return compared;
}

}  // namespace

// Each request of the case files and examples (and, with reverse_ops, the corrected request of a reverse op) given
// to check, which returns how many comparisons it made.
template <typename Check>
int each_request(bool reverse_ops, Check check) {
  int compared = 0;
  for (const char* dir : {"/tests/cases", "/examples"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(test::source_dir() + dir)) {
      if (e.path().extension() != ".json") continue;
      const json c = json::parse(test::read_file(e.path().string()));
      const json* request = c.contains("request") ? &c.at("request") : c.contains("insured_region") ? &c : nullptr;
      if (reverse_ops && c.value("op", "") == "reverse")
        request = &c.at("input").at("request");
      else if (request == nullptr || c.contains("op"))
        continue;
      CAPTURE(e.path().string());
      compared += check(*request);
    }
  }
  return compared;
}

TEST_CASE("the reverse answer as text equals the tree's dump on every case file and example") {
  CHECK(each_request(true, check_same_reverse) >= 180);
}

TEST_CASE("the full answer as text equals the tree's dump on every case file and example") {
  CHECK(each_request(false, [](const json& request) { return check_same_text(request) ? 1 : 0; }) >= 30);
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
