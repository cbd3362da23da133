// Inside engine/api: each operation on parsed JSON, shared by the string entry points and by `call`.
// Not for callers outside engine/api (it exposes the codec's json type).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "engine/api/api.hpp"
#include "engine/codec/figures_codec.hpp"
#include "engine/codec/json_input.hpp"
#include "engine/codec/json_writer.hpp"
#include "engine/codec/kept_sources.hpp"
#include "engine/codec/request_codec.hpp"
#include "engine/core/claim.hpp"
#include "engine/core/context_cache.hpp"
#include "engine/core/estimate_room.hpp"
#include "engine/core/policy.hpp"
#include "engine/core/policy_file.hpp"

#include <vector>

namespace claimcalc::api::ops {

using codec::json;

// Each returns a response envelope.
// Estimates answer as text: a figures-only answer ("detail": "figures") is written without a JSON tree.
// defaults: a batch's "detail" and "texts", for requests that give none of their own.
// Each returns true when the answer it wrote is a region_not_loaded error (CallNotes).
// contexts and room: a batch's (engine/core/context_cache.hpp, estimate_room.hpp), kept from request to request;
// null: the answer's own. The answer is the same either way.
// charset: how the answer's strings hold non-ASCII characters (CallOptions::ascii).
// kept: the engine's texts of what pack cites (engine/codec/kept_sources.hpp), kept for this pack only; null: an
// answer's own. The answer is the same either way.
bool append_estimate(const json& request, const codec::AnswerChoices& defaults, const PolicyPack& pack,
                     std::string& out, codec::Charset charset = codec::Charset::utf8, ContextCache* contexts = nullptr,
                     EstimateRoom* room = nullptr, codec::KeptSources* kept = nullptr);
// append_answer: the claim is settled where it is (EstimateRoom::estimate_in_place): the caller is done with it.
bool append_answer(Claim& claim, const PolicyPack& pack, std::string& out,
                   codec::Charset charset = codec::Charset::utf8);
// The same written by a batch's writer.
bool append_answer(Claim& claim, const PolicyPack& pack, codec::JsonWriter& w, codec::BatchTexts* texts = nullptr,
                   ContextCache* contexts = nullptr, EstimateRoom* room = nullptr, codec::KeptSources* kept = nullptr);
// Receives an answer's text in pieces (Engine::call with a sink).
using Emit = std::function<void(std::string_view)>;
// The one batch path, with its limits: the envelope as text, handed to `emit` as it is made: the opening, runs of
// whole answers (each request's envelope with its separating comma; a run ends at the first answer that takes it
// past 64 KiB), the closing. A batch's memory is its input and one run.
CallNotes estimate_many(const json& requests, const codec::AnswerChoices& defaults, const PolicyPack& pack,
                        const Emit& emit, codec::Charset charset = codec::Charset::utf8,
                        codec::KeptSources* kept = nullptr);
// A plain operation envelope read without a tree (codec/plain_request.hpp), answered through `emit` as
// estimate_many is; nullopt (nothing emitted): use the tree.
std::optional<CallNotes> plain_call(std::string_view envelope, const PolicyPack& pack, const Emit& emit,
                                    codec::Charset charset = codec::Charset::utf8, codec::KeptSources* kept = nullptr);
// A plain request read without a tree, or nullopt: use the tree.
std::optional<std::string> plain_estimate(std::string_view request, const PolicyPack& pack,
                                          codec::KeptSources* kept = nullptr);
json guide(const json& input, const PolicyPack& pack);
json diagnose(const json& input, const PolicyPack& pack);
// The answer as text (the corrected estimate by the estimate writer, no tree).
std::string reverse(const json& input, const PolicyPack& pack, codec::Charset charset = codec::Charset::utf8);
// All regions, or one; region_not_loaded naming every region file not yet read (docs/api.md, "Region files").
json policies(const PolicyPack& pack, const std::string* region);
json coverage(const PolicyPack& pack);                     // per region and scheme: parts, layers, confidence
json scaffold(const json& input, const PolicyPack& pack);  // a new version from the registry, every part absent
json vocabulary(const PolicyPack& pack);  // every choice's name and zh/en label, the regions, the limits
// {path, content, request?}: a draft policy file checked by the pack's own validator beside `base` (the built-in
// policies, so its province and national layers resolve); with a request, an estimate by that pack, which says it used
// an unreviewed local file (warning unreviewed_local_policy, with the file's SHA-256).
json validate_policy(const json& input, std::vector<Policy> base);

}  // namespace claimcalc::api::ops
