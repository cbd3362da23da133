// 5. Trap recovery: a trap inside claimcalc.wasm (a cc_call_stream on a pointer outside memory: "memory access out of
// bounds") or a failure raised half-way through a call (an import that throws, as abort/proc_exit do) rejects that
// call with a clear error; the next call runs on a fresh instance made from the kept module, with the loaded policy
// pack applied again. Calls queued behind the failing one still succeed.
import assert from 'node:assert/strict';
import test from 'node:test';
import { ClaimCalc, fixturePack, growthBomb, wasmBytes } from './lib.mjs';

const request = { insured_region: 'wasmtown', scheme: 'employee', person: 'active', tier: 'tier1', setting: 'inpatient',
                  hospital_level: 'level3', date_of_care: '2025-03-01', totals: { class_a: '10000.00' } };

// A WebAssembly that counts instances and whose cc_call_stream, when told to, passes a pointer far outside memory.
// It counts the authoring module's (the loader leaves the base for it at loadPolicies: tests/wasm/author.test.mjs).
function spyWebAssembly() {
  const spy = { instances: 0, compiles: 0, badCalls: 0, bomb: null };
  spy.WebAssembly = {
    Module: WebAssembly.Module,
    instantiate(source, imports) {
      const compiled = !(source instanceof WebAssembly.Module);
      const wrapped = growthBomb(imports);
      spy.bomb = wrapped.bomb;
      return WebAssembly.instantiate(source, wrapped.imports).then((r) => {
        const x = (r.instance || r).exports;
        if (x.cc_load_policies) {
          spy.instances++;
          if (compiled) spy.compiles++;
        }
        const exports = { ...x, cc_call_stream(p, n, f) {
          if (spy.badCalls > 0) { spy.badCalls--; return x.cc_call_stream(0xfffff000, 4096, f); }
          return x.cc_call_stream(p, n, f);
        } };
        return r.instance ? { module: r.module, instance: { exports } } : { exports };
      });
    },
  };
  return spy;
}

async function loaded(spy) {
  const engine = await ClaimCalc.load(wasmBytes(), { WebAssembly: spy.WebAssembly });
  assert.equal((await engine.loadPolicies(fixturePack)).ok, true);
  return engine;
}

test('an out-of-bounds trap rejects the call; the next call works, with the loaded policies', async () => {
  const spy = spyWebAssembly();
  const engine = await loaded(spy);
  const before = await engine.estimate(request);
  assert.equal(before.ok, true, JSON.stringify(before));
  spy.badCalls = 1;
  await assert.rejects(engine.estimate(request), (e) => {
    assert.match(e.message, /^claimcalc: the engine stopped \(.*out of bounds.*\); the next call starts afresh$/);
    assert.ok(e.cause instanceof WebAssembly.RuntimeError);
    return true;
  });
  const after = await engine.estimate(request);
  assert.deepEqual(after, before, 'same answer from the fresh instance, so the wasmtown pack was re-applied');
  assert.equal(spy.instances, 2);
  assert.equal(spy.compiles, 1, 'the fresh instance comes from the kept module, not a new compile');
});

test('a failure raised inside a call (an import throws mid-malloc) rejects it; the next call works', async () => {
  const spy = spyWebAssembly();
  const engine = await loaded(spy);
  spy.bomb.armed = true;
  await assert.rejects(engine.call('"' + 'x'.repeat(24 << 20) + '"'), /the engine stopped \(simulated abort/);
  assert.equal((await engine.estimate(request)).ok, true);
  assert.equal(spy.instances, 2);
});

test('calls queued behind a trapping call succeed', async () => {
  const spy = spyWebAssembly();
  const engine = await loaded(spy);
  spy.badCalls = 1;
  const results = await Promise.allSettled([engine.estimate(request), engine.estimate(request), engine.version(),
                                            engine.estimateMany([request, request])]);
  assert.deepEqual(results.map((r) => r.status), ['rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
  assert.equal(results[1].value.ok, true);
  assert.equal(results[3].value.result.length, 2);
  assert.equal(spy.instances, 2);
});

test('two traps in a row, then recovery', async () => {
  const spy = spyWebAssembly();
  const engine = await loaded(spy);
  spy.badCalls = 2;
  await assert.rejects(engine.policies(), /the engine stopped/);
  await assert.rejects(engine.policies(), /the engine stopped/);
  const env = await engine.policies();
  assert.deepEqual(env.result.map((p) => p.region), ['wasmtown']);
  assert.equal(spy.instances, 3);
});

test('bytes that are not a wasm module reject load', async () => {
  await assert.rejects(ClaimCalc.load(new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9])), WebAssembly.CompileError);
});
