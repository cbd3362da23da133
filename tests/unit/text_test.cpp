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
using claimcalc::Texts;

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

TEST_CASE("a batch copies a run of the same sentences from its first writing, and never one from another's") {
  static const char kA[] = "The annual cap has no citable figure yet: no upper end.";
  static const char kB[] = "The annual cap has no citable figure yet: no lower end.";
  const Text a = Text::viewing({kA});
  const Text a_again = Text::viewing({kA});
  const Text b = Text::viewing({kB});
  const Text a_split = Text::viewing({std::string_view(kA, 10), std::string_view(kA + 10)});
  const Text held(std::string{kA});
  CHECK(a.same_pieces(a_again));
  CHECK_FALSE(a.same_pieces(b));
  CHECK_FALSE(a.same_pieces(a_split));  // same bytes, other pieces: written afresh, still the same bytes
  CHECK(a == a_split);

  using claimcalc::codec::Fragment;
  std::string out;
  int written = 0;  // how many runs were written rather than copied
  {
    claimcalc::codec::JsonWriter w(out);
    claimcalc::codec::BatchTexts texts;
    w.begin_array();
    const auto run = [&](const Text& first, const Text& second, Texts languages) {
      Fragment f(Fragment::reasons, languages);
      f.add(first);
      f.add(second, second);
      claimcalc::codec::write_fragment(w, &texts, f, [&] {
        ++written;
        w.begin_array();
        w.pieces(first);
        if (languages != Texts::none) w.pieces(second);
        w.end_array();
      });
    };
    run(a, b, Texts::both);        // written
    run(b, a, Texts::both);        // written: other order
    run(a_again, b, Texts::both);  // copied
    run(a_split, b, Texts::both);  // written: other pieces
    run(a, b, Texts::none);        // written: other languages
    run(held, b, Texts::both);     // written: a held sentence is not kept
    run(held, b, Texts::both);     // written again
    run(a, b, Texts::both);        // copied
    w.end_array();
  }
  CHECK(written == 6);
  const std::string qa = std::string("\"") + kA + "\"";
  const std::string qb = std::string("\"") + kB + "\"";
  const std::string ab = "[" + qa + "," + qb + "]";
  CHECK(out ==
        "[" + ab + ",[" + qb + "," + qa + "]," + ab + "," + ab + ",[" + qa + "]," + ab + "," + ab + "," + ab + "]");
}
