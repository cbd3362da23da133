// Places before policies: every province- and prefecture-level division of China (GB/T 2260), so any city can be
// named in a request and placed in its province even where the pack has no policy for it. The entries are
// generated at build time from the package pinned in policies/national/divisions/ (tools/gen_divisions.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace claimcalc {

struct Division {
  std::int32_t code;         // GB/T 2260, six digits: 440100
  const char* name_zh;       // 广州市
  std::uint8_t short_bytes;  // the short name (广州) is the name's first short_bytes bytes
  bool province_level;       // province, autonomous region, municipality or special administrative region
  bool city_level;           // a city that is a pooling region: prefecture-level, a municipality, or a county-level
                             // city governed directly by its province (济源, 仙桃, 石河子…)

  std::int32_t province_code() const { return code / 10000 * 10000; }
  std::string_view short_zh() const { return std::string_view(name_zh, short_bytes); }
};

// A view of the registry (the generated array, or a test's own list).
struct DivisionRegistry {
  const Division* entries = nullptr;
  std::size_t count = 0;
  const char* source = "";  // the package and version the entries came from

  bool empty() const { return count == 0; }
  const Division* begin() const { return entries; }
  const Division* end() const { return entries + count; }
  const Division* by_code(std::int32_t code) const;
  // Every entry whose full or short name is the text (吉林 names both 吉林省 and 吉林市).
  std::vector<const Division*> by_name(std::string_view name) const;
  const Division* province_of(const Division& d) const { return by_code(d.province_code()); }
};

}  // namespace claimcalc
