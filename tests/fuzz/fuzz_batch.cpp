// Target: batches, as estimate_many (a JSON array) and as the CLI's JSON Lines would split them: every answer is
// an envelope, and an ok batch answers every request in order. As a call's requests, its ASCII answer is ascii_json
// of its UTF-8 answer (the batch keeps its sentences' runs escaped).
#include "tests/fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input = fuzz::text(data, size);
  const std::string out = fuzz::engine().estimate_many(input);
  fuzz::check_envelope(out);
  for (const char* detail : {"figures", "full"})
    fuzz::check_ascii_answer(std::string(R"({"op":"estimate_many","detail":")") + detail + R"(","requests":)" + input +
                             "}");
  const auto j = nlohmann::json::parse(out, nullptr, false);
  if (j["ok"].get<bool>()) {
    if (!j["result"].is_array()) std::abort();
    const auto in = nlohmann::json::parse(input, nullptr, false);
    // Where nlohmann stops at a number beyond a double's range, the engine still answers; the count is not checkable.
    if (in.is_discarded() && !fuzz::refused_for_number_overflow(input)) std::abort();
    if (!in.is_discarded() && (!in.is_array() || j["result"].size() != in.size())) std::abort();
    for (const auto& answer : j["result"]) fuzz::check_envelope(answer.dump());
  }
  std::size_t start = 0;
  while (start <= input.size()) {
    const std::size_t end = input.find('\n', start);
    const std::string line = input.substr(start, end == std::string::npos ? std::string::npos : end - start);
    fuzz::check_envelope(fuzz::engine().estimate(line));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return 0;
}
