// The full estimate answer written straight to JSON text: the same bytes dump_json(ok_envelope(estimate_to_json()))
// gives (tests/unit/estimate_writer_test.cpp holds them equal on every case file), without building the tree that
// cost most of an estimate's time. estimate_to_json stays as the reference the tests hold it to (reverse, which
// embeds an estimate, writes it here too: append_reverse_envelope).
#pragma once

#include <string>

#include "engine/codec/json_writer.hpp"
#include "engine/core/claim.hpp"
#include "engine/core/estimate.hpp"

namespace claimcalc::codec {

class KeptSources;

// Appends {"ok":true,"result":{...}} for est, steps included; sentences in the languages `texts` asks for. kept: the
// engine's texts of what its pack cites (engine/codec/kept_sources.hpp), for the pack est was settled by; null: made
// for this answer. The bytes are the same either way.
void append_estimate_envelope(std::string& out, const Estimate& est, const char* engine_version,
                              Texts texts = Texts::both);
void append_estimate_envelope(JsonWriter& w, const Estimate& est, const char* engine_version, Texts texts = Texts::both,
                              KeptSources* kept = nullptr);

}  // namespace claimcalc::codec
