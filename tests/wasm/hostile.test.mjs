// 6. Hostile input: malformed JSON, deep nesting, invalid UTF-8, oversized input, wrong types, absurd numbers and
// random bytes each give an error envelope that names the problem: never a trap, an abort or a hang. The test
// counts instances, so a trap the loader silently recovered from would still fail it.
import assert from 'node:assert/strict';
import test from 'node:test';
import { countingEngine, wasmtownRequest } from './lib.mjs';

const { engine, instances } = await countingEngine();
const good = wasmtownRequest;
const utf8 = (s) => new Uint8Array(Buffer.from(s, 'utf8'));

async function refused(input, code, what) {
  const env = await engine.call(input);
  assert.equal(env.ok, false, `${what}: ${JSON.stringify(env).slice(0, 200)}`);
  assert.equal(typeof env.error.field, 'string', what);
  assert.ok(env.error.message_zh && env.error.message_en, what);
  if (code) assert.equal(env.error.code, code, `${what}: ${JSON.stringify(env.error)}`);
  return env;
}

test('malformed JSON', async () => {
  for (const text of ['', ' ', '{', '{"op":"estimate","request":{', '{"op":"estimate"}}', 'nul', '[1,]', '{"a":1,}',
                      "{'op':'version'}", '{"op":"version"} trailing', '\u0000', '{"op":"version"', '"\\ud800"x']) {
    await refused(text, 'malformed_json', JSON.stringify(text));
  }
  await refused('{"op":"estimate","request":' + '{"insured_region":"wasmtown"'.repeat(3), 'malformed_json', 'cut off');
});

test('deep nesting, in the envelope and inside a request', async () => {
  for (const depth of [33, 1000, 100000, 1000000]) {
    await refused('['.repeat(depth) + ']'.repeat(depth), 'too_large', `array depth ${depth}`);
    await refused('['.repeat(depth), 'too_large', `unclosed depth ${depth}`);
    await refused('{"a":'.repeat(depth) + '1' + '}'.repeat(depth), 'too_large', `object depth ${depth}`);
  }
  const deep = '{"op":"estimate","request":{"items":' + '['.repeat(5000) + ']'.repeat(5000) + '}}';
  await refused(deep, 'too_large', 'deep items');
  // 3 levels of envelope + 25 of items: under the limit of 32, so each request gets its own answer.
  const env = await engine.estimateMany([good, { ...good, totals: undefined, items: JSON.parse('['.repeat(25) + ']'.repeat(25)) }]);
  assert.equal(env.result[0].ok, true);
  assert.equal(env.result[1].ok, false);
});

test('invalid UTF-8 bytes', async () => {
  const cases = [
    [0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82],
  ];
  for (const bad of cases) {
    const bytes = [...utf8('{"op":"estimate","request":{"insured_region":"wasmtown","x":"'), ...bad, ...utf8('"}}')];
    await refused(new Uint8Array(bytes), 'malformed_json', `bytes ${bad.map((b) => b.toString(16))}`);
  }
  await refused(new Uint8Array([0xfe, 0xff, 0x00, 0x7b]), 'malformed_json', 'UTF-16 BOM');
  // JSON.stringify escapes a lone surrogate (\ud800), which JSON cannot decode to UTF-8: an error envelope.
  await refused({ op: 'estimate', request: { ...good, totals: undefined, items: [{ name: 'x\ud800y', class: 'class_a', amount: '1.00' }] } },
                'malformed_json', 'escaped lone surrogate');
  // A raw lone surrogate in the text is sent as U+FFFD, which is valid: an ordinary answer.
  const text = JSON.stringify({ op: 'estimate', request: { ...good, totals: undefined,
                                                           items: [{ name: 'xSURy', class: 'class_a', amount: '1.00' }] } });
  const env = await engine.call(text.replace('SUR', '\ud800'));
  assert.equal(env.ok, true, JSON.stringify(env));
  assert.equal(env.result.items[0].name, 'x\ufffdy');
});

test('oversized input', async () => {
  await refused('"' + 'x'.repeat((32 << 20) + 16) + '"', 'too_large', 'over the batch limit');
  await refused({ op: 'estimate', request: { ...good, items: undefined, totals: undefined,
    items: Array.from({ length: 5001 }, () => ({ class: 'class_a', amount: '1' })) } }, 'too_large', 'too many items');
  const env = await engine.estimate({ ...good, items: [{ name: 'n'.repeat(100000), class: 'class_a', amount: '1' }] });
  assert.equal(env.ok, false);
});

