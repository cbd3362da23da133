// 2. Run under `node --disallow-code-generation-from-strings` (ctest passes the flag): the loader, its ES module
// form and the wasm2js fallback must work without eval or new Function, as under a strict CSP or in a mini-program.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'node:test';
import { ClaimCalc, asmFactory, checkParity, dist, fixturePack, wasmBytes } from './lib.mjs';

test('code generation from strings is really off', () => {
  assert.throws(() => eval('1'), EvalError);
  assert.throws(() => new Function('return 1'), EvalError);
});

test('CommonJS loader: every request matches the native CLI', async () => {
  const builtin = await ClaimCalc.load(wasmBytes());
  const fixture = await ClaimCalc.load(new Uint8Array(wasmBytes()).buffer);
  assert.equal((await fixture.loadPolicies(JSON.stringify(fixturePack))).ok, true);
  await checkParity(assert, { builtin, fixture });
});

test('ES module loader (claimcalc.mjs)', async () => {
  const mod = await import(pathToFileURL(join(dist, 'claimcalc.mjs')).href);
  assert.equal(mod.load, mod.default.load);
  const engine = await mod.load(wasmBytes());
  const v = await engine.version();
  assert.equal(v.ok, true);
  assert.match(v.result.engine_version, /^\d+\.\d+\.\d+/);
});

test('a URL is fetched (only then), and a failed fetch rejects load', async () => {
  const asked = [];
  const fetch = (url) => {
    asked.push(url);
    return Promise.resolve(url.endsWith('/missing.wasm') ? { ok: false, status: 404 }
      : { ok: true, arrayBuffer: () => Promise.resolve(new Uint8Array(wasmBytes()).buffer) });
  };
  const engine = await ClaimCalc.load('https://example.invalid/claimcalc.wasm', { fetch });
  assert.equal((await engine.version()).ok, true);
  await assert.rejects(ClaimCalc.load('https://example.invalid/missing.wasm', { fetch }), /404/);
  await ClaimCalc.load(wasmBytes(), { fetch });
  assert.deepEqual(asked, ['https://example.invalid/claimcalc.wasm', 'https://example.invalid/missing.wasm']);
});

test('wasm2js fallback', async () => {
  const engine = await ClaimCalc.load(asmFactory());
  assert.equal((await engine.version()).ok, true);
  assert.equal((await engine.loadPolicies(fixturePack)).ok, true);
});
