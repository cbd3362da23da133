#include "engine/core/process_lookup.hpp"

#include <algorithm>

#include "engine/core/unknowns.hpp"

namespace claimcalc {

FoundProcess find_process(const std::string& id, const Policy& insured, const PolicyPack& pack, const Date& on) {
  const auto it = insured.processes.find(id);
  if (it != insured.processes.end()) return {&it->second, &insured};
  if (const Policy* national = pack.national(on)) {
    const auto n = national->processes.find(id);
    if (n != national->processes.end()) return {&n->second, national};
  }
  return {};
}

void attach_manual_claim(const Claim& claim, const Policy& insured, const PolicyPack& pack, Estimate& est) {
  const FoundProcess found = find_process("manual_claim", insured, pack, claim.date_of_care);
  if (found.process == nullptr) {
    est.cannot_estimate.push_back(cannot_estimate("materials", "policy:processes.manual_claim"));
    return;
  }
  est.process_policy = found.policy;
  est.channels = found.process->channels;
  for (const auto& m : found.process->materials) {
    if (m.settings.empty() || std::find(m.settings.begin(), m.settings.end(), claim.setting) != m.settings.end())
      est.materials.push_back(m);
  }
  for (const auto& rule : found.process->deadlines) {
    std::string needs;
    const auto start = deadline_start(rule, claim, needs);
    if (!start) {
      est.cannot_estimate.push_back(cannot_estimate("deadlines", needs));
      continue;
    }
    est.deadlines.push_back(compute_deadline(rule, *start));
  }
  if (found.process->deadlines.empty())
    est.cannot_estimate.push_back(cannot_estimate("deadlines", "policy:processes.manual_claim.deadlines"));
}

}  // namespace claimcalc
