#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "engine/core/money.hpp"

using namespace claimcalc;

TEST_CASE("round_div rounds halves away from zero, to the fen") {
  CHECK(round_div(Wide(5), Wide(10)).value() == 1);  // 0.5 fen -> 1
  CHECK(round_div(Wide(4), Wide(10)).value() == 0);
  CHECK(round_div(Wide(-5), Wide(10)).value() == -1);  // symmetric
  CHECK(round_div(Wide(15), Wide(10)).value() == 2);
  CHECK(round_div(Wide(25), Wide(10)).value() == 3);  // not banker's rounding
}

TEST_CASE("apply_ratio: 1234.57 yuan at 90% is 1111.11 (1111.113 rounded)") {
  CHECK(apply_ratio(Fen::of(123457), Ratio::of_basis_points(9000)).value() == 111111);
  CHECK(apply_ratio(Fen::of(5), Ratio::of_basis_points(5000)).value() == 3);  // 2.5 fen -> 3
}

TEST_CASE("multiply keeps two four-decimal ratios exact") {
  const Ratio r = multiply(Ratio::of_basis_points(8950), Ratio::of_basis_points(9000));
  CHECK(r.units() == 80'550'000);  // 80.55%
  CHECK(format_percent(r) == "80.55%");
}

TEST_CASE("parse_money accepts decimals with at most two places") {
  CHECK(parse_money("1234.56", "f").value().value() == 123456);
  CHECK(parse_money("1234.5", "f").value().value() == 123450);
  CHECK(parse_money("0100", "f").value().value() == 10000);  // decimal, never octal
  CHECK(parse_money("-3.20", "f").value().value() == -320);
  for (const char* bad : {"", "1.234", "1e5", " 1", "1,000", "+1", ".5", "1.", "abc", "--1", "1000000001"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_money(bad, "f").ok());
  }
  CHECK(parse_money("1.234", "items[0].amount").error().field == "items[0].amount");
}

TEST_CASE("format_money prints two decimals, sign in front") {
  CHECK(format_money(Fen::of(0)) == "0.00");
  CHECK(format_money(Fen::of(5)) == "0.05");
  CHECK(format_money(Fen::of(123456)) == "1234.56");
  CHECK(format_money(Fen::of(-320)) == "-3.20");
}

TEST_CASE("parse_ratio reads fractions and percentages within [0, 1]") {
  CHECK(parse_ratio("0.9", "r").value() == Ratio::of_basis_points(9000));
  CHECK(parse_ratio("89.5%", "r").value() == Ratio::of_basis_points(8950));
  CHECK(parse_ratio("1", "r").value() == Ratio::one());
  CHECK(parse_ratio("100%", "r").value() == Ratio::one());
  for (const char* bad : {"1.01", "101%", "0.12345", "-0.1", "90.123%", "%", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_ratio(bad, "r").ok());
  }
}

TEST_CASE("format_money at every digit count and at the ends of the range, against the long division") {
  const auto reference = [](std::int64_t v) {
    const bool negative = v < 0;
    std::uint64_t m = negative ? static_cast<std::uint64_t>(-(v + 1)) + 1u : static_cast<std::uint64_t>(v);
    std::string s = std::to_string(m % 100u);
    if (s.size() < 2) s.insert(0, "0");
    return (negative ? "-" : "") + std::to_string(m / 100u) + "." + s;
  };
  std::vector<std::int64_t> values{0, 1, 9, 10, 99, 100, 101, 999, 1000, 1005, 99999, 100000,
                                   // where the writing leaves 32-bit arithmetic: 2^32 fen, then 2^32 yuan
                                   0xFFFF'FFFF, 0x1'0000'0000, 0x1'0000'0001, 0x63'FFFF'FF9C, 0x63'FFFF'FFFF,
                                   0x64'0000'0000, 0x64'0000'0063, std::numeric_limits<std::int64_t>::max(),
                                   std::numeric_limits<std::int64_t>::min()};
  for (std::int64_t p = 1; p <= std::numeric_limits<std::int64_t>::max() / 10; p *= 10) {
    values.push_back(p);
    values.push_back(p - 1);
    values.push_back(p + 7);
  }
  for (const std::int64_t v : values) {
    for (const std::int64_t x : {v, v == std::numeric_limits<std::int64_t>::min() ? v : -v}) {
      CAPTURE(x);
      CHECK(format_money(Fen::of(x)) == reference(x));
    }
  }
}

TEST_CASE("write_percent writes format_percent's text: whole, one to six decimals, trailing zeros dropped") {
  const std::int64_t units[] = {0,         1,          5,          10,          123'456,     500'000,  999'999,
                                1'000'000, 80'550'000, 89'500'000, 100'000'000, 100'000'001, 7'000'010};
  for (const std::int64_t u : units) {
    const Ratio r = Ratio::of_units(u);
    char text[kPercentChars];
    const std::string written(text, write_percent(r, text));
    CHECK(written == format_percent(r));
  }
  char text[kPercentChars];
  CHECK(std::string(text, write_percent(Ratio::of_units(5), text)) == "0.000005%");
  CHECK(std::string(text, write_percent(Ratio::of_units(89'500'000), text)) == "89.5%");
}
