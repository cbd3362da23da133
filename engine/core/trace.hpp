// The explanation: one step per computed figure, recorded where the figure is computed.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/core/claim.hpp"
#include "engine/core/date.hpp"
#include "engine/core/money.hpp"
#include "engine/core/policy.hpp"

namespace claimcalc {

enum class Rule {
  policy_version,         // which policy version is in force on the date of care
  enrolment_not_active,   // suspended or lapsed: the fund pays nothing
  waiting_period,         // inside the waiting period: the fund pays nothing
  cross_region,           // care elsewhere: filing, scope and settlement decide the share of the local ratio
  tier_alike,             // the tier not given, but every tier picks the same figures: one tier's settlement holds
  out_of_catalogue,       // 丙类 items: wholly self-funded
  over_ceiling,           // price above the payment standard: the excess is self-funded
  class_b_upfront,        // 乙类先行自付
  in_scope,               // what remains inside policy scope
  deductible,             // 起付线 for this claim
  ratio_band,             // the fund's ratio on one band of the amount above the deductible
  annual_cap,             // what is left of the annual cap
  monthly_cap,            // what is left of this month's outpatient cap
  critical_illness_base,  // the patient's in-scope share that counts toward 大病保险
  critical_illness_band,  // 大病保险 ratio on one band of the year's base
  critical_illness_cap,   // what is left of the 大病保险 annual cap
  patient_pays,           // the summary: what the patient pays and why
  range,                  // a figure the data bounds but does not fix: its lowest and highest, and why
};

const char* rule_name(Rule rule);

// One named figure a step used. A step text reads its values by name. Names are string literals (static storage):
// a std::string each cost an allocation per value (wasm32's libc++ keeps at most 10 bytes in place).
struct StepValue {
  enum class Kind { money, ratio, count, date, text };
  std::string_view name;
  Kind kind = Kind::money;
  Fen fen;
  Ratio ratio;
  std::int64_t count = 0;
  // Dates as ISO, texts as given: held when made for this answer, viewed when they outlive every answer (literals,
  // the pack's strings), which saves a copy (and often an allocation) per value.
  std::string held;
  std::string_view viewed;
  bool is_held = true;

  std::string_view text() const { return is_held ? std::string_view(held) : viewed; }
};

StepValue money_value(std::string_view name, Fen fen);
StepValue ratio_value(std::string_view name, Ratio ratio);
StepValue count_value(std::string_view name, std::int64_t count);
StepValue date_value(std::string_view name, const Date& date);
StepValue text_value(std::string_view name, std::string text);
// A text that outlives every answer (a literal, the policy pack's own string), viewed rather than copied. The pack's
// strings last while the pack is unchanged: every answer is written before a region file can be read in (the wasm),
// so an Estimate kept across such a read would have to hold its texts instead.
StepValue lasting_text_value(std::string_view name, std::string_view text);

struct Step {
  Rule rule;
  std::vector<StepValue> values;
  // The policy's citation (the pack outlives every answer, as Estimate::policy does); null for pure arithmetic
  // (sums) that no rule decides. A copy per step cost more than the arithmetic.
  const Citation* cite = nullptr;
  // The languages its sentences are in (none for a figures-only answer's step). They are composed from the rule's
  // template and the values where they are read, not when the step is added: the full answer's writer writes them
  // straight into the answer (engine/codec/estimate_writer.cpp), where composing each into a string first and then
  // escaping it cost a fifth of a 10-item full estimate in the wasm.
  Texts languages = Texts::none;

  const StepValue* find(std::string_view name) const;
  // The sentences a help-desk agent reads aloud ("" in a language the step is not in).
  std::string text_zh() const { return text(true); }
  std::string text_en() const { return text(false); }
  std::string text(bool zh) const;
};

// A step's sentence as pieces, in order: the template's text between its holes (UTF-8 that needs no JSON escape:
// the templates are literals) and the values that fill the holes. At most kMaxSentencePieces (the templates have
// at most a dozen holes); a hole naming no value is written {?name}, visibly (a bug in the template table, caught
// by the golden tests).
struct SentencePiece {  // no initializers: a sentence's array of them is not cleared before it is filled
  const char* text;     // when value is null: size bytes of the template (or of a missing name)
  std::size_t size;
  const StepValue* value;  // else this value, as step_value_text writes it

  std::string_view view() const { return {text, size}; }
};
constexpr std::size_t kMaxSentencePieces = 32;
// The pieces of the step's sentence in Chinese (zh) or English; returns their count. None when the step is not in
// that language.
std::size_t sentence_pieces(const Step& step, bool zh, SentencePiece (&pieces)[kMaxSentencePieces]);
// Room for a value in a sentence (step_value_text writes no more)...
std::size_t step_value_room(const StepValue& v);
// ...and the value as the sentence reads it (money with ¥ before it in English, 元 after it in Chinese), at p;
// returns the end.
char* step_value_text(char* p, const StepValue& v, bool zh);

class Trace {
 public:
  Trace() = default;
  // Room for the steps of a usual settlement at once (a step is about 100 bytes; growing one by one cost more).
  // languages: those the steps' sentences are rendered in (the request's "texts"); the writers leave out the others.
  explicit Trace(bool texts, Texts languages = Texts::both) : texts_(texts), languages_(languages) {
    steps_.reserve(12);
  }
  // As a new trace (the same choice of texts as the constructors'), in the storage of this one: a batch settling
  // into the same answer (estimate_room.hpp) grows the list of steps once, not once per answer.
  void restart(bool texts = true, Texts languages = Texts::both) {
    steps_.clear();
    steps_.reserve(12);  // as the constructor: the first settlement in new storage
    texts_ = texts;
    languages_ = languages;
  }
  void add(Rule rule, std::vector<StepValue> values, const Citation* cite = nullptr);
  // The same from a list: without texts, a step whose values nothing then reads (keeps_values) keeps its rule and
  // citation only, and its values make no vector.
  void add(Rule rule, std::initializer_list<StepValue> values, const Citation* cite = nullptr);
  // Whether a step of this rule keeps its values (see add from a list): a caller may skip making them. Kept
  // without texts: what ranges read (deductible, critical-illness base) and the steps an answer without a bill
  // keeps and renders (estimate.cpp's without_amounts).
  bool keeps_values(Rule rule) const {
    return texts_ || rule == Rule::deductible || rule == Rule::critical_illness_base || rule == Rule::cross_region ||
           rule == Rule::waiting_period || rule == Rule::enrolment_not_active || rule == Rule::policy_version;
  }
  const std::vector<Step>& steps() const { return steps_; }
  // False for a figures-only answer: steps have no sentences.
  bool texts() const { return texts_; }
  // The languages the answer is written in: what sentences made while settling (the steps', what cannot be
  // estimated) are composed in; a figures-only answer writes its other sentences in them too.
  Texts languages() const { return languages_; }

 private:
  std::vector<Step> steps_;
  bool texts_ = true;
  Texts languages_ = Texts::both;
};

}  // namespace claimcalc
