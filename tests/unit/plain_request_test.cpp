// The fast request reader (codec/plain_request) against the full path: every answer the same, byte for byte, on the
// case files, the examples, the wasm test requests and thousands of variants of them made to be refused (wrong types,
// nulls, repeated keys, escapes, numbers, limits). The fast path may only decline, never differ.
#include <doctest/doctest.h>

#include <filesystem>
#include <random>

#include "engine/codec/plain_request.hpp"
#include "support.hpp"

using test::json;

namespace {

// The plain path is off by default (api.hpp); this engine switches it on to hold it to the full path's answers.
const claimcalc::api::Engine& plain_engine() {
  static const claimcalc::api::Engine engine = [] {
    auto e = claimcalc::api::Engine::builtin();
    REQUIRE(e.ok());
    claimcalc::api::Engine out = std::move(e.value());
    out.set_plain_path(true);
    return out;
  }();
  return engine;
}

const claimcalc::api::Engine& full_path_engine() {
  static const claimcalc::api::Engine engine = [] {
    auto e = claimcalc::api::Engine::builtin();
    REQUIRE(e.ok());
    claimcalc::api::Engine out = std::move(e.value());
    out.set_plain_path(false);
    return out;
  }();
  return engine;
}

std::vector<json> base_requests() {
  std::vector<json> out;
  const std::string root = test::source_dir();
  for (const char* dir : {"/tests/cases", "/examples", "/tests/wasm/requests"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(root + dir)) {
      if (e.path().extension() != ".json") continue;
      const json j = json::parse(test::read_file(e.path().string()), nullptr, false);
      if (j.is_object() && j.contains("request") && !j.contains("op")) out.push_back(j["request"]);
      if (j.is_object() && j.contains("insured_region")) out.push_back(j);
    }
  }
  return out;
}

void same(const std::string& text) {
  CAPTURE(text);
  CHECK(plain_engine().estimate(text) == full_path_engine().estimate(text));
  const std::string call = R"({"op":"estimate","request":)" + text + "}";
  CHECK(plain_engine().call(call) == full_path_engine().call(call));
}

// Values a field must refuse or treat otherwise than a plain request does.
const json kOdd[] = {nullptr,
                     1,
                     -1,
                     0,
                     1.5,
                     "1.234",
                     "-3.00",
                     "",
                     "x",
                     "2025-02-30",
                     json::array(),
                     json::object(),
                     true,
                     "全",
                     std::string(70, 'a'),
                     1e300,
                     "1e3",
                     "０１"};

}  // namespace

TEST_CASE("plain and full paths give the same answers on every stored request and its variants") {
  const auto bases = base_requests();
  REQUIRE(bases.size() >= 40);
  std::mt19937 rng(10);
  std::size_t checked = 0;
  for (const auto& req : bases) {
    same(req.dump());
    same(req.dump(2));
    json fig = req;
    fig["detail"] = "figures";
    same(fig.dump());
    for (const char* texts : {"zh", "en", "none", "both", "fr"}) {
      json t = req;
      t["texts"] = texts;
      same(t.dump());
      fig["texts"] = texts;
      same(fig.dump());
    }
    for (auto it = req.begin(); it != req.end(); ++it) {
      json drop = req;
      drop.erase(it.key());
      same(drop.dump());
      for (const auto& v : kOdd) {
        json odd = req;
        odd[it.key()] = v;
        same(odd.dump());
      }
      // The key twice, and an escape in its name.
      std::string text = req.dump();
      same(text.substr(0, text.size() - 1) + ",\"" + it.key() + "\":" + it.value().dump() + "}");
      same("{\"" + it.key().substr(0, 1) + "\\u00" + "6" + "1" + "\":1," + text.substr(1));
    }
    if (req.contains("items")) {
      for (std::size_t i = 0; i < req["items"].size() && i < 3; ++i) {
        for (const auto& [k, v] : req["items"][i].items()) {
          json drop = req;
          drop["items"][i].erase(k);
          same(drop.dump());
          for (const auto& odd : kOdd) {
            json bad = req;
            bad["items"][i][k] = odd;
            same(bad.dump());
          }
        }
        for (const char* k : {"quantity", "unit_price", "price_ceiling", "selfpay_ratio", "insured_class", "code"}) {
          json add = req;
          add["items"][i][k] = std::uniform_int_distribution<int>(0, 1)(rng) ? json("12.30") : json(3);
          same(add.dump());
        }
      }
    }
    // Bytes after the value, a truncated text, a BOM, a control character and invalid UTF-8 in a name.
    const std::string text = req.dump();
    same(text + " x");
    same(text.substr(0, text.size() / 2));
    same("\xEF\xBB\xBF" + text);
    json ctl = req;
    ctl["insured_region"] = std::string("sz\x01");
    same(ctl.dump());
    std::string bad_utf8 = text;
    const auto at = bad_utf8.find("\"insured_region\":\"") + 18;
    bad_utf8.insert(at, "\xC3\x28");
    same(bad_utf8);
    checked++;
  }
  CHECK(checked == bases.size());
}

TEST_CASE("plain and full paths agree on estimate_many envelopes") {
  const auto bases = base_requests();
  json list = json::array();
  for (const auto& r : bases) list.push_back(r);
  for (const json& detail : {json(), json("figures"), json("full"), json("brief"), json(1)}) {
    for (const json& texts : {json(), json("none"), json("zh"), json("both"), json("fr"), json(1)}) {
      json env = {{"op", "estimate_many"}, {"requests", list}};
      if (!detail.is_null()) env["detail"] = detail;
      if (!texts.is_null()) env["texts"] = texts;
      const std::string text = env.dump();
      CHECK(plain_engine().call(text) == full_path_engine().call(text));
    }
  }
  for (const char* text :
       {R"({"op":"estimate_many","requests":[]})", R"({"op":"estimate_many","requests":{}})",
        R"({"op":"estimate_many"})", R"({"op":"estimate","request":{},"requests":[]})",
        R"({"op":"estimate","detail":"figures","request":{}})", R"({"requests":[],"op":"estimate_many"})",
        R"({"op":"estimate","texts":"none","request":{}})", R"({"op":"estimate_many","texts":"zh","requests":[{}]})"}) {
    CAPTURE(text);
    CHECK(plain_engine().call(text) == full_path_engine().call(text));
  }
}

TEST_CASE("the plain path takes every stored request the full path accepts") {
  // Otherwise the comparisons above would hold trivially, with the fast path declining everything.
  std::size_t ok = 0;
  for (const auto& req : base_requests()) {
    const std::string text = req.dump();
    if (json::parse(full_path_engine().estimate(text))["ok"] != true) continue;
    CAPTURE(text);
    CHECK(claimcalc::codec::read_plain_request(text).has_value());
    CHECK(claimcalc::codec::read_plain_request(req.dump(2)).has_value());
    json none = req;
    none["texts"] = "none";
    CHECK(claimcalc::codec::read_plain_request(none.dump()).has_value());
    ++ok;
  }
  CHECK(ok >= 30);
}
