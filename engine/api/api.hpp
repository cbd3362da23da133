// The one entry point: request JSON in, response envelope JSON out. The CLI, the wasm ABI and the tests all
// come through here, so they cannot disagree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/codec/policy_codec.hpp"
#include "engine/codec/result_codec.hpp"
#include "engine/core/error.hpp"
#include "engine/core/policy.hpp"

namespace claimcalc::api {

const char* engine_version();
// Every province- and prefecture-level division, generated at build time (policies/national/divisions/).
DivisionRegistry builtin_divisions();

class Engine {
 public:
  // The policy pack compiled into this build (policies/ at build time).
  static Result<Engine> builtin();
  static Result<Engine> from_files(const std::vector<codec::PolicyFile>& files);
  // A policy pack sent as JSON: {"files":[{"path":"<region>/<effective-from>.json","content":"<file text>"}]}.
  // Lets a page or mini-program take newer policies without new code.
  static Result<Engine> from_pack_json(std::string_view pack);

  // One request -> {"ok":true,"result":{...}} or {"ok":false,"error":{...}}.
  std::string estimate(std::string_view request) const;
  // {"ok":true,"result":{"text":"..."}}: the trace as plain sentences to read aloud.
  std::string explain(std::string_view request, codec::TextLanguage lang) const;
  // A JSON array of requests -> {"ok":true,"result":[envelope, ...]}: one bad request gets its own error.
  std::string estimate_many(std::string_view requests) const;
  // {"scenario", "region"?, "request"?} -> the scenario guide (docs/api.md).
  std::string guide(std::string_view input) const;
  // {"symptom", "request"?} -> likely causes of a settlement error, in order.
  std::string diagnose(std::string_view input) const;
  // {"original": {fund_paid, critical_illness_paid, patient_pays}, "request"} -> the difference per fund.
  std::string reverse(std::string_view input) const;
  std::string policies() const;
  // What the pack covers per region and scheme: {"ok":true,"result":{registry, regions}} for "json"; the text
  // itself for "table" (a terminal) and "markdown" (policies/COVERAGE.md).
  std::string coverage(std::string_view format) const;
  // {"region": name|code|id, "effective_from", "today", "id"?} -> {path, content, previous}: a new policy version
  // scaffolded from the registry with every part listed as absent (`claimcalc policies new`).
  std::string scaffold(std::string_view input) const;
  std::string policy(std::string_view region) const;
  // {"op": "estimate"|"explain"|"estimate_many"|"policies"|"policy"|"version", ...}: the wasm ABI's one call.
  std::string call(std::string_view envelope) const;

  const PolicyPack& pack() const { return pack_; }

 private:
  explicit Engine(PolicyPack pack) : pack_(std::move(pack)) {}
  codec::json estimate_value(const codec::json& request) const;
  codec::json guide_value(const codec::json& input) const;
  codec::json diagnose_value(const codec::json& input) const;
  codec::json reverse_value(const codec::json& input) const;
  codec::json scaffold_value(const codec::json& input) const;
  PolicyPack pack_;
};

}  // namespace claimcalc::api
