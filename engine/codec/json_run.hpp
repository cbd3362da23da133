// Pieces of a run of JSON text of known shape, written at a pointer into room the JsonWriter made (run()/more()):
// constant member names with their punctuation as one copy, money and nulls straight into the buffer. Each returns
// where the next byte goes. The room asked for must cover the run's longest form.
#pragma once

#include <cstddef>
#include <cstring>
#include <optional>

#include "engine/core/date.hpp"
#include "engine/core/money.hpp"

namespace claimcalc::codec::json_run {

// Text known at compile time ("\",\"in_scope\":"): a copy of constant size, a few moves rather than a call.
template <std::size_t N>
char* literal(char* p, const char (&text)[N]) {
  std::memcpy(p, text, N - 1);
  return p + N - 1;
}

// A constant text of up to Room bytes kept in a padded slot, so that it is copied as one fixed block (a table of
// member names of different lengths); the room at p must take the whole block.
template <std::size_t Room = 32>
struct Padded {
  template <std::size_t N>
  constexpr Padded(const char (&literal)[N])  // NOLINT(google-explicit-constructor): tables of literals
      : size(N - 1) {
    static_assert(N <= Room, "the text fits its slot");
    for (std::size_t i = 0; i + 1 < N; ++i) text[i] = literal[i];
  }
  char text[Room] = {};
  std::size_t size;
};
template <std::size_t Room>
char* padded(char* p, const Padded<Room>& t) {
  std::memcpy(p, t.text, sizeof t.text);
  return p + t.size;
}

// Room a money value takes: the text, its quotes, and the fixed block write_money copies.
constexpr std::size_t kMoneyRoom = kMoneyChars + 2;

inline char* money(char* p, Fen v) {
  if (v.value() == 0) return literal(p, "\"0.00\"");  // most of an item's parts
  *p++ = '"';
  p += write_money(v, p);
  *p++ = '"';
  return p;
}

inline char* null(char* p) { return literal(p, "null"); }

inline char* money(char* p, const std::optional<Fen>& v) { return v ? money(p, *v) : null(p); }

constexpr std::size_t kDateRoom = 12;

// "YYYY-MM-DD", as Date::iso writes it, quotes included.
inline char* date(char* p, const Date& d) {
  const auto digit = [](int v) { return static_cast<char>('0' + v % 10); };
  const int y = d.year();
  p[0] = '"';
  p[1] = digit(y / 1000);
  p[2] = digit(y / 100);
  p[3] = digit(y / 10);
  p[4] = digit(y);
  p[5] = '-';
  p[6] = digit(d.month() / 10);
  p[7] = digit(d.month());
  p[8] = '-';
  p[9] = digit(d.day() / 10);
  p[10] = digit(d.day());
  p[11] = '"';
  return p + 12;
}

}  // namespace claimcalc::codec::json_run
