// Target: any bytes as one request (Engine::estimate and explain) yield an envelope, never an abort or a hang.
#include "tests/fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input = fuzz::text(data, size);
  fuzz::check_envelope(fuzz::engine().estimate(input));
  fuzz::check_envelope(fuzz::engine().explain(input, "both"));
  return 0;
}
