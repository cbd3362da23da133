#!/usr/bin/env node
// Measures one wasm estimateMany of N short requests (not a test): the answer's size, the time, the host's memory,
// and that the module still answers afterwards. Sets engine/core/limits.hpp's kMaxBatchRequests.
//   cmake --build build --target wasm && node scripts/wasm-many.mjs 10000 [--build build]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const n = Number(args[0] || 10000);
const build = args.includes('--build') ? args[args.indexOf('--build') + 1] : join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
const require = createRequire(import.meta.url);
const ClaimCalc = require(join(build, 'dist', 'claimcalc.js'));
const engine = await ClaimCalc.load(readFileSync(join(build, 'dist', 'claimcalc.wasm')));
const request = { insured_region: 'shenzhen', scheme: 'employee', person: 'active', tier: 'tier1', setting: 'inpatient',
                  hospital_level: 'level3', date_of_care: '2025-03-01', totals: { class_a: '20000' } };
const list = Array.from({ length: n }, (_, i) => ({ ...request, totals: { class_a: String(1000 + i) } }));
const start = Date.now();
try {
  const text = await engine.call(JSON.stringify({ op: 'estimate_many', requests: list }), true);
  console.log(`${n} requests: ok=${text.startsWith('{"ok":true')}, answer ${(text.length / 1e6).toFixed(1)} MB ` +
              `(${Math.round(text.length / n)} B each), ${Date.now() - start} ms, ` +
              `host RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
} catch (err) {
  console.log(`${n} requests: failed: ${String(err).slice(0, 160)}`);
}
console.log('afterwards the module answers:', (await engine.call('{"op":"version"}')).ok);
