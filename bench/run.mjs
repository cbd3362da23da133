#!/usr/bin/env node
// Every benchmark in one run (not a test: times depend on the machine and its load; only ratios measured side by
// side mean much). Writes bench/RESULTS.md and prints it.
//   bench/run.sh [--quick] [--build DIR] [--peer DIR]      (builds claimcalc, native_bench and wasm first)
// --peer: the folder holding float-peer.mjs (default ../shared/peer beside the repository, or $CLAIMCALC_PEER).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const quick = args.includes('--quick');
const source = join(dirname(fileURLToPath(import.meta.url)), '..');
const build = resolve(opt('--build', join(source, 'build')));
const dist = join(build, 'dist');
const cli = join(build, 'claimcalc');
const peerDir = opt('--peer', process.env.CLAIMCALC_PEER ||
  [join(source, '..', 'shared', 'peer'), join(source, '..', '..', 'shared', 'peer')].find((d) => existsSync(d)) || '');
const require = createRequire(import.meta.url);
const ClaimCalc = require(join(dist, 'claimcalc.js'));
const wasmBytes = readFileSync(join(dist, 'claimcalc.wasm'));
const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
const rows = [];
const row = (what, value, note = '') => { rows.push([what, value, note]); console.error(`${what}: ${value} ${note}`); };
const fmt = (x, d = 1) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const kb = (n) => `${fmt(n / 1024)} KB`;
const work = mkdtempSync(join(os.tmpdir(), 'claimcalc-bench-'));

// Shenzhen employee inpatient bills, the shape native_bench builds: fully specified (age, the year so far), as a
// float calculator's input is; a missing field makes the engine settle once per value it can take (ranges).
const classes = ['class_a', 'class_b', 'out_of_catalogue', 'class_a', 'class_b'];
const YEAR_SO_FAR = { stays: 0, deductible_paid: '0.00', in_scope: '0.00', fund_paid: '0.00',
  critical_illness_base: '0.00', critical_illness_paid: '0.00' };
function request(items, seed, detail) {
  const r = { insured_region: 'shenzhen', scheme: 'employee', person: 'active', tier: 'tier1', setting: 'inpatient',
    hospital_level: 'level3', date_of_care: '2025-03-01', discharge_date: '2025-03-09', age: 45,
    year_to_date: YEAR_SO_FAR, items: [] };
  if (detail) r.detail = detail;
  for (let i = 0; i < items; i++) {
    const fen = 3500 + i * 4137 + (seed % 1000) * 101;
    r.items.push({ name: `项目 ${i + 1}`, class: classes[i % 5], amount: (fen / 100).toFixed(2) });
  }
  return JSON.stringify(r);
}

// cc_call_stream's flags (wasm/abi.cpp): the loader asks for ASCII JSON in one piece for a text answer.
const kAsciiJson = 1, kOnePiece = 2;

// ---- native ----------------------------------------------------------------------------------------------------
const nativeLines = execFileSync(join(build, 'bench', 'native_bench'), [quick ? '1' : '7'], { encoding: 'utf8' })
  .trim().split('\n').map((l) => JSON.parse(l));
const native = {};
for (const n of nativeLines) {
  // Wall clock, and the process's CPU time (on a shared machine the wall clock also counts other processes' turns).
  if (n.bench === 'native_pack_load') {
    row('native: built-in pack load (compiled at build time)', `${fmt(n.us / 1000, 2)} ms`, `CPU ${fmt(n.cpu_us / 1000, 2)} ms`);
  } else if (n.bench === 'native_pack_json') {
    row('native: the same policies as JSON (parse + validate)', `${fmt(n.us / 1000, 2)} ms`, `CPU ${fmt(n.cpu_us / 1000, 2)} ms`);
  } else if (n.complete) {
    const ascii = n.answer === 'ascii';
    native[`${n.items}/${n.detail}${ascii ? '/ascii' : ''}`] = n;
    row(`native: one estimate, ${n.items} items, ${n.detail}${ascii ? ', ASCII answer (as the wasm loader asks)' : ''}`,
        `${fmt(n.us, 2)} µs`,
        `CPU ${fmt(n.cpu_us, 2)} µs; answer ${fmt(n.answer_bytes, 0)} bytes`);
  } else {
    row(`native: one estimate, ${n.items} items, ${n.detail}, year so far not given (ranges)`, `${fmt(n.us, 2)} µs`,
        `CPU ${fmt(n.cpu_us, 2)} µs; answer ${fmt(n.answer_bytes, 0)} bytes`);
  }
}

