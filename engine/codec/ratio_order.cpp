#include "engine/codec/ratio_order.hpp"

#include <algorithm>
#include <map>

namespace claimcalc::codec {

namespace {

constexpr int kAnyLevel = -1;

bool flat(const Figure<RatioSchedule>& f) { return f.value.bands.size() == 1; }

template <class E>
bool has(const std::vector<E>& list, E v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

// Everything a figure depends on except the person and the hospital level.
std::string group_of(const Condition& w) {
  std::string key;
  for (auto v : w.tiers) key += std::to_string(static_cast<int>(v)) + ",";
  for (const auto& v : {w.stay_from, w.stay_to, w.age_min, w.age_max}) key += ";" + (v ? std::to_string(*v) : "-");
  key += ";" + (w.care_from ? w.care_from->iso() : "-") + ";" + (w.care_to ? w.care_to->iso() : "-");
  return key;
}

}  // namespace

std::optional<OrderProblem> check_retiree_order(const std::vector<Figure<RatioSchedule>>& ratios) {
  // Highest active ratio per (group, level), kAnyLevel for figures without a level condition.
  std::map<std::pair<std::string, int>, Ratio> active;
  std::map<std::string, Ratio> active_any_level;  // highest over every level of the group
  for (const auto& f : ratios) {
    if (!flat(f) || !f.note.empty()) continue;
    if (!f.when.persons.empty() && !has(f.when.persons, Person::active)) continue;
    const std::string g = group_of(f.when);
    const Ratio r = f.value.bands[0].ratio;
    std::vector<int> levels;
    for (auto l : f.when.levels) levels.push_back(static_cast<int>(l));
    if (levels.empty()) levels.push_back(kAnyLevel);
    for (int l : levels) {
      auto& best = active[{g, l}];
      best = std::max(best, r);
    }
    auto& any = active_any_level[g];
    any = std::max(any, r);
  }
  for (std::size_t i = 0; i < ratios.size(); ++i) {
    const auto& f = ratios[i];
    if (!flat(f) || !f.note.empty() || f.when.persons.size() != 1 || f.when.persons[0] != Person::retired) continue;
    const std::string g = group_of(f.when);
    Ratio highest;
    if (f.when.levels.empty()) {
      if (auto it = active_any_level.find(g); it != active_any_level.end()) highest = it->second;
    } else {
      for (auto l : f.when.levels)
        for (int key : {static_cast<int>(l), kAnyLevel})
          if (auto it = active.find({g, key}); it != active.end()) highest = std::max(highest, it->second);
    }
    const Ratio r = f.value.bands[0].ratio;
    if (r < highest)
      return OrderProblem{i,
                          "退休人员的支付比例（" + format_percent(r) + "）低于相同条件下在职职工的（" +
                              format_percent(highest) + "）；如原文确实如此，请在其中一项加 note 说明",
                          "a retiree's ratio (" + format_percent(r) + ") is below an active worker's (" +
                              format_percent(highest) +
                              ") under the same conditions; if the text says so, add a note "
                              "to either figure"};
  }
  return std::nullopt;
}

}  // namespace claimcalc::codec
