#include "engine/core/policy.hpp"

#include <cstring>

namespace claimcalc {

const Source* Policy::source(const std::string& source_id) const {
  // Size and first byte before the bytes: a file's ids mostly differ there (each answer asks a few times).
  const std::size_t size = source_id.size();
  for (const auto& s : sources)
    if (s.id.size() == size &&
        (size == 0 || (s.id[0] == source_id[0] && std::memcmp(s.id.data(), source_id.data(), size) == 0)))
      return &s;
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
  // The loader refuses versions of a region that overlap (codec load_pack), so at most one is in force on a date;
  // were two ever in force, the latest start would win, as a newer notice does.
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
