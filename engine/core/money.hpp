// Money in integer fen and ratios as exact decimals. The one rounding rule lives in round_div().
#pragma once

#include <boost/multiprecision/cpp_int.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "engine/core/error.hpp"

namespace claimcalc {

// Products and quotients go through a checked 128-bit integer: an overflow is detected, never wrapped.
using Wide = boost::multiprecision::checked_int128_t;

class Fen {
 public:
  constexpr Fen() = default;
  // Only an exact int64 count of fen makes a Fen: no binary floating point, no int of another width by accident.
  template <class T, std::enable_if_t<!std::is_same_v<T, std::int64_t>, int> = 0>
  explicit Fen(T) = delete;
  static constexpr Fen of(std::int64_t fen) { return Fen(fen, 0); }
  static constexpr Fen zero() { return Fen(); }
  constexpr std::int64_t value() const { return fen_; }

  friend constexpr Fen operator+(Fen a, Fen b) { return Fen(a.fen_ + b.fen_, 0); }
  friend constexpr Fen operator-(Fen a, Fen b) { return Fen(a.fen_ - b.fen_, 0); }
  constexpr Fen operator-() const { return Fen(-fen_, 0); }
  Fen& operator+=(Fen o) {
    fen_ += o.fen_;
    return *this;
  }
  Fen& operator-=(Fen o) {
    fen_ -= o.fen_;
    return *this;
  }
  friend constexpr bool operator==(Fen a, Fen b) { return a.fen_ == b.fen_; }
  friend constexpr bool operator!=(Fen a, Fen b) { return a.fen_ != b.fen_; }
  friend constexpr bool operator<(Fen a, Fen b) { return a.fen_ < b.fen_; }
  friend constexpr bool operator<=(Fen a, Fen b) { return a.fen_ <= b.fen_; }
  friend constexpr bool operator>(Fen a, Fen b) { return a.fen_ > b.fen_; }
  friend constexpr bool operator>=(Fen a, Fen b) { return a.fen_ >= b.fen_; }

 private:
  constexpr Fen(std::int64_t fen, int /*tag*/) : fen_(fen) {}
  std::int64_t fen_ = 0;
};

constexpr Fen min_fen(Fen a, Fen b) { return a < b ? a : b; }
constexpr Fen max_fen(Fen a, Fen b) { return a < b ? b : a; }
// Never below zero: what is left of a cap, of a deductible, of a band.
constexpr Fen clamp_zero(Fen a) { return a < Fen::zero() ? Fen::zero() : a; }

// THE rounding rule: numerator / denominator to the nearest fen, halves away from zero (四舍五入).
// Every division of money in the engine goes through here.
Fen round_div(const Wide& numerator, const Wide& denominator);

// A ratio in units of 1e-8: a policy ratio has at most 4 decimals (e.g. 0.8950 = 89.5%), so the product of
// two of them (a local ratio times a cross-region multiplier) is still exact.
class Ratio {
 public:
  static constexpr std::int64_t kScale = 100'000'000;
  constexpr Ratio() = default;
  template <class T, std::enable_if_t<!std::is_same_v<T, std::int64_t>, int> = 0>
  explicit Ratio(T) = delete;
  static constexpr Ratio of_units(std::int64_t units) { return Ratio(units, 0); }
  static constexpr Ratio of_basis_points(std::int64_t bp) { return Ratio(bp * 10'000, 0); }
  static constexpr Ratio zero() { return Ratio(); }
  static constexpr Ratio one() { return Ratio(kScale, 0); }
  constexpr std::int64_t units() const { return units_; }
  constexpr Ratio complement() const { return Ratio(kScale - units_, 0); }

  friend constexpr bool operator==(Ratio a, Ratio b) { return a.units_ == b.units_; }
  friend constexpr bool operator!=(Ratio a, Ratio b) { return a.units_ != b.units_; }
  friend constexpr bool operator<(Ratio a, Ratio b) { return a.units_ < b.units_; }
  friend constexpr bool operator>(Ratio a, Ratio b) { return a.units_ > b.units_; }
  friend constexpr bool operator<=(Ratio a, Ratio b) { return a.units_ <= b.units_; }
  friend constexpr bool operator>=(Ratio a, Ratio b) { return a.units_ >= b.units_; }

 private:
  constexpr Ratio(std::int64_t units, int /*tag*/) : units_(units) {}
  std::int64_t units_ = 0;
};

// base x ratio, rounded once by round_div.
Fen apply_ratio(Fen base, Ratio ratio);
// ratio x ratio; exact when both have at most 4 decimals, otherwise rounded half-up at 1e-8.
Ratio multiply(Ratio a, Ratio b);
// a less b (percentage points), never below zero.
Ratio cut_points(Ratio a, Ratio b);
// unit price x quantity; the caller has bounded both by limits.hpp, so this cannot overflow int64.
Fen times(Fen unit_price, std::int64_t quantity);

// "1234.56", "1234.5", "1234", "-3.20" (negatives only where allowed by the caller). At most two decimals.
Result<Fen> parse_money(std::string_view text, std::string_view field);
// The same reading without an error value (a reader that declines rather than reports): false where parse_money
// gives an error.
bool read_money(std::string_view text, Fen& out);
// Always two decimals: "1234.50"; negative as "-3.20".
std::string format_money(Fen fen);
// The same text written at out (room for kMoneyChars), for writers that build an answer in place; returns its length.
constexpr std::size_t kMoneyChars = 24;
std::size_t write_money(Fen fen, char* out);

// "0.9", "0.895", "90%", "89.5%", "1". At most 4 decimals as a fraction (2 as a percent), within [0, 1].
Result<Ratio> parse_ratio(std::string_view text, std::string_view field);
// "89.5%" (trailing zeros dropped).
std::string format_percent(Ratio ratio);
// The same text written at out (room for kPercentChars), for writers that build an answer in place; returns its
// length.
constexpr std::size_t kPercentChars = 32;
std::size_t write_percent(Ratio ratio, char* out);

}  // namespace claimcalc
