#!/usr/bin/env node
// node wasm/examples/node/estimate.mjs [REQUEST.json] [--dist build/dist]
// Loads claimcalc.wasm through the loader and prints the response envelope. Without a file, a Shenzhen example.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const args = process.argv.slice(2);
const distAt = args.indexOf('--dist');
const dist = distAt >= 0 ? args.splice(distAt, 2)[1] : join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../../build/dist');
const ClaimCalc = createRequire(import.meta.url)(join(dist, 'claimcalc.js'));

const request = args[0] ? JSON.parse(readFileSync(args[0], 'utf8')) : {
  insured_region: 'shenzhen', scheme: 'employee', person: 'active', tier: 'tier1', setting: 'inpatient',
  hospital_level: 'level3', date_of_care: '2025-03-01',
  totals: { class_a: '18000.00', class_b: '5200.50', out_of_catalogue: '830.00' },
};

const engine = await ClaimCalc.load(readFileSync(join(dist, 'claimcalc.wasm')));
const envelope = await engine.estimate(request);
console.log(JSON.stringify(envelope, null, 2));
if (envelope.ok) {
  const r = envelope.result.split;
  console.error(`total ${r.total}  fund_paid ${r.fund_paid}  patient_pays ${r.patient_pays}`);
}
process.exitCode = envelope.ok ? 0 : 2;
