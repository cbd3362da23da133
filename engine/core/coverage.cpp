#include "engine/core/coverage.hpp"

#include <algorithm>

#include "engine/core/layered_rules.hpp"
#include "engine/core/region_resolve.hpp"

namespace claimcalc {

namespace {

constexpr const char* kScenarios[] = {"manual_claim", "cross_region_filing", "late_claim", "reverse_settlement",
                                      "special_disease"};

bool is_secondary(const Layers& layers, const Citation& cite) {
  const Policy* p = layers.holding(cite, nullptr);
  const Source* s = p != nullptr ? p->source(cite.source_id) : nullptr;
  return s != nullptr && s->confidence == Confidence::secondary;
}

template <class V>
PartCoverage figures_part(std::string name, const std::vector<Figure<V>>& figures, const Layers& layers) {
  PartCoverage c;
  c.part = std::move(name);
  if (figures.empty()) return c;
  c.present = true;
  c.layer = figures.front().cite.layer;
  for (const auto& f : figures) c.secondary = c.secondary || is_secondary(layers, f.cite);
  return c;
}

PartCoverage cited_part(std::string name, const Citation* cite, const Layers& layers) {
  PartCoverage c;
  c.part = std::move(name);
  if (cite == nullptr) return c;
  c.present = true;
  c.layer = cite->layer;
  c.secondary = is_secondary(layers, *cite);
  return c;
}

SchemeCoverage scheme_coverage(const Layers& layers, Scheme scheme) {
  SchemeCoverage out;
  out.scheme = scheme;
  for (Setting setting : {Setting::inpatient, Setting::outpatient, Setting::chronic_outpatient}) {
    LayeredRules rules;
    layered_rules(layers, scheme, setting, rules);
    const SettingPolicy* s = rules.setting;
    const std::string prefix = std::string(name_of(setting)) + ".";
    static const SettingPolicy kNone;
    const SettingPolicy& sp = s != nullptr ? *s : kNone;
    out.parts.push_back(figures_part(prefix + "deductible", sp.deductible, layers));
    out.parts.push_back(figures_part(prefix + "ratio", sp.ratio, layers));
    out.parts.push_back(figures_part(prefix + "annual_cap", sp.annual_cap, layers));
    out.parts.push_back(figures_part(prefix + "class_b_upfront_share", sp.class_b_upfront_share, layers));
  }
  LayeredRules rules;
  layered_rules(layers, scheme, Setting::inpatient, rules);
  const SchemePolicy* sc = rules.scheme;
  const CriticalIllnessPolicy* ci = sc != nullptr && sc->critical_illness ? &*sc->critical_illness : nullptr;
  out.parts.push_back(ci != nullptr ? figures_part("critical_illness", ci->ratio, layers)
                                    : figures_part("critical_illness", std::vector<Figure<Fen>>{}, layers));
  out.parts.push_back(
      cited_part("waiting_period", sc != nullptr && sc->waiting_period ? &sc->waiting_period->cite : nullptr, layers));
  return out;
}

std::vector<PartCoverage> common_coverage(const Layers& layers) {
  std::vector<PartCoverage> out;
  const auto first = [&](auto pick) -> const Citation* {
    for (const Policy* p : layers.ordered())
      if (p != nullptr && p->cross_region)
        if (const Citation* c = pick(*p->cross_region)) return c;
    return nullptr;
  };
  out.push_back(cited_part("cross_region.ratio", first([](const CrossRegionPolicy& c) -> const Citation* {
                             return c.ratio_multipliers.empty() ? nullptr : &c.ratio_multipliers.front().cite;
                           }),
                           layers));
  out.push_back(cited_part("cross_region.validity", first([](const CrossRegionPolicy& c) -> const Citation* {
                             return c.validity.empty() ? nullptr : &c.validity.front().cite;
                           }),
                           layers));
  for (const char* scenario : kScenarios) {
    PartCoverage c;
    c.part = std::string("processes.") + scenario;
    for (const Policy* p : layers.ordered()) {
      if (p == nullptr) continue;
      const auto it = p->processes.find(scenario);
      if (it == p->processes.end()) continue;
      c.present = true;
      c.layer = p->region;
      for (const auto& s : it->second.steps) c.secondary = c.secondary || is_secondary(layers, s.cite);
      for (const auto& m : it->second.materials) c.secondary = c.secondary || is_secondary(layers, m.cite);
      for (const auto& d : it->second.deadlines) c.secondary = c.secondary || is_secondary(layers, d.cite);
      break;
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

std::vector<RegionCoverage> pack_coverage(const PolicyPack& pack) {
  std::vector<std::string> regions;
  for (const auto& p : pack.policies)
    if (p.layer != Layer::national && std::find(regions.begin(), regions.end(), p.region) == regions.end())
      regions.push_back(p.region);
  std::sort(regions.begin(), regions.end());
  std::vector<RegionCoverage> out;
  for (const auto& region : regions) {
    RegionCoverage rc;
    rc.policy = pack.latest(region);
    for (const auto& p : pack.policies) rc.versions += p.region == region ? 1 : 0;
    Layers layers = layers_for(region, pack, nullptr);
    if (rc.policy->layer == Layer::province) layers.province = rc.policy;  // a province file stands for itself
    for (Scheme s : {Scheme::employee, Scheme::resident}) rc.schemes.push_back(scheme_coverage(layers, s));
    rc.common = common_coverage(layers);
    out.push_back(std::move(rc));
  }
  return out;
}

}  // namespace claimcalc
