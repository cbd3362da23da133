#include "engine/core/provinces.hpp"

namespace claimcalc {

namespace {

// GB/T 2260 province-level divisions of the mainland (31), in code order.
constexpr std::string_view kProvinces[] = {
    "beijing",  "tianjin", "hebei",     "shanxi",  "neimenggu", "liaoning",  "jilin",    "heilongjiang",
    "shanghai", "jiangsu", "zhejiang",  "anhui",   "fujian",    "jiangxi",   "shandong", "henan",
    "hubei",    "hunan",   "guangdong", "guangxi", "hainan",    "chongqing", "sichuan",  "guizhou",
    "yunnan",   "xizang",  "shaanxi",   "gansu",   "qinghai",   "ningxia",   "xinjiang"};

constexpr std::string_view kMunicipalities[] = {"beijing", "tianjin", "shanghai", "chongqing"};

}  // namespace

bool is_province_id(std::string_view id) {
  for (auto p : kProvinces)
    if (p == id) return true;
  return false;
}

bool is_municipality(std::string_view id) {
  for (auto p : kMunicipalities)
    if (p == id) return true;
  return false;
}

std::string province_ids_list() {
  std::string s;
  for (auto p : kProvinces) s += (s.empty() ? "" : ", ") + std::string(p);
  return s;
}

}  // namespace claimcalc
