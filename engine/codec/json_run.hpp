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

// A money figure as its JSON string; an absent one as null. Out of line: an answer has some twenty call sites
// (the wasm's size budget), and the call is little next to the formatting.
char* money(char* p, Fen v);
char* money(char* p, const std::optional<Fen>& v);

inline char* null(char* p) { return literal(p, "null"); }

constexpr std::size_t kDateRoom = 12;

// "YYYY-MM-DD", as Date::iso writes it, quotes included.
char* date(char* p, const Date& d);

}  // namespace claimcalc::codec::json_run
