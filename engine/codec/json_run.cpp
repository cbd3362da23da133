#include "engine/codec/json_run.hpp"

namespace claimcalc::codec::json_run {

char* money(char* p, Fen v) {
  if (v.value() == 0) return literal(p, "\"0.00\"");  // most of an item's parts
  *p++ = '"';
  p += write_money(v, p);
  *p++ = '"';
  return p;
}

char* money(char* p, const std::optional<Fen>& v) { return v ? money(p, *v) : null(p); }

namespace {

// The last `width` digits of v, as Date::iso puts them (written here rather than through iso(): its string, built
// and freed for every answer's receipt, cost more than the rest of the date's writing).
void digits(char* p, int v, int width) {
  for (int i = width - 1; i >= 0; --i) {
    p[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
}

}  // namespace

char* date(char* p, const Date& d) {
  p[0] = '"';
  digits(p + 1, d.year(), 4);
  p[5] = '-';
  digits(p + 6, d.month(), 2);
  p[8] = '-';
  digits(p + 9, d.day(), 2);
  p[11] = '"';
  return p + 12;
}

}  // namespace claimcalc::codec::json_run
