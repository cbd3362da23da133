// Size budgets (issue 10): sizes are deterministic, so a build over budget fails here. claimcalc.wasm.br (national
// data and every built-in region) <= 150 KB; the loader <= 5 KB brotli. bench/run.sh prints the sizes with times.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import zlib from 'node:zlib';
import { dist } from './lib.mjs';

const KB = 1024;
const brotli = (file) => zlib.brotliCompressSync(readFileSync(file), {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

test('claimcalc.wasm.br is within 150 KB', () => {
  const size = statSync(join(dist, 'claimcalc.wasm.br')).size;
  assert.ok(size > 10 * KB, `claimcalc.wasm.br is implausibly small (${size} bytes)`);
  assert.ok(size <= 150 * KB, `claimcalc.wasm.br is ${(size / KB).toFixed(1)} KB, over the 150 KB budget`);
});

test('the loader is within 5 KB brotli', () => {
  for (const name of ['claimcalc.js', 'claimcalc.mjs']) {
    const size = brotli(join(dist, name));
    assert.ok(size <= 5 * KB, `${name} is ${(size / KB).toFixed(1)} KB brotli, over the 5 KB budget`);
  }
});
