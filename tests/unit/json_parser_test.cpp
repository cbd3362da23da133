// codec/json_parser reads JSON as nlohmann's sax_parse does (it replaces it in the engine, for size): the same
// events in the same order, the same verdict and the same error position, on the repository's own JSON files, every
// cut of them, random bytes put into them, and numbers at the edge of a double's range; and dump_json writes every
// tree as nlohmann's dump does.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "engine/codec/double_range.hpp"
#include "engine/codec/json_input.hpp"
#include "engine/codec/json_parser.hpp"
#include "support.hpp"

namespace {

using claimcalc::codec::json;

// The events as one text: "o" "}" "a" "]" "k:<name>" "s:<text>" "i:<n>" "u:<n>" "f:<text>" "b:<0|1>" "n" and, at
// the end, "E:<position>:<overflow>" or "ok".
class Ours final : public claimcalc::codec::JsonEvents {
 public:
  std::string log;
  bool null() override { return add("n"); }
  bool boolean(bool v) override { return add(v ? "b:1" : "b:0"); }
  bool number_integer(std::int64_t v) override { return add("i:" + std::to_string(v)); }
  bool number_unsigned(std::uint64_t v) override { return add("u:" + std::to_string(v)); }
  bool number_text(std::string& t) override { return add("f:" + t); }
  bool string(std::string& v) override { return add("s:" + v); }
  bool key(std::string& k) override { return add("k:" + k); }
  bool start_object() override { return add("o"); }
  bool end_object() override { return add("}"); }
  bool start_array() override { return add("a"); }
  bool end_array() override { return add("]"); }
  void parse_error(std::size_t at, bool overflow) override {
    add("E:" + std::to_string(at) + ":" + (overflow ? "1" : "0"));
  }
  // Stops after this many events, as the tree builder does at the depth limit or a duplicate key.
  std::size_t stop_after = SIZE_MAX;

