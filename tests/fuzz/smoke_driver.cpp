// Runs the fuzz target without libFuzzer (gcc builds, CI): every seed, then a fixed number of deterministic
// mutations of the seeds (byte flips, truncations, splices, digit and key swaps). Usage: fuzz_smoke N SEED_FILES...
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: fuzz_smoke ITERATIONS SEED...\n");
    return 2;
  }
  const long iterations = std::strtol(argv[1], nullptr, 10);
  std::vector<std::string> seeds;
  for (int i = 2; i < argc; ++i) {
    std::ifstream f(argv[i], std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    seeds.push_back(s.str());
  }
  const char* tokens[] = {"\"",
                          "{",
                          "}",
                          "[",
                          "]",
                          ",",
                          ":",
                          "null",
                          "-1",
                          "1e999",
                          "0.001",
                          "\"class_b\"",
                          "\"level3\"",
                          "\\u0000",
                          "\xff",
                          "99999999999999999999",
                          "\"2024-02-30\"",
                          "[[[[[[[["};
  std::mt19937 rng(12345);
  auto run = [](const std::string& s) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
  };
  for (const auto& s : seeds) run(s);
  for (long n = 0; n < iterations; ++n) {
    std::string s = seeds[rng() % seeds.size()];
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !s.empty(); ++e) {
      const std::size_t at = rng() % s.size();
      switch (rng() % 5) {
        case 0:
          s[at] = static_cast<char>(rng() % 256);
          break;
        case 1:
          s.erase(at, 1 + rng() % 8);
          break;
        case 2:
          s.insert(at, tokens[rng() % (sizeof tokens / sizeof *tokens)]);
          break;
        case 3:
          s.resize(at);
          break;
        default:
          s.insert(at, seeds[rng() % seeds.size()].substr(0, rng() % 64));
          break;
      }
    }
    run(s);
  }
  std::printf("fuzz smoke: %ld mutated inputs and %zu seeds, no crash\n", iterations, seeds.size());
  return 0;
}
