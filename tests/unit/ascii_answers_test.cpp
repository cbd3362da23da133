// ASCII answers (CallOptions::ascii, the wasm's cc_call_stream flag 1): the engine's writers escape each character
// above U+007F as they write, and what they write is byte for byte ascii_json of the UTF-8 answer (the pass over
// every answer the wasm ABI made before), on every case file, example and fuzz seed, by the plain reader and the
// tree, in each answer size: so kept runs, receipt tails, item names and tree-made answers cannot miss an escape.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "engine/codec/ascii_json.hpp"
#include "engine/codec/json_writer.hpp"
#include "support.hpp"

namespace {

using claimcalc::codec::Charset;

std::string ascii_json(std::string_view text) {
  std::string room;
  return std::string(claimcalc::codec::ascii_json(text, room));
}

std::string written(std::string_view s, Charset charset) {
  std::string out;
  {
    claimcalc::codec::JsonWriter w(out, charset);
    w.begin_object();
    w.key_text(s);
    w.string(s);
    w.end_object();
  }
  return out;
}

bool is_ascii(std::string_view text) {
  return std::none_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

std::string called(const claimcalc::api::Engine& e, const std::string& envelope, bool ascii) {
  claimcalc::api::CallOptions options;
  options.ascii = ascii;
  std::string out;
  e.call(
      envelope, [&](std::string_view piece) { out += piece; }, options);
  return out;
}

// Each answer the inputs get as a call (the envelope as it is, and each op an estimate has), by the plain reader and
// by the tree: the ASCII answer against ascii_json of the UTF-8 one. Returns how many UTF-8 answers held non-ASCII
// text (the comparisons that could fail).
int check_answers(const std::vector<std::string>& inputs) {
  const auto& builtin = test::builtin_engine();
  claimcalc::api::Engine tree = builtin;
  tree.set_plain_path(false);
  int with_non_ascii = 0;
  for (const auto& input : inputs) {
    // A batch of two: the second answer copies the first one's kept runs and receipt tail.
    const std::string envelopes[] = {
        input,
        R"({"op":"estimate","request":)" + input + "}",
        R"({"op":"explain","request":)" + input + "}",
        R"({"op":"estimate_many","detail":"figures","requests":[)" + input + "," + input + "]}",
        R"({"op":"estimate_many","detail":"full","texts":"zh","requests":[)" + input + "," + input + "]}",
    };
    for (const auto* e : {&builtin, static_cast<const claimcalc::api::Engine*>(&tree)}) {
      for (const auto& envelope : envelopes) {
        const std::string utf8 = called(*e, envelope, false);
        const std::string ascii = called(*e, envelope, true);
        CAPTURE(envelope.substr(0, 300));
        CHECK(is_ascii(ascii));
        CHECK(ascii == ascii_json(utf8));
        if (!is_ascii(utf8)) ++with_non_ascii;
      }
    }
  }
  return with_non_ascii;
}

std::vector<std::string> files_under(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out.push_back(test::read_file(e.path().string()));
  return out;
}

}  // namespace

TEST_CASE("ASCII strings: each character above U+007F as its lowercase \\u escape, surrogates above U+FFFF") {
  // 中 (3 bytes), 😀 (4: two surrogates), é (2), Ⅱ (3), an invalid byte (U+FFFD, as the UTF-8 writer puts it), a
  // control, and ASCII runs around the 8-byte words.
  const std::string text = "\xE4\xB8\xAD\xF0\x9F\x98\x80\xC3\xA9\xE2\x85\xA1\xFF\x01 abcdefghij\"";
  const std::string want = R"("\u4e2d\ud83d\ude00\u00e9\u2161\ufffd\u0001 abcdefghij\"")";
  CHECK(written(text, Charset::ascii) == "{" + want + ":" + want + "}");
  CHECK(written(text, Charset::ascii) == ascii_json(written(text, Charset::utf8)));
}

