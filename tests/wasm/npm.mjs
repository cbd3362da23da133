// npm for the tests: TypeScript (pinned in tests/wasm/package-lock.json; scripts/setup.sh installs it, a test never
// does) and a scratch project with build/dist installed as a package, offline: a local folder
// is packed by npm itself (--install-links), so `files` and `exports` are what a user of the package gets.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dist } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function npm(args, cwd) {
  const r = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
}

export function tsc() {
  const bin = join(here, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!existsSync(bin)) throw new Error('tests/wasm/node_modules/typescript is missing: run scripts/setup.sh (it runs npm ci in tests/wasm)');
  return bin;
}

// A fresh folder with package.json and `npm install --install-links <dist>`; returns its path.
export function scratchProject() {
  const dir = mkdtempSync(join(tmpdir(), 'claimcalc-npm-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', version: '1.0.0', private: true }));
  npm(['install', '--offline', '--install-links', dist], dir);
  return dir;
}

// node FILE in dir; returns stdout, throws with stderr on failure.
export function runNode(dir, file, args = []) {
  const r = spawnSync(process.execPath, [file, ...args], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node ${file} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export function runTsc(dir, args) {
  const r = spawnSync(process.execPath, [tsc(), ...args], { cwd: dir, encoding: 'utf8' });
  // The first errors are enough (one missing field repeats on every answer).
  const first = (t) => t.split('\n').slice(0, 12).join('\n');
  if (r.status !== 0) throw new Error(`tsc ${args.join(' ')}:\n${first(r.stdout)}\n${first(r.stderr)}`);
  return r.stdout;
}
