// Region files through the loader: a fresh engine holds no region; an answer that needs some names them in its
// region_not_loaded errors' `regions`, the loader reads exactly those files (each once) and calls again, and the
// caller gets the native CLI's answer. Counts the module's calls (crossings) for a batch over several regions.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { ClaimCalc, asciiJson, dist, native, sameText, wasmBytes } from './lib.mjs';

// A fresh engine whose module calls (cc_call_stream) and region file reads are counted.
async function countedEngine() {
  const counts = { calls: 0, reads: [] };
  const counting = {
    Module: WebAssembly.Module,
    instantiate: (s, i) => WebAssembly.instantiate(s, i).then((r) => {
      const x = r.instance.exports;
      const exports = { ...x, cc_call_stream: (p, n, f) => { counts.calls++; return x.cc_call_stream(p, n, f); } };
      return { module: r.module, instance: { exports } };
    }),
  };
  const regions = (id) => { counts.reads.push(id); return readFileSync(join(dist, 'regions', `${id}.ccp`)); };
  return { engine: await ClaimCalc.load(wasmBytes(), { WebAssembly: counting, regions }), counts };
}

const request = (insured) => ({ insured_region: insured, scheme: 'employee', person: 'active', tier: 'tier1',
  setting: 'inpatient', hospital_level: 'level3', date_of_care: '2025-03-01', totals: { class_a: '18000.00' } });
// Five places over five region files (苏州 has none of its own: its province's layer), one twice, and a request
// that needs no file (an unknown place).
const batch = ['广州', 'shenzhen', '南京', '苏州', 'shanghai', '深圳', 'nowhere'].map(request);
const needed = ['guangzhou', 'jiangsu', 'nanjing', 'shanghai', 'shenzhen'];

// `claimcalc batch` lines without their line numbers: the estimateMany answer's elements.
function nativeBatch(list) {
  const lines = native(['batch'], list.map((r) => JSON.stringify(r)).join('\n') + '\n').split('\n');
  return `{"ok":true,"result":[${lines.map((l, i) => {
    const n = `"line":${i + 1}`;
    return l.startsWith(`{${n},`) ? '{' + l.slice(n.length + 2) : l.replace(`,${n},"ok":false}`, ',"ok":false}');
  }).join(',')}]}`;
}

for (const asText of [true, false]) {
  test(`a batch over five regions on a fresh engine (${asText ? 'text' : 'value'}): the native answer, each file read once`, async () => {
    const { engine, counts } = await countedEngine();
    const envelope = { op: 'estimate_many', requests: batch };
    const got = await engine.call(envelope, asText);
    const want = nativeBatch(batch);
    if (asText) sameText(assert, got, asciiJson(want), 'batch');
    else assert.deepEqual(got, JSON.parse(want));
    assert.deepEqual([...counts.reads].sort(), needed);
    console.log(`# module calls for a fresh ${batch.length}-request batch over ${needed.length} region files: ${counts.calls}`);
    assert.equal(counts.calls, 2, 'one call naming every file, one answering');
    // Read once, never asked for again.
    await engine.call(envelope, asText);
    assert.equal(counts.calls, 3);
    assert.equal(counts.reads.length, needed.length);
  });
}

test('a file that cannot be had: only the requests that need it answer region_not_loaded, naming it', async () => {
  const reads = [];
  const partial = await ClaimCalc.load(wasmBytes(), {
    regions: (id) => { reads.push(id); return id === 'shanghai' ? null : readFileSync(join(dist, 'regions', `${id}.ccp`)); },
  });
  const list = [request('上海'), request('广州')];
  const env = await partial.estimateMany(list);
  assert.equal(env.ok, true);
  assert.equal(env.result[0].ok, false);
  assert.equal(env.result[0].error.code, 'region_not_loaded');
  assert.equal(env.result[0].error.field, 'insured_region');
  assert.deepEqual(env.result[0].error.regions, ['shanghai']);
  assert.deepEqual(env.result[1], JSON.parse(nativeBatch(list)).result[1]);
  assert.deepEqual(reads.sort(), ['guangzhou', 'shanghai']);
});

