// 3. A simulated WeChat mini-program runtime: a vm context with no WebAssembly, fetch, TextDecoder, TextEncoder,
// require or module, no code generation from strings, and a WXWebAssembly whose instantiate takes only a package
// path ending in .wasm or .wasm.br (a .br file is decompressed, as WeChat does). The loader is run there as a
// plain script and must answer exactly as the native CLI does. The same for Alipay's MYWebAssembly.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import vm from 'node:vm';
import { brotliDecompressSync } from 'node:zlib';
import { builtinRegions, checkParity, dist, fixturePack, source } from './lib.mjs';

// The mini-program package: the files a developer copies next to the page (see wasm/examples/).
const packageFiles = { '/claimcalc/claimcalc.wasm.br': join(dist, 'claimcalc.wasm.br'),
                       '/claimcalc/claimcalc.wasm': join(dist, 'claimcalc.wasm') };

function miniProgram(globalName) {
  const calls = [];
  const runtime = {
    instantiate(path, imports) {
      calls.push(path);
      if (typeof path !== 'string' || !/\.wasm(\.br)?$/.test(path) || !packageFiles[path]) {
        return Promise.reject(new Error(`${globalName}.instantiate: not a package path: ${String(path).slice(0, 40)}`));
      }
      let bytes = readFileSync(packageFiles[path]);
      if (path.endsWith('.br')) bytes = brotliDecompressSync(bytes);
      // Like WeChat: an instance, no WebAssembly.Module handed back.
      return WebAssembly.instantiate(bytes, imports).then((r) => ({ instance: r.instance }));
    },
  };
  const context = vm.createContext({ [globalName]: runtime, console },
                                   { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext('delete globalThis.WebAssembly;', context);
  vm.runInContext(readFileSync(join(dist, 'claimcalc.js'), 'utf8'), context, { filename: 'claimcalc.js' });
  return { context, calls };
}

for (const [globalName, file] of [['WXWebAssembly', '/claimcalc/claimcalc.wasm.br'], ['MYWebAssembly', '/claimcalc/claimcalc.wasm']]) {
  test(`${globalName}: the runtime has none of what the loader must not need`, () => {
    const { context } = miniProgram(globalName);
    for (const name of ['WebAssembly', 'fetch', 'TextDecoder', 'TextEncoder', 'require', 'module', 'process']) {
      assert.equal(vm.runInContext(`typeof ${name}`, context), 'undefined', name);
    }
    assert.throws(() => vm.runInContext('eval("1")', context));
    assert.equal(vm.runInContext('typeof ClaimCalc.load', context), 'function');
  });

  test(`${globalName}: ${file} answers every request exactly as the native CLI`, async () => {
    const { context, calls } = miniProgram(globalName);
    const load = vm.runInContext('ClaimCalc.load', context);
    const builtin = await load(file);
    const fixture = await load(file);
    assert.equal((await fixture.loadPolicies(fixturePack)).ok, true);
    await checkParity(assert, { builtin, fixture });
    assert.deepEqual(calls, [file, file], 'one instantiate per engine, by package path');
    // Non-ASCII both ways without TextEncoder/TextDecoder: the bill's item names come back intact.
    const env = await fixture.estimate({ insured_region: 'wasmtown', scheme: 'employee', person: 'active', tier: 'tier1',
      setting: 'inpatient', hospital_level: 'level3', date_of_care: '2025-03-01',
      items: [{ name: '头孢曲松钠 😷 Ⅱ型', class: 'class_a', amount: '100.00' }] });
    assert.equal(env.ok, true, JSON.stringify(env));
    assert.equal(env.result.items[0].name, '头孢曲松钠 😷 Ⅱ型');
  });
}

test('a package path with another ending is refused by the simulated runtime, and load rejects', async () => {
  const { context } = miniProgram('WXWebAssembly');
  await assert.rejects(vm.runInContext('ClaimCalc.load("/claimcalc/claimcalc.js")', context), /not a package path/);
});

// The example pages in wasm/examples/ run as written: Page() and require() shimmed, the loader and the .wasm(.br)
// where the example says to copy them.
for (const [app, globalName] of [['wechat', 'WXWebAssembly'], ['alipay', 'MYWebAssembly']]) {
  test(`wasm/examples/${app}: the page shows an estimate`, { skip: !builtinRegions().includes('shenzhen') }, async () => {
    const { context } = miniProgram(globalName);
    let page = null;
    const updates = [];
    const loader = vm.runInContext('ClaimCalc', context);
    const require = (p) => {
      assert.equal(p, '../../claimcalc/claimcalc.js');
      return loader;
    };
    // Each mini-program file runs in its own module scope, as here.
    const file = join(source, 'wasm', 'examples', app, 'pages', 'index', 'index.js');
    vm.runInContext(`(function (require, Page) {\n${readFileSync(file, 'utf8')}\n})`, context, { filename: file })(
      require, (def) => { page = def; });
    const done = new Promise((resolve) => {
      page.setData = (d) => { updates.push(d); resolve(); };
    });
    page.onLoad();
    await done;
    assert.equal(updates[0].error, '', JSON.stringify(updates[0]));
    assert.match(updates[0].result.patient_pays, /^\d+\.\d\d$/);
  });
}
