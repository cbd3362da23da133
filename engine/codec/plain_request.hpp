// The fast path for requests: reads a plain request (the shape pages and batches send) straight from its text into a
// Claim, without a JSON tree. It accepts only what it fully understands and what the full path (parse_json +
// parse_claim) accepts with the same Claim; on anything else (an escape in a string, a null, an unknown or repeated
// key, a value out of range, any error) it declines, and the caller takes the full path, which gives the verdict.
// So every error is the full path's error; tests/unit/plain_request_test.cpp holds the two paths to the same answers.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "engine/codec/request_codec.hpp"
#include "engine/core/claim.hpp"

namespace claimcalc::codec {

struct PlainRequest {
  Claim claim;
  bool detail_given = false;  // the request said "detail" itself (claim.step_texts holds it)
  bool texts_given = false;   // and "texts" (claim.texts)
};

// A plain request, or nullopt: use the full path.
std::optional<PlainRequest> read_plain_request(std::string_view text);

// A plain operation envelope: {"op": "estimate", "request": {...}} or {"op": "estimate_many", "detail"?: ...,
// "texts"?: ..., "requests": [...]} with plain requests only; nullopt otherwise.
struct PlainCall {
  bool many = false;
  AnswerChoices defaults;  // a batch's detail and texts, for requests that give none
  std::vector<PlainRequest> requests;
};
std::optional<PlainCall> read_plain_call(std::string_view text);

}  // namespace claimcalc::codec
