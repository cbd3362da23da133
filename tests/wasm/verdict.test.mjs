// Every hostile request of tests/hostile/requests.jsonl gets the verdict (error code and field) the file names on
// every channel the native unit test 'hostile' does not reach: the wasm module and the wasm2js fallback (call with
// the envelope as text and as UTF-8 bytes, estimate and explain, and the loader's own estimate() with the request
// as a JavaScript value), and the CLI's estimate and explain subcommands.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { ClaimCalc, asmFactory, native, source, wasmBytes } from './lib.mjs';

const hostile = readFileSync(join(source, 'tests', 'hostile', 'requests.jsonl'), 'utf8')
  .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

// As in tests/unit/hostile_test.cpp: inside an envelope an error about the whole input names "call", and a key
// given twice is named from the envelope's top.
function callField(h) {
  if (h.field === 'request' && (h.code === 'malformed_json' || h.code === 'too_large')) return 'call';
  return h.name.startsWith('duplicate') ? `request.${h.field}` : h.field;
}

// Spaces alone are no value: inside an envelope they leave "request": without one (a different, also refused input).
const aValue = (h) => /[^ \n]/.test(h.input);

// What a JavaScript caller can pass to estimate(): the request as a value, when JSON.parse gives the same request.
// Not for inputs JSON.parse cannot read or reads differently: a key given twice keeps the last; a number is a double
// (40.0 is 40, 1e309 is Infinity, which the loader sends as the text "Infinity", long fractions lose digits).
const numbers = (text) => (text.match(/-?\d+(\.\d+)?([eE][-+]?\d+)?/g) || []).join(' ');
function asValue(h) {
  let v;
  try { v = JSON.parse(h.input); } catch { return undefined; }
  if (h.name.startsWith('duplicate')) return undefined;
  let again;
  try { again = JSON.stringify(v); } catch { return v; }  // nested too deep for JSON.stringify: the loader cuts it
  return numbers(h.input) === numbers(again) ? v : undefined;
}

function verdict(what, env, code, field) {
  assert.equal(env.ok, false, `${what}: ${JSON.stringify(env).slice(0, 300)}`);
  assert.deepEqual({ code: env.error.code, field: env.error.field }, { code, field }, what);
  assert.ok(env.error.message_zh && env.error.message_en, `${what}: messages`);
}

async function throughLoader(engine, label) {
  assert.ok(hostile.length >= 150, `only ${hostile.length} hostile requests`);
  let values = 0;
  for (const h of hostile) {
    const what = `${label} ${JSON.stringify(h.name)}`;
    if (aValue(h)) {
      for (const op of ['estimate', 'explain']) {
        const envelope = `{"op":"${op}","request":${h.input}}`;
        verdict(`${what} call ${op} (text)`, await engine.call(envelope), h.code, callField(h));
        verdict(`${what} call ${op} (bytes)`, await engine.call(new Uint8Array(Buffer.from(envelope, 'utf8'))),
                h.code, callField(h));
      }
    }
    const value = asValue(h);
    if (value !== undefined) {
      values++;
      verdict(`${what} estimate(value)`, await engine.estimate(value), h.code, callField(h));
      verdict(`${what} explain(value)`, await engine.explain(value, 'en'), h.code, callField(h));
    }
  }
  return values;
}

test('claimcalc.wasm: the verdict the file names', async () => {
  const engine = await ClaimCalc.load(wasmBytes());
  const values = await throughLoader(engine, 'wasm');
  console.log(`# ${hostile.length} hostile requests, ${values} of them also as JavaScript values`);
});

test('claimcalc.asm.js (wasm2js): the verdict the file names', async () => {
  const engine = await ClaimCalc.load(asmFactory());
  await throughLoader(engine, 'wasm2js');
});

test('CLI estimate and explain: the verdict the file names', () => {
  for (const h of hostile) {
    for (const args of [['estimate', '-'], ['explain', '-']]) {
      verdict(`cli ${args[0]} ${JSON.stringify(h.name)}`, JSON.parse(native(args, h.input)), h.code, h.field);
    }
  }
});
