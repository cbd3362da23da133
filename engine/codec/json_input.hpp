// Turns bytes into a JSON tree without exceptions, within the size and depth limits, refusing what is
// ambiguous: duplicate keys, a NUL byte, anything after the value. Fractional numbers (and numbers beyond the
// library's range, such as 1e309) are kept as their source text in a tagged binary value, so money like 12.30 is read
// exactly and 0.1+0.2 never happens, and a reader can tell 12.5 from "12.5" (a name or an id must be a string);
// integers stay integers.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "engine/codec/charset.hpp"
#include "engine/core/error.hpp"

namespace claimcalc::codec {

using json = nlohmann::json;

// How an error inside the input names its place: "items[3].amount" (requests) or "file#/json/pointer" (policies).
enum class JsonPaths { dotted, pointer };

// field names the input as a whole (e.g. "request", or a policy file's path).
Result<json> parse_json(std::string_view text, std::size_t max_bytes, std::string_view field,
                        JsonPaths paths = JsonPaths::dotted);

// A number written with a fraction or an exponent, as parse_json keeps it.
bool is_fraction(const json& j);
// Its source text ("12.30", "1e309"); empty for anything else.
std::string fraction_text(const json& j);

// Serialises compactly, as nlohmann's dump(-1) with error_handler_t::replace does, without ever aborting: invalid
// UTF-8 (impossible after parse_json, but a text cut at 64 bytes can end inside a character) is replaced by U+FFFD.
// Charset::ascii writes ASCII-only JSON text (engine/codec/json_writer.hpp).
std::string dump_json(const json& j, Charset charset = Charset::utf8);

}  // namespace claimcalc::codec
