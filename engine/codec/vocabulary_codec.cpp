#include "engine/codec/vocabulary_codec.hpp"

#include <string>
#include <string_view>

#include "engine/core/limits.hpp"
#include "engine/core/vocabulary.hpp"

namespace claimcalc::codec {

namespace {

// Every name of E in the engine's order, with its labels.
template <class E>
json labelled() {
  json out = json::array();
  for (const std::string_view name : Vocabulary<E>::names()) {
    const auto v = from_name<E>(name);
    if (!v) continue;
    out.push_back({{"name", std::string(name)}, {"zh", std::string(label_zh(*v))}, {"en", std::string(label_en(*v))}});
  }
  return out;
}

// Every province (provinces) or city of the registry: code, names, its province's code, and the region id of the
// pack's file for the place where it has one (what that file covers: the `policies` op's schemes[].settings). A picker
// lists every place and marks the covered ones; a city without a file still gets the process answers from its
// province's and the national layer.
json places(const PolicyPack& pack, bool provinces) {
  json out = json::array();
  for (const Division& d : pack.divisions) {
    if (!(provinces ? d.province_level : d.city_level)) continue;
    json e = {{"code", d.code}, {"zh", d.name_zh}, {"short", std::string(d.short_zh())}};
    if (!provinces) e["province"] = d.province_code();
    for (const auto& p : pack.policies) {
      if (p.region_code != d.code || (p.layer == Layer::province) != provinces) continue;
      e["region"] = p.region;
      break;
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

json vocabulary_json(const PolicyPack& pack) {
  json regions = json::array();
  for (const auto& p : pack.policies) {
    // The national rules are not a region anyone is insured in; a region is listed once, by its newest version.
    if (p.layer == Layer::national || pack.latest(p.region) != &p) continue;
    regions.push_back({{"region", p.region}, {"zh", p.name_zh}, {"en", p.name_en}, {"province", p.province}});
  }
  return json{{"schemes", labelled<Scheme>()},
              {"persons", labelled<Person>()},
              {"tiers", labelled<Tier>()},
              {"settings", labelled<Setting>()},
              {"levels", labelled<HospitalLevel>()},
              {"classes", labelled<ItemClass>()},
              {"filings", labelled<Filing>()},
              {"settlements", labelled<SettlementMode>()},
              {"regions", std::move(regions)},
              {"provinces", places(pack, true)},
              {"cities", places(pack, false)},
              // So a page can refuse a too-long bill while it is pasted, not after 测算.
              {"limits", {{"items", limits::kMaxItems}, {"request_bytes", limits::kMaxRequestBytes}}}};
}

}  // namespace claimcalc::codec
