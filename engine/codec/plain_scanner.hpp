// A cursor over a request's text for the plain path (plain_request.cpp): reads only the plain forms (strings without
// escapes, plain whole numbers) and declines anything else by returning false, so the full parser gives the error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/codec/plain_request.hpp"
#include "engine/core/date.hpp"
#include "engine/core/money.hpp"
#include "engine/core/vocabulary.hpp"

namespace claimcalc::codec::plain {

// A cursor over the text; every read returns false to decline.
class Scanner {
 public:
  explicit Scanner(PlainScan& s) : s_(s) {}

  void ws() {
    while (s_.pos < s_.text.size()) {
      const char c = s_.text[s_.pos];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      ++s_.pos;
    }
  }
  bool peek(char c) {
    ws();
    return s_.pos < s_.text.size() && s_.text[s_.pos] == c;
  }
  bool eat(char c) {
    if (!peek(c)) return false;
    ++s_.pos;
    return true;
  }
  bool at_end() {
    ws();
    return s_.pos == s_.text.size();
  }
  // A string with no escapes and no control characters, in valid UTF-8.
  bool string(std::string_view& out);
  // A non-negative whole number written plainly (no sign, fraction or exponent), at most 15 digits.
  bool whole(std::int64_t& out);
  // {"key": value, ...}: calls member(key) for each; member reads the value. No key twice (bit per known key).
  template <class F>
  bool object(F&& member) {
    if (!eat('{')) return false;
    if (eat('}')) return true;
    do {
      std::string_view key;
      if (!string(key) || !eat(':')) return false;
      if (!member(key)) return false;
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
  PlainScan& s_;
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
};

template <std::size_t N>
int key_index(const std::string_view (&keys)[N], std::string_view key) {
  // Size and first byte first: most keys differ there, without a call to compare the rest.
  for (std::size_t i = 0; i < N; ++i)
    if (keys[i].size() == key.size() && !key.empty() && keys[i][0] == key[0] && keys[i] == key)
      return static_cast<int>(i);
  return -1;
}

template <class E>
bool enumeration(Scanner& s, E& out) {
  std::string_view v;
  if (!s.string(v) || v.size() > 64) return false;
  const auto e = from_name<E>(v);
  if (!e) return false;
  out = *e;
  return true;
}

bool text(Scanner& s, std::size_t max_bytes, std::string& out);
bool date(Scanner& s, std::string_view field, Date& out);
bool date(Scanner& s, std::string_view field, std::optional<Date>& out);
// Money as a decimal string, not negative (JSON numbers for money go the full path).
bool money(Scanner& s, Fen& out);
bool ratio(Scanner& s, Ratio& out);
bool whole(Scanner& s, std::int64_t min, std::int64_t max, std::int64_t& out);

}  // namespace claimcalc::codec::plain
