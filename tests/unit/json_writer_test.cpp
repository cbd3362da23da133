// The text writer's strings (codec/json_writer: 8 bytes at a time over ASCII, a short path for Chinese) are written
// exactly as nlohmann's dump writes them (dump_json is the writer now, so the library is the reference), on every
// kind of byte: escapes, controls, valid and invalid UTF-8 of each length.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "engine/codec/json_input.hpp"
#include "engine/codec/json_writer.hpp"

namespace {

std::string written(const std::string& s) {
  std::string out;
  claimcalc::codec::append_json_string(out, s);
  return out;
}

std::string library(const std::string& s) {
  return claimcalc::codec::json(s).dump(-1, ' ', false, claimcalc::codec::json::error_handler_t::replace);
}

}  // namespace

TEST_CASE("strings are escaped as nlohmann's dump escapes them") {
  for (const std::string s : {"", "a", "abcdefgh", "abcdefghi\"", "12345678\\", "1234567\n", "医保报销 ¥1.00",
                              "\xE0\x9F\x80", "\xED\xA0\x80", "\xED\x9F\xBF", "\xF0\x9F\x98\x80", "\xF4\x90\x80\x80",
                              "\xC0\xAF", "\xE4\xB8", "abc\xE4", "\x7F\x01\x1F ok", "\xEF\xBF\xBD"}) {
    CAPTURE(s);
    CHECK(written(s) == library(s));
  }
  // Random texts drawn from bytes that matter: ASCII, controls, quotes, lead and continuation bytes.
  std::mt19937 rng(10);
  const unsigned char pool[] = {'a',  ' ',  '"',  '\\', '\n', 0x01, 0x1F, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC2,
                                0xDF, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xB8, 0xAD, 'z',  '0'};
  int differ = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const auto len = rng() % 24;
    for (unsigned k = 0; k < len; ++k) s += static_cast<char>(pool[rng() % sizeof pool]);
    if (written(s) != library(s)) ++differ;
  }
  CHECK(differ == 0);
}

TEST_CASE("reserve keeps what was written, and the writer writes on in the room it made") {
  using claimcalc::codec::Charset;
  using claimcalc::codec::JsonWriter;
  std::string out = "[";
  const std::string long_text(3000, 'y');
  {
    JsonWriter w(out, Charset::ascii);
    w.begin_object();
    w.key("a");
    w.string("x");
    w.reserve(1 << 20);  // moves the text to a larger block: the writer's place must follow it
    w.key("b");
    w.string(long_text);
    w.key("c");
    w.string("\xE4\xB8\xAD");  // an escape asks for its worst case's room
    w.reserve(16);             // within the room: nothing moves
    w.end_object();
  }
  CHECK(out == "[{\"a\":\"x\",\"b\":\"" + long_text + "\",\"c\":\"\\u4e2d\"}");
}
