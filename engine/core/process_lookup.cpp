#include "engine/core/process_lookup.hpp"

#include <algorithm>

#include "engine/core/unknowns.hpp"

namespace claimcalc {

FoundProcess find_process(const std::string& id, const Layers& layers) {
  for (const Policy* layer : layers.ordered()) {
    if (layer == nullptr) continue;
    const auto it = layer->processes.find(id);
    if (it != layer->processes.end()) return {&it->second, layer};
  }
  return {};
}

void attach_manual_claim(const Claim& claim, const Layers& layers, Estimate& est) {
  const FoundProcess found = find_process("manual_claim", layers);
  if (found.process == nullptr) {
    est.cannot_estimate.push_back(cannot_estimate("materials", "policy:processes.manual_claim", est.trace.languages()));
    return;
  }
  est.process_policy = found.policy;
  // A figures-only answer has no documents, deadlines or channels: only what they cannot give is kept.
  const bool full = est.trace.texts();
  if (full) est.channels = found.process->channels;
  for (const auto& m : found.process->materials) {
    if (!full) break;
    if (m.settings.empty() || std::find(m.settings.begin(), m.settings.end(), claim.setting) != m.settings.end())
      est.materials.push_back(m);
  }
  for (const auto& rule : found.process->deadlines) {
    std::string needs;
    const auto start = deadline_start(rule, claim, needs);
    if (!start) {
      est.cannot_estimate.push_back(cannot_estimate("deadlines", needs, est.trace.languages()));
      continue;
    }
    if (full) est.deadlines.push_back(compute_deadline(rule, *start));
  }
  if (found.process->deadlines.empty())
    est.cannot_estimate.push_back(
        cannot_estimate("deadlines", "policy:processes.manual_claim.deadlines", est.trace.languages()));
}

}  // namespace claimcalc
