#include "engine/codec/plain_scanner.hpp"

#include "engine/codec/text_scan.hpp"

namespace claimcalc::codec::plain {

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 (RFC 3629: no overlongs, surrogates or values above U+10FFFF).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const auto cont = [&](std::size_t k) { return k < s.size() && (b(k) & 0xC0) == 0x80; };
  const unsigned char c = b(i);
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    if ((c == 0xE0 && b(i + 1) < 0xA0) || (c == 0xED && b(i + 1) > 0x9F)) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    if ((c == 0xF0 && b(i + 1) < 0x90) || (c == 0xF4 && b(i + 1) > 0x8F)) return 0;
    return 4;
  }
  return 0;
}

}  // namespace

// A string with no escapes and no control characters, in valid UTF-8. Plain ASCII is passed over eight bytes at a
// time and Chinese six; the byte that stops a run is looked at alone.
bool Scanner::string(std::string_view& out) {
  if (!eat('"')) return false;
  const std::size_t start = s_.pos;
  const std::string_view t = s_.text;
  std::size_t i = s_.pos;
  while (i < t.size()) {
    if (t.size() - i >= 8) {
      const unsigned plain = plain_prefix(t.data() + i);
      i += plain;
      if (plain == 8) continue;
    }
    const auto c = static_cast<unsigned char>(t[i]);
    if (c == '"') {
      out = t.substr(start, i - start);
      s_.pos = i + 1;
      return true;
    }
    if (c == '\\' || c < 0x20) return false;
    if (c < 0x80) {
      ++i;  // only near the end of the text, where no word fits
      continue;
    }
    const std::size_t n = utf8_length(t, i);
    if (n == 0) return false;
    i += n;
    if (n == 3 && c != 0xE0 && c != 0xED) {
      while (t.size() - i >= 8 && two_chinese(word_at(t.data() + i))) i += 6;
    }
  }
  return false;
}

// A non-negative whole number written plainly (no sign, fraction or exponent), at most 15 digits.
bool Scanner::whole(std::int64_t& out) {
  ws();
  const std::string_view t = s_.text;
  std::size_t i = s_.pos;
  std::int64_t v = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9' && i - s_.pos < 16) v = v * 10 + (t[i++] - '0');
  const std::size_t digits = i - s_.pos;
  if (digits == 0 || digits > 15 || (digits > 1 && t[s_.pos] == '0')) return false;
  if (i < t.size() && (t[i] == '.' || t[i] == 'e' || t[i] == 'E' || (t[i] >= '0' && t[i] <= '9'))) return false;
  s_.pos = i;
  out = v;
  return true;
}

bool text(Scanner& s, std::size_t max_bytes, std::string& out) {
  std::string_view v;
  if (!s.string(v) || v.size() > max_bytes) return false;
  out.assign(v.data(), v.size());
  return true;
}

bool date(Scanner& s, std::string_view field, Date& out) {
  std::string_view v;
  if (!s.string(v) || v.size() > 32) return false;
  auto d = Date::parse(v, field);
  if (!d.ok()) return false;
  out = d.value();
  return true;
}

bool date(Scanner& s, std::string_view field, std::optional<Date>& out) {
  Date d = Date::unchecked(2000, 1, 1);
  if (!date(s, field, d)) return false;
  out = d;
  return true;
}

// Money as a decimal string, not negative (JSON numbers for money go the full path).
bool money(Scanner& s, Fen& out) {
  std::string_view v;
  Fen m;
  if (!s.string(v) || !read_money(v, m) || m < Fen::zero()) return false;
  out = m;
  return true;
}

bool ratio(Scanner& s, Ratio& out) {
  std::string_view v;
  if (!s.string(v)) return false;
  auto r = parse_ratio(v, "");
  if (!r.ok()) return false;
  out = r.value();
  return true;
}

bool whole(Scanner& s, std::int64_t min, std::int64_t max, std::int64_t& out) {
  return s.whole(out) && out >= min && out <= max;
}

}  // namespace claimcalc::codec::plain
