// The region registry (every province- and prefecture-level division) and how requests name places.
#include <doctest/doctest.h>

#include <set>

#include "engine/api/builtin_divisions.hpp"
#include "engine/core/region_resolve.hpp"
#include "tests/unit/support.hpp"

using claimcalc::Division;
using claimcalc::api::builtin_divisions;
using test::json;

namespace {

// The pack of policies/ with the registry, as the engine holds it.
const Division* by_name(const char* name) {
  const auto found = builtin_divisions().by_name(name);
  return found.size() == 1 ? found.front() : nullptr;
}

json guide(const json& input) {
  json in = input;
  in["op"] = "guide";
  return json::parse(test::builtin_engine().call(in.dump()));
}

}  // namespace

TEST_CASE("registry: generated from the pinned package, every province and city once") {
  const auto reg = builtin_divisions();
  const json manifest = json::parse(test::read_file(test::source_dir() + "/policies/national/divisions/manifest.json"));
  CHECK(std::string(reg.source) ==
        manifest["package"].get<std::string>() + " " + manifest["version"].get<std::string>());
  std::set<std::int32_t> codes;
  std::set<std::string> names;
  int provinces = 0, cities = 0;
  for (const auto& d : reg) {
    CHECK(codes.insert(d.code).second);
    CHECK(names.insert(d.name_zh).second);
    CHECK(d.code >= 110000);
    CHECK(d.code <= 829999);
    CHECK((d.province_level || d.city_level));
    CHECK(reg.province_of(d) != nullptr);
    provinces += d.province_level ? 1 : 0;
    cities += d.city_level ? 1 : 0;
  }
  CHECK(provinces == 34);  // 23 provinces, 5 autonomous regions, 4 municipalities, 2 SARs (GB/T 2260 lists 台湾省)
  // 333 prefecture-level divisions, 4 municipalities and the county-level cities governed by their province.
  CHECK(cities > 350);
  CHECK(cities < 400);
}

TEST_CASE("registry: names, short names and codes") {
  const Division* gz = by_name("广州");
  REQUIRE(gz != nullptr);
  CHECK(gz->code == 440100);
  CHECK(std::string(gz->name_zh) == "广州市");
  CHECK(gz->province_code() == 440000);
  CHECK(by_name("广州市") == gz);
  CHECK(builtin_divisions().by_code(440100) == gz);
  // a municipality is its own province and a city
  const Division* bj = by_name("北京");
  REQUIRE(bj != nullptr);
  CHECK(bj->province_level);
  CHECK(bj->city_level);
  // autonomous areas drop the ethnic names; county-level cities under a province are cities of their own
  CHECK(by_name("延边") == by_name("延边朝鲜族自治州"));
  CHECK(by_name("新疆")->code == 650000);
  CHECK(by_name("济源")->code == 419001);
  CHECK(by_name("石河子")->city_level);
  CHECK(by_name("东莞")->code == 441900);
  // the grouping 省直辖县级行政区划 is not a place
  CHECK(builtin_divisions().by_code(429000) == nullptr);
  CHECK(builtin_divisions().by_name("吉林").size() == 2);
}

TEST_CASE("places: pack id, Chinese name and code name the same region") {
  const auto& pack = test::builtin_pack();
  for (const char* text : {"guangzhou", "广州", "广州市", "440100"}) {
    CAPTURE(text);
    const auto p = claimcalc::resolve_place(text, pack, "care_region");
    REQUIRE(p.ok());
    CHECK(p.value().id() == "guangzhou");
    CHECK(p.value().province_code == 440000);
  }
  const auto cd = claimcalc::resolve_place("成都", pack, "care_region");
  REQUIRE(cd.ok());
  CHECK(cd.value().id() == "510100");
  CHECK(cd.value().pack_id.empty());
  const auto bad = claimcalc::resolve_place("天河区", pack, "care_region");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().field == "care_region");
}

TEST_CASE("places: care in an unnamed city (\"other\") is placed by care_province alone") {
  json req = test::testland_request();
  req["insured_region"] = "shenzhen";
  req["tier"] = "tier1";
  req["care_region"] = "other";
  req["filing"] = "temporary";
  req["filing_date"] = "2024-01-02";
  req["care_province"] = "浙江";
  json r = test::estimate(test::builtin_engine(), req);
  REQUIRE_MESSAGE(r["ok"] == true, r.dump());
  bool out_of_province = false;
  for (const auto& s : r["result"]["steps"])
    if (s["rule"] == "cross_region")
      out_of_province = s["text_zh"].get<std::string>().find("省外") != std::string::npos;
  CHECK(out_of_province);
  req["care_province"] = "广东";
  r = test::estimate(test::builtin_engine(), req);
  REQUIRE(r["ok"] == true);
  for (const auto& s : r["result"]["steps"])
    if (s["rule"] == "cross_region") CHECK(s["text_zh"].get<std::string>().find("省内") != std::string::npos);
  req.erase("care_province");
  r = test::estimate(test::builtin_engine(), req);
  REQUIRE(r["ok"] == true);
  bool asks = false;  // the fund's share is a range over in and out of the province, and the question is asked
  for (const auto& u : r["result"]["split"]["fund_paid"]["reasons"]) asks = asks || u["needs"] == "care_province";
  CHECK(asks);
}

