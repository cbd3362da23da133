// Build helper for the wasm target (wasm/CMakeLists.txt). No dependencies beyond Node.
//   node dist.mjs asm WASM2JS_OUTPUT.mjs OUT.js        wrap binaryen's wasm2js ES module as the fallback factory
//   node dist.mjs loader LOADER.js OUTDIR VERSION      claimcalc.js (comments stripped), claimcalc.mjs, package.json
//   node dist.mjs example SRC_DIR OUT_DIR DIST_DIR     a sample mini-program with the engine copied into its
//                                                      claimcalc/ subpackage; prints each package's size
//   node dist.mjs regions DIR                          beside each DIR/<region>.ccp, <region>.wasm for mini-programs
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageSizes } from './package_sizes.mjs';

const [cmd, input, output, distDir] = process.argv.slice(2);
const text = cmd === 'example' || cmd === 'regions' ? '' : readFileSync(input, 'utf8');

function must(cond, what) {
  if (!cond) {
    console.error(`dist.mjs: ${what} (${input})`);
    process.exit(1);
  }
}

if (cmd === 'asm') {
  // wasm2js writes `import { f } from 'module';` lines, the code, then `var retasmFunc = asmFunc({...})` and
  // `export var ...` lines. Keep the code; the factory takes the same imports object as the wasm.
  const tail = text.indexOf('\nvar retasmFunc = asmFunc(');
  must(tail > 0, 'no asmFunc call found: has wasm2js changed its output?');
  const body = text.slice(0, tail).split('\n').filter((l) => !/^import \{ .* \} from '.*';$/.test(l)).join('\n');
  must(!/\bimport\b.*\bfrom\b|\beval\(|new Function/.test(body), 'unexpected import, eval or Function');
  // The keys are quoted: minifyNames renames only declared names and refuses bare keys that could be one.
  const wrapped = `(function (root, factory) {
  if (typeof module === 'object' && module && module.exports) module.exports = factory;
  else if (root) root.ClaimCalcAsm = factory;
})(this, function (imports) {
  'use strict';
  var env = { 'abort': function () { throw new Error('claimcalc: the engine aborted (unreachable)'); } };
  for (var m in imports) for (var k in imports[m]) if (k !== 'abort') env[k] = imports[m][k];
${body}
  return asmFunc(env);
});
`;
  writeFileSync(output, `// claimcalc.asm.js: claimcalc.wasm translated to plain JS by binaryen wasm2js (after wasm-opt -Oz), blanks
// squeezed out and names shortened by wasm/tools/dist.mjs. For runtimes without WebAssembly; use it through the
// loader: ClaimCalc.load(require('./claimcalc.asm.js')).
${squeeze(wrapped, minifyNames(wrapped))}
`);
} else if (cmd === 'loader') {
  // The loader's UTF-8 helpers live in loader/utf8.js, written in at the marker line.
  const marker = /^ *\/\/<utf8\.js>.*$/m;
  must(marker.test(text), 'no //<utf8.js> marker');
  const loader = text.replace(marker, () => readFileSync(join(dirname(input), 'utf8.js'), 'utf8'));
  const a = loader.indexOf('//<body>'), b = loader.indexOf('//</body>');
  must(a > 0 && b > a, 'no //<body> markers');
  const head = '// claimcalc loader; the commented source is wasm/loader/claimcalc.js (with loader/utf8.js)\n';
  const wrap = squeeze(loader.slice(0, a)) + '\n' + squeeze(loader.slice(a, b)) + '\n' + squeeze(loader.slice(b + 9));
  writeFileSync(join(output, 'claimcalc.js'), head + wrap + '\n');
  // here: the package folder when this runs from a file in Node (regions/ is read from it), else null.
  writeFileSync(join(output, 'claimcalc.mjs'), head + 'const ClaimCalc=(function(here){\n' + squeeze(loader.slice(a, b)) +
    "\n})(typeof process==='object'&&import.meta.url.slice(0,5)==='file:'?decodeURIComponent(new URL('.',import.meta.url).pathname):null);" +
    '\nexport default ClaimCalc;\nexport const load=ClaimCalc.load;\n');
  // dist/ is an npm package: `npm install path/to/dist`. "type": "commonjs" keeps claimcalc.js (and
  // claimcalc.asm.js) CommonJS even when a folder above says "type": "module". The same types serve both module
  // kinds (claimcalc.d.mts is a copy, so TypeScript reads it as an ES module beside claimcalc.mjs); both export
  // claimcalc-figures.d.ts (the money types and the split).
  const version = distDir;
  must(/^\d+\.\d+\.\d+$/.test(version || ''), 'the package version (x.y.z) is the third argument');
  const pkg = {
    name: 'claimcalc',
    version,
    description: 'China medical-insurance claim estimates: the claimcalc engine as WebAssembly, for browsers, Node, ' +
      'WeChat and Alipay mini-programs',
    license: 'UNLICENSED',
    type: 'commonjs',
    main: './claimcalc.js',
    module: './claimcalc.mjs',
    types: './claimcalc.d.ts',
    exports: {
      '.': {
        import: { types: './claimcalc.d.mts', default: './claimcalc.mjs' },
        require: { types: './claimcalc.d.ts', default: './claimcalc.js' },
      },
      './claimcalc.wasm': './claimcalc.wasm',
      './claimcalc.wasm.br': './claimcalc.wasm.br',
      './claimcalc-author.wasm': './claimcalc-author.wasm',
      './claimcalc-author.wasm.br': './claimcalc-author.wasm.br',
      './claimcalc.asm.js': './claimcalc.asm.js',
      './regions/*': './regions/*',
      './package.json': './package.json',
    },
    // regions/: each built-in region's file, which the loader reads from beside the module on first need;
    // claimcalc-author.wasm: the module with the policy reader, read on the first loadPolicies / validate_policy.
    files: ['claimcalc.js', 'claimcalc.mjs', 'claimcalc.d.ts', 'claimcalc.d.mts', 'claimcalc-figures.d.ts',
            'claimcalc.wasm', 'claimcalc.wasm.br', 'claimcalc-author.wasm', 'claimcalc-author.wasm.br',
            'claimcalc.asm.js', 'regions/', 'README.md', 'api.md'],
  };
  writeFileSync(join(output, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
} else if (cmd === 'example') {
  rmSync(output, { recursive: true, force: true });
  cpSync(input, output, { recursive: true });
  // What a mini-program needs: the loader, the compressed module, the fallback and the region files, which the
  // loader reads with the runtime's file API from claimcalc/regions/ (wasm/README.md).
  for (const f of ['claimcalc.js', 'claimcalc.wasm.br', 'claimcalc.asm.js', 'regions']) {
    cpSync(join(distDir, f), join(output, 'claimcalc', f), { recursive: true, filter: (p) => !p.endsWith('.ccp') });
  }
  for (const [name, bytes] of Object.entries(packageSizes(output))) console.log(`${output}: ${name} ${bytes} bytes`);
} else if (cmd === 'regions') {
  // The mini-program uploaders keep only files whose suffix is on their list, and .wasm is on it (WXWebAssembly and
  // MYWebAssembly load it); .ccp is not. So each region also ships as a data-only module: one memory whose data
  // segment is the region file followed by its length (u32, little-endian). The loader reads it with the runtime's
  // file API and takes the region's bytes from its end, without instantiating it.
  const leb = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return Buffer.from(out); };
  const section = (id, content) => Buffer.concat([Buffer.from([id]), leb(content.length), content]);
  for (const f of readdirSync(input).filter((x) => x.endsWith('.ccp'))) {
    const payload = readFileSync(join(input, f));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(payload.length);
    const body = Buffer.concat([payload, length]);
    const memory = section(5, Buffer.concat([leb(1), Buffer.from([0]), leb(Math.ceil(body.length / 65536))]));
    const data = section(11, Buffer.concat([leb(1), Buffer.from([0, 0x41, 0, 0x0b]), leb(body.length), body]));
    writeFileSync(join(input, f.slice(0, -4) + '.wasm'),
      Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), memory, data]));
  }
} else {
  must(false, `unknown command ${cmd}`);
}

