// 1. Parity: for every tests/cases/**/*.json request and every tests/wasm/requests/*.json request, claimcalc.wasm's
// answer is byte-for-byte the native `claimcalc estimate` output; the same for explain, batch vs estimateMany,
// and the policy list. The wasm and the CLI share engine/api, so any difference is a build or ABI fault.
import assert from 'node:assert/strict';
import test from 'node:test';
import { readFileSync } from 'node:fs';
import { ClaimCalc, asciiJson, caseFiles, checkParity, fixturePack, native, requests, sameText, wasmBytes } from './lib.mjs';

const builtin = await ClaimCalc.load(wasmBytes());
const fixture = await ClaimCalc.load(wasmBytes());
const loaded = await fixture.loadPolicies(fixturePack);
const engines = { builtin, fixture };

test('the fixture pack loads', () => {
  assert.equal(loaded.ok, true, JSON.stringify(loaded));
  assert.deepEqual(loaded.result.map((p) => p.region), ['wasmtown']);
});

test('estimate: byte-for-byte the native CLI, for every request', async () => {
  const n = await checkParity(assert, engines);
  console.log(`# ${n} requests compared`);
});

test('estimate(object) gives the same answer as the text path', async () => {
  for (const r of requests().slice(0, 30)) {
    assert.deepEqual(await engines[r.pack].estimate(JSON.parse(r.text)), JSON.parse(native(['estimate', '-'], r.text, r.pack)), r.name);
  }
});

test('explain: the same text as `claimcalc explain`', async () => {
  for (const r of requests().filter((x) => x.pack === 'fixture')) {
    const env = await fixture.explain(JSON.parse(r.text));
    const cli = native(['explain', '-'], r.text, 'fixture');
    if (env.ok) sameText(assert, env.result.text.replace(/\n$/, ''), cli, r.name);
    else assert.deepEqual(env, JSON.parse(cli), r.name);
  }
});

test('estimateMany: one crossing, the same bytes as `claimcalc batch` lines', async () => {
  for (const pack of ['builtin', 'fixture']) {
    const list = requests().filter((r) => r.pack === pack);
    if (list.length === 0) continue;
    const compact = list.map((r) => JSON.stringify(JSON.parse(r.text)));
    const text = await engines[pack].call(`{"op":"estimate_many","requests":[${compact.join(',')}]}`, true);
    const numbered = native(['batch'], compact.join('\n') + '\n', pack).split('\n');
    assert.equal(numbered.length, list.length);
    // `claimcalc batch` numbers its answers by input line ("line": n, keys in sorted order); estimateMany's are
    // numbered by their place in the result.
    const lines = numbered.map((l, i) => {
      const n = `"line":${i + 1}`;
      assert.ok(l.startsWith(`{${n},`) || l.endsWith(`,${n},"ok":false}`), `line ${i + 1}`);
      return l.startsWith(`{${n},`) ? '{' + l.slice(n.length + 2) : l.replace(`,${n},"ok":false}`, ',"ok":false}');
    });
    sameText(assert, text, asciiJson(`{"ok":true,"result":[${lines.join(',')}]}`), `${pack} batch`);
    const many = await engines[pack].estimateMany(list.map((r) => JSON.parse(r.text)));
    assert.equal(many.result.length, list.length);
  }
});

test('estimateMany(requests, {detail, texts}): the batch choices for requests without their own, as `claimcalc call`', async () => {
  const list = requests().filter((r) => r.pack === 'builtin').slice(0, 40).map((r) => JSON.parse(r.text));
  assert.ok(list.length >= 10);
  // A request with its own choice keeps it.
  const first = (await builtin.estimateMany(list)).result.findIndex((e) => e.ok);
  const own = { ...list[first], detail: 'full', texts: 'zh' };
  for (const options of [{ detail: 'figures', texts: 'none' }, { detail: 'figures' }, { texts: 'en' }, { detail: 'full', texts: 'both' }]) {
    const batch = [...list, own];
    const got = await builtin.estimateMany(batch, options);
    const envelope = JSON.stringify({ op: 'estimate_many', ...options, requests: batch });
    assert.deepEqual(got, JSON.parse(native(['call', '-'], envelope)), JSON.stringify(options));
    // The same as each request carrying the choices itself.
    assert.deepEqual(got, await builtin.estimateMany([...list.map((r) => ({ ...r, ...options })), own]), JSON.stringify(options));
    const last = got.result[got.result.length - 1];
    assert.ok(last.ok && 'steps' in last.result && 'text_zh' in last.result.steps[0] && !('text_en' in last.result.steps[0]));
  }
  const figures = (await builtin.estimateMany(list, { detail: 'figures', texts: 'none' })).result.find((e) => e.ok);
  assert.ok(figures && !('steps' in figures.result) && figures.result.warnings.every((w) => !('message_en' in w)));
  // A bad choice is the engine's error on its field; a member the options should not carry does not replace the list.
  const bad = await builtin.estimateMany(list, { texts: 'x' });
  assert.equal(bad.error.code, 'unknown_value');
  assert.equal(bad.error.field, 'texts');
  const kept = await builtin.estimateMany(list.slice(0, 2), { requests: [], op: 'version' });
  assert.equal(kept.result.length, 2);
});

