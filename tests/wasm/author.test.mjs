// The authoring module (docs/size-and-start.md, "The authoring module"): claimcalc.wasm, the base, leaves the
// policy reader out (no cc_load_policies, validate_policy unknown); claimcalc-author.wasm has every operation. The
// loader starts on the base and, on the first loadPolicies or validate_policy, instantiates the authoring module
// once and keeps it; the answers are the authoring module's own. Without one, the base's answers stand.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { ClaimCalc, dist, fixturePack, wasmBytes, wasmtownRequest } from './lib.mjs';

const authorBytes = () => readFileSync(join(dist, 'claimcalc-author.wasm'));
const exportsOf = (bytes) => WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);
const draft = fixturePack.files[0];
const validate = { op: 'validate_policy', path: draft.path, content: draft.content, request: wasmtownRequest };

// An engine on the base whose instantiations are counted by module (base or authoring, told apart by their exports).
async function counted(opts = {}) {
  const made = [];
  const counting = {
    Module: WebAssembly.Module,
    instantiate: (s, i) => WebAssembly.instantiate(s, i).then((r) => {
      made.push(r.instance.exports.cc_load_policies ? 'author' : 'base');
      return r;
    }),
  };
  return { engine: await ClaimCalc.load(wasmBytes(), { WebAssembly: counting, ...opts }), made };
}

test('the base has no policy reader; the authoring module has it, and both the rest', () => {
  const base = exportsOf(wasmBytes()), author = exportsOf(authorBytes());
  assert.ok(!base.includes('cc_load_policies'));
  assert.ok(author.includes('cc_load_policies'));
  assert.deepEqual(base, author.filter((e) => e !== 'cc_load_policies'));
  assert.ok(wasmBytes().length < authorBytes().length - 30000, 'the base really leaves code out');
});

test('validate_policy through the base: the authoring module is instantiated once and answers', async () => {
  const { engine, made } = await counted();
  assert.deepEqual(made, ['base']);
  const direct = await ClaimCalc.load(authorBytes());
  const want = await direct.call(validate, true);
  assert.equal(JSON.parse(want).ok, true, want);
  assert.equal(JSON.parse(want).result.estimate.ok, true, want);
  assert.equal(await engine.call(validate, true), want);
  assert.deepEqual(made, ['base', 'author']);
  // Kept: as text and as a value, estimates too, no more instances.
  assert.deepEqual(await engine.call(JSON.stringify(validate)), JSON.parse(want));
  assert.deepEqual(await engine.estimate(wasmtownRequest), await direct.estimate(wasmtownRequest));
  assert.deepEqual(made, ['base', 'author']);
});

test('loadPolicies through the base: the pack is loaded into the authoring module and used from then on', async () => {
  const { engine, made } = await counted();
  const env = await engine.loadPolicies(fixturePack);
  assert.equal(env.ok, true, JSON.stringify(env));
  assert.deepEqual(env.result.map((p) => p.region), ['wasmtown']);
  const est = await engine.estimate(wasmtownRequest);
  assert.equal(est.ok, true, JSON.stringify(est));
  assert.equal(est.result.receipt.policy_hash, env.result[0].hash);
  assert.deepEqual(made, ['base', 'author']);
});

test('an unknown operation: the authoring module does not know it either', async () => {
  const { engine, made } = await counted();
  const env = await engine.call({ op: 'no_such_op' });
  assert.equal(env.error.code, 'unknown_command');
  assert.equal(env.error.field, 'op');
  assert.deepEqual(made, ['base', 'author']);
  await engine.call({ op: 'no_such_op' });
  assert.deepEqual(made, ['base', 'author'], 'switched once');
});

test('without an authoring module the base answers on its own; loadPolicies rejects naming the module', async () => {
  const { engine, made } = await counted({ author: null });
  const env = await engine.call(validate);
  assert.equal(env.error.code, 'unknown_command');
  await assert.rejects(engine.loadPolicies(fixturePack), /claimcalc-author\.wasm/);
  assert.equal((await engine.version()).ok, true);
  const missing = await counted({ author: join(dist, 'no-such-author.wasm') });
  assert.equal((await missing.engine.call(validate)).error.code, 'unknown_command');
  await assert.rejects(missing.engine.loadPolicies(fixturePack), /claimcalc-author\.wasm/);
  assert.equal((await missing.engine.version()).ok, true, 'the base stays in use');
  assert.deepEqual(made, ['base']);
});
