// A batch settles every request in one room (engine/core/estimate_room.hpp): the answer, its range settlements and
// their lists are emptied and refilled, never built afresh. Nothing may carry over: each answer settled after any
// other must be the answer the request gets alone. Each shape below has something the others lack (its own lists,
// ranges, an error, a waiting period, no bill), and every shape is settled right after every other one.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/codec/estimate_writer.hpp"
#include "engine/codec/figures_codec.hpp"
#include "engine/codec/json_writer.hpp"
#include "engine/codec/request_codec.hpp"
#include "engine/core/context_cache.hpp"
#include "engine/core/estimate_room.hpp"
#include "support.hpp"

using test::json;

namespace {

json case_request(const char* path) {
  return json::parse(test::read_file(test::source_dir() + "/tests/cases/" + path)).at("request");
}

// Three of the peer race's requests (bench/): short bills, the batch this room was made for.
const char* const kPeer[] = {
    R"({"insured_region":"guangzhou","scheme":"employee","person":"active","setting":"inpatient",
        "hospital_level":"level3","date_of_care":"2025-06-10",
        "totals":{"class_a":"8000.00","class_b":"1500.00","out_of_catalogue":"500.00"}})",
    R"({"insured_region":"guangzhou","scheme":"employee","person":"retired","setting":"inpatient",
        "hospital_level":"level2","date_of_care":"2025-03-02",
        "items":[{"name":"床位费","class":"class_a","amount":"1200.00"},
                 {"name":"头孢曲松钠","class":"class_b","amount":"2345.67"},
                 {"name":"进口吻合器","class":"out_of_catalogue","amount":"3100.50"},
                 {"name":"检查化验","class":"class_a","amount":"4321.09"}]})",
    R"({"insured_region":"guangzhou","scheme":"employee","person":"active","setting":"outpatient",
        "hospital_level":"primary","date_of_care":"2025-02-14",
        "items":[{"name":"诊查费","class":"class_a","amount":"25.00"},
                 {"name":"阿莫西林胶囊","class":"class_a","quantity":2,"unit_price":"12.35"},
                 {"name":"复方甘草片","class":"class_b","amount":"18.90"}]})",
};

json peer_line(int n) { return json::parse(kPeer[n]); }

bool warns(const claimcalc::Estimate& e, std::string_view code) {
  return std::any_of(e.warnings.begin(), e.warnings.end(), [&](const claimcalc::Warning& w) { return w.code == code; });
}

struct Shape {
  std::string name;
  json request;
  // What makes the shape itself (checked on its answer alone, so the shape cannot quietly lose it).
  std::function<bool(const claimcalc::Result<claimcalc::Estimate>&)> has;
};

bool ok_with(const claimcalc::Result<claimcalc::Estimate>& r,
             const std::function<bool(const claimcalc::Estimate&)>& what) {
  return r.ok() && what(r.value());
}

std::vector<Shape> shapes() {
  using claimcalc::Estimate;
  using R = claimcalc::Result<Estimate>;
  json no_deductible_paid = case_request("shanghai/01-active-first-stay.json");
  no_deductible_paid["year_to_date"].erase("deductible_paid");
  json no_bill = case_request("shenzhen/x07-unfiled-manual-claim.json");
  no_bill.erase("items");
  return {
      {"totals, inpatient", peer_line(0),
       [](const R& r) { return ok_with(r, [](const Estimate& e) { return e.items.size() == 3; }); }},
      {"items, inpatient, retired", peer_line(1),
       [](const R& r) { return ok_with(r, [](const Estimate& e) { return e.items.size() == 4; }); }},
      {"items, outpatient", peer_line(2),
       [](const R& r) { return ok_with(r, [](const Estimate& e) { return e.items.size() == 3; }); }},
      {"chronic outpatient, year so far warned of", case_request("nanjing/01-employee-active-cancer-radiochemo.json"),
       [](const R& r) {
         return ok_with(r, [](const Estimate& e) { return warns(e, "year_to_date_absent:disease_fund_paid"); });
       }},
      {"cross region, manual claim", case_request("shenzhen/x07-unfiled-manual-claim.json"),
       [](const R& r) {
         // The documents and deadlines belong to the full answer.
         return ok_with(r, [](const Estimate& e) {
           return warns(e, "file_then_claim") &&
                  (!e.trace.texts() || (!e.materials.empty() && !e.deadlines.empty() && !e.channels.empty()));
         });
       }},
      {"catalogues differ, items reclassed", case_request("shenzhen/x14-catalogues-differ-manual.json"),
       [](const R& r) { return ok_with(r, [](const Estimate& e) { return warns(e, "insured_catalogue"); }); }},
      {"error: no such person type", case_request("guangzhou/17-resident-senior-not-a-category.json"),
       [](const R& r) { return !r.ok(); }},
      {"error: no version on the date", case_request("shanghai/10-before-2022-year.json"),
       [](const R& r) { return !r.ok(); }},
      {"cannot estimate the class-B share", case_request("shanghai/09-class-b-share-not-found.json"),
       [](const R& r) {
         return ok_with(r, [](const Estimate& e) { return !e.cannot_estimate.empty() && !e.split.in_scope; });
       }},
      {"waiting period", case_request("guangzhou/13-resident-waiting-period.json"),
       [](const R& r) { return ok_with(r, [](const Estimate& e) { return e.benefits_from.has_value(); }); }},
      {"ranges: deductible paid so far left out", no_deductible_paid,
       [](const R& r) {
         return ok_with(r, [](const Estimate& e) {
           const auto it = e.ranges.find("deductible_applied");
           return it != e.ranges.end() && it->second.low && it->second.high && *it->second.low < *it->second.high;
         });
       }},
      {"ranges with open ends: no annual cap figure", case_request("shenzhen/20-employee-without-tier.json"),
       [](const R& r) {
         return ok_with(r, [](const Estimate& e) {
           const auto it = e.ranges.find("fund_paid");
           // In name order, as the figures writer walks them beside the split's parts.
           const bool in_order = std::is_sorted(e.ranges.begin(), e.ranges.end(),
                                                [](const auto& a, const auto& b) { return a.first < b.first; });
           return e.ranges.size() >= 3 && in_order && it != e.ranges.end() && !it->second.low && it->second.high;
         });
       }},
      {"province rules only", case_request("jiangsu/01-city-without-file-local.json"),
       [](const R& r) { return ok_with(r, [](const Estimate& e) { return warns(e, "province_rules_only"); }); }},
      {"no bill", no_bill,
       [](const R& r) { return ok_with(r, [](const Estimate& e) { return !e.bill_given && e.items.empty(); }); }},
      {"age left out: questions to ask", case_request("nanjing/08-retired-without-age-asks-age.json"),
       [](const R& r) {
         return ok_with(r, [](const Estimate& e) {
           return e.ranges.count("fund_paid") == 1 && !e.narrowings.empty() &&
                  (!e.trace.texts() || !e.next_questions.empty());
         });
       }},
  };
}