// CLI batch: a mix of Shenzhen and Guangzhou requests with 1-50 items, process start included.
const batchN = quick ? 500 : 10000;
for (const detail of ['full', 'figures']) {
  const lines = [];
  for (let i = 0; i < batchN; i++) {
    const r = JSON.parse(request(1 + (i * 7) % 50, i, detail === 'figures' ? 'figures' : undefined));
    if (i % 2) { r.insured_region = 'guangzhou'; delete r.tier; }
    lines.push(JSON.stringify(r));
  }
  const file = join(work, `batch-${detail}.jsonl`);
  writeFileSync(file, lines.join('\n') + '\n');
  const runs = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    const out = spawnSync('sh', ['-c', `"$0" batch < "$1" > /dev/null`, cli, file]);
    if (out.status !== 0 && out.status !== 2) throw new Error(`batch: ${out.stderr}`);
    runs.push((performance.now() - t0) / 1000);
  }
  row(`native CLI batch, ${fmt(batchN, 0)} requests of 1-50 items, ${detail}`, `${fmt(batchN / median(runs), 0)} req/s`);
}

// ---- wasm cold start: instantiate + first 50-item estimate in a fresh Node process -------------------------------
const first = request(50, 1);
// The module holds the national rules and an index; the first call reads the region files it needs (regions/,
// as the loader does by default in Node: counted here) and estimates.
const coldScript = `
const C = require(${JSON.stringify(join(dist, 'claimcalc.js'))});
const fs = require('fs');
const bytes = fs.readFileSync(${JSON.stringify(join(dist, 'claimcalc.wasm'))});
const read = [];
const regions = (id) => { read.push(id); return fs.readFileSync(${JSON.stringify(join(dist, 'regions'))} + '/' + id + '.ccp'); };
const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
C.load(bytes, { regions }).then(async (e) => {
  const t1 = process.hrtime.bigint();
  const r = await e.call(${JSON.stringify(`{"op":"estimate","request":${first}}`)}, true);
  if (!r.startsWith('{"ok":true')) throw new Error(r);
  const c = process.cpuUsage(c0);
  console.log(Number(process.hrtime.bigint() - t0) / 1e6, Number(t1 - t0) / 1e6, (c.user + c.system) / 1e3, read.join('+'));
});`;
const colds = Array.from({ length: 9 }, () =>
  execFileSync(process.execPath, ['-e', coldScript], { encoding: 'utf8' }).trim().split(' '));
