// claimcalc loader: runs claimcalc.wasm (or the wasm2js fallback claimcalc.asm.js) in browsers, workers, Node,
// WeChat (WXWebAssembly) and Alipay (MYWebAssembly). No eval, no Emscripten glue, no TextEncoder needed.
// CommonJS: require('./claimcalc.js'); plain <script>: the global ClaimCalc; ES module: claimcalc.mjs.
(function (root, factory) {
  // The package folder in Node (where regions/ is), for a module given as bytes.
  var api = factory(typeof __dirname === 'string' ? __dirname + '/' : null);
  if (typeof module === 'object' && module && module.exports) module.exports = api;
  else if (root) root.ClaimCalc = api;
})(this, function (here) {
  //<body>
  'use strict';

  //<utf8.js> encodeInto, utf8Length, decode: UTF-8 in and out of the module's memory (loader/utf8.js)

  function fail(what) { throw new Error('claimcalc: ' + what); }

  // The host's calendar date, "YYYY-MM-DD": a pack's `today`, so that a policy file verified "in the future" (a
  // wrong last_verified) is refused as the CLI refuses it.
  function today() {
    var d = new Date(), two = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  }

  // A pack with the host's date as `today` unless it names its own. Text gets the member written in front, unless
  // it mentions "today": at all (then it is sent as it is: the engine, not the loader, reads JSON text).
  function withToday(p) {
    if (typeof p === 'string') {
      var at = p.search(/\S/), rest = p.slice(at + 1);
      if (p.charAt(at) !== '{' || /"today"\s*:/.test(p)) return p;
      return '{"today":"' + today() + '"' + (/^\s*\}/.test(rest) ? '' : ',') + rest;
    }
    if (!p || typeof p !== 'object' || Array.isArray(p) || Object.prototype.hasOwnProperty.call(p, 'today')) return p;
    var out = {};
    for (var k in p) if (Object.prototype.hasOwnProperty.call(p, k)) out[k] = p[k];
    out.today = today();
    return out;
  }

  // Nesting the loader writes before it cuts: far deeper than the engine accepts (32), far shallower than what
  // overflows JSON.stringify's stack. A cut value is still too deep, so the engine's verdict (too_large) stands.
  var kWriteDepth = 1000;

  // Memory an instance may keep between calls: the engine with the built-in pack uses ~5 MiB, one 1 MiB request a
  // few more; past this (a big batch, a 32 MiB input) the instance is let go after its call.
  var kKeepBytes = 64 << 20;

  // ASCII bytes m[p..p+n) -> JS string. Node's latin1 makes a large one outside V8's heap, ~4x faster than
  // TextDecoder there; elsewhere UTF-8 decoding reads ASCII the same.
  var ascii = typeof process === 'object' && process && process.versions && process.versions.node && typeof Buffer === 'function' ?
    function (m, p, n) { return Buffer.from(m.buffer, p, n).toString('latin1'); } :
    decode;

  // JSON text of a request or envelope. A non-finite number becomes the text "Infinity"/"NaN", so the engine
  // reports it on its field (invalid_money for an amount) instead of JSON's silent null. Below kWriteDepth an
  // object or array is written as [], so a value nested 10,000 deep gets the engine's answer as any input does.
  // A circular or BigInt value throws here; guard() turns that into a rejection.
  function json(v) {
    var depth = typeof WeakMap === 'function' ? new WeakMap() : null;
    try {
      var t = JSON.stringify(v, function (k, x) {
        if (typeof x === 'number' && !isFinite(x)) return String(x);
        if (depth && x && typeof x === 'object') {
          var d = (depth.get(this) || 0) + 1;
          if (d > kWriteDepth) return [];
          depth.set(x, d);
        }
        return x;
      });
    } catch (e) {
      fail('the input cannot be written as JSON (circular, BigInt or nested too deeply): ' + (e && e.message));
    }
    return t === undefined ? 'null' : t;
  }

  // fn, but a synchronous throw (bad input, a throwing getter) becomes a rejected promise.
  function guard(fn) {
    return function () {
      try { return fn.apply(this, arguments); } catch (e) { return Promise.reject(e); }
    };
  }

  // What the module imports: WASI stubs (it does no I/O; stdio is linked only for abort messages), a no-op
  // growth notice and cc_piece, which hands each piece of an answer (UTF-8 at [p, p + n) in memory) to piece(p, n).
  // proc_exit and abort throw, which ends the call like a trap.
  function imports(mem, piece) {
    function exit(code) { fail('the engine aborted (' + code + ')'); }
    function zero() { return 0; }
    return {
      env: {
        emscripten_notify_memory_growth: zero, abort: exit,
        cc_piece: piece
      },
      wasi_snapshot_preview1: {
        proc_exit: exit, fd_close: zero, fd_seek: zero,
        fd_write: function (fd, iov, n, out) {
          var v = new Uint32Array(mem().buffer), t = 0;
          while (n--) t += v[(iov >> 2) + 2 * n + 1];
          v[out >> 2] = t;
          return 0;
        }
      }
    };
  }

  // Node's fs, when this runs in Node (a file path is read, not fetched); null elsewhere. module.require, not
  // require, so that bundlers and the mini-program build do not try to pack 'fs'.
  function nodeFs() {
    if (typeof process !== 'object' || !process || !process.versions || !process.versions.node) return null;
    if (process.getBuiltinModule) return process.getBuiltinModule('fs');
    return typeof module === 'object' && module && module.require ? module.require('fs') : null;
  }

  // Bytes that are not a WebAssembly module fail here with a sentence, not "expected magic word".
  function wasmBytes(b, what) {
    if (b && b.byteLength >= 0 && !(typeof b.length === 'number' && b.buffer)) b = new Uint8Array(b);
    if (b && b.buffer && !(b[0] === 0 && b[1] === 0x61 && b[2] === 0x73 && b[3] === 0x6d)) {
      fail(what + ' is not a WebAssembly module (a .wasm.br? only mini-programs decompress it themselves: ' +
        'load claimcalc.wasm)');
    }
    return b;
  }

  // The region files (regions/<id>.ccp: each built-in region but the national rules) come from `where`: a
  // function (id -> bytes, or a promise of them), or a folder read with the mini-program file API (a package path
  // in a mini-program), Node's fs (a path in Node) or fetch (a URL). null: no region files.
  function regionReader(where, opts) {
    if (typeof where === 'function' || where === null) return where;
    var wxfs = typeof wx === 'object' && wx && wx.getFileSystemManager;
    var mp = wxfs ? wx : typeof my === 'object' && my && my.getFileSystemManager ? my : null;
    var url = where.indexOf('://') >= 0, fs = !url && !opts.fetch && !mp ? nodeFs() : null;
    return function (id) {
      var file = where + id + '.ccp';
      if (mp && !url) {
        // A data-only module (<id>.wasm: the uploaders keep .wasm, not .ccp), read as a file, not instantiated: the
        // region's bytes end 4 bytes before its end, which hold their length. WeChat: readFileSync(path) ->
        // ArrayBuffer; Alipay: readFileSync({filePath}) -> {data}.
        file = where + id + '.wasm';
        var r = wxfs ? mp.getFileSystemManager().readFileSync(file) : mp.getFileSystemManager().readFileSync({ filePath: file });
        var b = new Uint8Array(r && r.data !== undefined ? r.data : r), n = b.length - 4;
        return b.subarray(n - ((b[n] | b[n + 1] << 8 | b[n + 2] << 16 | b[n + 3] << 24) >>> 0), n);
      }
      if (fs) return fs.readFileSync(file);  // a few KB: one blocking read costs less than four thread-pool hops
      var f = opts.fetch || (typeof fetch !== 'undefined' ? fetch : fail('no fetch for ' + file));
      return f(file).then(function (r) { return r.ok === false ? fail(r.status + ' ' + file) : r.arrayBuffer(); });
    };
  }

  // source: wasm bytes, a URL, a mini-program package path (".wasm" or ".wasm.br"), or the wasm2js factory
  // (require('./claimcalc.asm.js')). opts.WebAssembly: the WebAssembly to use (e.g. WXWebAssembly);
  // opts.fallback: the wasm2js factory, used when there is no WebAssembly or it cannot compile the module;
  // opts.fetch: for URLs; opts.regions: where the region files are (regionReader; default: the folder regions/
  // beside a source given as a path or URL, or, for bytes in Node, beside this file: the package's). The module
  // holds the national rules and an index of the regions; an answer that needs a region not yet read names it
  // (region_not_loaded), and the loader reads its file into the module and asks again.
  // opts.author: the authoring module (claimcalc-author.wasm: the base plus the policy reader, for loadPolicies and
  // validate_policy), as a source like the first; default: claimcalc-author.wasm(.br) beside a source given as a
  // path or URL, or the package's in Node; null: none. The base answers those ops unknown_command; the loader then
  // instantiates the authoring module once and uses it from then on.
  function load(source, opts) {
    opts = opts || {};
    var mini = typeof WXWebAssembly !== 'undefined' ? WXWebAssembly : typeof MYWebAssembly !== 'undefined' ? MYWebAssembly : null;
    var live = null, pending = null, pack = null, receive = null;
    var regions = regionReader(opts.regions !== undefined ? opts.regions :
      typeof source === 'string' ? source.replace(/[^\/\\]*$/, '') + 'regions/' : here && nodeFs() ? here + 'regions/' : null, opts);
    var regionBytes = {};  // id -> the file's bytes once read: a fresh instance reads them again from here
    var make = maker(source), author = opts.author !== undefined ? opts.author :
      typeof source === 'string' ? source.replace(/[^\/\\]*$/, '') + 'claimcalc-author.wasm' + (/\.br$/.test(source) ? '.br' : '') :
      typeof source !== 'function' && here && nodeFs() ? here + 'claimcalc-author.wasm' : null;
    if (!make) return Promise.reject(new Error('claimcalc: no WebAssembly; pass opts.fallback'));

    // imports -> a promise of the instance (or of {instance, module}) of src.
    function maker(src) {
      var path = typeof src === 'string' && src.indexOf('://') < 0, compiled = null;
      var WA = opts.WebAssembly || path && mini || (typeof WebAssembly !== 'undefined' ? WebAssembly : mini);
      if (typeof src === 'function' || !WA && opts.fallback) {
        var asm = typeof src === 'function' ? src : opts.fallback;
        return function (imp) { return Promise.resolve({ exports: asm(imp) }); };
      }
      if (!WA) return null;
      // The module uses bulk memory (wasm/CMakeLists.txt); a runtime that cannot compile it (Safari < 15, iOS WeChat
      // before iOS 15) runs opts.fallback instead when given. Bytes not fetched or read still reject; a package
      // path is read by the runtime, so there any failure to instantiate falls back.
      var inst = !opts.fallback ? function (s, imp) { return WA.instantiate(s, imp); } : function (s, imp) {
        return WA.instantiate(s, imp).catch(function () { return { exports: opts.fallback(imp) }; });
      };
      // A mini-program package path: the runtime reads (and un-brotlis) the file itself.
      if (path && (WA === mini || !WA.Module)) return function (imp) { return inst(src, imp); };
      // Bytes; in Node a file path (read with fs); elsewhere a URL (fetched).
      return function (imp) {
        if (compiled) return inst(compiled, imp);
        var fs = path && !opts.fetch ? nodeFs() : null, got;
        if (fs) got = fs.promises.readFile(src);
        else if (typeof src === 'string') {
          var f = opts.fetch || (typeof fetch !== 'undefined' ? fetch : fail('no fetch for ' + src));
          got = f(src).then(function (r) { return r.ok === false ? fail(r.status + ' ' + src) : r.arrayBuffer(); });
        } else got = Promise.resolve(src);
        return got.then(function (b) {
          return inst(wasmBytes(b, typeof src === 'string' ? src : 'the source'), imp);
        }).then(function (r) {
          if (r.module) compiled = r.module;
          return r;
        });
      };
    }

    function instantiate(mk) {
      var x;
      return mk(imports(function () { return x.memory; }, function (p, n) { receive(p, n); })).then(function (r) {
        x = (r.instance || r).exports;
        if (x._initialize) x._initialize();
        if (pack) loadPack(x, pack);
        return x;
      });
    }

    function ready() {
      if (!pending) {
        pending = Promise.resolve(make).then(instantiate).then(function (x) { return (live = x); },
          function (e) { pending = null; throw e; });
      }
      return pending;
    }

    // Copies the input (text or UTF-8 bytes) into the module's memory: [pointer, byte count]. Text up to 1 Mi
    // characters gets room for the most UTF-8 it can be (3 bytes a character), not a count of its bytes first: the
    // count was a JS loop over the whole batch (~0.35 us per peer request).
    function copyIn(x, input) {
      var text = typeof input === 'string', into = text && toUtf8 && toUtf8.encodeInto;
      var n = !text ? input.length : into && input.length <= 1 << 20 ? 3 * input.length : utf8Length(input);
      var p = x.cc_alloc(n || 1);
      if (!p) fail('out of memory');
      var m = new Uint8Array(x.memory.buffer);
      if (!text) m.set(input, p);
      else n = into ? toUtf8.encodeInto(input, m.subarray(p, p + n)).written : encodeInto(input, m, p);
      return [p, n];
    }

    // A pack or a region file: copy it in, call, copy the answer block out, free both. The answer's text.
    function loadPack(x, text, fn) {
      var a = copyIn(x, text), out = x[fn || 'cc_load_policies'](a[0], a[1]);
      x.cc_free(a[0]);
      if (!out) fail('out of memory');
      var m = new Uint8Array(x.memory.buffer);
      var s = decode(m, out + 4, (m[out] | m[out + 1] << 8 | m[out + 2] << 16 | m[out + 3] << 24) >>> 0);
      x.cc_free(out);
      return s;
    }

    // An operation envelope: the answer arrives in pieces through cc_piece (engine/api/api.hpp). A batch's
    // answers arrive in runs of whole answers (~64 KiB) and are parsed run by run, so neither the module nor the
    // host ever holds the whole text of 10,000 answers (~170 MB), unless it is asked for as text. The answer's
    // text, or its value.
    function stream(x, input, text) {
      var a = copyIn(x, input), parts = [], batch = null, whole = null, named = [];
      receive = function (p, n) {
        var m = new Uint8Array(x.memory.buffer);
        if (text) return parts.push(ascii(m, p, n));
        var t = decode(m, p, n);
        if (batch) {
          if (t === ']}') return;
          var run = JSON.parse('[' + (t.charAt(0) === ',' ? t.slice(1) : t) + ']');
          for (var i = 0; i < run.length; i++) batch.push(run[i]);
        }
        else if (whole === null && t === '{"ok":true,"result":[') batch = [];
        else whole = t;
      };
      // A text answer comes as ASCII-only JSON (1: non-ASCII characters as \u escapes, the same JSON values),
      // decoded into a one-byte string: ~3 us less per estimate than UTF-8 decoded into a two-byte string; and in
      // one piece (2; 8 MiB parts past that), decoded straight from the module's memory. A value answer stays
      // UTF-8 runs: JSON.parse's unescaping of the Chinese sentences would cost more than it saves
      // (docs/size-and-start.md, "ASCII answers").
      // What the answer holds comes back as bits (wasm/abi.cpp): 1 region_not_loaded, 2 unknown_command.
      var notes = x.cc_call_stream(a[0], a[1], text ? 3 : 0);
      receive = null;
      x.cc_free(a[0]);
      var out = text ? parts.join('') : batch ? { ok: true, result: batch } : JSON.parse(whole);
      // An answer with region_not_loaded errors (rare: the first calls) is read for the regions they name.
      if (notes & 1) regionsIn(text ? JSON.parse(out) : out, named);
      // The base does not know the authoring ops (validate_policy): the authoring module answers them.
      return [out, named, notes & 2 && !x.cc_load_policies];
    }

    // The authoring module instantiated in place of the base, for good (the pack and the region files are applied
    // again from their caches, as for any fresh instance). Tried once: when it cannot be had, the base stays and
    // this rejects (a call then keeps the base's unknown_command; loadPolicies rejects).
    function toAuthor() {
      var src = author, mk = src ? maker(src) : null;
      author = null;
      return ready().then(function () { return mk ? instantiate(mk) : fail('no authoring module'); }).then(function (x) {
        make = mk;
        live = x;
        pending = Promise.resolve(x);
      }, function (e) {
        throw new Error('claimcalc: policy packs and validate_policy need the authoring module (claimcalc-author.wasm ' +
          'beside claimcalc.wasm, or opts.author): ' + (typeof src === 'string' ? src + ': ' : '') + (e && e.message));
      });
    }

    // The region ids the region_not_loaded errors of an envelope name: its own, its batch's, validate_policy's
    // estimate's.
    function regionsIn(v, out) {
      var e = v && v.error, r = v && v.result;
      if (e && e.code === 'region_not_loaded') out.push.apply(out, e.regions);
      if (r && r.length) for (var i = 0; i < r.length; i++) regionsIn(r[i], out);
      else if (r && r.estimate) regionsIn(r.estimate, out);
    }

    // The files of regions (ids) read into the module: how many were (one may not be to be had: no reader, no
    // file, or bytes the module refuses; the answers that need it keep naming it).
    function supply(ids) {
      return Promise.all(ids.map(function (id) {
        if (regionBytes[id]) return regionBytes[id];
        if (!regions || !/^[a-z0-9_-]+$/.test(id)) return null;
        return Promise.resolve().then(function () { return regions(id); }).then(function (b) {
          return b ? (regionBytes[id] = new Uint8Array(b.buffer ? b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) : b)) : null;
        }, function () { return null; });
      })).then(function (files) {
        return run(function (x) {
          for (var i = 0, n = 0; i < files.length; i++) n += files[i] && JSON.parse(loadPack(x, files[i], 'cc_read_region')).ok ? 1 : 0;
          return n;
        });
      });
    }

    // A trap or abort inside the module rejects this call; the next call gets a fresh instance. Wasm memory never
    // shrinks, so after a call that left it over kKeepBytes (a big batch) the instance is let go as well: the host
    // reclaims the memory, and the next call starts afresh with the loaded pack applied again.
    function run(crossing) {
      return ready().then(function (x) {
        if (x !== live) return run(crossing);
        try { var answer = crossing(x); } catch (e) {
          live = pending = null;
          var err = new Error('claimcalc: the engine stopped (' + (e && e.message) + '); the next call starts afresh');
          err.cause = e;
          throw err;
        }
        if (x.memory.buffer.byteLength > kKeepBytes) live = pending = null;
        return answer;
      });
    }

    // A call; while its answer names regions not yet read (and not yet tried), their files are read in and the
    // call is made again, so a caller sees the answer the whole pack gives.
    function call(envelope, text) {
      var bytes = envelope && typeof envelope === 'object' && envelope.buffer && typeof envelope.length === 'number';
      var input = typeof envelope === 'string' || bytes ? envelope : json(envelope), tried = {};
      function attempt() {
        return run(function (x) { return stream(x, input, text); }).then(function (r) {
          if (r[2] && author) return toAuthor().then(attempt, function () { return r[0]; });
          var ids = r[1].filter(function (id) { return !tried[id] && (tried[id] = 1); });
          return ids.length ? supply(ids).then(function (n) { return n ? attempt() : r[0]; }) : r[0];
        });
      }
      return attempt();
    }

    // An engine method: {op: name, [key]: its argument}.
    function op(name, key) {
      return guard(function (v) { var e = { op: name }; if (key) e[key] = v; return call(e); });
    }

    // An engine method whose argument is the operation's fields: {op: name, ...input}.
    function with_fields(name) {
      return guard(function (input) {
        var e = { op: name };
        for (var k in input) if (Object.prototype.hasOwnProperty.call(input, k)) e[k] = input[k];
        return call(e);
      });
    }

    return ready().then(function () {
      return {
        estimate: op('estimate', 'request'),
        // One crossing for the whole list. options {detail?, texts?}: the batch's choices, for the requests that make
        // none of their own (written before the requests, as the engine's fast reader takes them).
        estimateMany: guard(function (requests, options) {
          var e = { op: 'estimate_many' };
          for (var k in options) if (k !== 'op' && k !== 'requests' && Object.prototype.hasOwnProperty.call(options, k)) e[k] = options[k];
          e.requests = requests;
          return call(e);
        }),
        // lang: 'zh', 'en' or 'both' (the default): the steps as sentences.
        explain: guard(function (request, lang) {
          var e = { op: 'explain', request: request };
          if (lang !== undefined) e.lang = lang;
          return call(e);
        }),
        // {scenario, region?, request?}: steps, documents, dated deadlines and channels (docs/api.md).
        guide: with_fields('guide'),
        // {symptom, request?}: likely causes of a settlement error, in order.
        diagnose: with_fields('diagnose'),
        // {original, request}: what was settled against what should have been, per fund.
        reverse: with_fields('reverse'),
        policies: op('policies'),
        // Every choice's name and zh/en labels, the pack's regions and the limits: what a form offers.
        vocabulary: op('vocabulary'),
        policy: op('policy', 'region'),
        version: op('version'),
        // pack: {files:[{path, content}], replace?, today?} (object or JSON text), sent with the host's date as
        // today unless it has one. On success it is the pack in use (merged over the built-in regions unless
        // replace), and is applied again to any fresh instance.
        loadPolicies: guard(function (p) {
          var text = typeof p === 'string' ? withToday(p) : json(withToday(p));
          function send() {
            return run(function (x) { return x.cc_load_policies ? JSON.parse(loadPack(x, text)) : null; });
          }
          return send().then(function (env) {
            if (env) return env;
            if (!author) fail('policy packs need the authoring module (claimcalc-author.wasm beside claimcalc.wasm, or opts.author)');
            return toAuthor().then(send);
          }).then(function (env) {
            // The pack is in use; listing it needs the built-in regions it keeps, read as for any call.
            var kept = !env.ok && env.error.code === 'region_not_loaded';
            if (env.ok || kept) pack = text;
            return kept ? call({ op: 'policies' }) : env;
          });
        }),
        // Low level: an operation envelope as an object, JSON text or UTF-8 bytes; resolves to the parsed answer
        // or, with text true, to the answer's JSON text.
        call: guard(call)
      };
    });
  }

  // .default too, so `import ClaimCalc from` compiled to CommonJS (with or without esModuleInterop) finds it.
  var api = { load: guard(load) };
  api['default'] = api;
  return api;
  //</body>
});
