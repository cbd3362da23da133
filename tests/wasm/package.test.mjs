// 9. build/dist as an npm package: installed with `npm install --install-links <dist>` into a scratch project
// (offline: a local folder), then used from CommonJS, from an ES module and from TypeScript: a sample using every
// method type-checks under strict node16 modules (both module kinds), compiles and runs; and the engine's real
// answers (estimates, guides, diagnoses, reverse settlements, policies, errors) are checked by tsc against the
// declared types, so the .d.ts cannot drift from what the engine writes.
import assert from 'node:assert/strict';
import { lstatSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { ClaimCalc, caseFiles, dist, fixturePack, source, wasmBytes } from './lib.mjs';
import { runNode, runTsc, scratchProject } from './npm.mjs';

const dir = scratchProject();
const installed = join(dir, 'node_modules', 'claimcalc');

test('the package is installed as files, with name, version, exports and types', () => {
  assert.ok(!lstatSync(installed).isSymbolicLink(), 'a copy, not a link to build/dist');
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'claimcalc');
  assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
  assert.deepEqual(Object.keys(pkg.exports['.']).sort(), ['import', 'require']);
  // A folder (regions/: each built-in region's file) must hold what the build wrote there.
  for (const f of pkg.files) {
    if (!f.endsWith('/')) assert.ok(lstatSync(join(installed, f)).isFile(), f);
    else assert.deepEqual(readdirSync(join(installed, f)).sort(), readdirSync(join(dist, f)).sort(), f);
  }
  assert.ok(pkg.files.includes('regions/') && readdirSync(join(installed, 'regions')).length > 0);
});

const request = JSON.parse(readFileSync(join(source, 'examples', 'guangzhou-level3-inpatient.json'), 'utf8'));

test('CommonJS: require("claimcalc") and a path to the package\'s claimcalc.wasm', () => {
  writeFileSync(join(dir, 'cjs.cjs'), `const { load } = require('claimcalc');
load(require.resolve('claimcalc/claimcalc.wasm'))
  .then((engine) => engine.estimate(${JSON.stringify(request)}))
  .then((answer) => console.log(answer.ok ? answer.result.split.total : answer.error.code));
`);
  assert.match(runNode(dir, 'cjs.cjs'), /^\d+\.\d\d\n$/);
});

test('ES module: import ClaimCalc, { load } from "claimcalc", top-level await', () => {
  writeFileSync(join(dir, 'esm.mjs'), `import ClaimCalc, { load } from 'claimcalc';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
const wasm = createRequire(import.meta.url).resolve('claimcalc/claimcalc.wasm');
const engine = await load(await readFile(wasm));
if (ClaimCalc.load !== load) throw new Error('default and named load differ');
const answer = await engine.estimate(${JSON.stringify(request)});
console.log(answer.ok ? answer.result.split.total : answer.error.code);
`);
  assert.match(runNode(dir, 'esm.mjs'), /^\d+\.\d\d\n$/);
});

