#include "engine/core/layered_rules.hpp"

namespace claimcalc {

namespace {

const SchemePolicy* scheme_of(const Policy* p, Scheme s) {
  if (p == nullptr) return nullptr;
  const auto it = p->schemes.find(s);
  return it == p->schemes.end() ? nullptr : &it->second;
}

const SettingPolicy* setting_of(const SchemePolicy* s, Setting st) {
  if (s == nullptr) return nullptr;
  const auto it = s->settings.find(st);
  return it == s->settings.end() ? nullptr : &it->second;
}

template <class T>
void fill(std::vector<T>& city, const std::vector<T>& province) {
  if (city.empty()) city = province;
}

}  // namespace

void layered_rules(const Layers& layers, Scheme scheme, Setting setting, LayeredRules& out) {
  const SchemePolicy* city = scheme_of(layers.city, scheme);
  const SchemePolicy* province = scheme_of(layers.province, scheme);
  if (city == nullptr || province == nullptr) {
    out.scheme = city != nullptr ? city : province;
    out.setting = setting_of(out.scheme, setting);
    return;
  }
  out.merged_scheme.persons = city->persons.empty() ? province->persons : city->persons;
  out.merged_scheme.tiers = city->tiers.empty() ? province->tiers : city->tiers;
  out.merged_scheme.waiting_period = city->waiting_period ? city->waiting_period : province->waiting_period;
  out.merged_scheme.critical_illness = city->critical_illness ? city->critical_illness : province->critical_illness;
  out.scheme = &out.merged_scheme;
  const SettingPolicy* cs = setting_of(city, setting);
  const SettingPolicy* ps = setting_of(province, setting);
  if (cs == nullptr || ps == nullptr) {
    out.setting = cs != nullptr ? cs : ps;
    return;
  }
  out.merged_setting = *cs;
  if (cs->deductible.empty()) out.merged_setting.deductible_basis = ps->deductible_basis;
  fill(out.merged_setting.class_b_upfront_share, ps->class_b_upfront_share);
  fill(out.merged_setting.deductible, ps->deductible);
  fill(out.merged_setting.ratio, ps->ratio);
  fill(out.merged_setting.annual_cap, ps->annual_cap);
  fill(out.merged_setting.monthly_cap, ps->monthly_cap);
  fill(out.merged_setting.diseases, ps->diseases);
  out.setting = &out.merged_setting;
}

}  // namespace claimcalc
