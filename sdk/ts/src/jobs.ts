/** Programs and jobs: upload, submit, follow to a final state, fetch the verified output. */
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

import type { DepinClient } from './client.js';
import { TaskNotVerified, TimeoutError } from './errors.js';
import { sendAndWait, type Signer } from './tx.js';
import { isFinal, type Hex, type TaskParams, type TaskView } from './types.js';

/** What a job asks of the network; every field but `program` has the CLI's default. */
export interface JobSpec {
  /** The program: its WebAssembly code (uploaded if the chain does not have it) or its id. */
  program: Uint8Array | Hex;
  /** The job's stdin (at most the chain's `MaxInputLen`). Default: empty. */
  input?: Uint8Array;
  /** Devices that run it independently (default 3). */
  replicas?: number;
  /** Fuel limit of one run (default 10 000 000 000). */
  maxFuel?: bigint | number;
  /** Price per unit of fuel in planck (default 1000). */
  fuelPrice?: bigint;
  /** Memory limit in MiB (default 256). */
  memoryMib?: number;
  /** Blocks until it expires if not verified (default 600). */
  deadline?: number;
  /** Portable mode: replicas of any determinism class (default false). */
  portable?: boolean;
}

/** A job's parameters with the CLI's defaults filled in. */
export function jobParams(spec: JobSpec): TaskParams {
  return {
    maxFuel: Number(spec.maxFuel ?? 10_000_000_000),
    fuelPrice: (spec.fuelPrice ?? 1000n).toString(),
    replicas: spec.replicas ?? 3,
    memoryMib: spec.memoryMib ?? 256,
    deadline: spec.deadline ?? 600,
    portable: spec.portable ?? false,
  };
}

/** The escrow a job puts on hold: max_fuel × fuel_price × replicas, in planck. */
export function escrowOf(params: TaskParams): bigint {
  return BigInt(params.maxFuel) * BigInt(params.fuelPrice) * BigInt(params.replicas);
}

/** A program's id: the blake2-256 hash of its code. */
export function programId(code: Uint8Array): Hex {
  return blake2AsHex(code, 256) as Hex;
}

/** A job's input or program that the chain would refuse for its size. */
export class TooLargeError extends Error {
  override name = 'TooLargeError';
}

function limit(client: DepinClient, name: 'maxProgramLen' | 'maxInputLen'): number {
  const value = client.api.consts.market?.[name];
  return value ? Number(value.toString()) : Number.MAX_SAFE_INTEGER;
}

/** Uploads `code` unless the chain keeps it already; resolves with the program id. */
export async function ensureProgram(client: DepinClient, signer: Signer, code: Uint8Array): Promise<Hex> {
  const id = programId(code);
  if ((await client.rpc.program(id)) !== null) return id;
  const max = limit(client, 'maxProgramLen');
  if (code.length > max) {
    throw new TooLargeError(`the program is ${code.length} bytes; the chain takes at most ${max}`);
  }
  await sendAndWait(client, signer, client.api.tx.market.uploadProgram(u8aToHex(code)));
  return id;
}

/** Submits a task of a program already on chain; resolves with the task id. */
export async function submitTask(
  client: DepinClient,
  signer: Signer,
  program: Hex,
  input: Uint8Array,
  params: TaskParams,
): Promise<number> {
  const max = limit(client, 'maxInputLen');
  if (input.length > max) {
    throw new TooLargeError(
      `the input is ${input.length} bytes; a task's input kept in state is at most ${max} (larger data: \`depin data put\`)`,
    );
  }
  const tx = client.api.tx.market.submitTask(program, u8aToHex(input), params);
  const receipt = await sendAndWait(client, signer, tx);
  for (const { event } of receipt.events) {
    if (event.section === 'market' && event.method === 'TaskSubmitted') {
      return Number((event.data as unknown as { task: { toString(): string } }).task.toString());
    }
  }
  throw new Error('the chain accepted the task but reported no task id');
}

