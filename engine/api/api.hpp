// The one entry point: request JSON in, response envelope JSON out. The CLI, the wasm ABI and the tests all
// come through here, so they cannot disagree. Only strings and plain values cross this header: a caller compiles
// neither nlohmann/json nor the policy model (tests/layers.cmake checks it).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/error.hpp"        // Error, ErrorCode, Result: plain values
#include "engine/core/limits.hpp"       // every size limit, for callers that read input (the CLI)
#include "engine/core/policy_file.hpp"  // PolicyFile: a path and its text

namespace claimcalc {
struct PolicyPack;
}
namespace claimcalc::codec {
class KeptSources;
}

namespace claimcalc::api {

const char* engine_version();

// How a call writes its answer: options of the caller (the wasm ABI's flags), not of the request.
struct CallOptions {
  // ASCII-only JSON text: each character above U+007F as a lowercase \uXXXX escape (above U+FFFF, its two
  // surrogates); the same JSON values. A JS host decodes it into a one-byte string, faster to build and parse
  // (docs/size-and-start.md, "ASCII answers"); the engine escapes as it writes, so that costs no second pass.
  bool ascii = false;
};

// {"ok":false,"error":{...}} for an error met before any engine exists (a pack that does not load).
std::string error_envelope(const Error& error, CallOptions options = {});

// What a streamed call's answer holds that its host acts on (the wasm loader: read region files, switch to the
// authoring module), noted where the answer is made, so that the host need not search the answer's text for it.
struct CallNotes {
  bool region_not_loaded = false;  // an envelope in the answer is, or holds, a region_not_loaded error
  bool unknown_command = false;    // the answer is the unknown_command error
};

// An engine answers one call at a time (it keeps what its answers cite from call to call); a copy keeps its own,
// so each thread can have one, and all share the policies.
class Engine {
 public:
  // The policy pack compiled into this build (policies/ at build time).
  static Result<Engine> builtin();
  // today ("YYYY-MM-DD", the host's date when it has one) refuses a last_verified in the future.
  static Result<Engine> from_files(const std::vector<PolicyFile>& files, std::string_view today = "");
  // A built-in region's file (regions/<id>.ccp) of a split build (the wasm): its SHA-256 must be one the build
  // wrote into the index; then it is read without validation and replaces the region's index entries. The
  // engine with it read (itself when it is read already); an error (policy_invalid on region_file) for other bytes.
  // Until a region is read, an operation that needs it answers region_not_loaded naming it (docs/api.md).
  Result<Engine> read_region(std::string_view bytes) const;
  // Regions last verified more than 12 months before today ("YYYY-MM-DD"), one line each: warnings, not errors.
  std::vector<std::string> stale_regions(std::string_view today_iso) const;
  // A policy pack sent as JSON: {"files":[{"path":"<region>/<effective-from>.json","content":"<file text>"}],
  // "replace"?: bool, "today"?: "YYYY-MM-DD"}. Lets a page or mini-program take newer policies without new code.
  // The pack's regions replace the built-in versions of those regions and the other built-in regions stay, unless
  // "replace" is true; a pack without files is an error.
  static Result<Engine> from_pack_json(std::string_view pack);

  // Every operation below answers {"ok":true,"result":...} or {"ok":false,"error":{...}} (docs/api.md).
  // `lang` is "zh", "en" or "both" (Chinese, a blank line, English); anything else is an unknown_value error.

  // One request -> its result.
  std::string estimate(std::string_view request) const;
  // {"text":"..."}: the trace as plain sentences to read aloud.
  std::string explain(std::string_view request, std::string_view lang) const;
  // A JSON array of requests -> [envelope, ...]: one bad request gets its own error.
  std::string estimate_many(std::string_view requests) const;
  // {"scenario", "region"?, "request"?} -> the scenario guide; guide_text: the same as {"text":"..."}.
  std::string guide(std::string_view input) const;
  std::string guide_text(std::string_view input, std::string_view lang) const;
  // {"symptom", "region"?, "request"?} -> likely causes of a settlement error, in order; diagnosis_text: as text.
  std::string diagnose(std::string_view input) const;
  std::string diagnosis_text(std::string_view input, std::string_view lang) const;
  // {"original": {fund_paid, critical_illness_paid, patient_pays}, "request"} -> the difference per fund.
  std::string reverse(std::string_view input) const;
  std::string policies() const;
  std::string policy(std::string_view region) const;
  // What the pack covers per region and scheme: the envelope {registry, regions} for "json"; the text itself for
  // "table" (a terminal) and "markdown" (policies/COVERAGE.md).
  std::string coverage(std::string_view format) const;
  // {"region": name|code|id, "effective_from", "today", "id"?} -> {path, content, previous}: a new policy version
  // scaffolded from the registry with every part listed as absent (`claimcalc policies new`).
  std::string scaffold(std::string_view input) const;
  // {"op": "estimate"|"explain"|"estimate_many"|"guide"|"diagnose"|"reverse"|"policies"|"policy"|"version", ...}:
  // the wasm ABI's one call.
  std::string call(std::string_view envelope) const;
  // The same answer handed to `emit` in pieces as it is written, so that a big batch never sits whole in memory:
  // an estimate_many answer as its opening {"ok":true,"result":[, runs of whole request envelopes (each after the
  // batch's first with a leading comma; a run ends past 64 KiB) and its closing ]}; any other answer in one piece.
  // The pieces joined are call(envelope)'s text (with options.ascii, that text as ASCII-only JSON).
  CallNotes call(std::string_view envelope, const std::function<void(std::string_view)>& emit,
                 CallOptions options = {}) const;

  // How many policy files (region versions) the pack holds.
  std::size_t policy_count() const;

  // Plain requests (codec/plain_request.hpp) skip the JSON tree; switched off, everything takes the full path.
  // Answers are the same either way (tests/unit/plain_request_test.cpp); the switch is for that test and bench/.
  void set_plain_path(bool on) { plain_path_ = on; }

 private:
  // The JSON text of what full answers cite, kept for pack_ (engine/codec/kept_sources.hpp): it is keyed by the
  // pack's policies, so it lives and dies with this engine's pack. A copy starts with none (read_region's copy holds
  // a new pack; a copy for another thread must not share it); a move takes it along with the pack.
  class Kept {
   public:
    Kept();
    ~Kept();
    Kept(const Kept&);
    Kept(Kept&&) noexcept;
    Kept& operator=(const Kept&);
    Kept& operator=(Kept&&) noexcept;
    codec::KeptSources* get() const { return kept_.get(); }

   private:
    std::unique_ptr<codec::KeptSources> kept_;
  };

  explicit Engine(std::shared_ptr<const PolicyPack> pack) : pack_(std::move(pack)) {}
  std::shared_ptr<const PolicyPack> pack_;  // shared and immutable: copying an engine copies no policy
  Kept kept_;
  bool plain_path_ = true;
};

}  // namespace claimcalc::api
