/** The newest jobs, live. */
import { formatBalance, type TaskView } from '@depin/sdk';

import { h, link, replace, shortAddress, table, type Column, type SortState } from '../dom';
import type { ChainFeed } from '../feed';
import type { Page } from '../page';

/** Jobs listed. */
const LIMIT = 50;

/** The columns of a job table. */
export function jobColumns(): Column<TaskView>[] {
  return [
    { title: 'Task', cell: (t) => link(`job/${t.id}`, `#${t.id}`), key: (t) => t.id },
    { title: 'State', cell: (t) => h('span', { class: `state state-${t.state.toLowerCase()}`, 'data-testid': 'job-state' }, t.state), key: (t) => t.state },
    { title: 'Submitter', cell: (t) => shortAddress(t.submitter), key: (t) => t.submitter },
    { title: 'Program', cell: (t) => h('code', { title: t.program }, t.program.slice(0, 10)), key: (t) => t.program },
    { title: 'Replicas', cell: (t) => String(t.params.replicas + 2 * t.escalations), key: (t) => t.params.replicas },
    { title: 'Committed / revealed', cell: (t) => `${t.verification.commits} / ${t.verification.reveals}` },
    { title: 'Fuel used', cell: (t) => (t.result ? t.result.fuelUsed.toLocaleString('en') : '–'), key: (t) => t.result?.fuelUsed ?? -1 },
    { title: 'Escrow', cell: (t) => formatBalance(t.escrow), key: (t) => BigInt(t.escrow) },
    { title: 'Paid', cell: (t) => formatBalance(t.paid), key: (t) => BigInt(t.paid) },
    { title: 'Submitted', cell: (t) => `#${t.submittedAt}`, key: (t) => t.submittedAt },
    { title: 'Finished', cell: (t) => (t.finishedAt === null ? '–' : `#${t.finishedAt}`), key: (t) => t.finishedAt ?? Infinity },
  ];
}

export function jobsPage(feed: ChainFeed): Page {
  const holder = h('div');
  const element = h('div', {}, h('h1', {}, 'Jobs'), h('p', { class: 'note' }, `The ${LIMIT} newest tasks, updated every block.`), holder);
  const sort: SortState = { by: -1, ascending: true };
  const render = async () => {
    const page = await feed.client.rpc.tasks({ limit: LIMIT });
    replace(holder, table(jobColumns(), page.items, 'jobs-table', sort));
  };
  return { element, render };
}
