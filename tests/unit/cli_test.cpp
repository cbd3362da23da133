// The native command: exit codes, envelopes on stdout, batch lines, explain text against its golden file.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "support.hpp"

using test::json;

namespace {

struct Run {
  int status;
  std::string out;
};

Run run(const std::string& args, const std::string& input = "") {
  // One file per process: several worktrees run these tests at the same time on one machine.
  const std::string in_path = "/tmp/claimcalc_cli_test_input." + std::to_string(::getpid());
  {
    std::ofstream f(in_path, std::ios::binary);
    f << input;
  }
  const std::string cmd = std::string(CLAIMCALC_CLI) + " " + args + " < " + in_path + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int st = pclose(p);
  std::remove(in_path.c_str());
  return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, out};
}

const std::string kExample = test::source_dir() + "/examples/guangzhou-level3-inpatient.json";

}  // namespace

TEST_CASE("estimate FILE and estimate - agree; exit 0") {
  const Run a = run("estimate " + kExample);
  const Run b = run("estimate -", test::read_file(kExample));
  CHECK(a.status == 0);
  CHECK(a.out == b.out);
  const json j = json::parse(a.out);
  CHECK(j["ok"] == true);
  // Guangzhou's annual cap has no citable figure: the fund pays at most the uncapped amount.
  CHECK(j["result"]["split"]["fund_paid"]["high"] == "9808.32");
  CHECK(j["result"]["split"]["fund_paid"]["low"].is_null());
}

TEST_CASE("bad input: the envelope on stdout and exit 2, never a crash") {
  for (const char* bad : {"{", "[]", "{\"insured_region\":\"atlantis\"}", "null", "\"x\"", "{\"items\":[{}]}"}) {
    CAPTURE(bad);
    const Run r = run("estimate -", bad);
    CHECK(r.status == 2);
    CHECK(json::parse(r.out)["ok"] == false);
  }
  CHECK(run("estimate /nonexistent/file.json").status == 2);
  CHECK(run("frobnicate").status == 2);
}

namespace {

std::vector<json> json_lines(const std::string& out) {
  std::vector<json> lines;
  std::size_t start = 0, end;
  while ((end = out.find('\n', start)) != std::string::npos) {
    lines.push_back(json::parse(out.substr(start, end - start)));
    start = end + 1;
  }
  return lines;
}

}  // namespace

TEST_CASE("batch: one response per line, a bad line gets its error and the rest go on") {
  const std::string good = json::parse(test::read_file(kExample)).dump();
  const Run r = run("batch", good + "\n{oops\n" + good + "\n");
  CHECK(r.status == 2);
  const auto lines = json_lines(r.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["ok"] == true);
  CHECK(lines[1]["error"]["code"] == "malformed_json");
  CHECK(lines[2]["ok"] == true);
}

TEST_CASE("batch: every input line gets an answer carrying its line number, blank lines an error (issue 14 row 9)") {
  const std::string good = json::parse(test::read_file(kExample)).dump();
  // 11 lines: blank, whitespace-only and \r-only lines among good ones; CRLF endings are fine.
  const std::string input = good + "\n\n" + good + "\r\n   \t \n\r\n" + good + "\n{oops\n\n" + good + "\n \n" + good;
  const Run r = run("batch", input);
  CHECK(r.status == 2);
  const auto lines = json_lines(r.out);
  REQUIRE(lines.size() == 11);
  const bool expect_ok[] = {true, false, true, false, false, true, false, false, true, false, true};
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CAPTURE(i);
    CHECK(lines[i]["line"] == i + 1);
    CHECK(lines[i]["ok"] == expect_ok[i]);
    if (!expect_ok[i]) CHECK(lines[i]["error"]["code"] == "malformed_json");
  }
  // An over-long line is refused without being kept whole, and the next line still answers.
  const Run big = run("batch", std::string((1u << 20) + 100, ' ') + "\n" + good + "\n");
  const auto two = json_lines(big.out);
  REQUIRE(two.size() == 2);
  CHECK(two[0]["error"]["code"] == "too_large");
  CHECK(two[1]["line"] == 2);
  CHECK(two[1]["ok"] == true);
}