// Drops comments and the blanks between tokens, keeping every line break the source had between two tokens
// (so automatic semicolon insertion reads it exactly as before); with names, renames those identifiers (not
// property names after a dot). Uses the acorn Debian ships for emcc.
function squeeze(src, names = new Map()) {
  // ecmaVersion 5: the loader and the fallback must parse in the oldest mini-program runtimes.
  const out = [];
  let prev = null, last = '';
  for (const t of acorn().tokenizer(src, { ecmaVersion: 5, allowReturnOutsideFunction: true })) {
    let word = src.slice(t.start, t.end);
    if (t.type.label === 'name' && names.has(word) && !(prev && prev.type.label === '.')) word = names.get(word);
    if (prev !== null) {
      const gap = src.slice(prev.end, t.start);
      const a = last, b = word[0];
      if (gap.includes('\n')) out.push('\n');
      else if (/[\w$]/.test(a) && /[\w$]/.test(b) || a === b && '+-'.includes(a) || a === '/' && '/*'.includes(b)) out.push(' ');
    }
    out.push(word);
    last = word[word.length - 1];
    prev = t;
  }
  return out.join('');
}

function acorn() {
  const require = createRequire(import.meta.url);
  try {
    return require('acorn');
  } catch {
    return require('/usr/share/nodejs/acorn');
  }
}

