#include "engine/core/guide.hpp"

#include <algorithm>

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

Guide build_guide(const std::string& scenario, const Policy* region, const Policy* national, const Claim* claim) {
  Guide g;
  g.scenario = scenario;
  g.region = region;
  const Process* local = process_of(region, scenario);
  const Process* common = process_of(national, scenario);
  const Process* title = local != nullptr ? local : common;
  if (title != nullptr) {
    g.title_zh = title->title_zh;
    g.title_en = title->title_en;
  }
  for (const auto& [proc, pol] : {std::make_pair(local, region), std::make_pair(common, national)}) {
    if (proc == nullptr) continue;
    for (const auto& s : proc->steps) g.steps.push_back({s, pol});
    for (const auto& c : proc->channels) g.channels.push_back({c, pol});
  }
  // Materials and deadlines are the region's when it has them: the national list is only a fallback.
  const auto pick = [&](auto member) -> std::pair<const Process*, const Policy*> {
    if (local != nullptr && !(local->*member).empty()) return {local, region};
    if (common != nullptr && !(common->*member).empty()) return {common, national};
    return {nullptr, nullptr};
  };
  if (auto [proc, pol] = pick(&Process::materials); proc != nullptr) {
    for (const auto& m : proc->materials) {
      if (claim == nullptr || m.settings.empty() ||
          std::find(m.settings.begin(), m.settings.end(), claim->setting) != m.settings.end())
        g.materials.push_back({m, pol});
    }
  }
  if (auto [proc, pol] = pick(&Process::deadlines); proc != nullptr) {
    for (const auto& rule : proc->deadlines) {
      if (claim == nullptr) {
        g.cannot_estimate.push_back(cannot_estimate("deadlines", "date_of_care"));
        break;
      }
      std::string needs;
      const auto start = deadline_start(rule, *claim, needs);
      if (!start) {
        g.cannot_estimate.push_back(cannot_estimate("deadlines", needs));
        continue;
      }
      g.deadlines.push_back({compute_deadline(rule, *start), pol});
    }
  }
  // What no source gave: the region's own gaps, and the national ones where the region has no rule of its own.
  if (local != nullptr) g.not_in_data.insert(g.not_in_data.end(), local->not_in_data.begin(), local->not_in_data.end());
  if (common != nullptr && (local == nullptr || local->deadlines.empty()))
    g.not_in_data.insert(g.not_in_data.end(), common->not_in_data.begin(), common->not_in_data.end());
  return g;
}

}  // namespace claimcalc
