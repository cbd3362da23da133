// Engine::call with a sink (the wasm's cc_call_stream): the pieces joined are call's text, and a batch arrives as
// its opening, one piece per request, and its closing, so a host never needs the whole answer at once.
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

}  // namespace

TEST_CASE("call with a sink: a batch answer by answer, the same bytes as call") {
  const std::string request = R"({"insured_region":"shenzhen","scheme":"employee","person":"active","tier":"tier1",)"
                              R"("setting":"inpatient","hospital_level":"level3","date_of_care":"2025-03-01",)"
                              R"("totals":{"class_a":"2000.00"}})";
  const std::string envelope = R"({"op":"estimate_many","requests":[)" + request + ",{}," + request + "]}";
  const auto parts = pieces(envelope);
  REQUIRE(parts.size() == 5);
  CHECK(parts.front() == R"({"ok":true,"result":[)");
  CHECK(parts.back() == "]}");
  CHECK(json::parse(parts[1]) == json::parse(test::builtin_engine().estimate(request)));
  CHECK(parts[2].rfind(",{\"error\":", 0) == 0);
  CHECK(parts[3] == "," + parts[1]);
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
