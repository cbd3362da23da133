// Target: the policy loader. The bytes as one policy file, and as a pack sent to from_pack_json: refused with a
// named error or accepted, never an abort or a hang; an accepted file answers an estimate with an envelope.
#include <cstdlib>

#include "tests/fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input = fuzz::text(data, size);
  auto one = claimcalc::api::Engine::from_files({{"fuzz/2024-01-01.json", input}});
  if (!one.ok() && (one.error().message_zh.empty() || one.error().field.empty())) std::abort();
  if (!one.ok()) fuzz::check_envelope(claimcalc::api::error_envelope(one.error()));
  if (one.ok()) {
    fuzz::check_envelope(one.value().policies());
    fuzz::check_envelope(
        one.value().estimate(R"({"insured_region":"fuzz","scheme":"employee","person":"active","setting":"inpatient",)"
                             R"("hospital_level":"level3","date_of_care":"2024-06-01","totals":{"class_a":"20000"}})"));
  }
  auto pack = claimcalc::api::Engine::from_pack_json(input);
  if (!pack.ok() && pack.error().message_zh.empty()) std::abort();
  return 0;
}
