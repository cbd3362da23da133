#include "engine/codec/batch_texts.hpp"

#include <cstdint>
#include <cstring>

#include "engine/codec/figures_codec.hpp"

namespace claimcalc::codec {

std::string_view BatchTexts::receipt_tail(const Estimate& est, const char* engine_version, Charset charset) {
  for (const auto& [policy, text] : receipts_)
    if (policy == est.policy) return text;
  std::string text;
  std::size_t from = 0;
  {
    JsonWriter w(text, charset);
    w.begin_object();
    w.key("date_of_care");
    w.null();  // stands for the date: the tail follows a member
    from = w.offset();
    write_receipt_tail(w, *est.policy, engine_version);
  }
  text.erase(0, from);
  receipts_.emplace_back(est.policy, std::move(text));
  return receipts_.back().second;
}

void Fragment::add(const Text& text) {
  if (text.owned() || count_ + Text::kMaxPieces > kMaxPieces) {
    keepable_ = false;
    return;
  }
  const std::size_t first = count_;
  text.each_piece([this](std::string_view piece) {
    const std::uint64_t address = reinterpret_cast<std::uintptr_t>(piece.data());
    pieces_[count_++] = {address, piece.size()};
    hash_ = (hash_ ^ address ^ piece.size()) * 0x9E3779B97F4A7C15ULL;
  });
  if (count_ == first) {
    pieces_[count_++] = {0, 0};
  } else {
    pieces_[first].size |= static_cast<std::uint64_t>(count_ - first) << 56;
  }
}

void Fragment::add_languages(const Text& en, const Text& zh) {
  const Text* const texts[] = {has(languages_, Texts::en) ? &en : nullptr, has(languages_, Texts::zh) ? &zh : nullptr};
  for (const Text* t : texts)  // one loop, not two copies of add (the wasm's size budget)
    if (t != nullptr) add(*t);
}

// A sentence's count of pieces (the first piece's top byte) is not in the hash: it is set after its pieces are
// hashed. Two runs that differ there alone meet in a slot and are told apart by same().
std::uint64_t Fragment::hash() const {
  const std::uint64_t h = hash_ ^ count_;
  return h ^ (h >> 29);
}

std::uint64_t BatchTexts::hash_of(const Fragment& f) { return f.hash(); }

bool BatchTexts::same(const Kept& k, const Fragment& f, std::uint64_t hash) const {
  return k.hash == hash && k.json_size != 0 && k.kind == f.kind_ &&
         k.languages == static_cast<std::uint32_t>(f.languages_) && k.pieces_count == f.count_ &&
         std::memcmp(pieces_.data() + k.pieces_at, f.pieces_, f.count_ * sizeof(Fragment::Piece)) == 0;
}

bool BatchTexts::copy(JsonWriter& w, const Fragment& f) {
  const std::uint64_t hash = hash_of(f);
  for (std::size_t k = 0; k < 2; ++k) {
    const Kept& kept = kept_[(hash + k) % kSlots];
    if (same(kept, f, hash)) {
      w.raw(std::string_view(json_.data() + kept.json_at, kept.json_size));
      return true;
    }
  }
  return false;
}

void BatchTexts::keep(const Fragment& f, std::string_view json) {
  if (!json.empty() && json.front() == ',') json.remove_prefix(1);  // the separator before the value
  if (json.empty() || kept_count_ == kMaxKept) return;
  const std::uint64_t hash = hash_of(f);
  // The free slot of the two, else the one kept first.
  Kept& a = kept_[hash % kSlots];
  Kept& b = kept_[(hash + 1) % kSlots];
  Kept& k = a.json_size == 0 ? a : b.json_size == 0 ? b : a.json_at < b.json_at ? a : b;
  k = {hash,
       static_cast<std::uint32_t>(pieces_.size()),
       static_cast<std::uint32_t>(f.count_),
       static_cast<std::uint32_t>(json_.size()),
       static_cast<std::uint32_t>(json.size()),
       f.kind_,
       static_cast<std::uint32_t>(f.languages_)};
  pieces_.append(reinterpret_cast<const char*>(f.pieces_), f.count_ * sizeof(Fragment::Piece));
  json_.append(json);
  ++kept_count_;
}

namespace {

void write_one(JsonWriter& w, std::string_view text) { w.string(text); }
void write_one(JsonWriter& w, const Text& text) { w.pieces(text); }

// The languages the request asked for, English first (the writers' key order); S is a step's or question's
// std::string (as a view) or an engine sentence's Text.
template <class S>
void write_languages(JsonWriter& w, const Sentences& s, std::string_view key_en, const S& en, std::string_view key_zh,
                     const S& zh) {
  if (has(s.texts, Texts::en)) {
    w.key(key_en);
    write_one(w, en);
  }
  if (has(s.texts, Texts::zh)) {
    w.key(key_zh);
    write_one(w, zh);
  }
}

}  // namespace

void write_sentences(JsonWriter& w, const Sentences& s, std::string_view key_en, std::string_view en,
                     std::string_view key_zh, std::string_view zh) {
  write_languages(w, s, key_en, en, key_zh, zh);
}

void write_sentences(JsonWriter& w, const Sentences& s, std::string_view key_en, const Text& en,
                     std::string_view key_zh, const Text& zh) {
  write_languages(w, s, key_en, en, key_zh, zh);
}

}  // namespace claimcalc::codec
