// Native benchmarks (not a test): pack load, one estimate of 5/10/50/500 items in both answer sizes, and the bytes
// of each answer. Prints one JSON object per line for bench/run.mjs to put in the table.
//   build/bench/native_bench [rounds]
//   build/bench/native_bench --many FILE COUNT [TEXTS [ASCII]]   one estimate_many call, detail figures, of COUNT
//                                                requests taken in turn from FILE (JSON Lines), with the envelope's
//                                                "texts" when TEXTS is given (both|zh|en|none): the wasm's path
//                                                natively, for callgrind. ASCII: "ascii", the answer written as
//                                                ASCII-only JSON (CallOptions::ascii); "convert", written as UTF-8 and
//                                                each piece converted after (ascii_json: the wasm's way before)
//   build/bench/native_bench --dump LIST         for each file named in LIST (one path a line): its bytes as an
//                                                estimate, an estimate_many array, a call, and one request of an
//                                                estimate_many call in each detail; answers on stdout, for
//                                                checking that a change to the engine keeps every answer byte for byte
//   build/bench/native_bench --dump-ascii LIST   for each listed file, its bytes as a call, an estimate, an explain and
//                                                an estimate_many in each detail, by the plain reader and the tree:
//                                                each ASCII answer (CallOptions::ascii) must be ASCII and the UTF-8
//                                                answer's ascii_json byte for byte; prints the count, exit 1 if not
#include <malloc.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "engine/api/api.hpp"
#include "engine/codec/ascii_json.hpp"
#include "tools/policy_dir.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// Shenzhen employee inpatient at a level-3 hospital: the same bill shape as bench/run.mjs sends the wasm. Fully
// specified (age, the year so far) like a float calculator's input; incomplete leaves the year so far out, so the
// engine settles once per value the missing fields can take and answers ranges.
std::string request(int items, int seed, bool figures, bool complete = true) {
  static const char* const kClasses[] = {"class_a", "class_b", "out_of_catalogue", "class_a", "class_b"};
  std::string r =
      R"({"insured_region":"shenzhen","scheme":"employee","person":"active","tier":"tier1","setting":"inpatient",)"
      R"("hospital_level":"level3","date_of_care":"2025-03-01","discharge_date":"2025-03-09","age":45,)";
  if (complete) {
    r += R"("year_to_date":{"stays":0,"deductible_paid":"0.00","in_scope":"0.00","fund_paid":"0.00",)"
         R"("critical_illness_base":"0.00","critical_illness_paid":"0.00"},)";
  }
  if (figures) r += R"("detail":"figures",)";
  r += R"("items":[)";
  for (int i = 0; i < items; ++i) {
    if (i != 0) r += ',';
    const long fen = 3500 + i * 4137L + (seed % 1000) * 101L;
    r += R"({"name":"项目 )" + std::to_string(i + 1) + R"(","class":")" + kClasses[i % 5] + R"(","amount":")" +
         std::to_string(fen / 100) + "." + std::to_string(fen % 100 / 10) + std::to_string(fen % 10) + "\"}";
  }
  return r + "]}";
}

double median(std::vector<double> xs) {
  std::sort(xs.begin(), xs.end());
  return xs[xs.size() / 2];
}

// The process's CPU time in microseconds: on a shared machine the wall clock also counts the time other processes
// held the cores, so both are reported.
double cpu_now_us() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
}

struct Times {
  double wall_us;
  double cpu_us;
};

// Medians over rounds of the mean wall and CPU time per call, in microseconds.
template <class F>
Times time_us(int rounds, int calls, F&& f) {
  std::vector<double> wall, cpu;
  for (int r = 0; r < rounds; ++r) {
    const auto t0 = Clock::now();
    const double c0 = cpu_now_us();
    for (int i = 0; i < calls; ++i) f(i);
    cpu.push_back((cpu_now_us() - c0) / calls);
    wall.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count() / calls);
  }
  return {median(wall), median(cpu)};
}

