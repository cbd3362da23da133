// `claimcalc policies new`: a version scaffolded from the registry validates as it stands, lists every part as
// absent, answers the process questions from the upper layers and names every missing figure.
#include <doctest/doctest.h>

#include "tests/unit/support.hpp"
#include "tools/policy_dir.hpp"

using claimcalc::api::Engine;
using test::json;

namespace {

json scaffold(const json& input) { return json::parse(test::builtin_engine().scaffold(input.dump())); }

}  // namespace

TEST_CASE("policies new: a new city from the registry, every part absent, valid at once") {
  const json r =
      scaffold({{"region", "苏州"}, {"effective_from", "2024-01-01"}, {"today", "2026-11-30"}, {"id", "suzhou"}});
  REQUIRE_MESSAGE(r["ok"] == true, r.dump());
  CHECK(r["result"]["path"] == "suzhou/2024-01-01.json");
  CHECK(r["result"]["previous"].is_null());
  const json file = json::parse(r["result"]["content"].get<std::string>());
  CHECK(file["region_code"] == "320500");
  CHECK(file["name_zh"] == "苏州市");
  CHECK(file["province"] == "jiangsu");                         // the province layer in the pack
  CHECK(file["open_questions"].size() == 2 * (3 * 4 + 2) + 7);  // per scheme: 3 settings x 4 figures + 2; 7 common
  auto files = claimcalc::tools::read_policy_dir(test::source_dir() + "/policies").value();
  files.push_back({r["result"]["path"], r["result"]["content"]});
  const auto engine = Engine::from_files(files);
  if (!engine.ok()) MESSAGE(engine.error().field << ": " << engine.error().message_en);
  REQUIRE(engine.ok());
  json req = test::testland_request();
  req["insured_region"] = "苏州";
  req["care_region"] = "上海";
  req["filing"] = "none";
  const json e = test::estimate(engine.value(), req);
  REQUIRE_MESSAGE(e["ok"] == true, e.dump());
  CHECK(test::split(e, "fund_paid") == "null");
  bool named = false;
  for (const auto& u : e["result"]["cannot_estimate"])
    named = named || u["needs"] == "policy:schemes.employee.inpatient";
  CHECK(named);
  CHECK(e["result"]["materials"].size() > 0);  // the national manual-claim documents
}

TEST_CASE("policies new: a new version of a region in the pack keeps its id and says which version must end") {
  json r = scaffold({{"region", "440300"}, {"effective_from", "2026-01-01"}, {"today", "2026-11-30"}});
  REQUIRE(r["ok"] == true);
  CHECK(r["result"]["path"] == "shenzhen/2026-01-01.json");
  CHECK(r["result"]["previous"] == "shenzhen/2023-10-01");
  r = scaffold({{"region", "深圳"}, {"effective_from", "2020-01-01"}, {"today", "2026-11-30"}});
  REQUIRE(r["ok"] == false);
  CHECK(r["error"]["field"] == "effective_from");
  r = scaffold({{"region", "江苏"}, {"effective_from", "2026-01-01"}, {"today", "2026-11-30"}});
  REQUIRE(r["ok"] == true);
  CHECK(r["result"]["previous"] == "jiangsu/2023-01-01");
  CHECK(json::parse(r["result"]["content"].get<std::string>())["layer"] == "province");
  r = scaffold({{"region", "浙江"}, {"effective_from", "2026-01-01"}, {"today", "2026-11-30"}});
  REQUIRE(r["ok"] == true);
  CHECK(r["result"]["path"] == "330000/2026-01-01.json");  // no id given: the code is the id
  r = scaffold({{"region", "苏州"}, {"effective_from", "2024-01-01"}, {"today", "2026-11-30"}, {"id", "Su Zhou"}});
  REQUIRE(r["ok"] == false);
  CHECK(r["error"]["field"] == "id");
}
