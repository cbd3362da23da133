#include "engine/core/diagnosis.hpp"

#include <algorithm>

namespace claimcalc {

namespace {

// What the request itself says about a cause, if anything.
const FilingValidity* validity_for(const Layers& layers, Filing filing) {
  for (const Policy* p : layers.ordered()) {
    if (p == nullptr || !p->cross_region) continue;
    for (const auto& v : p->cross_region->validity)
      if (std::find(v.filings.begin(), v.filings.end(), filing) != v.filings.end()) return &v;
  }
  return nullptr;
}

bool context_for(const std::string& id, const Claim& c, const Layers& layers, std::string& zh, std::string& en) {
  const bool elsewhere = !c.care_region.empty() && c.care_region != c.insured_region;
  if (id == "not_filed" && elsewhere && c.filing_given && c.filing == Filing::none) {
    zh = "请求中就医地与参保地不同，且未备案。";
    en = "The care region differs from the insured region and nothing was filed.";
    return true;
  }
  if (id == "filing_expired_or_wrong_region" && elsewhere && c.filing != Filing::none && c.filing_date) {
    const FilingValidity* v = validity_for(layers, c.filing);
    // A floor (不少于6个月) is not an end date: the request cannot show such a filing expired.
    if (v != nullptr && v->months && !v->at_least && c.date_of_care > c.filing_date->plus_months_clamped(*v->months)) {
      zh = "备案日期 " + c.filing_date->iso() + " 加 " + std::to_string(*v->months) + " 个月已早于就医日期。";
      en = "The filing of " + c.filing_date->iso() + " plus " + std::to_string(*v->months) +
           " months ended before the date of care.";
      return true;
    }
  }
  if (id == "enrolment_lapsed_or_waiting" && c.enrolment_status != EnrolmentStatus::active) {
    zh = "请求中参保状态为非正常。";
    en = "The request gives a suspended or lapsed enrolment.";
    return true;
  }
  return false;
}

}  // namespace

std::vector<Diagnosis> diagnose(std::string_view symptom, const Claim* claim, const Layers& layers) {
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
      int score = static_cast<int>(d.matched.size()) * 1000;
      if (claim != nullptr && context_for(cause.id, *claim, layers, d.context_zh, d.context_en)) score += 500;
      score -= order++;
      scored.emplace_back(score, std::move(d));
    }
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<Diagnosis> out;
  for (auto& s : scored) out.push_back(std::move(s.second));
  return out;
}

}  // namespace claimcalc
