// Whether a number's text is beyond IEEE binary64's range, decided without floating point (strtod would bring
// extended-precision arithmetic into the wasm).
#pragma once

#include <string_view>

namespace claimcalc::codec {

// Whether the longest prefix of text that strtod would read is a number beyond IEEE binary64's range (its value rounds
// to infinity, as 1e309 does), decided exactly on the decimal digits.
bool overflows_double(std::string_view text);

}  // namespace claimcalc::codec
