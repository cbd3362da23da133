// The native command: exit codes, envelopes on stdout, batch lines, explain text against its golden file.
#include <doctest/doctest.h>

#include <sys/wait.h>
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
  const std::string in_path = "/tmp/claimcalc_cli_test_input";
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

TEST_CASE("batch: one response per line, a bad line gets its error and the rest go on") {
  const std::string good = json::parse(test::read_file(kExample)).dump();
  const Run r = run("batch", good + "\n{oops\n\n" + good + "\n");
  CHECK(r.status == 2);
  std::vector<json> lines;
  std::size_t start = 0, end;
  while ((end = r.out.find('\n', start)) != std::string::npos) {
    lines.push_back(json::parse(r.out.substr(start, end - start)));
    start = end + 1;
  }
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["ok"] == true);
  CHECK(lines[1]["error"]["code"] == "malformed_json");
  CHECK(lines[2]["ok"] == true);
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
  CHECK(json::parse(g.out)["result"]["deadlines"][0]["date"] == "2028-08-15");
  const Run t = run("guide manual_claim " + unfiled + " --text --lang zh");
  CHECK(t.out.find("零星报销申请截止日 2028-08-15") != std::string::npos);
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
