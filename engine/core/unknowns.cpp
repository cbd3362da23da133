#include "engine/core/unknowns.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace claimcalc {

namespace {

struct Label {
  std::string_view key;  // sized: a key is matched by its size and first byte before its bytes
  const char* zh;
  const char* en;
};

// The policy figures a settlement most often lacks first (found by a walk from the top), then the request fields.
constexpr Label kLabels[] = {
    {"annual_cap", "年度最高支付限额", "annual cap"},
    {"class_b_upfront_share", "乙类先行自付比例", "class-B upfront self-pay share"},
    {"deductible", "起付线", "deductible"},
    {"critical_illness", "大病保险规定", "critical-illness insurance rules"},
    {"critical_illness.annual_cap", "大病保险年度最高支付限额", "critical-illness annual cap"},
    {"ratio", "支付比例", "reimbursement ratio"},
    {"monthly_cap", "每月支付限额", "monthly cap"},
    {"critical_illness.ratio", "大病保险起付标准和支付比例", "critical-illness threshold and ratios"},
    {"cross_region", "异地就医待遇规定", "cross-region care rules"},
    {"hospital_level", "医院等级", "hospital level"},
    {"person", "人员类别（在职、退休、居民类别等）", "person type (active, retired, resident type, ...)"},
    {"tier", "缴费档次（一档、二档等）", "contribution grade (tier)"},
    {"age", "年龄", "age"},
    {"disease", "门诊慢特病病种", "chronic/special disease"},
    {"year_to_date.stays", "本年度此前住院次数", "prior inpatient stays this year"},
    {"scheme", "该险种的待遇规定", "this scheme's benefit rules"},
    {"setting", "该就医类型的待遇规定", "benefit rules for this kind of care"},
    {"care_province", "就医地所在省份", "province of the care region"},
    {"filing", "异地就医备案", "cross-region filing"},
    {"processes.manual_claim", "手工报销的材料、时限和渠道", "manual-claim documents, deadlines and channels"},
    {"processes.manual_claim.deadlines", "手工报销申请时限", "manual-claim time limit"},
};

const Label* find_label(std::string_view key) {
  if (key.empty()) return nullptr;
  for (const auto& l : kLabels)  // size and first byte first: most keys differ there
    if (l.key.size() == key.size() && l.key[0] == key[0] && key == l.key) return &l;
  return nullptr;
}

std::string_view zh_of(std::string_view key) {
  const Label* l = find_label(key);
  return l != nullptr ? std::string_view(l->zh) : std::string_view(key);
}

std::string_view en_of(std::string_view key) {
  const Label* l = find_label(key);
  return l != nullptr ? std::string_view(l->en) : std::string_view(key);
}

}  // namespace

std::string figure_label_zh(std::string_view figure) { return std::string(zh_of(figure)); }

std::string figure_label_en(std::string_view figure) { return std::string(en_of(figure)); }

namespace {

// One held text from its pieces, allocated once. Out of line: only a name the table lacks takes it, and inlined in
// each of cannot_estimate's texts it cost the wasm's size budget.
[[gnu::noinline]] Text joined(std::initializer_list<std::string_view> pieces) {
  std::size_t size = 0;
  for (const auto piece : pieces) size += piece.size();
  std::string out;
  out.reserve(size);
  for (const auto piece : pieces) out.append(piece);
  return Text(std::move(out));
}

// What the missing part means for the figures that are still given.
std::pair<std::string_view, std::string_view> consequence(const Text& part) {
  if (part == "annual_cap")
    return {"统筹基金支付按未达到年度最高支付限额计算，是上限。",
            " The fund payment assumes the annual cap is not reached, so it is an upper bound."};
  if (part == "critical_illness_cap")
    return {"大病保险支付按未达到其年度限额计算，是上限。",
            " The critical-illness payment assumes its annual cap is not reached, so it is an upper bound."};
  if (part == "monthly_cap")
    return {"统筹基金支付按未达到每月限额计算，是上限。",
            " The fund payment assumes the monthly cap is not reached, so it is an upper bound."};
  if (part == "critical_illness_paid")
    return {"个人自付与个人负担合计未扣除可能的大病保险支付（见区间说明）。",
            " Self-pay and the patient's total deduct no critical-illness payment (see their ranges)."};
  return {"", ""};
}

}  // namespace

CannotEstimate cannot_estimate(const Text& part, std::string_view needs, Texts languages) {
  constexpr std::string_view prefix = "policy:";
  const bool policy = needs.substr(0, prefix.size()) == prefix;
  const std::string_view figure = policy ? needs.substr(prefix.size()) : needs;
  const Label* label = find_label(figure);
  // The table's own strings are viewed, not copied; a name the table lacks (a view of the caller's text) is held.
  const auto text = [label](std::initializer_list<std::string_view> pieces) {
    return label != nullptr ? Text::viewing(pieces) : joined(pieces);
  };
  const std::string_view key = label != nullptr ? label->key : figure;
  // The sentences in the languages the answer is written in only: the others would be composed to be dropped (a
  // "texts": "none" answer, the race's, prints none). Each is made in its place in the entry, as the codes are.
  const bool zh_asked = has(languages, Texts::zh);
  const bool en_asked = has(languages, Texts::en);
  if (!zh_asked && !en_asked) return {part, text({policy ? prefix : std::string_view(), key}), Text(), Text()};
  const auto [then_zh, then_en] = consequence(part);
  const std::string_view zh = label != nullptr ? std::string_view(label->zh) : figure;
  const std::string_view en = label != nullptr ? std::string_view(label->en) : figure;
  if (policy) {
    return {part, text({prefix, key}),
            zh_asked ? text({"政策数据中没有适用于本情形的「", zh,
                             "」（尚未找到可引用的出处），因此无法测算此项，也不会用默认值代替。", then_zh})
                     : Text(),
            en_asked ? text({"The policy data has no ", en,
                             " for this case (no citable source has been found yet), so this part is not estimated "
                             "rather than guessed.",
                             then_en})
                     : Text()};
  }
  return {part, text({key}),
          zh_asked ? text({"需要补充「", zh, "」（请求字段 ", key, "）才能测算此项。", then_zh}) : Text(),
          en_asked ? text({"Needs the ", en, " (request field ", key, ") to estimate this part.", then_en}) : Text()};
}

CannotEstimate missing_benefit_rules(Scheme scheme, Setting setting) {
  // Each text joined once from its pieces (string by string, the sums cost the wasm's size budget).
  return {
      "fund_paid", joined({"policy:schemes.", name_of(scheme), ".", name_of(setting)}),
      joined({"政策数据中没有该地区", label_zh(scheme), label_zh(setting),
              "的起付线、支付比例和最高支付限额（尚未找到可引用的出处），因此无法测算统筹基金支付，也不会用默认值代替",
              "；办理流程（材料、时限、渠道）仍按上级规则给出。"}),
      joined({"The policy data has no deductible, ratio or annual cap of this region for the ", name_of(scheme),
              " scheme, ", label_en(setting),
              " (no citable source has been found yet), so the fund's payment is not estimated rather than guessed;",
              " the process answers (documents, deadlines, channels) still come from the upper layers."})};
}

}  // namespace claimcalc
