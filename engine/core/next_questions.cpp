#include "engine/core/next_questions.hpp"

#include <algorithm>
#include <set>

#include "engine/core/stable_sort.hpp"

namespace claimcalc {

namespace {

struct Asked {
  const char* field;
  const char* zh;
  const char* en;
};

// In the order they decide the most money: without the first, nothing else can be estimated.
constexpr Asked kQuestions[] = {
    {"items", "有费用清单吗？请填写各项费用（或按甲类、乙类、目录外的合计）。",
     "Is there a bill? Give its items (or the totals for class A, class B and out of catalogue)."},
    {"person", "参保人是在职、退休，还是居民（成年人、老年人、未成年人、学生）？",
     "Is the insured person active, retired, or a resident (adult, senior, child, student)?"},
    {"tier", "职工医保参加的是一档还是二档？", "Is the employee enrolled in tier 1 or tier 2?"},
    {"hospital_level", "就诊医院是几级医院（一级/社区、二级、三级）？",
     "What level is the hospital (primary/level 1, level 2, level 3)?"},
    {"filing", "就医前是否办理了异地就医备案？是哪种备案（长期、临时、转诊、急诊），哪天办的？",
     "Was cross-region care filed before admission? Which kind (long-term, temporary, referral, emergency), and on "
     "what date?"},
    {"settlement", "出院时是在医院直接结算了，还是全额自费、回来手工报销？",
     "Was the bill settled directly at the hospital, or paid in full to claim back manually?"},
    {"care_province", "就医地属于哪个省？", "Which province is the care region in?"},
    {"disease", "办理的是哪个门诊慢特病病种？", "Which chronic or special disease is it?"},
    {"age", "参保人就医时多少岁？", "How old was the patient on the date of care?"},
    {"year_to_date.stays", "今年（本医保年度）此前住过几次院？",
     "How many earlier inpatient stays this insurance year?"},
    {"year_to_date.deductible_paid", "今年（本医保年度）已经付过多少起付线？",
     "How much of the yearly deductible has been paid already this insurance year?"},
    {"year_to_date.critical_illness_base", "今年此前已计入大病保险的个人负担累计多少？",
     "How much of the patient's share has already counted toward critical-illness insurance this year?"},
    {"discharge_date", "哪天出院？（报销时限从出院日起算）",
     "What was the discharge date? (Claim deadlines count from it.)"},
    {"enrolment_date", "哪天参保（或断保后重新参保）？", "When did the enrolment start (or restart after a lapse)?"},
};

// The narrowing a question brings: on the patient's total where that is a range, else on the first part it narrows.
std::optional<Narrowing> narrowing_of(const Estimate& est, const std::string& field) {
  std::optional<Narrowing> best;
  for (const auto& n : est.narrowings) {
    if (n.field != field) continue;
    if (n.part == "patient_pays") return n;
    if (!best) best = n;
  }
  return best;
}

// Closing an open end first, then the largest narrowing, then the table's order.
bool asks_first(const Question& a, const Question& b) {
  if (a.narrows.has_value() != b.narrows.has_value()) return a.narrows.has_value();
  if (!a.narrows) return false;
  if (a.narrows->by.has_value() != b.narrows->by.has_value()) return !a.narrows->by.has_value();
  return a.narrows->by && *a.narrows->by > *b.narrows->by;
}

}  // namespace

std::vector<Question> next_questions(const Claim& claim, const Estimate& est) {
  std::set<std::string> wanted;
  for (const auto& u : est.cannot_estimate)
    if (!u.needs.starts_with("policy:")) wanted.insert(u.needs.str());
  for (const auto& n : est.narrowings) wanted.insert(n.field);
  if (!claim.bill_given) wanted.insert("items");
  const bool elsewhere = !claim.care_region.empty() && claim.care_region != claim.insured_region;
  if (elsewhere && !claim.filing_given) wanted.insert("filing");
  if (elsewhere && !claim.settlement_given) wanted.insert("settlement");
  if (std::any_of(est.warnings.begin(), est.warnings.end(),
                  [](const Warning& w) { return w.code == "first_stay_assumed"; }))
    wanted.insert("year_to_date.stays");
  std::vector<Question> out;
  for (const auto& q : kQuestions)
    if (wanted.count(q.field) != 0) out.push_back({q.field, q.zh, q.en, narrowing_of(est, q.field)});
  stable_sort_list(out, asks_first);
  return out;
}

}  // namespace claimcalc
