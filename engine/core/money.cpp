#include "engine/core/money.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "engine/core/limits.hpp"

namespace claimcalc {

Fen round_div(const Wide& numerator, const Wide& denominator) {
  // Work on magnitudes so that a half rounds away from zero on both sides: -0.005 yuan -> -0.01.
  const bool negative = (numerator < 0) != (denominator < 0);
  const Wide n = numerator < 0 ? Wide(-numerator) : numerator;
  const Wide d = denominator < 0 ? Wide(-denominator) : denominator;
  Wide q = n / d;
  const Wide r = n % d;
  if (r * 2 >= d) q += 1;
  const auto magnitude = static_cast<std::int64_t>(q);
  return Fen::of(negative ? -magnitude : magnitude);
}

Fen apply_ratio(Fen base, Ratio ratio) {
  return round_div(Wide(base.value()) * Wide(ratio.units()), Wide(Ratio::kScale));
}

Ratio multiply(Ratio a, Ratio b) {
  const Fen scaled = round_div(Wide(a.units()) * Wide(b.units()), Wide(Ratio::kScale));
  return Ratio::of_units(scaled.value());
}

Fen times(Fen unit_price, std::int64_t quantity) {
  return Fen::of(static_cast<std::int64_t>(Wide(unit_price.value()) * Wide(quantity)));
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Parses "[-]digits[.digits]" into an integer scaled by 10^places; fails on anything else or on more
// fractional digits than allowed.
bool parse_decimal(std::string_view text, int places, bool allow_negative, std::int64_t limit, std::int64_t& out) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && text[i] == '-') {
    if (!allow_negative) return false;
    negative = true;
    ++i;
  }
  const std::size_t int_start = i;
  std::int64_t whole = 0;
  while (i < text.size() && is_digit(text[i])) {
    whole = whole * 10 + (text[i] - '0');
    if (whole > limit) return false;
    ++i;
  }
  if (i == int_start) return false;
  std::int64_t frac = 0;
  int frac_digits = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    const std::size_t frac_start = i;
    while (i < text.size() && is_digit(text[i])) {
      if (frac_digits == places) return false;
      frac = frac * 10 + (text[i] - '0');
      ++frac_digits;
      ++i;
    }
    if (i == frac_start) return false;
  }
  if (i != text.size()) return false;
  for (int k = frac_digits; k < places; ++k) frac *= 10;
  std::int64_t scale = 1;
  for (int k = 0; k < places; ++k) scale *= 10;
  const std::int64_t value = whole * scale + frac;
  if (value > limit) return false;
  out = negative ? -value : value;
  return true;
}

}  // namespace

bool read_money(std::string_view text, Fen& out) {
  std::int64_t fen = 0;
  if (text.size() > 32 || !parse_decimal(text, 2, true, limits::kMaxMoneyFen, fen)) return false;
  out = Fen::of(fen);
  return true;
}

Result<Fen> parse_money(std::string_view text, std::string_view field) {
  Fen fen;
  if (!read_money(text, fen)) {
    return make_error(ErrorCode::invalid_money, std::string(field),
                      "金额格式不正确：应为不超过两位小数的数字（单位：元），且不超过十亿元，例如 \"1234.56\"",
                      "not a valid amount: expected a number of yuan with at most two decimals, at most one "
                      "billion, e.g. \"1234.56\"");
  }
  return fen;
}

