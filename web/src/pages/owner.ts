/** An owner's view: their devices, what they earned per era, rewards to claim and a claim button. */
import { formatBalance, sendAndWait } from '@depin/sdk';

import { devAccounts, type Account } from '../accounts';
import { stepChart } from '../chart';
import { facts, h, replace, table } from '../dom';
import { allDevices, paidSince } from '../devices';
import type { ChainFeed } from '../feed';
import type { Page } from '../page';
import { eraOf } from '../eras';
import { deviceColumns } from './devices';

export function ownerPage(feed: ChainFeed, navigate: (route: string) => void, owner?: string): Page {
  const picker = h('select', { 'data-testid': 'owner-picker' });
  const other = h('input', { placeholder: 'or any account (SS58)', size: 50, 'data-testid': 'owner-address' });
  const summary = h('section', { 'data-testid': 'owner-summary' });
  const devices = h('section');
  const chart = h('section');
  const message = h('p', { class: 'note', role: 'status' });
  const claim = h('button', { type: 'button', 'data-testid': 'owner-claim' }, 'Claim rewards');
  let accounts: Account[] = [];
  const element = h(
    'div',
    {},
    h('h1', {}, 'Owner'),
    h('form', { onsubmit: (e: Event) => { e.preventDefault(); if (other.value.trim()) navigate(`owner/${other.value.trim()}`); } }, picker, ' ', other, ' ', h('button', {}, 'Show')),
    summary,
    h('p', {}, claim, ' ', message),
    h('h2', {}, 'Earned per era'),
    chart,
    h('h2', {}, 'Devices'),
    devices,
  );
  picker.addEventListener('change', () => navigate(`owner/${picker.value}`));
  claim.addEventListener('click', async () => {
    const who = accounts.find((a) => a.address === owner);
    if (!who) {
      message.textContent = 'Only the owner can claim: pick one of your accounts (a development account, or a browser extension on the Submit page).';
      return;
    }
    claim.disabled = true;
    message.textContent = 'claiming…';
    try {
      await sendAndWait(feed.client, await who.signer(), feed.client.api.tx.rewards.claim());
      message.textContent = 'claimed';
    } catch (e) {
      message.textContent = e instanceof Error ? e.message : String(e);
    } finally {
      claim.disabled = false;
    }
  });
  let loaded = false;
  // The owner's devices, re-read every few blocks (the registry is scanned for them); the
  // rewards and the balance are read on every block.
  let mine: Awaited<ReturnType<typeof allDevices>> = [];
  let devicesReadAt = -1;
  const render = async () => {
    const { client } = feed;
    if (!loaded) {
      loaded = true;
      accounts = await devAccounts(client);
      replace(picker, h('option', { value: '' }, 'pick an account'), ...accounts.map((a) => h('option', { value: a.address, selected: a.address === owner }, a.label)));
    }
    if (!owner) {
      replace(summary, h('p', { class: 'note' }, 'Pick an account to see its devices and earnings.'));
      return;
    }
    if (!feed.ready()) {
      // Earnings are summed from events: none are shown until the past blocks are read.
      replace(summary, h('p', { class: 'note' }, 'Reading the last blocks…'));
      return;
    }
    const { api } = client;
    if (devicesReadAt < 0 || feed.best - devicesReadAt >= 5) {
      devicesReadAt = feed.best;
      mine = await allDevices(client, owner);
    }
    const [rewards, current, started, balance] = await Promise.all([
      client.rpc.rewards(owner),
      api.query.rewards.currentEra(),
      api.query.rewards.eraStartedAt(),
      client.balance(owner),
    ]);
    const length = Number(api.consts.rewards.eraLength.toString());
    const first = feed.firstBlock() ?? 0;
    const paid = paidSince(feed, first);
    const earned = mine.reduce((sum, d) => sum + (paid.get(d.device) ?? 0n), 0n);
    const perEra = new Map<number, bigint>();
    for (const e of feed.events) {
      if (e.method !== 'DevicePaid' || e.data.owner !== owner) continue;
      const era = eraOf(e.block, Number(current.toString()), Number(started.toString()), length);
      perEra.set(era, (perEra.get(era) ?? 0n) + BigInt(e.data.amount!));
    }
    replace(
      summary,
      facts([
        ['Account', h('code', {}, owner)],
        ['Free balance', formatBalance(balance.free)],
        ['Devices', String(mine.length)],
        ['Earned for verified work', h('span', { 'data-testid': 'owner-earned', 'data-planck': earned.toString() }, `${formatBalance(earned)} (since block #${first})`)],
        ['Era', `${rewards.era}: ${rewards.eraPoints} points so far, ends at block #${rewards.eraEndsAt}`],
        ['Claimable rewards', h('span', { 'data-testid': 'owner-claimable' }, formatBalance(rewards.claimable))],
      ]),
    );
    const eras = [...perEra.keys()].sort((a, b) => a - b);
    replace(
      chart,
      eras.length === 0
        ? h('p', { class: 'note' }, `Nothing earned since block #${first}.`)
        : stepChart('Paid for verified work, per era', 'DPN', eras, eras.map((e) => Number(perEra.get(e)!) / 1e12), 'owner-earnings-chart'),
    );
    replace(devices, table(deviceColumns(feed, paid), mine, 'owner-devices'));
  };
  return { element, render };
}
