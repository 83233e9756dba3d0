import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';

import {
  ChainError,
  ConnectionError,
  connect,
  devAccount,
  escrowOf,
  followTask,
  jobParams,
  programId,
  submitJob,
  submitTask,
  TooLargeError,
  type DepinClient,
} from '../src/index.js';
import { devnetUrl, jobWasm } from './devnet.js';

let client: DepinClient;
before(async () => {
  client = await connect(devnetUrl());
});
after(async () => {
  await client?.disconnect();
});

/** SHA-256 applied `rounds` times, as the sha256-chain job does, computed here apart. */
function sha256Chain(rounds: number, data: string): string {
  let digest = createHash('sha256').update(data).digest();
  for (let i = 1; i < rounds; i++) digest = createHash('sha256').update(digest).digest();
  return digest.toString('hex');
}

test('a job runs on three devices and resolves with the verified output', async () => {
  const eve = await devAccount('Eve');
  const states: string[] = [];
  let submitted: number | undefined;
  const before = await client.balance(eve.address);
  const { task, output } = await submitJob(
    client,
    eve,
    { program: jobWasm('sha256-chain'), input: new TextEncoder().encode('5000\nfrom the sdk'), maxFuel: 2_000_000_000n },
    { onSubmitted: (id) => (submitted = id), onUpdate: (t) => states.push(t.state) },
  );
  assert.equal(new TextDecoder().decode(output), `${sha256Chain(5000, 'from the sdk')}\n`);
  assert.equal(task.id, submitted);
  assert.equal(task.state, 'Verified');
  assert.equal(task.slots.length, 3);
  assert.equal(new Set(task.slots.map((s) => s.owner)).size, 3, 'three different owners');
  assert.equal(states.at(-1), 'Verified');
  const paid = BigInt(task.paid);
  assert.ok(paid > 0n, 'the devices were paid');
  const after = await client.balance(eve.address);
  assert.ok(before.free - after.free >= paid, 'the submitter paid at least what the devices earned');
});

test('a program already on chain is not uploaded again, and is named by its id', async () => {
  const eve = await devAccount('Eve');
  const id = programId(jobWasm('sha256-chain'));
  assert.notEqual(await client.rpc.program(id), null);
  const { output } = await submitJob(client, eve, {
    program: id,
    input: new TextEncoder().encode('1\nabc'),
    replicas: 3,
    maxFuel: 100_000_000n,
  });
  assert.equal(new TextDecoder().decode(output), `${sha256Chain(1, 'abc')}\n`);
});

test('following finalized blocks also resolves with the verified task', async () => {
  const eve = await devAccount('Eve');
  const input = new TextEncoder().encode('2\nfinal');
  const id = await submitTask(client, eve, programId(jobWasm('sha256-chain')), input, jobParams({ program: '0x', maxFuel: 100_000_000n }));
  const task = await followTask(client, id, { finalized: true });
  assert.equal(task.state, 'Verified');
  assert.equal(task.id, id);
});

test('the escrow is max_fuel × fuel_price × replicas', () => {
  assert.equal(escrowOf(jobParams({ program: '0x00', maxFuel: 10n, fuelPrice: 7n, replicas: 3 })), 210n);
});

test('a refused call rejects with the pallet and error names', async () => {
  const eve = await devAccount('Eve');
  const unknown = `0x${'ab'.repeat(32)}` as const;
  await assert.rejects(submitTask(client, eve, unknown, new Uint8Array(), jobParams({ program: unknown })), (e) => {
    assert.ok(e instanceof ChainError, String(e));
    assert.equal(e.pallet, 'market');
    assert.equal(e.error, 'UnknownProgram');
    return true;
  });
});

test('an input larger than the chain keeps is refused before anything is signed', async () => {
  const eve = await devAccount('Eve');
  const max = Number(client.api.consts.market.maxInputLen.toString());
  const id = programId(jobWasm('sha256-chain'));
  await assert.rejects(
    submitTask(client, eve, id, new Uint8Array(max + 1), jobParams({ program: id })),
    TooLargeError,
  );
});

test('a node that is not there is a connection error, not a hang', async () => {
  await assert.rejects(connect('ws://127.0.0.1:1', { timeoutMs: 5000 }), ConnectionError);
  await assert.rejects(connect('http://127.0.0.1:9944'), /not a WebSocket URL/);
});

test('paged RPC: the newest tasks first, and devices with their owners', async () => {
  const page = await client.rpc.tasks({ limit: 2 });
  assert.ok(page.items.length >= 1);
  const ids = page.items.map((t) => t.id);
  assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
  const devices = await client.rpc.devices({ limit: 10 });
  assert.equal(devices.items.length, 3);
  for (const { device, info } of devices.items) {
    assert.deepEqual(await client.rpc.device(device), info);
    assert.equal(typeof info.spec.determinismClass, 'string');
  }
  await assert.rejects(client.rpc.tasks({ limit: 0 }), /limit: expected 1 to 100/);
  await assert.rejects(client.rpc.devices({ limit: 101 }), /limit: expected 1 to 100/);
  await assert.rejects(client.rpc.tasks({ submitter: 'not an account' }), /account: not an SS58 address/);
  await assert.rejects(client.rpc.devices({ after: '0x1234' }), /account: expected 32 bytes/);
  // A submitter's own tasks, and the next page after the first.
  const eve = (await devAccount('Eve')).address;
  const mine = await client.rpc.tasks({ submitter: eve, limit: 1 });
  assert.equal(mine.items.length, 1);
  assert.equal(mine.items[0]!.submitter, eve);
  assert.notEqual(mine.next, null);
  const more = await client.rpc.tasks({ submitter: eve, before: mine.next!, limit: 1 });
  assert.ok(more.items[0]!.id < mine.items[0]!.id);
  const none = await client.rpc.tasks({ submitter: (await devAccount('Ferdie')).address });
  assert.deepEqual(none, { items: [], next: null });
});
