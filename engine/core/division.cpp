#include "engine/core/division.hpp"

namespace claimcalc {

const Division* DivisionRegistry::by_code(std::int32_t code) const {
  for (const auto& d : *this)
    if (d.code == code) return &d;
  return nullptr;
}

std::vector<const Division*> DivisionRegistry::by_name(std::string_view name) const {
  std::vector<const Division*> out;
  // Every request resolves its places here: the bytes are compared in place, without a strlen of each name.
  for (const auto& d : *this) {
    std::size_t i = 0;
    while (i < name.size() && d.name_zh[i] != '\0' && d.name_zh[i] == name[i]) ++i;
    const bool full = i == name.size() && d.name_zh[i] == '\0';
    if (full || name == d.short_zh()) out.push_back(&d);
  }
  return out;
}

}  // namespace claimcalc
