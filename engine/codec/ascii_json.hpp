// UTF-8 JSON text as ASCII-only JSON text, in a pass over text already written: what wasm/abi.cpp did to every
// answer piece before the engine's writers wrote ASCII themselves (Charset::ascii), moved here unchanged. Kept as
// the reference the writers are held to (tests/unit/ascii_answers_test.cpp, native_bench --dump-ascii) and to
// measure the pass the engine no longer makes (native_bench --many ... convert).
#pragma once

#include <string>
#include <string_view>

namespace claimcalc::codec {

// The piece with each character above U+007F as a lowercase \uXXXX escape (above U+FFFF as a surrogate pair): the
// piece itself when it is ASCII, else a view of `out`, which only grows (keep it between calls). Valid JSON holds
// such characters only inside strings, so the JSON values are the same. A piece ending inside a UTF-8 sequence
// keeps those bytes as they are (answer pieces end between characters).
std::string_view ascii_json(std::string_view piece, std::string& out);

// Text a JSON writer writes as it is in UTF-8 (valid UTF-8 with no control character, quote or backslash, and no
// character above U+FFFF: a step sentence's template, a number) as an ASCII writer writes it, at `to` (room for three
// times its size): each character above U+007F as JsonWriter's \uXXXX; returns the end. Without the writer's checks: a
// full answer's step sentences are written from their pieces (estimate_writer.cpp).
char* ascii_escaped(char* to, std::string_view plain);

}  // namespace claimcalc::codec
