// Policy files and packs that cannot mean anything are refused with file, JSON pointer and reason (issue 14 row 8),
// validation stays linear in the file's size (row 5), and policy folders with loops or FIFOs are refused (row 4).
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "engine/codec/policy_codec.hpp"
#include "support.hpp"
#include "tools/policy_dir.hpp"

using test::json;

namespace {

json minimal() {
  return test::policy_file(R"({"employee": {"persons": ["active"], "inpatient": {
      "deductible": [{"amount": "100", "source": "s", "quote": "q"}],
      "ratio": [{"when": {"hospital_level": "level1"}, "ratio": "90%", "source": "s", "quote": "q"},
                {"when": {"hospital_level": "level3"}, "ratio": "80%", "source": "s", "quote": "q"}]},
      "critical_illness": {"applies_to": ["inpatient"], "base_parts": ["copay"],
                           "ratio": [{"ratio": "60%", "source": "s", "quote": "q"}]}}})");
}

claimcalc::Result<claimcalc::PolicyPack> load(const json& policy, const std::string& path = "x/2024-01-01.json",
                                              std::optional<claimcalc::Date> today = std::nullopt) {
  return claimcalc::codec::load_pack({{path, policy.dump()}}, today);
}

// The field of the refusal (file#pointer), after checking it is a policy_invalid with both sentences.
std::string refused(const json& policy, const std::string& path = "x/2024-01-01.json",
                    std::optional<claimcalc::Date> today = std::nullopt) {
  auto r = load(policy, path, today);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == claimcalc::ErrorCode::policy_invalid);
  CHECK_FALSE(r.error().message_zh.empty());
  CHECK_FALSE(r.error().message_en.empty());
  return r.error().field;
}

claimcalc::Date day(const char* iso) { return claimcalc::Date::parse(iso, "d").value(); }

}  // namespace

TEST_CASE("the minimal policy of these rules is valid") { CHECK(load(minimal()).ok()); }

TEST_CASE("schemes missing or empty") {
  json p = minimal();
  p.erase("schemes");
  CHECK(refused(p) == "x/2024-01-01.json#/schemes");
  p["schemes"] = json::object();
  CHECK(refused(p) == "x/2024-01-01.json#/schemes");
  p.erase("schemes");
  // a layer (national, a province) that others inherit from; its source is cited by a process step
  p["processes"] = json::parse(R"({"manual_claim": {"title_zh": "t", "title_en": "t",
      "steps": [{"text_zh": "x", "text_en": "x", "source": "s"}]}})");
  CHECK(load(p).ok());
}

TEST_CASE("conditions no one can meet") {
  json p = minimal();
  auto& when = p["schemes"]["employee"]["inpatient"]["ratio"][0]["when"];
  when["age_min"] = 60;
  when["age_max"] = 18;
  CHECK(refused(p) == "x/2024-01-01.json#/schemes/employee/inpatient/ratio/0/when/age_min");
  when["age_max"] = 60;
  CHECK(load(p).ok());
  when.erase("age_min");
  when.erase("age_max");
  when["care_from"] = "2024-06-01";
  when["care_to"] = "2024-05-31";
  CHECK(refused(p) == "x/2024-01-01.json#/schemes/employee/inpatient/ratio/0/when/care_from");
  when["care_to"] = "2024-06-01";
  CHECK(load(p).ok());
}

TEST_CASE("critical illness that applies to nothing") {
  json p = minimal();
  p["schemes"]["employee"]["critical_illness"]["applies_to"] = json::array();
  CHECK(refused(p) == "x/2024-01-01.json#/schemes/employee/critical_illness/applies_to");
  p["schemes"]["employee"]["critical_illness"].erase("applies_to");
  CHECK(refused(p) == "x/2024-01-01.json#/schemes/employee/critical_illness/applies_to");
}

TEST_CASE("a source's date and url") {
  for (const char* bad : {"someday", "2024-02-30", "2024", "", "unknown"}) {
    json p = minimal();
    p["sources"][0]["date"] = bad;
    CAPTURE(bad);
    CHECK(refused(p) == "x/2024-01-01.json#/sources/0/date");
  }
  for (const char* good : {"undated", "2023-12-31", "2023-12"}) {
    json p = minimal();
    p["sources"][0]["date"] = good;
    CHECK(load(p).ok());
  }
  for (const char* bad : {"javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "u", "https://",
                          "https://a b", "//example.com/x", " https://example.com"}) {
    json p = minimal();
    p["sources"][0]["url"] = bad;
    CAPTURE(bad);
    CHECK(refused(p) == "x/2024-01-01.json#/sources/0/url");
  }
  for (const char* good : {"http://example.com/a", "https://www.gz.gov.cn/x?y=1", "unknown (seed document 002)"}) {
    json p = minimal();
    p["sources"][0]["url"] = good;
    CHECK(load(p).ok());
  }
}

