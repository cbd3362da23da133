// Shared by the fuzz targets: the built-in engine and the envelope property every answer must have. Built with the
// wasm's no-exception flags, so an abort found here is an abort on a phone.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/api/api.hpp"
#include "engine/codec/ascii_json.hpp"

namespace fuzz {

inline const claimcalc::api::Engine& engine() {
  static const claimcalc::api::Engine e = claimcalc::api::Engine::builtin().value();
  return e;
}

inline std::int64_t fen(const nlohmann::json& v) {
  const std::string s = v.get<std::string>();
  const auto dot = s.find('.');
  return std::strtoll(s.substr(0, dot).c_str(), nullptr, 10) * 100 +
         std::strtoll(s.substr(dot + 1).c_str(), nullptr, 10);
}

// Envelopes checked and how many were ok: the smoke driver reports them, so a corpus whose inputs all end in
// errors (seeds the target does not read as meant) shows, and fails the smoke test.
inline std::size_t envelopes_checked = 0;
inline std::size_t envelopes_ok = 0;

// An answer is a JSON envelope with "ok" true or false; an error names a code and says why in Chinese; in an ok
// estimate every known part adds up to the total and the fund pays no more than the in-scope amount.
inline void check_envelope(const std::string& out) {
  const auto j = nlohmann::json::parse(out, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("ok") || !j["ok"].is_boolean()) std::abort();
  ++envelopes_checked;
  if (j["ok"].get<bool>()) ++envelopes_ok;
  if (!j["ok"].get<bool>()) {
    if (!j["error"]["code"].is_string() || !j["error"]["message_zh"].is_string()) std::abort();
    return;
  }
  if (!j["result"].is_object() || !j["result"].contains("split")) return;  // policies/version/guide answers
  const auto& s = j["result"]["split"];
  // A range: both ends known where given, low <= high, never both open.
  for (const char* part : {"class_b_upfront", "in_scope", "deductible_applied", "fund_paid", "critical_illness_paid",
                           "self_pay", "patient_pays"}) {
    const auto& v = s[part];
    if (!v.is_object()) continue;
    if (v["low"].is_null() && v["high"].is_null()) std::abort();
    if (!v["low"].is_null() && !v["high"].is_null() && fen(v["low"]) > fen(v["high"])) std::abort();
  }
  if (!s["fund_paid"].is_string() || !s["patient_pays"].is_string() || !s["total"].is_string()) return;
  if (!s["critical_illness_paid"].is_null() && !s["critical_illness_paid"].is_string()) return;
  const std::int64_t ci = s["critical_illness_paid"].is_string() ? fen(s["critical_illness_paid"]) : 0;
  if (fen(s["fund_paid"]) + ci + fen(s["patient_pays"]) != fen(s["total"])) std::abort();
  if (fen(s["fund_paid"]) > fen(s["in_scope"]) || fen(s["fund_paid"]) < 0) std::abort();
}

// Whether nlohmann refuses text first for a number beyond a double's range (its error 406, e.g. 1e309). The engine
// reads such a number as its text so that the field's reader names it (docs/api.md: `invalid_money` on the field),
// so a batch holding one is answered item by item where nlohmann sees no JSON at all.
inline bool refused_for_number_overflow(const std::string& text) {
  struct Why : nlohmann::json_sax<nlohmann::json> {
    int id = 0;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
      id = ex.id;
      return false;
    }
  } why;
  nlohmann::json::sax_parse(text, &why);
  return why.id == 406;
}

// A call's ASCII answer (CallOptions::ascii: the engine's writers escape as they write) is ASCII, and byte for byte
// ascii_json of its UTF-8 answer: kept batch runs, request text and tree-made answers alike.
inline void check_ascii_answer(const std::string& envelope) {
  std::string utf8, ascii, room;
  engine().call(envelope, [&](std::string_view piece) { utf8 += piece; });
  claimcalc::api::CallOptions options;
  options.ascii = true;
  engine().call(
      envelope, [&](std::string_view piece) { ascii += piece; }, options);
  if (ascii != claimcalc::codec::ascii_json(utf8, room)) std::abort();
  for (const char c : ascii)
    if (static_cast<unsigned char>(c) >= 0x80) std::abort();
}

inline std::string text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace fuzz
