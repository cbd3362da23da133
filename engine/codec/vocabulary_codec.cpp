#include "engine/codec/vocabulary_codec.hpp"

#include <set>
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

}  // namespace

json vocabulary_json(const PolicyPack& pack) {
  json regions = json::array();
  std::set<std::string> seen;
  for (const auto& p : pack.policies) {
    // The national rules are not a region anyone is insured in.
    if (p.region == "national" || !seen.insert(p.region).second) continue;
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
              // So a page can refuse a too-long bill while it is pasted, not after 测算.
              {"limits", {{"items", limits::kMaxItems}, {"request_bytes", limits::kMaxRequestBytes}}}};
}

}  // namespace claimcalc::codec
