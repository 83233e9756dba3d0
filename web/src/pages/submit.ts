/** Submit a job: a program, an input, the parameters and the escrow they put on hold, then follow it. */
import { escrowOf, formatBalance, jobParams, parseAmount, submitJob, type JobSpec } from '@depin/sdk';

import { devAccounts, extensionAccounts, type Account } from '../accounts';
import { h, replace } from '../dom';
import type { ChainFeed } from '../feed';
import type { Page } from '../page';

function field(label: string, input: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}

export function submitPage(feed: ChainFeed, navigate: (route: string) => void): Page {
  const program = h('input', { type: 'file', accept: '.wasm,application/wasm', 'data-testid': 'submit-program' });
  const input = h('input', { type: 'file', 'data-testid': 'submit-input' });
  const replicas = h('input', { type: 'number', min: 1, max: 7, value: 3, 'data-testid': 'submit-replicas' });
  const maxFuel = h('input', { type: 'number', min: 1, value: 10_000_000_000, 'data-testid': 'submit-max-fuel' });
  const price = h('input', { value: '1000planck', size: 14, 'data-testid': 'submit-price' });
  const account = h('select', { 'data-testid': 'submit-account' });
  const escrow = h('output', { 'data-testid': 'submit-escrow' });
  const progress = h('ol', { class: 'progress', 'data-testid': 'submit-progress' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true, 'data-testid': 'submit-error' });
  const button = h('button', { type: 'submit', 'data-testid': 'submit-button' }, 'Sign and submit');
  let accounts: Account[] = [];

  const spec = (): Omit<JobSpec, 'program'> => ({
    replicas: Number(replicas.value),
    maxFuel: BigInt(maxFuel.value || '0'),
    fuelPrice: parseAmount(price.value),
  });
  const showEscrow = () => {
    try {
      const params = jobParams({ program: '0x', ...spec() });
      escrow.value = `${formatBalance(escrowOf(params))} on hold until the job ends (max fuel × price × replicas); the unused part comes back`;
    } catch (e) {
      escrow.value = e instanceof Error ? e.message : String(e);
    }
  };
  for (const el of [replicas, maxFuel, price]) el.addEventListener('input', showEscrow);
  showEscrow();

  const setAccounts = (list: Account[]) => {
    accounts = list;
    replace(account, ...list.map((a) => h('option', { value: a.address }, `${a.label} ${a.address.slice(0, 8)}…`)));
  };
  const useExtension = h('button', {
    type: 'button',
    onclick: async () => {
      try {
        setAccounts([...(await extensionAccounts()), ...accounts]);
      } catch (e) {
        fail(e);
      }
    },
  }, 'Use a browser extension');

  const step = (text: string) => progress.appendChild(h('li', {}, text));
  const fail = (e: unknown) => {
    error.hidden = false;
    error.textContent = e instanceof Error ? e.message : String(e);
  };
  const form = h(
    'form',
    {
      class: 'submit',
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        error.hidden = true;
        replace(progress);
        const file = program.files?.[0];
        const who = accounts.find((a) => a.address === account.value);
        if (!file) return fail(new Error('choose the program (.wasm) to run'));
        if (!who) return fail(new Error('choose an account to sign with'));
        button.disabled = true;
        try {
          const code = new Uint8Array(await file.arrayBuffer());
          const data = input.files?.[0] ? new Uint8Array(await input.files[0].arrayBuffer()) : new Uint8Array();
          step(`signing as ${who.label}; uploading the program if the chain does not have it`);
          await submitJob(feed.client, await who.signer(), { program: code, input: data, ...spec() }, {
            onSubmitted: (id) => {
              step(`task #${id} submitted`);
              navigate(`job/${id}`);
            },
          });
        } catch (e) {
          fail(e);
        } finally {
          button.disabled = false;
        }
      },
    },
    field('Program (.wasm)', program),
    field('Input (stdin, optional)', input),
    field('Replicas', replicas),
    field('Max fuel per run', maxFuel),
    field('Price per fuel', price),
    field('Escrow', escrow),
    field('Sign as', h('span', {}, account, ' ', useExtension)),
    button,
  );
  const element = h('div', {}, h('h1', {}, 'Submit a job'), form, error, progress);
  let loaded = false;
  const render = async () => {
    if (loaded) return;
    loaded = true;
    setAccounts(await devAccounts(feed.client));
  };
  return { element, render };
}
