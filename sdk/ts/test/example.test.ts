import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { devnetUrl } from './devnet.js';

const example = join(dirname(fileURLToPath(import.meta.url)), '../../../examples/ts-dapp');

test('the example dApp runs a job on the devnet and prints its verified output', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'depin-dapp-'));
  const input = join(dir, 'input');
  writeFileSync(input, '3\nexample dapp');
  const wasm = join(process.env.DEPIN_JOBS_WASM ?? '', 'sha256-chain.wasm');
  const { stdout, stderr } = await promisify(execFile)(
    'npm',
    ['start', '--silent', '--', wasm, input],
    { cwd: example, env: { ...process.env, DEPIN_URL: devnetUrl() }, timeout: 120_000 },
  );
  let digest = createHash('sha256').update('example dapp').digest();
  for (let i = 1; i < 3; i++) digest = createHash('sha256').update(digest).digest();
  assert.equal(stdout, `${digest.toString('hex')}\n`);
  assert.match(stderr, /task \d+: Verified/);
  assert.match(stderr, /verified by 3 devices/);
});
