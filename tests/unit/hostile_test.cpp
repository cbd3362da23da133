// Every hostile request of tests/hostile/requests.jsonl gets the same verdict (code and field) on every native
// channel: Engine::estimate, explain and call, and the CLI's estimate, batch and call. tests/wasm runs the same file
// through the wasm and wasm2js builds.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "support.hpp"

using test::json;

namespace {

std::vector<json> hostile() {
  std::ifstream in(test::source_dir() + "/tests/hostile/requests.jsonl");
  std::vector<json> out;
  std::string line;
  while (std::getline(in, line)) out.push_back(json::parse(line));
  return out;
}

// Through call the input sits inside an envelope: an error about the whole input names "call", and a key given twice
// is named from the envelope's top.
std::string call_field(const json& e) {
  const std::string field = e["field"];
  const std::string code = e["code"];
  if (field == "request" && (code == "malformed_json" || code == "too_large")) return "call";
  const std::string name = e["name"];
  return name.rfind("duplicate", 0) == 0 ? "request." + field : field;
}

std::string cli(const std::string& args, const std::string& input) {
  // One file per process: several worktrees run these tests at the same time on one machine.
  const std::string path = "/tmp/claimcalc_hostile_input." + std::to_string(::getpid());
  {
    std::ofstream f(path, std::ios::binary);
    f << input;
  }
  FILE* p = popen((std::string(CLAIMCALC_CLI) + " " + args + " < " + path + " 2>/dev/null").c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buf[65536];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  std::remove(path.c_str());
  return out;
}

void verdict(const std::string& channel, const std::string& envelope, const std::string& code,
             const std::string& field) {
  CAPTURE(channel);
  CAPTURE(envelope.substr(0, 300));
  const json j = json::parse(envelope, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  REQUIRE(j["ok"] == false);
  CHECK(j["error"]["code"] == code);
  CHECK(j["error"]["field"] == field);
}

}  // namespace

TEST_CASE("hostile requests: the same verdict on every native channel") {
  const auto list = hostile();
  REQUIRE(list.size() >= 150);
  const auto& engine = test::builtin_engine();
  for (const auto& e : list) {
    const std::string input = e["input"];
    const std::string code = e["code"];
    const std::string field = e["field"];
    CAPTURE(e["name"].get<std::string>());
    verdict("estimate", engine.estimate(input), code, field);
    verdict("explain", engine.explain(input, "both"), code, field);
    // Spaces alone are no value: inside an envelope they leave "request": without one.
    const bool a_value = input.find_first_not_of(" \n") != std::string::npos;
    const std::string envelope = "{\"op\":\"estimate\",\"request\":" + input + "}";
    if (a_value) verdict("call", engine.call(envelope), code, call_field(e));
    if (a_value) verdict("cli call", cli("call -", envelope), code, call_field(e));
    if (input.find('\n') == std::string::npos && !input.empty()) {
      json line = json::parse(cli("batch", input + "\n"));
      CHECK(line["line"] == 1);
      line.erase("line");
      verdict("cli batch", line.dump(), code, field);
    }
  }
}