test('guide, diagnose and reverse: the same answers as `claimcalc call` for every op case file', async () => {
  let n = 0;
  for (const f of caseFiles()) {
    const c = JSON.parse(readFileSync(f, 'utf8'));
    if (!c.op) continue;
    const input = { ...c.input };
    const method = { guide: 'guide', diagnose: 'diagnose', reverse: 'reverse' }[c.op];
    const env = await builtin[method](input);
    assert.deepEqual(env, JSON.parse(native(['call', '-'], JSON.stringify({ op: c.op, ...input }))), f);
    n += 1;
  }
  assert.ok(n >= 10, `only ${n} op cases`);
  console.log(`# ${n} guide/diagnose/reverse cases compared`);
});

test('policies and version match the CLI', async () => {
  assert.equal(await builtin.call({ op: 'policies' }, true), asciiJson(native(['policies', 'list'])));
  assert.equal(await fixture.call({ op: 'policies' }, true), asciiJson(native(['policies', 'list'], '', 'fixture')));
  const v = await builtin.version();
  assert.equal(`claimcalc ${v.result.engine_version}`, native(['--version']));
  for (const region of (await builtin.policies()).result.map((p) => p.region)) {
    assert.deepEqual(await builtin.policy(region), JSON.parse(native(['policies', 'show', region])));
  }
});

test('text answers are ASCII JSON: Chinese, an emoji (two surrogates) and Ⅱ come back escaped, the same values', async () => {
  const request = { insured_region: 'wasmtown', scheme: 'employee', person: 'active', tier: 'tier1', setting: 'inpatient',
    hospital_level: 'level3', date_of_care: '2025-03-01', items: [{ name: '头孢曲松钠 😷 Ⅱ型', class: 'class_a', amount: '100.00' }] };
  const text = await fixture.call({ op: 'estimate', request }, true);
  assert.match(text, /^[\x20-\x7e]*$/, 'printable ASCII only');
  assert.ok(text.includes('"name":"\\u5934\\u5b62\\u66f2\\u677e\\u94a0 \\ud83d\\ude37 \\u2161\\u578b"'), text.slice(0, 300));
  assert.deepEqual(JSON.parse(text), await fixture.estimate(request));
  sameText(assert, text, asciiJson(native(['estimate', '-'], JSON.stringify(request), 'fixture')), 'emoji request');
});

// The ASCII writer (engine/codec/json_writer.cpp) reads ASCII runs 8 bytes at a time: runs of every length around
// that word, between characters of two, three and four UTF-8 bytes, in a texts-none batch (long ASCII runs) and a full answer (short ones).
test('text answers are ASCII JSON for runs of every length between non-ASCII characters', async () => {
  const request = (name) => ({ insured_region: 'shenzhen', scheme: 'employee', person: 'active', tier: 'tier1',
    setting: 'inpatient', hospital_level: 'level3', date_of_care: '2025-03-01',
    items: [{ name, class: 'class_a', amount: '100.00' }] });
  const names = [];
  for (let k = 0; k <= 17; k++) names.push('a'.repeat(k) + '中' + 'b'.repeat(17 - k) + 'é' + 'c'.repeat(k) + '😷' + 'd'.repeat(k % 9));
  for (const options of [{ detail: 'figures', texts: 'none' }, {}]) {
    const envelope = JSON.stringify({ op: 'estimate_many', ...options, requests: names.map(request) });
    const text = await builtin.call(envelope, true);
    assert.match(text, /^[\x20-\x7e]*$/, 'printable ASCII only');
    sameText(assert, text, asciiJson(native(['call', '-'], envelope)), JSON.stringify(options));
  }
});
