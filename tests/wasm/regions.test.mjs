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