test('wrong shapes, types and values', async () => {
  for (const [input, code] of [
    ['42', 'unknown_command'], ['null', 'unknown_command'], ['[]', 'unknown_command'], ['"estimate"', 'unknown_command'],
    [{ op: 'nope' }, 'unknown_command'], [{ op: 42 }, 'unknown_command'], [{ op: 'x'.repeat(100000) }, 'unknown_command'],
    [{ op: 'estimate' }, 'missing_field'], [{ op: 'estimate', request: [] }, null], [{ op: 'estimate', request: 'x' }, null],
    [{ op: 'estimate_many', requests: {} }, 'wrong_type'], [{ op: 'policy', region: 7 }, 'unknown_region'],
    [{ op: 'estimate', request: { ...good, totals: { class_a: 1e308 } } }, null],
    [{ op: 'estimate', request: { ...good, totals: { class_a: '-1.00' } } }, null],
    [{ op: 'estimate', request: { ...good, totals: { class_a: '99999999999999999999999999.00' } } }, null],
    [{ op: 'estimate', request: { ...good, items: [{ class: 'class_a', quantity: 1e15, unit_price: '1e300' }] } }, null],
    [{ op: 'estimate', request: { ...good, items: [{ class: 'class_a', quantity: 1000000, unit_price: '99999999.99' }] } }, null],
    [{ op: 'estimate', request: { ...good, date_of_care: '2025-02-30' } }, 'invalid_date'],
    [{ op: 'estimate', request: { ...good, date_of_care: '9999999999-01-01' } }, null],
    [{ op: 'estimate', request: { ...good, age: -1 } }, null],
    [{ op: 'estimate', request: { ...good, year_to_date: { stays: 1e9 } } }, null],
    [{ op: 'estimate', request: { ...good, scheme: '\u0000' } }, 'unknown_value'],
  ]) {
    await refused(input, code, JSON.stringify(input).slice(0, 120));
  }
});

test('policy packs that are not packs leave the pack in use alone', async () => {
  for (const pack of ['', '{', '[]', '{"files":{}}', '{"files":[1]}', '{"files":[{"path":"a/b.json","content":"{"}]}',
                      JSON.stringify({ files: [{ path: 'wasmtown/2025-01-01.json', content: '{}' }] }),
                      '['.repeat(100000)]) {
    const env = await engine.loadPolicies(pack);
    assert.equal(env.ok, false, pack.slice(0, 60));
  }
  const env = await engine.estimate(good);
  assert.equal(env.ok, true, 'the wasmtown pack is still in use');
});

test('random bytes and mutated requests', async () => {
  let seed = 12345;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) >>> 0; return seed % n; };
  const base = utf8(JSON.stringify({ op: 'estimate', request: { ...good, items: [{ name: '药', class: 'class_b', amount: '12.30' }] } }));
  for (let i = 0; i < 1500; i++) {
    let bytes;
    if (i % 3 === 0) bytes = Uint8Array.from({ length: rand(200) }, () => rand(256));
    else {
      bytes = base.slice();
      for (let k = 0; k <= rand(4); k++) bytes[rand(bytes.length)] = i % 3 === 1 ? rand(256) : '{}[]",:0-.e\\u'.charCodeAt(rand(14));
    }
    const env = await engine.call(bytes);
    assert.equal(typeof env.ok, 'boolean');
    if (!env.ok) assert.equal(typeof env.error.code, 'string');
  }
});

test('no call trapped: one instance served every hostile input', () => {
  assert.equal(instances(), 1);
});

// Region files: bytes that are not this build's file (damaged, cut, foreign, none) leave the answer a structured
// region_not_loaded error naming the region, never a trap; the real file then answers as usual.
test('damaged, cut or missing region files: region_not_loaded, then the real file works', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { ClaimCalc, dist, wasmBytes } = await import('./lib.mjs');
  const real = readFileSync(join(dist, 'regions', 'shenzhen.ccp'));
  const flipped = Uint8Array.from(real);
  flipped[flipped.length >> 1] ^= 1;
  const request = { insured_region: '深圳', scheme: 'employee', person: 'active', tier: 'tier1', setting: 'inpatient',
    hospital_level: 'level3', date_of_care: '2025-03-01', totals: { class_a: '1000.00' } };
  let count = 0;
  const counting = { Module: WebAssembly.Module, instantiate: (s, i) => WebAssembly.instantiate(s, i).then((r) => { count++; return r; }) };
  for (const bad of [flipped, real.subarray(0, real.length - 1), new Uint8Array(0), utf8('{"files":[]}'), null,
                     () => { throw new Error('no file'); }]) {
    const e = await ClaimCalc.load(wasmBytes(), { WebAssembly: counting, regions: typeof bad === 'function' ? bad : () => bad });
    const env = await e.estimate(request);
    assert.equal(env.ok, false, JSON.stringify(env).slice(0, 200));
    assert.equal(env.error.code, 'region_not_loaded');
    assert.equal(env.error.field, 'insured_region');
    assert.deepEqual(env.error.regions, ['shenzhen']);
    assert.ok(env.error.message_zh.includes('深圳') && env.error.message_en.includes('shenzhen'));
  }
  const e = await ClaimCalc.load(wasmBytes(), { WebAssembly: counting, regions: () => real });
  assert.equal((await e.estimate(request)).ok, true);
  assert.equal(count, 7, 'one instance per engine: no trap');
});
