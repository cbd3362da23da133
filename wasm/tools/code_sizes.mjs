// Where the wasm's bytes are: code bytes per function (from the name section) grouped by kind, and what each group
// costs brotli-compressed, measured as the module's brotli size less that of the same module with the group's
// function bodies emptied (docs/size-and-start.md, "The code diet"). Needs a module with names, linked as
// wasm/CMakeLists.txt links it plus --profiling-funcs, then the same wasm-opt with -g; and c++filt (binutils).
//   node wasm/tools/code_sizes.mjs prof.wasm [N]       the groups, then the N largest functions
//   DROP='regex;;regex' node wasm/tools/code_sizes.mjs prof.wasm   the brotli cost of the functions each regex names
import fs from 'node:fs';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
const buf = fs.readFileSync(process.argv[2]);
let p = 8;
function leb(b, o) { let r = 0, s = 0, x; do { x = b[o++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return [r, o]; }
const sections = [];
while (p < buf.length) {
  const id = buf[p]; let [len, q] = leb(buf, p + 1);
  sections.push({ id, start: p, body: q, end: q + len });
  p = q + len;
}
let nimports = 0;
const imp = sections.find(s => s.id === 2);
if (imp) {
  let [n, q] = leb(buf, imp.body);
  for (let i = 0; i < n; i++) {
    let l; [l, q] = leb(buf, q); q += l; [l, q] = leb(buf, q); q += l;
    const kind = buf[q++];
    if (kind === 0) { nimports++; [, q] = leb(buf, q); }
    else if (kind === 1) { q++; const f = buf[q++]; [, q] = leb(buf, q); if (f & 1) [, q] = leb(buf, q); }
    else if (kind === 2) { const f = buf[q++]; [, q] = leb(buf, q); if (f & 1) [, q] = leb(buf, q); }
    else if (kind === 3) { q += 2; }
  }
}
const names = new Map();
const custom = sections.filter(s => s.id === 0);
for (const s of custom) {
  let [l, q] = leb(buf, s.body);
  const nm = buf.slice(q, q + l).toString(); q += l;
  if (nm !== 'name') continue;
  while (q < s.end) {
    const sub = buf[q]; let sl; [sl, q] = leb(buf, q + 1); const e = q + sl;
    if (sub === 1) { let n; [n, q] = leb(buf, q); for (let i = 0; i < n; i++) { let idx, L; [idx, q] = leb(buf, q); [L, q] = leb(buf, q); names.set(idx, buf.slice(q, q + L).toString()); q += L; } }
    q = e;
  }
}
const code = sections.find(s => s.id === 10);
const data = sections.find(s => s.id === 11);
let [nf, q] = leb(buf, code.body);
const funcs = [];
for (let i = 0; i < nf; i++) { let sz, b; [sz, b] = leb(buf, q); funcs.push({ idx: nimports + i, start: q, body: b, end: b + sz, size: b + sz - q }); q = b + sz; }
const mangled = funcs.map(f => names.get(f.idx) || `f${f.idx}`);
const dem = execFileSync('c++filt', { input: mangled.join('\n'), maxBuffer: 1 << 28 }).toString().split('\n');
funcs.forEach((f, i) => { f.name = dem[i]; });
console.log(`sections: ${sections.map(s => `${s.id}:${s.end - s.start}`).join(' ')}; funcs ${nf}; code ${code.end - code.start}; data ${data ? data.end - data.start : 0}`);
const rules = [
  ['nlohmann', /nlohmann/],
  ['float/strtod/printf', /strtod|printf|fmt_fp|pop_arg|__floatscan|scalbn|frexp|__shlim|__intscan|fmt_|wctomb|strtof|strtold|decfloat|hexfloat|copysign|fmodl|__shgetc|__uflow|__toread|__multf3|__addtf3|__subtf3|__divtf3|__extenddftf2|__trunctfdf2|__fixtfsi|__floatsitf|__eqtf2|__netf2|__lttf2|__getf2|__letf2|__unordtf2|__floatunsitf|__fe_|grisu|dtoa|to_chars|from_chars/],
  ['libc++ locale/iostream', /locale|ios_base|basic_ios|ostream|istream|streambuf|ctype|codecvt|num_put|num_get|__stdoutp|fwrite|stdio/],
  ['api', /claimcalc::api/],
  ['codec', /claimcalc::codec/],
  ['core', /claimcalc::/],
  ['boost', /boost::/],
  ['libc++ std', /std::|__cxa|operator new|operator delete|abort_message/],
  ['libc', /^(mem|str|__|sbrk|dlmalloc|dlfree|malloc|free|realloc|emscripten|abort|_start|stack|wcs|wmem|qsort|bsearch)/],
];
const cat = f => { for (const [n, r] of rules) if (r.test(f.name)) return n; return 'other'; };
const bycat = new Map();
for (const f of funcs) { f.cat = cat(f); bycat.set(f.cat, (bycat.get(f.cat) || 0) + f.size); }
const total = code.end - code.body;
// A module without names (as shipped), then the same with one category's bodies emptied.
const base = stripped();
function stripped(drop) {
  const parts = [buf.slice(0, 8)];
  for (const s of sections) {
    if (s.id === 0) continue;
    if (s.id !== 10 || !drop) { parts.push(buf.slice(s.start, s.end)); continue; }
    const bodies = [];
    for (const f of funcs) bodies.push(drop(f) ? Buffer.from([3, 0, 0, 0x0b]) : buf.slice(f.start, f.end));
    const content = Buffer.concat([encLeb(nf), ...bodies]);
    parts.push(Buffer.from([10]), encLeb(content.length), content);
  }
  return Buffer.concat(parts);
}
function encLeb(n) { const o = []; do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; o.push(b); } while (n); return Buffer.from(o); }
function br(b) { return zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 24 } }).length; }
const baseBr = br(base);
const allCode = br(stripped(() => true));
console.log(`module ${base.length} B raw, ${baseBr} B br; all code bodies emptied: ${allCode} B br (code ~${baseBr - allCode} B br, ${(100 * (baseBr - allCode) / baseBr).toFixed(1)}%)`);
const rows = [...bycat.entries()].sort((a, b) => b[1] - a[1]);
for (const [c, sz] of rows) {
  const b = br(stripped(f => f.cat === c));
  console.log(`${c.padEnd(24)} ${String(sz).padStart(7)} B raw code (${(100 * sz / total).toFixed(1)}%)  ~${baseBr - b} B br (${(100 * (baseBr - b) / baseBr).toFixed(1)}% of the module)`);
}
if (process.argv[3]) {
  const n = Number(process.argv[3]);
  for (const f of [...funcs].sort((a, b) => b.size - a.size).slice(0, n)) console.log(String(f.size).padStart(7), f.cat.padEnd(14), f.name.slice(0, 200));
}
if (process.env.DROP) {
  for (const expr of process.env.DROP.split(';;')) {
    const re = new RegExp(expr);
    let raw = 0, n = 0;
    for (const f of funcs) if (re.test(f.name)) { raw += f.size; n++; }
    console.log(`DROP /${expr}/: ${n} funcs, ${raw} B raw, ~${baseBr - br(stripped(f => re.test(f.name)))} B br`);
  }
}
