/** The network at a glance: blocks, devices, the queue, tasks by state, live rates, the era. */
import { formatBalance, type TaskCounts } from '@depin/sdk';

import { LineChart } from '../chart';
import { facts, h, replace, table } from '../dom';
import type { ChainFeed } from '../feed';
import { blocksPerMinute, rates } from '../rates';
import type { Page } from '../page';

const STATES: (keyof TaskCounts)[] = ['queued', 'assigned', 'committing', 'revealing', 'verified', 'failed', 'expired', 'cancelled'];

export function networkPage(feed: ChainFeed): Page {
  const summary = h('section', { 'data-testid': 'network-summary' });
  const states = h('section');
  const verified = new LineChart('Verified tasks per minute (chain time)', 'tasks/min', 'chart-verified');
  const fuel = new LineChart('Verified fuel per minute (chain time)', 'fuel/min', 'chart-fuel');
  const element = h('div', {}, h('h1', {}, 'Network'), summary, h('div', { class: 'charts' }, verified.element, fuel.element), h('h2', {}, 'Tasks by state'), states);
  const render = async () => {
    const latest = feed.latest();
    if (!latest) return;
    const { stats } = latest;
    const { api } = feed.client;
    const [era, eraStart] = await Promise.all([api.query.rewards.currentEra(), api.query.rewards.eraStartedAt()]);
    const eraEnd = Number(eraStart.toString()) + Number(api.consts.rewards.eraLength.toString());
    const bpm = blocksPerMinute(feed.arrivals);
    replace(
      summary,
      facts([
        ['Best block', h('span', { 'data-testid': 'best-block' }, `#${feed.best}`)],
        ['Finalized block', `#${feed.finalized}`],
        ['Blocks per minute', bpm === undefined ? '…' : bpm.toFixed(1)],
        ['Devices registered / eligible', h('span', { 'data-testid': 'devices-count' }, `${stats.devices} / ${stats.candidates}`)],
        ['Queue', `${stats.tasks.queued} task(s)`],
        ['Tasks submitted', String(stats.tasksSubmitted)],
        ['Programs', String(stats.programs)],
        ['Minted', formatBalance(stats.minted)],
        ['Slashed', formatBalance(stats.slashed)],
        ['Era', `${era.toString()} (ends at block #${eraEnd}, in ${Math.max(0, eraEnd - feed.best)} blocks)`],
      ]),
    );
    replace(
      states,
      table(
        STATES.map((s) => ({ title: s, cell: (c: TaskCounts) => String(c[s]) })),
        [stats.tasks],
        'task-states',
      ),
    );
    verified.set(...rates(feed.blocks, feed.events, (e) => (e.section === 'verification' && e.method === 'TaskVerified' ? 1 : 0)));
    fuel.set(...rates(feed.blocks, feed.events, (e) => (e.section === 'market' && e.method === 'DevicePaid' ? Number(e.data.fuelUsed) : 0)));
  };
  return { element, render };
}
