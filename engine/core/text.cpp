#include "engine/core/text.hpp"

#include <algorithm>

namespace claimcalc {

Text::Text(const char* data, std::size_t size) : count_(size != 0 ? 1 : 0) {
  data_[0] = data;
  sizes_[0] = static_cast<std::uint32_t>(size);
}

Text::Text(std::string text) : held_(std::make_shared<const std::string>(std::move(text))) {
  count_ = 1;  // even when empty: a held text is one piece, as the writers expect
  data_[0] = held_->data();
  sizes_[0] = static_cast<std::uint32_t>(held_->size());
}

Text Text::viewing(std::initializer_list<std::string_view> pieces) {
  Text t;
  for (const auto piece : pieces) {
    if (piece.empty()) continue;
    if (t.count_ == kMaxPieces) {  // rare: joined and held
      std::string joined;
      for (const auto p : pieces) joined.append(p);
      return Text(std::move(joined));
    }
    t.data_[t.count_] = piece.data();
    t.sizes_[t.count_] = static_cast<std::uint32_t>(piece.size());
    ++t.count_;
  }
  return t;
}

std::string Text::str() const {
  if (held_) return *held_;
  std::string out;
  out.reserve(size());
  append_to(out);
  return out;
}

void Text::append_to(std::string& out) const {
  each_piece([&](std::string_view piece) { out.append(piece); });
}

bool Text::same_pieces(const Text& other) const {
  if (held_ || other.held_ || count_ != other.count_) return false;
  for (std::size_t i = 0; i < count_; ++i) {
    if (data_[i] != other.data_[i] || sizes_[i] != other.sizes_[i]) return false;
  }
  return true;
}

std::uint64_t Text::pieces_hash() const {
  std::uint64_t h = count_;
  for (std::size_t i = 0; i < count_; ++i) {
    h = (h ^ reinterpret_cast<std::uintptr_t>(data_[i])) * 0x9E3779B97F4A7C15ULL;
    h = (h ^ sizes_[i]) * 0xFF51AFD7ED558CCDULL;
  }
  return h ^ (h >> 32);
}

bool Text::equals(std::string_view other) const {
  if (size() != other.size()) return false;
  std::size_t at = 0;
  for (std::size_t i = 0; i < count_; ++i) {
    const std::string_view p = piece(i);
    if (other.substr(at, p.size()) != p) return false;
    at += p.size();
  }
  return at == other.size();
}

bool Text::operator==(const Text& other) const {
  if (same_pieces(other)) return true;
  if (other.count_ <= 1) return *this == (other.count_ == 1 ? other.piece(0) : std::string_view());
  if (count_ <= 1) return other == (count_ == 1 ? piece(0) : std::string_view());
  return str() == other;
}

bool Text::starts_with(std::string_view prefix) const {
  std::size_t at = 0;
  bool match = true;
  each_piece([&](std::string_view piece) {
    if (!match || at >= prefix.size()) return;
    const std::size_t n = std::min(piece.size(), prefix.size() - at);
    if (piece.substr(0, n) != prefix.substr(at, n)) match = false;
    at += n;
  });
  return match && at == prefix.size();
}

}  // namespace claimcalc