 private:
  bool add(const std::string& e) {
    log += e + "|";
    return --stop_after != 0;
  }
};

class Library {
 public:
  std::string log;
  std::size_t stop_after = SIZE_MAX;
  bool null() { return add("n"); }
  bool boolean(bool v) { return add(v ? "b:1" : "b:0"); }
  bool number_integer(json::number_integer_t v) { return add("i:" + std::to_string(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return add("u:" + std::to_string(v)); }
  bool number_float(json::number_float_t, const json::string_t& t) { return add("f:" + t); }
  bool string(json::string_t& v) { return add("s:" + v); }
  bool binary(json::binary_t&) { return add("B"); }
  bool key(json::string_t& k) { return add("k:" + k); }
  bool start_object(std::size_t) { return add("o"); }
  bool end_object() { return add("}"); }
  bool start_array(std::size_t) { return add("a"); }
  bool end_array() { return add("]"); }
  bool parse_error(std::size_t at, const std::string&, const nlohmann::detail::exception& ex) {
    add("E:" + std::to_string(at) + ":" + (ex.id == 406 ? "1" : "0"));
    return false;
  }

 private:
  bool add(const std::string& e) {
    log += e + "|";
    return --stop_after != 0;
  }
};

std::string ours(const std::string& text, std::size_t stop_after = SIZE_MAX) {
  Ours o;
  o.stop_after = stop_after;
  const bool ok = claimcalc::codec::read_json(text, o);
  return o.log + (ok ? "ok" : "no");
}

std::string library(const std::string& text, std::size_t stop_after = SIZE_MAX) {
  Library l;
  l.stop_after = stop_after;
  const bool ok = json::sax_parse(text.begin(), text.end(), &l, json::input_format_t::json, true, false);
  return l.log + (ok ? "ok" : "no");
}

std::vector<std::string> repository_json() {
  std::vector<std::string> texts;
  const std::filesystem::path root = test::source_dir();
  for (const char* dir : {"tests/cases", "examples", "policies", "tests/fixtures"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(root / dir)) {
      if (e.path().extension() != ".json" || e.path().string().find("node_modules") != std::string::npos) continue;
      texts.push_back(test::read_file(e.path().string()));
    }
  }
  return texts;
}

int differences(const std::string& text, int& checked) {
  ++checked;
  const std::string a = ours(text);
  const std::string b = library(text);
  if (a == b) return 0;
  MESSAGE("differs on: " << text.substr(0, 200) << "\nours:    " << a.substr(a.size() > 300 ? a.size() - 300 : 0)
                         << "\nlibrary: " << b.substr(b.size() > 300 ? b.size() - 300 : 0));
  return 1;
}

}  // namespace

TEST_CASE("read_json gives nlohmann's events, verdicts and error positions") {
  int differ = 0;
  int checked = 0;
  for (const std::string t : {"",
                              " ",
                              "{}",
                              "[]",
                              "[1,2]",
                              "{\"a\":1}",
                              "\xEF\xBB\xBF{}",
                              "\xEF\xBB{}",
                              "\xEF{}",
                              " \xEF\xBB\xBF{}",
                              "tru",
                              "true",
                              "truex",
                              "nul",
                              "null ",
                              "false",
                              "-",
                              "-0",
                              "-01",
                              "01",
                              "1.",
                              "1.5",
                              "1e",
                              "1e+",
                              "1E-7",
                              "0.0e0",
                              "-0.0",
                              "18446744073709551615",
                              "18446744073709551616",
                              "-9223372036854775808",
                              "-9223372036854775809",
                              "1e309",
                              "-1e309",
                              "[1e309]",
                              "{\"a\":1e309}",
                              "{\"a\" 1e309}",
                              "[1 1e309]",
                              "1e309 1",
                              "\"\\u00e9\"",
                              "\"\\ud83d\\ude00\"",
                              "\"\\ud83d\"",
                              "\"\\ud83dx\"",
                              "\"\\ud83d\\u0041\"",
                              "\"\\ude00\"",
                              "\"\\u12\"",
                              "\"\\x\"",
                              "\"a\tb\"",
                              "\"\xC0\xAF\"",
                              "\"\xE4\xB8\xAD\"",
                              "\"\xE4\xB8\"",
                              "\"\xF4\x90\x80\x80\"",
                              "\"unterminated",
                              "{\"a\":}",
                              "{\"a\",}",
                              "{,}",
                              "[,]",
                              "[1,]",
                              "{\"a\":1,}",
                              "{\"a\":1 \"b\":2}",
                              "[1 2]",
                              "{1:2}",
                              "]",
                              "}",
                              ":",
                              ",",
                              "[[[[]]]]",
                              "{\"a\":{\"b\":[{}]}}",
                              "1 2",
                              "\"a\"\"b\"",
                              "[\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"]",
                              "@",
                              "[\n1,\r\n2\t]"}) {
    differ += differences(t, checked);
  }
  std::mt19937 rng(2026);
  const char pool[] = {'{',    '}',    '[',    ']',    ':',    ',',    '"',    '\\',   'u',    'e',    'E',    '.',
                       '-',    '+',    '0',    '1',    '9',    ' ',    '\n',   't',    'n',    'f',    'a',    '\x01',
                       '\x7f', '\x80', '\xBF', '\xC2', '\xE4', '\xED', '\xF0', '\xF4', '\xF5', '\xFF', '\xEF', '\xBB'};
  for (const std::string& doc : repository_json()) {
    differ += differences(doc, checked);
    // Every cut of the first 600 bytes, and random bytes replaced, inserted and deleted anywhere.
    for (std::size_t n = 0; n < std::min<std::size_t>(doc.size(), 600); ++n)
      differ += differences(doc.substr(0, n), checked);
    for (int k = 0; k < 60 && !doc.empty(); ++k) {
      std::string m = doc;
      const std::size_t at = rng() % m.size();
      switch (rng() % 3) {
        case 0:
          m[at] = pool[rng() % sizeof pool];
          break;
        case 1:
          m.insert(at, 1, pool[rng() % sizeof pool]);
          break;
        default:
          m.erase(at, 1 + rng() % 3);
      }
      differ += differences(m, checked);
    }
  }
  // Random short token soups.
  for (int k = 0; k < 30000; ++k) {
    std::string s;
    const auto len = rng() % 16;
    for (unsigned i = 0; i < len; ++i) s += pool[rng() % sizeof pool];
    differ += differences(s, checked);
  }
  MESSAGE(checked << " inputs compared");
  CHECK(checked > 50000);
  CHECK(differ == 0);
}

TEST_CASE("read_json stops where its receiver says, as nlohmann's parser does") {
  for (const std::string t : {"{\"a\":[1,{\"b\":2}],\"c\":\"d\"}", "[[1,2],[3,[4,5]]]", "{\"a\":1,\"a\":2} x"}) {
    for (std::size_t stop = 1; stop < 14; ++stop) {
      CAPTURE(t);
      CAPTURE(stop);
      CHECK(ours(t, stop) == library(t, stop));
    }
  }
}

TEST_CASE("overflows_double is strtod's verdict on the longest number it reads") {
  std::vector<std::string> texts = {
      "1e308", "1e309", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
      // 2^1024 - 2^970 (the least value that overflows) written out, less a little, and as a fraction.
      "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330"
      "286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069"
      "855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
      "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330"
      "286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069"
      "855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
      "1.7976931348623158079372897140530341507993413271003782693617377898044496829276475094664901797758720709633"
      "028641669288791094655554785194040263065748867150582068190890200070838367627385484581771153176447573027006"
      "9855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792e308",
      "1.7976931348623158079372897140530341507993413271003782693617377898044496829276475094664901797758720709633"
      "028641669288791094655554785194040263065748867150582068190890200070838367627385484581771153176447573027006"
      "98555713669596228429148198608349364752927190741684443655107043427115596995080930428801779041744977921e308",
      "0.000001797693134862315808e314", "-1e309", "+1e309", "1e-400", "0e999999999999", "1e99999999999999999999",
      ".5e310", "-.5e309", "1.e309", "1e309-", "1e+309", "1e+", "1e", "--1e309", "-", ".", "", "00001e308"};
  std::mt19937 rng(7);
  for (int k = 0; k < 2000; ++k) {
    std::string s = std::to_string(rng() % 10) + "." + std::to_string(rng()) + "e" + std::to_string(300 + rng() % 12);
    texts.push_back(s);
    texts.push_back("1.79769313486231" + std::to_string(rng()) + std::to_string(rng()) + "e308");
  }
  for (const auto& t : texts) {
    CAPTURE(t);
    CHECK(claimcalc::codec::overflows_double(t) == !std::isfinite(std::strtod(t.c_str(), nullptr)));
  }
}

TEST_CASE("dump_json writes a tree as nlohmann's dump does") {
  int differ = 0;
  for (const std::string& doc : repository_json()) {
    auto parsed = claimcalc::codec::parse_json(doc, 1 << 26, "doc");
    if (!parsed.ok()) continue;
    if (claimcalc::codec::dump_json(parsed.value()) !=
        parsed.value().dump(-1, ' ', false, json::error_handler_t::replace))
      ++differ;
  }
  const json odd = {{"z", {1, -2, 18446744073709551615ULL, nullptr, true, false}},
                    {"a\"\x01\xE4", json::object()},
                    {"e", json::array()},
                    {"t", "\xE4\xB8"},
                    {"b", json::binary({1, 2, 3}, 70)},
                    {"c", json::binary({})}};
  CHECK(claimcalc::codec::dump_json(odd) == odd.dump(-1, ' ', false, json::error_handler_t::replace));
  CHECK(differ == 0);
}
