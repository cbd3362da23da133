// Copy build/dist/claimcalc.js and build/dist/claimcalc.wasm into <mini-program root>/claimcalc/.
// MYWebAssembly takes a package path, as WXWebAssembly does; the loader finds MYWebAssembly by itself.
const ClaimCalc = require('../../claimcalc/claimcalc.js');

let engine = null;
function getEngine() {
  if (!engine) engine = ClaimCalc.load('/claimcalc/claimcalc.wasm');
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

Page({
  data: { result: null, error: '' },
  onLoad() { this.estimate(); },
  estimate() {
    getEngine()
      .then((e) => e.estimate(request))
      .then((env) => {
        if (env.ok) this.setData({ result: env.result.split, error: '' });
        else this.setData({ result: null, error: env.error.field + '：' + env.error.message_zh });
      })
      .catch((err) => {
        engine = null;  // the module could not load (or stopped): try again on the next tap
        this.setData({ result: null, error: String(err && err.message) });
      });
  },
});