std::size_t write_money(Fen fen, char* out) {
  // Two digits per division (a table of "00".."99"): an answer writes some thirty amounts.
  static constexpr char kPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  const std::int64_t v = fen.value();
  const std::uint64_t magnitude = v < 0 ? static_cast<std::uint64_t>(-(v + 1)) + 1u : static_cast<std::uint64_t>(v);
  // Written right to left ending at the middle of the buffer, then copied as a fixed block (a few moves, no call):
  // the longest text, 20 characters and a sign, and the block fit the kMoneyChars at out.
  constexpr std::size_t kBlock = 22;
  char digits[kMoneyChars + kBlock];
  char* const end = digits + kMoneyChars;
  char* p = end - 2;
  // Amounts below 2^32 fen (some 42.9 million yuan: every bill) in 32-bit arithmetic: the wasm has no 64-bit
  // multiply-high, so there a 64-bit division by a constant stays a division, a 32-bit one becomes a multiply.
  std::uint64_t yuan = 0;
  std::uint32_t fen_digits = 0;
  if (magnitude >> 32 == 0) {
    const auto m = static_cast<std::uint32_t>(magnitude);
    yuan = m / 100u;
    fen_digits = m % 100u;
  } else {
    yuan = magnitude / 100u;
    fen_digits = static_cast<std::uint32_t>(magnitude % 100u);
  }
  std::memcpy(p, kPairs + std::size_t{2} * fen_digits, 2);
  *--p = '.';
  for (; yuan >> 32 != 0; yuan /= 100u) {
    p -= 2;
    std::memcpy(p, kPairs + 2 * (yuan % 100u), 2);
  }
  auto rest = static_cast<std::uint32_t>(yuan);
  for (; rest >= 100u; rest /= 100u) {
    p -= 2;
    std::memcpy(p, kPairs + std::size_t{2} * (rest % 100u), 2);
  }
  if (rest >= 10u) {
    p -= 2;
    std::memcpy(p, kPairs + std::size_t{2} * rest, 2);
  } else {
    *--p = static_cast<char>('0' + rest);
  }
  std::size_t len = 0;
  if (v < 0) out[len++] = '-';
  const auto n = static_cast<std::size_t>(end - p);
  std::memcpy(out + len, p, kBlock);
  return len + n;
}

std::string format_money(Fen fen) {
  char text[kMoneyChars];
  return std::string(text, write_money(fen, text));
}

Result<Ratio> parse_ratio(std::string_view text, std::string_view field) {
  std::int64_t units = 0;
  bool ok = false;
  if (text.size() <= 16) {
    if (!text.empty() && text.back() == '%') {
      std::int64_t hundredths_of_percent = 0;  // basis points
      ok = parse_decimal(text.substr(0, text.size() - 1), 2, false, 10'000, hundredths_of_percent);
      units = hundredths_of_percent * 10'000;
    } else {
      std::int64_t bp = 0;
      ok = parse_decimal(text, 4, false, 10'000, bp);
      units = bp * 10'000;
    }
  }
  if (!ok) {
    return make_error(
        ErrorCode::invalid_ratio, std::string(field),
        "比例格式不正确：应为 0 到 1 之间、至多四位小数的数，或至多两位小数的百分数，例如 \"0.9\" 或 \"89.5%\"",
        "not a valid ratio: expected a number from 0 to 1 with at most four decimals, or a "
        "percentage with at most two, e.g. \"0.9\" or \"89.5%\"");
  }
  return Ratio::of_units(units);
}

std::string format_percent(Ratio ratio) {
  // units / 1e6 = percent; print up to 6 decimals of a percent, trailing zeros dropped.
  const std::int64_t u = ratio.units();
  std::string s = std::to_string(u / 1'000'000);
  std::int64_t frac = u % 1'000'000;
  if (frac != 0) {
    std::string digits = std::to_string(frac);
    digits.insert(0, 6 - digits.size(), '0');
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    s += '.' + digits;
  }
  return s + "%";
}

std::size_t write_percent(Ratio ratio, char* out) {
  const std::int64_t u = ratio.units();
  if (u < 0) {  // never in a valid pack or request: the general form
    const std::string s = format_percent(ratio);
    const std::size_t n = std::min(s.size(), kPercentChars);
    std::copy_n(s.data(), n, out);
    return n;
  }
  char* p = std::to_chars(out, out + 20, u / 1'000'000).ptr;
  std::int64_t frac = u % 1'000'000;
  if (frac != 0) {
    *p++ = '.';
    int digits = 6;
    while (frac % 10 == 0) {  // trailing zeros dropped
      frac /= 10;
      --digits;
    }
    for (int i = digits - 1; i >= 0; --i) {
      p[i] = static_cast<char>('0' + frac % 10);
      frac /= 10;
    }
    p += digits;
  }
  *p++ = '%';
  return static_cast<std::size_t>(p - out);
}

Ratio cut_points(Ratio a, Ratio b) { return a <= b ? Ratio::zero() : Ratio::of_units(a.units() - b.units()); }

}  // namespace claimcalc
