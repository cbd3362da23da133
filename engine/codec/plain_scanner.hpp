// A cursor over a request's text for the plain path (plain_request.cpp): reads only the plain forms (strings without
// escapes, plain whole numbers, money and dates as their plain strings) and declines anything else by returning
// false, so the full parser gives the error. Declining is always safe; accepting must mean what the full path means.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "engine/codec/text_scan.hpp"
#include "engine/core/date.hpp"
#include "engine/core/money.hpp"
#include "engine/core/vocabulary.hpp"

namespace claimcalc::codec::plain {

// The 32 bytes a key or a short value is looked for in, as words: the text itself, or near its end a zero-padded
// copy (so a word may always be read whole).
struct Window {
  char padded[32];  // filled only near the end
  const char* bytes;
  Window(const char* p, const char* end) {  // NOLINT(cppcoreguidelines-pro-type-member-init): padded as needed
    if (end - p >= 32) {
      bytes = p;
    } else {
      std::memset(padded, 0, sizeof padded);
      std::memcpy(padded, p, static_cast<std::size_t>(end - p));
      bytes = padded;
    }
  }
};

// The high bit of each byte of the word that is '"' (the usual has-zero-byte test on the word xor '"'; only the
// lowest bit set is exact, which is the one read).
inline std::uint64_t quote_bits(std::uint64_t v) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  const std::uint64_t x = v ^ (kOnes * '"');
  return (x - kOnes) & ~x & kHigh;
}

// The bytes of a word that come first in memory, n of them (1 to 8), the others zero.
inline std::uint64_t first_bytes(std::uint64_t v, std::size_t n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return v & (~std::uint64_t{0} << (64 - 8 * n));
#else
  return v & (~std::uint64_t{0} >> (64 - 8 * n));
#endif
}

// Where the first '"' is among the 32 bytes of a window, or 32 when none is. Keys and names mostly end in the
// first word or the second.
inline std::size_t quote_in(const char* bytes) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  for (std::size_t w = 0; w < 32; w += 8) {
    const std::uint64_t bits = quote_bits(word_at(bytes + w));
    if (bits != 0) return w + static_cast<std::size_t>(__builtin_ctzll(bits)) / 8;
  }
#else
  for (std::size_t i = 0; i < 32; ++i)
    if (bytes[i] == '"') return i;
#endif
  return 32;
}

// A fixed set of keys found by one hash of (length, first byte, last byte) and one comparison of whole words, not a
// string comparison per candidate. The hash must tell the set's keys apart: KeySet::distinct, checked where each set
// is made (static_assert).
template <std::size_t N>
class KeySet {
 public:
  constexpr explicit KeySet(const std::string_view (&names)[N]) {
    for (auto& s : slots_) s = -1;
    for (std::size_t i = 0; i < N; ++i) {
      const std::string_view k = names[i];
      if (k.empty() || k.size() > 32) distinct_ = false;
      if (!distinct_) continue;
      sizes_[i] = k.size();
      for (std::size_t j = 0; j < k.size(); ++j) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        const unsigned shift = 8 * (7 - j % 8);
#else
        const unsigned shift = 8 * (j % 8);
#endif
        words_[i][j / 8] |= std::uint64_t{static_cast<unsigned char>(k[j])} << shift;
      }
      auto& slot = slots_[hash(k.data(), k.size())];
      if (slot >= 0) distinct_ = false;
      slot = static_cast<int>(i);
    }
  }
  constexpr bool distinct() const { return distinct_; }

  // The index of the key of n bytes (1 to 32) at p, whose 32 bytes are readable, or -1.
  int find(const char* p, std::size_t n) const {
    const int i = slots_[hash(p, n)];
    if (i < 0 || sizes_[i] != n) return -1;
    const std::uint64_t* want = words_[i];
    if (n <= 8) return first_bytes(word_at(p), n) == want[0] ? i : -1;
    if (word_at(p) != want[0]) return -1;
    if (n <= 16) return first_bytes(word_at(p + 8), n - 8) == want[1] ? i : -1;
    if (word_at(p + 8) != want[1]) return -1;
    if (n <= 24) return first_bytes(word_at(p + 16), n - 16) == want[2] ? i : -1;
    return word_at(p + 16) == want[2] && first_bytes(word_at(p + 24), n - 24) == want[3] ? i : -1;
  }

 private:
  static constexpr std::size_t hash(const char* p, std::size_t n) {
    return (n * 6 + static_cast<unsigned char>(p[0]) + static_cast<unsigned char>(p[n - 1])) & 63;
  }
  std::uint64_t words_[N][4]{};
  std::size_t sizes_[N]{};
  int slots_[64]{};
  bool distinct_ = true;
};

