// Turns bytes into a JSON tree without exceptions, within the size and depth limits. Floating-point numbers
// are kept as their source text (a JSON string), so money like 12.30 is read exactly and 0.1+0.2 never
// happens; integers stay integers.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "engine/core/error.hpp"

namespace claimcalc::codec {

using json = nlohmann::json;

Result<json> parse_json(std::string_view text, std::size_t max_bytes, std::string_view field);

// Serialises without ever aborting: invalid UTF-8 (impossible after parse_json, but cheap to guard) is replaced.
std::string dump_json(const json& j, int indent = -1);

}  // namespace claimcalc::codec
