#include "engine/core/division.hpp"

#include <algorithm>

namespace claimcalc {

const Division* DivisionRegistry::by_code(std::int32_t code) const {
  // The generated registry is in code order: a binary search finds a code there. A test's own list need not be
  // sorted, so a code not found that way is looked for entry by entry.
  const Division* at =
      std::lower_bound(begin(), end(), code, [](const Division& d, std::int32_t c) { return d.code < c; });
  if (at != end() && at->code == code) return at;
  for (const auto& d : *this)
    if (d.code == code) return &d;
  return nullptr;
}

std::vector<const Division*> DivisionRegistry::by_name(std::string_view name) const {
  std::vector<const Division*> out;
  // Every request resolves its places here: the bytes are compared in place, without a strlen of each name.
  // A Chinese name's first character is three bytes, and a third of the registry shares a first byte with it: the
  // first three bytes are compared before anything else (each read only after the byte before it matched a byte
  // that is not the end).
  const bool three = name.size() >= 3 && name[0] != '\0' && name[1] != '\0';
  for (const auto& d : *this) {
    // Full and short names both start with the name's first bytes: most entries end here (and every one for a
    // name in Latin letters, beijing, which no registry name is).
    if (!name.empty() && d.name_zh[0] != name[0]) continue;
    if (three && (d.name_zh[1] != name[1] || d.name_zh[2] != name[2])) continue;
    std::size_t i = 0;
    while (i < name.size() && d.name_zh[i] != '\0' && d.name_zh[i] == name[i]) ++i;
    if (i != name.size()) continue;  // the name is not a prefix of this entry's: neither full nor short
    if (d.name_zh[i] == '\0' || name.size() == d.short_bytes) out.push_back(&d);
  }
  return out;
}

}  // namespace claimcalc
