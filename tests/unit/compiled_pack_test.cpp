// The built-in pack ships compiled (codec/compiled_pack): an engine read from those bytes must answer exactly as
// one that parses and validates policies/ as JSON, on every case file and every operation that shows the pack;
// and damaged bytes give an error, never a crash (the ASan stage runs this too).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "engine/api/api.hpp"
#include "engine/api/builtin_policies.hpp"
#include "engine/codec/compiled_pack.hpp"
#include "engine/codec/policy_codec.hpp"
#include "support.hpp"
#include "tools/policy_dir.hpp"

using test::json;

namespace {

std::string builtin_bytes() {
  return {reinterpret_cast<const char*>(claimcalc::api::kCompiledPolicies), claimcalc::api::kCompiledPoliciesSize};
}

const claimcalc::api::Engine& json_engine() {
  static const claimcalc::api::Engine engine = [] {
    auto files = claimcalc::tools::read_policy_dir(test::source_dir() + "/policies");
    REQUIRE(files.ok());
    auto e = claimcalc::api::Engine::from_files(files.value());
    if (!e.ok()) FAIL(e.error().field << ": " << e.error().message_en);
    return e.value();
  }();
  return engine;
}

}  // namespace

TEST_CASE("the compiled built-in pack is policies/ as the JSON reader reads it, and reads back to the same bytes") {
  auto files = claimcalc::tools::read_policy_dir(test::source_dir() + "/policies");
  REQUIRE(files.ok());
  auto pack = claimcalc::codec::load_pack(files.value());
  REQUIRE(pack.ok());
  CHECK(claimcalc::codec::compile_policies(pack.value().policies) == builtin_bytes());
  auto back = claimcalc::codec::read_compiled(builtin_bytes());
  REQUIRE(back.ok());
  CHECK(back.value().size() == files.value().size());
  CHECK(claimcalc::codec::compile_policies(back.value()) == builtin_bytes());
}

TEST_CASE("the compiled engine answers every case file byte for byte as the engine that parsed the JSON") {
  const auto& compiled = test::builtin_engine();
  const auto& parsed = json_engine();
  int compared = 0;
  for (const char* dir : {"/tests/cases", "/examples"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(test::source_dir() + dir)) {
      if (e.path().extension() != ".json") continue;
      const json c = json::parse(test::read_file(e.path().string()));
      CAPTURE(e.path().string());
      if (c.contains("op")) {
        const std::string envelope = c.dump();
        CHECK(compiled.call(envelope) == parsed.call(envelope));
        ++compared;
        continue;
      }
      const json* request = c.contains("request") ? &c.at("request") : c.contains("insured_region") ? &c : nullptr;
      if (request == nullptr) continue;
      CHECK(compiled.estimate(request->dump()) == parsed.estimate(request->dump()));
      CHECK(compiled.explain(request->dump(), "both") == parsed.explain(request->dump(), "both"));
      ++compared;
    }
  }
  CHECK(compared > 100);
  for (const char* op : {R"({"op":"policies"})", R"({"op":"vocabulary"})", R"({"op":"policy","region":"shenzhen"})"})
    CHECK(compiled.call(op) == parsed.call(op));
}

TEST_CASE("damaged compiled bytes give policy_invalid, never a crash") {
  const std::string bytes = builtin_bytes();
  int refused = 0;
  // Every cut (in steps, to stay fast) ends the bytes early.
  for (std::size_t n = 0; n < bytes.size(); n += 61) {
    auto r = claimcalc::codec::read_compiled(bytes.substr(0, n));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == claimcalc::ErrorCode::policy_invalid);
    ++refused;
  }
  CHECK_FALSE(claimcalc::codec::read_compiled(bytes + "x").ok());
  // Single bytes changed: an error or some policies, but always a clean return.
  std::uint32_t seed = 12345;
  for (int i = 0; i < 400; ++i) {
    seed = seed * 1664525u + 1013904223u;
    std::string damaged = bytes;
    damaged[seed % damaged.size()] = static_cast<char>(seed >> 24);
    auto r = claimcalc::codec::read_compiled(damaged);
    if (!r.ok()) CHECK(r.error().code == claimcalc::ErrorCode::policy_invalid);
  }
  CHECK(refused > 100);
}
