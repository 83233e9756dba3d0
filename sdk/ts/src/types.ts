/**
 * The JSON the node's `depin_*` methods answer (one shape for every client: the CLI's
 * `--json`, this SDK and the console). Balances are decimal strings (a JavaScript number
 * loses precision above 2^53), bytes and hashes `0x…` hex, accounts SS58.
 */

/** A balance in planck (10^-12 DPN), as a decimal string. */
export type Balance = string;
/** `0x`-prefixed hex. */
export type Hex = `0x${string}`;
/** An SS58 address. */
export type Address = string;

/** Lifecycle state of a task. */
export type TaskState =
  | 'Queued'
  | 'Assigned'
  | 'Committing'
  | 'Revealing'
  | 'Verified'
  | 'Failed'
  | 'Expired'
  | 'Cancelled';

/** The states a task never leaves. */
export const FINAL_STATES: readonly TaskState[] = ['Verified', 'Failed', 'Expired', 'Cancelled'];

/** Whether `state` is final. */
export function isFinal(state: TaskState): boolean {
  return FINAL_STATES.includes(state);
}

/** What the submitter asked for. */
export interface TaskParams {
  maxFuel: number;
  fuelPrice: Balance;
  replicas: number;
  memoryMib: number;
  deadline: number;
  portable: boolean;
}

/** What a replica's run produced: exit value, hash of its stdout, fuel used. */
export interface ExecResult {
  exit: number;
  outputHash: Hex;
  fuelUsed: number;
}

/** A device holding a slot of a task. */
export interface Slot {
  device: Address;
  owner: Address;
  assignedAt: number;
  commitBy: number;
  committed: boolean;
}

/** A task as `depin_task` shows it. */
export interface TaskView {
  id: number;
  submitter: Address;
  program: Hex;
  params: TaskParams;
  state: TaskState;
  escrow: Balance;
  paid: Balance;
  submittedAt: number;
  deadlineAt: number;
  slots: Slot[];
  openSlots: number;
  escalations: number;
  result: ExecResult | null;
  hasOutput: boolean;
  finishedAt: number | null;
  verification: { commits: number; reveals: number; revealDeadline: number | null };
}

/** The determinism class of a device's machine (a hash, as a decimal string). */
export type DeterminismClass = string;

/** What a device offers. */
export interface DeviceSpec {
  cores: number;
  memoryMib: number;
  fuelPerSecond: number;
  executorVersion: number;
  determinismClass: DeterminismClass;
}

/** A device's track record. */
export interface Reputation {
  valid: number;
  invalid: number;
  timeouts: number;
  consecutiveValid: number;
}

/** A device's lifecycle state: `"active"`, `"paused"` or `{ unbonding: { unbondedAt } }`. */
export type DeviceStatus = string | { unbonding: { unbondedAt: number } };

/** A registered device as `depin_device` shows it. */
export interface DeviceInfo {
  owner: Address;
  spec: DeviceSpec;
  status: DeviceStatus;
  bond: Balance;
  registeredAt: number;
  lastHeartbeat: number | null;
  listed: boolean;
  openAssignments: number;
  reputation: Reputation;
  ask: Balance;
  askChangedAt: number | null;
  /** Tasks the device holds an open assignment in (not paid for yet), oldest first. */
  tasks: number[];
}

/** Tasks by state. */
export interface TaskCounts {
  queued: number;
  assigned: number;
  committing: number;
  revealing: number;
  verified: number;
  failed: number;
  expired: number;
  cancelled: number;
}

/** Network-wide numbers (`depin_stats`). */
export interface Stats {
  devices: number;
  candidates: number;
  programs: number;
  tasksSubmitted: number;
  tasks: TaskCounts;
  minted: Balance;
  slashed: Balance;
}

/** An account's era rewards (`depin_rewards`). */
export interface RewardsView {
  claimable: Balance;
  eraPoints: number;
  era: number;
  eraEndsAt: number;
}

/** One price level of the market. */
export interface PriceLevelView {
  level: number;
  from: Balance;
  tasks: number;
  replicas: number;
  devices: number;
  freeSlots: number;
}

/** The market by price level (`depin_market`). */
export interface MarketView {
  minFuelPrice: Balance;
  levels: PriceLevelView[];
  lastEra: number;
  clearedReplicas: number;
  medianClearingPrice: Balance | null;
}

/** One page of a paged query; `next` is the cursor of the following page, if any. */
export interface Page<Item, Cursor> {
  items: Item[];
  next: Cursor | null;
}
