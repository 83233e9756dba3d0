/**
 * The DePIN compute chain for dApps: connect to a node, run a job and get its verified
 * output, read devices, tasks, rewards and the market.
 *
 * ```ts
 * const client = await connect('ws://127.0.0.1:9944');
 * const { output } = await submitJob(client, devAccount('Eve'), { program: wasm, input });
 * ```
 */
export * from './types.js';
export * from './units.js';
export * from './errors.js';
export { DepinRpc, MAX_PAGE, type AssignmentView, type DeviceEntry } from './rpc.js';
export { DepinClient, connect, DEFAULT_URL, type ConnectOptions } from './client.js';
export { sendAndWait, type Signer, type Receipt } from './tx.js';
export * from './jobs.js';
export * from './accounts.js';
