#include "engine/codec/json_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "engine/codec/hex_escape.hpp"
#include "engine/codec/json_run.hpp"
#include "engine/codec/text_scan.hpp"

namespace claimcalc::codec {

namespace {

// The UTF-8 sequence starting at s[i] (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF): its length
// when valid; otherwise how many bytes of it to replace by one U+FFFD, as nlohmann's dump does (the lead byte and
// the continuation bytes that still fit; the byte that broke the sequence is read again as a new one).
struct Utf8 {
  std::size_t length;
  bool valid;
};

Utf8 utf8_sequence(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t need = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return {1, false};
  }
  std::size_t k = 1;
  for (; k <= need && i + k < s.size(); ++k) {
    const auto x = static_cast<unsigned char>(s[i + k]);
    if (k == 1 ? (x < lo || x > hi) : (x & 0xC0) != 0x80) break;
  }
  return {k, k == need + 1};
}

// A three-byte sequence whose lead byte needs no range check on the second byte (most Chinese): valid UTF-8.
bool common_three(unsigned char a, unsigned char b, unsigned char c) {
  return a >= 0xE1 && a <= 0xEF && a != 0xED && (b & 0xC0) == 0x80 && (c & 0xC0) == 0x80;
}

// \uXXXX for the UTF-16 code unit u (out of line: for the escapes other than Chinese's, the wasm's size budget).
[[gnu::noinline]] char* unit_escape(char* p, std::uint32_t u) { return hex_escape(p, unit_nibbles(u)); }

// \uXXXX for the three-byte sequence a b c (1110aaaa 10bbbbbb 10cccccc: the code unit aaaabbbbbbcccccc), its
// nibbles taken from the bytes straight.
char* chinese_escape(char* p, unsigned char a, unsigned char b, unsigned char c) {
  return hex_escape(p, three_byte_nibbles(a, b, c));
}

// Writes the escape of an ASCII byte that needs one at p; returns the end.
char* escape(char* p, unsigned char c) {
  char letter = 0;
  switch (c) {
    case '"':
    case '\\':
      letter = static_cast<char>(c);
      break;
    case '\b':
      letter = 'b';
      break;
    case '\f':
      letter = 'f';
      break;
    case '\n':
      letter = 'n';
      break;
    case '\r':
      letter = 'r';
      break;
    case '\t':
      letter = 't';
      break;
    default:
      return unit_escape(p, c);
  }
  p[0] = '\\';
  p[1] = letter;
  return p + 2;
}

}  // namespace

void JsonWriter::escaped(std::string_view text) {
  need(2 + text.size());
  *p_++ = '"';
  escaped_body(text);
  *p_++ = '"';
}

// One walk for both charsets: in ascii, each character above U+007F is written as \uXXXX where the UTF-8 writer
// copies it (one pass over the text, instead of the UTF-8 writing and then ascii_json's pass over the answer), and
// invalid UTF-8 as \ufffd, what ascii_json makes of the U+FFFD the UTF-8 writer puts there.
void JsonWriter::escaped_body(std::string_view text) {
  const bool ascii = charset_ == Charset::ascii;
  const std::size_t size = text.size();
  // Room for the text unchanged and one byte after it (the closing quote); an escape makes room for the worst case
  // of the rest (\u00XX per byte) when met.
  need(size + 1);
  char* p = p_;
  std::size_t i = 0;
  std::size_t run = 0;  // start of the text not yet copied: it needs no escape
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  while (i < size) {
    if (size - i >= 8 && byte(i) < 0x80) {  // plain ASCII: 8 bytes at a time, up to the byte that stops the run
      const unsigned plain = plain_prefix(text.data() + i);
      i += plain;
      if (plain == 8) continue;
    }
    const unsigned char c = byte(i);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++i;  // only near the end of the text, where no word fits
      continue;
    }
    std::size_t n = 1;
    std::uint32_t code = 0xFFFD;  // the character an ascii writer escapes; U+FFFD stands for invalid UTF-8
    // Most text is Chinese: three-byte sequences whose lead byte needs no range check on the second byte, in UTF-8
    // two at a time while they last.
    const bool chinese = size - i >= 3 && common_three(c, byte(i + 1), byte(i + 2));
    if (chinese) {
      if (!ascii) {
        i += 3;
        while (size - i >= 8) {
          if (!two_chinese(word_at(text.data() + i))) break;
          i += 6;
        }
        continue;
      }
    } else if (c >= 0x80) {
      const Utf8 seq = utf8_sequence(text, i);
      n = seq.length;
      if (seq.valid) {
        if (!ascii) {
          i += n;
          continue;
        }
        code = c & (n == 4 ? 0x07u : n == 3 ? 0x0Fu : 0x1Fu);
        for (std::size_t k = 1; k < n; ++k) code = code << 6 | (byte(i + k) & 0x3Fu);
      }
    }
    p_ = p;
    need(i - run + 6 * (size - i) + 1);
    p = p_;
    if (i != run) std::memcpy(p, text.data() + run, i - run);  // a name in Chinese has no run before it
    p += i - run;
    if (chinese) {
      // Chinese runs on: the room made above holds 6 bytes for each byte left, so in ascii the characters that
      // follow are escaped straight on, without the checks and the room a new run needs (a full answer's sentences
      // are most of its bytes: this loop was a third of the wasm's time for one).
      do {
        p = chinese_escape(p, byte(i), byte(i + 1), byte(i + 2));
        i += 3;
      } while (size - i >= 3 && common_three(byte(i), byte(i + 1), byte(i + 2)));
    } else {
      if (c < 0x80) {
        p = escape(p, c);
      } else if (ascii) {
        if (code >= 0x10000) {
          p = unit_escape(p, 0xD800 + ((code - 0x10000) >> 10));
          code = 0xDC00 + ((code - 0x10000) & 0x3FF);
        }
        p = unit_escape(p, code);
      } else {
        // Invalid UTF-8, replaced by U+FFFD as dump_json does.
        p[0] = '\xEF';
        p[1] = '\xBF';
        p[2] = '\xBD';
        p += 3;
      }
      i += n;
    }
    run = i;
  }
  if (size != run) std::memcpy(p, text.data() + run, size - run);
  p += size - run;
  p_ = p;
}