const total = colds.map((c) => Number(c[0]));
row('wasm cold start: instantiate + first 50-item estimate, fresh process (median of 9)', `${fmt(median(total))} ms`,
    `best ${fmt(Math.min(...total))}, worst ${fmt(Math.max(...total))}; instantiate ${fmt(median(colds.map((c) => Number(c[1]))))}, ` +
    `first call ${fmt(median(colds.map((c) => c[0] - c[1])))} (medians); CPU ${fmt(median(colds.map((c) => Number(c[2]))))} ms; ` +
    `region files read: ${colds[0][3] || 'none'}; load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);

// ---- wasm warm, per estimate ---------------------------------------------------------------------------------------
const engine = await ClaimCalc.load(wasmBytes);
// Warm: V8 first runs wasm in its baseline compiler and optimizes hot functions in the background, so the
// warm-up is long enough for that to finish before the clock starts. Wall and CPU time per call, each call awaited
// before the next is made, as a page or a help-desk screen makes them. 2,000 calls made at once, as this did before
// 2026-12-02, timed the promise queue and its garbage too: 88 against 75 us CPU a 10-item full estimate, 41 against
// 28 figures (minimum of 7 rounds each, interleaved, load 4.8).
const perCall = async (text, n) => {
  for (let i = 0; i < Math.max(300, n / 4); i++) await engine.call(text, true);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await engine.call(text, true);
  const c = process.cpuUsage(c0);
  return { us: (performance.now() - t0) * 1000 / n, cpu: (c.user + c.system) / n };
};
const oneEstimate = (items, detail) =>
  `{"op":"estimate","request":${request(items, 3, detail === 'figures' ? 'figures' : undefined)}}`;
// Every kind warmed before any is timed: V8 tiers a wasm function up once it is hot, on a background thread whose
// CPU this process is charged; the row timed first paid for the others' tier-up (10-item full: 323 against 111 us
// CPU in its first round, then flat; 2026-12-02).
for (const items of [10, 50]) {
  for (const detail of ['full', 'figures']) {
    const text = oneEstimate(items, detail);
    for (let i = 0; i < (quick ? 100 : 1500); i++) await engine.call(text, true);
  }
}
for (const items of [10, 50]) {
  for (const detail of ['full', 'figures']) {
    const text = oneEstimate(items, detail);
    const { us, cpu } = await perCall(text, quick ? 50 : 2000);
    const nat = native[`${items}/${detail}`];
    row(`wasm: one estimate, ${items} items, ${detail} (text in, text out)`, `${fmt(us, 2)} µs`,
        nat ? `${fmt(us / nat.us, 2)}× native; CPU ${fmt(cpu, 2)} µs, ${fmt(cpu / nat.cpu_us, 2)}× native CPU` : '');
    // Where that CPU goes: the module's share, and the loader's (UTF-8 in and out, the answer scanned for regions).
    // The module against native answering in the same form: ASCII-only JSON as the loader asks for it (every Chinese
    // character escaped, a third more bytes), and UTF-8 as native_bench's estimate answers.
    const natAscii = native[`${items}/${detail}/ascii`];
    const alone = moduleAlone(text, 1, Buffer.byteLength(await engine.call(text, true)), quick ? 200 : 3000, 500);
    row(`wasm: one estimate, ${items} items, ${detail}, the module alone, ASCII answer (cc_call_stream; answer counted, not decoded)`,
        `${fmt(alone, 2)} µs CPU`, `${natAscii ? `${fmt(alone / natAscii.cpu_us, 2)}× native CPU (ASCII answer); ` : ''}the loader ` +
        `${fmt(cpu - alone, 2)} µs of the ${fmt(cpu, 2)}`);
    const utf8 = moduleAlone(text, 1, null, quick ? 200 : 3000, 500, kOnePiece);
    row(`wasm: one estimate, ${items} items, ${detail}, the module alone, UTF-8 answer`, `${fmt(utf8, 2)} µs CPU`,
        nat ? `${fmt(utf8 / nat.cpu_us, 2)}× native CPU (UTF-8 answer)` : '');
  }
}

// ---- the float peer, same file, same run -------------------------------------------------------------------------
// The peer's sample as given, and the same requests completed (each field the engine still asks about filled in:
// the year so far, tier, settlement, the care province), so the engine settles each once as the peer does. The
// peer reads both files the same way (it ignores the fields it does not know).
const PROVINCE = { 北京: 'beijing', 长沙: 'hunan', 武汉: 'hubei', 成都: 'sichuan' };
async function complete(line) {
  const r = JSON.parse(line);
  for (let round = 0; round < 5; round++) {
    const env = await engine.estimate(r);
    const asked = env.ok ? env.result.next_questions.map((q) => q.field) : [];
    if (!asked.length) return JSON.stringify(r);
    for (const f of asked) {
      if (f.startsWith('year_to_date.')) {
        const k = f.slice(13);
        r.year_to_date = { ...r.year_to_date, [k]: k === 'stays' ? 0 : '0.00' };
      } else if (f === 'tier') r.tier = 'tier1';
      else if (f === 'settlement') r.settlement = 'direct';
      else if (f === 'care_province') r.care_province = PROVINCE[r.care_region];
      else if (f === 'age') r.age = 45;
      else throw new Error(`bench: no value to complete ${f}`);
    }
  }
  throw new Error(`bench: could not complete ${line}`);
}
let nativeMany = 0;  // µs of CPU per request of the completed peer file, natively
const peerScript = join(peerDir, 'float-peer.mjs');
const peerFile = join(peerDir, 'sample-requests.jsonl');
if (existsSync(peerScript) && existsSync(peerFile)) {
  // The sample predates the rename of settlement "manual" to "manual_claim" and the place registry (a city outside
  // the pack is named by its Chinese name or code, not a pinyin id); both sides read the renamed lines.
  const CITY = { beijing: '北京', changsha: '长沙', wuhan: '武汉', chengdu: '成都' };
  const given = readFileSync(peerFile, 'utf8').split('\n').filter((l) => l.trim())
    .map((l) => l.replace(/"settlement": ?"manual"/, '"settlement": "manual_claim"')
      .replace(/"care_region": ?"([a-z]+)"/, (m, id) => (CITY[id] ? `"care_region": "${CITY[id]}"` : m)));
  const givenFile = join(work, 'peer-given.jsonl');
  writeFileSync(givenFile, given.join('\n') + '\n');
  const completed = [];
  for (const l of given) completed.push(await complete(l));
  const completedFile = join(work, 'peer-completed.jsonl');
  writeFileSync(completedFile, completed.join('\n') + '\n');
  // The same batch natively (one estimate_many call of the engine, as the wasm's): where the wasm stands against
  // native on these requests, and what the engine itself costs per request.
  {
    const runs = Array.from({ length: 3 }, () => JSON.parse(execFileSync(join(build, 'bench', 'native_bench'),
      ['--many', completedFile, String(quick ? 1000 : 9996)], { encoding: 'utf8' })));
    const cpu = median(runs.map((r) => r.cpu_us / r.requests));
    nativeMany = cpu;
    row('native estimate_many, detail figures, the peer file (completed), one call', `${fmt(1e6 / cpu, 0)} req/s`,
        `CPU ${fmt(cpu, 2)} µs per request (median of 3)`);
  }
  for (const [label, file, lines] of [['completed', completedFile, completed], ['as given', givenFile, given]]) {
    const perBatch = 1000;
    const batchLines = Array.from({ length: perBatch }, (_, i) => lines[i % lines.length]);
    const envelopeOf = (texts) => `{"op":"estimate_many","detail":"figures",${texts ? `"texts":"${texts}",` : ''}` +
      `"requests":[${batchLines.join(',')}]}`;
    // Today's row, and on the completed file the same batch with "texts": "none" (codes and figures, no sentences).
    const variants = [{ name: '', envelope: envelopeOf() }];
    if (label === 'completed') variants.push({ name: ', texts none', envelope: envelopeOf('none') });
    for (const v of variants) {
      const checkText = await engine.call(v.envelope, true);
      const check = JSON.parse(checkText);
      if (!check.ok || !check.result.every((e) => e.ok)) throw new Error('peer file: not every request is ok');
      Object.assign(v, { answerBytes: Buffer.byteLength(checkText), ours: [], cpus: [] });
    }
    if (label === 'completed') {
      const perRequest = [];
      for (const texts of ['both', 'zh', 'en', 'none']) {
        perRequest.push(`${texts} ${fmt(Buffer.byteLength(await engine.call(envelopeOf(texts), true)) / perBatch, 0)}`);
      }
      row('answer bytes per request, the peer file (completed), detail figures, by texts', perRequest.join(', '),
          'what the loader decodes and the caller parses');
    }
    const theirs = [];
    const total = quick ? 20000 : 200000;
    for (let round = 0; round < (quick ? 1 : 3); round++) {
      const p = JSON.parse(execFileSync(process.execPath, [peerScript, file, '--n', String(total), '--rounds', quick ? '1' : '5'], { encoding: 'utf8' }));
      theirs.push(p.float_peer_end_to_end_per_s);
      for (const v of variants) {
        for (let i = 0; i < 3; i++) await engine.call(v.envelope, true);
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        let bytes = 0;
        const ourTotal = label === 'completed' ? total : total / 10;
        for (let i = 0; i < ourTotal / perBatch; i++) bytes += (await engine.call(v.envelope, true)).length;
        v.ours.push(ourTotal / ((performance.now() - t0) / 1000));
        const c = process.cpuUsage(c0);
        v.cpus.push((c.user + c.system) / ourTotal);
        if (bytes === 0) throw new Error('no answers');
      }
    }
    const t = median(theirs);
    row(`float peer (plain JS, JSON line in, JSON out), its ${lines.length} sample requests ${label}`, `${fmt(t, 0)} req/s`,
        `rounds ${theirs.map((x) => fmt(x, 0)).join(', ')}`);
    for (const v of variants) {
      const o = median(v.ours), cpu = median(v.cpus);
      row(`claimcalc wasm estimate_many, detail figures${v.name}, the same file (${label}), same run`, `${fmt(o, 0)} req/s`,
          `rounds ${v.ours.map((x) => fmt(x, 0)).join(', ')}; CPU ${fmt(cpu, 2)} µs per request` +
          (label === 'completed' && nativeMany ? `, ${fmt(cpu / nativeMany, 2)}× native CPU` : ''));
      row(`claimcalc${v.name ? ` (${v.name.slice(2)})` : ''} / float peer (${label})`, `${fmt(o / t, 2)}×`,
          label === 'completed' ? (o >= t ? 'goal met (≥ 1)' : 'goal NOT met (≥ 1)') : 'the cost of fields left out');
      if (label === 'completed') {
        const alone = moduleAlone(v.envelope, perBatch, v.answerBytes, quick ? 10 : 60);
        row(`the same batch${v.name}, the module alone (cc_call_stream; answers counted, not decoded)`,
            `${fmt(alone, 2)} µs CPU per request`,
            `${nativeMany ? `${fmt(alone / nativeMany, 2)}× native CPU; ` : ''}the loader (UTF-8 in, ASCII JSON in one piece, decoded once) ` +
            `${fmt(cpu - alone, 2)} µs of the ${fmt(cpu, 2)}`);
      }
    }
  }
} else {
  row('float peer', 'not run', `no float-peer.mjs in ${peerDir || '../shared/peer'} (--peer DIR)`);
}

// The wasm's own share of an estimate_many (or of one estimate), without the loader: the module instantiated here
// with every region file read in, the envelope copied in once per call, and each piece of the answer only counted
// (its byte count checked against the loader's answer). CPU µs per request, median of 3 rounds of `calls` calls of perBatch requests.
// answerBytes null: not checked (the loader's answer is ASCII; a UTF-8 answer is shorter).
function moduleAlone(envelope, perBatch, answerBytes, calls, warm = 10, flags = kAsciiJson | kOnePiece) {
  let x, got = 0;
  const none = () => 0;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(wasmBytes), {
    env: { emscripten_notify_memory_growth: none, abort: () => { throw new Error('abort'); }, cc_piece: (p, n) => { got += n; } },
    wasi_snapshot_preview1: { proc_exit: () => { throw new Error('exit'); }, fd_close: none, fd_seek: none, fd_write: none } });
  x = instance.exports;
  if (x._initialize) x._initialize();
  const copyIn = (bytes) => {
    const p = x.cc_alloc(bytes.length);
    new Uint8Array(x.memory.buffer).set(bytes, p);
    return p;
  };
  for (const f of readdirSync(join(dist, 'regions')).filter((n) => n.endsWith('.ccp'))) {
    const bytes = readFileSync(join(dist, 'regions', f)), p = copyIn(bytes), out = x.cc_read_region(p, bytes.length);
    x.cc_free(p);
    x.cc_free(out);
  }
  const input = Buffer.from(envelope);
  const call = () => {
    const p = copyIn(input);
    x.cc_call_stream(p, input.length, flags);
    x.cc_free(p);
  };
  call();
  if (answerBytes !== null && got !== answerBytes) throw new Error(`module alone: ${got} bytes of answer, the loader's ${answerBytes}`);
  for (let i = 0; i < warm; i++) call();
  const rounds = [];
  for (let k = 0; k < 3; k++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < calls; i++) call();
    const c = process.cpuUsage(c0);
    rounds.push((c.user + c.system) / (calls * perBatch));
  }
  return median(rounds);
}

