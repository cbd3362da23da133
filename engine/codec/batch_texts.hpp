// What a batch's answers repeat, written once per batch and copied after: each policy's receipt (all of it but
// date_of_care depends on the policy alone) and the runs of the engine's sentences (why parts cannot be estimated,
// why a figure is a range, warnings), which are the same few texts answer after answer and most of an answer's bytes
// to escape. Lives for one batch: the pack does not change in it. One writer writes the batch, so what is kept is in
// its charset: an ASCII answer's sentences are kept already escaped (engine/codec/charset.hpp).
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

// A run of an answer written from the engine's sentences and constants only (a cannot_estimate array, a warnings
// array, a range's reasons): its identity is its shape (kind), the languages asked for, and the pieces of the
// sentences it writes (each viewed: a held one makes the run one to write afresh, as do more than kMaxPieces
// pieces). Kept as the pieces' addresses and sizes; a sentence's first piece also holds its count of pieces (in the
// size's top byte: where the next sentence starts), an empty sentence one empty piece.
class Fragment {
 public:
  static constexpr std::size_t kMaxPieces = 48;
  enum Kind : std::uint8_t { cannot_estimate = 1, warnings, reasons };
  Fragment(Kind kind, Texts languages)
      : kind_(kind),
        languages_(languages),
        hash_(static_cast<std::uint64_t>(kind) << 8 | static_cast<unsigned>(languages)) {}
  // A sentence the run writes.
  void add(const Text& text);
  // The sentences in the languages asked for (what write_sentences writes): none for "texts": "none", known here
  // without a call (every entry of the race's answers).
  void add(const Text& en, const Text& zh) {
    if (languages_ != Texts::none) add_languages(en, zh);
  }
  bool keepable() const { return keepable_ && count_ != 0; }

 private:
  friend class BatchTexts;
  struct Piece {  // two words, no padding: kept pieces are compared as bytes
    std::uint64_t address;
    std::uint64_t size;
  };
  void add_languages(const Text& en, const Text& zh);
  // The identity's hash, taken as the pieces are added (BatchTexts::hash_of finishes it): not a second walk.
  std::uint64_t hash() const;

  Kind kind_;
  Texts languages_;
  bool keepable_ = true;
  std::size_t count_ = 0;
  std::uint64_t hash_;
  Piece pieces_[kMaxPieces];  // the first count_ are set
};

class BatchTexts {
 public:
  // Writes the fragment as this batch wrote it before, with its comma when one is due; false when the batch has not
  // kept it (the caller writes it, then keeps it).
  bool copy(JsonWriter& w, const Fragment& f);
  // The fragment's text as written (a value), kept for the next answers (up to kMaxKept fragments a batch).
  void keep(const Fragment& f, std::string_view json);
  // The receipt's members after date_of_care (",\"engine_version\":...}"), written for the policy when first asked,
  // in the charset of the batch's writer (a batch has one: what it keeps is that writer's text).
  std::string_view receipt_tail(const Estimate& est, const char* engine_version, Charset charset);

 private:
  std::vector<std::pair<const Policy*, std::string>> receipts_;  // a batch names a handful of policies
  // A kept fragment: its key's pieces and its text are spans of pieces_ and json_ (one allocation each for the
  // batch, not two per fragment), found by its hash in one of two slots (a third fragment for them replaces the
  // older: a batch meets a few dozen distinct fragments).
  struct Kept {
    std::uint64_t hash = 0;
    std::uint32_t pieces_at = 0, pieces_count = 0, json_at = 0, json_size = 0;  // json_size 0: a free slot
    std::uint32_t kind = 0, languages = 0;
  };
  static constexpr std::size_t kSlots = 256;
  static constexpr std::size_t kMaxKept = 4096;  // then the batch keeps no more (the spans only grow)
  static std::uint64_t hash_of(const Fragment& f);
  bool same(const Kept& k, const Fragment& f, std::uint64_t hash) const;
  std::array<Kept, kSlots> kept_{};
  std::size_t kept_count_ = 0;
  std::string pieces_;  // Fragment::Piece after Fragment::Piece, as bytes
  std::string json_;
};

// Writes a fragment through the batch's kept ones when there is a batch: copied when kept, else written by
// write() and kept.
template <class Write>
void write_fragment(JsonWriter& w, BatchTexts* batch, const Fragment& f, Write&& write) {
  if (batch == nullptr || !f.keepable()) {
    write();
    return;
  }
  if (batch->copy(w, f)) return;
  const std::size_t begin = w.offset();
  write();
  batch->keep(f, w.written_since(begin));
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
