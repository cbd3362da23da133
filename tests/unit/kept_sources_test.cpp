// What full answers cite is kept as JSON text by the engine (engine/codec/kept_sources.hpp): an answer written from
// kept texts must be the answer written afresh, in each charset and choice of texts, and after the policies change
// (a new pack, or a citation of the same address whose text is not what was kept).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/codec/kept_sources.hpp"
#include "support.hpp"

using test::json;

namespace {

const std::string kFile = "x/2024-01-01.json";

// Region x with a Chinese source title, quotes and a note: the texts an ASCII answer escapes. `edition` changes
// the title, a quote and the note, as a corrected file would.
json policy(const std::string& edition) {
  json p = test::policy_file(R"({"employee": {"persons": ["active"], "inpatient": {
      "deductible": [{"amount": "100", "source": "s", "quote": "起付线100元。", "clause": "第三条"}],
      "ratio": [{"ratio": "90%", "source": "s", "quote": "在职职工90%。", "clause": "第四条"}]}}})");
  p["sources"][0]["title"] = "某市医疗保障办法（" + edition + "）";
  p["schemes"]["employee"]["inpatient"]["ratio"][0]["quote"] = "在职职工报销" + edition + "。";
  p["schemes"]["employee"]["inpatient"]["ratio"][0]["note"] = "note \"" + edition + "\"";
  return p;
}

claimcalc::api::Engine engine_of(const json& p) {
  auto e = claimcalc::api::Engine::from_files({{kFile, p.dump()}});
  REQUIRE(e.ok());
  return std::move(e.value());
}

std::string request(const char* texts) {
  return std::string(R"({"op":"estimate","request":{"insured_region":"x","scheme":"employee","person":"active",)") +
         R"("setting":"inpatient","hospital_level":"level3","date_of_care":"2025-03-01","texts":")" + texts +
         R"(","totals":{"class_a":"5000.00"}}})";
}

std::string answer(const claimcalc::api::Engine& engine, const std::string& call, bool ascii) {
  std::string out;
  claimcalc::api::CallOptions options;
  options.ascii = ascii;
  engine.call(
      call, [&](std::string_view piece) { out += piece; }, options);
  return out;
}

// The same answer from a copy of the engine, which keeps nothing yet.
std::string fresh(const claimcalc::api::Engine& engine, const std::string& call, bool ascii) {
  const claimcalc::api::Engine copy = engine;  // NOLINT(performance-unnecessary-copy-initialization): its own texts
  return answer(copy, call, ascii);
}

}  // namespace

TEST_CASE("an answer from kept source texts is the fresh answer, in each charset and choice of texts") {
  const claimcalc::api::Engine engine = engine_of(policy("一"));
  int compared = 0;
  // ASCII first, then UTF-8 and back: texts kept in one charset are never handed to the other.
  for (int round = 0; round < 2; ++round) {
    for (const bool ascii : {true, false}) {
      for (const char* texts : {"both", "zh", "en", "none"}) {
        const std::string call = request(texts);
        const std::string kept = answer(engine, call, ascii);
        CHECK(kept == fresh(engine, call, ascii));
        CHECK(kept.find(R"("ok":true)") != std::string::npos);
        ++compared;
      }
    }
  }
  CHECK(compared == 16);
  // The texts asked do not change what is cited: the sources are in every full answer.
  CHECK(answer(engine, request("none"), false).find("某市医疗保障办法（一）") != std::string::npos);
  CHECK(answer(engine, request("none"), true).find("\\u67d0\\u5e02") != std::string::npos);
}

TEST_CASE("after the policies change, an answer cites the new texts, not the ones kept for the old pack") {
  const claimcalc::api::Engine first = engine_of(policy("一"));
  const std::string call = request("both");
  const std::string before = answer(first, call, false);
  CHECK(before.find("某市医疗保障办法（一）") != std::string::npos);
  CHECK(answer(first, call, true) == fresh(first, call, true));
  // The same region, source id and clause in a new pack: the title, the quote and the note are the new file's.
  const claimcalc::api::Engine second = engine_of(policy("二"));
  for (const bool ascii : {false, true}) {
    const std::string after = answer(second, call, ascii);
    CHECK(after == fresh(second, call, ascii));
    CHECK(after != answer(first, call, ascii));
  }
  const std::string after = answer(second, call, false);
  CHECK(after.find("某市医疗保障办法（二）") != std::string::npos);
  CHECK(after.find("在职职工报销二。") != std::string::npos);
  CHECK(after.find(R"(note \"二\")") != std::string::npos);
  CHECK(after.find("（一）") == std::string::npos);
  // The first engine still answers from its own pack.
  CHECK(answer(first, call, false) == before);
}

TEST_CASE("a citation found where a kept one was is used only when its text is the same") {
  // A citation may be a copy made for one answer (a city's figures merged with its province's), whose address a
  // later answer reuses for another: the kept text must follow what is there now.
  claimcalc::Policy x;
  x.region = "x";
  x.sources.push_back(
      {"s", "标题", "", "office", "2024-01-01", "https://example.invalid/s", claimcalc::Confidence::official, ""});
  claimcalc::Citation cite;
  cite.source_id = "s";
  cite.clause = "第一条";
  cite.quote = "原句一";
  claimcalc::codec::KeptSources kept;
  kept.start_answer();
  auto& first = kept.use(x, cite);
  const std::string before(claimcalc::codec::KeptSources::object(first, claimcalc::codec::Charset::utf8));
  CHECK(before == R"({"clause":"第一条","id":"s","quote":"原句一","ref":"x:s"})");
  cite.quote = "原句二";  // the same address, another text
  kept.start_answer();
  auto& second = kept.use(x, cite);
  CHECK(std::string(claimcalc::codec::KeptSources::object(second, claimcalc::codec::Charset::utf8)) ==
        R"({"clause":"第一条","id":"s","quote":"原句二","ref":"x:s"})");
  CHECK(std::string(claimcalc::codec::KeptSources::object(second, claimcalc::codec::Charset::ascii)) ==
        R"({"clause":"\u7b2c\u4e00\u6761","id":"s","quote":"\u539f\u53e5\u4e8c","ref":"x:s"})");
  CHECK(std::string(claimcalc::codec::KeptSources::member(*second.document, claimcalc::codec::Charset::utf8)) ==
        R"("x:s":{"confidence":"official","date":"2024-01-01","doc_no":"","id":"s","office":"office","title":"标题",)"
        R"("url":"https://example.invalid/s"})");
}

TEST_CASE("kept source texts stay bounded: past the bound they are dropped between answers, and still right") {
  claimcalc::Policy x;
  x.region = "x";
  x.sources.push_back(
      {"s", "t", "", "o", "2024-01-01", "https://example.invalid/s", claimcalc::Confidence::official, ""});
  std::vector<claimcalc::Citation> cites(claimcalc::codec::KeptSources::kMaxEntries + 10);
  claimcalc::codec::KeptSources kept;
  for (std::size_t i = 0; i < cites.size(); ++i) {
    cites[i].source_id = "s";
    cites[i].quote = "q" + std::to_string(i);
    kept.start_answer();
    auto& use = kept.use(x, cites[i]);
    CHECK(std::string(claimcalc::codec::KeptSources::object(use, claimcalc::codec::Charset::utf8)) ==
          R"({"clause":"","id":"s","quote":"q)" + std::to_string(i) + R"(","ref":"x:s"})");
  }
  CHECK(kept.size() <= claimcalc::codec::KeptSources::kMaxEntries + 2);
}
