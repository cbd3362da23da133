// The functions claimcalc.wasm imports from its host beyond WASI, declared for emcc's link (it refuses an
// undefined symbol otherwise). The loader (loader/claimcalc.js) provides them; nothing here is shipped.
mergeInto(LibraryManager.library, {
  // One piece of an answer of cc_call_stream: UTF-8 bytes at [ptr, ptr + len), valid during the call only.
  cc_piece: function (ptr, len) {},
});
