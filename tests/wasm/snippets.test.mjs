// 11. The code in README.md and wasm/README.md runs as written: every block fenced ```js (not ```js wechat,
// which needs a mini-program) is run with Node in a scratch project that has build/dist installed as the npm
// package `claimcalc`; a block with import lines as an ES module, the others as CommonJS. It must exit 0 and print.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { source } from './lib.mjs';
import { runNode, scratchProject } from './npm.mjs';

const dir = scratchProject();
let n = 0;
for (const doc of ['README.md', 'wasm/README.md']) {
  const text = readFileSync(join(source, doc), 'utf8');
  const blocks = [...text.matchAll(/^( *)```js\n([\s\S]*?)^\1```$/gm)].map((m) => m[2].replace(new RegExp(`^${m[1]}`, 'gm'), ''));
  test(`${doc} has runnable snippets`, () => assert.ok(blocks.length > 0));
  blocks.forEach((code, i) => {
    test(`${doc}, snippet ${i + 1} runs`, () => {
      const file = `snippet${++n}.${/^import /m.test(code) ? 'mjs' : 'cjs'}`;
      writeFileSync(join(dir, file), code);
      const out = runNode(dir, file);
      assert.ok(out.trim().length > 0, 'it prints something');
      assert.doesNotMatch(out, /undefined|NaN/);
    });
  });
}
