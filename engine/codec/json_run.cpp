#include "engine/codec/json_run.hpp"

#include <string>

namespace claimcalc::codec::json_run {

char* money(char* p, Fen v) {
  if (v.value() == 0) return literal(p, "\"0.00\"");  // most of an item's parts
  *p++ = '"';
  p += write_money(v, p);
  *p++ = '"';
  return p;
}

char* money(char* p, const std::optional<Fen>& v) { return v ? money(p, *v) : null(p); }

char* date(char* p, const Date& d) {
  const std::string iso = d.iso();  // ten characters: no allocation
  *p++ = '"';
  std::memcpy(p, iso.data(), 10);
  p[10] = '"';
  return p + 11;
}

}  // namespace claimcalc::codec::json_run