/** Options of {@link followTask}. */
export interface FollowOptions {
  /** Called with the task whenever its state, commits or reveals change. */
  onUpdate?: (task: TaskView, block: number) => void;
  /** Give up after this many blocks past the task's deadline (default 10). */
  graceBlocks?: number;
  /** Stops following (rejects with the signal's reason). */
  signal?: AbortSignal;
  /**
   * Follow finalized blocks only: the state resolved with can no longer be reverted (on a
   * chain of several validators the best block can be). Default: best blocks.
   */
  finalized?: boolean;
}

/**
 * Follows task `id` block by block until it reaches a final state (Verified, Failed,
 * Expired, Cancelled) and resolves with it. A task reaches one by its deadline; if the
 * chain stops before, this rejects with a {@link TimeoutError} `graceBlocks` later.
 */
export async function followTask(client: DepinClient, id: number, options: FollowOptions = {}): Promise<TaskView> {
  const grace = options.graceBlocks ?? 10;
  return new Promise<TaskView>((resolve, reject) => {
    let last = '';
    let busy = false;
    let finished = false;
    let unsubscribe: (() => void) | undefined;
    const finish = (f: () => void) => {
      if (finished) return;
      finished = true;
      unsubscribe?.();
      options.signal?.removeEventListener('abort', onAbort);
      f();
    };
    const onAbort = () => finish(() => reject(options.signal?.reason ?? new Error('aborted')));
    options.signal?.addEventListener('abort', onAbort);
    const look = async (hash: Hex, number: number) => {
      if (busy || finished) return;
      busy = true;
      try {
        const task = await client.rpc.task(id, hash);
        if (task === null) {
          finish(() => reject(new Error(`task ${id} does not exist (or was pruned)`)));
          return;
        }
        const seen = `${task.state}/${task.verification.commits}/${task.verification.reveals}/${task.slots.length}`;
        if (seen !== last) {
          last = seen;
          options.onUpdate?.(task, number);
        }
        if (isFinal(task.state)) finish(() => resolve(task));
        else if (number > task.deadlineAt + grace) {
          finish(() => reject(new TimeoutError(`task ${id} is still ${task.state} ${grace} blocks after its deadline`)));
        }
      } catch (e) {
        finish(() => reject(e));
      } finally {
        busy = false;
      }
    };
    const { chain } = client.api.rpc;
    const onHead = (header: { hash: { toHex(): string }; number: { toNumber(): number } }) =>
      void look(header.hash.toHex() as Hex, header.number.toNumber());
    (options.finalized ? chain.subscribeFinalizedHeads(onHead) : chain.subscribeNewHeads(onHead))
      .then((u) => {
        if (finished) u();
        else unsubscribe = u;
      })
      .catch((e: unknown) => finish(() => reject(e)));
  });
}

/** The verified output of a task whose output the chain keeps in state, or null. */
export async function taskOutput(client: DepinClient, id: number): Promise<Uint8Array | null> {
  const hex = await client.rpc.output(id);
  return hex === null ? null : hexToU8a(hex);
}

/** What {@link submitJob} resolves with. */
export interface JobResult {
  task: TaskView;
  /** The verified output (the job's stdout). */
  output: Uint8Array;
}

/** Options of {@link submitJob}: progress callbacks. */
export interface SubmitOptions extends FollowOptions {
  /** Called once the task is on chain. */
  onSubmitted?: (task: number) => void;
}

/**
 * Runs a job on the network: uploads the program if needed, submits the task with the
 * escrow on hold, follows it and resolves with the verified output. Rejects with a
 * {@link ChainError} naming the pallet error if the chain refuses a call, or a
 * {@link TaskNotVerified} if the task ends Failed, Expired or Cancelled.
 */
export async function submitJob(
  client: DepinClient,
  signer: Signer,
  spec: JobSpec,
  options: SubmitOptions = {},
): Promise<JobResult> {
  const params = jobParams(spec);
  const program =
    typeof spec.program === 'string' ? spec.program : await ensureProgram(client, signer, spec.program);
  const id = await submitTask(client, signer, program, spec.input ?? new Uint8Array(), params);
  options.onSubmitted?.(id);
  const task = await followTask(client, id, options);
  if (task.state !== 'Verified') throw new TaskNotVerified(id, task.state);
  const output = await taskOutput(client, id);
  if (output === null) {
    throw new Error(`task ${id} is verified but its output is not kept in state (a blob output: \`depin job result\`)`);
  }
  return { task, output };
}
