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

// The bytes a key or a short value is looked for in (up to 31 bytes, the closing quote and the byte after it), as
// words: the text itself, or near its end a zero-padded copy (so a word may always be read whole).
struct Window {
  static constexpr std::size_t kBytes = 40;
  char padded[kBytes];  // filled only near the end
  const char* bytes;
  Window(const char* p, const char* end) {  // NOLINT(cppcoreguidelines-pro-type-member-init): padded as needed
    bytes = end - p >= static_cast<std::ptrdiff_t>(kBytes) ? p : pad(p, end);
  }
  const char* pad(const char* p, const char* end);
};

// The high bit of each byte of the word that is '"' (the usual has-zero-byte test on the word xor '"'; only the
// lowest bit set is exact, which is the one read).
inline std::uint64_t quote_bits(std::uint64_t v) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  const std::uint64_t x = v ^ (kOnes * '"');
  return (x - kOnes) & ~x & kHigh;
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

// The mask of the first n bytes (1 to 8) of a word, in memory order.
inline std::uint64_t first_bytes(std::size_t n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return ~std::uint64_t{0} << (64 - 8 * n);
#else
  return ~std::uint64_t{0} >> (64 - 8 * n);
#endif
}

// A set of keys, each matched with its closing quote (key") as whole words. A key is found by one hash of (length,
// first byte, last byte) and one such match, not a string comparison per candidate; the hash must tell the set's
// keys apart: distinct_keys, checked where each set is named (static_assert). Made at start-up from the names (the
// tables take no room in the module's data).
class KeySet {
 public:
  static constexpr std::size_t kMax = 24;  // keys in a set
  static constexpr std::size_t hash(const char* p, std::size_t n) {
    return (n * 6 + static_cast<unsigned char>(p[0]) + static_cast<unsigned char>(p[n - 1])) & 63;
  }
  template <std::size_t N>
  explicit KeySet(const std::string_view (&names)[N]) : KeySet(names, N) {}
  KeySet(const std::string_view* names, std::size_t count);

  std::size_t size(int i) const { return sizes_[i]; }
  // Whether key i and its closing quote are at p (whose 32 bytes are readable).
  bool at(int i, const char* p) const {
    const std::uint64_t* want = words_[i];
    const std::size_t last = lasts_[i];
    for (std::size_t w = 0; w < last; ++w)
      if (word_at(p + 8 * w) != want[w]) return false;
    return (word_at(p + 8 * last) & masks_[i]) == want[last];
  }
  // The index of the key of n bytes (1 to 31) at p (32 bytes readable), or -1.
  int find(const char* p, std::size_t n) const {
    const int i = slots_[hash(p, n)] - 1;
    return i >= 0 && sizes_[i] == n && at(i, p) ? i : -1;
  }

 private:
  std::uint64_t words_[kMax][4] = {};  // per key: the key, '"', then zeros
  std::uint8_t sizes_[kMax] = {};
  // Per key, worked out once (they were per match): the word holding its closing quote, and the mask of that
  // word's bytes up to the quote.
  std::uint8_t lasts_[kMax] = {};
  std::uint64_t masks_[kMax] = {};
  std::uint8_t slots_[64] = {};  // by hash: the key's index + 1 (0: none)
};

// Whether KeySet's hash tells the names apart, each name being 1 to 31 bytes, at most KeySet::kMax of them.
template <std::size_t N>
constexpr bool distinct_keys(const std::string_view (&names)[N]) {
  bool used[64] = {};
  for (const std::string_view k : names) {
    if (k.empty() || k.size() > 31) return false;
    const std::size_t h = KeySet::hash(k.data(), k.size());
    if (used[h]) return false;
    used[h] = true;
  }
  return N <= KeySet::kMax;
}

// Which key followed each key of a set in the object read last (entry 0: which came first; entries hold index + 1, 0:
// none yet), learned while reading: the requests of a batch, and the items of a bill, give their keys in one order,
// so the key that comes is most often the one guessed, and one match (KeyTable::at) finds it. A wrong guess costs
// that match; the key is then found by its hash. Guesses only choose which key to try: the answer is the same.
template <std::size_t N>
struct KeyOrder {
  std::uint8_t next[N + 1] = {};
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
  // A key of the table and its ':', after the key `prev` (-1: the first; order: its KeyOrder's entries): the key's
  // index. An unknown key declines.
  bool key(const KeySet& keys, std::uint8_t* order, int prev, int& out) {
    if (!peek('"')) return false;
    const Window w(p_ + 1, end_);
    const char* const b = w.bytes;  // after the opening quote
    std::uint8_t& guess = order[prev + 1];
    int k = guess - 1;
    if (k < 0 || !keys.at(k, b)) {
      const std::size_t n = quote_in(b);
      if (n == 0 || n == 32) return false;
      k = keys.find(b, n);
      if (k < 0) return false;
      guess = static_cast<std::uint8_t>(k + 1);
    }
    out = k;
    const std::size_t after = keys.size(k) + 1;  // past the closing quote
    if (b[after] == ':') {                       // compact JSON: the ':' at once
      p_ += after + 2;
      return true;
    }
    p_ += after + 1;
    return eat(':');
  }
  // A non-negative whole number written plainly (no sign, fraction or exponent), at most 15 digits.
  bool whole(std::int64_t& out);
  // Money as a decimal string ("1234.56"), read in one pass: as read_money reads it, and not negative.
  bool money(Fen& out);
  // A date string "YYYY-MM-DD" that Date::parse accepts.
  bool date(Date& out);

  // {"key": value, ...} of known keys: member(index) reads each value.
  template <std::size_t N, class F>
  bool object(const KeySet& keys, KeyOrder<N>& order, F&& member) {
    if (!eat('{')) return false;
    if (eat('}')) return true;
    int k = -1;
    do {
      if (!key(keys, order.next, k, k) || !member(k)) return false;
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
