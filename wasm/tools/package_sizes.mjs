// The size of each package of a mini-program folder, as WeChat and Alipay count them: every file under a
// subpackage's root (app.json "subPackages"/"subpackages") belongs to that subpackage, every other file to the
// main package. Used by dist.mjs (to print) and tests/wasm/size.test.mjs (to hold the 2 MB limit).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

// {main: bytes, <subpackage root>: bytes, ...}
export function packageSizes(project) {
  const app = JSON.parse(readFileSync(join(project, 'app.json'), 'utf8'));
  const roots = (app.subPackages || app.subpackages || []).map((s) => s.root.replace(/^\/|\/$/g, ''));
  const sizes = { main: 0 };
  for (const r of roots) sizes[r] = 0;
  for (const f of files(project)) {
    const rel = relative(project, f).split(sep).join('/');
    const root = roots.find((r) => rel.startsWith(r + '/'));
    sizes[root ?? 'main'] += statSync(f).size;
  }
  return sizes;
}
