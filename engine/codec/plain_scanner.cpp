#include "engine/codec/plain_scanner.hpp"

#include "engine/core/limits.hpp"

namespace claimcalc::codec::plain {

namespace {

// Length of the valid UTF-8 sequence at p (before end), or 0 (RFC 3629: no overlongs, surrogates or values above
// U+10FFFF).
std::size_t utf8_length(const char* p, const char* end) {
  const auto b = [&](std::ptrdiff_t k) { return static_cast<unsigned char>(p[k]); };
  const auto cont = [&](std::ptrdiff_t k) { return k < end - p && (b(k) & 0xC0) == 0x80; };
  const unsigned char c = b(0);
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if ((c == 0xE0 && b(1) < 0xA0) || (c == 0xED && b(1) > 0x9F)) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if ((c == 0xF0 && b(1) < 0x90) || (c == 0xF4 && b(1) > 0x8F)) return 0;
    return 4;
  }
  return 0;
}

bool digit(char c) { return static_cast<unsigned>(static_cast<unsigned char>(c)) - unsigned{'0'} < 10u; }

}  // namespace

const char* Window::pad(const char* p, const char* end) {
  std::memset(padded, 0, sizeof padded);
  std::memcpy(padded, p, static_cast<std::size_t>(end - p));
  return padded;
}

KeySet::KeySet(const std::string_view* names, std::size_t count) {
  for (std::size_t i = 0; i < count && i < kMax; ++i) {
    const std::string_view k = names[i];
    char bytes[32] = {};
    std::memcpy(bytes, k.data(), k.size() < 31 ? k.size() : 31);
    bytes[k.size() < 31 ? k.size() : 31] = '"';
    for (std::size_t w = 0; w < 4; ++w) words_[i][w] = word_at(bytes + 8 * w);
    sizes_[i] = static_cast<std::uint8_t>(k.size());
    const std::size_t last = k.size() / 8;  // the key and its quote: the quote at k.size()
    lasts_[i] = static_cast<std::uint8_t>(last);
    masks_[i] = first_bytes(k.size() + 1 - 8 * last);
    slots_[hash(k.data(), k.size())] = static_cast<std::uint8_t>(i + 1);
  }
}

// A string with no escapes and no control characters, in valid UTF-8. Plain ASCII is passed over eight bytes at a
// time and Chinese six; the byte that stops a run is looked at alone.
bool Scanner::string(std::string_view& out) {
  if (!eat('"')) return false;
  const char* const start = p_;
  const char* i = p_;
  while (i != end_) {
    if (end_ - i >= 8) {
      const unsigned plain = plain_prefix(i);
      i += plain;
      if (plain == 8) continue;
    }
    const auto c = static_cast<unsigned char>(*i);
    if (c == '"') {
      out = std::string_view(start, static_cast<std::size_t>(i - start));
      p_ = i + 1;
      return true;
    }
    if (c == '\\' || c < 0x20) return false;
    if (c < 0x80) {
      ++i;  // only near the end of the text, where no word fits
      continue;
    }
    const std::size_t n = utf8_length(i, end_);
    if (n == 0) return false;
    i += n;
    if (n == 3 && c != 0xE0 && c != 0xED) {
      while (end_ - i >= 8 && two_chinese(word_at(i))) i += 6;
    }
  }
  return false;
}

bool Scanner::name(std::string_view& out) {
  if (!eat('"')) return false;
  const Window w(p_, end_);
  const std::size_t n = quote_in(w.bytes);
  if (n == 32) return false;
  out = std::string_view(p_, n);
  p_ += n + 1;
  return true;
}

bool Scanner::whole(std::int64_t& out) {
  ws();
  const char* i = p_;
  std::int64_t v = 0;
  while (i != end_ && digit(*i) && i - p_ < 16) v = v * 10 + (*i++ - '0');
  const auto digits = i - p_;
  if (digits == 0 || digits > 15 || (digits > 1 && *p_ == '0')) return false;
  if (i != end_ && (*i == '.' || *i == 'e' || *i == 'E' || digit(*i))) return false;
  p_ = i;
  out = v;
  return true;
}

// As read_money (core/money.cpp) reads the string's text: "[-]digits[.d[d]]", at most kMaxMoneyFen; then not
// negative ("-0.00" is zero, as there). Anything else, or any other byte before the closing quote, declines; so do
// more than 15 whole digits (only leading zeros could make such a text valid), which keeps the sums from overflowing
// and the text within read_money's 32 characters. Read in a window, so no byte needs a test for the end.
bool Scanner::money(Fen& out) {
  if (!eat('"')) return false;
  const Window w(p_, end_);
  const char* const b = w.bytes;
  const bool negative = b[0] == '-';
  const std::size_t start = negative ? 1 : 0;
  std::size_t i = start;
  std::int64_t fen = 0;
  for (; i <= start + 15 && digit(b[i]); ++i) fen = fen * 10 + (b[i] - '0');
  if (i == start || i > start + 15) return false;
  fen *= 100;
  if (b[i] == '.') {
    if (!digit(b[i + 1])) return false;
    fen += std::int64_t{b[i + 1] - '0'} * 10;
    i += 2;
    if (digit(b[i])) fen += b[i++] - '0';
  }
  if (b[i] != '"' || fen > limits::kMaxMoneyFen || (negative && fen != 0)) return false;
  p_ += i + 1;
  out = Fen::of(fen);
  return true;
}

// As Date::parse: exactly YYYY-MM-DD, a real day within the years it allows.
bool Scanner::date(Date& out) {
  if (!eat('"')) return false;
  if (end_ - p_ < 11 || p_[4] != '-' || p_[7] != '-' || p_[10] != '"') return false;
  const char* const d = p_;
  for (const int k : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!digit(d[k])) return false;
  const auto n = [d](int k) { return d[k] - '0'; };
  const int year = n(0) * 1000 + n(1) * 100 + n(2) * 10 + n(3);
  const int month = n(5) * 10 + n(6);
  const int day = n(8) * 10 + n(9);
  if (!Date::valid(year, month, day)) return false;
  out = Date::unchecked(year, month, day);
  p_ += 11;
  return true;
}

bool text(Scanner& s, std::size_t max_bytes, std::string& out) {
  std::string_view v;
  if (!s.string(v) || v.size() > max_bytes) return false;
  // Each field is read once, into an empty string: appended, the cheapest way in for the short texts requests hold.
  out.clear();
  out.append(v);
  return true;
}

bool date(Scanner& s, std::optional<Date>& out) {
  Date d = Date::unchecked(2000, 1, 1);
  if (!s.date(d)) return false;
  out = d;
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
