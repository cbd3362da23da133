// The figures-only answer ("detail": "figures"): split, national names, items, warnings, cannot_estimate,
// benefits_from and receipt, written straight to JSON text. Keys come in the order dump_json gives the full answer,
// and each value is what the full answer holds under the same key, so the two agree to the fen (tests/unit).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/codec/batch_texts.hpp"
#include "engine/codec/json_run.hpp"
#include "engine/codec/json_writer.hpp"
#include "engine/core/estimate.hpp"
#include "engine/core/split_parts.hpp"

namespace claimcalc::codec {

// The parts both answers share (engine/codec/estimate_writer.cpp writes the rest of the full one). Each write_X
// but the first three writes its own key; keys go in dump_json's (sorted) order.
// The national names repeat the split's figures (a range with its reasons included, psn_cash_pay and psn_part_amt
// are the same part): each part's figure is looked up once; an exact one or null is kept as its text, a range is
// written once and its text copied where it comes again. Written national first (the sorted order), then split,
// by the same writer.
class SplitFigures {
 public:
  explicit SplitFigures(const Estimate& est, Sentences sentences = {});
  // Writes an object of parts: member i named by keys[at[i], at[i + 1]) (its punctuation included: `{"name":` for
  // the first, `,"name":` after; keys has spare bytes after the last) holding part parts[i]'s figure (an index into
  // split_parts()).
  void write_object(JsonWriter& w, const char* keys, const std::uint8_t* at, const std::uint8_t* parts, std::size_t n);

 private:
  void write_range(JsonWriter& w, std::size_t p);

  Sentences sentences_;
  std::array<std::array<char, 32>, 11> text_;  // an exact figure or null as JSON text (not a range)
  std::array<std::uint8_t, 11> size_{};
  std::array<const Range*, 11> range_{};
  std::array<std::size_t, 11> begin_{}, end_{};  // where a range's text was written; end 0: not yet
};
void write_split(JsonWriter& w, SplitFigures& figures);
void write_national(JsonWriter& w, SplitFigures& figures);
void write_items(JsonWriter& w, const std::vector<ItemResult>& list);
void write_text(JsonWriter& w, std::string_view key, std::string_view value);
template <std::size_t N>
void write_text(JsonWriter& w, const char (&key)[N], std::string_view value) {
  w.key(key);
  w.string(value);
}
void write_benefits_from(JsonWriter& w, const Estimate& est);
void write_cannot_estimate(JsonWriter& w, const Estimate& est, Sentences sentences = {});
void write_receipt(JsonWriter& w, const Estimate& est, const char* engine_version);
// The receipt's members after date_of_care, each with the comma before it, and the closing brace.
void write_receipt_tail(JsonWriter& w, const Policy& policy, const char* engine_version);
void write_warnings(JsonWriter& w, const Estimate& est, Sentences sentences = {});

// Both answers open {"ok":true,"result":{ with benefits_from and cannot_estimate (the first keys in sorted order)
// and close with warnings (the last): one opening and one closing, so the two cannot drift apart.
void open_envelope(JsonWriter& w, const Estimate& est, Sentences sentences = {});
void close_envelope(JsonWriter& w, const Estimate& est, Sentences sentences = {});

// error_envelope(error) as dump_json writes it, without building the tree: {"error":{code, field, message_en,
// message_zh, regions?},"ok":false}.
void write_error_envelope(JsonWriter& w, const Error& error);

// Appends {"ok":true,"result":{...}} for est; its sentences in the languages `sentences` asks for, a batch's
// repeated texts from its batch texts when given.
void append_figures_envelope(std::string& out, const Estimate& est, const char* engine_version);
void append_figures_envelope(JsonWriter& w, const Estimate& est, const char* engine_version, Sentences sentences = {});

}  // namespace claimcalc::codec
