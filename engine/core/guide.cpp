#include "engine/core/guide.hpp"

#include <algorithm>

#include "engine/core/cross_region.hpp"
#include "engine/core/unknowns.hpp"

namespace claimcalc {

namespace {

constexpr const char* kScenarios[] = {"manual_claim", "reverse_settlement", "late_claim", "cross_region_filing",
                                      "special_disease"};

const Process* process_of(const Policy* p, const std::string& id) {
  if (p == nullptr) return nullptr;
  const auto it = p->processes.find(id);
  return it == p->processes.end() ? nullptr : &it->second;
}

}  // namespace

bool is_scenario(const std::string& id) {
  return std::any_of(std::begin(kScenarios), std::end(kScenarios), [&](const char* s) { return id == s; });
}

const char* scenario_list() {
  return "manual_claim, reverse_settlement, late_claim, cross_region_filing, special_disease";
}

Guide build_guide(const std::string& scenario, const Layers& layers, const Claim* claim,
                  std::optional<CareScope> scope) {
  Guide g;
  g.scenario = scenario;
  g.region = layers.city;
  g.province = layers.province;
  std::vector<std::pair<const Process*, const Policy*>> found;
  for (const Policy* layer : layers.ordered())
    if (const Process* proc = process_of(layer, scenario)) found.emplace_back(proc, layer);
  if (!found.empty()) {
    g.title_zh = found.front().first->title_zh;
    g.title_en = found.front().first->title_en;
  }
  bool left_out = false;
  for (const auto& [proc, pol] : found) {
    for (const auto& s : proc->steps) {
      const bool other_care = s.scope && scope && *s.scope != *scope;
      left_out = left_out || other_care;
      if (!other_care) g.steps.push_back({s, pol});
    }
    for (const auto& c : proc->channels) g.channels.push_back({c, pol});
  }
  // Materials and deadlines are the most specific layer's that has them: an upper layer's list is a fallback.
  const auto pick = [&](auto member) -> std::pair<const Process*, const Policy*> {
    for (const auto& f : found)
      if (!(f.first->*member).empty()) return f;
    return {nullptr, nullptr};
  };
  if (auto [proc, pol] = pick(&Process::materials); proc != nullptr) {
    for (const auto& m : proc->materials) {
      if (claim == nullptr || m.settings.empty() ||
          std::find(m.settings.begin(), m.settings.end(), claim->setting) != m.settings.end())
        g.materials.push_back({m, pol});
    }
  }
  const auto [deadline_proc, deadline_pol] = pick(&Process::deadlines);
  if (deadline_proc != nullptr) {
    for (const auto& rule : deadline_proc->deadlines) {
      if (claim == nullptr) {
        g.cannot_estimate.push_back(cannot_estimate("deadlines", "date_of_care", Texts::both));
        break;
      }
      std::string needs;
      const auto start = deadline_start(rule, *claim, needs);
      if (!start) {
        g.cannot_estimate.push_back(cannot_estimate("deadlines", needs, Texts::both));
        continue;
      }
      g.deadlines.push_back({compute_deadline(rule, *start), deadline_pol});
    }
  }
  // What no source gave: each layer's own gaps, down to the layer whose deadlines apply (an upper layer's note
  // that the time limit is unknown no longer holds once a lower layer gives it).
  for (const auto& [proc, pol] : found) {
    g.not_in_data.insert(g.not_in_data.end(), proc->not_in_data.begin(), proc->not_in_data.end());
    if (pol == deadline_pol) break;
  }
  if (left_out) g.not_in_data.emplace_back(kOtherScopeZh, kOtherScopeEn);
  return g;
}

}  // namespace claimcalc
