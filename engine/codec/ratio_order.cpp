#include "engine/codec/ratio_order.hpp"

#include <algorithm>
#include <set>

#include "engine/core/figure_lookup.hpp"

namespace claimcalc::codec {

namespace {

constexpr HospitalLevel kLevels[] = {HospitalLevel::primary, HospitalLevel::level1, HospitalLevel::level2,
                                     HospitalLevel::level3};

std::optional<std::size_t> pick(const std::vector<Figure<RatioSchedule>>& ratios, const LookupContext& ctx) {
  const Lookup<RatioSchedule> l = find_figure(ratios, ctx);
  if (l.figure == nullptr) return std::nullopt;
  return static_cast<std::size_t>(l.figure - ratios.data());
}

// a < b band by band; only schedules with the same edges are comparable.
bool below(const RatioSchedule& a, const RatioSchedule& b, Ratio& ra, Ratio& rb) {
  if (a.bands.size() != b.bands.size() || a.measure != b.measure) return false;
  for (std::size_t i = 0; i < a.bands.size(); ++i) {
    if (a.bands[i].from != b.bands[i].from || a.bands[i].to != b.bands[i].to) return false;
  }
  for (std::size_t i = 0; i < a.bands.size(); ++i) {
    if (a.bands[i].ratio < b.bands[i].ratio) {
      ra = a.bands[i].ratio;
      rb = b.bands[i].ratio;
      return true;
    }
  }
  return false;
}

std::vector<std::optional<int>> ages_of(const std::vector<Figure<RatioSchedule>>& ratios) {
  std::set<int> ages{40};
  for (const auto& f : ratios) {
    for (auto edge : {f.when.age_min, f.when.age_max}) {
      if (!edge) continue;
      ages.insert(*edge);
      if (*edge > 0) ages.insert(*edge - 1);
      ages.insert(*edge + 1);
    }
  }
  return {ages.begin(), ages.end()};
}

std::vector<Date> dates_of(const std::vector<Figure<RatioSchedule>>& ratios, const Date& effective_from) {
  std::vector<Date> dates{effective_from};
  for (const auto& f : ratios)
    if (f.when.care_from) dates.push_back(*f.when.care_from);
  return dates;
}

}  // namespace

std::optional<OrderProblem> check_ratio_order(const std::vector<Figure<RatioSchedule>>& ratios,
                                              const std::vector<Person>& persons, const std::vector<Tier>& tiers,
                                              const Date& effective_from) {
  std::vector<std::optional<Tier>> tier_values(tiers.begin(), tiers.end());
  if (tier_values.empty()) tier_values.push_back(std::nullopt);
  const bool retirees = std::count(persons.begin(), persons.end(), Person::retired) > 0 &&
                        std::count(persons.begin(), persons.end(), Person::active) > 0;
  for (const Date& date : dates_of(ratios, effective_from)) {
    for (const auto& age : ages_of(ratios)) {
      for (const auto& tier : tier_values) {
        for (int stay : {1, 2}) {
          LookupContext ctx;
          ctx.tier = tier;
          ctx.stay = stay;
          ctx.age = age;
          ctx.date_of_care = date;
          for (Person person : persons) {
            ctx.person = person;
            for (std::size_t lo = 0; lo < std::size(kLevels); ++lo) {
              for (std::size_t hi = lo + 1; hi < std::size(kLevels); ++hi) {
                ctx.level = kLevels[lo];
                const auto low = pick(ratios, ctx);
                ctx.level = kLevels[hi];
                const auto high = pick(ratios, ctx);
                Ratio rl, rh;
                if (!low || !high || *low == *high || !ratios[*high].note.empty() || !ratios[*low].note.empty())
                  continue;
                if (below(ratios[*low].value, ratios[*high].value, rl, rh))
                  return OrderProblem{*high,
                                      "较高等级医院的支付比例（" + format_percent(rh) + "）高于较低等级（" +
                                          format_percent(rl) + "）；如原文确实如此，请在其中一项加 note 说明",
                                      "the ratio at a higher hospital level (" + format_percent(rh) +
                                          ") is above a lower level's (" + format_percent(rl) +
                                          "); if the text says so, add a note to either figure"};
              }
            }
          }
          if (!retirees) continue;
          for (HospitalLevel level : kLevels) {
            ctx.level = level;
            ctx.person = Person::retired;
            const auto retired = pick(ratios, ctx);
            ctx.person = Person::active;
            const auto active = pick(ratios, ctx);
            Ratio rr, ra;
            if (!retired || !active || *retired == *active || !ratios[*retired].note.empty() ||
                !ratios[*active].note.empty())
              continue;
            if (below(ratios[*retired].value, ratios[*active].value, rr, ra))
              return OrderProblem{*retired,
                                  "退休人员的支付比例（" + format_percent(rr) + "）低于在职职工（" +
                                      format_percent(ra) + "）；如原文确实如此，请在其中一项加 note 说明",
                                  "a retiree's ratio (" + format_percent(rr) + ") is below an active worker's (" +
                                      format_percent(ra) + "); if the text says so, add a note to either figure"};
          }
        }
      }
    }
  }
  return std::nullopt;
}

}  // namespace claimcalc::codec
