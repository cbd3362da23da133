#include "support.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "engine/api/builtin_divisions.hpp"
#include "engine/codec/policy_codec.hpp"
#include "tools/policy_dir.hpp"

namespace test {

std::string source_dir() { return CLAIMCALC_SOURCE_DIR; }

const claimcalc::api::Engine& fixture_engine() {
  static const claimcalc::api::Engine engine = [] {
    auto files = claimcalc::tools::read_policy_dir(source_dir() + "/tests/fixtures/policies");
    REQUIRE(files.ok());
    auto e = claimcalc::api::Engine::from_files(files.value());
    if (!e.ok()) FAIL(e.error().field << ": " << e.error().message_en);
    return e.value();
  }();
  return engine;
}

const claimcalc::PolicyPack& builtin_pack() {
  static const claimcalc::PolicyPack pack = [] {
    auto files = claimcalc::tools::read_policy_dir(source_dir() + "/policies");
    REQUIRE(files.ok());
    auto loaded = claimcalc::codec::load_pack(files.value(), std::nullopt);
    REQUIRE(loaded.ok());
    loaded.value().divisions = claimcalc::api::builtin_divisions();
    return std::move(loaded.value());
  }();
  return pack;
}

const claimcalc::api::Engine& builtin_engine() {
  static const claimcalc::api::Engine engine = [] {
    auto e = claimcalc::api::Engine::builtin();
    if (!e.ok()) FAIL(e.error().field << ": " << e.error().message_en);
    return e.value();
  }();
  return engine;
}

json estimate(const claimcalc::api::Engine& engine, const json& request) {
  return json::parse(engine.estimate(request.dump()));
}

json estimate_text(const claimcalc::api::Engine& engine, const std::string& request) {
  return json::parse(engine.estimate(request));
}

json testland_request() {
  return json{{"insured_region", "testland"},
              {"scheme", "employee"},
              {"person", "active"},
              {"tier", "tier1"},
              {"setting", "inpatient"},
              {"hospital_level", "level3"},
              {"date_of_care", "2024-06-01"},
              {"year_to_date",
               {{"stays", 0}, {"fund_paid", "0"}, {"critical_illness_base", "0"}, {"critical_illness_paid", "0"}}},
              {"items", json::array({json{{"name", "药品"}, {"class", "class_a"}, {"amount", "10000"}}})}};
}

std::string split(const json& envelope, const char* name) {
  const json& v = envelope.at("result").at("split").at(name);
  if (v.is_object()) {  // a range: "low..high", an open end left empty
    const auto end = [](const json& e) { return e.is_null() ? std::string() : e.get<std::string>(); };
    return end(v.at("low")) + ".." + end(v.at("high"));
  }
  return v.is_null() ? "null" : v.get<std::string>();
}

bool has_unknown(const json& envelope, const std::string& part) {
  for (const auto& u : envelope.at("result").at("cannot_estimate"))
    if (u.at("part") == part) return true;
  return false;
}

bool has_warning(const json& envelope, const std::string& code) {
  for (const auto& w : envelope.at("result").at("warnings"))
    if (w.at("code") == code) return true;
  return false;
}

std::int64_t fen(const json& money) {
  const std::string s = money.get<std::string>();
  const auto dot = s.find('.');
  return std::stoll(s.substr(0, dot)) * 100 + std::stoll(s.substr(dot + 1));
}

std::string yuan(std::int64_t fen) {
  std::string cents = std::to_string(fen % 100);
  return std::to_string(fen / 100) + "." + (cents.size() == 1 ? "0" + cents : cents);
}

json policy_source(const char* id, const char* date, const char* confidence) {
  return json{{"id", id},
              {"title", std::string("title ") + id},
              {"office", std::string("office ") + id},
              {"date", date},
              {"url", std::string("https://example.invalid/") + id},
              {"confidence", confidence}};
}

json policy_file(const char* schemes) {
  return json{{"schema_version", 1},
              {"region", "x"},
              {"name_zh", "某市"},
              {"name_en", "X"},
              {"province", "p"},
              {"effective_from", "2024-01-01"},
              {"last_verified", "2026-01-01"},
              {"sources", json::array({policy_source("s", "2024-01-01", "official")})},
              {"schemes", json::parse(schemes)}};
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace test
