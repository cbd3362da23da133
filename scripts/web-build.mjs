#!/usr/bin/env node
// Builds the static web page into build/dist/web (run by `cmake --build build --target web`):
//   node scripts/web-build.mjs [--src web] [--dist build/dist] [--out build/dist/web]
// Copies web/ and the engine files the page uses, puts web/head.html into every page, writes sw.js with the list of
// files to keep offline and a version made from their contents, checks each page holds nothing the CSP would block,
// and prints the page weight.
// Writes a file only when its content changed, so a rebuild with nothing new touches nothing.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = { src: join(root, 'web'), dist: join(root, 'build/dist'), out: null };
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = resolve(process.argv[i + 1]);
args.out = args.out || join(args.dist, 'web');

// The page's own files: everything in web/ but the sw.js template, the shared head and the notes for developers.
const NOT_SHIPPED = new Set(['sw.js', 'head.html', 'CMakeLists.txt', 'README.md']);
const PAGE = ['index.html', ...readdirSync(args.src).filter((f) => f !== 'index.html' && !NOT_SHIPPED.has(f)).sort()];
// From the wasm build: the ES-module loader and the module. claimcalc.asm.js is shipped for runtimes without
// WebAssembly but is not kept offline up front (2 MB; fetched, then kept, only where it is needed).
const ENGINE = ['claimcalc.mjs', 'claimcalc.wasm'];
const FALLBACK = ['claimcalc.asm.js'];
// The authoring module (the base plus the policy reader): the authoring view's engine, fetched when that view loads
// and then kept; the calculator page never asks for it.
const AUTHOR = ['claimcalc-author.wasm'];

function fail(msg) {
  console.error('web-build: ' + msg);
  process.exit(1);
}

const files = new Map();
for (const f of PAGE) {
  const p = join(args.src, f);
  if (!existsSync(p)) fail(`missing ${p}`);
  files.set(f, readFileSync(p));
}
// Each built-in region's file (regions/<id>.ccp), read by the loader when the page loads.
const REGIONS = existsSync(join(args.dist, 'regions'))
  ? readdirSync(join(args.dist, 'regions')).filter((f) => f.endsWith('.ccp')).sort().map((f) => 'regions/' + f) : [];
if (!REGIONS.length) fail(`no region files in ${join(args.dist, 'regions')}: build the wasm first`);
ENGINE.push(...REGIONS);
for (const f of [...ENGINE, ...FALLBACK, ...AUTHOR]) {
  const p = join(args.dist, f);
  if (!existsSync(p)) fail(`missing ${p}: build the wasm first (cmake --build build --target wasm)`);
  files.set(f, readFileSync(p));
}

// Every page's head begins with web/head.html (the CSP and the rest every page shares), written there once.
const INCLUDE = '<!--#include head.html-->\n';
const head = readFileSync(join(args.src, 'head.html'), 'utf8').replace(/^<!--[\s\S]*?-->\n/, '');
for (const f of PAGE.filter((x) => x.endsWith('.html'))) {
  const page = files.get(f).toString('utf8');
  if (page.split(INCLUDE).length !== 2) fail(`${f}: needs the line ${INCLUDE.trim()} once, in its <head>`);
  files.set(f, Buffer.from(page.replace(INCLUDE, head)));
}

// What CSP `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'` blocks, found before a browser does.
for (const f of PAGE.filter((x) => x.endsWith('.html'))) {
  const html = files.get(f).toString('utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  if (!csp || csp[1] !== "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'") fail(`${f}: the CSP meta tag is missing or changed`);
  if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html)) fail(`${f}: inline <script>`);
  if (/<style[\s>]/i.test(html)) fail(`${f}: inline <style>`);
  if (/\sstyle\s*=/i.test(html)) fail(`${f}: style attribute`);
  if (/\son[a-z]+\s*=/i.test(html)) fail(`${f}: inline event handler attribute`);
  if (/\bhttps?:\/\//.test(html.replace(/<!--[\s\S]*?-->/g, ''))) fail(`${f}: a link to another origin`);
}
for (const f of PAGE.filter((x) => x.endsWith('.js'))) {
  const s = files.get(f).toString('utf8');
  if (/\beval\(|new Function\(|\.innerHTML\s*=|setAttribute\(\s*['"]style['"]|\.cssText\b/.test(s)) fail(`${f}: eval, innerHTML or a style attribute`);
}

// sw.js: keep everything but the fallback; './' is the page as a folder URL.
const cached = ['./', ...PAGE, ...ENGINE];
const hash = createHash('sha256');
for (const f of [...PAGE, ...ENGINE]) hash.update(f).update(files.get(f));
const template = readFileSync(join(args.src, 'sw.js'), 'utf8');
hash.update(template);
const version = hash.digest('hex').slice(0, 16);
files.set('sw.js', Buffer.from(template.replace('__VERSION__', version).replace('__FILES__', JSON.stringify(cached))));

mkdirSync(join(args.out, 'regions'), { recursive: true });
let written = 0;
for (const [f, data] of files) {
  const p = join(args.out, f);
  if (existsSync(p) && readFileSync(p).equals(data)) continue;
  writeFileSync(p, data);
  written++;
}
for (const f of readdirSync(args.out)) if (!files.has(f) && f !== 'regions') rmSync(join(args.out, f), { recursive: true });
for (const f of readdirSync(join(args.out, 'regions'))) if (!files.has('regions/' + f)) rmSync(join(args.out, 'regions', f));

// Page weight: what a first visit downloads (every file but the fallback), brotli quality 11.
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
let raw = 0, comp = 0;
const rows = [];
for (const f of [...PAGE, ...ENGINE, 'sw.js']) {
  const b = files.get(f);
  const c = br(b);
  raw += b.length; comp += c;
  rows.push(`${f.padEnd(22)} ${String(b.length).padStart(8)} ${String(c).padStart(8)}`);
}
const fb = files.get('claimcalc.asm.js');
if (process.env.CLAIMCALC_WEB_QUIET !== '1') {
  console.log(`web-build: ${args.out} (${written} file(s) written, sw version ${version})`);
  console.log(`${'file'.padEnd(22)} ${'bytes'.padStart(8)} ${'brotli'.padStart(8)}\n${rows.join('\n')}`);
  console.log(`${'page total'.padEnd(22)} ${String(raw).padStart(8)} ${String(comp).padStart(8)}`);
  console.log(`${'fallback asm.js'.padEnd(22)} ${String(fb.length).padStart(8)} ${String(br(fb)).padStart(8)}  (only without WebAssembly)`);
}