TEST_CASE("files are read with a cap: a 300 MB file or /dev/zero is refused as too large (issue 14 row 12)") {
  const std::string path = "/tmp/claimcalc_cli_test_sparse." + std::to_string(::getpid());
  { std::ofstream f(path, std::ios::binary); }
  REQUIRE(::truncate(path.c_str(), 300LL << 20) == 0);  // sparse: no disk used
  for (const std::string& file : {path, std::string("/dev/zero")}) {
    CAPTURE(file);
    for (const char* command : {"estimate ", "explain ", "reverse ", "call ", "guide manual_claim "}) {
      const Run r = run(command + file);
      CHECK(r.status == 2);
      CHECK(json::parse(r.out)["error"]["code"] == "too_large");
    }
  }
  std::remove(path.c_str());
}

TEST_CASE("guide and diagnose parse the request once, with the depth limit: 65,000 nested [ is an error, not a crash") {
  for (const std::string& deep : {std::string(65000, '['), std::string(65000, '[') + std::string(65000, ']')}) {
    for (const char* command : {"guide manual_claim -", "diagnose \"结算失败\" -"}) {
      CAPTURE(command);
      const Run r = run(command, deep);
      CHECK(r.status == 2);  // was 139 (SIGSEGV) for the closed nesting
      CHECK(json::parse(r.out)["error"]["code"] == "too_large");
    }
  }
  const std::string good = json::parse(test::read_file(kExample)).dump();
  CHECK(run("guide manual_claim -", good).status == 0);
  // Bytes after the request are refused: garbage, or a member that repeats the command's own.
  for (const std::string& tail : {std::string(" garbage"), std::string(", \"scenario\": \"late_claim\"")}) {
    const Run trailing = run("guide manual_claim -", good + tail);
    CHECK(trailing.status == 2);
    CHECK(json::parse(trailing.out)["error"]["code"] == "malformed_json");
  }
}

TEST_CASE("policies list, show, validate; --policies DIR") {
  const json list = json::parse(run("policies list").out);
  CHECK(list["result"].size() >= 2);
  CHECK(json::parse(run("policies show shenzhen").out)["result"][0]["region"] == "shenzhen");
  CHECK(run("policies show atlantis").status == 2);
  CHECK(run("policies validate").status == 0);
  const std::string fixtures = test::source_dir() + "/tests/fixtures/policies";
  CHECK(run("policies validate " + fixtures).status == 0);
  CHECK(run("--policies " + fixtures + " policies show testland").status == 0);
  CHECK(run("policies validate /nonexistent").status == 1);
}

TEST_CASE("explain matches its golden text (regenerate with CLAIMCALC_UPDATE_GOLDEN=1 and read the diff)") {
  for (const char* name : {"guangzhou-level3-inpatient", "guangzhou-insured-shenzhen-unfiled"}) {
    CAPTURE(name);
    const std::string golden = test::source_dir() + "/tests/golden/" + name + ".txt";
    const Run r = run("explain " + test::source_dir() + "/examples/" + name + ".json");
    CHECK(r.status == 0);
    if (std::getenv("CLAIMCALC_UPDATE_GOLDEN") != nullptr) std::ofstream(golden, std::ios::binary) << r.out;
    CHECK(r.out == test::read_file(golden));
  }
  CHECK(run("explain " + kExample + " --lang en").out.find("The patient pays") != std::string::npos);
  CHECK(run("explain - --lang fr", test::read_file(kExample)).status == 2);
}

TEST_CASE("guide, diagnose and reverse from the command line") {
  const std::string unfiled = test::source_dir() + "/examples/guangzhou-insured-shenzhen-unfiled.json";
  const Run g = run("guide manual_claim " + unfiled);
  CHECK(g.status == 0);
  // Guangzhou's time limit rests on one secondary page and was removed: no deadline is computed.
  CHECK(json::parse(g.out)["result"]["deadlines"].empty());
  const Run t = run("guide manual_claim " + unfiled + " --text --lang zh");
  CHECK(t.out.find("零星报销") != std::string::npos);
  CHECK(run("guide refund").status == 2);
  const Run d = run("diagnose 未查询到备案信息 --text --lang en");
  CHECK(d.status == 0);
  CHECK(d.out.rfind("1. No cross-region filing", 0) == 0);
  const json input = {{"original", {{"fund_paid", "0"}, {"patient_pays", "14880.40"}}},
                      {"request", json::parse(test::read_file(kExample))}};
  const Run rv = run("reverse -", input.dump());
  CHECK(rv.status == 0);
  CHECK(json::parse(rv.out)["result"]["difference"]["fund_paid"] == json({{"low", nullptr}, {"high", "9808.32"}}));
  CHECK(json::parse(rv.out)["result"]["direction"] == "unknown");  // Guangzhou's critical illness is unknown
}
