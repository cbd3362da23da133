#include "engine/core/region_resolve.hpp"

#include <algorithm>

#include "engine/core/provinces.hpp"

namespace claimcalc {

namespace {

bool is_code(const std::string& text) {
  return text.size() == 6 && text.find_first_not_of("0123456789") == std::string::npos;
}

// The code a six-digit text names (std::stol would bring libc++'s out_of_range reporting, and with it printf, into
// the wasm for a case is_code already rules out).
std::int32_t code_of(const std::string& text) {
  std::int32_t code = 0;
  for (const char c : text) code = code * 10 + (c - '0');
  return code;
}

std::int32_t province_of_code(std::int32_t code) { return code / 10000 * 10000; }

// The pack's newest file of a region: where its code, layer and names are read.
const Policy* any_version(const PolicyPack& pack, const std::string& region) { return pack.latest(region); }

const Policy* policy_with_code(const PolicyPack& pack, std::int32_t code, Layer layer) {
  for (const auto& p : pack.policies)
    if (p.region_code == code && p.layer == layer) return &p;
  return nullptr;
}

std::string code_text(std::int32_t code) { return std::to_string(code); }

Place place_of_division(const Division& d, const PolicyPack& pack) {
  Place place;
  place.division = &d;
  place.name_zh = d.name_zh;
  place.province_code = d.province_code();
  const Policy* p = policy_with_code(pack, d.code, d.city_level ? Layer::city : Layer::province);
  if (p != nullptr) place.pack_id = p->region;
  return place;
}

Error unknown_place(std::string_view field, const std::string& text) {
  return make_error(
      ErrorCode::unknown_region, std::string(field),
      "不认识的地区「" + text + "」：请填写地级市（含直辖市）名称，如 广州 或 广州市，或 6 位行政区划代码",
      "unknown place \"" + text +
          "\": give a prefecture-level city (or municipality) by name, e.g. 广州 or 广州市, or its "
          "6-digit division code");
}

std::string joined(const std::vector<const Division*>& list) {
  std::string s;
  for (const Division* d : list)
    s += (s.empty() ? "" : "、") + std::string(d->name_zh) + "（" + code_text(d->code) + "）";
  return s;
}

// A province as care_province names it: a registry name or code, a province layer's id, or the province id a
// city file of the pack uses. 0 when none of these.
std::int32_t province_code_of(const std::string& text, const PolicyPack& pack) {
  if (is_code(text)) {
    const Division* d = pack.divisions.by_code(code_of(text));
    return d != nullptr ? d->province_code() : 0;
  }
  for (const Division* d : pack.divisions.by_name(text))
    if (d->province_level) return d->code;
  for (const auto& p : pack.policies) {
    if (p.region_code == 0) continue;
    if ((p.region == text && p.layer == Layer::province) || p.province == text) return province_of_code(p.region_code);
  }
  return 0;
}

Place unnamed_care_place() {
  Place place;
  place.pack_id = std::string(kUnnamedCareRegion);
  place.name_zh = "其他城市";
  return place;
}

}  // namespace

std::string Place::id() const {
  if (!pack_id.empty()) return pack_id;
  return division != nullptr ? code_text(division->code) : name_zh;
}

Result<Place> resolve_place(const std::string& text, const PolicyPack& pack, std::string_view field) {
  if (const Policy* p = any_version(pack, text)) {
    Place place;
    place.pack_id = p->region;
    place.name_zh = p->name_zh;
    if (p->region_code != 0) {
      place.division = pack.divisions.by_code(p->region_code);
      place.province_code = province_of_code(p->region_code);
    }
    return place;
  }
  if (is_code(text)) {
    const auto code = code_of(text);
    if (const Division* d = pack.divisions.by_code(code)) return place_of_division(*d, pack);
    return unknown_place(field, text);
  }
  std::vector<const Division*> found = pack.divisions.by_name(text);
  if (found.size() > 1) {
    const auto exact = std::find_if(found.begin(), found.end(), [&](const Division* d) { return text == d->name_zh; });
    if (exact != found.end()) found = {*exact};
  }
  if (found.size() > 1) {
    return make_error(ErrorCode::unknown_region, std::string(field),
                      "「" + text + "」可指 " + joined(found) + "：请写全称或代码",
                      "\"" + text + "\" could mean " + joined(found) + ": give the full name or the code");
  }
  if (found.size() == 1) return place_of_division(*found.front(), pack);
  for (const auto& p : pack.policies) {
    if (p.name_zh == text && p.layer != Layer::national) return resolve_place(p.region, pack, field);
  }
  return unknown_place(field, text);
}

Result<ClaimPlaces> claim_places(const Claim& claim, const PolicyPack& pack) {
  const std::string& care_text = claim.care_region.empty() ? claim.insured_region : claim.care_region;
  auto insured = resolve_place(claim.insured_region, pack, "insured_region");
  if (!insured.ok()) return insured.error();
  // "other": a city the asker does not name (the page's 其他城市); care_province, if given, places it.
  // Care at home (no care_region, or the insured text again) is the insured place: resolved once, not copied.
  const bool at_home = care_text != kUnnamedCareRegion && care_text == claim.insured_region;
  std::optional<Result<Place>> elsewhere;
  if (!at_home) {
    elsewhere.emplace(care_text == kUnnamedCareRegion ? Result<Place>(unnamed_care_place())
                                                      : resolve_place(care_text, pack, "care_region"));
  }
  const Result<Place>& care = at_home ? insured : *elsewhere;
  if (!care.ok()) return care.error();
  for (const auto& [place, field] : {std::pair<const Place*, const char*>(&insured.value(), "insured_region"),
                                     std::pair<const Place*, const char*>(&care.value(), "care_region")}) {
    if (place->division != nullptr && !place->division->city_level) {
      return make_error(ErrorCode::unknown_region, field,
                        "「" + place->name_zh + "」是省级行政区：请填写其中的城市（地级市）",
                        "\"" + place->name_zh + "\" is a province: give the city (prefecture-level) in it");
    }
  }
  ClaimPlaces out;
  out.insured_region = insured.value().id();
  out.care_region = care.value().id();
  out.insured_province_code = insured.value().province_code;
  out.care_province_code = care.value().province_code;
  out.care_name_zh = care.value().name_zh;
  if (!claim.care_province.empty()) {
    const std::int32_t given = province_code_of(claim.care_province, pack);
    const std::int32_t derived = care.value().province_code;
    // A pinyin province id (guangdong) names a province but not its code: the care region's own province is used.
    if (given == 0 && !is_province_id(claim.care_province)) {
      return make_error(ErrorCode::unknown_value, "care_province",
                        "不认识的省份「" + claim.care_province +
                            "」：请填写省名（如 广东、广东省）、代码（440000）或 " + province_ids_list(),
                        "unknown province \"" + claim.care_province +
                            "\": give its name (广东, 广东省), code (440000) or " + province_ids_list());
    }
    if (given != 0 && derived != 0 && given != derived) {
      const Division* d = pack.divisions.by_code(derived);
      const std::string province = d != nullptr ? d->name_zh : code_text(derived);
      return make_error(ErrorCode::inconsistent, "care_province",
                        "care_province「" + claim.care_province + "」与就医地「" + care.value().name_zh +
                            "」所在的省份（" + province + "）不一致",
                        "care_province \"" + claim.care_province + "\" contradicts the care region \"" +
                            care.value().name_zh + "\", which is in " + province);
    }
    if (derived == 0) out.care_province_code = given;
  }
  return out;
}

void apply_places(const ClaimPlaces& places, Claim& claim) {
  claim.insured_region = places.insured_region;
  claim.care_region = places.care_region;
  claim.insured_province_code = places.insured_province_code;
  claim.care_province_code = places.care_province_code;
  claim.care_name_zh = places.care_name_zh;
}

std::optional<Error> resolve_claim_places(Claim& claim, const PolicyPack& pack) {
  const Result<ClaimPlaces> places = claim_places(claim, pack);
  if (!places.ok()) return places.error();
  apply_places(places.value(), claim);
  return std::nullopt;
}

Layers layers_for(const std::string& insured_region, const PolicyPack& pack, const Date* on) {
  const auto version = [&](const std::string& region) {
    return on != nullptr ? pack.in_force(region, *on) : pack.latest(region);
  };
  Layers layers;
  layers.national = version("national");
  const Policy* city = any_version(pack, insured_region);
  if (city != nullptr && city->layer == Layer::city) layers.city = version(insured_region);
  std::int32_t code = 0;
  if (city != nullptr)
    code = city->region_code;
  else if (is_code(insured_region))
    code = code_of(insured_region);
  for (const auto& p : pack.policies) {
    if (p.layer != Layer::province) continue;
    const bool named = city != nullptr && !city->province.empty() && p.region == city->province;
    const bool coded = code != 0 && p.region_code != 0 && p.region_code == province_of_code(code);
    if (named || coded) {
      layers.province = version(p.region);
      break;
    }
  }
  return layers;
}

Error no_city_policy(const std::string& insured_region, const PolicyPack& pack) {
  const Division* d = is_code(insured_region) ? pack.divisions.by_code(code_of(insured_region)) : nullptr;
  const std::string city = d != nullptr ? d->name_zh : insured_region;
  if (d == nullptr) {
    return make_error(ErrorCode::unknown_region, "insured_region", "没有参保地「" + city + "」的政策数据",
                      "no policy data for insured region \"" + city + "\"");
  }
  const Division* prov = pack.divisions.province_of(*d);
  const std::string province = prov != nullptr ? prov->name_zh : code_text(d->province_code());
  std::string have_zh, have_en;
  for (const auto& p : pack.policies) {
    if (p.region_code == 0 || province_of_code(p.region_code) != d->province_code()) continue;
    const std::string entry = p.name_zh + (p.layer == Layer::province ? "（全省规则）" : "");
    if (have_zh.find(entry) != std::string::npos) continue;
    have_zh += (have_zh.empty() ? "" : "、") + entry;
    have_en += (have_en.empty() ? "" : ", ") + p.name_en + " (" + p.region +
               (p.layer == Layer::province ? ", province-wide rules" : "") + ")";
  }
  return make_error(
      ErrorCode::unknown_region, "insured_region",
      "暂无参保地「" + city + "」的待遇数据，无法测算报销金额。数据包中" + province + "：" +
          (have_zh.empty() ? "没有收录任何地区" : "有" + have_zh) + "。办理流程（材料、时限、渠道）可用 guide 查询。",
      "no benefit data for insured city " + city + " (" + code_text(d->code) + "), so nothing can be estimated. For " +
          province + " the pack has: " + (have_en.empty() ? "nothing" : have_en) +
          ". The process answers (documents, deadlines, channels) are available through guide.");
}

std::optional<Error> check_places(const PolicyPack& pack) {
  for (const auto& p : pack.policies) {
    const std::string field = p.region + "/" + p.effective_from.iso() + ".json#/region_code";
    if (p.layer == Layer::province && p.region_code == 0) {
      return make_error(ErrorCode::policy_invalid, field, "省级规则文件须填写 region_code（省的行政区划代码）",
                        "a province file needs region_code (the province's division code)");
    }
    if (p.region_code == 0 || pack.divisions.empty()) continue;
    const Division* d = pack.divisions.by_code(p.region_code);
    if (d == nullptr) {
      return make_error(ErrorCode::policy_invalid, field, "行政区划代码 " + code_text(p.region_code) + " 不在区划表中",
                        "division code " + code_text(p.region_code) + " is not in the registry");
    }
    if ((p.layer == Layer::province && !d->province_level) || (p.layer == Layer::city && !d->city_level)) {
      return make_error(ErrorCode::policy_invalid, field,
                        code_text(p.region_code) + "（" + d->name_zh + "）与文件的 layer 不符",
                        code_text(p.region_code) + " (" + d->name_zh + ") does not match the file's layer");
    }
    if (p.name_zh != d->name_zh) {
      return make_error(ErrorCode::policy_invalid, field,
                        code_text(p.region_code) + " 是「" + d->name_zh + "」，与 name_zh「" + p.name_zh + "」不符",
                        code_text(p.region_code) + " is " + d->name_zh + ", not name_zh " + p.name_zh);
    }
  }
  return std::nullopt;
}

}  // namespace claimcalc