// Everything an answer says, in both writers (the full answer has the steps and questions, the figures answer the
// ranges), and the fields no writer shows as such.
std::string described(const claimcalc::Result<claimcalc::Estimate*>& r) {
  std::string out;
  {
    claimcalc::codec::JsonWriter w(out);
    if (!r.ok()) {
      claimcalc::codec::write_error_envelope(w, r.error());
    } else {
      claimcalc::codec::append_estimate_envelope(w, *r.value(), "v", claimcalc::Texts::both);
      w.verbatim("\n");
      claimcalc::codec::append_figures_envelope(w, *r.value(), "v");
    }
  }
  if (r.ok()) {
    const claimcalc::Estimate& e = *r.value();
    out += "\npolicy " + (e.policy != nullptr ? e.policy->id() : std::string("-"));
    out += " process " + (e.process_policy != nullptr ? e.process_policy->id() : std::string("-"));
    out += " merged " + std::to_string(e.merged_rules != nullptr) + " bill " + std::to_string(e.bill_given);
    out += " texts " + std::to_string(e.trace.texts());
  }
  return out;
}

claimcalc::Claim claim_of(const json& request, bool figures) {
  auto claim = claimcalc::codec::parse_claim(request);
  REQUIRE(claim.ok());
  if (figures) claim.value().step_texts = false;
  return claim.value();
}

std::string alone(const claimcalc::Claim& claim) {
  auto r = claimcalc::estimate(claim, test::builtin_pack());
  if (!r.ok()) return described(r.error());
  return described(&r.value());
}

}  // namespace

TEST_CASE("a room answers each request as it is answered alone, whichever came before it") {
  const std::vector<Shape> all = shapes();
  std::vector<claimcalc::Claim> claims;
  std::vector<std::string> names, expected;
  std::vector<bool> errors;
  for (const Shape& s : all) {
    CAPTURE(s.name);
    for (const bool figures : {false, true}) {
      claims.push_back(claim_of(s.request, figures));
      names.push_back(s.name + (figures ? " (figures)" : " (full)"));
      const auto r = claimcalc::estimate(claims.back(), test::builtin_pack());
      CHECK(s.has(r));
      errors.push_back(!r.ok());
      expected.push_back(alone(claims.back()));
    }
  }
  CHECK(expected.size() >= 24);
  // No two answer alike (but an error, the same in either detail): an answer that carried over what came before it
  // would not pass for the one expected.
  for (std::size_t i = 0; i < expected.size(); ++i)
    for (std::size_t j = i + 1; j < expected.size(); ++j) {
      if (errors[i] && j == i + 1 && i % 2 == 0) continue;
      CAPTURE(names[i]);
      CAPTURE(names[j]);
      CHECK(expected[i] != expected[j]);
    }

  // One room and one batch cache, as estimate_many keeps them: every ordered pair (i, j) is settled one right after
  // the other, so each request follows each other one.
  claimcalc::EstimateRoom room;
  claimcalc::ContextCache contexts;
  int compared = 0;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    for (std::size_t j = 0; j < claims.size(); ++j) {
      for (const std::size_t k : {i, j}) {
        CAPTURE(names[i]);
        CAPTURE(names[j]);
        CHECK(described(room.estimate_into(claims[k], test::builtin_pack(), contexts)) == expected[k]);
        ++compared;
      }
    }
  }
  CHECK(compared == static_cast<int>(2 * claims.size() * claims.size()));
}

TEST_CASE("a room's answer moved away leaves the room to answer the next one afresh") {
  // estimate() moves the room's answer out: the room's lists are then empty husks it must still refill correctly.
  claimcalc::EstimateRoom room;
  claimcalc::ContextCache contexts;
  json no_deductible_paid = case_request("shanghai/01-active-first-stay.json");
  no_deductible_paid["year_to_date"].erase("deductible_paid");
  const claimcalc::Claim ranges = claim_of(no_deductible_paid, true);
  const claimcalc::Claim manual = claim_of(case_request("shenzhen/x07-unfiled-manual-claim.json"), false);
  auto first = room.estimate_into(ranges, test::builtin_pack(), contexts);
  REQUIRE(first.ok());
  const claimcalc::Estimate taken = std::move(*first.value());
  CHECK_FALSE(taken.ranges.empty());
  CHECK(described(room.estimate_into(manual, test::builtin_pack(), contexts)) == alone(manual));
  CHECK(described(room.estimate_into(ranges, test::builtin_pack(), contexts)) == alone(ranges));
}
