#!/usr/bin/env node
// Benchmarks for the wasm build (not a test): sizes against their budgets, cold start, per-request time and batch
// throughput in wasm, and the native CLI's batch throughput on the same requests.
//   cmake --build build --target wasm claimcalc && node scripts/wasm-bench.mjs [--region shenzhen] [--build build]
//                                                                             [--cli PATH-TO-A-RELEASE-claimcalc]
// The native figure means something only for an optimised CLI: the build type it was built with is printed.
// The requests are Shenzhen employee/active/tier1 inpatient at a level-3 hospital on 2025-03-01; when the built-in
// pack has no shenzhen they run on the made-up wasmtown pack of tests/wasm/fixtures (only the region id differs).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const source = join(dirname(fileURLToPath(import.meta.url)), '..');
const build = opt('--build', join(source, 'build'));
const dist = join(build, 'dist');
const cli = opt('--cli', join(build, 'claimcalc'));
const cliBuildType = (() => {
  try {
    return /CMAKE_BUILD_TYPE:STRING=(.*)/.exec(readFileSync(join(dirname(cli), 'CMakeCache.txt'), 'utf8'))[1] || '?';
  } catch {
    return 'unknown';
  }
})();
const require = createRequire(import.meta.url);
const ClaimCalc = require(join(dist, 'claimcalc.js'));
const bytes = readFileSync(join(dist, 'claimcalc.wasm'));

const builtinRegions = JSON.parse(execFileSync(cli, ['policies', 'list'], { encoding: 'utf8' })).result.map((p) => p.region);
const region = opt('--region', builtinRegions.includes('shenzhen') ? 'shenzhen' : 'wasmtown');
const fixtureDir = join(source, 'tests', 'wasm', 'fixtures', 'policies');
const useFixture = !builtinRegions.includes(region);
const pack = { files: readdirSync(fixtureDir).flatMap((r) => readdirSync(join(fixtureDir, r))
  .map((f) => ({ path: `${r}/${f}`, content: readFileSync(join(fixtureDir, r, f), 'utf8') }))) };

const classes = ['class_a', 'class_b', 'out_of_catalogue', 'class_a', 'class_b'];
function request(items, seed) {
  return {
    insured_region: region, scheme: 'employee', person: 'active', tier: 'tier1', setting: 'inpatient',
    hospital_level: 'level3', date_of_care: '2025-03-01', discharge_date: '2025-03-09',
    items: Array.from({ length: items }, (_, i) => (i % 3 === 0
      ? { name: `项目 ${i + 1}`, class: classes[i % 5], quantity: 1 + ((i + seed) % 7), unit_price: (12.5 + i * 3.17 + seed % 97).toFixed(2) }
      : { name: `项目 ${i + 1}`, class: classes[i % 5], amount: (35 + i * 41.37 + (seed % 1000) * 1.01).toFixed(2) })),
  };
}

const estimateEnvelope = (text) => `{"op":"estimate","request":${text}}`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const check = (ok) => (ok ? 'within budget' : 'OVER BUDGET');
const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];

const sizes = {
  wasm: statSync(join(dist, 'claimcalc.wasm')).size,
  br: statSync(join(dist, 'claimcalc.wasm.br')).size,
  loader: statSync(join(dist, 'claimcalc.js')).size,
  loaderGzip: (() => { const z = require('node:zlib'); return z.gzipSync(readFileSync(join(dist, 'claimcalc.js')), { level: 9 }).length; })(),
  asm: statSync(join(dist, 'claimcalc.asm.js')).size,
};
console.log(`region: ${region}${useFixture ? ' (made-up fixture pack: the built-in pack has no such region)' : ''}`);
console.log(`claimcalc.wasm         ${kb(sizes.wasm)}`);
console.log(`claimcalc.wasm.br      ${kb(sizes.br)}  (budget 150 KB: ${check(sizes.br < 150 * 1024)})`);
console.log(`claimcalc.js (loader)  ${kb(sizes.loader)}  (budget 5 KB: ${check(sizes.loader < 5 * 1024)}; gzip ${kb(sizes.loaderGzip)})`);
console.log(`claimcalc.asm.js       ${kb(sizes.asm)}  (fallback, brotli ${kb(require('node:zlib').brotliCompressSync(readFileSync(join(dist, 'claimcalc.asm.js'))).length)})`);

