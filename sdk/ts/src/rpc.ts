/**
 * The node's `depin_*` JSON-RPC methods, typed. Every method takes an optional block hash
 * (default: the node's best block); unknown ids answer `null`.
 */
import type { ProviderInterface } from '@polkadot/rpc-provider/types';

import type {
  Address,
  DeviceInfo,
  Hex,
  MarketView,
  Page,
  RewardsView,
  Stats,
  TaskView,
} from './types.js';
import { RpcError } from './errors.js';

/** An assignment of a device, as a worker sees it. */
export interface AssignmentView {
  task: number;
  program: Hex;
  input: Hex;
  maxFuel: number;
  memoryMib: number;
  portable: boolean;
  phase: unknown;
  deadline: number;
  replicas: number;
  revealed: unknown[];
}

/** One device of a `depin_devices` page. */
export interface DeviceEntry {
  device: Address;
  info: DeviceInfo;
}

/** Most items one page of `depin_tasks` / `depin_devices` returns. */
export const MAX_PAGE = 100;

/** Typed access to the `depin_*` methods over any polkadot.js provider. */
export class DepinRpc {
  constructor(private readonly provider: ProviderInterface) {}

  /** Calls `depin_<method>`; a JSON-RPC error becomes an {@link RpcError}. */
  async call<T>(method: string, params: unknown[]): Promise<T> {
    // Trailing undefined parameters are dropped: the node reads them as absent.
    while (params.length > 0 && params[params.length - 1] === undefined) params.pop();
    try {
      return (await this.provider.send(`depin_${method}`, params)) as T;
    } catch (e) {
      throw new RpcError(`depin_${method}`, e instanceof Error ? e.message : String(e));
    }
  }

  /** A registered device by account, or null. */
  device(account: Address, at?: Hex): Promise<DeviceInfo | null> {
    return this.call('device', [account, at]);
  }

  /** The open assignments of a device. */
  assignments(device: Address, at?: Hex): Promise<AssignmentView[]> {
    return this.call('assignments', [device, at]);
  }

  /** A task by id, or null (never submitted, or pruned). */
  task(id: number, at?: Hex): Promise<TaskView | null> {
    return this.call('task', [id, at]);
  }

  /** A program's code (hex) by id, or null. */
  program(id: Hex, at?: Hex): Promise<Hex | null> {
    return this.call('program', [id, at]);
  }

  /** The verified output (hex) of a task kept in state, or null. */
  output(id: number, at?: Hex): Promise<Hex | null> {
    return this.call('output', [id, at]);
  }

  /** Network-wide numbers. */
  stats(at?: Hex): Promise<Stats> {
    return this.call('stats', [at]);
  }

  /** The market by price level. */
  market(at?: Hex): Promise<MarketView> {
    return this.call('market', [at]);
  }

  /** An account's era rewards. */
  rewards(account: Address, at?: Hex): Promise<RewardsView> {
    return this.call('rewards', [account, at]);
  }

  /**
   * Tasks, newest first: of one submitter or of everyone, before task id `before`, at most
   * `limit` (≤ {@link MAX_PAGE}). `next` continues the list.
   */
  tasks(
    query: { submitter?: Address; before?: number; limit?: number } = {},
    at?: Hex,
  ): Promise<Page<TaskView, number>> {
    return this.call('tasks', [
      query.submitter ?? null,
      query.before ?? null,
      query.limit ?? 20,
      at,
    ]);
  }

  /**
   * Registered devices in account order: of one owner or of everyone, after account
   * `after`, at most `limit` (≤ {@link MAX_PAGE}). `next` continues the list.
   */
  devices(
    query: { owner?: Address; after?: Address; limit?: number } = {},
    at?: Hex,
  ): Promise<Page<DeviceEntry, Address>> {
    return this.call('devices', [query.owner ?? null, query.after ?? null, query.limit ?? 50, at]);
  }

  /** A stored chunk's bytes (hex) by its hash, or null. */
  blob(hash: Hex, at?: Hex): Promise<Hex | null> {
    return this.call('blob', [hash, at]);
  }
}
