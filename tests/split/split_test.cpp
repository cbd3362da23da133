// The split built-in pack, as the wasm ships it (docs/size-and-start.md, "The 36-region decision"): the national
// rules and an index of the regions in the engine, each region in its own file. An operation that needs a region
// not yet read answers region_not_loaded naming it; supplying the named files and asking again (what the loader
// does) must give, on every case file and every operation, the answer of the whole pack byte for byte, while
// reading only the regions the question needs.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "engine/api/api.hpp"
#include "tools/policy_dir.hpp"

using json = nlohmann::json;
using claimcalc::api::Engine;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string region_file(const std::string& region) {
  return read_file(std::string(CLAIMCALC_REGION_DIR) + "/" + region + ".ccp");
}

// Every region file the build wrote (one per region but the national rules).
std::set<std::string> region_files() {
  std::set<std::string> ids;
  for (const auto& e : std::filesystem::directory_iterator(CLAIMCALC_REGION_DIR))
    if (e.path().extension() == ".ccp") ids.insert(e.path().stem().string());
  return ids;
}

const Engine& whole_engine() {
  static const Engine engine = [] {
    auto files = claimcalc::tools::read_policy_dir(std::string(CLAIMCALC_SOURCE_DIR) + "/policies");
    REQUIRE(files.ok());
    auto e = Engine::from_files(files.value());
    if (!e.ok()) FAIL(e.error().field << ": " << e.error().message_en);
    return e.value();
  }();
  return engine;
}

Engine split_engine() {
  auto e = Engine::builtin();
  if (!e.ok()) FAIL(e.error().field << ": " << e.error().message_en);
  return e.value();
}

// The region ids every region_not_loaded error in an answer names (top level, or inside a batch or a nested
// estimate): its regions, as the loader reads them. An answer that is not JSON (a text table) names none.
void collect_regions(const json& j, std::set<std::string>& ids) {
  if (j.is_object() && j.contains("code") && j["code"] == "region_not_loaded") {
    REQUIRE(j.contains("regions"));
    REQUIRE(j["regions"].is_array());
    CHECK_FALSE(j["regions"].empty());
    for (const auto& id : j["regions"]) ids.insert(id.get<std::string>());
  }
  if (j.is_structured())
    for (const auto& v : j) collect_regions(v, ids);
}

std::set<std::string> named_regions(const std::string& answer) {
  std::set<std::string> ids;
  collect_regions(json::parse(answer, nullptr, false), ids);
  return ids;
}

// What the loader does: ask; while the answer names unread regions, read their files into the engine and ask
// again. `read` collects every region read.
std::string supplied(Engine& engine, const std::function<std::string(const Engine&)>& ask,
                     std::set<std::string>& read) {
  for (int round = 0; round < 4; ++round) {
    std::string answer = ask(engine);
    const auto ids = named_regions(answer);
    if (ids.empty()) return answer;
    for (const auto& id : ids) {
      REQUIRE_MESSAGE(read.insert(id).second, "region " << id << " named again after it was read");
      auto next = engine.read_region(region_file(id));
      REQUIRE(next.ok());
      engine = next.value();
    }
  }
  FAIL("still naming unread regions after 4 rounds");
  return {};
}

}  // namespace

TEST_CASE("vocabulary and version answer before any region file is read, as the whole pack does") {
  std::set<std::string> read;
  Engine engine = split_engine();
  for (const char* op : {R"({"op":"vocabulary"})", R"({"op":"version"})"}) {
    CHECK(supplied(
              engine, [&](const Engine& e) { return e.call(op); }, read) == whole_engine().call(op));
  }
  CHECK(read.empty());
  CHECK(engine.policy_count() == whole_engine().policy_count());
}