// Every method, with the fields a caller reads; the @ts-expect-error lines fail the test if a type loosens (a
// split figure that can no longer be null, a result typed as an open record).
const sample = (importLine) => `${importLine}
import type { Engine, Envelope, Estimate, Figure, Request } from 'claimcalc';
import * as fs from 'node:fs';

const request: Request = {
  insured_region: 'guangzhou', scheme: 'employee', person: 'active', setting: 'inpatient', hospital_level: 'level3',
  date_of_care: '2025-03-01', items: [
    { name: '床位费', class: 'class_a', quantity: 8, unit_price: 60 },
    { name: '冠脉支架', class: 'class_b', insured_class: 'class_b', amount: '7800.00', selfpay_ratio: '10%' },
  ],
};

function show(f: Figure): string {
  if (f === null) return 'cannot estimate';
  return typeof f === 'string' ? f : f.low + '-' + f.high;
}

async function main(engine: Engine): Promise<string[]> {
  const out: string[] = [];
  const answer: Envelope<Estimate> = await engine.estimate(request);
  if (answer.ok) {
    const r = answer.result;
    out.push(r.split.total, show(r.split.fund_paid), show(r.split.patient_pays), r.receipt.policy_id);
    for (const s of r.steps) out.push(s.rule + (s.source ? s.source.clause : ''));
    for (const m of r.materials) out.push(m.name_zh + (m.original ? '' : ''));
    for (const d of r.deadlines) out.push(d.date + d.weekday_en);
    for (const q of r.next_questions) out.push(q.field);
    for (const u of r.cannot_estimate) out.push(u.needs);
    for (const it of r.items) out.push(it.class + ' ' + show(it.in_scope));
    // @ts-expect-error split figures can be null (or a range)
    const notNull: string = r.split.fund_paid;
    void notNull;
  } else {
    const code: 'invalid_money' | string = answer.error.code;
    out.push(code, answer.error.field, answer.error.message_zh);
  }
  const many = await engine.estimateMany([request, { ...request, totals: { class_a: 100 }, items: undefined }]);
  if (many.ok) for (const e of many.result) out.push(e.ok ? e.result.split.total : e.error.code);
  // Batch options type the answers when the requests leave detail and texts to them.
  const { detail: _detail, texts: _texts, ...bare } = request;
  const batchNone = await engine.estimateMany([bare, bare], { detail: 'figures', texts: 'none' });
  if (batchNone.ok) {
    for (const e of batchNone.result) {
      if (!e.ok) continue;
      out.push(e.result.split.total);
      // @ts-expect-error batch texts none: the warnings keep their code, not their sentences
      for (const w of e.result.warnings) out.push(w.message_zh);
    }
  }
  const batchZh = await engine.estimateMany([bare], { texts: 'zh' });
  if (batchZh.ok) for (const e of batchZh.result) if (e.ok) for (const s of e.result.steps) out.push(s.text_zh);
  const none = await engine.estimate({ ...request, detail: 'figures', texts: 'none' });
  if (none.ok) {
    for (const u of none.result.cannot_estimate) out.push(u.part + u.needs);
    // @ts-expect-error texts none: the warnings keep their code, not their sentences
    for (const w of none.result.warnings) out.push(w.message_zh);
  }
  const zhOnly = await engine.estimate({ ...request, texts: 'zh' });
  if (zhOnly.ok) for (const s of zhOnly.result.steps) out.push(s.text_zh);
  const text = await engine.explain(request);
  const zh = await engine.explain(request, 'zh');
  if (text.ok && zh.ok) out.push(text.result.text.slice(0, 10), zh.result.text.slice(0, 10));
  const guide = await engine.guide({ scenario: 'manual_claim', request });
  if (guide.ok) {
    const g = guide.result;
    out.push(g.scenario, String(g.region), String(g.policy_id));
    for (const c of g.channels) out.push(c.kind + c.name_zh);
    for (const n of g.not_in_data) out.push(n.zh);
    for (const s of g.steps) out.push(s.text_en);
  }
  const diagnosis = await engine.diagnose({ symptom: '未查询到备案信息', request });
  if (diagnosis.ok) for (const c of diagnosis.result.causes) out.push(c.id + c.matched.join(','), c.actions[0]?.text_zh ?? '');
  const reverse = await engine.reverse({ original: { fund_paid: '100.00', patient_pays: 50 }, request });
  if (reverse.ok) {
    const d = reverse.result.difference.patient_pays;
    out.push(reverse.result.direction, d === null || typeof d === 'string' ? String(d) : d.low + '..' + d.high);
    out.push(reverse.result.corrected.split.total);
  }
  const policies = await engine.policies();
  if (policies.ok) for (const p of policies.result) out.push(p.region + ' ' + p.effective_from + ' ' + p.schemes[0]?.scheme);
  const policy = await engine.policy('guangzhou');
  if (policy.ok) out.push(String(policy.result.length));
  const loaded = await engine.loadPolicies({ files: [] });
  if (!loaded.ok) out.push(loaded.error.code);
  const version = await engine.version();
  if (version.ok) out.push(version.result.engine_version);
  const vocabulary = await engine.vocabulary();
  if (vocabulary.ok) out.push(vocabulary.result.levels[0].zh, vocabulary.result.regions[0].province, String(vocabulary.result.limits.items));
  const raw: string = await engine.call({ op: 'version' }, true);
  const parsed = await engine.call('{"op":"version"}');
  out.push(raw, String(parsed.ok));
  return out;
}

const wasm = fs.readFileSync(require.resolve('claimcalc/claimcalc.wasm'));
ClaimCalc.load(wasm).then(main).then((out) => console.log(out.length));
`;

test('TypeScript: a sample using every method type-checks (strict, node16, CommonJS and ES module), compiles, runs', () => {
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, module: 'node16', moduleResolution: 'node16', target: 'es2020', types: [],
                       outDir: 'out', skipLibCheck: false, noUnusedLocals: true },
    files: ['sample.cts', 'sample.mts', 'node.d.ts'],
  }));
  // Node's own types are not installed; the two functions the sample uses are declared here.
  writeFileSync(join(dir, 'node.d.ts'), `declare module 'node:fs' { export function readFileSync(p: string): Uint8Array; }
declare var require: { resolve(id: string): string };
`);
  writeFileSync(join(dir, 'sample.cts'), sample(`import ClaimCalc = require('claimcalc');`));
  writeFileSync(join(dir, 'sample.mts'), sample(`import ClaimCalc from 'claimcalc';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);`));
  writeFileSync(join(dir, 'node.d.ts'), readFileSync(join(dir, 'node.d.ts'), 'utf8') +
    `declare module 'node:module' { export function createRequire(u: string): { resolve(id: string): string }; }
interface ImportMeta { url: string }
`);
  runTsc(dir, ['-p', '.']);
  assert.match(runNode(dir, 'out/sample.cjs'), /^\d+\n$/);
  assert.match(runNode(dir, 'out/sample.mjs'), /^\d+\n$/);
});

