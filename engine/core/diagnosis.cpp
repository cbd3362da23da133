#include "engine/core/diagnosis.hpp"

#include <algorithm>

#include "engine/core/cross_region.hpp"
#include "engine/core/stable_sort.hpp"

namespace claimcalc {

namespace {

// The order docs/api.md promises: each of the symptom's words that points to a cause outweighs any context, and
// a cause the request makes likely comes before the rest; ties keep the data's order.
constexpr int kScorePerMatchedWord = 1000;
constexpr int kScoreForContext = 500;

// Whether the request shows the situation a cause's data names in `likely_when`, and what in it does.
bool request_shows(LikelyWhen when, const Claim& c, const Layers& layers, std::optional<CareScope> scope,
                   std::string& zh, std::string& en) {
  const bool elsewhere = !c.care_region.empty() && c.care_region != c.insured_region;
  switch (when) {
    case LikelyWhen::unfiled_elsewhere:
      if (!elsewhere || !c.filing_given || c.filing != Filing::none) return false;
      zh = "请求中就医地与参保地不同，且未备案。";
      en = "The care region differs from the insured region and nothing was filed.";
      return true;
    case LikelyWhen::filing_expired: {
      if (!elsewhere || c.filing == Filing::none || !c.filing_date) return false;
      const FilingValidity* v = filing_validity(layers, c.filing, scope);
      // A floor (不少于6个月) is not an end date: the request cannot show such a filing expired.
      if (v == nullptr || !v->months || v->at_least || c.date_of_care <= c.filing_date->plus_months_clamped(*v->months))
        return false;
      zh = "备案日期 " + c.filing_date->iso() + " 加 " + std::to_string(*v->months) + " 个月已早于就医日期。";
      en = "The filing of " + c.filing_date->iso() + " plus " + std::to_string(*v->months) +
           " months ended before the date of care.";
      return true;
    }
    case LikelyWhen::enrolment_not_active:
      if (c.enrolment_status == EnrolmentStatus::active) return false;
      zh = "请求中参保状态为非正常。";
      en = "The request gives a suspended or lapsed enrolment.";
      return true;
  }
  return false;
}

}  // namespace

std::vector<Diagnosis> diagnose(std::string_view symptom, const Claim* claim, const Layers& layers,
                                std::optional<CareScope> scope) {
  std::vector<std::pair<int, Diagnosis>> scored;
  int order = 0;
  for (const Policy* p : layers.ordered()) {
    if (p == nullptr) continue;
    for (const auto& cause : p->settlement_errors) {
      const bool seen =
          std::any_of(scored.begin(), scored.end(), [&](const auto& s) { return s.second.cause->id == cause.id; });
      if (seen) continue;  // the region's version of a cause replaces the national one
      Diagnosis d{&cause, p, {}, "", ""};
      for (const auto& k : cause.keywords)
        if (!k.empty() && symptom.find(k) != std::string_view::npos) d.matched.push_back(k);
      int score = static_cast<int>(d.matched.size()) * kScorePerMatchedWord;
      if (claim != nullptr && cause.likely_when &&
          request_shows(*cause.likely_when, *claim, layers, scope, d.context_zh, d.context_en)) {
        if (cause.scope && scope && *cause.scope != *scope) {
          // The cause's rule is written for the other kind of care (the national 跨省 rule for care within the
          // province): the request does not make it likely by that rule, and the answer says so.
          d.context_zh += kOtherScopeZh;
          d.context_en += kOtherScopeEn;
        } else {
          score += kScoreForContext;
        }
      }
      score -= order++;
      scored.emplace_back(score, std::move(d));
    }
  }
  stable_sort_list(scored, [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<Diagnosis> out;
  out.reserve(scored.size());
  for (auto& s : scored) out.push_back(std::move(s.second));
  return out;
}

}  // namespace claimcalc
