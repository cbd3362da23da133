// The WebAssembly C ABI: i32-only functions around engine/api, so any runtime that can call a wasm export
// (browsers, Node, WXWebAssembly, MYWebAssembly, wasm2js) can use the engine with no Emscripten glue.
//
// Memory protocol: the host asks for a buffer with cc_alloc, writes UTF-8 bytes into it, calls cc_call (or
// cc_load_policies) with pointer and length, and frees its buffer with cc_free. Every answer is a block
// [u32 little-endian length][that many UTF-8 bytes], allocated here and freed by the host with cc_free.
// A null answer means the module could not allocate the block. cc_call_stream answers instead through the
// imported env.cc_piece(ptr, len), piece by piece, and allocates nothing for the host to free.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "engine/api/api.hpp"

namespace {

using claimcalc::api::Engine;

// sbrk asks the standalone runtime for exactly the 64 KiB pages it lacks, so a batch read one small allocation at a
// time grows the memory page by page (an input of 50,000 requests: 844 memory.grow calls, 1.8x the CPU time).
// The module is linked with --wrap=emscripten_resize_heap: memory grows by at least this much at a time instead.
constexpr std::size_t kHeapGrowthBytes = 4 << 20;

// The engine in use: the built-in pack until cc_load_policies replaces it. Built on first use, so that
// instantiating the module costs nothing until the first call.
std::optional<Engine>& engine_slot() {
  static std::optional<Engine> engine;
  return engine;
}

// An error envelope (as engine/api writes them) when the engine cannot be built at all.
std::string engine_or_error(const Engine** out, claimcalc::api::CallOptions options = {}) {
  auto& slot = engine_slot();
  if (!slot) {
    auto built = Engine::builtin();
    if (!built.ok()) return claimcalc::api::error_envelope(built.error(), options);
    slot.emplace(std::move(built.value()));
  }
  *out = &*slot;
  return {};
}

std::uint8_t* block(std::string_view text) {
  const auto size = static_cast<std::uint32_t>(text.size());
  auto* out = static_cast<std::uint8_t*>(std::malloc(4 + text.size()));
  if (out == nullptr) return nullptr;
  for (int i = 0; i < 4; ++i) out[i] = static_cast<std::uint8_t>(size >> (8 * i));
  if (!text.empty()) std::memcpy(out + 4, text.data(), text.size());
  return out;
}

std::string_view input(const char* ptr, std::uint32_t len) {
  return ptr == nullptr ? std::string_view() : std::string_view(ptr, len);
}

// cc_call_stream's flags: the answer as ASCII-only JSON (CallOptions::ascii: the engine writes it so); in one piece (in
// parts of about kPartBytes when it is longer), not a piece per run of answers.
constexpr std::uint32_t kAsciiJson = 1;
constexpr std::uint32_t kOnePiece = 2;
// A text answer of a batch is one string in the host. Handed out run by run (~64 KiB each), the host gathered the
// runs into one buffer before decoding it, one more copy of every byte (~5 % of the peer batch's time). Parts this
// big keep a 1,000-request batch's text (4.2 MB with texts both) in one part while the room stays bounded: 10,000
// answers (44 MB) come in six parts.
constexpr std::size_t kPartBytes = 8 << 20;
// What cc_call_stream returns: bits of Engine::call's notes.
constexpr std::uint32_t kRegionNotLoaded = 1;
constexpr std::uint32_t kUnknownCommand = 2;

// Where cc_call_stream writes what it hands out: kept between calls, so a call's answer is written into room the last
// one left. It grows 64 KiB -> 1 MiB -> kPartBytes: each block it leaves behind stays in the heap (the engine's
// allocations sit above it), and doubling left 8 MiB of them: a 10,000-request text answer then peaked at 36.6 MiB
// of wasm memory, 20.6 with these steps (tests/wasm/many.test.mjs).
struct Room {
  char* bytes = nullptr;
  std::size_t used = 0;
  std::size_t capacity = 0;
  // Room for `more` bytes after `used`. Out of memory aborts, as the engine's own allocations do here.
  char* ensure(std::size_t more) {
    if (used + more > capacity) {
      const std::size_t want =
          std::max(used + more, std::min(std::max(capacity * 16, std::size_t{64} << 10), kPartBytes));
      auto* grown = static_cast<char*>(std::realloc(bytes, want));
      if (grown == nullptr) std::abort();
      bytes = grown;
      capacity = want;
    }
    return bytes + used;
  }
};

}  // namespace

