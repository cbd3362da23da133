#include "engine/core/region_files.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace claimcalc {

namespace {

// regions: each region id once (what the loader reads: regions/<id>.ccp each).
Error not_loaded(const std::vector<const Policy*>& unread, std::string field) {
  std::vector<std::string> ids;
  std::string zh, en;
  for (const Policy* p : unread) {
    if (std::find(ids.begin(), ids.end(), p->region) != ids.end()) continue;
    ids.push_back(p->region);
    zh += (zh.empty() ? "" : "、") + p->name_zh + "（" + p->region + "）";
    en += (en.empty() ? "" : ", ") + p->name_en + " (" + p->region + ")";
  }
  Error e = make_error(ErrorCode::region_not_loaded, std::move(field),
                       "需要先读取地区政策文件：" + zh + "。加载器会提供文件后重试。",
                       "the region file of " + en + " is not read yet: the loader supplies it and calls again.");
  e.regions = std::move(ids);
  return e;
}

}  // namespace

std::optional<Error> unread_layers(const Layers& layers, const Policy* policy, std::string field) {
  std::vector<const Policy*> unread;
  for (const Policy* p : {policy, layers.city, layers.province, layers.national})
    if (p != nullptr && p->unread) unread.push_back(p);
  if (unread.empty()) return std::nullopt;
  return not_loaded(unread, std::move(field));
}

std::optional<Error> unread_regions(const PolicyPack& pack) {
  std::vector<const Policy*> unread;
  for (const auto& p : pack.policies)
    if (p.unread) unread.push_back(&p);
  if (unread.empty()) return std::nullopt;
  return not_loaded(unread, "");
}

}  // namespace claimcalc
