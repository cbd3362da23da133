// 3. A simulated WeChat mini-program runtime: a vm context with no WebAssembly, fetch, TextDecoder, TextEncoder,
// require or module, no code generation from strings, and a WXWebAssembly whose instantiate takes only a package
// path ending in .wasm or .wasm.br (a .br file is decompressed, as WeChat does). The loader is run there as a
// plain script and must answer exactly as the native CLI does, reading region files with the runtime's file API.
// The same for Alipay's MYWebAssembly.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import vm from 'node:vm';
import { brotliDecompressSync } from 'node:zlib';
import { builtinRegions, checkParity, dist, fixturePack, source } from './lib.mjs';

// The mini-program package: the files a developer copies next to the page (see wasm/examples/), with the authoring
// module, which an app that loads policy packs ships too (the sample apps do not).
const packageFiles = { '/claimcalc/claimcalc.wasm.br': join(dist, 'claimcalc.wasm.br'),
                       '/claimcalc/claimcalc.wasm': join(dist, 'claimcalc.wasm'),
                       '/claimcalc/claimcalc-author.wasm.br': join(dist, 'claimcalc-author.wasm.br'),
                       '/claimcalc/claimcalc-author.wasm': join(dist, 'claimcalc-author.wasm') };

// The runtime's file API (wx / my .getFileSystemManager().readFileSync), reading the package's region files:
// WeChat takes a path and gives an ArrayBuffer, Alipay takes {filePath} and gives {data}.
function fileSystem(globalName, reads, regionDir) {
  const read = (path) => {
    reads.push(path);
    const m = /^\/claimcalc\/regions\/([a-z0-9_-]+\.wasm)$/.exec(path);
    if (!m) throw new Error(`readFileSync:fail no such file or directory ${path}`);
    const b = readFileSync(join(regionDir, m[1]));
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  };
  const manager = globalName === 'WXWebAssembly' ? { readFileSync: (path) => read(path) }
    : { readFileSync: (o) => ({ data: read(o.filePath) }) };
  return { [globalName === 'WXWebAssembly' ? 'wx' : 'my']: { getFileSystemManager: () => manager } };
}

// old: a runtime older than bulk memory (iOS before 15), which cannot compile claimcalc.wasm.
function miniProgram(globalName, regionDir = join(dist, 'regions'), old = false) {
  const calls = [], reads = [];
  const runtime = {
    instantiate(path, imports) {
      calls.push(path);
      if (old) return Promise.reject(new Error("CompileError: WebAssembly.Module doesn't parse: invalid opcode 252"));
      if (typeof path !== 'string' || !/\.wasm(\.br)?$/.test(path) || !packageFiles[path]) {
        return Promise.reject(new Error(`${globalName}.instantiate: not a package path: ${String(path).slice(0, 40)}`));
      }
      let bytes = readFileSync(packageFiles[path]);
      if (path.endsWith('.br')) bytes = brotliDecompressSync(bytes);
      // Like WeChat: an instance, no WebAssembly.Module handed back.
      return WebAssembly.instantiate(bytes, imports).then((r) => ({ instance: r.instance }));
    },
  };
  const context = vm.createContext({ [globalName]: runtime, console, ...fileSystem(globalName, reads, regionDir) },
                                   { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext('delete globalThis.WebAssembly;', context);
  vm.runInContext(readFileSync(join(dist, 'claimcalc.js'), 'utf8'), context, { filename: 'claimcalc.js' });
  return { context, calls, reads };
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
    const { context, calls, reads } = miniProgram(globalName);
    const load = vm.runInContext('ClaimCalc.load', context);
    const builtin = await load(file);
    const fixture = await load(file);
    assert.equal((await fixture.loadPolicies(fixturePack)).ok, true);
    await checkParity(assert, { builtin, fixture });
    assert.deepEqual(calls, [file, file, file.replace('claimcalc.', 'claimcalc-author.')],
                     'one instantiate per engine, by package path; the authoring module for the pack');
    assert.ok(reads.length > 0 && reads.every((p) => p.startsWith('/claimcalc/regions/')), 'region files by package path');
    // Non-ASCII both ways without TextEncoder/TextDecoder: the bill's item names come back intact.
    const env = await fixture.estimate({ insured_region: 'wasmtown', scheme: 'employee', person: 'active', tier: 'tier1',
      setting: 'inpatient', hospital_level: 'level3', date_of_care: '2025-03-01',
      items: [{ name: '头孢曲松钠 😷 Ⅱ型', class: 'class_a', amount: '100.00' }] });
    assert.equal(env.ok, true, JSON.stringify(env));
    assert.equal(env.result.items[0].name, '头孢曲松钠 😷 Ⅱ型');
  });
}

