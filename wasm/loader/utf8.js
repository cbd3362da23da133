// UTF-8 between JS strings and the module's memory, for the loader (wasm/loader/claimcalc.js): wasm/tools/dist.mjs
// writes this file where claimcalc.js says //<utf8.js>, inside its body (the helpers stay private to the loader).
// A runtime without TextEncoder/TextDecoder (older mini-program engines) gets the loops below.
  // JS string -> UTF-8 bytes written at m[p..]; returns the byte count. Lone surrogates become U+FFFD.
  function encodeInto(s, m, p) {
    var start = p;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xd800 && c < 0xe000) {
        var d = s.charCodeAt(i + 1);
        if (c < 0xdc00 && d >= 0xdc00 && d < 0xe000) { c = 0x10000 + ((c - 0xd800) << 10) + d - 0xdc00; i++; }
        else c = 0xfffd;
      }
      if (c < 0x80) m[p++] = c;
      else {
        if (c < 0x800) m[p++] = 0xc0 | c >> 6;
        else {
          if (c < 0x10000) m[p++] = 0xe0 | c >> 12;
          else { m[p++] = 0xf0 | c >> 18; m[p++] = 0x80 | c >> 12 & 63; }
          m[p++] = 0x80 | c >> 6 & 63;
        }
        m[p++] = 0x80 | c & 63;
      }
    }
    return p - start;
  }

  // The UTF-8 length encodeInto writes for s: a batch's copy in costs its size, not three times its length.
  function utf8Length(s) {
    var n = s.length;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i), d;
      if (c < 0x80) continue;
      if (c < 0x800) n += 1;
      else if (c < 0xdc00 && c >= 0xd800 && (d = s.charCodeAt(i + 1)) >= 0xdc00 && d < 0xe000) { n += 2; i++; }
      else n += 2;  // 3 bytes, a lone surrogate too (U+FFFD)
    }
    return n;
  }

  var utf8 = typeof TextDecoder !== 'undefined' ? new TextDecoder() : null;
  var toUtf8 = typeof TextEncoder !== 'undefined' ? new TextEncoder() : null;

  // UTF-8 bytes m[p..p+n) -> JS string. The engine only writes valid UTF-8.
  function decode(m, p, n) {
    if (utf8) return utf8.decode(m.subarray(p, p + n));
    var s = '', u = [], end = p + n;
    while (p < end) {
      var c = m[p++];
      if (c >= 0xf0) c = (c & 7) << 18 | (m[p++] & 63) << 12 | (m[p++] & 63) << 6 | m[p++] & 63;
      else if (c >= 0xe0) c = (c & 15) << 12 | (m[p++] & 63) << 6 | m[p++] & 63;
      else if (c >= 0xc0) c = (c & 31) << 6 | m[p++] & 63;
      if (c > 0xffff) { c -= 0x10000; u.push(0xd800 + (c >> 10), 0xdc00 + (c & 1023)); } else u.push(c);
      if (u.length > 8000) { s += String.fromCharCode.apply(null, u); u = []; }
    }
    return s + String.fromCharCode.apply(null, u);
  }