// Real answers as TypeScript values of the declared types (object literals: a field the types do not name fails),
// and the declared enums equal to the engine's.
test('TypeScript: the engine\'s real answers are values of the declared types', async () => {
  const engine = await ClaimCalc.load(wasmBytes());
  const fixture = await ClaimCalc.load(wasmBytes());
  assert.equal((await fixture.loadPolicies(fixturePack)).ok, true);
  const values = [];
  const add = (type, env) => values.push(`export const v${values.length}: Envelope<${type}> = ${JSON.stringify(env)};`);
  const requests = [...caseFiles().map((f) => JSON.parse(readFileSync(f, 'utf8')).request).filter(Boolean),
                    ...['guangzhou-level3-inpatient.json', 'guangzhou-insured-shenzhen-unfiled.json'].map(
                      (f) => JSON.parse(readFileSync(join(source, 'examples', f), 'utf8')))];
  assert.ok(requests.length >= 10);
  for (const r of requests) add('Estimate', await engine.estimate(r));
  const unfiled = requests[requests.length - 1];
  for (const scenario of ['manual_claim', 'reverse_settlement', 'late_claim', 'cross_region_filing', 'special_disease']) {
    add('Guide', await engine.guide({ scenario, request: unfiled }));
    add('Guide', await engine.guide({ scenario }));
  }
  add('{ causes: Cause[] }', await engine.diagnose({ symptom: '未查询到备案信息', request: unfiled }));
  add('{ causes: Cause[] }', await engine.diagnose({ symptom: 'x' }));
  add('Reverse', await engine.reverse({ original: { fund_paid: '100.00', patient_pays: '50.00' }, request: requests[0] }));
  add('PolicySummary[]', await engine.policies());
  add('PolicySummary[]', await fixture.policies());
  add('{ engine_version: string }', await engine.version());
  add('Vocabulary', await engine.vocabulary());
  add('Vocabulary', await fixture.vocabulary());
  add('Estimate', await engine.estimate({ ...requests[0], date_of_care: '2025-02-30' }));
  add('Array<Envelope<Estimate>>', await engine.estimateMany(requests.slice(0, 3)));
  const figures = requests.slice(0, 3).map((r) => ({ ...r, detail: 'figures' }));
  add('EstimateFigures', await engine.estimate(figures[0]));
  add('Array<Envelope<EstimateFigures>>', await engine.estimateMany(figures));
  // Each texts choice, typed to it (an answer holding a sentence the choice leaves out fails the object literal).
  for (const texts of ['both', 'zh', 'en', 'none']) {
    for (const r of requests.slice(0, 6)) add(`Estimate<'${texts}'>`, await engine.estimate({ ...r, texts }));
    add(`Array<Envelope<EstimateFigures<'${texts}'>>>`,
        await engine.estimateMany(figures.map((r) => ({ ...r, texts }))));
    // The same choices given as estimateMany's batch options.
    add(`Array<Envelope<EstimateFigures<'${texts}'>>>`,
        await engine.estimateMany(requests.slice(0, 3), { detail: 'figures', texts }));
    add(`Array<Envelope<Estimate<'${texts}'>>>`, await engine.estimateMany(requests.slice(0, 3), { texts }));
  }
  // Each enum of the request and the error codes: the declared union equals what the engine accepts (its
  // unknown_value message lists them) and writes (engine/core/error.cpp).
  const base = requests[0];
  const listed = (env) => {
    const m = /expected one of: (.*)$/.exec(env.error.message_en);
    assert.ok(m, JSON.stringify(env.error));
    return m[1].split(', ').map((v) => `'${v}'`).join(' | ');
  };
  const enums = [];
  for (const field of ['scheme', 'person', 'tier', 'setting', 'hospital_level', 'filing', 'settlement', 'enrolment_status']) {
    enums.push([`NonNullable<Request['${field}']>`, listed(await engine.estimate({ ...base, [field]: 'x' }))]);
  }
  const itemClasses = listed(await engine.estimate({ ...base, totals: undefined, items: [{ class: 'x', amount: '1' }] }));
  enums.push([`RequestItem['class']`, itemClasses], [`NonNullable<RequestItem['insured_class']>`, itemClasses]);
  enums.push([`Scenario`, listed(await engine.guide({ scenario: 'x' }))]);
  const codes = [...readFileSync(join(source, 'engine', 'core', 'error.cpp'), 'utf8').matchAll(/return "([a-z_]+)";/g)]
    .map((m) => m[1]).filter((c) => c !== 'unknown');
  assert.ok(codes.length >= 10);
  enums.push([`ErrorCode`, codes.map((c) => `'${c}'`).join(' | ')]);
  writeFileSync(join(dir, 'real.ts'), `import type { Cause, Envelope, ErrorCode, Estimate, EstimateFigures, Guide, PolicySummary, Request, RequestItem, Reverse, Scenario, Vocabulary } from 'claimcalc';\n` +
    values.join('\n') + '\n' +
    'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;\n' +
    enums.map(([declared, engineList], i) => `export const same${i}: Same<${declared}, ${engineList}> = true;`).join('\n') + '\n');
  runTsc(dir, ['--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16', 'real.ts']);
});
