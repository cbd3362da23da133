// How the engine's JSON writers hold characters above U+007F in strings.
#pragma once

namespace claimcalc::codec {

// utf8: as the UTF-8 they are. ascii: each as a lowercase \uXXXX escape (above U+FFFF, its two surrogates), so the
// text is ASCII-only JSON with the same values, which a JS host decodes into a one-byte string instead of a two-byte
// one (docs/size-and-start.md, "ASCII answers"). Byte for byte what ascii_json makes of the UTF-8 text
// (engine/codec/ascii_json.hpp; tests/unit/ascii_answers_test.cpp holds the two equal).
enum class Charset : bool { utf8, ascii };

}  // namespace claimcalc::codec