TEST_CASE("an estimate for a region not yet read answers region_not_loaded naming its file, and reads only it") {
  Engine engine = split_engine();
  const std::string request =
      R"({"insured_region":"深圳","scheme":"employee","person":"active","tier":"tier1","setting":"inpatient",)"
      R"("hospital_level":"level3","date_of_care":"2025-03-01","totals":{"class_a":"18000.00"}})";
  const json first = json::parse(engine.estimate(request));
  CAPTURE(first.dump());
  REQUIRE(first["ok"] == false);
  CHECK(first["error"]["code"] == "region_not_loaded");
  CHECK(first["error"]["field"] == "insured_region");
  CHECK(first["error"]["regions"] == json::array({"shenzhen"}));
  CHECK(first["error"]["message_zh"].get<std::string>().find("深圳") != std::string::npos);
  CHECK(first["error"]["message_en"].get<std::string>().find("shenzhen") != std::string::npos);
  std::set<std::string> read;
  CHECK(supplied(
            engine, [&](const Engine& e) { return e.estimate(request); }, read) == whole_engine().estimate(request));
  CHECK(read == std::set<std::string>{"shenzhen"});
  // A city without a file of its own is answered from its province's layer: that file alone.
  Engine fresh = split_engine();
  read.clear();
  const std::string suzhou =
      R"({"insured_region":"苏州","scheme":"employee","person":"active","setting":"inpatient",)"
      R"("hospital_level":"level3","date_of_care":"2025-03-01","totals":{"class_a":"18000.00"}})";
  CHECK(supplied(
            fresh, [&](const Engine& e) { return e.estimate(suzhou); }, read) == whole_engine().estimate(suzhou));
  CHECK(read == std::set<std::string>{"jiangsu"});
}

TEST_CASE("region_not_loaded names the files in regions and the request field that needed them in field") {
  const Engine engine = split_engine();
  const std::string nanjing =
      R"({"insured_region":"南京","scheme":"employee","person":"active","setting":"inpatient",)"
      R"("hospital_level":"level3","date_of_care":"2025-03-01","totals":{"class_a":"18000.00"}})";
  const json estimate = json::parse(engine.estimate(nanjing));
  REQUIRE(estimate["ok"] == false);
  CHECK(estimate["error"]["field"] == "insured_region");
  // The city's own file and its province's layer, each once.
  CHECK(estimate["error"]["regions"] == json::array({"nanjing", "jiangsu"}));
  const json guide = json::parse(engine.guide(R"({"scenario":"manual_claim","request":)" + nanjing + "}"));
  CHECK(guide["error"]["field"] == "request.insured_region");
  CHECK(guide["error"]["regions"] == json::array({"nanjing", "jiangsu"}));
  const json by_region = json::parse(engine.guide(R"({"scenario":"manual_claim","region":"guangzhou"})"));
  CHECK(by_region["error"]["field"] == "region");
  CHECK(by_region["error"]["regions"] == json::array({"guangzhou"}));
  const json reverse =
      json::parse(engine.reverse(R"({"original":{"fund_paid":"1","patient_pays":"1"},"request":)" + nanjing + "}"));
  CHECK(reverse["error"]["field"] == "request.insured_region");
  CHECK(reverse["error"]["regions"] == json::array({"nanjing", "jiangsu"}));
  // The whole pack: no one request field needed it.
  const json policies = json::parse(engine.call(R"({"op":"policies"})"));
  CHECK(policies["error"]["field"] == "");
  CHECK(policies["error"]["regions"].size() == region_files().size());
  // Every entry point of policies/policy asks for every file, one region too.
  for (const std::string& answer :
       {engine.policies(), engine.policy("shenzhen"), engine.call(R"({"op":"policy","region":"shenzhen"})")})
    CHECK(json::parse(answer) == policies);
  // Other errors carry no regions member: their answers are what they were.
  const json other = json::parse(engine.estimate(R"({"insured_region":"nowhere"})"));
  REQUIRE(other["ok"] == false);
  CHECK_FALSE(other["error"].contains("regions"));
}

