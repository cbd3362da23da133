// Shared by the tests/wasm/*.test.mjs scripts: where dist/ and the native CLI are, the requests, the native side.
// ctest sets CLAIMCALC_DIST, CLAIMCALC_CLI and CLAIMCALC_SOURCE_DIR (wasm/CMakeLists.txt); by hand the defaults
// assume the build folder is <source>/build.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const source = process.env.CLAIMCALC_SOURCE_DIR || join(here, '..', '..');
export const dist = process.env.CLAIMCALC_DIST || join(source, 'build', 'dist');
export const cli = process.env.CLAIMCALC_CLI || join(source, 'build', 'claimcalc');
for (const f of [join(dist, 'claimcalc.wasm'), join(dist, 'claimcalc.js'), cli]) {
  if (!existsSync(f)) throw new Error(`missing ${f}: run cmake --build build --target wasm claimcalc`);
}

const require = createRequire(import.meta.url);
export const ClaimCalc = require(join(dist, 'claimcalc.js'));
export const wasmBytes = () => readFileSync(join(dist, 'claimcalc.wasm'));
export const asmFactory = () => require(join(dist, 'claimcalc.asm.js'));

// The made-up policy pack the requests in tests/wasm/requests use (region "wasmtown").
export const fixtureDir = join(here, 'fixtures', 'policies');
export function packOf(dir) {
  const files = [];
  for (const region of readdirSync(dir).sort()) {
    if (!statSync(join(dir, region)).isDirectory()) continue;
    for (const f of readdirSync(join(dir, region)).sort()) {
      if (f.endsWith('.json')) files.push({ path: `${region}/${f}`, content: readFileSync(join(dir, region, f), 'utf8') });
    }
  }
  // replace: the fixture alone, as the native CLI sees it with --policies (a pack otherwise merges over the built-in).
  return { files, replace: true };
}
export const fixturePack = packOf(fixtureDir);

// A complete request on the fixture pack, to vary.
export const wasmtownRequest = Object.freeze({
  insured_region: 'wasmtown', scheme: 'employee', person: 'active', tier: 'tier1', setting: 'inpatient',
  hospital_level: 'level3', date_of_care: '2025-03-01', totals: Object.freeze({ class_a: '100.00' }),
});

// An engine on the fixture pack that counts its instances: a trap the loader silently recovered from (a fresh
// instance) still shows as instances() > 1. The pack is loaded into the authoring module (the loader leaves the
// base for it at loadPolicies: tests/wasm/author.test.mjs), so its instances are the ones counted.
export async function countingEngine() {
  let count = 0;
  const counting = {
    Module: WebAssembly.Module,
    instantiate: (s, i) => WebAssembly.instantiate(s, i).then((r) => {
      if (r.instance.exports.cc_load_policies) count++;
      return r;
    }),
  };
  const engine = await ClaimCalc.load(wasmBytes(), { WebAssembly: counting });
  if (!(await engine.loadPolicies(fixturePack)).ok) throw new Error('the fixture pack did not load');
  return { engine, instances: () => count };
}

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : f.endsWith('.json') ? [p] : [];
  });
}

// [{name, text, pack}]: text is the request JSON exactly as both sides get it; pack 'builtin' or 'fixture'.
export function caseFiles() {
  return [...walk(join(source, 'tests', 'cases'))];
}

export function requests() {
  const out = [];
  for (const f of walk(join(source, 'tests', 'cases'))) {
    const c = JSON.parse(readFileSync(f, 'utf8'));
    if (c.request) out.push({ name: relative(source, f), text: JSON.stringify(c.request), pack: 'builtin' });
  }
  for (const f of walk(join(here, 'requests'))) {
    const text = readFileSync(f, 'utf8').trim();
    out.push({ name: relative(source, f), text, pack: 'fixture' });
    // The same request on a real region, when the built-in pack has it.
    const req = JSON.parse(text);
    if (req.insured_region === 'wasmtown' && builtinRegions().includes('shenzhen')) {
      out.push({ name: relative(source, f) + ' (shenzhen)', text: JSON.stringify({ ...req, insured_region: 'shenzhen' }),
                 pack: 'builtin' });
    }
  }
  return out;
}

let regions = null;
export function builtinRegions() {
  if (!regions) regions = JSON.parse(native(['policies', 'list'])).result.map((p) => p.region);
  return regions;
}

// The native CLI's stdout, without its trailing newline. Exit status 2 (bad input) still prints an envelope.
export function native(args, input = '', pack = 'builtin') {
  const pre = pack === 'fixture' ? ['--policies', fixtureDir] : [];
  try {
    return execFileSync(cli, [...pre, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'ignore'] })
      .replace(/\n$/, '');
  } catch (e) {
    if (e.status === 2 && typeof e.stdout === 'string') return e.stdout.replace(/\n$/, '');
    throw e;
  }
}

// The envelope text claimcalc.wasm gets for one request: built from the request text, not re-serialised.
export const estimateEnvelope = (text) => `{"op":"estimate","request":${text}}`;

// Runs engine (one per pack) against the native CLI for every request; returns how many were compared.
export async function checkParity(assert, engines) {
  const list = requests();
  assert.ok(list.length >= 10, `only ${list.length} requests found`);
  for (const r of list) {
    const got = await engines[r.pack].call(estimateEnvelope(r.text), true);
    sameText(assert, got, asciiJson(native(['estimate', '-'], r.text, r.pack)), r.name);
  }
  return list.length;
}

// JSON text as the loader's text answers are (the engine writes them so: CallOptions::ascii; the C++ reference is
// engine/codec/ascii_json.hpp): every character above U+007F as a lowercase \uXXXX escape, a character above U+FFFF
// as its two surrogates. The same JSON values.
export function asciiJson(text) {
  return text.replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

// Byte equality, reported as the first difference with a little context (answers run to tens of kilobytes).
export function sameText(assert, got, want, what) {
  if (got === want) return;
  let i = 0;
  while (i < got.length && got[i] === want[i]) i++;
  assert.fail(`${what}: differs at character ${i} (lengths ${got.length} vs ${want.length}):\n` +
              `  wasm:   …${got.slice(Math.max(0, i - 60), i + 60)}\n  native: …${want.slice(Math.max(0, i - 60), i + 60)}`);
}


// Wraps imports so that, once armed, the module's memory-growth notice throws: a failure raised from inside a
// call, half-way through malloc, as an abort would be. Returns the wrapped imports and the arming switch.
export function growthBomb(imports) {
  const bomb = { armed: false };
  const env = { ...imports.env, emscripten_notify_memory_growth() {
    if (bomb.armed) throw new Error('simulated abort during memory growth');
  } };
  return { imports: { ...imports, env }, bomb };
}