TEST_CASE("ASCII strings are ascii_json of the UTF-8 ones on every kind of byte") {
  for (const std::string s : {"", "a", "abcdefgh", "医保报销 ¥1.00", "\xE0\x9F\x80", "\xE0\xA0\x80", "\xED\xA0\x80",
                              "\xED\x9F\xBF", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xC0\xAF",
                              "\xE4\xB8", "abc\xE4", "\x7F\x01\x1F ok", "\xEF\xBF\xBD", "报销报销报销报销x"}) {
    CAPTURE(s);
    CHECK(written(s, Charset::ascii) == ascii_json(written(s, Charset::utf8)));
  }
  // Random texts of bytes that matter (ASCII, controls, quotes, lead and continuation bytes), and of Chinese with
  // ASCII runs of every length around the writer's 8-byte words.
  std::mt19937 rng(10);
  const unsigned char pool[] = {'a',  ' ',  '"',  '\\', '\n', 0x01, 0x1F, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC2,
                                0xDF, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xB8, 0xAD, 'z',  '0'};
  const char* const words[] = {"中", "报销", "é", "😀", "abcdefg", "x", "12345678", "\"", "\n"};
  int differ = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const auto len = rng() % 24;
    for (unsigned k = 0; k < len; ++k)
      s += n % 2 == 0 ? std::string(1, static_cast<char>(pool[rng() % sizeof pool])) : words[rng() % 9];
    const std::string ascii = written(s, Charset::ascii);
    if (!is_ascii(ascii) || ascii != ascii_json(written(s, Charset::utf8))) ++differ;
  }
  CHECK(differ == 0);
}

TEST_CASE("ASCII answers are ascii_json of the UTF-8 answers: every case file and example") {
  std::vector<std::string> requests;
  for (const char* dir : {"/tests/cases", "/examples"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(test::source_dir() + dir)) {
      if (e.path().extension() != ".json") continue;
      const test::json c = test::json::parse(test::read_file(e.path().string()));
      if (c.contains("request")) requests.push_back(c.at("request").dump());
      if (c.contains("insured_region")) requests.push_back(c.dump());
    }
  }
  CHECK(requests.size() >= 100);
  CHECK(check_answers(requests) >= 1000);
}

TEST_CASE("ASCII answers are ascii_json of the UTF-8 answers: every fuzz seed (batches, calls, hostile bytes)") {
  const std::string corpus = test::source_dir() + "/tests/fuzz/corpus/";
  std::vector<std::string> inputs;
  for (const char* target : {"batch", "call", "estimate", "plain"}) {
    auto more = files_under(corpus + target);
    inputs.insert(inputs.end(), more.begin(), more.end());
  }
  CHECK(inputs.size() >= 150);
  CHECK(check_answers(inputs) >= 500);
}

TEST_CASE("ASCII answers of the ops answered as a tree") {
  const auto& e = test::builtin_engine();
  for (const std::string envelope :
       {R"({"op":"policies"})", R"({"op":"policy","region":"shenzhen"})", R"({"op":"vocabulary"})",
        R"({"op":"guide","scenario":"cross_region_filing","region":"shenzhen"})",
        R"({"op":"diagnose","symptom":"异地就医结算失败"})", R"({"op":"no_such_op_中"})", "{", "[\"\xFF\"]"}) {
    CAPTURE(envelope);
    const std::string utf8 = called(e, envelope, false);
    const std::string ascii = called(e, envelope, true);
    CHECK(is_ascii(ascii));
    CHECK(ascii == ascii_json(utf8));
  }
  CHECK(claimcalc::api::error_envelope(claimcalc::make_error(claimcalc::ErrorCode::policy_invalid, "f", "中", "x"),
                                       {true}) ==
        ascii_json(claimcalc::api::error_envelope(
            claimcalc::make_error(claimcalc::ErrorCode::policy_invalid, "f", "中", "x"))));
}
