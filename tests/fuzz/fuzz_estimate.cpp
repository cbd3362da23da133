// Property: any bytes given as a request (or as an API call) yield a JSON envelope with "ok" true or false, never an
// abort or a hang; and in an ok result every known part adds up to the total, and the fund pays no more than the
// in-scope amount. Built with the wasm's no-exception flags, so an abort found here is an abort on a phone.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/api/api.hpp"

namespace {

const claimcalc::api::Engine& engine() {
  static const claimcalc::api::Engine e = claimcalc::api::Engine::builtin().value();
  return e;
}

std::int64_t fen(const nlohmann::json& v) {
  const std::string s = v.get<std::string>();
  const auto dot = s.find('.');
  return std::strtoll(s.substr(0, dot).c_str(), nullptr, 10) * 100 +
         std::strtoll(s.substr(dot + 1).c_str(), nullptr, 10);
}

void check_envelope(const std::string& out) {
  const auto j = nlohmann::json::parse(out, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("ok") || !j["ok"].is_boolean()) std::abort();
  if (!j["ok"].get<bool>()) {
    if (!j["error"]["code"].is_string() || !j["error"]["message_zh"].is_string()) std::abort();
    return;
  }
  if (!j["result"].is_object() || !j["result"].contains("split")) return;  // policies/version answers
  const auto& s = j["result"]["split"];
  // A range: both ends known where given, low <= high, never both open.
  for (const char* part : {"class_b_upfront", "in_scope", "deductible_applied", "fund_paid", "critical_illness_paid",
                           "self_pay", "patient_pays"}) {
    const auto& v = s[part];
    if (!v.is_object()) continue;
    if (v["low"].is_null() && v["high"].is_null()) std::abort();
    if (!v["low"].is_null() && !v["high"].is_null() && fen(v["low"]) > fen(v["high"])) std::abort();
  }
  if (!s["fund_paid"].is_string() || !s["patient_pays"].is_string()) return;
  if (!s["critical_illness_paid"].is_null() && !s["critical_illness_paid"].is_string()) return;
  const std::int64_t ci = s["critical_illness_paid"].is_null() ? 0 : fen(s["critical_illness_paid"]);
  if (fen(s["fund_paid"]) + ci + fen(s["patient_pays"]) != fen(s["total"])) std::abort();
  if (fen(s["fund_paid"]) > fen(s["in_scope"]) || fen(s["fund_paid"]) < 0) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  check_envelope(engine().estimate(input));
  check_envelope(engine().call(input));
  // Bytes as a policy file must be refused or accepted, never crash.
  (void)claimcalc::api::Engine::from_files({{"fuzz/2024-01-01.json", input}});
  return 0;
}
