// Text (core/text.hpp): the engine's sentences viewed in pieces or owned. Read, compared and written, a Text must be
// exactly the string its pieces spell; the batch writer's shortcut (same pieces, same text) must never take two
// different texts for one.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "engine/codec/batch_texts.hpp"
#include "engine/codec/json_writer.hpp"
#include "engine/core/text.hpp"

using claimcalc::Text;

TEST_CASE("a Text reads, compares and escapes as the string its pieces spell") {
  static const std::string pack_title = "深圳\"一档\"";  // stands for a pack's string: it outlives the answer
  const Text viewed = Text::viewing({"部分数字来自「", pack_title, "」", "", "。\n"});
  const std::string spelled = "部分数字来自「深圳\"一档\"」。\n";
  CHECK(viewed.str() == spelled);
  CHECK(viewed.size() == spelled.size());
  CHECK_FALSE(viewed.owned());
  CHECK(viewed == spelled);
  CHECK(viewed == std::string_view(spelled));
  CHECK(viewed != spelled.substr(0, spelled.size() - 1));
  CHECK(viewed != spelled + "x");
  CHECK(viewed == Text(spelled));  // owned, same bytes
  CHECK(viewed.starts_with("部分数字来自「深圳"));
  CHECK_FALSE(viewed.starts_with("部分数字来自「上海"));
  CHECK_FALSE(Text("pol").starts_with("policy:"));
  CHECK(Text::viewing({"policy:", "annual_cap"}) == "policy:annual_cap");
  CHECK(Text::viewing({"policy:", "annual_cap"}).starts_with("policy:"));
  CHECK(Text() == "");
  CHECK(Text().empty());

  // Six pieces are more than a Text views: joined and held, same bytes.
  const Text six = Text::viewing({"a", "b", "c", "d", "e", "f"});
  CHECK(six.owned());
  CHECK(six == "abcdef");

  // Written as JSON: what the whole string would be, escapes included.
  std::string by_pieces, whole;
  {
    claimcalc::codec::JsonWriter w(by_pieces);
    w.pieces(viewed);
  }
  {
    claimcalc::codec::JsonWriter w(whole);
    w.string(spelled);
  }
  CHECK(by_pieces == whole);
  CHECK(whole == "\"部分数字来自「深圳\\\"一档\\\"」。\\n\"");
}

TEST_CASE("a batch writes the same sentence again from its escape, and a different one never from another's") {
  static const char kA[] = "The annual cap has no citable figure yet: no upper end.";
  static const char kB[] = "The annual cap has no citable figure yet: no lower end.";
  const Text a = Text::viewing({kA});
  const Text a_again = Text::viewing({kA});
  const Text b = Text::viewing({kB});
  const Text a_split = Text::viewing({std::string_view(kA, 10), std::string_view(kA + 10)});
  CHECK(a.same_pieces(a_again));
  CHECK_FALSE(a.same_pieces(b));
  CHECK_FALSE(a.same_pieces(a_split));  // same bytes, other pieces: written afresh, still the same bytes
  CHECK(a == a_split);

  std::string out;
  {
    claimcalc::codec::JsonWriter w(out);
    claimcalc::codec::BatchTexts texts;
    w.begin_array();
    for (const Text* t : {&a, &b, &a_again, &a_split, &b, &a}) claimcalc::codec::write_sentence(w, &texts, *t);
    w.end_array();
  }
  const std::string qa = std::string("\"") + kA + "\"";
  const std::string qb = std::string("\"") + kB + "\"";
  CHECK(out == "[" + qa + "," + qb + "," + qa + "," + qa + "," + qb + "," + qa + "]");
}
