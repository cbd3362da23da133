// A sentence or name in an answer (a warning, why a part cannot be estimated, why a figure is a range). The engine
// gives the same few sentences answer after answer: a std::string each cost an allocation and a copy per answer
// (and the batch writer compared them byte by byte to escape each once), so a Text views text that is already
// there, in up to kMaxPieces pieces: literals, and the policy pack's own strings (the pack outlives every answer,
// as Estimate::policy does). Never a view of a request's text or of anything made for one answer: a batch takes a
// Text's pieces' addresses as its identity. Text made of numbers or a request's values is owned instead.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

namespace claimcalc {

class Text {
 public:
  static constexpr std::size_t kMaxPieces = 5;

  Text() = default;
  // A literal, viewed. Implicit: most sentences are written where they are given ({"code", "中文", "English"}).
  template <std::size_t N>
  Text(const char (&literal)[N])  // NOLINT(google-explicit-constructor)
      : Text(literal, N - 1) {}
  // Text composed for one answer, held. Explicit: a std::string given where a string_view also fits (a writer's
  // overloads) must not become a Text by surprise.
  explicit Text(std::string text);

  // Text that outlives every answer (literals, the pack's strings), in order; empty pieces are left out. More
  // pieces than kMaxPieces are joined and held.
  static Text viewing(std::initializer_list<std::string_view> pieces);

  bool owned() const { return held_ != nullptr; }
  std::size_t size() const {
    std::size_t n = 0;
    for (std::size_t i = 0; i < count_; ++i) n += sizes_[i];
    return n;
  }
  bool empty() const { return size() == 0; }
  std::string str() const;
  void append_to(std::string& out) const;
  // The pieces in order (one piece, the held string, when owned).
  template <class F>
  void each_piece(F&& f) const {
    for (std::size_t i = 0; i < count_; ++i) f(piece(i));
  }
  // Whether both view the very same pieces (addresses and sizes): the same text, known without reading it.
  bool same_pieces(const Text& other) const;
  // A number that the same pieces always give (for a viewed text).
  std::uint64_t pieces_hash() const;

  bool operator==(std::string_view other) const {
    if (count_ <= 1) return count_ == 1 ? piece(0) == other : other.empty();
    return equals(other);
  }
  bool operator!=(std::string_view other) const { return !(*this == other); }
  // A literal's size is known: no strlen (names are compared with literals throughout the engine).
  template <std::size_t N>
  bool operator==(const char (&other)[N]) const {
    return *this == std::string_view(other, N - 1);
  }
  template <std::size_t N>
  bool operator!=(const char (&other)[N]) const {
    return !(*this == std::string_view(other, N - 1));
  }
  bool operator==(const std::string& other) const { return *this == std::string_view(other); }
  bool operator!=(const std::string& other) const { return !(*this == std::string_view(other)); }
  bool operator==(const Text& other) const;
  bool operator!=(const Text& other) const { return !(*this == other); }
  // Whether the text starts with prefix.
  bool starts_with(std::string_view prefix) const;

 private:
  // One piece (a literal's): the one constructor every literal's size shares, so each size adds no code.
  Text(const char* data, std::size_t size);
  bool equals(std::string_view other) const;
  std::string_view piece(std::size_t i) const { return {data_[i], sizes_[i]}; }

  // The pieces as addresses and sizes, apart: 80 bytes a Text, where string_views and a std::string took 120 (the
  // answer's lists of warnings and reasons move them as they grow). An owned text is one piece, the held string.
  std::array<const char*, kMaxPieces> data_{};
  std::array<std::uint32_t, kMaxPieces> sizes_{};
  std::uint8_t count_ = 0;
  std::shared_ptr<const std::string> held_;  // the text when owned (copies share it: it never changes)
};

inline bool operator==(std::string_view a, const Text& b) { return b == a; }
inline bool operator!=(std::string_view a, const Text& b) { return !(b == a); }

}  // namespace claimcalc