// ---- memory: a million estimates in one instance --------------------------------------------------------------------
{
  // The loader keeps the instance to itself: a WebAssembly stand-in hands the bench its memory.
  let mem = null;
  const spy = { Module: WebAssembly.Module, instantiate: (b, imp) => WebAssembly.instantiate(b, imp).then((r) => {
    mem = (r.instance || r).exports.memory;
    return r;
  }) };
  const e = await ClaimCalc.load(wasmBytes, { WebAssembly: spy });
  const perBatch = 1000;
  const batch = `{"op":"estimate_many","detail":"figures","requests":[${Array.from({ length: perBatch }, (_, i) => request(1 + i % 10, i)).join(',')}]}`;
  const total = quick ? 20000 : 1000000;
  let after = 0;
  const t0 = performance.now();
  for (let i = 0; i < total / perBatch; i++) {
    await e.call(batch, true);
    if (i === 9) after = mem.buffer.byteLength;
  }
  const secs = (performance.now() - t0) / 1000;
  const end = mem.buffer.byteLength;
  row(`wasm linear memory over ${fmt(total, 0)} figures-only estimates (1-10 items) in one instance`,
      `${kb(after)} after 10,000 → ${kb(end)} at the end`, `${end === after ? 'no growth' : 'GREW'}; ${fmt(total / secs, 0)} req/s`);
}

