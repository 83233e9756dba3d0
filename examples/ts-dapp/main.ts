/**
 * A dApp on the TypeScript SDK: runs a WebAssembly job on the network and prints its
 * verified output.
 *
 *   npm start -- JOB.wasm [INPUT_FILE]
 *
 * The node is `DEPIN_URL` (default ws://127.0.0.1:9944); the signer `DEPIN_SURI`
 * (default //Eve, a development account: on a real network use your own key).
 */
import { readFileSync } from 'node:fs';

import { connect, DEFAULT_URL, formatBalance, keyFromUri, submitJob } from '@depin/sdk';

const [program, inputFile] = process.argv.slice(2);
if (!program) {
  console.error('usage: npm start -- JOB.wasm [INPUT_FILE]');
  process.exit(2);
}

const client = await connect(process.env.DEPIN_URL ?? DEFAULT_URL);
try {
  const signer = await keyFromUri(process.env.DEPIN_SURI ?? '//Eve');
  const { task, output } = await submitJob(
    client,
    signer,
    {
      program: new Uint8Array(readFileSync(program)),
      input: inputFile ? new Uint8Array(readFileSync(inputFile)) : undefined,
      replicas: 3,
      maxFuel: 5_000_000_000n,
    },
    {
      onSubmitted: (id) => console.error(`task ${id} submitted`),
      onUpdate: (t, block) => console.error(`task ${t.id}: ${t.state} at block ${block}`),
    },
  );
  console.error(`verified by ${task.slots.length} devices: ${task.result!.fuelUsed} fuel, paid ${formatBalance(task.paid)}`);
  process.stdout.write(output);
} finally {
  await client.disconnect();
}
