// The \uXXXX escape both ASCII writers make (json_writer.cpp as it escapes, ascii_json.cpp's ascii_escaped for the
// step sentences' templates): one formula and one layout, so their answers are the same bytes.
#pragma once

#include <cstdint>
#include <cstring>

namespace claimcalc::codec {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "an escape's four digits are stored as one word");

// Writes \u and four hex digits at p, given as four nibbles, one a byte: the k-th digit in bits 8k and up of the
// word (the first in the lowest byte); returns the end. The four at once (an ASCII answer's Chinese is most of its
// escaping): '0' added to each, and 'a' - '0' - 10 more to those of ten or more (n + 6 reaches 16 exactly then).
inline char* hex_escape(char* p, std::uint32_t nibbles) {
  const std::uint32_t digits = nibbles + 0x30303030u + ((nibbles + 0x06060606u) >> 4 & 0x01010101u) * 0x27u;
  p[0] = '\\';
  p[1] = 'u';
  std::memcpy(p + 2, &digits, 4);
  return p + 6;
}

// The nibbles of the UTF-16 code unit u, in hex_escape's order.
inline std::uint32_t unit_nibbles(std::uint32_t u) {
  return (u >> 12 & 0xFu) | (u >> 8 & 0xFu) << 8 | (u >> 4 & 0xFu) << 16 | (u & 0xFu) << 24;
}

// The nibbles of the code unit of the three-byte UTF-8 sequence a b c (1110aaaa 10bbbbbb 10cccccc: aaaabbbbbbcccccc),
// taken from the bytes straight, in hex_escape's order.
inline std::uint32_t three_byte_nibbles(std::uint32_t a, std::uint32_t b, std::uint32_t c) {
  return (a & 0xFu) | (b << 6 & 0xF00u) | (b << 18 & 0xC0000u) | (c << 12 & 0x30000u) | (c & 0xFu) << 24;
}

}  // namespace claimcalc::codec
