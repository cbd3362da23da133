// A figures-only batch writes its repeated texts once (codec/batch_texts): receipts per policy, and the engine's
// sentences (reasons, warnings, those with quotes to escape included) from the first answer that had them. Every
// answer must still be, byte for byte, what the same request gets alone. (Requests the plain reader takes: a string
// with an escape would send the whole batch the tree path, which has no batch texts.)
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/codec/figures_codec.hpp"
#include "engine/codec/json_input.hpp"
#include "engine/codec/result_codec.hpp"
#include "support.hpp"

TEST_CASE("a figures batch answers each request byte for byte as it is answered alone, repeats included") {
  const std::vector<std::string> requests = {
      // Guangzhou: no class-B share in the data (a cannot_estimate reason).
      R"({"insured_region":"guangzhou","scheme":"employee","person":"active","setting":"inpatient",)"
      R"("hospital_level":"level3","date_of_care":"2025-06-10","totals":{"class_a":"8000.00","class_b":"1500.00"}})",
      // Shenzhen without the year so far: ranges with reasons, secondary-source warnings quoting a title.
      R"({"insured_region":"shenzhen","scheme":"employee","person":"retired","setting":"inpatient",)"
      R"("hospital_level":"level3","date_of_care":"2025-06-10","items":[{"name":"床位费","class":"class_a",)"
      R"("amount":"1200.00"},{"name":"药","class":"class_b","amount":"2345.67"}]})",
      // Shenzhen with the year so far: an open annual cap.
      R"({"insured_region":"shenzhen","scheme":"employee","person":"active","setting":"inpatient",)"
      R"("hospital_level":"level3","date_of_care":"2025-06-10","totals":{"class_a":"8000.00","class_b":"1500.00",)"
      R"("out_of_catalogue":"500.00"},"year_to_date":{"critical_illness_base":"0.00","stays":0}})",
      // An error between them.
      R"({"insured_region":"guangzhou","care_region":"beijing","scheme":"employee","person":"active",)"
      R"("setting":"inpatient","hospital_level":"level3","date_of_care":"2025-07-03","totals":{"class_a":"1.00"}})",
  };
  std::string envelope = R"({"op":"estimate_many","detail":"figures","requests":[)";
  std::string expected = R"({"ok":true,"result":[)";
  for (int round = 0; round < 3; ++round) {
    for (const auto& r : requests) {
      const bool first = expected.back() == '[';
      envelope += (first ? "" : ",") + r;
      std::string alone = r;
      alone.insert(alone.size() - 1, R"(,"detail":"figures")");
      expected += (first ? "" : ",") + test::builtin_engine().estimate(alone);
    }
  }
  envelope += "]}";
  expected += "]}";
  CHECK(expected.find("secondary_source") != std::string::npos);
  CHECK(expected.find("\"reasons\"") != std::string::npos);
  CHECK(test::builtin_engine().call(envelope) == expected);
}

TEST_CASE("an error envelope written straight is error_envelope's dump, regions, quotes and controls included") {
  using claimcalc::Error;
  using claimcalc::ErrorCode;
  std::vector<Error> errors{
      {ErrorCode::unknown_region,
       "care_region",
       "不认识的地区「beijing」",
       "unknown place \"beijing\": a\\b\tc\x01",
       {}},
      {ErrorCode::region_not_loaded, "insured_region", "未读取", "not read", {"shenzhen", "guangzhou"}},
      {ErrorCode::malformed_json, "", "", "bad \xFF byte", {}}};
  for (const auto& e : errors) {
    std::string text;
    {
      claimcalc::codec::JsonWriter w(text);
      claimcalc::codec::write_error_envelope(w, e);
    }
    CHECK(text == claimcalc::codec::dump_json(claimcalc::codec::error_envelope(e)));
  }
}
