// Guides, diagnoses and reverse settlements -> JSON.
#pragma once

#include "engine/codec/charset.hpp"
#include "engine/codec/json_input.hpp"
#include "engine/core/diagnosis.hpp"
#include "engine/core/guide.hpp"
#include "engine/core/reverse.hpp"

namespace claimcalc::codec {

json guide_to_json(const Guide& guide);
json diagnosis_to_json(const std::vector<Diagnosis>& causes);
// The reverse answer, {"ok":true,"result":{corrected, difference, direction, original}}, appended to out: the bytes
// dump_json gave for the tree it once built (corrected is the estimate answer's result).
void append_reverse_envelope(std::string& out, const ReverseOutcome& outcome, const char* engine_version,
                             Charset charset);

// Plain text to read aloud, rendered from the JSON answers above (so text and JSON cannot disagree).
std::string guide_text(const json& guide, bool zh);
std::string diagnosis_text(const json& diagnosis, bool zh);

}  // namespace claimcalc::codec