test('each region ships to mini-programs as a valid data-only module holding exactly its .ccp file', async () => {
  const dir = join(dist, 'regions');
  const ccps = readdirSync(dir).filter((f) => f.endsWith('.ccp'));
  assert.ok(ccps.length > 0);
  for (const f of ccps) {
    const wasm = readFileSync(join(dir, f.slice(0, -4) + '.wasm'));
    assert.ok(WebAssembly.validate(wasm), f);
    const { instance } = await WebAssembly.instantiate(wasm, {});
    assert.deepEqual(Object.keys(instance.exports), []);
    const ccp = readFileSync(join(dir, f));
    assert.equal(wasm.readUInt32LE(wasm.length - 4), ccp.length, f);
    assert.ok(wasm.subarray(wasm.length - 4 - ccp.length, wasm.length - 4).equals(ccp), f);
  }
  for (const app of ['wechat', 'alipay']) {
    assert.deepEqual(readdirSync(join(dist, '..', 'examples', app, 'claimcalc', 'regions')).sort(),
                     ccps.map((f) => f.slice(0, -4) + '.wasm').sort(), app + ': the .wasm forms only');
  }
});

test('a package path with another ending is refused by the simulated runtime, and load rejects', async () => {
  const { context } = miniProgram('WXWebAssembly');
  await assert.rejects(vm.runInContext('ClaimCalc.load("/claimcalc/claimcalc.js")', context), /not a package path/);
});

// The sample projects' estimate pages (in the claimcalc subpackage of build/examples/<app>, as the build assembles
// them) run as written: Page() and require() shimmed; once with the runtime's WXWebAssembly/MYWebAssembly (the
// .wasm.br by package path), once in a runtime without it and once in one too old to compile the module (the page
// falls back to claimcalc.asm.js).
const examples = join(dist, '..', 'examples');
for (const [app, globalName] of [['wechat', 'WXWebAssembly'], ['alipay', 'MYWebAssembly']]) {
  for (const runtime of ['wasm', 'none', 'old']) {
    const fallback = runtime !== 'wasm';
    test(`examples/${app}: the estimate page shows an estimate` +
         `${{ wasm: '', none: ' without ' + globalName, old: ' where it cannot compile the module' }[runtime]}`,
         { skip: !builtinRegions().includes('shenzhen') }, async () => {
      const root = join(examples, app, 'claimcalc');
      const { context, calls, reads } = miniProgram(globalName, join(root, 'regions'), runtime === 'old');
      if (runtime === 'none') vm.runInContext(`delete globalThis.${globalName};`, context);
      const modules = {
        '../../claimcalc.js': () => vm.runInContext('ClaimCalc', context),
        '../../claimcalc.asm.js': () => {
          vm.runInContext(readFileSync(join(root, 'claimcalc.asm.js'), 'utf8'), context);
          return vm.runInContext('ClaimCalcAsm', context);
        },
      };
      const required = [];
      const require = (p) => {
        required.push(p);
        assert.ok(modules[p], `the page requires ${p}`);
        return modules[p]();
      };
      let page = null;
      // Each mini-program file runs in its own module scope, as here.
      const file = join(root, 'pages', 'estimate', 'estimate.js');
      vm.runInContext(`(function (require, Page) {\n${readFileSync(file, 'utf8')}\n})`, context, { filename: file })(
        require, (def) => { page = def; });
      const updates = [];
      const done = new Promise((resolve) => { page.setData = (d) => { updates.push(d); resolve(); }; });
      page.onLoad();
      await done;
      assert.equal(updates[0].error, '', JSON.stringify(updates[0]));
      // Exact, or a range the page words (Shenzhen has no annual-cap figure: patient_pays has no upper end).
      assert.match(updates[0].result.patient_pays, /^(\d+\.\d\d|至少 \d+\.\d\d|最多 \d+\.\d\d|\d+\.\d\d–\d+\.\d\d)$/);
      assert.deepEqual(calls, runtime === 'none' ? [] : ['/claimcalc/claimcalc.wasm.br']);
      // The first estimate reads the one region file it needs, from the subpackage, with the file API.
      assert.deepEqual(reads, ['/claimcalc/regions/shenzhen.wasm']);
      assert.deepEqual(required, fallback ? ['../../claimcalc.js', '../../claimcalc.asm.js'] : ['../../claimcalc.js']);
    });
  }
}
