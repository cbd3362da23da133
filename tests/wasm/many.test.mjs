// 9. estimateMany of the documented maximum (engine/core/limits.hpp kMaxBatchRequests) answers every request, in
// the wasm module and the wasm2js fallback, without a trap and with the module's memory bounded by the input and
// one answer: the answers stream out through cc_piece and are parsed one by one (before, 10,000 answers took 745 MiB
// of wasm memory). One more request is too_large. A call that leaves the memory over the loader's keep limit (64 MiB)
// lets the instance go, so the host can reclaim it; the next call starts afresh with the loaded pack.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { ClaimCalc, asmFactory, fixturePack, source, wasmBytes } from './lib.mjs';

const limit = Number(/kMaxBatchRequests = (\d+)/.exec(readFileSync(join(source, 'engine/core/limits.hpp'), 'utf8'))[1]);
const MiB = 1 << 20;

// Fully specified (no ranges to compute), each with its own amount.
const request = { insured_region: 'shenzhen', scheme: 'employee', person: 'active', tier: 'tier1', setting: 'inpatient',
                  hospital_level: 'level3', date_of_care: '2025-03-01', discharge_date: '2025-03-05', age: 40,
                  year_to_date: { stays: 0, deductible_paid: '0.00', in_scope: '0.00', fund_paid: '0.00',
                                  critical_illness_base: '0.00', critical_illness_paid: '0.00' } };
const amount = (i) => `${1000 + i}.${String(i % 100).padStart(2, '0')}`;
const batch = (n) => Array.from({ length: n }, (_, i) => ({ ...request, totals: { class_a: amount(i) } }));

// A loader whose instances (their exports) the test can see: wasm, or the wasm2js factory.
async function watched(kind) {
  const seen = [];
  if (kind === 'wasm') {
    const WA = { Module: WebAssembly.Module, instantiate: (s, i) => WebAssembly.instantiate(s, i).then((r) => {
      seen.push((r.instance || r).exports);
      return r;
    }) };
    return { engine: await ClaimCalc.load(wasmBytes(), { WebAssembly: WA }), seen };
  }
  const factory = asmFactory();
  return { engine: await ClaimCalc.load((imports) => { const x = factory(imports); seen.push(x); return x; }), seen };
}

for (const kind of ['wasm', 'wasm2js']) {
  test(`${kind}: estimateMany of ${limit} requests answers each, memory bounded`, async () => {
    const { engine, seen } = await watched(kind);
    const list = batch(limit);
    const env = await engine.estimateMany(list);
    assert.equal(env.ok, true);
    assert.equal(env.result.length, limit);
    assert.equal(env.result.filter((a) => a.ok).length, limit, 'every request answered ok');
    for (const i of [0, 1, 4321, limit - 1]) {
      assert.deepEqual(env.result[i], await engine.estimate(list[i]), `answer ${i} is the single estimate's`);
    }
    assert.equal(env.result[7].result.split.total, '1007.07');
    const peak = seen[0].memory.buffer.byteLength;
    console.log(`# ${kind}: peak wasm memory ${(peak / MiB).toFixed(1)} MiB for ${limit} answers`);
    assert.ok(peak <= 32 * MiB, `peak ${peak} bytes`);
    assert.equal(seen.length, 1, 'one instance: no trap');

    const over = await engine.estimateMany(batch(limit + 1));
    assert.deepEqual([over.ok, over.error.code, over.error.field], [false, 'too_large', 'requests']);
  });
}

test('a call that leaves the memory over 64 MiB lets the instance go; the next call starts afresh', async () => {
  const { engine, seen } = await watched('wasm');
  assert.equal((await engine.loadPolicies(fixturePack)).ok, true);
  // The pack is in the authoring module, instantiated at loadPolicies in place of the base (author.test.mjs).
  const n = seen.length;
  assert.ok(seen[n - 1].cc_load_policies);
  const big = await engine.call('"' + 'x'.repeat(70 * MiB) + '"');
  assert.equal(big.error.code, 'too_large');
  assert.ok(seen[n - 1].memory.buffer.byteLength > 64 * MiB);
  const env = await engine.policies();
  assert.equal(seen.length, n + 1, 'a fresh instance');
  assert.ok(seen[n].memory.buffer.byteLength < 16 * MiB, 'with a small memory');
  assert.deepEqual(env.result.map((p) => p.region), ['wasmtown'], 'the loaded pack applied again');
});

// A text answer (call(envelope, true)) is handed out in one piece, or in parts of 8 MiB when longer (wasm/abi.cpp
// kOnePiece): the text of a batch of the maximum is over 40 MB, so it comes in several parts, which join to the
// same JSON values as the value answer, and the module's memory stays bounded by the input and one part.
test('a text answer over 8 MiB comes in parts that join to the value answer, memory bounded', async () => {
  const pieces = [];
  let x = null;
  const WA = { Module: WebAssembly.Module, instantiate: (s, imports) => {
    const piece = imports.env.cc_piece;
    imports.env.cc_piece = (p, n) => { pieces.push(n); piece(p, n); };
    return WebAssembly.instantiate(s, imports).then((r) => { x = (r.instance || r).exports; return r; });
  } };
  const engine = await ClaimCalc.load(wasmBytes(), { WebAssembly: WA });
  const list = batch(limit);
  const single = await engine.estimate(list[3]);  // reads the region's file: the batch is then one call
  pieces.length = 0;
  const text = await engine.call({ op: 'estimate_many', detail: 'figures', requests: list }, true);
  assert.ok(/^[\x00-\x7f]*$/.test(text), 'ASCII-only JSON');
  assert.equal(text.length, pieces.reduce((a, n) => a + n, 0), 'the parts make the whole text');
  assert.ok(pieces.length >= 2 && pieces.every((n) => n <= 8 * MiB + (256 << 10)), `parts ${pieces}`);
  const peak = x.memory.buffer.byteLength;
  console.log(`# text: ${(text.length / MiB).toFixed(1)} MiB in ${pieces.length} parts, peak wasm memory ${(peak / MiB).toFixed(1)} MiB`);
  assert.ok(peak <= 32 * MiB, `peak ${peak} bytes`);
  assert.deepEqual(JSON.parse(text), await engine.estimateMany(list, { detail: 'figures' }));
  // A short text answer is one piece.
  pieces.length = 0;
  const one = await engine.call({ op: 'estimate', request: list[3] }, true);
  assert.deepEqual([pieces.length, JSON.parse(one)], [1, single]);
});
