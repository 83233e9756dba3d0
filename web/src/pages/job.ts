/** One job: its facts, its timeline from the chain's events, each replica, its output. */
import { formatBalance, taskOutput, type ExecResult, type TaskView } from '@depin/sdk';

import { facts, h, link, replace, shortAddress, table } from '../dom';
import type { ChainEvent, ChainFeed } from '../feed';
import { renderOutput } from '../output';
import type { Page } from '../page';

/** A timeline line for an event of a task. */
function describe(e: ChainEvent): string {
  const d = e.data;
  switch (`${e.section}.${e.method}`) {
    case 'market.TaskSubmitted':
      return `submitted, escrow ${formatBalance(d.escrow!)}`;
    case 'market.TaskAssigned':
      return `assigned to ${short(d.device)}`;
    case 'market.TaskStateChanged':
      return `${d.from} → ${d.to}`;
    case 'verification.ResultCommitted':
      return `${short(d.device)} committed`;
    case 'verification.ResultRevealed':
      return `${short(d.device)} revealed`;
    case 'verification.TaskVerified':
      return `verified by ${d.agreeing} agreeing replicas`;
    case 'market.DevicePaid':
      return `${short(d.device)} paid ${formatBalance(d.amount!)} for ${Number(d.fuelUsed).toLocaleString('en')} fuel`;
    case 'market.EscrowRefunded':
      return `${formatBalance(d.amount!)} of escrow refunded`;
    default:
      return `${e.section}.${e.method} ${Object.entries(d)
        .filter(([k]) => k !== 'task')
        .map(([k, v]) => `${k}=${v.length > 20 ? short(v) : v}`)
        .join(' ')}`;
  }
}

function short(address: string | undefined): string {
  return address && address.length > 16 ? `${address.slice(0, 8)}…${address.slice(-6)}` : (address ?? '?');
}

function timeOf(feed: ChainFeed, block: number): string {
  const b = feed.blocks.find((x) => x.number === block);
  return b ? new Date(b.time).toLocaleTimeString() : '';
}

export function jobPage(feed: ChainFeed, id: number): Page {
  const summary = h('section');
  const timeline = h('section');
  const replicas = h('section');
  const output = h('section', { 'data-testid': 'job-output' });
  const element = h(
    'div',
    {},
    h('h1', {}, `Job #${id}`),
    summary,
    h('h2', {}, 'Timeline'),
    timeline,
    h('h2', {}, 'Replicas'),
    replicas,
    h('h2', {}, 'Output'),
    output,
  );
  let shownOutput = false;
  const render = async () => {
    const task = await feed.client.rpc.task(id);
    if (!task) {
      replace(summary, h('p', { class: 'error' }, `Task ${id} does not exist (or was pruned).`));
      return;
    }
    replace(summary, taskFacts(task));
    // The market's own note of a commitment repeats verification's ResultCommitted.
    const events = feed.taskEvents(id).filter((e) => !(e.section === 'market' && e.method === 'Committed'));
    const first = feed.firstBlock();
    replace(
      timeline,
      first !== undefined && task.submittedAt < first
        ? h('p', { class: 'note' }, `Events before block #${first} are not shown (read back from the node when the console connected).`)
        : null,
      table(
        [
          { title: 'Block', cell: (e: ChainEvent) => `#${e.block}` },
          { title: 'Time', cell: (e: ChainEvent) => timeOf(feed, e.block) },
          { title: 'Event', cell: (e: ChainEvent) => describe(e) },
        ],
        events,
        'job-timeline',
      ),
    );
    const paid = new Map(events.filter((e) => e.method === 'DevicePaid').map((e) => [e.data.device!, e.data.amount!]));
    const revealed = new Map(events.filter((e) => e.method === 'ResultRevealed').map((e) => [e.data.device!, revealedResult(e)]));
    replace(
      replicas,
      table(
        [
          { title: 'Device', cell: (s) => link(`device/${s.device}`, shortAddress(s.device)) },
          { title: 'Owner', cell: (s) => link(`owner/${s.owner}`, shortAddress(s.owner)) },
          { title: 'Assigned', cell: (s) => `#${s.assignedAt}` },
          { title: 'Committed', cell: (s) => (s.committed ? 'yes' : `by #${s.commitBy}`) },
          { title: 'Revealed result', cell: (s) => describeResult(revealed.get(s.device), task) },
          { title: 'Paid', cell: (s) => (paid.has(s.device) ? formatBalance(paid.get(s.device)!) : '–') },
        ],
        task.slots,
        'job-replicas',
      ),
    );
    if (shownOutput) return;
    if (task.state !== 'Verified') {
      replace(output, h('p', { class: 'note' }, `No output yet: the task is ${task.state}.`));
    } else if (!task.hasOutput) {
      replace(output, h('p', { class: 'note' }, 'The output is a blob kept in block bodies: `depin job result` fetches it.'));
      shownOutput = true;
    } else {
      const bytes = await taskOutput(feed.client, id);
      replace(output, bytes ? renderOutput(id, bytes) : h('p', { class: 'note' }, 'The output was pruned.'));
      shownOutput = true;
    }
  };
  return { element, render };
}

/** The result a `ResultRevealed` event carries. */
function revealedResult(e: ChainEvent): ExecResult | undefined {
  try {
    return JSON.parse(e.data.result ?? '') as ExecResult;
  } catch {
    return undefined;
  }
}

/** A replica's revealed result, and whether it is the verified one. */
function describeResult(result: ExecResult | undefined, task: TaskView): string {
  if (!result) return '–';
  const text = `exit ${result.exit}, ${result.fuelUsed.toLocaleString('en')} fuel, output ${result.outputHash.slice(0, 10)}…`;
  if (!task.result) return text;
  const same = task.result.outputHash === result.outputHash && task.result.exit === result.exit && task.result.fuelUsed === result.fuelUsed;
  return `${text} ${same ? '(the verified result)' : '(differs from the verified result)'}`;
}

function taskFacts(task: TaskView) {
  return facts([
    ['State', h('span', { class: `state state-${task.state.toLowerCase()}`, 'data-testid': 'job-page-state' }, task.state)],
    ['Submitter', link(`owner/${task.submitter}`, shortAddress(task.submitter))],
    ['Program', h('code', {}, task.program)],
    ['Replicas', `${task.params.replicas}${task.escalations ? ` + ${2 * task.escalations} (escalated)` : ''}`],
    ['Max fuel × price', `${task.params.maxFuel.toLocaleString('en')} × ${task.params.fuelPrice} planck`],
    ['Escrow left / paid', `${formatBalance(task.escrow)} / ${formatBalance(task.paid)}`],
    ['Result', task.result ? `exit ${task.result.exit}, ${task.result.fuelUsed.toLocaleString('en')} fuel, output hash ${task.result.outputHash.slice(0, 18)}…` : '–'],
    ['Submitted / deadline / finished', `#${task.submittedAt} / #${task.deadlineAt} / ${task.finishedAt === null ? '–' : `#${task.finishedAt}`}`],
  ]);
}
