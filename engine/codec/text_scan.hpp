// Word-at-a-time tests for scanning JSON string text (the request reader) and escaping it (the writer): eight bytes
// per step where the text is plain ASCII, six where it is Chinese, byte by byte elsewhere.
#pragma once

#include <cstdint>
#include <cstring>

namespace claimcalc::codec {

// The 8 bytes at p as one word.
inline std::uint64_t word_at(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// The high bit of each byte of 8 that is outside printable ASCII or is '"' or '\\' (SWAR: the usual has-zero-byte
// test on v ^ '"' and v ^ '\\', and has-less-than-0x20). A byte's bit may be a false alarm only above a byte that
// really is special, so the lowest bit set is always exact.
inline std::uint64_t special_bits(std::uint64_t v) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  const std::uint64_t quote = v ^ (kOnes * '"');
  const std::uint64_t backslash = v ^ (kOnes * '\\');
  return ((v & kHigh) | ((v - kOnes * 0x20) & ~v & kHigh) | ((quote - kOnes) & ~quote & kHigh) |
          ((backslash - kOnes) & ~backslash & kHigh));
}

// How many of the 8 bytes at p, in memory order, come before the first special one (8: none is special).
inline unsigned plain_prefix(const char* p) {
  const std::uint64_t bits = special_bits(word_at(p));
  if (bits == 0) return 8;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  return static_cast<unsigned>(__builtin_ctzll(bits)) / 8;
#else
  unsigned k = 0;
  while (k < 8 && (special_bits(static_cast<unsigned char>(p[k])) & 0x80) == 0) ++k;
  return k;
#endif
}

// Whether the first 6 of 8 bytes (in memory order, read little-endian) are two three-byte UTF-8 sequences whose
// lead bytes are E1..EF but not ED (most Chinese): lead bytes 1110xxxx and continuations 10xxxxxx checked with one
// mask; E0 and ED, whose second bytes are restricted, are left to the byte-by-byte check.
inline bool two_chinese(std::uint64_t v) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  constexpr std::uint64_t kMask = 0x0000C0C0F0C0C0F0ULL;
  constexpr std::uint64_t kWant = 0x00008080E08080E0ULL;
  const auto lead0 = static_cast<unsigned>(v & 0xFF);
  const auto lead1 = static_cast<unsigned>((v >> 24) & 0xFF);
  return (v & kMask) == kWant && lead0 != 0xE0 && lead0 != 0xED && lead1 != 0xE0 && lead1 != 0xED;
#else
  (void)v;
  return false;
#endif
}

}  // namespace claimcalc::codec