// Short names for every name the code declares (vars, functions, parameters, labels), the most used first; a
// name it does not declare (Math, Int32Array, module, ...) is a global and keeps its name. This is not a full
// scope analysis: it relies on wasm2js code never declaring a name it also uses as a global, which holds because
// the map is one-to-one and applied to every occurrence; bare object keys, which would break that, are refused.
function minifyNames(src) {
  const declared = new Set(), bareKeys = new Set();
  const declare = (id) => {
    must(id && id.type === 'Identifier', `unexpected declaration ${id && id.type}`);
    declared.add(id.name);
  };
  const stack = [acorn().parse(src, { ecmaVersion: 5 })];
  while (stack.length) {
    const n = stack.pop();
    if (n.type === 'VariableDeclarator') declare(n.id);
    else if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression') {
      if (n.id) declare(n.id);
      n.params.forEach(declare);
    } else if (n.type === 'LabeledStatement') declare(n.label);
    else if (n.type === 'Property' && !n.computed && n.key.type === 'Identifier') bareKeys.add(n.key.name);
    for (const v of Object.values(n)) {
      for (const c of Array.isArray(v) ? v : [v]) if (c && typeof c.type === 'string') stack.push(c);
    }
  }
  for (const k of bareKeys) must(!declared.has(k), `a bare object key "${k}" is also a declared name`);
  must(!declared.has('eval') && !declared.has('arguments'), 'eval or arguments declared');
  const uses = new Map(), kept = new Set();
  let prev = null;
  for (const t of acorn().tokenizer(src, { ecmaVersion: 5 })) {
    if (t.type.label === 'name' || t.type.keyword) {
      const w = src.slice(t.start, t.end);
      if (declared.has(w) && !(prev && prev.type.label === '.')) uses.set(w, (uses.get(w) || 0) + 1);
      else kept.add(w);
    }
    prev = t;
  }
  const reserved = new Set(('break case catch class const continue debugger default delete do else enum export ' +
    'extends false finally for function if import in instanceof let new null return static super switch this throw ' +
    'true try typeof var void while with yield await implements interface package private protected public ' +
    'arguments eval undefined NaN Infinity').split(' '));
  const first = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$', rest = first + '0123456789';
  let i = 0;
  function next() {
    for (;;) {
      let n = i++, name = first[n % first.length];
      for (n = Math.floor(n / first.length); n > 0; n = Math.floor((n - 1) / rest.length)) name += rest[(n - 1) % rest.length];
      if (!reserved.has(name) && !kept.has(name)) return name;
    }
  }
  const names = new Map();
  for (const [w] of [...uses].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) names.set(w, next());
  return names;
}
