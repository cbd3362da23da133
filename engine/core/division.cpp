#include "engine/core/division.hpp"

namespace claimcalc {

const Division* DivisionRegistry::by_code(std::int32_t code) const {
  for (const auto& d : *this)
    if (d.code == code) return &d;
  return nullptr;
}

std::vector<const Division*> DivisionRegistry::by_name(std::string_view name) const {
  std::vector<const Division*> out;
  for (const auto& d : *this)
    if (name == d.name_zh || name == d.short_zh()) out.push_back(&d);
  return out;
}

}  // namespace claimcalc
