/** Every registered device: a sortable, filterable table. */
import { formatBalance } from '@depin/sdk';

import { h, link, replace, shortAddress, table, type Column, type SortState } from '../dom';
import { allDevices, eraStart, isOnline, paidSince, statusName, type DeviceRow } from '../devices';
import type { ChainFeed } from '../feed';
import type { Page } from '../page';

/** The columns of a device table, for `best` and what devices earned this era. */
export function deviceColumns(feed: ChainFeed, earned: Map<string, bigint>): Column<DeviceRow>[] {
  const best = feed.best;
  return [
    { title: 'Device', cell: (r) => link(`device/${r.device}`, shortAddress(r.device)), key: (r) => r.device },
    { title: 'Owner', cell: (r) => link(`owner/${r.info.owner}`, shortAddress(r.info.owner)), key: (r) => r.info.owner },
    {
      title: 'Status',
      cell: (r) => {
        const online = isOnline(feed.client, r.info, best);
        return h('span', { class: online ? 'online' : 'offline', 'data-testid': 'device-status' }, online ? 'online' : statusName(r.info));
      },
      key: (r) => statusName(r.info),
    },
    { title: 'Class', cell: (r) => h('span', { title: r.info.spec.determinismClass }, r.info.spec.determinismClass.slice(0, 8)), key: (r) => r.info.spec.determinismClass },
    { title: 'Executor', cell: (r) => `v${r.info.spec.executorVersion}`, key: (r) => r.info.spec.executorVersion },
    { title: 'Cores / memory', cell: (r) => `${r.info.spec.cores} / ${r.info.spec.memoryMib} MiB`, key: (r) => r.info.spec.cores },
    { title: 'Speed (Mfuel/s)', cell: (r) => (r.info.spec.fuelPerSecond / 1e6).toFixed(0), key: (r) => r.info.spec.fuelPerSecond },
    { title: 'Bond', cell: (r) => formatBalance(r.info.bond), key: (r) => BigInt(r.info.bond) },
    {
      title: 'Reputation (valid / wrong / missed)',
      cell: (r) => `${r.info.reputation.valid} / ${r.info.reputation.invalid} / ${r.info.reputation.timeouts}`,
      key: (r) => r.info.reputation.valid - 10 * r.info.reputation.invalid - r.info.reputation.timeouts,
    },
    { title: 'Last heartbeat', cell: (r) => (r.info.lastHeartbeat === null ? 'never' : `#${r.info.lastHeartbeat} (${best - r.info.lastHeartbeat} ago)`), key: (r) => r.info.lastHeartbeat ?? -1 },
    { title: 'Open assignments', cell: (r) => String(r.info.openAssignments), key: (r) => r.info.openAssignments },
    { title: 'Earned this era', cell: (r) => formatBalance(earned.get(r.device) ?? 0n), key: (r) => earned.get(r.device) ?? 0n },
  ];
}

export function devicesPage(feed: ChainFeed): Page {
  const filter = h('input', { type: 'search', placeholder: 'filter: account, owner, status, class', size: 40, 'data-testid': 'device-filter' });
  const holder = h('div');
  const note = h('p', { class: 'note' });
  let rows: DeviceRow[] = [];
  let earned = new Map<string, bigint>();
  const sort: SortState = { by: -1, ascending: true };
  const draw = () => {
    const q = filter.value.trim().toLowerCase();
    const shown = q
      ? rows.filter((r) =>
          [r.device, r.info.owner, statusName(r.info), r.info.spec.determinismClass].some((s) => s.toLowerCase().includes(q)),
        )
      : rows;
    replace(holder, table(deviceColumns(feed, earned), shown, 'devices-table', sort));
  };
  filter.addEventListener('input', draw);
  const element = h('div', {}, h('h1', {}, 'Devices'), filter, note, holder);
  let last = -1;
  const render = async () => {
    // Re-read the registry every few blocks, not on every block.
    if (last >= 0 && feed.best - last < 5) return;
    last = feed.best;
    const start = await eraStart(feed.client);
    [rows, earned] = [await allDevices(feed.client), paidSince(feed, start)];
    const first = feed.firstBlock();
    replace(note, `${rows.length} device(s) registered. Earned this era: paid for verified work since block #${start}` + (first !== undefined && first > start ? ` (events read from block #${first})` : '') + '.');
    draw();
  };
  return { element, render };
}
