#include "engine/core/policy.hpp"

namespace claimcalc {

const Source* Policy::source(const std::string& source_id) const {
  for (const auto& s : sources)
    if (s.id == source_id) return &s;
  return nullptr;
}

const Policy* Layers::holding(const Citation& cite, const Policy* fallback) const {
  for (const Policy* p : ordered())
    if (p != nullptr && p->region == cite.layer) return p;
  return fallback;
}

bool Policy::in_force_on(const Date& d) const { return effective_from <= d && (!effective_to || d < *effective_to); }

bool PolicyPack::has_region(const std::string& region) const {
  for (const auto& p : policies)
    if (p.region == region) return true;
  return false;
}

const Policy* PolicyPack::in_force(const std::string& region, const Date& date) const {
  const Policy* best = nullptr;
  // Versions may overlap only if one lacks effective_to; the latest start wins, as a newer notice does.
  for (const auto& p : policies) {
    if (p.region != region || !p.in_force_on(date)) continue;
    if (best == nullptr || best->effective_from < p.effective_from) best = &p;
  }
  return best;
}

const Policy* PolicyPack::latest(const std::string& region) const {
  const Policy* best = nullptr;
  for (const auto& p : policies)
    if (p.region == region && (best == nullptr || best->effective_from < p.effective_from)) best = &p;
  return best;
}

}  // namespace claimcalc
