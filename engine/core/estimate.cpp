#include "engine/core/estimate.hpp"

#include <algorithm>
#include <set>

#include "engine/core/adjudication.hpp"
#include "engine/core/context_cache.hpp"
#include "engine/core/critical_illness.hpp"
#include "engine/core/cross_region.hpp"
#include "engine/core/eligibility.hpp"
#include "engine/core/estimate_room.hpp"
#include "engine/core/layered_rules.hpp"
#include "engine/core/next_questions.hpp"
#include "engine/core/process_lookup.hpp"
#include "engine/core/range_dimensions.hpp"
#include "engine/core/ranges.hpp"
#include "engine/core/region_files.hpp"
#include "engine/core/region_resolve.hpp"
#include "engine/core/settlement.hpp"
#include "engine/core/tier_alike.hpp"
#include "engine/core/unknowns.hpp"
#include "engine/core/year_to_date.hpp"

namespace claimcalc {

namespace {

template <class E>
bool contains(const std::vector<E>& list, E v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

template <class E>
std::string joined_names(const std::vector<E>& list) {
  std::string s;
  for (E v : list) s += (s.empty() ? "" : ", ") + std::string(name_of(v));
  return s;
}

// Request fields that depend on the region: checked against the scheme's lists.
std::optional<Error> check_person_and_tier(const Claim& claim, const SchemePolicy& scheme,
                                           std::vector<Warning>& warnings) {
  if (claim.person && !scheme.persons.empty() && !contains(scheme.persons, *claim.person)) {
    const std::string list = joined_names(scheme.persons);
    return make_error(ErrorCode::unknown_value, "person", "该地区此险种没有这一人员类别，可选：" + list,
                      "this region's scheme has no such person type; expected one of: " + list);
  }
  if (claim.tier) {
    if (scheme.tiers.empty()) {
      warnings.push_back({"tier_ignored", "该地区此险种不分缴费档次，已忽略 tier。",
                          "This region's scheme has no contribution grades; tier was ignored."});
    } else if (!contains(scheme.tiers, *claim.tier)) {
      const std::string list = joined_names(scheme.tiers);
      return make_error(ErrorCode::unknown_value, "tier", "该地区此险种没有这一缴费档次，可选：" + list,
                        "this region's scheme has no such tier; expected one of: " + list);
    }
  }
  return std::nullopt;
}

const Disease* find_disease(const SettingPolicy& setting, const std::string& id) {
  for (const auto& d : setting.diseases)
    if (d.id == id) return &d;
  return nullptr;
}

bool any_stay_condition(const std::vector<Figure<Fen>>& figures) {
  return std::any_of(figures.begin(), figures.end(),
                     [](const Figure<Fen>& f) { return f.when.stay_from || f.when.stay_to; });
}

// seen: the room's list of sources met (a handful per answer: a list beats a set), emptied here. The sentences in
// the languages the answer is written in only (the code in every choice), as cannot_estimate's.
void warn_secondary_sources(const Estimate& est, const Trace& trace, Texts languages,
                            std::vector<const Citation*>& seen, std::vector<Warning>& warnings) {
  seen.clear();
  seen.reserve(8);
  for (const auto& step : trace.steps()) {
    if (!step.cite) continue;
    const Citation& c = *step.cite;
    if (std::any_of(seen.begin(), seen.end(),
                    [&](const Citation* s) { return s->source_id == c.source_id && s->layer == c.layer; }))
      continue;
    seen.push_back(&c);
    const Policy* layer = est.layers.holding(c, est.policy);
    const Source* src = layer != nullptr ? layer->source(c.source_id) : nullptr;
    if (src == nullptr || src->confidence != Confidence::secondary) continue;
    // The title is the pack's: viewed, as the literals around it.
    warnings.push_back(
        {"secondary_source",
         has(languages, Texts::zh) ? Text::viewing({"部分数字来自非官方的二手资料「", src->title,
                                                    "」，尚未与医保局原文核对，请以医保经办机构结算为准。"})
                                   : Text(),
         has(languages, Texts::en)
             ? Text::viewing({"Some figures come from a secondary source (\"", src->title,
                              "\") not yet checked against the official notice; the insurance office's settlement "
                              "prevails."})
             : Text()});
  }
}

// A manual claim for care elsewhere is judged by the insured region's catalogue where the bill says how an item is
// classed there (insured_class); direct settlement always uses the care region's class printed on the bill. The
// bill's own items when no class changes (most bills: nothing copied), else `reclassed`.
const std::vector<BillItem>& items_for_catalogue(const Claim& claim, const CrossRegionOutcome& cross,
                                                 std::vector<Warning>& warnings, std::vector<BillItem>& reclassed) {
  const bool differs = std::any_of(claim.items.begin(), claim.items.end(), [](const BillItem& item) {
    return item.insured_class && *item.insured_class != item.item_class;
  });
  if (!differs) return claim.items;
  std::vector<BillItem>& items = reclassed;
  items = claim.items;
  for (auto& item : items) {
    if (!item.insured_class || *item.insured_class == item.item_class) continue;
    if (cross.applies && cross.manual_claim) item.item_class = *item.insured_class;
  }
  if (differs && cross.applies && cross.manual_claim) {
    warnings.push_back({"insured_catalogue", "手工报销按参保地医保目录审核：部分项目按参保地的类别计算。",
                        "A manual claim is checked against the insured region's catalogue: some items were classed as "
                        "the insured region classes them."});
  } else if (differs) {
    warnings.push_back({"care_catalogue", "直接结算执行就医地目录：项目按就医地类别计算，参保地类别未采用。",
                        "Direct settlement uses the care region's catalogue: items keep the care region's class."});
  }
  return items;
}

// No bill: what the situation decides (materials, deadlines, channels, the policy and cross-region steps, warnings)
// stays; every amount is marked as waiting for the bill.
void without_amounts(Estimate& est) {
  est.bill_given = false;
  Split& s = est.split;
  s.class_b_upfront.reset();
  s.in_scope.reset();
  s.deductible_applied.reset();
  s.fund_paid.reset();
  s.critical_illness_paid.reset();
  s.self_pay.reset();
  s.patient_pays.reset();
  est.ranges.clear();
  est.narrowings.clear();
  est.items.clear();
  Trace kept;
  for (const auto& step : est.trace.steps()) {
    if (step.rule == Rule::policy_version || step.rule == Rule::cross_region || step.rule == Rule::waiting_period ||
        step.rule == Rule::enrolment_not_active)
      kept.add(step.rule, step.values, step.cite);
  }
  est.trace = std::move(kept);
  std::vector<CannotEstimate> unknown;
  for (auto& u : est.cannot_estimate)
    if (u.part == "materials" || u.part == "deadlines") unknown.push_back(std::move(u));
  unknown.push_back({"split", "items",
                     "没有费用清单或按类别合计：金额需要账单才能测算；材料、时限与办理渠道已按情况给出。",
                     "No bill or totals: the amounts need the bill; the documents, deadlines and channels follow from "
                     "the situation and are given."});
  est.cannot_estimate = std::move(unknown);
}

// The scheme's and setting's rules the claim was settled under (null: none): read to tell whether its tiers settle
// it alike.
struct SettledUnder {
  const SchemePolicy* scheme = nullptr;
  const SettingPolicy* setting = nullptr;
};

// The tiers listed as a reader says them: "一档、二档", "grade 1 and grade 2".
std::string tiers_said(const std::vector<Tier>& tiers, bool zh) {
  std::string out;
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    if (i != 0) out += zh ? "、" : i + 1 == tiers.size() ? " and " : ", ";
    out += zh ? label_zh(tiers[i]) : label_en(tiers[i]);
  }
  return out;
}

// Settles the claim into est (its earlier content discarded: a batch settles into the same storage, so the lists
// keep their room from answer to answer). Empty: est is the answer; else the error that stopped it. under, when
// given, is told the rules the claim settled under (the cache's entry may be gone by the time they are read).
// alike: the claim's tier was not given and stands for these tiers, which all settle it alike (a step says so).
// context: the claim's (ContextCache::settling). probe, when given, is told which figure list first read the tier
// (figure_lookup.hpp).
std::optional<Error> settle_in(const SettleContext& context, const Claim& claim, const PolicyPack& pack,
                               const Assumptions& assume, Estimate& est, SettledUnder* under = nullptr,
                               const std::vector<Tier>* alike = nullptr, TierProbe* probe = nullptr) {
  start_fresh(est);
  if (context.error) return *context.error;
  if (under != nullptr) *under = {context.scheme, context.setting};
  const Policy* policy = context.policy;

  est.policy = policy;
  est.layers = context.layers;
  est.date_of_care = claim.date_of_care;
  est.merged_rules = context.merged;
  est.trace.restart(claim.step_texts, claim.texts);
  // Room for the usual few at once (an answer lacking the annual cap, warned of the year so far): grown entry by
  // entry, each list was moved at every growth.
  est.cannot_estimate.reserve(3);
  est.warnings.reserve(3);
  Trace& trace = est.trace;
  // Steps without a source exist only to be read; a figures-only answer skips building them.
  if (trace.texts()) {
    trace.add(Rule::policy_version,
              {lasting_text_value("region_zh", policy->name_zh), lasting_text_value("region_en", policy->name_en),
               date_value("effective_from", policy->effective_from), text_value("policy_id", policy->id()),
               date_value("date_of_care", claim.date_of_care)});
  }

  if (!context.own_file) {
    est.warnings.push_back(
        {"province_rules_only", "本市政策未收录，按全省规则测算。", "No city policy: province rules used."});
  }
  const SchemePolicy* scheme = context.scheme;
  const SettingPolicy* setting = context.setting;
  if (scheme != nullptr) {
    if (auto err = check_person_and_tier(claim, *scheme, est.warnings)) return err;
  }
  if (alike != nullptr && claim.tier && trace.texts()) {
    trace.add(
        Rule::tier_alike,
        {lasting_text_value("tier_zh", label_zh(*claim.tier)), lasting_text_value("tier_en", label_en(*claim.tier)),
         text_value("tiers_zh", tiers_said(*alike, true)), text_value("tiers_en", tiers_said(*alike, false))});
  }
  if (!claim.disease.empty() && claim.setting != Setting::chronic_outpatient) {
    est.warnings.push_back({"disease_ignored", "只有门诊慢特病需要病种，已忽略 disease。",
                            "Only chronic/special-disease outpatient care uses a disease; it was ignored."});
  }

  LookupContext ctx{claim.hospital_level, claim.person, claim.tier, std::nullopt, claim.age, claim.date_of_care, probe};
  if (claim.setting == Setting::inpatient) {
    ctx.stay = claim.year_to_date.stays.value_or(0) + 1;
    if (!claim.year_to_date.stays && setting != nullptr && any_stay_condition(setting->deductible)) {
      est.warnings.push_back({"first_stay_assumed",
                              "未填写本年度此前住院次数，按本年度第一次住院计算起付线；如非首次住院，起付线可能更低。",
                              "Prior stays this year were not given, so the deductible is the one for a first stay; "
                              "a later stay may have a lower one."});
    }
  }

  // 就医地目录、参保地政策: direct settlement takes the items' classes from the care region's bill; the insured
  // region's own rule for care elsewhere sets the share of the local ratio.
  const CrossRegionOutcome cross = assess_cross_region(claim, est.layers, pack, assume, trace, est.warnings);
  if (cross.manual_claim) attach_manual_claim(claim, est.layers, est);
  std::vector<BillItem> reclassed;
  const Adjudication adj =
      adjudicate(items_for_catalogue(claim, cross, est.warnings, reclassed), setting, ctx, trace, est.items);
  Split& split = est.split;
  split.total = adj.total;
  split.out_of_catalogue = adj.out_of_catalogue;
  split.over_ceiling = adj.over_ceiling;
  split.self_funded = adj.out_of_catalogue + adj.over_ceiling;
  split.class_b_upfront = adj.class_b_upfront;
  split.in_scope = adj.in_scope;

  if (!adj.in_scope) {
    est.cannot_estimate.push_back(cannot_estimate("in_scope", adj.upfront_needs, trace.languages()));
    return std::nullopt;
  }
  if (scheme == nullptr || setting == nullptr) {
    est.cannot_estimate.push_back(missing_benefit_rules(claim.scheme, claim.setting));
    return std::nullopt;
  }
  if (!cross.multiplier_known) {
    est.cannot_estimate.push_back(cannot_estimate("fund_paid", cross.needs, trace.languages()));
    return std::nullopt;
  }

  const Eligibility elig = check_eligibility(claim, *scheme, trace, est.warnings);
  est.benefits_from = elig.benefits_from;
  PatientShareParts parts{Fen::zero(), Fen::zero(), Fen::zero(), *adj.class_b_upfront};
  if (!elig.fund_pays) {
    split.deductible_applied = Fen::zero();
    split.fund_paid = Fen::zero();
    split.critical_illness_paid = Fen::zero();
  } else {
    SettingFigures figures{&setting->deductible, &setting->ratio, &setting->annual_cap, &setting->monthly_cap,
                           setting->deductible_basis};
    if (claim.setting == Setting::chronic_outpatient && !setting->diseases.empty()) {
      const Disease* disease = find_disease(*setting, claim.disease);
      if (disease == nullptr) {
        est.cannot_estimate.push_back(cannot_estimate("fund_paid", "disease", trace.languages()));
        return std::nullopt;
      }
      if (!disease->deductible.empty()) figures.deductible = &disease->deductible;
      if (!disease->ratio.empty()) figures.ratio = &disease->ratio;
      if (!disease->annual_cap.empty()) {
        figures.annual_cap = &disease->annual_cap;
        figures.disease_cap = true;
      }
    }
    const FundShare fund =
        settle_fund(claim, figures, *adj.in_scope, ctx, cross.multiplier, cross.cut, trace, est.cannot_estimate);
    split.deductible_applied = fund.deductible_applied;
    split.fund_paid = fund.fund_paid;
    if (!fund.fund_paid) {
      warn_absent_year_to_date(claim, trace, figures.disease_cap, fund.year_in_scope, est.warnings);
      return std::nullopt;
    }
    parts.deductible = *fund.deductible_applied;
    // Shenzhen's 大病保险 base leaves out what the cross-region multiplier took off (办法 第四十条 reductions).
    parts.copay = cross.critical_illness_excludes_reduction != nullptr ? *fund.copay - fund.reduction : *fund.copay;
    parts.over_cap = fund.over_cap;
    split.critical_illness_paid =
        settle_critical_illness(claim, scheme->critical_illness, parts, ctx, trace, est.cannot_estimate);
    // Once, after both settlements: the fund's warnings come first in its fixed order either way (the
    // critical-illness ones are its last checks, and nothing else warns in between).
    warn_absent_year_to_date(claim, trace, figures.disease_cap, fund.year_in_scope, est.warnings);
  }

  // A critical-illness payment we cannot estimate counts as zero here, and cannot_estimate says the
  // patient's figures are therefore upper bounds.
  const Fen ci = split.critical_illness_paid.value_or(Fen::zero());
  split.self_pay = *adj.class_b_upfront + *adj.in_scope - *split.fund_paid - ci;
  split.patient_pays = *split.self_pay + split.self_funded;
  if (trace.texts()) {
    std::vector<StepValue> summary{
        money_value("patient_pays", *split.patient_pays), money_value("self_pay", *split.self_pay),
        money_value("self_funded", split.self_funded), money_value("fund_paid", *split.fund_paid)};
    if (split.critical_illness_paid) summary.push_back(money_value("critical_illness_paid", ci));
    trace.add(Rule::patient_pays, std::move(summary));
  }
  return std::nullopt;
}

std::optional<Error> run(const Claim& claim, const PolicyPack& pack, const Assumptions& assume, ContextCache& contexts,
                         Estimate& est, SettledUnder* under = nullptr, const std::vector<Tier>* alike = nullptr) {
  return settle_in(contexts.settling(claim, pack), claim, pack, assume, est, under, alike);
}

// The tiers an unknown tier can take, when the answer lacks nothing else and every tier settles the claim alike
// (tier_alike.hpp): one tier's settlement is then the answer for all. Null otherwise.
const std::vector<Tier>* tiers_alike(const Claim& claim, const SettledUnder& rules, const Estimate& est) {
  if (claim.tier || rules.scheme == nullptr || rules.setting == nullptr || est.policy == nullptr) return nullptr;
  if (open_fields(claim, est) != kOpenTier) return nullptr;
  // The tiers the range bounding would run over (open_dimensions reads them from the answer's policy).
  const auto it = est.policy->schemes.find(claim.scheme);
  if (it == est.policy->schemes.end() || it->second.tiers.empty()) return nullptr;
  const std::vector<Tier>& tiers = it->second.tiers;
  return tiers_settle_alike(claim, tiers, *rules.scheme, *rules.setting) ? &tiers : nullptr;
}

// Whether the condition is one of the figures'.
template <class V>
bool holds(const std::vector<Figure<V>>& figures, const Condition* when) {
  return std::any_of(figures.begin(), figures.end(), [when](const Figure<V>& f) { return &f.when == when; });
}

// The tiers a claim without a tier may be settled as the first of, known before any settlement: the claim's rules
// name a tier somewhere and every tier settles it alike (as tiers_alike asks after a settlement). Null otherwise.
const std::vector<Tier>* tiers_to_try(const Claim& claim, const SettleContext& context) {
  if (claim.tier || context.tiers_named == nullptr) return nullptr;
  return context.tiers_alike.alike(claim, *context.tiers_named, *context.scheme, *context.setting) ? context.tiers_named
                                                                                                   : nullptr;
}

// The range bounding's settlements, one after another in one Estimate: a std::function holds this one pointer
// without allocating.
struct Rerun {
  const PolicyPack& pack;
  ContextCache& contexts;
  Estimate& into;
};

}  // namespace

Result<Estimate*> EstimateRoom::estimate_into(Claim claim, const PolicyPack& pack, ContextCache& contexts) {
  return estimate_in_place(claim, pack, contexts);
}

Result<Estimate*> EstimateRoom::estimate_in_place(Claim& claim, const PolicyPack& pack, ContextCache& contexts) {
  const Result<ClaimPlaces>& places = contexts.places(claim, pack);
  if (!places.ok()) return places.error();
  apply_places(places.value(), claim);
  Estimate& est = answer_;
  // The rules the claim settled under: whether a range run can differ is read there. They point into the pack or
  // into the answer's merged rules (est.merged_rules), which outlive the reruns.
  SettledUnder rules;
  // An unknown tier that changes nothing: the claim is settled again as the first tier, which stands for all, so the
  // answer's steps and sources go on past the deductible (the ratio, the caps, critical illness) as a given tier's
  // do; before, such an answer took only its figures from that run and its steps stopped at the deductible. The
  // claim is lent its tier for the settlements and given it back after. A tier whose run opens a further field
  // (whose values the tiers may not settle alike) is settled as given again, the ranges running over every tier.
  struct LentTier {
    Claim& claim;
    std::optional<Tier> given;
    LentTier(const LentTier&) = delete;
    LentTier& operator=(const LentTier&) = delete;
    ~LentTier() { claim.tier = given; }
  } const lent{claim, claim.tier};
  // The settlement without the tier, run first, mostly only learnt that the tier was all it lacked (~1.3k
  // instructions): the first tier is tried first instead. A settlement without a tier is the tried one up to the
  // first lookup that reads the tier, and stops there when that is the deductible or the ratio (the fund's payment
  // asks for the tier): then what it leaves open is the tier and what the tried one leaves open. The tried one
  // leaving nothing open, it is the answer the settlement without the tier leads to (tiers_alike); else that one is.
  // The tier read elsewhere first, or the trial failing, the claim is settled as below.
  bool settled = false;
  const SettleContext& context = contexts.settling(claim, pack);
  if (const std::vector<Tier>* alike = tiers_to_try(claim, context)) {
    claim.tier = alike->front();
    TierProbe probe;
    const bool ran = !settle_in(context, claim, pack, Assumptions{}, est, &rules, alike, &probe);
    const bool stops_at_tier =
        ran && rules.setting != nullptr &&
        (holds(rules.setting->deductible, probe.first) || holds(rules.setting->ratio, probe.first));
    settled = stops_at_tier && open_fields(claim, est) == 0;
    if (!settled) claim.tier = lent.given;
    if (stops_at_tier && !settled) {
      if (auto err = settle_in(context, claim, pack, Assumptions{}, est, &rules)) return *err;
      settled = true;
    }
  }
  if (!settled) {
    if (auto err = settle_in(context, claim, pack, Assumptions{}, est, &rules)) return *err;
    // Rules naming no tier never ask for one (only a figure naming tiers does; a disease's own figures are never
    // alike): then nothing is open for tiers_alike to read.
    const std::vector<Tier>* alike = context.tiers_named != nullptr ? tiers_alike(claim, rules, est) : nullptr;
    if (alike != nullptr) {
      claim.tier = alike->front();
      if (auto err = run(claim, pack, Assumptions{}, contexts, est, &rules, alike)) return *err;
      if (open_fields(claim, est) != 0) {
        claim.tier = lent.given;
        if (auto err = run(claim, pack, Assumptions{}, contexts, est, &rules)) return *err;
      }
    }
  }
  const Rerun rerun{pack, contexts, rerun_};
  bound_ranges(
      claim,
      [&rerun](const Claim& c, const Assumptions& a) -> Estimate* {
        return run(c, rerun.pack, a, rerun.contexts, rerun.into) ? nullptr : &rerun.into;
      },
      est);
  if (!claim.bill_given) without_amounts(est);
  // The claim's languages, not the trace's: a bill-less answer's trace was rebuilt (without_amounts).
  warn_secondary_sources(est, est.trace, claim.texts, sources_seen_, est.warnings);
  // next_questions belong to the full answer only.
  if (claim.step_texts) est.next_questions = next_questions(claim, est);
  return &est;
}

Result<Estimate> estimate(Claim claim, const PolicyPack& pack, ContextCache* contexts) {
  ContextCache local;
  EstimateRoom room;
  Result<Estimate*> r = room.estimate_in_place(claim, pack, contexts != nullptr ? *contexts : local);
  if (!r.ok()) return r.error();
  return std::move(*r.value());
}

}  // namespace claimcalc