void JsonWriter::pieces(const Text& text) {
  separate();
  need(2 + text.size());
  *p_++ = '"';
  text.each_piece([this](std::string_view piece) { escaped_body(piece); });
  *p_++ = '"';
}

void append_json_string(std::string& out, std::string_view text) {
  JsonWriter w(out);
  w.string(text);
}

void reserve_more(std::string& out, std::size_t more) {
  const std::size_t need = out.size() + more;
  if (need > out.capacity()) out.reserve(std::max(need, 2 * out.capacity()));
}

JsonWriter::JsonWriter(std::string& out, Charset charset)
    : out_(out), p_(out.data() + out.size()), end_(p_), charset_(charset) {}

JsonWriter::~JsonWriter() { out_.resize(static_cast<std::size_t>(p_ - out_.data())); }

void JsonWriter::grow(std::size_t n) {
  const auto used = static_cast<std::size_t>(p_ - out_.data());
  // resize grows the capacity geometrically (unlike reserve in libc++); the new room is written before it is read.
  out_.resize(used + std::max<std::size_t>(n, 1024));
  p_ = out_.data() + used;
  end_ = out_.data() + out_.size();
}

void JsonWriter::reserve(std::size_t n) {
  if (static_cast<std::size_t>(end_ - p_) >= n) return;
  const auto used = static_cast<std::size_t>(p_ - out_.data());
  if (out_.capacity() - used < n) {
    const auto room = static_cast<std::size_t>(end_ - out_.data());
    out_.reserve(std::max(used + n, 2 * out_.capacity()));
    p_ = out_.data() + used;
    end_ = out_.data() + room;
  }
  // The room made writable too, at once: with the capacity alone, the writes after it still came to grow(), an
  // escape's request for its worst case (well past what it writes) each time, and each call made and zeroed 1 KB.
  grow(n);
}

void JsonWriter::key(std::string_view name) {
  separate();
  need(name.size() + 3);
  *p_++ = '"';
  std::memcpy(p_, name.data(), name.size());
  p_ += name.size();
  *p_++ = '"';
  *p_++ = ':';
  after_key_ = true;
}

void JsonWriter::key_text(std::string_view name) {
  separate();
  escaped(name);
  put(':');
  after_key_ = true;
}

void JsonWriter::string(std::string_view text) {
  separate();
  escaped(text);
}

void JsonWriter::money(Fen fen) {
  separate();
  need(json_run::kMoneyRoom);
  p_ = json_run::money(p_, fen);
}

void JsonWriter::percent(Ratio ratio) {
  separate();
  need(kPercentChars + 2);
  *p_++ = '"';
  p_ += write_percent(ratio, p_);
  *p_++ = '"';
}

void JsonWriter::plain_string(std::string_view name) {
  separate();
  need(name.size() + 2);
  *p_++ = '"';
  std::memcpy(p_, name.data(), name.size());
  p_ += name.size();
  *p_++ = '"';
}

void JsonWriter::raw(std::string_view json_text) {
  separate();
  put(json_text);
}

void JsonWriter::integer(std::int64_t value) {
  if (value >= 0) {
    unsigned_integer(static_cast<std::uint64_t>(value));
    return;
  }
  // The magnitude as unsigned (one to_chars for both: the wasm's size budget); -(value + 1) + 1 cannot overflow.
  separate();
  need(25);
  *p_++ = '-';
  p_ = std::to_chars(p_, p_ + 24, static_cast<std::uint64_t>(-(value + 1)) + 1u).ptr;
}

void JsonWriter::unsigned_integer(std::uint64_t value) {
  separate();
  need(24);
  const auto r = std::to_chars(p_, p_ + 24, value);
  p_ = r.ptr;
}

}  // namespace claimcalc::codec