TEST_CASE("policies needs every region file; a read region is not asked for again") {
  Engine engine = split_engine();
  const json first = json::parse(engine.policies());
  REQUIRE(first["ok"] == false);
  CHECK(first["error"]["code"] == "region_not_loaded");
  std::set<std::string> read;
  CHECK(supplied(
            engine, [](const Engine& e) { return e.call(R"({"op":"policies"})"); }, read) ==
        whole_engine().call(R"({"op":"policies"})"));
  CHECK(read == region_files());
  CHECK(engine.policies() == whole_engine().policies());
  // Reading a file again changes nothing.
  auto again = engine.read_region(region_file("shenzhen"));
  REQUIRE(again.ok());
  CHECK(again.value().policies() == engine.policies());
}

TEST_CASE("bytes that are not a region file of this build are refused, and the engine stays as it was") {
  const Engine engine = split_engine();
  std::string bytes = region_file("guangzhou");
  REQUIRE(bytes.size() > 100);
  for (const std::size_t at : {std::size_t{0}, bytes.size() / 2, bytes.size() - 1}) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 1);
    auto read = engine.read_region(damaged);
    REQUIRE_FALSE(read.ok());
    CHECK(read.error().field == "region_file");
    CHECK_FALSE(read.error().message_en.empty());
  }
  CHECK_FALSE(engine.read_region("").ok());
  CHECK_FALSE(engine.read_region(bytes.substr(0, bytes.size() - 1)).ok());
}

TEST_CASE("every case file, each from a fresh split engine, answers byte for byte as the whole pack") {
  int compared = 0;
  for (const char* dir : {"/tests/cases", "/examples"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(CLAIMCALC_SOURCE_DIR) + dir)) {
      if (e.path().extension() != ".json") continue;
      const json c = json::parse(read_file(e.path().string()));
      CAPTURE(e.path().string());
      std::set<std::string> read;
      Engine engine = split_engine();
      if (c.contains("op")) {
        const std::string envelope = c.dump();
        CHECK(supplied(
                  engine, [&](const Engine& x) { return x.call(envelope); }, read) == whole_engine().call(envelope));
        ++compared;
        continue;
      }
      const json* request = c.contains("request") ? &c.at("request") : c.contains("insured_region") ? &c : nullptr;
      if (request == nullptr) continue;
      const std::string text = request->dump();
      CHECK(supplied(
                engine, [&](const Engine& x) { return x.estimate(text); }, read) == whole_engine().estimate(text));
      CHECK(supplied(
                engine, [&](const Engine& x) { return x.explain(text, "both"); }, read) ==
            whole_engine().explain(text, "both"));
      // An estimate reads the insured place's own file and its province's layer, never more.
      CHECK(read.size() <= 2);
      ++compared;
    }
  }
  CHECK(compared > 100);
}

TEST_CASE("a batch answers region_not_loaded per request; supplied, it is the whole pack's answer") {
  const json requests = json::parse(
      R"([{"insured_region":"guangzhou","scheme":"employee","person":"active","setting":"inpatient",)"
      R"("hospital_level":"level3","date_of_care":"2025-03-01","totals":{"class_a":"1000"}},)"
      R"({"insured_region":"上海","scheme":"employee","person":"active","setting":"inpatient",)"
      R"("hospital_level":"level3","date_of_care":"2025-03-01","totals":{"class_a":"1000"}},)"
      R"({"insured_region":"nowhere","scheme":"employee","setting":"inpatient","date_of_care":"2025-03-01"}])");
  const std::string envelope = json{{"op", "estimate_many"}, {"requests", requests}}.dump();
  Engine engine = split_engine();
  const json first = json::parse(engine.call(envelope));
  REQUIRE(first["ok"] == true);
  CHECK(first["result"][0]["error"]["field"] == "insured_region");
  CHECK(first["result"][0]["error"]["regions"] == json::array({"guangzhou"}));
  CHECK(first["result"][1]["error"]["regions"] == json::array({"shanghai"}));
  CHECK(first["result"][2]["error"]["code"] == "unknown_region");
  std::set<std::string> read;
  CHECK(supplied(
            engine, [&](const Engine& e) { return e.call(envelope); }, read) == whole_engine().call(envelope));
  CHECK(read == std::set<std::string>{"guangzhou", "shanghai"});
}
