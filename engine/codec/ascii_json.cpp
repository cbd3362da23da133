#include "engine/codec/ascii_json.hpp"

#include <cstdint>
#include <cstring>

#include "engine/codec/hex_escape.hpp"

namespace claimcalc::codec {

namespace {

// Where the first byte of text at or after `from` that is not ASCII is (text.size() if none), 8 bytes at a time.
std::size_t next_non_ascii(std::string_view text, std::size_t from) {
  for (; from + 8 <= text.size(); from += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + from, 8);
    if ((word & 0x8080808080808080u) != 0) break;
  }
  while (from < text.size() && static_cast<unsigned char>(text[from]) < 0x80) ++from;
  return from;
}

// \uXXXX for the UTF-16 code unit u at p, as JsonWriter writes it (out of line: the wasm's size budget).
[[gnu::noinline]] char* unit_escape(char* p, std::uint32_t u) { return hex_escape(p, unit_nibbles(u)); }

}  // namespace

char* ascii_escaped(char* to, std::string_view plain) {
  const auto* s = reinterpret_cast<const unsigned char*>(plain.data());
  const unsigned char* const end = s + plain.size();
  while (s != end) {
    unsigned c = *s;
    if (c < 0x80) {
      // ASCII 8 bytes at a time while a word is all ASCII (an English sentence), then byte by byte.
      for (; end - s >= 8; s += 8, to += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, s, 8);
        if ((word & 0x8080808080808080u) != 0) break;
        std::memcpy(to, &word, 8);
      }
      for (; s != end && *s < 0x80; ++s) *to++ = static_cast<char>(*s);
      continue;
    }
    if ((c & 0xF0u) != 0xE0) {  // two bytes (¥, ×): out of line
      to = unit_escape(to, (c & 0x1Fu) << 6 | (s[1] & 0x3Fu));
      s += 2;
      continue;
    }
    // Three bytes (1110aaaa 10bbbbbb 10cccccc: Chinese), straight on while they last: the four nibbles of
    // aaaabbbbbbcccccc taken from the bytes, made digits at once, and the escape written as two stores.
    do {
      to = hex_escape(to, three_byte_nibbles(c, s[1], s[2]));
      s += 3;
    } while (s != end && ((c = *s) & 0xF0u) == 0xE0);
  }
  return to;
}

std::string_view ascii_json(std::string_view piece, std::string& out) {
  std::size_t at = next_non_ascii(piece, 0);
  if (at == piece.size()) return piece;
  static constexpr char kHex[] = "0123456789abcdef";
  // At most 12 bytes for 4 (a surrogate pair), 6 for 3, 6 for 2: three times the input is enough. Written through a
  // pointer (libc++'s appends are calls in this -Oz build). `out` outlives the call and only grows: resizing it
  // afresh zero-filled three times every answer.
  if (out.size() < piece.size() * 3) out.resize(piece.size() * 3);
  char* to = out.data();
  auto unit = [&to](std::uint32_t u) {
    to[0] = '\\';
    to[1] = 'u';
    to[2] = kHex[u >> 12 & 15];
    to[3] = kHex[u >> 8 & 15];
    to[4] = kHex[u >> 4 & 15];
    to[5] = kHex[u & 15];
    to += 6;
  };
  std::memcpy(to, piece.data(), at);
  to += at;
  while (at < piece.size()) {
    const auto lead = static_cast<unsigned char>(piece[at]);
    const std::size_t length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (at + length > piece.size()) break;  // not UTF-8 the engine writes; copied as it is below
    std::uint32_t code = lead & (length == 4 ? 0x07u : length == 3 ? 0x0fu : 0x1fu);
    for (std::size_t k = 1; k < length; ++k) code = code << 6 | (static_cast<unsigned char>(piece[at + k]) & 0x3fu);
    if (code >= 0x10000) {
      unit(0xd800 + ((code - 0x10000) >> 10));
      unit(0xdc00 + ((code - 0x10000) & 0x3ff));
    } else {
      unit(code);
    }
    at += length;
    // The ASCII run up to the next such character, copied in the scan: 8 bytes at a time while a word is all
    // ASCII (a texts-none answer has a few Chinese names in long ASCII runs: byte by byte, this copy was ~9 % of
    // the module's time on the peer batch), then byte by byte up to the character (a full answer's runs between
    // Chinese characters are a few bytes: no memcpy call each).
    for (; at + 8 <= piece.size(); at += 8, to += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, piece.data() + at, 8);
      if ((word & 0x8080808080808080u) != 0) break;
      std::memcpy(to, &word, 8);
    }
    while (at < piece.size() && static_cast<unsigned char>(piece[at]) < 0x80) *to++ = piece[at++];
  }
  std::memcpy(to, piece.data() + at, piece.size() - at);
  to += piece.size() - at;
  return std::string_view(out.data(), static_cast<std::size_t>(to - out.data()));
}

}  // namespace claimcalc::codec
