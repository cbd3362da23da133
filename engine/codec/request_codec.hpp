// Request JSON -> Claim, with every field checked; the first problem becomes a structured error.
#pragma once

#include <optional>
#include <string_view>

#include "engine/codec/json_input.hpp"
#include "engine/core/claim.hpp"
#include "engine/core/error.hpp"

namespace claimcalc::codec {

Result<Claim> parse_claim(const json& request);

// "texts": both, zh, en or none; nullopt for anything else.
std::optional<Texts> texts_named(std::string_view name);

// The answer an object asks for with "detail" and "texts": a request's own, or a batch's for each request that
// makes no choice itself.
struct AnswerChoices {
  bool figures = false;
  Texts texts = Texts::both;
};
// An object's "detail" and "texts", each optional, with the errors parse_claim gives for them.
Result<AnswerChoices> parse_answer_choices(const json& object);

// The checks across fields made once every field has been read (dates in order, filing with its date, "national"
// refused, a known care province): parse_claim's, shared with the plain reader so the two cannot differ.
std::optional<Error> check_claim(const Claim& claim);

}  // namespace claimcalc::codec
