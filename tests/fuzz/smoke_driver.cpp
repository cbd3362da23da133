// Runs the fuzz target without libFuzzer (gcc builds, CI): every seed, then a fixed number of deterministic
// mutations of the seeds. Three in four mutate the JSON the seed holds as a tree (a value swapped for an edge value
// or a name from the vocabulary, a member or element dropped or repeated, a digit changed), so the input still
// parses and reaches the engine past the parser; the rest are byte edits (flips, cuts, inserted tokens, splices)
// for the parser itself. It prints how many inputs were valid JSON and fails when too few were: a smoke run whose
// inputs all die in the parser tests nothing else. Usage: fuzz_smoke N SEED_FILES...
#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

using nlohmann::json;
std::mt19937 rng(12345);

std::size_t pick(std::size_t n) { return n == 0 ? 0 : rng() % n; }

// A seed is JSON as a whole, or (fuzz_call) an op byte and an envelope's members without the opening brace, or
// (fuzz_batch) JSON Lines. Its JSON part as text, the bytes that go before it, and whether the brace was cut.
struct Shape {
  std::string prefix;
  bool brace_cut = false;
};

bool parses(const std::string& s) { return json::accept(s); }

std::vector<json::json_pointer> nodes(const json& j) {
  std::vector<json::json_pointer> out;
  std::vector<json::json_pointer> todo{json::json_pointer()};
  while (!todo.empty()) {
    auto p = todo.back();
    todo.pop_back();
    out.push_back(p);
    const json& v = j[p];
    if (v.is_object())
      for (auto it = v.begin(); it != v.end(); ++it) todo.push_back(p / it.key());
    else if (v.is_array())
      for (std::size_t i = 0; i < v.size(); ++i) todo.push_back(p / i);
  }
  return out;
}

json edge_value() {
  static const std::vector<json> values = {"class_a",
                                           "class_b",
                                           "class_c",
                                           "self_funded",
                                           "level1",
                                           "level3",
                                           "inpatient",
                                           "outpatient",
                                           "tier1",
                                           "tier2",
                                           "active",
                                           "retired",
                                           "employee",
                                           "resident",
                                           "shenzhen",
                                           "guangzhou",
                                           "shanghai",
                                           "nanjing",
                                           "jiangsu",
                                           "national",
                                           "temporary",
                                           "referral",
                                           "emergency",
                                           "direct",
                                           "manual_claim",
                                           "2024-02-29",
                                           "2025-12-31",
                                           "1900-01-01",
                                           "2100-12-31",
                                           "2025-02-30",
                                           "0",
                                           "0.00",
                                           "0.01",
                                           "-0.01",
                                           "99999999.99",
                                           "1e3",
                                           "12.345",
                                           "",
                                           "10%",
                                           "150%",
                                           0,
                                           -1,
                                           1,
                                           40,
                                           150,
                                           151,
                                           366,
                                           1000000000,
                                           9007199254740993LL,
                                           12.5,
                                           nullptr,
                                           true,
                                           false,
                                           json::array(),
                                           json::object()};
  return values[pick(values.size())];
}

void mutate_tree(json& j) {
  const int edits = 1 + static_cast<int>(pick(3));
  for (int e = 0; e < edits; ++e) {
    const auto all = nodes(j);
    const auto at = all[pick(all.size())];
    json& v = j[at];
    switch (pick(6)) {
      case 0:
      case 1:
        v = edge_value();
        break;
      case 2:  // drop this member or element
        if (!at.empty()) {
          json& parent = j[at.parent_pointer()];
          if (parent.is_object())
            parent.erase(at.back());
          else if (parent.is_array())
            parent.erase(static_cast<std::size_t>(std::stoul(at.back())));
        }
        break;
      case 3:  // repeat an element
        if (v.is_array() && !v.empty()) v.push_back(v[pick(v.size())]);
        break;
      case 4:  // a digit changed inside a string or a number
        if (v.is_string()) {
          std::string s = v.get<std::string>();
          for (char& c : s)
            if (c >= '0' && c <= '9' && pick(3) == 0) c = static_cast<char>('0' + pick(10));
          v = s;
        } else if (v.is_number_integer()) {
          v = v.get<std::int64_t>() + static_cast<std::int64_t>(pick(3)) - 1;
        }
        break;
      default:  // another node's value here
        v = json(j[all[pick(all.size())]]);
        break;
    }
  }
}

