/** One device: what it offers, its recent tasks and the slashes it took, with reasons. */
import { formatBalance } from '@depin/sdk';

import { facts, h, link, replace, shortAddress, table } from '../dom';
import { isOnline, statusName } from '../devices';
import type { ChainEvent, ChainFeed } from '../feed';
import type { Page } from '../page';

const PENALTIES = new Set(['DeviceSlashed', 'WrongResult', 'ResultUnproven', 'RevealMissed', 'DeviceUnlisted']);

export function devicePage(feed: ChainFeed, device: string): Page {
  const summary = h('section');
  const tasks = h('section');
  const penalties = h('section');
  const element = h('div', {}, h('h1', {}, 'Device ', shortAddress(device)), summary, h('h2', {}, 'Recent tasks'), tasks, h('h2', {}, 'Slashes and penalties'), penalties);
  const render = async () => {
    const info = await feed.client.rpc.device(device);
    if (!info) {
      replace(summary, h('p', { class: 'error' }, `${device} is not a registered device.`));
      return;
    }
    const online = isOnline(feed.client, info, feed.best);
    replace(
      summary,
      facts([
        ['Account', h('code', {}, device)],
        ['Owner', link(`owner/${info.owner}`, h('code', {}, info.owner))],
        ['Status', `${online ? 'online' : 'not taking work'} (${statusName(info)}${info.listed ? ', listed' : ', unlisted'})`],
        ['Spec', `${info.spec.cores} cores, ${info.spec.memoryMib} MiB, ${(info.spec.fuelPerSecond / 1e6).toFixed(0)} Mfuel/s, executor v${info.spec.executorVersion}, class ${info.spec.determinismClass}`],
        ['Bond', formatBalance(info.bond)],
        ['Ask', `${info.ask} planck per fuel`],
        ['Reputation', `${info.reputation.valid} valid, ${info.reputation.invalid} wrong, ${info.reputation.timeouts} missed (${info.reputation.consecutiveValid} valid in a row)`],
        ['Registered / last heartbeat', `#${info.registeredAt} / ${info.lastHeartbeat === null ? 'never' : `#${info.lastHeartbeat}`}`],
        ['Open assignments', String(info.openAssignments)],
      ]),
    );
    const mine = feed.events.filter((e) => e.data.device === device);
    const taskIds = [...new Set(mine.filter((e) => e.method === 'TaskAssigned').map((e) => Number(e.data.task)))].reverse().slice(0, 20);
    const views = (await Promise.all(taskIds.map((t) => feed.client.rpc.task(t)))).flatMap((t) => (t ? [t] : []));
    const paid = new Map(mine.filter((e) => e.method === 'DevicePaid').map((e) => [Number(e.data.task), e.data.amount!]));
    replace(
      tasks,
      table(
        [
          { title: 'Task', cell: (t) => link(`job/${t.id}`, `#${t.id}`), key: (t) => t.id },
          { title: 'State', cell: (t) => t.state, key: (t) => t.state },
          { title: 'Paid to this device', cell: (t) => (paid.has(t.id) ? formatBalance(paid.get(t.id)!) : '–') },
          { title: 'Submitted', cell: (t) => `#${t.submittedAt}`, key: (t) => t.submittedAt },
        ],
        views,
        'device-tasks',
      ),
    );
    replace(
      penalties,
      table(
        [
          { title: 'Block', cell: (e: ChainEvent) => `#${e.block}` },
          { title: 'What', cell: (e: ChainEvent) => e.method },
          { title: 'Task', cell: (e: ChainEvent) => (e.data.task ? link(`job/${e.data.task}`, `#${e.data.task}`) : '–') },
          { title: 'Amount', cell: (e: ChainEvent) => (e.data.amount ?? e.data.slashed ? formatBalance(e.data.amount ?? e.data.slashed!) : '–') },
          { title: 'Reason', cell: (e: ChainEvent) => e.data.reason ?? '–' },
        ],
        mine.filter((e) => PENALTIES.has(e.method)).reverse(),
        'device-penalties',
      ),
    );
  };
  return { element, render };
}
