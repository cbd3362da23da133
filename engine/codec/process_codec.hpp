// Guides, diagnoses and reverse settlements -> JSON.
#pragma once

#include "engine/codec/json_input.hpp"
#include "engine/core/diagnosis.hpp"
#include "engine/core/guide.hpp"
#include "engine/core/reverse.hpp"

namespace claimcalc::codec {

json guide_to_json(const Guide& guide);
json diagnosis_to_json(const std::vector<Diagnosis>& causes);
json reverse_to_json(const ReverseOutcome& outcome, const std::string& engine_version);

// Plain text to read aloud, rendered from the JSON answers above (so text and JSON cannot disagree).
std::string guide_text(const json& guide, bool zh);
std::string diagnosis_text(const json& diagnosis, bool zh);

}  // namespace claimcalc::codec
