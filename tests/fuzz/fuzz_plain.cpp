// Target: the plain request reader (engine/codec/plain_request) against the full path, byte for byte: any bytes as
// a request, as a one-request call and inside a batch call get the same answer with the plain path on and off. The
// plain path may only decline (then the full path answers), never answer otherwise; an abort here is a difference.
#include "tests/fuzz/fuzz_common.hpp"

namespace {

const claimcalc::api::Engine& full_path() {
  static const claimcalc::api::Engine e = [] {
    claimcalc::api::Engine out = claimcalc::api::Engine::builtin().value();
    out.set_plain_path(false);
    return out;
  }();
  return e;
}

void same(const std::string& plain, const std::string& full) {
  if (plain != full) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input = fuzz::text(data, size);
  const auto& plain = fuzz::engine();  // the plain path is on by default
  const std::string answer = plain.estimate(input);
  fuzz::check_envelope(answer);
  same(answer, full_path().estimate(input));
  const std::string one = R"({"op":"estimate","request":)" + input + "}";
  same(plain.call(one), full_path().call(one));
  // Twice in a batch, with the batch's detail and texts (a request's own detail/texts win over them).
  const std::string many =
      R"({"op":"estimate_many","detail":"figures","texts":"none","requests":[)" + input + "," + input + "]}";
  same(plain.call(many), full_path().call(many));
  return 0;
}