// The envelope bench/run.mjs sends the wasm for the peer race: COUNT lines of FILE in turn, detail figures.
int many(const char* path, long count, const char* texts, const char* ascii) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) lines.push_back(l);
  if (lines.empty() || count < 1) return 2;
  std::string envelope = R"({"op":"estimate_many","detail":"figures",)";
  if (texts != nullptr) envelope += std::string(R"("texts":")") + texts + "\",";
  envelope += R"("requests":[)";
  for (long i = 0; i < count; ++i) {
    if (i != 0) envelope += ',';
    envelope += lines[static_cast<std::size_t>(i) % lines.size()];
  }
  envelope += "]}";
  auto engine = claimcalc::api::Engine::builtin();
  if (!engine.ok()) return 1;
  const bool convert = ascii != nullptr && std::strcmp(ascii, "convert") == 0;
  claimcalc::api::CallOptions options;
  options.ascii = ascii != nullptr && std::strcmp(ascii, "ascii") == 0;
  std::size_t bytes = 0;
  std::string converted;
  const double c0 = cpu_now_us();
  engine.value().call(
      envelope,
      [&](std::string_view piece) {
        if (convert) piece = claimcalc::codec::ascii_json(piece, converted);
        bytes += piece.size();
      },
      options);
  const double cpu = cpu_now_us() - c0;
  std::printf("{\"bench\":\"native_many\",\"requests\":%ld,\"cpu_us\":%.1f,\"answer_bytes\":%zu}\n", count, cpu, bytes);
  return 0;
}

