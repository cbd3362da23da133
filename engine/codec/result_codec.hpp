// Estimate -> result JSON, and the response envelope. Also the plain-text "explain" rendering, built from
// the same steps so the page, the CLI and the golden files agree.
#pragma once

#include <string>

#include "engine/codec/json_input.hpp"
#include "engine/core/error.hpp"
#include "engine/core/estimate.hpp"

namespace claimcalc {

// A Text in a JSON tree is its string (nlohmann finds this by the argument's namespace).
inline void to_json(codec::json& j, const Text& text) { j = text.str(); }

}  // namespace claimcalc

namespace claimcalc::codec {

json estimate_to_json(const Estimate& est, const std::string& engine_version);
json error_envelope(const Error& error);
json ok_envelope(json result);

enum class TextLanguage { zh, en, both };
// brief: the figures, what to bring, by when and what is still to ask, without the steps and their sources: what a
// help-desk operator reads out (well under a minute).
std::string explain_text(const Estimate& est, TextLanguage lang, bool brief = false);

json policy_summary(const Policy& policy);

// Pieces shared with the guide, diagnosis and reverse-settlement answers.
// With sources given, each source is put there once and the items refer to it ({ref, clause}); without, each
// item carries its whole source.
json materials_json(const Policy& policy, const std::vector<Material>& materials, json* sources = nullptr);
json deadlines_json(const Policy& policy, const std::vector<Deadline>& deadlines, json* sources = nullptr);
json source_of(const Policy& policy, const Citation& cite);

}  // namespace claimcalc::codec