// Cold start: a fresh Node process each time (V8 caches compiled modules within a process).
const first = JSON.stringify(request(50, 1));
const coldScript = `
const { readFileSync } = require('fs');
const C = require(${JSON.stringify(join(dist, 'claimcalc.js'))});
const bytes = readFileSync(${JSON.stringify(join(dist, 'claimcalc.wasm'))});
const pack = ${useFixture ? JSON.stringify(JSON.stringify(pack)) : 'null'};
const t0 = process.hrtime.bigint();
C.load(bytes).then(async (e) => {
  if (pack) await e.loadPolicies(pack);
  const r = await e.estimate(${first});
  if (!r.ok) throw new Error(JSON.stringify(r));
  console.log(Number(process.hrtime.bigint() - t0) / 1e6);
});`;
const colds = Array.from({ length: 9 }, () => Number(execFileSync(process.execPath, ['-e', coldScript], { encoding: 'utf8' })));
const cold = median(colds);
console.log(`instantiate + first estimate (50 items), fresh process: median ${cold.toFixed(1)} ms, best ` +
            `${Math.min(...colds).toFixed(1)} ms of ${colds.length} [${colds.map((x) => x.toFixed(1)).join(', ')}]` +
            `  (budget 50 ms: ${check(cold < 50)}; load average ${(await import('node:os')).loadavg()[0].toFixed(1)})`);

const engine = await ClaimCalc.load(bytes);
if (useFixture) await engine.loadPolicies(pack);
const r50 = request(50, 1);
for (let i = 0; i < 20; i++) await engine.estimate(r50);
let n = 300, t = performance.now();
for (let i = 0; i < n; i++) await engine.estimate(r50);
const per50 = (performance.now() - t) / n;
console.log(`estimate, 50-item inpatient bill, warm: ${per50.toFixed(3)} ms per request`);

const batch = Array.from({ length: 10000 }, (_, i) => request(10, i));
const batchText = batch.map((r) => JSON.stringify(r));
await engine.estimateMany(batch.slice(0, 500));
// The first big batch also grows the module's memory (to ~0.5 GB for 10,000 answers); the second reuses it.
const timed = async (f) => { const t0 = performance.now(); await f(); return (performance.now() - t0) / 1000; };
let many;
const firstSecs = await timed(async () => { many = await engine.estimateMany(batch); });
if (many.result.length !== 10000 || !many.result.every((e) => e.ok)) throw new Error('estimateMany: not all ok');
const wasmSecs = await timed(() => engine.estimateMany(batch));
const rawText = `{"op":"estimate_many","requests":[${batchText.join(',')}]}`;
const wasmRawSecs = await timed(() => engine.call(rawText, true));
const wasmRate = 10000 / wasmSecs;
const answerBytes = (await engine.call(estimateEnvelope(batchText[0]), true)).length;
console.log(`estimateMany, 10,000 requests of 10 items (answers ~${kb(answerBytes)} each), one crossing: ` +
            `${wasmRate.toFixed(0)} req/s warm (first batch: ${(10000 / firstSecs).toFixed(0)} req/s); ` +
            `without JSON.stringify/JSON.parse in JS: ${(10000 / wasmRawSecs).toFixed(0)} req/s`);

const dir = mkdtempSync(join(tmpdir(), 'claimcalc-bench-'));
writeFileSync(join(dir, 'batch.jsonl'), batchText.join('\n') + '\n');
const nativeArgs = [...(useFixture ? ['--policies', fixtureDir] : []), 'batch'];
const runs = [];
for (let i = 0; i < 3; i++) {
  t = performance.now();
  const out = spawnSync('sh', ['-c', `"$0" "$@" < "${join(dir, 'batch.jsonl')}" > /dev/null`, cli, ...nativeArgs]);
  if (out.status !== 0) throw new Error(`native batch failed: ${out.stderr}`);
  runs.push((performance.now() - t) / 1000);
}
rmSync(dir, { recursive: true });
const nativeRate = 10000 / median(runs);
console.log(`native CLI batch (${cliBuildType} build), same 10,000 requests, process start included: ` +
            `${nativeRate.toFixed(0)} req/s`);
console.log(`wasm / native: ${(wasmRate / nativeRate).toFixed(2)}x (engine + copy only: ${((10000 / wasmRawSecs) / nativeRate).toFixed(2)}x)`);