void mutate_bytes(std::string& s, const std::vector<std::string>& seeds) {
  static const char* const tokens[] = {"\"",
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
                                       "\\u0000",
                                       "\xff",
                                       "99999999999999999999",
                                       "\"2024-02-30\"",
                                       "[[[[[[[["};
  const int edits = 1 + static_cast<int>(pick(2));
  for (int e = 0; e < edits && !s.empty(); ++e) {
    const std::size_t at = pick(s.size());
    switch (pick(5)) {
      case 0:
        s[at] = static_cast<char>(pick(256));
        break;
      case 1:
        s.erase(at, 1 + pick(8));
        break;
      case 2:
        s.insert(at, tokens[pick(sizeof tokens / sizeof *tokens)]);
        break;
      case 3:
        s.resize(at);
        break;
      default:
        s.insert(at, seeds[pick(seeds.size())].substr(0, pick(64)));
        break;
    }
  }
}

// The seed with its JSON part mutated as a tree; false if the seed holds no JSON the driver can find.
bool mutate_json(std::string& s) {
  if (parses(s)) {
    json j = json::parse(s, nullptr, false);
    mutate_tree(j);
    s = j.dump();
    return true;
  }
  if (s.size() > 1 && parses("{" + s.substr(1))) {  // fuzz_call: an op byte, then members after "{"
    json j = json::parse("{" + s.substr(1), nullptr, false);
    mutate_tree(j);
    const std::string body = j.is_object() ? j.dump() : "{}";
    s = std::string(1, static_cast<char>(pick(3) == 0 ? pick(256) : static_cast<unsigned char>(s[0]))) + body.substr(1);
    return true;
  }
  // JSON Lines: one line mutated.
  std::vector<std::string> lines;
  std::stringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::vector<std::size_t> json_lines;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (parses(lines[i])) json_lines.push_back(i);
  if (json_lines.empty()) return false;
  std::string& line = lines[json_lines[pick(json_lines.size())]];
  json j = json::parse(line, nullptr, false);
  mutate_tree(j);
  line = j.dump();
  s.clear();
  for (const auto& l : lines) s += l + "\n";
  return true;
}

}  // namespace

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
  auto run = [](const std::string& s) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
  };
  for (const auto& s : seeds) run(s);
  long structural = 0;
  for (long n = 0; n < iterations; ++n) {
    std::string s = seeds[pick(seeds.size())];
    if (pick(4) != 0 && mutate_json(s))
      ++structural;
    else
      mutate_bytes(s, seeds);
    run(s);
  }
  std::printf(
      "fuzz smoke: %zu seeds, %ld mutated inputs (%ld mutated as JSON trees, so past the parser), no crash; "
      "%zu of %zu answers ok\n",
      seeds.size(), iterations, structural, fuzz::envelopes_ok, fuzz::envelopes_checked);
  // The seeds are answers the engine gives (estimates, guides, policies): if hardly any answer is ok, the target
  // does not read its seeds as meant (e.g. an envelope built with "op" twice is refused before any operation).
  if (fuzz::envelopes_checked > 0 && fuzz::envelopes_ok * 100 < fuzz::envelopes_checked) {
    std::fprintf(stderr, "fuzz smoke: only %zu of %zu answers were ok: the seeds do not reach the operations\n",
                 fuzz::envelopes_ok, fuzz::envelopes_checked);
    return 1;
  }
  // Three in four are meant to be tree mutations: fewer than half means the seeds hold no JSON the driver finds.
  if (structural * 2 < iterations) {
    std::fprintf(stderr, "fuzz smoke: only %ld of %ld inputs were JSON: the seeds are not what the target reads\n",
                 structural, iterations);
    return 1;
  }
  return 0;
}
