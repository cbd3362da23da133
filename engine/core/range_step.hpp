// What a range says: the reasons' sentences and the range's step. Apart from the bounding of ranges (ranges.cpp),
// which every answer runs, figures-only ones too; these are written only where a range opens.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "engine/core/estimate.hpp"
#include "engine/core/range_dimensions.hpp"

namespace claimcalc {
namespace range_step {

// The split figures that can be open; total, out_of_catalogue, over_ceiling and self_funded never are.
enum Part { kClassB, kInScope, kDeductible, kFund, kCriticalIllness, kSelfPay, kPatient, kPartCount };
// Their names in the answer (a range's part, cannot_estimate's): constants, so a range may view them.
inline constexpr std::string_view kPartNames[kPartCount] = {
    "class_b_upfront",       "in_scope", "deductible_applied", "fund_paid",
    "critical_illness_paid", "self_pay", "patient_pays"};

// Which of them a cannot_estimate entry's part names (kPartCount: none). By its size first: the names' sizes pick one
// or two, so an entry is compared once or twice, not with all seven.
int part_index(const Text& part);

// The caps and rules whose absence leaves an end open, and for each the distinct figures (needs) the settlements
// lacked, in the order they first lacked them. Read once per answer, not once per part and sentence. An answer's
// open ends lack a figure or two: they are held in place, and a list is made only past kFew (an answer with an open
// end made one to four lists before).
enum OpenCause { kAnnualCap, kMonthlyCap, kCriticalIllnessCap, kCriticalIllnessPaid, kCauseCount };

class OpenNeeds {
 public:
  void add(OpenCause cause, const Text& needs);
  // A reason {needs, zh, en} for each figure the cause lacked, in order, appended to out. The sentences are
  // literals: viewed (not copied), in the languages asked only (Sentences below).
  void explain(OpenCause cause, std::string_view zh, std::string_view en, std::vector<RangeReason>& out) const;
  // The languages a reason's sentences are given in: the answer's (the others stay empty, as the writers leave them
  // out: a "texts": "none" answer, the race's, composes none), both where the range's step is recorded (record).
  void languages(bool zh, bool en) {
    zh_ = zh;
    en_ = en;
  }

 private:
  struct Need {
    OpenCause cause;
    const Text* needs;
  };
  static constexpr std::size_t kFew = 8;
  const Need* begin_of_few() const { return few_.data(); }
  const Need* end_of_few() const { return few_.data() + count_; }
  std::array<Need, kFew> few_{};
  std::size_t count_ = 0;
  std::vector<Need> more_;
  bool zh_ = true, en_ = true;
};

// Why a range runs over the dimension: each of its values was computed, lowest and highest kept.
RangeReason dimension_reason(const Dimension& d);

// Why an end of the part's range is open: the data lacks the figure that would close it. Appends to out (after the
// dimensions' reasons, which never have these texts); each sentence once per figure.
void open_reasons(const OpenNeeds& needs, int part, bool low_open, bool high_open, std::vector<RangeReason>& out);

// The range's step (its sentence), when the answer has texts: a figures-only answer keeps the range and skips it.
void record(Estimate& est, int part, const Range& r);

}  // namespace range_step
}  // namespace claimcalc
