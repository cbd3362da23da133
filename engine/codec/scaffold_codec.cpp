#include "engine/codec/scaffold_codec.hpp"

#include "engine/codec/json_writer.hpp"
#include "engine/core/region_resolve.hpp"

namespace claimcalc::codec {

namespace {

bool is_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  return true;
}

struct PartName {
  const char* key;
  const char* zh;
};

constexpr PartName kSettingParts[] = {{"deductible", "起付线"},
                                      {"ratio", "支付比例"},
                                      {"annual_cap", "年度最高支付限额"},
                                      {"class_b_upfront_share", "乙类先行自付比例"}};
constexpr PartName kSettings[] = {
    {"inpatient", "住院"}, {"outpatient", "普通门诊"}, {"chronic_outpatient", "门诊慢特病"}};
constexpr PartName kSchemes[] = {{"employee", "职工医保"}, {"resident", "居民医保"}};
constexpr PartName kCommon[] = {{"cross_region.ratio", "异地就医待遇（比例系数或下调百分点）"},
                                {"cross_region.validity", "异地就医备案有效期"},
                                {"processes.manual_claim", "手工报销的材料与时限"},
                                {"processes.cross_region_filing", "异地就医备案流程"},
                                {"processes.late_claim", "补报条件与时限"},
                                {"processes.reverse_settlement", "反结算流程"},
                                {"processes.special_disease", "门诊慢特病认定流程"}};

std::vector<std::string> absent_parts(const std::string& inherit) {
  std::vector<std::string> list;
  const std::string tail = "：未收录（absent）" + inherit;
  for (const auto& scheme : kSchemes) {
    for (const auto& setting : kSettings)
      for (const auto& part : kSettingParts)
        list.push_back(std::string(scheme.key) + "." + setting.key + "." + part.key + " " + scheme.zh + setting.zh +
                       part.zh + tail);
    list.push_back(std::string(scheme.key) + ".critical_illness " + scheme.zh + "大病保险" + tail);
    list.push_back(std::string(scheme.key) + ".waiting_period " + scheme.zh + "待遇等待期" + tail);
  }
  for (const auto& part : kCommon) list.push_back(std::string(part.key) + " " + part.zh + tail);
  return list;
}

// The file as a person reads and edits it: two-space indentation, one member per line. Written by hand rather
// than through an ordered JSON tree, whose second nlohmann instantiation would cost the wasm several kilobytes.
void member(std::string& out, const char* name, const std::string& value, bool quoted = true) {
  out += "  \"";
  out += name;
  out += "\": ";
  if (quoted)
    append_json_string(out, value);
  else
    out += value;
  out += ",\n";
}

}  // namespace

Result<Scaffold> scaffold_policy(const std::string& place_text, const Date& effective_from, const std::string& id,
                                 const Date& today, const PolicyPack& pack) {
  auto place = resolve_place(place_text, pack, "region");
  if (!place.ok()) return place.error();
  const Division* d = place.value().division;
  if (d == nullptr) {
    return make_error(ErrorCode::unknown_region, "region", "「" + place_text + "」不在行政区划表中",
                      "\"" + place_text + "\" is not in the division registry");
  }
  const bool province_layer = d->province_level && !d->city_level;
  const Policy* existing = pack.latest(place.value().pack_id);
  std::string region = existing != nullptr ? existing->region : (id.empty() ? std::to_string(d->code) : id);
  if (!is_id(region)) {
    return make_error(ErrorCode::unknown_value, "id", "地区编号只能用小写字母、数字、- 和 _",
                      "a region id uses only a-z, 0-9, - and _");
  }
  if (existing != nullptr && !(existing->effective_from < effective_from)) {
    return make_error(ErrorCode::inconsistent, "effective_from", "新版本须晚于已有的最新版本 " + existing->id(),
                      "a new version must start after the newest one, " + existing->id());
  }
  // The province's layer file, if the pack has one: the city inherits from it.
  std::string province_id = province_layer ? region : std::to_string(d->province_code());
  for (const auto& p : pack.policies)
    if (p.layer == Layer::province && p.region_code == d->province_code()) province_id = p.region;
  const Division* prov = pack.divisions.province_of(*d);
  const std::string inherit =
      province_layer
          ? "；各城市未规定时沿用全国规则"
          : "；未规定时沿用" + std::string(prov != nullptr ? prov->name_zh : "省级") + "和全国的规则（如有）";

  std::string f = "{\n";
  member(f, "schema_version", "1", false);
  member(f, "region", region);
  member(f, "region_code", std::to_string(d->code));
  member(f, "layer", province_layer ? "province" : "city");
  member(f, "name_zh", d->name_zh);
  member(f, "name_en", existing != nullptr ? existing->name_en : std::string(d->short_zh()));
  member(f, "province", province_id);
  member(f, "effective_from", effective_from.iso());
  member(f, "last_verified", today.iso());
  member(f, "note",
         std::string("Scaffolded by `claimcalc policies new` from the division registry (") + pack.divisions.source +
             "). Every part is absent until a notice gives it: add the notice to sources, then each figure with "
             "source, clause and quote (policies/README.md), and take its line out of open_questions.");
  f += "  \"open_questions\": [";
  bool first = true;
  for (const auto& q : absent_parts(inherit)) {
    f += first ? "\n    " : ",\n    ";
    first = false;
    append_json_string(f, q);
  }
  f += "\n  ],\n  \"sources\": [],\n  \"schemes\": {\n    \"employee\": {},\n    \"resident\": {}\n  }\n}\n";
  Scaffold s;
  s.path = region + "/" + effective_from.iso() + ".json";
  s.content = std::move(f);
  if (existing != nullptr) s.previous = existing->id();
  return s;
}

}  // namespace claimcalc::codec
