#include "engine/codec/double_range.hpp"

#include <cstdint>
#include <string>

namespace claimcalc::codec {

namespace {

// 2^1024 - 2^970, the least value that rounds to infinity in IEEE binary64 (halfway to 2^1024; ties go to the even
// significand, which is 2^1024): its 309 digits.
constexpr std::string_view kOverflowDigits =
    "17976931348623158079372897140530341507993413271003782693617377898044496829276475094664901797758720709633028641"
    "66928879109465555478519404026306574886715058206819089020007083836762738548458177115317644757302700698555713669"
    "59622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";

bool digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool overflows_double(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  std::string digits;      // significant digits, leading zeros dropped
  std::int64_t point = 0;  // digits before the decimal point, counted from the first significant one
  bool any = false;
  bool after_point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && !after_point) {
      after_point = true;
      continue;
    }
    if (!digit(c)) break;
    any = true;
    if (digits.empty() && c == '0') {
      if (after_point) --point;
      continue;
    }
    if (digits.size() < kOverflowDigits.size() + 1) digits += c;
    if (!after_point) ++point;
  }
  if (!any || digits.empty()) return false;
  // An exponent counts only when a digit follows its sign (strtod reads "1e+" as 1).
  std::int64_t exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    bool negative = false;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) negative = text[j++] == '-';
    if (j < text.size() && digit(text[j])) {
      for (; j < text.size() && digit(text[j]); ++j)
        if (exponent < 1000000000) exponent = exponent * 10 + (text[j] - '0');
      if (negative) exponent = -exponent;
    }
  }
  // The value is 0.<digits> x 10^(point + exponent); the threshold is 0.<kOverflowDigits> x 10^309.
  const std::int64_t magnitude = point + exponent;
  if (magnitude != static_cast<std::int64_t>(kOverflowDigits.size())) {
    return magnitude > static_cast<std::int64_t>(kOverflowDigits.size());
  }
  for (std::size_t k = 0; k < kOverflowDigits.size(); ++k) {
    const char d = k < digits.size() ? digits[k] : '0';
    if (d != kOverflowDigits[k]) return d > kOverflowDigits[k];
  }
  return true;
}

}  // namespace claimcalc::codec
