// 4. The wasm2js fallback (claimcalc.asm.js) with WebAssembly deleted: the same façade, the same answers as the
// native CLI, and the plain-script form (globals ClaimCalc and ClaimCalcAsm) for pages without a bundler.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import vm from 'node:vm';
import { ClaimCalc, asmFactory, growthBomb, checkParity, dist, fixturePack, wasmBytes } from './lib.mjs';

const bytes = wasmBytes();
delete globalThis.WebAssembly;

test('WebAssembly is gone, and loading wasm bytes without a fallback says what to do', async () => {
  assert.equal(typeof WebAssembly, 'undefined');
  await assert.rejects(ClaimCalc.load(bytes), /no WebAssembly; pass opts\.fallback/);
});

test('load(bytes, {fallback}) uses claimcalc.asm.js; every request matches the native CLI', async () => {
  const builtin = await ClaimCalc.load(bytes, { fallback: asmFactory() });
  const fixture = await ClaimCalc.load(asmFactory());
  assert.equal((await fixture.loadPolicies(fixturePack)).ok, true);
  const n = await checkParity(assert, { builtin, fixture });
  console.log(`# ${n} requests compared`);
});

test('a failure inside a wasm2js call rejects that call; the next call gets a fresh instance', async () => {
  let instances = 0, bomb;
  const engine = await ClaimCalc.load((imports) => {
    instances++;
    const wrapped = growthBomb(imports);
    bomb = wrapped.bomb;
    return asmFactory()(wrapped.imports);
  });
  assert.equal((await engine.loadPolicies(fixturePack)).ok, true);
  bomb.armed = true;
  const big = 'x'.repeat(24 << 20);  // the copy-in alone must grow memory
  await assert.rejects(engine.call(big), /the engine stopped \(simulated abort during memory growth\)/);
  assert.equal(instances, 1);
  const env = await engine.policies();
  assert.equal(instances, 2, 'a fresh instance');
  assert.deepEqual(env.result.map((p) => p.region), ['wasmtown'], 'loaded policies re-applied');
});

test('plain scripts: claimcalc.js and claimcalc.asm.js set globals', async () => {
  const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext('delete globalThis.WebAssembly;', context);
  vm.runInContext(readFileSync(join(dist, 'claimcalc.js'), 'utf8'), context);
  vm.runInContext(readFileSync(join(dist, 'claimcalc.asm.js'), 'utf8'), context);
  const env = await vm.runInContext('ClaimCalc.load(ClaimCalcAsm).then(function (e) { return e.version(); })', context);
  assert.equal(env.ok, true);
});
