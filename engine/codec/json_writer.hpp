// Writes JSON text straight into a string, for estimate answers, where building an nlohmann tree and dumping it
// cost more than the estimate itself. Output matches dump_json byte for byte for the same values in the same key
// order (string escapes included), so both paths can be compared as text. It writes through a pointer into room it
// makes in the string (the wasm build's libc++ calls out of line for every std::string append).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "engine/codec/charset.hpp"
#include "engine/core/money.hpp"
#include "engine/core/text.hpp"

namespace claimcalc::codec {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out, Charset charset = Charset::utf8);
  ~JsonWriter();  // the string ends where the writing ended
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // A member name (plain ASCII, written as is); the value written next belongs to it.
  void key(std::string_view name);
  // The same for a literal: its length is known here (the wasm build otherwise calls strlen for every key). Natively
  // the copy is a few moves rather than a call; the wasm keeps one out-of-line copy (its size budget).
  template <std::size_t N>
  void key(const char (&name)[N]) {
#ifdef __EMSCRIPTEN__
    key(std::string_view(name, N - 1));
#else
    separate();
    need(N + 2);
    *p_++ = '"';
    std::memcpy(p_, name, N - 1);
    p_ += N - 1;
    *p_++ = '"';
    *p_++ = ':';
    after_key_ = true;
#endif
  }
  // A member name from data (a source ref, an amount's name): escaped like any string.
  void key_text(std::string_view name);
  void string(std::string_view text);
  // A Text's pieces as one JSON string: the same bytes as string(text.str()).
  void pieces(const Text& text);
  // A money figure as its string: "1234.50".
  void money(Fen fen);
  // A ratio as a percent string: "89.5%" (format_percent's text).
  void percent(Ratio ratio);
  // A string known to need no escape (an ASCII name from the engine's vocabulary: letters, digits, '_').
  void plain_string(std::string_view name);
  // JSON text written as is: ASCII, or text written before by a writer of this charset (a batch's kept runs).
  void raw(std::string_view json_text);
  void integer(std::int64_t value);
  void unsigned_integer(std::uint64_t value);
  void boolean(bool value) { raw(value ? "true" : "false"); }
  void null() { raw("null"); }

  // For a batch written by one writer, answer after answer (the string is not shrunk and grown again, and zeroed
  // again, for each): text written as is, after which the next value starts afresh (no comma before it)...
  void verbatim(std::string_view text) {
    put(text);
    first_ = true;
    after_key_ = false;
  }
  // Text written as is after a value: further members or elements, each with its comma, and the closings after
  // them. The next value gets its comma.
  void continued(std::string_view json_text) {
    put(json_text);
    first_ = false;
    after_key_ = false;
  }
  // A run of known shape written in place (engine/codec/json_run.hpp's pieces): room for n bytes, the pointer to
  // write at, and where the run ended. run() starts a value (its comma first when one is due); more() continues the
  // run after a value the writer wrote; ran() ends it after a value, ran_to_key() after a member name (the next
  // value belongs to it). Constant member names and punctuation go out as one copy instead of a key() call each.
  char* run(std::size_t n) {
    separate();
    need(n);
    return p_;
  }
  char* more(std::size_t n) {
    need(n);
    return p_;
  }
  void ran(char* p) {
    p_ = p;
    first_ = false;
    after_key_ = false;
  }
  void ran_to_key(char* p) {
    p_ = p;
    after_key_ = true;
  }
  // Room for n more bytes, made at once (the capacity at least doubling) and writable: an answer of known size is
  // not copied at each growth, and its writes do not come back to grow().
  void reserve(std::size_t n);
  // Where the next byte goes, counted from the string's start (the room before the writer's first byte included)...
  std::size_t offset() const { return static_cast<std::size_t>(p_ - out_.data()); }
  // ...the text written from there on...
  std::string_view written_since(std::size_t begin) const {
    return {out_.data() + begin, static_cast<std::size_t>(p_ - out_.data()) - begin};
  }
  // ...and a value written earlier, bytes [begin, end) of the string, written again as the next value.
  void repeat(std::size_t begin, std::size_t end) {
    separate();
    need(end - begin);
    std::memcpy(p_, out_.data() + begin, end - begin);
    p_ += end - begin;
  }
  // ...the text written so far, and a fresh start at the beginning of the string, keeping its room.
  std::string_view text() const { return {out_.data(), static_cast<std::size_t>(p_ - out_.data())}; }
  // How the writer escapes (a batch's kept texts are written in it: engine/codec/batch_texts.hpp).
  Charset charset() const { return charset_; }
  void restart() {
    p_ = out_.data();
    first_ = true;
    after_key_ = false;
  }

 private:
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_) put(',');
    first_ = false;
  }
  void open(char c) {
    separate();
    put(c);
    first_ = true;
  }
  void close(char c) {
    put(c);
    first_ = false;
  }
  // Room for n more bytes at p_.
  void need(std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n) grow(n);
  }
  void grow(std::size_t n);
  void put(char c) {
    need(1);
    *p_++ = c;
  }
  void put(std::string_view s) {
    need(s.size());
    if (!s.empty()) std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }
  void escaped(std::string_view text);
  // The escaped text without quotes; leaves room for one byte after it.
  void escaped_body(std::string_view text);

  std::string& out_;
  char* p_;
  char* end_;
  bool first_ = true;  // no comma before the next value
  bool after_key_ = false;
  Charset charset_;
};

// Makes room for `more` bytes after out's end, at least doubling the capacity when it grows: a batch appends answer
// after answer to one string, and libc++ (the wasm build) reserves exactly what is asked, so reserving
// size() + more each time copied the whole batch once per answer.
void reserve_more(std::string& out, std::size_t more);

// Appends text as a JSON string (quotes included), escaped as nlohmann's dump escapes it; invalid UTF-8 is
// replaced by U+FFFD as dump_json does.
void append_json_string(std::string& out, std::string_view text);

}  // namespace claimcalc::codec
