// Target: the request codec alone (bytes -> JSON tree -> Claim), below the engine: a parse either fails with a
// named error or yields a claim whose items stay within the limits.
#include <cstdlib>

#include "engine/codec/json_input.hpp"
#include "engine/codec/request_codec.hpp"
#include "engine/core/limits.hpp"
#include "tests/fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input = fuzz::text(data, size);
  auto tree = claimcalc::codec::parse_json(input, claimcalc::limits::kMaxRequestBytes, "request");
  if (!tree.ok()) {
    if (tree.error().message_zh.empty() || tree.error().message_en.empty()) std::abort();
    return 0;
  }
  auto claim = claimcalc::codec::parse_claim(tree.value());
  if (!claim.ok()) {
    if (claim.error().message_zh.empty() || claim.error().message_en.empty()) std::abort();
    return 0;
  }
  // No items is a claim too: a question without a bill (what to bring, by when).
  if (claim.value().items.size() > claimcalc::limits::kMaxItems) std::abort();
  for (const auto& item : claim.value().items)
    if (item.amount.value() < 0 || item.amount.value() > claimcalc::limits::kMaxMoneyFen) std::abort();
  return 0;
}