// A cursor over the text; every read returns false to decline.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()) {}

  // Compact JSON has no white space between tokens: the byte looked for is tried first.
  void ws() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool peek(char c) {
    if (p_ != end_ && *p_ == c) return true;
    ws();
    return p_ != end_ && *p_ == c;
  }
  bool eat(char c) {
    if (!peek(c)) return false;
    ++p_;
    return true;
  }
  bool at_end() {
    ws();
    return p_ == end_;
  }
  std::size_t offset() const { return static_cast<std::size_t>(p_ - begin_); }

  // A string with no escapes and no control characters, in valid UTF-8.
  bool string(std::string_view& out);
  // A string of at most 31 bytes, as a view up to its first '"': for values that must be one of a list of names
  // (which have no '\\', control or non-ASCII bytes, so a view that names one was a plain string).
  bool name(std::string_view& out);
  // A key of `keys` and its ':': the key's index. An unknown key declines.
  template <std::size_t N>
  bool key(const KeySet<N>& keys, int& out) {
    if (!eat('"')) return false;
    const Window w(p_, end_);
    const std::size_t n = quote_in(w.bytes);
    if (n == 0 || n == 32) return false;
    out = keys.find(w.bytes, n);
    p_ += n + 1;
    return out >= 0 && eat(':');
  }
  // A non-negative whole number written plainly (no sign, fraction or exponent), at most 15 digits.
  bool whole(std::int64_t& out);
  // Money as a decimal string ("1234.56"), read in one pass: as read_money reads it, and not negative.
  bool money(Fen& out);
  // A date string "YYYY-MM-DD" that Date::parse accepts.
  bool date(Date& out);

  // {"key": value, ...} of known keys: member(index) reads each value.
  template <std::size_t N, class F>
  bool object(const KeySet<N>& keys, F&& member) {
    if (!eat('{')) return false;
    if (eat('}')) return true;
    do {
      int k = -1;
      if (!key(keys, k) || !member(k)) return false;
    } while (eat(','));
    return eat('}');
  }
  template <class F>
  bool array(F&& element) {
    if (!eat('[')) return false;
    if (eat(']')) return true;
    do {
      if (!element()) return false;
    } while (eat(','));
    return eat(']');
  }

 private:
  const char* begin_;
  const char* p_;
  const char* end_;
};

// Each key at most once: a bit per position in a list of known keys.
struct Seen {
  std::uint64_t bits = 0;
  bool first(int k) {
    const std::uint64_t bit = std::uint64_t{1} << k;
    if ((bits & bit) != 0) return false;
    bits |= bit;
    return true;
  }
  bool has(int k) const { return (bits >> k & 1) != 0; }
};

template <class E>
bool enumeration(Scanner& s, E& out) {
  std::string_view v;
  if (!s.name(v)) return false;
  const auto e = from_name<E>(v);
  if (!e) return false;
  out = *e;
  return true;
}

bool text(Scanner& s, std::size_t max_bytes, std::string& out);
inline bool date(Scanner& s, Date& out) { return s.date(out); }
bool date(Scanner& s, std::optional<Date>& out);
inline bool money(Scanner& s, Fen& out) { return s.money(out); }
bool ratio(Scanner& s, Ratio& out);
bool whole(Scanner& s, std::int64_t min, std::int64_t max, std::int64_t& out);

}  // namespace claimcalc::codec::plain
