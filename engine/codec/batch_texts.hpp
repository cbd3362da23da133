// What a batch's answers repeat, written once per batch and copied after: each policy's receipt (all of it but
// date_of_care depends on the policy alone) and the engine's sentences (why a part cannot be estimated, why a figure
// is a range, warnings), which are the same few texts answer after answer and most of an answer's bytes to escape.
// Lives for one batch: the pack does not change in it.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/codec/json_writer.hpp"
#include "engine/core/claim.hpp"
#include "engine/core/estimate.hpp"

namespace claimcalc::codec {

class BatchTexts {
 public:
  // The receipt's members after date_of_care (",\"engine_version\":...}"), written for the policy when first asked.
  std::string_view receipt_tail(const Estimate& est, const char* engine_version);
  // Writes text as the writer's next value, a JSON string: as escaped when this batch met it before.
  void sentence(JsonWriter& w, std::string_view text);
  // The same for the engine's Texts: a viewed one is known by its pieces' addresses, without reading it.
  void sentence(JsonWriter& w, const Text& text);

 private:
  struct Sentence {
    std::string text;
    std::string json;  // its JSON string, quotes included
  };
  struct Viewed {
    std::uint64_t hash = 0;
    Text text;
    std::string json;  // empty: a free slot
  };
  std::array<Sentence, 64> sentences_;  // by a hash of the text; a collision replaces
  // Open addressing by a hash of the pieces, a power of two of slots, at most half of them used: a batch meets a
  // few dozen sentences, and a short one few (the table starts small and grows as they come).
  std::vector<Viewed> viewed_;
  std::size_t viewed_used_ = 0;
  void grow_viewed();
  std::vector<std::pair<const Policy*, std::string>> receipts_;  // a batch names a handful of policies
};

// A sentence written through the batch's texts when there are any.
inline void write_sentence(JsonWriter& w, BatchTexts* texts, std::string_view text) {
  if (texts != nullptr) {
    texts->sentence(w, text);
  } else {
    w.string(text);
  }
}
inline void write_sentence(JsonWriter& w, BatchTexts* texts, const Text& text) {
  if (texts != nullptr) {
    texts->sentence(w, text);
  } else {
    w.pieces(text);
  }
}

// How an answer's sentences are written: in which languages (the request's "texts"), and through which batch's
// texts (none outside a batch).
struct Sentences {
  Texts texts = Texts::both;
  BatchTexts* batch = nullptr;
};

// A sentence's members in the languages asked for: key_en then key_zh (the sorted order), e.g. "reason_en".
void write_sentences(JsonWriter& w, const Sentences& s, std::string_view key_en, std::string_view en,
                     std::string_view key_zh, std::string_view zh);
// The same for the engine's Texts (warnings, cannot_estimate, range reasons).
void write_sentences(JsonWriter& w, const Sentences& s, std::string_view key_en, const Text& en,
                     std::string_view key_zh, const Text& zh);

}  // namespace claimcalc::codec
