// 8. Whatever a caller passes, every loader method returns a promise: input JSON cannot carry (a circular object,
// a BigInt, a throwing getter) rejects with a sentence; an object nested 10,000 deep gets the engine's verdict on
// nesting (too_large), as the same input sent as text does (tests/wasm/verdict.test.mjs); a non-finite amount
// (Infinity, -Infinity, NaN) is answered with invalid_money on its field, not JSON's silent null. None of it
// traps: one instance serves the whole file.
import assert from 'node:assert/strict';
import test from 'node:test';
import { ClaimCalc, countingEngine, fixturePack, wasmBytes, wasmtownRequest } from './lib.mjs';

const { engine, instances } = await countingEngine();
const good = wasmtownRequest;

function hostileValues() {
  const circular = { ...good };
  circular.self = circular;
  let deep = {};
  const top = deep;
  for (let i = 0; i < 10000; i++) deep = deep.a = {};
  const getter = { ...good };
  Object.defineProperty(getter, 'tier', { enumerable: true, get() { throw new Error('getter says no'); } });
  return { circular, bigint: { ...good, age: 40n }, getter };
}

// Each method with the hostile value where its input goes.
const methods = {
  estimate: (v) => engine.estimate(v),
  estimateMany: (v) => engine.estimateMany([good, v]),
  explain: (v) => engine.explain(v),
  guide: (v) => engine.guide({ scenario: 'manual_claim', request: v }),
  diagnose: (v) => engine.diagnose({ symptom: '未备案', request: v }),
  reverse: (v) => engine.reverse({ original: { fund_paid: '1.00', patient_pays: '1.00' }, request: v }),
  policy: (v) => engine.policy(v),
  loadPolicies: (v) => engine.loadPolicies({ files: [{ path: 'wasmtown/2025-01-01.json', content: v }] }),
  call: (v) => engine.call({ op: 'estimate', request: v }),
};

for (const [kind, value] of Object.entries(hostileValues())) {
  for (const [name, invoke] of Object.entries(methods)) {
    test(`${name} with a ${kind} value rejects, never throws`, async () => {
      let promise;
      assert.doesNotThrow(() => { promise = invoke(value); });
      assert.ok(promise instanceof Promise);
      const expected = kind === 'getter' ? /getter says no/ : /claimcalc: the input cannot be written as JSON/;
      await assert.rejects(promise, expected);
    });
  }
}

test('a value nested 10,000 deep: every method answers too_large, the engine\'s verdict on nesting', async () => {
  let deep = {};
  const top = deep;
  for (let i = 0; i < 10000; i++) deep = deep.a = {};
  for (const [name, invoke] of Object.entries(methods)) {
    const env = await invoke(top);
    const error = name === 'estimateMany' ? env.error || env.result[1].error : env.error;
    assert.equal(error.code, 'too_large', `${name}: ${JSON.stringify(env).slice(0, 200)}`);
  }
});

test('load itself never throws: odd sources and options reject', async () => {
  for (const [source, opts] of [[null], [42], [{}], [Symbol('x')], ['x.wasm', { WebAssembly: {} }],
                                [new Uint8Array([1, 2, 3, 4])], [new ArrayBuffer(0)]]) {
    let promise;
    assert.doesNotThrow(() => { promise = ClaimCalc.load(source, opts); });
    await assert.rejects(promise);
  }
});

test('call with null, undefined, a number or a function answers with an error envelope', async () => {
  for (const v of [null, undefined, 42, () => 1]) {
    const env = await engine.call(v);
    assert.equal(env.ok, false, String(v));
  }
});