// Every answer the engine gives to each listed input, by each entry point an estimate has.
int dump(const char* list_path) {
  auto engine = claimcalc::api::Engine::builtin();
  if (!engine.ok()) return 1;
  const auto& e = engine.value();
  std::ifstream list(list_path);
  for (std::string path; std::getline(list, path);) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string out = e.estimate(bytes) + "\n" + e.estimate_many(bytes) + "\n" + e.call(bytes) + "\n";
    for (const char* detail : {"figures", "full"})
      out += e.call(std::string(R"({"op":"estimate_many","detail":")") + detail + R"(","requests":[)" + bytes + "]}") +
             "\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return 0;
}

// Every answer of a call, its pieces joined.
std::string called(const claimcalc::api::Engine& e, const std::string& envelope, claimcalc::api::CallOptions options) {
  std::string out;
  e.call(
      envelope, [&](std::string_view piece) { out += piece; }, options);
  return out;
}

// The engine's ASCII answers against the UTF-8 answers converted after, for each listed input: by the plain reader
// and by the tree (set_plain_path), as a call, an estimate, an explain and a batch of each detail.
int dump_ascii(const char* list_path) {
  auto built = claimcalc::api::Engine::builtin();
  if (!built.ok()) return 1;
  claimcalc::api::Engine plain = built.value();
  claimcalc::api::Engine tree = built.value();
  tree.set_plain_path(false);
  claimcalc::api::CallOptions ascii;
  ascii.ascii = true;
  std::ifstream list(list_path);
  std::size_t answers = 0, differ = 0, non_ascii = 0;
  for (std::string path; std::getline(list, path);) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string envelopes[] = {
        bytes,
        R"({"op":"estimate","request":)" + bytes + "}",
        R"({"op":"explain","request":)" + bytes + "}",
        R"({"op":"estimate_many","detail":"figures","requests":[)" + bytes + "]}",
        R"({"op":"estimate_many","detail":"full","requests":[)" + bytes + "," + bytes + "]}",
    };
    for (const auto* e : {&plain, &tree}) {
      for (const auto& envelope : envelopes) {
        std::string room;
        const std::string want(claimcalc::codec::ascii_json(called(*e, envelope, {}), room));
        const std::string got = called(*e, envelope, ascii);
        ++answers;
        if (std::any_of(got.begin(), got.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
          ++non_ascii;
        if (got == want) continue;
        if (++differ <= 5) {
          std::size_t at = 0;
          while (at < got.size() && at < want.size() && got[at] == want[at]) ++at;
          const std::size_t from = at < 60 ? 0 : at - 60;
          std::fprintf(stderr, "%s (%s): differs at byte %zu\n  engine: %s\n  want:   %s\n", path.c_str(),
                       e == &plain ? "plain" : "tree", at, got.substr(from, 120).c_str(),
                       want.substr(from, 120).c_str());
        }
      }
    }
  }
  std::printf("{\"bench\":\"dump_ascii\",\"answers\":%zu,\"differ\":%zu,\"non_ascii\":%zu}\n", answers, differ,
              non_ascii);
  return differ == 0 && non_ascii == 0 && answers != 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  using claimcalc::api::Engine;
  // glibc gives the top of the heap back to the system once 128 KiB of it is free, and serves blocks above its mmap
  // threshold by mmap: a call whose memory crosses those lines (a 50-item full answer as ASCII JSON) paid a brk down
  // and up, or a map and unmap, and the page faults after them every call: 3x the CPU time of the same call as UTF-8
  // (2026-12-03). Timed here is the engine, not the system's paging: the heap keeps what it has.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  if (argc >= 4 && argc <= 6 && std::strcmp(argv[1], "--many") == 0)
    return many(argv[2], std::atol(argv[3]), argc >= 5 ? argv[4] : nullptr, argc == 6 ? argv[5] : nullptr);
  if (argc == 3 && std::strcmp(argv[1], "--dump") == 0) return dump(argv[2]);
  if (argc == 3 && std::strcmp(argv[1], "--dump-ascii") == 0) return dump_ascii(argv[2]);
  const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
  std::size_t sink = 0;
  const Times load = time_us(rounds, 3, [&](int) { sink += Engine::builtin().ok() ? 1 : 0; });
  std::printf("{\"bench\":\"native_pack_load\",\"us\":%.1f,\"cpu_us\":%.1f}\n", load.wall_us, load.cpu_us);
  // The same policies as JSON, parsed and validated: what a user pack (loadPolicies, --policies) costs.
  auto files = claimcalc::tools::read_policy_dir(std::string(CLAIMCALC_SOURCE_DIR) + "/policies");
  if (files.ok()) {
    const Times json = time_us(rounds, 3, [&](int) { sink += Engine::from_files(files.value()).ok() ? 1 : 0; });
    std::printf("{\"bench\":\"native_pack_json\",\"us\":%.1f,\"cpu_us\":%.1f}\n", json.wall_us, json.cpu_us);
  }
  auto engine = Engine::builtin();
  if (!engine.ok()) {
    std::fprintf(stderr, "built-in pack: %s\n", engine.error().message_en.c_str());
    return 1;
  }
  const Engine& e = engine.value();
  struct Case {
    int items;
    bool complete;
  };
  for (const Case c : {Case{5, true}, Case{10, true}, Case{50, true}, Case{500, true}, Case{10, false}}) {
    const int items = c.items;
    for (const bool figures : {false, true}) {
      std::vector<std::string> reqs;
      for (int s = 0; s < 64; ++s) reqs.push_back(request(items, s, figures, c.complete));
      const std::string one = e.estimate(reqs[0]);
      if (one.rfind("{\"ok\":true", 0) != 0) {
        std::fprintf(stderr, "not ok: %s\n", one.substr(0, 300).c_str());
        return 1;
      }
      const int calls = std::max(20, 20000 / items);
      const Times t =
          time_us(rounds, calls, [&](int i) { sink += e.estimate(reqs[static_cast<std::size_t>(i) % 64]).size(); });
      std::printf(
          "{\"bench\":\"native_estimate\",\"items\":%d,\"detail\":\"%s\",\"complete\":%s,\"us\":%.2f,"
          "\"cpu_us\":%.2f,\"answer_bytes\":%zu}\n",
          items, figures ? "figures" : "full", c.complete ? "true" : "false", t.wall_us, t.cpu_us, one.size());
      if (!c.complete || items > 50) continue;
      // The same estimates answered as ASCII-only JSON, the form the wasm loader asks for (every non-ASCII character
      // escaped): the native side of a like-for-like comparison with the wasm module's ASCII answer.
      claimcalc::api::CallOptions ascii;
      ascii.ascii = true;
      std::vector<std::string> calls_ascii;
      for (const std::string& r : reqs) calls_ascii.push_back(R"({"op":"estimate","request":)" + r + "}");
      const std::string one_ascii = called(e, calls_ascii[0], ascii);
      std::string sunk;
      const Times ta = time_us(rounds, calls, [&](int i) {
        sunk.clear();
        e.call(
            calls_ascii[static_cast<std::size_t>(i) % 64], [&](std::string_view piece) { sunk += piece; }, ascii);
        sink += sunk.size();
      });
      std::printf(
          "{\"bench\":\"native_estimate\",\"items\":%d,\"detail\":\"%s\",\"complete\":true,\"answer\":\"ascii\","
          "\"us\":%.2f,\"cpu_us\":%.2f,\"answer_bytes\":%zu}\n",
          items, figures ? "figures" : "full", ta.wall_us, ta.cpu_us, one_ascii.size());
    }
  }
  return sink == 0 ? 1 : 0;
}