// What cc_call_stream returns (wasm/abi.cpp): bit 1 when an envelope of the answer is (or holds) a region_not_loaded
// error, bit 2 when the answer is unknown_command; the loader reads no answer for them. The module alone, each
// answer's text beside the bits it came with.
test('cc_call_stream notes region_not_loaded and unknown_command in its return value, for every path', () => {
  let text = '';
  const none = () => 0;
  const x = new WebAssembly.Instance(new WebAssembly.Module(wasmBytes()), {
    env: { emscripten_notify_memory_growth: none, abort: () => { throw new Error('abort'); },
      cc_piece: (p, n) => { text += Buffer.from(x.memory.buffer, p, n).toString('utf8'); } },
    wasi_snapshot_preview1: { proc_exit: () => { throw new Error('exit'); }, fd_close: none, fd_seek: none, fd_write: none },
  }).exports;
  x._initialize?.();
  const copyIn = (bytes) => {
    const p = x.cc_alloc(bytes.length);
    new Uint8Array(x.memory.buffer).set(bytes, p);
    return p;
  };
  const call = (envelope, flags) => {
    const input = Buffer.from(typeof envelope === 'string' ? envelope : JSON.stringify(envelope));
    const p = copyIn(input);
    text = '';
    const notes = x.cc_call_stream(p, input.length, flags);
    x.cc_free(p);
    return [notes, text];
  };
  const read = (id) => {
    const bytes = readFileSync(join(dist, 'regions', `${id}.ccp`)), p = copyIn(bytes);
    x.cc_free(x.cc_read_region(p, bytes.length));
    x.cc_free(p);
  };
  const sz = request('shenzhen');
  const escaped = (v) => JSON.stringify(v).replace('"shenzhen"', '"shen\\u007ahen"');
  const cases = [
    // [envelope, bits before shenzhen is read, bits after]
    [{ op: 'estimate', request: sz }, 1, 0],                                 // plain path, one request
    [{ op: 'estimate_many', detail: 'figures', requests: [request('nowhere'), sz] }, 1, 0],
    // An escape in a string: the plain reader declines, the tree path answers.
    [escaped({ op: 'estimate', request: sz }), 1, 0],
    [escaped({ op: 'estimate_many', requests: [request('nowhere'), sz] }), 1, 0],
    [{ op: 'explain', request: sz }, 1, 0],
    [{ op: 'guide', scenario: 'manual_claim', region: 'shenzhen' }, 1, 0],
    [{ op: 'policy', region: 'shenzhen' }, 1, 1],                          // every other region is still unread
    [{ op: 'estimate', request: request('nowhere') }, 0, 0],
    [{ op: 'version' }, 0, 0],
    [{ op: 'validate_policy', path: 'x/2025-01-01.json', content: '{}' }, 2, 2],  // the base: authoring op
    [{ op: 'no_such_op' }, 2, 2],
    ['{"op":', 0, 0],
  ];
  const bits = (t) => {
    const v = JSON.parse(t), all = [v, ...(Array.isArray(v.result) ? v.result : [])];
    return (all.some((e) => e.error?.code === 'region_not_loaded') ? 1 : 0) | (v.error?.code === 'unknown_command' ? 2 : 0);
  };
  for (const round of [1, 2]) {
    if (round === 2) read('shenzhen');
    for (const [envelope, before, after] of cases) {
      for (const flags of [0, 1, 2, 3]) {
        const [notes, answer] = call(envelope, flags);
        const what = `${JSON.stringify(envelope).slice(0, 80)} (round ${round}, flags ${flags})`;
        assert.equal(notes, round === 1 ? before : after, what);
        assert.equal(notes, bits(answer), `${what}: the bits say what the answer holds`);
      }
    }
  }
});
