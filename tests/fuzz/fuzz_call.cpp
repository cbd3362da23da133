// Target: Engine::call with every operation. The first byte picks the op (so each gets fuzzed even when the
// mutator has not found its name); the rest is the payload, spliced into an envelope, and also sent raw. Each
// answer is an envelope (fuzz_common.hpp); the envelope's ASCII answer is ascii_json of its UTF-8 answer.
#include "tests/fuzz/fuzz_common.hpp"

namespace {

const char* const kOps[] = {"estimate", "explain",  "estimate_many", "guide",   "diagnose",
                            "reverse",  "policies", "policy",        "version", "nope"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const char* op = kOps[data[0] % (sizeof kOps / sizeof *kOps)];
  const std::string payload = fuzz::text(data + 1, size - 1);
  fuzz::check_envelope(fuzz::engine().call(payload));
  // The payload as the members of an envelope: {"op":"<op>", <payload>}.
  const std::string envelope = std::string("{\"op\":\"") + op + "\"," + payload;
  fuzz::check_envelope(fuzz::engine().call(envelope));
  fuzz::check_ascii_answer(envelope);
  // And as the value of each member an op reads.
  for (const char* key : {"request", "requests", "region", "scenario", "symptom", "original"})
    fuzz::check_envelope(fuzz::engine().call(std::string("{\"op\":\"") + op + "\",\"" + key + "\":" + payload + "}"));
  return 0;
}
