// Shared helpers for tests: engines over the fixture pack and the built-in pack, and JSON shortcuts.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/api/api.hpp"
#include "engine/core/policy.hpp"

namespace test {

using nlohmann::json;

// The made-up pack in tests/fixtures/policies: engine tests never break when real policies change.
const claimcalc::api::Engine& fixture_engine();
const claimcalc::api::Engine& builtin_engine();
// policies/ read as a pack by the JSON reader, with the built-in registry as the engine holds it (places such as 北京
// resolve): for tests that settle with engine/core directly.
const claimcalc::PolicyPack& builtin_pack();

json estimate(const claimcalc::api::Engine& engine, const json& request);
json estimate_text(const claimcalc::api::Engine& engine, const std::string& request);

// A valid Testland employee inpatient request to vary in each test.
json testland_request();

// The "result.split.<name>" string, or "null".
std::string split(const json& envelope, const char* name);
bool has_unknown(const json& envelope, const std::string& part);
bool has_warning(const json& envelope, const std::string& code);

// Money in an answer ("12.34", not negative) as whole fen, and whole fen as money in a request.
std::int64_t fen(const json& money);
std::string yuan(std::int64_t fen);

// A policy file of the made-up region "x" (path "x/2024-01-01.json") with one official source "s" and the given
// schemes (JSON text): the file every policy-rule test varies.
json policy_file(const char* schemes);
// One more source for policy_file's "sources": id, date and confidence ("official" or "secondary").
json policy_source(const char* id, const char* date, const char* confidence);

std::string read_file(const std::string& path);
std::string source_dir();

}  // namespace test