TEST_CASE("places: an insured city without a policy names the city and what its province has") {
  json req = test::testland_request();
  req["insured_region"] = "佛山";
  json r = test::estimate(test::builtin_engine(), req);
  REQUIRE(r["ok"] == false);
  CHECK(r["error"]["field"] == "insured_region");
  const std::string zh = r["error"]["message_zh"], en = r["error"]["message_en"];
  CHECK(zh.find("佛山市") != std::string::npos);
  CHECK(zh.find("广东省") != std::string::npos);
  CHECK(zh.find("广州市") != std::string::npos);
  CHECK(zh.find("深圳市") != std::string::npos);
  CHECK(en.find("440600") != std::string::npos);
  CHECK(en.find("guangzhou") != std::string::npos);
  req["insured_region"] = "拉萨";
  r = test::estimate(test::builtin_engine(), req);
  CHECK(std::string(r["error"]["message_zh"]).find("西藏自治区：没有收录任何地区") != std::string::npos);
}

TEST_CASE("places: guide and diagnose answer for any city from the upper layers") {
  json g = guide({{"scenario", "cross_region_filing"}, {"region", "510100"}});
  REQUIRE(g["ok"] == true);
  CHECK(g["result"]["region"].is_null());
  CHECK(g["result"]["channels"].size() == 4);  // the national channels
  CHECK(g["result"]["steps"][0]["source"]["id"] == "nhsa_2022_22");
  g = guide({{"scenario", "manual_claim"}, {"region", "不存在市"}});
  REQUIRE(g["ok"] == false);
  CHECK(g["error"]["field"] == "region");
  json in = {{"op", "diagnose"}, {"symptom", "未备案"}, {"request", test::testland_request()}};
  in["request"]["insured_region"] = "成都市";
  in["request"]["care_region"] = "重庆";
  const json d = json::parse(test::builtin_engine().call(in.dump()));
  REQUIRE(d["ok"] == true);
  CHECK(d["result"]["causes"][0]["id"] == "not_filed");
}

TEST_CASE("vocabulary: every province and city of the registry, the places the pack has a file for marked") {
  const json v = json::parse(test::builtin_engine().call(R"({"op":"vocabulary"})"))["result"];
  const auto reg = builtin_divisions();
  std::set<std::int64_t> provinces, cities;
  for (const auto& p : v["provinces"]) CHECK(provinces.insert(p["code"].get<std::int64_t>()).second);
  for (const auto& c : v["cities"]) {
    CHECK(cities.insert(c["code"].get<std::int64_t>()).second);
    CHECK(provinces.count(c["province"].get<std::int64_t>()) == 1);
    const Division* d = reg.by_code(c["code"].get<std::int32_t>());
    REQUIRE(d != nullptr);
    CHECK(c["zh"] == d->name_zh);
    CHECK(c["short"] == std::string(d->short_zh()));
  }
  std::size_t n_provinces = 0, n_cities = 0;
  for (const auto& d : reg) {
    n_provinces += d.province_level ? 1 : 0;
    n_cities += d.city_level ? 1 : 0;
  }
  CHECK(provinces.size() == n_provinces);
  CHECK(cities.size() == n_cities);
  const auto city = [&](std::int64_t code) {
    for (const auto& c : v["cities"])
      if (c["code"] == code) return c;
    return json();
  };
  CHECK(city(440100) ==
        json{{"code", 440100}, {"zh", "广州市"}, {"short", "广州"}, {"province", 440000}, {"region", "guangzhou"}});
  CHECK(city(320500).count("region") == 0);     // 苏州: no file of its own (Jiangsu's rules apply)
  CHECK(city(310000)["region"] == "shanghai");  // a municipality is a city of its own province
  for (const auto& p : v["provinces"])
    if (p["code"] == 320000) CHECK(p["region"] == "jiangsu");
  // Every place marked with a region is one of the pack's regions, and every region but the national one is marked.
  std::set<std::string> marked;
  for (const auto& list : {v["provinces"], v["cities"]})
    for (const auto& p : list)
      if (p.contains("region")) marked.insert(p["region"].get<std::string>());
  std::set<std::string> regions;
  for (const auto& r : v["regions"]) regions.insert(r["region"].get<std::string>());
  CHECK(marked == regions);
}
