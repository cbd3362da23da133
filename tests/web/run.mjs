#!/usr/bin/env node
// The browser tests (tests/web/*.test.mjs, node:test) against build/dist/web in Debian's headless chromium:
//   node tests/web/run.mjs [test-name-pattern]
// playwright-core is installed by scripts/setup.sh (npm ci here); this script only checks it is there.
// Exit: 0 all passed, 1 a failure, 77 skipped because chromium is not installed (the only reason to skip).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.log(`SKIP web browser tests: ${CHROMIUM} is not installed (scripts/setup.sh installs it)`);
  process.exit(77);
}
if (!existsSync(join(here, 'node_modules/playwright-core'))) {
  console.error('FAIL: tests/web/node_modules/playwright-core is missing: run scripts/setup.sh (it runs npm ci in tests/web)');
  process.exit(1);
}
// author.test.mjs (the authoring view) is a ctest of its own: web_author.
const files = readdirSync(here).filter((f) => f.endsWith('.test.mjs') && f !== 'author.test.mjs').sort().map((f) => join(here, f));
const args = ['--test', '--test-concurrency=1', '--test-reporter=spec'];
if (process.argv[2]) args.push('--test-name-pattern=' + process.argv[2]);
const r = spawnSync(process.execPath, [...args, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
