/** What the SDK's tests need of a running devnet (`scripts/devnet.sh`, started by `scripts/test.sh`). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The devnet's node: `DEPIN_URL`. */
export function devnetUrl(): string {
  const url = process.env.DEPIN_URL;
  if (!url) throw new Error('DEPIN_URL is not set: these tests run against a devnet (scripts/test.sh starts one)');
  return url;
}

/** An example job's WebAssembly, from `DEPIN_JOBS_WASM` (scripts/lib.sh sets it). */
export function jobWasm(name: string): Uint8Array {
  const dir = process.env.DEPIN_JOBS_WASM;
  if (!dir) throw new Error('DEPIN_JOBS_WASM is not set (scripts/lib.sh sets it)');
  return new Uint8Array(readFileSync(join(dir, `${name}.wasm`)));
}