TEST_CASE("last_verified in the future, when the host knows today") {
  json p = minimal();
  p["last_verified"] = "2099-01-01";
  CHECK(refused(p, "x/2024-01-01.json", day("2026-11-30")) == "x/2024-01-01.json#/last_verified");
  p["last_verified"] = "2026-11-30";
  CHECK(load(p, "x/2024-01-01.json", day("2026-11-30")).ok());
}

TEST_CASE("pack paths: a region folder, nothing climbing out") {
  for (const char* bad :
       {"2024-01-01.json", "/2024-01-01.json", "../x/2024-01-01.json", "x/../2024-01-01.json", "x/y/2024-01-01.json",
        "X/2024-01-01.json", "x\\2024-01-01.json", "x/2024-01-01.txt", "x/..json", ""}) {
    CAPTURE(bad);
    auto r = load(minimal(), bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == claimcalc::ErrorCode::policy_invalid);
  }
}

TEST_CASE("level-order check over tens of thousands of figures finds the one bad figure (linear)") {
  json p = minimal();
  auto& ratio = p["schemes"]["employee"]["inpatient"]["ratio"];
  ratio = json::array();
  const char* levels[] = {"primary", "level1", "level2", "level3"};
  for (int age = 0; age < 11000; ++age) {
    for (int l = 0; l < 4; ++l) {
      ratio.push_back({{"when", {{"hospital_level", levels[l]}, {"age_min", age % 150}}},
                       {"ratio", std::to_string(95 - l) + "%"},
                       {"source", "s"},
                       {"quote", "q"}});
    }
  }
  CHECK(ratio.size() == 44000);
  CHECK(p.dump().size() > (3u << 20));
  CHECK(load(p).ok());
  ratio[43999]["ratio"] = "96%";  // level3 above its own group's primary
  CHECK(refused(p) == "x/2024-01-01.json#/schemes/employee/inpatient/ratio/43999");
}

namespace {

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    char name[] = "/tmp/claimcalc-policy-dir-XXXXXX";
    path = ::mkdtemp(name);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  void write(const std::string& rel, const std::string& text) const {
    std::filesystem::create_directories((path / rel).parent_path());
    std::ofstream(path / rel) << text;
  }
};

}  // namespace

TEST_CASE("a policy folder with a symlink loop or a FIFO is refused, never an abort or a hang") {
  const std::string good = minimal().dump();
  {
    TempDir d;
    d.write("x/2024-01-01.json", good);
    REQUIRE(claimcalc::tools::read_policy_dir(d.path.string()).ok());
    std::filesystem::create_symlink(d.path / "loop", d.path / "loop");
    auto r = claimcalc::tools::read_policy_dir(d.path.string());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == claimcalc::ErrorCode::policy_invalid);
  }
  {
    TempDir d;
    d.write("x/2024-01-01.json", good);
    std::filesystem::create_symlink(d.path / "x" / "2025-01-01.json", d.path / "x" / "2025-01-01.json");
    CHECK_FALSE(claimcalc::tools::read_policy_dir(d.path.string()).ok());
  }
  {
    TempDir d;
    d.write("x/2024-01-01.json", good);
    REQUIRE(::mkfifo((d.path / "x" / "2025-01-01.json").c_str(), 0600) == 0);
    auto r = claimcalc::tools::read_policy_dir(d.path.string());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().field == "x/2025-01-01.json");
  }
  {
    TempDir d;  // a region symlinked to its parent: only two levels are read, so no walk goes round
    d.write("x/2024-01-01.json", good);
    std::filesystem::create_directory_symlink(d.path, d.path / "x" / "up");
    CHECK(claimcalc::tools::read_policy_dir(d.path.string()).ok());
  }
}

TEST_CASE("a policy file over the limit is refused as too large without being read whole") {
  TempDir d;
  d.write("x/2024-01-01.json", std::string(5u << 20, ' '));
  auto files = claimcalc::tools::read_policy_dir(d.path.string());
  REQUIRE(files.ok());
  CHECK(files.value()[0].bytes.size() == (4u << 20) + 1);
  auto r = claimcalc::codec::load_pack(files.value());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == claimcalc::ErrorCode::too_large);
}
