#include "engine/codec/batch_texts.hpp"

#include <cstdint>
#include <cstring>

#include "engine/codec/figures_codec.hpp"

namespace claimcalc::codec {

namespace {

// Shorter texts cost less to escape than to look up.
constexpr std::size_t kShortest = 16;

// A slot for a text of at least kShortest bytes from its length and its first and last eight bytes: cheap next to
// escaping the text, and a slot's text is compared in full before it is used.
std::size_t slot_of(std::string_view text, std::size_t slots) {
  std::uint64_t head = 0, tail = 0;
  std::memcpy(&head, text.data(), 8);
  std::memcpy(&tail, text.data() + text.size() - 8, 8);
  std::uint64_t h = (head ^ (tail * 0x9E3779B97F4A7C15ULL) ^ text.size()) * 0xFF51AFD7ED558CCDULL;
  h ^= h >> 32;
  return static_cast<std::size_t>(h % slots);
}

}  // namespace

std::string_view BatchTexts::receipt_tail(const Estimate& est, const char* engine_version) {
  for (const auto& [policy, text] : receipts_)
    if (policy == est.policy) return text;
  std::string text;
  std::size_t from = 0;
  {
    JsonWriter w(text);
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

void BatchTexts::sentence(JsonWriter& w, std::string_view text) {
  if (text.size() < kShortest) {
    w.string(text);
    return;
  }
  Sentence& s = sentences_[slot_of(text, sentences_.size())];
  if (s.text == text) {
    w.raw(s.json);
    return;
  }
  const std::size_t begin = w.offset();
  w.string(text);
  std::string_view written = w.written_since(begin);
  if (written.front() == ',') written.remove_prefix(1);  // the separator before the value
  s.text.assign(text.data(), text.size());
  s.json.assign(written.data(), written.size());
}

void BatchTexts::sentence(JsonWriter& w, const Text& text) {
  if (text.owned()) {
    text.each_piece([&](std::string_view held) { sentence(w, held); });
    return;
  }
  if (text.size() < kShortest) {
    w.pieces(text);
    return;
  }
  constexpr std::size_t kProbes = 8;  // then the first slot is taken over
  if (2 * (viewed_used_ + 1) > viewed_.size()) grow_viewed();
  const std::size_t mask = viewed_.size() - 1;
  const std::uint64_t hash = text.pieces_hash();
  const auto home = static_cast<std::size_t>(hash);
  Viewed* slot = &viewed_[home & mask];
  for (std::size_t k = 0; k < kProbes; ++k) {
    Viewed& v = viewed_[(home + k) & mask];
    if (v.json.empty()) {
      slot = &v;
      ++viewed_used_;
      break;
    }
    if (v.hash == hash && v.text.same_pieces(text)) {
      w.raw(v.json);
      return;
    }
  }
  Viewed& s = *slot;
  s.hash = hash;
  const std::size_t begin = w.offset();
  w.pieces(text);
  std::string_view written = w.written_since(begin);
  if (written.front() == ',') written.remove_prefix(1);  // the separator before the value
  s.text = text;
  s.json.assign(written.data(), written.size());
}

void BatchTexts::grow_viewed() {
  std::vector<Viewed> old = std::move(viewed_);
  viewed_.clear();
  viewed_.resize(old.empty() ? 16 : 4 * old.size());
  const std::size_t mask = viewed_.size() - 1;
  for (auto& v : old) {
    if (v.json.empty()) continue;
    std::size_t i = static_cast<std::size_t>(v.hash) & mask;
    while (!viewed_[i].json.empty()) i = (i + 1) & mask;  // at most a quarter full: a free slot is near
    viewed_[i] = std::move(v);
  }
}

std::uint64_t BatchTexts::hash_of(const Fragment& f) {
  std::uint64_t h = (static_cast<std::uint64_t>(f.kind_) << 8 | static_cast<std::uint64_t>(f.languages_)) ^ f.count_;
  for (std::size_t i = 0; i < f.count_; ++i) h = (h ^ f.pieces_[i].address ^ f.pieces_[i].size) * 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 29);
}

bool BatchTexts::same(const Kept& k, const Fragment& f, std::uint64_t hash) {
  return k.hash == hash && k.kind == f.kind_ && k.languages == f.languages_ && k.pieces.size() == f.count_ &&
         std::memcmp(k.pieces.data(), f.pieces_, f.count_ * sizeof(Fragment::Piece)) == 0;
}

bool BatchTexts::copy(JsonWriter& w, const Fragment& f) {
  if (kept_.empty()) return false;
  const std::uint64_t hash = hash_of(f);
  const std::size_t mask = kept_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
    const Kept& k = kept_[i];
    if (k.json.empty()) return false;  // at most half the slots are used: a free one ends the probe
    if (same(k, f, hash)) {
      w.raw(k.json);
      return true;
    }
  }
}

void BatchTexts::keep(const Fragment& f, std::string_view json) {
  if (json.empty() || kept_used_ == kMaxKept) return;
  if (json.front() == ',') json.remove_prefix(1);  // the separator before the value
  if (2 * (kept_used_ + 1) > kept_.size()) {
    std::vector<Kept> old = std::move(kept_);
    kept_.clear();
    kept_.resize(old.empty() ? 16 : 4 * old.size());
    for (auto& k : old) {
      if (k.json.empty()) continue;
      std::size_t i = static_cast<std::size_t>(k.hash) & (kept_.size() - 1);
      while (!kept_[i].json.empty()) i = (i + 1) & (kept_.size() - 1);
      kept_[i] = std::move(k);
    }
  }
  const std::uint64_t hash = hash_of(f);
  const std::size_t mask = kept_.size() - 1;
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  while (!kept_[i].json.empty()) {
    if (same(kept_[i], f, hash)) return;
    i = (i + 1) & mask;
  }
  Kept& k = kept_[i];
  k.hash = hash;
  k.kind = f.kind_;
  k.languages = f.languages_;
  k.pieces.assign(f.pieces_, f.pieces_ + f.count_);
  k.json.assign(json.data(), json.size());
  ++kept_used_;
}

namespace {

// The languages the request asked for, English first (the writers' key order); S is a step's or question's
// std::string (as a view) or an engine sentence's Text.
template <class S>
void write_languages(JsonWriter& w, const Sentences& s, std::string_view key_en, const S& en, std::string_view key_zh,
                     const S& zh) {
  if (has(s.texts, Texts::en)) {
    w.key(key_en);
    write_sentence(w, s.batch, en);
  }
  if (has(s.texts, Texts::zh)) {
    w.key(key_zh);
    write_sentence(w, s.batch, zh);
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