const nonFinite = { Infinity, '-Infinity': -Infinity, NaN };
for (const [label, x] of Object.entries(nonFinite)) {
  test(`an amount of ${label} is invalid_money on its field`, async () => {
    for (const [request, field] of [
      [{ ...good, totals: { class_a: x } }, 'totals.class_a'],
      [{ ...good, totals: undefined, items: [{ class: 'class_a', amount: '1.00' }, { class: 'class_b', amount: x }] },
       'items[1].amount'],
      [{ ...good, totals: undefined, items: [{ class: 'class_a', quantity: 2, unit_price: x }] }, 'items[0].unit_price'],
      [{ ...good, year_to_date: { fund_paid: x } }, 'year_to_date.fund_paid'],
    ]) {
      const env = await engine.estimate(request);
      assert.equal(env.ok, false, JSON.stringify(env).slice(0, 200));
      assert.deepEqual([env.error.code, env.error.field], ['invalid_money', field]);
    }
    const many = await engine.estimateMany([good, { ...good, totals: { class_a: x } }]);
    assert.equal(many.result[0].ok, true);
    assert.deepEqual([many.result[1].error.code, many.result[1].error.field], ['invalid_money', 'totals.class_a']);
    const rev = await engine.reverse({ original: { fund_paid: x, patient_pays: '1.00' }, request: good });
    assert.deepEqual([rev.error.code, rev.error.field], ['invalid_money', 'original.fund_paid']);
  });
}

test('no call trapped: one instance served every input', () => {
  assert.equal(instances(), 1);
});

test('Node: a file path is read (absolute or relative); a .wasm.br, path or bytes, is refused with a sentence', async () => {
  const { dist } = await import('./lib.mjs');
  const { join, relative } = await import('node:path');
  const { readFileSync } = await import('node:fs');
  for (const p of [join(dist, 'claimcalc.wasm'), relative(process.cwd(), join(dist, 'claimcalc.wasm'))]) {
    const e = await ClaimCalc.load(p);
    assert.equal((await e.version()).ok, true, p);
  }
  const br = join(dist, 'claimcalc.wasm.br');
  await assert.rejects(ClaimCalc.load(br), /claimcalc\.wasm\.br is not a WebAssembly module \(a \.wasm\.br\? only mini-programs decompress it/);
  await assert.rejects(ClaimCalc.load(readFileSync(br)), /the source is not a WebAssembly module \(a \.wasm\.br\? .*load claimcalc\.wasm\)/);
  await assert.rejects(ClaimCalc.load(join(dist, 'no-such.wasm')), /ENOENT/);
});

test('explain takes a language; a wrong one is unknown_value on lang', async () => {
  const zh = await engine.explain(good, 'zh');
  const en = await engine.explain(good, 'en');
  const both = await engine.explain(good);
  assert.equal(zh.ok && en.ok && both.ok, true);
  assert.match(en.result.text, /the fund pays/);
  assert.doesNotMatch(zh.result.text, /the fund pays/);
  assert.match(zh.result.text, /统筹|基金/);
  assert.ok(both.result.text.length > zh.result.text.length);
  const bad = await engine.explain(good, 'fr');
  assert.deepEqual([bad.error.code, bad.error.field], ['unknown_value', 'lang']);
});

// The host's date goes with a pack as today (unless the pack names one), so a last_verified in the future is refused
// in the page and the mini-program as the CLI refuses it.
test('loadPolicies sends the host date as today', async () => {
  const fresh = await ClaimCalc.load(wasmBytes());
  const d = new Date(Date.now() + 3 * 86400e3);
  const future = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const file = fixturePack.files.find((f) => f.path.startsWith('wasmtown/'));
  const files = [{ ...file, content: file.content.replace(/"last_verified": "[0-9-]+"/, `"last_verified": "${future}"`) }];
  assert.notEqual(files[0].content, file.content);
  for (const pack of [{ files }, JSON.stringify({ files }), ` ${JSON.stringify({ files })}`]) {
    const env = await fresh.loadPolicies(pack);
    assert.equal(env.ok, false, typeof pack);
    assert.match(env.error.field, /last_verified/);
  }
  // A pack's own today wins (as object and as text); text that names today is sent unchanged.
  assert.equal((await fresh.loadPolicies({ files, today: '2099-01-01' })).ok, true);
  assert.equal((await fresh.loadPolicies(JSON.stringify({ files, today: '2099-01-01' }))).ok, true);
  // An empty object gets the engine's verdict on a pack without files (not malformed JSON from the added member).
  const want = (await fresh.loadPolicies({ today: '2099-01-01' })).error;
  assert.notEqual(want.code, 'malformed_json');
  for (const pack of [{}, '{}', ' { } ']) {
    const env = await fresh.loadPolicies(pack);
    assert.deepEqual([env.error.code, env.error.field], [want.code, want.field], JSON.stringify(pack));
  }
});
