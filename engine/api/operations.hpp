// Inside engine/api: each operation on parsed JSON, shared by the string entry points and by `call`.
// Not for callers outside engine/api (it exposes the codec's json type).
#pragma once

#include "engine/codec/json_input.hpp"
#include "engine/core/policy.hpp"
#include "engine/core/policy_file.hpp"

#include <vector>

namespace claimcalc::api::ops {

using codec::json;

// Each returns a response envelope.
json estimate(const json& request, const PolicyPack& pack);
// The one batch path, with its limits; the envelope as text, each answer written out as soon as it is made (only
// one answer's tree exists at a time: a batch's memory is its input and its answer text).
std::string estimate_many(const json& requests, const PolicyPack& pack);
json guide(const json& input, const PolicyPack& pack);
json diagnose(const json& input, const PolicyPack& pack);
json reverse(const json& input, const PolicyPack& pack);
json policies(const PolicyPack& pack, const std::string* region);  // all regions, or one
json coverage(const PolicyPack& pack);                             // per region and scheme: parts, layers, confidence
json scaffold(const json& input, const PolicyPack& pack);          // a new version from the registry, every part absent
json vocabulary(const PolicyPack& pack);  // every choice's name and zh/en label, the regions, the limits
// {path, content, request?}: a draft policy file checked by the pack's own validator beside `base` (the built-in
// files, so its province and national layers resolve); with a request, an estimate by that pack, which says it used
// an unreviewed local file (warning unreviewed_local_policy, with the file's SHA-256).
json validate_policy(const json& input, std::vector<PolicyFile> base);

}  // namespace claimcalc::api::ops
