/** Devices as the console lists them: every page of `depin_devices`, and what follows from them. */
import { MAX_PAGE, type DepinClient, type DeviceEntry, type DeviceInfo } from '@depin/sdk';

import type { ChainFeed } from './feed';

/** A device with its account. */
export type DeviceRow = DeviceEntry;

/** At most this many devices are listed (the console pages through them). */
export const MAX_LISTED = 5000;

/** Every registered device (of one owner, if given), in account order. */
export async function allDevices(client: DepinClient, owner?: string): Promise<DeviceRow[]> {
  const rows: DeviceRow[] = [];
  let after: string | undefined;
  do {
    const page = await client.rpc.devices({ owner, after, limit: MAX_PAGE });
    rows.push(...page.items);
    after = page.next ?? undefined;
  } while (after && rows.length < MAX_LISTED);
  return rows;
}

/** `active`, `paused` or `unbonding`. */
export function statusName(info: DeviceInfo): string {
  return typeof info.status === 'string' ? info.status : Object.keys(info.status)[0] ?? '?';
}

/**
 * Whether the scheduler may give the device work now: active, listed, and its last
 * heartbeat within the registry's `HeartbeatTimeout`.
 */
export function isOnline(client: DepinClient, info: DeviceInfo, best: number): boolean {
  const timeout = Number(client.api.consts.devices.heartbeatTimeout.toString());
  return statusName(info) === 'active' && info.listed && info.lastHeartbeat !== null && best - info.lastHeartbeat <= timeout;
}

/** What each device (by account) was paid for verified work since block `from`, from the feed's events. */
export function paidSince(feed: ChainFeed, from: number): Map<string, bigint> {
  const paid = new Map<string, bigint>();
  for (const e of feed.events) {
    if (e.block < from || e.section !== 'market' || e.method !== 'DevicePaid') continue;
    paid.set(e.data.device!, (paid.get(e.data.device!) ?? 0n) + BigInt(e.data.amount!));
  }
  return paid;
}

/** The first block of the current era. */
export async function eraStart(client: DepinClient): Promise<number> {
  return Number((await client.api.query.rewards.eraStartedAt()).toString());
}
