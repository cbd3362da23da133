// A batch keeps what the pack says for each claim's places and date (engine/core/context_cache.hpp): every answer
// in a batch must be the answer the request gets alone. Each pair below differs in one field the cache keys on,
// and gives a different answer alone; the second follows the first in one batch, so a key without that field
// would hand it the first one's context.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "support.hpp"

using test::json;

namespace {

json shenzhen() {
  return json{{"insured_region", "shenzhen"},
              {"scheme", "employee"},
              {"person", "active"},
              {"setting", "inpatient"},
              {"hospital_level", "level3"},
              {"date_of_care", "2025-06-10"},
              {"totals", {{"class_a", "8000.00"}, {"class_b", "1500.00"}, {"out_of_catalogue", "500.00"}}}};
}

json with(json request, const char* field, json value) {
  request[field] = std::move(value);
  return request;
}

json without(json request, const char* field) {
  request.erase(field);
  return request;
}

// The answers of one estimate_many call, one per request, in order.
std::vector<json> batch(const std::vector<json>& requests) {
  const json envelope = {{"op", "estimate_many"}, {"requests", requests}};
  const json answer = json::parse(test::builtin_engine().call(envelope.dump()));
  REQUIRE(answer.at("ok").get<bool>());
  return answer.at("result").get<std::vector<json>>();
}

}  // namespace

TEST_CASE("a batch answers each request as it is answered alone, whichever context came before it") {
  const json base = shenzhen();
  const json other_care = with(with(base, "care_region", "other"), "care_province", "广东");
  const json no_version = with(base, "date_of_care", "2023-08-01");  // before shenzhen's first version
  // {first, second, whether alone they must differ}
  const std::vector<std::pair<std::pair<json, json>, bool>> pairs = {
      {{base, with(base, "insured_region", "guangzhou")}, true},
      {{with(base, "care_region", "广州"), with(with(base, "care_region", "广州"), "insured_region", "guangzhou")},
       true},
      {{base, with(base, "insured_region", "深圳")}, false},                           // the same place by another name
      {{with(base, "care_region", "北京"), with(base, "care_region", "广州")}, true},  // outside, inside the province
      {{other_care, with(other_care, "care_province", "北京")}, true},
      {{base, without(with(base, "scheme", "resident"), "person")}, true},
      {{base, with(base, "setting", "outpatient")}, true},
      {{base, with(base, "date_of_care", "2023-09-30")}, true},              // the day before the version starts
      {{base, with(base, "date_of_care", "2025-01-05")}, false},             // another date of the same version
      {{no_version, with(no_version, "date_of_care", "2023-09-01")}, true},  // errors name their date
  };
  std::vector<json> requests;
  for (const auto& [pair, differ] : pairs) {
    requests.push_back(pair.first);
    requests.push_back(pair.second);
  }
  const std::vector<json> answers = batch(requests);
  REQUIRE(answers.size() == requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    CAPTURE(requests[i].dump());
    CHECK(answers[i] == test::estimate(test::builtin_engine(), requests[i]));
  }
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    if (!pairs[k].second) continue;
    CAPTURE(requests[2 * k + 1].dump());
    CHECK(answers[2 * k] != answers[2 * k + 1]);
  }
}
