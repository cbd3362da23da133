// Engine::call with a sink (the wasm's cc_call_stream): the pieces joined are call's text, and a batch arrives as
// its opening, runs of whole answers, and its closing, so a host never needs the whole answer at once.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support.hpp"

using test::json;

namespace {

std::vector<std::string> pieces(const std::string& envelope) {
  std::vector<std::string> out;
  test::builtin_engine().call(envelope, [&](std::string_view piece) { out.emplace_back(piece); });
  return out;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += p;
  return s;
}

// A run of answers ",{...},{...}" (the batch's first without the comma) as the array it continues.
json run_array(const std::string& run) { return json::parse("[" + run.substr(run.rfind(',', 0) == 0 ? 1 : 0) + "]"); }

}  // namespace

TEST_CASE("call with a sink: a batch in runs of whole answers, the same bytes as call") {
  const std::string request = R"({"insured_region":"shenzhen","scheme":"employee","person":"active","tier":"tier1",)"
                              R"("setting":"inpatient","hospital_level":"level3","date_of_care":"2025-03-01",)"
                              R"("totals":{"class_a":"2000.00"}})";
  const std::string envelope = R"({"op":"estimate_many","requests":[)" + request + ",{}," + request + "]}";
  const auto parts = pieces(envelope);
  REQUIRE(parts.size() == 3);
  CHECK(parts.front() == R"({"ok":true,"result":[)");
  CHECK(parts.back() == "]}");
  const json answers = run_array(parts[1]);
  REQUIRE(answers.size() == 3);
  CHECK(answers[0] == json::parse(test::builtin_engine().estimate(request)));
  CHECK(answers[1].contains("error"));
  CHECK(answers[2] == answers[0]);
  CHECK(joined(parts) == test::builtin_engine().call(envelope));
}

TEST_CASE("call with a sink: a big batch in several runs, each past 64 KiB by at most one answer") {
  const std::string request = R"({"insured_region":"shenzhen","scheme":"employee","person":"active","tier":"tier1",)"
                              R"("setting":"inpatient","hospital_level":"level3","date_of_care":"2025-03-01",)"
                              R"("totals":{"class_a":"2000.00"}})";
  const std::string one = test::builtin_engine().estimate(request);
  std::string envelope = R"({"op":"estimate_many","requests":[)";
  const std::size_t count = 4 * (64 << 10) / one.size() + 3;
  for (std::size_t i = 0; i < count; ++i) envelope += (i != 0 ? "," : "") + request;
  envelope += "]}";
  const auto parts = pieces(envelope);
  REQUIRE(parts.size() >= 6);
  std::size_t answers = 0;
  for (std::size_t i = 1; i + 1 < parts.size(); ++i) {
    CAPTURE(i);
    CHECK(parts[i].rfind(i == 1 ? "{" : ",{", 0) == 0);
    if (i + 2 < parts.size()) CHECK(parts[i].size() >= (64u << 10));
    CHECK(parts[i].size() < (64u << 10) + one.size() + 1);
    const json run = run_array(parts[i]);
    for (const auto& a : run) CHECK(a == json::parse(one));
    answers += run.size();
  }
  CHECK(answers == count);
  CHECK(joined(parts) == test::builtin_engine().call(envelope));
}

TEST_CASE("call with a sink: any other answer, and a refused batch, in one piece") {
  for (const std::string& envelope :
       {std::string(R"({"op":"version"})"), std::string(R"({"op":"estimate_many","requests":{}})"),
        std::string(R"({"op":"estimate_many"})"), std::string("{"), std::string(R"({"op":"policies"})")}) {
    CAPTURE(envelope);
    const auto parts = pieces(envelope);
    REQUIRE(parts.size() == 1);
    CHECK(parts[0] == test::builtin_engine().call(envelope));
  }
}

TEST_CASE("call with a sink: its notes say what the answer holds") {
  const auto notes = [](const std::string& envelope) {
    return test::builtin_engine().call(envelope, [](std::string_view) {});
  };
  const auto unknown = notes(R"({"op":"no_such_op"})");
  CHECK(unknown.unknown_command);
  CHECK_FALSE(unknown.region_not_loaded);
  // The built-in engine has every region read: no answer names one unread (tests/wasm/regions.test.mjs has them).
  for (const std::string& envelope :
       {std::string(R"({"op":"version"})"), std::string(R"({"op":"policies"})"), std::string("{"),
        std::string(R"({"op":"estimate_many","requests":[{},{"insured_region":"shenzhen"}]})"),
        std::string(R"({"op":"estimate","request":{"insured_region":"shenzhen"}})")}) {
    CAPTURE(envelope);
    const auto n = notes(envelope);
    CHECK_FALSE(n.unknown_command);
    CHECK_FALSE(n.region_not_loaded);
  }
}
