#include "engine/core/text.hpp"

#include <algorithm>

namespace claimcalc {

Text::Text(const char* data, std::size_t size) : count_(size != 0 ? 1 : 0) { pieces_[0] = {data, size}; }

Text Text::viewing(std::initializer_list<std::string_view> pieces) {
  Text t;
  std::size_t count = 0;
  for (const auto piece : pieces) count += piece.empty() ? 0 : 1;
  if (count > kMaxPieces) {
    for (const auto piece : pieces) t.text_.append(piece);
    t.owned_ = true;
    return t;
  }
  for (const auto piece : pieces) {
    if (piece.empty()) continue;
    t.pieces_[t.count_++] = piece;
  }
  return t;
}

std::string Text::str() const {
  if (owned_) return text_;
  std::string out;
  out.reserve(size());
  append_to(out);
  return out;
}

void Text::append_to(std::string& out) const {
  each_piece([&](std::string_view piece) { out.append(piece); });
}

bool Text::same_pieces(const Text& other) const {
  if (owned_ || other.owned_ || count_ != other.count_) return false;
  for (std::size_t i = 0; i < count_; ++i) {
    if (pieces_[i].data() != other.pieces_[i].data() || pieces_[i].size() != other.pieces_[i].size()) return false;
  }
  return true;
}

std::uint64_t Text::pieces_hash() const {
  std::uint64_t h = count_;
  for (std::size_t i = 0; i < count_; ++i) {
    h = (h ^ reinterpret_cast<std::uintptr_t>(pieces_[i].data())) * 0x9E3779B97F4A7C15ULL;
    h = (h ^ pieces_[i].size()) * 0xFF51AFD7ED558CCDULL;
  }
  return h ^ (h >> 32);
}

bool Text::equals(std::string_view other) const {
  if (owned_) return std::string_view(text_) == other;
  if (size() != other.size()) return false;
  std::size_t at = 0;
  for (std::size_t i = 0; i < count_; ++i) {
    const std::string_view piece = pieces_[i];
    if (other.substr(at, piece.size()) != piece) return false;
    at += piece.size();
  }
  return at == other.size();
}

bool Text::operator==(const Text& other) const {
  if (same_pieces(other)) return true;
  if (other.owned_) return *this == std::string_view(other.text_);
  if (owned_) return other == std::string_view(text_);
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
