// The estimate page, in the claimcalc subpackage next to the engine files the build copies here: claimcalc.js
// (the loader), claimcalc.wasm.br, claimcalc.asm.js (for clients without MYWebAssembly) and regions/ (a file per
// region, read by the loader with the runtime's file API on first need: beside a package path by default, named
// here for the fallback).
const ClaimCalc = require('../../claimcalc.js');

let engine = null;
function getEngine() {
  if (!engine) {
    // MYWebAssembly takes a package path (.wasm or .wasm.br); where the runtime has none, the wasm2js fallback.
    engine = typeof MYWebAssembly !== 'undefined'
      // A runtime too old to compile the module (it uses bulk memory: iOS before 15) gets the fallback too.
      ? ClaimCalc.load('/claimcalc/claimcalc.wasm.br', { fallback: (imports) => require('../../claimcalc.asm.js')(imports) })
      : ClaimCalc.load(require('../../claimcalc.asm.js'), { regions: '/claimcalc/regions/' });
  }
  return engine;
}

const request = {
  insured_region: 'shenzhen', scheme: 'employee', person: 'active', tier: 'tier1', setting: 'inpatient',
  hospital_level: 'level3', date_of_care: '2025-03-01',
  items: [
    { name: '床位费', class: 'class_a', quantity: 8, unit_price: '60.00' },
    { name: '头孢曲松钠注射液', class: 'class_b', amount: '1280.50' },
    { name: '特需病房', class: 'out_of_catalogue', amount: '400.00' },
  ],
};

// A split figure is money text, a {low, high} range (a null end is open), or null when the data cannot give it.
function figure(v) {
  if (v === null) return '无法测算';
  if (typeof v !== 'object') return v;
  if (v.low === null) return '最多 ' + v.high;
  return v.high === null ? '至少 ' + v.low : v.low + '–' + v.high;
}

Page({
  data: { result: null, error: '' },
  onLoad() { this.estimate(); },
  estimate() {
    getEngine()
      .then((e) => e.estimate(request))
      .then((env) => {
        if (!env.ok) return this.setData({ result: null, error: env.error.message_zh });
        const s = env.result.split;
        this.setData({ error: '', result: { total: s.total, fund_paid: figure(s.fund_paid), patient_pays: figure(s.patient_pays) } });
      })
      .catch((err) => {
        engine = null;  // the module could not load (or stopped): try again on the next tap
        this.setData({ result: null, error: String(err && err.message) });
      });
  },
});