extern "C" {

int __real_emscripten_resize_heap(std::size_t size);

// What sbrk calls for memory it lacks: kHeapGrowthBytes more if that can be had, else exactly what it asks for.
int __wrap_emscripten_resize_heap(std::size_t size) {
  const std::size_t ahead = __builtin_wasm_memory_size(0) * 65536 + kHeapGrowthBytes;
  return (size < ahead && __real_emscripten_resize_heap(ahead)) || __real_emscripten_resize_heap(size);
}

__attribute__((export_name("cc_alloc"))) void* cc_alloc(std::uint32_t size) {
  return std::malloc(size == 0 ? 1 : size);
}

__attribute__((export_name("cc_free"))) void cc_free(void* ptr) { std::free(ptr); }

// The host's receiver for cc_call_stream: one piece of an answer, valid only during the call (UTF-8 bytes, ASCII
// when asked).
__attribute__((import_module("env"), import_name("cc_piece"))) void cc_piece(const char* ptr, std::uint32_t len);

// One operation envelope ({"op": ...}) -> one response envelope. See engine/api/api.hpp.
__attribute__((export_name("cc_call"))) std::uint8_t* cc_call(const char* ptr, std::uint32_t len) {
  const Engine* engine = nullptr;
  const std::string failed = engine_or_error(&engine);
  if (engine == nullptr) return block(failed);
  return block(engine->call(input(ptr, len)));
}

// The same answer handed to the host's cc_piece as it is written (Engine::call with a sink): an estimate_many of
// 10,000 requests then needs wasm memory for its input and one answer, not for ~170 MB of answers twice over.
// flags: kAsciiJson (1) asks the engine for ASCII-only JSON (CallOptions::ascii), else UTF-8;
// kOnePiece (2) in one piece, or in parts of about kPartBytes, else piece by piece as written. A host that passes
// two arguments gets 0. Returns what the answer holds (Engine::call's notes), so that the host reads
// none of it for that: kRegionNotLoaded (1) an envelope in it is, or holds, a region_not_loaded error (the loader
// reads the region files it names, then calls again); kUnknownCommand (2) it is the unknown_command error (the
// base module's answer to the authoring ops).
__attribute__((export_name("cc_call_stream"))) std::uint32_t cc_call_stream(const char* ptr, std::uint32_t len,
                                                                            std::uint32_t flags) {
  claimcalc::api::CallOptions options;
  options.ascii = (flags & kAsciiJson) != 0;
  const Engine* engine = nullptr;
  const std::string failed = engine_or_error(&engine, options);
  static Room room;
  room.used = 0;
  auto hand_out = [] {
    if (room.used != 0) cc_piece(room.bytes, static_cast<std::uint32_t>(room.used));
    room.used = 0;
  };
  auto emit = [&](std::string_view piece) {
    if ((flags & kOnePiece) == 0) {
      cc_piece(piece.data(), static_cast<std::uint32_t>(piece.size()));
      return;
    }
    if (room.used != 0 && room.used + piece.size() > kPartBytes) hand_out();
    char* at = room.ensure(piece.size());
    if (!piece.empty()) std::memcpy(at, piece.data(), piece.size());
    room.used += piece.size();
  };
  if (engine == nullptr) {
    emit(failed);
    hand_out();
    return 0;
  }
  const auto notes = engine->call(input(ptr, len), emit, options);
  hand_out();
  return (notes.region_not_loaded ? kRegionNotLoaded : 0) | (notes.unknown_command ? kUnknownCommand : 0);
}

// The engine version as plain text ("0.1.0"), for a host to check the module it loaded.
__attribute__((export_name("cc_version"))) std::uint8_t* cc_version() {
  return block(claimcalc::api::engine_version());
}

// A region file (regions/<id>.ccp) of this build -> {"ok":true,"result":null}, and the engine has the region read;
// or an error envelope (bytes whose SHA-256 is not in the built-in index), and the engine stays as it was.
__attribute__((export_name("cc_read_region"))) std::uint8_t* cc_read_region(const char* ptr, std::uint32_t len) {
  const Engine* engine = nullptr;
  const std::string failed = engine_or_error(&engine);
  if (engine == nullptr) return block(failed);
  auto read = engine->read_region(input(ptr, len));
  if (!read.ok()) return block(claimcalc::api::error_envelope(read.error()));
  engine_slot().emplace(std::move(read.value()));
  return block(R"({"ok":true,"result":null})");
}

#ifndef CLAIMCALC_WASM_BASE
// A policy pack ({"files":[{"path","content"}]}) -> the policies envelope of the new pack, which replaces the
// engine's pack; or an error envelope, and the pack in use stays. Only in the authoring module
// (claimcalc-author.wasm): the base leaves the policy reader out, and the loader switches modules for this.
__attribute__((export_name("cc_load_policies"))) std::uint8_t* cc_load_policies(const char* ptr, std::uint32_t len) {
  auto loaded = Engine::from_pack_json(input(ptr, len));
  if (!loaded.ok()) return block(claimcalc::api::error_envelope(loaded.error()));
  auto& slot = engine_slot();
  slot.reset();
  slot.emplace(std::move(loaded.value()));
  return block(slot->policies());
}
#endif

}  // extern "C"

// boost::throw_exception for this no-exception build is engine/core/no_exceptions.cpp's: abort, a trap the loader
// reports before it starts a fresh instance.