// ---- sizes --------------------------------------------------------------------------------------------------------
const sizeOf = (f) => {
  const b = readFileSync(f);
  return `${kb(b.length)} raw, ${kb(zlib.gzipSync(b, { level: 9 }).length)} gzip, ` +
    `${kb(zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length)} brotli`;
};
row('claimcalc.wasm (base: code, national rules, registry, region index)', sizeOf(join(dist, 'claimcalc.wasm')),
    `claimcalc.wasm.br ${kb(statSync(join(dist, 'claimcalc.wasm.br')).size)} (goal 120 KB)`);
row('claimcalc-author.wasm (the base + the policy reader: loadPolicies, validate_policy, the authoring view)',
    sizeOf(join(dist, 'claimcalc-author.wasm')), 'read only on first use (docs/size-and-start.md, "The authoring module")');
{
  const files = readdirSync(join(dist, 'regions')).filter((f) => f.endsWith('.ccp'));
  const br = files.map((f) => [f, zlib.brotliCompressSync(readFileSync(join(dist, 'regions', f)),
    { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length]).sort((a, b) => b[1] - a[1]);
  row(`region files (regions/*.ccp), ${files.length}`, `${kb(br.reduce((n, x) => n + x[1], 0))} brotli in all`,
      `largest ${br[0][0]} ${fmt(br[0][1], 0)} B (budget 6,000 B each)`);
}
row('claimcalc.js (loader)', sizeOf(join(dist, 'claimcalc.js')), 'budget 5 KB brotli');
row('claimcalc.asm.js (wasm2js fallback)', sizeOf(join(dist, 'claimcalc.asm.js')));
// The same 50-item answer with each source written where it is cited, as answers were before sources-once (4cf189c):
// the bytes that shape change saves or costs on this request.
{
  const inline = (x, table) => {
    if (Array.isArray(x)) return x.map((v) => inline(v, table));
    if (!x || typeof x !== 'object') return x;
    const out = {};
    for (const [k, v] of Object.entries(x)) {
      if (k === 'sources' && !Array.isArray(v)) continue;
      out[k] = k === 'source' && v && v.ref && table[v.ref] ? { ...table[v.ref], ...v, ref: undefined } : inline(v, table);
    }
    return out;
  };
  const text = await engine.call(`{"op":"estimate","request":${first}}`, true);
  const answer = JSON.parse(text);
  const inlined = Buffer.byteLength(JSON.stringify(inline(answer, answer.result.sources)));
  row('one 50-item full answer (the cold-start request)', `${fmt(Buffer.byteLength(text), 0)} bytes`,
      `${fmt(inlined, 0)} bytes with each source inlined where cited (the shape before sources-once)`);
}
rmSync(work, { recursive: true });

// ---- the table ----------------------------------------------------------------------------------------------------
const cpu = os.cpus();
const machine = `${cpu[0].model.trim()}, ${cpu.length} cores, ${fmt(os.totalmem() / 2 ** 30)} GiB; ${os.type()} ${os.release()}; ` +
  `Node ${process.version}; load average ${os.loadavg().map((x) => fmt(x)).join(' ')} at the end`;
const table = [`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${quick ? ' (--quick: small counts)' : ''} on: ${machine}`, '',
  '| benchmark | result | note |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
if (!quick) writeFileSync(join(source, 'bench', 'RESULTS.md'), `# Latest benchmark run (bench/run.sh)\n\n${table}\n`);
console.log(table);
