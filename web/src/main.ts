/** The console's shell: the node connection, the router, and one live page at a time. */
import { connect, DEFAULT_URL, type DepinClient } from '@depin/sdk';

import { replace, h } from './dom';
import { ChainFeed } from './feed';
import type { Page } from './page';
import { devicePage } from './pages/device';
import { devicesPage } from './pages/devices';
import { jobPage } from './pages/job';
import { jobsPage } from './pages/jobs';
import { networkPage } from './pages/network';
import { ownerPage } from './pages/owner';
import { submitPage } from './pages/submit';
import './style.css';

const main = document.getElementById('page')!;
const errorBox = document.getElementById('error')!;
const status = document.getElementById('node-status')!;
const urlInput = document.getElementById('node-url') as HTMLInputElement;

let currentClient: DepinClient | undefined;
let feed: ChainFeed | undefined;
let page: Page | undefined;
let rendering = false;
/** Whether a redraw was asked for while one was running. */
let again = false;

/** The node to connect to: `?rpc=` in the page's address, else the last one used, else the default. */
function initialUrl(): string {
  return new URLSearchParams(location.search).get('rpc') ?? localStorage.getItem('depin.rpc') ?? DEFAULT_URL;
}

function showError(message: string | null): void {
  errorBox.hidden = message === null;
  errorBox.textContent = message ?? '';
}

function navigate(route: string): void {
  location.hash = `#/${route}`;
}

function pageFor(f: ChainFeed, route: string): Page {
  const [name, arg] = route.replace(/^#?\/?/, '').split('/');
  switch (name) {
    case 'devices':
      return devicesPage(f);
    case 'device':
      return devicePage(f, decodeURIComponent(arg ?? ''));
    case 'jobs':
      return jobsPage(f);
    case 'job':
      return jobPage(f, Number(arg));
    case 'submit':
      return submitPage(f, navigate);
    case 'owner':
      return ownerPage(f, navigate, arg ? decodeURIComponent(arg) : undefined);
    default:
      return networkPage(f);
  }
}

async function render(): Promise<void> {
  if (!page) return;
  if (rendering) {
    // A block (or the end of the read-back) came while drawing: draw again after, so
    // the page never stays on what it read before.
    again = true;
    return;
  }
  rendering = true;
  try {
    do {
      again = false;
      // Read before drawing: the page may only claim the read-back if it drew with it.
      const backfilled = feed?.ready() ?? false;
      if (!page) break;
      await page.render();
      main.dataset.rendered = String(feed?.best ?? 0);
      // Whether what the page shows includes the blocks read back at start.
      main.dataset.backfilled = String(backfilled);
    } while (again);
  } catch (e) {
    showError(`This page could not be read from the node: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    rendering = false;
  }
}

function show(): void {
  page?.dispose?.();
  if (!feed) return;
  page = pageFor(feed, location.hash);
  for (const a of document.querySelectorAll('nav a')) {
    a.classList.toggle('active', location.hash.startsWith((a as HTMLAnchorElement).hash.replace(/s$/, '')));
  }
  replace(main, page.element);
  void render();
}

async function start(url: string): Promise<void> {
  feed?.stop();
  feed = undefined;
  await currentClient?.disconnect().catch(() => undefined);
  urlInput.value = url;
  showError(null);
  status.textContent = `connecting to ${url}…`;
  replace(main, h('p', { class: 'note' }, `Connecting to ${url}…`));
  let client: DepinClient;
  try {
    client = await connect(url, { timeoutMs: 8000 });
  } catch (e) {
    status.textContent = 'not connected';
    replace(main);
    showError(
      `Cannot connect to the node at ${url}: ${e instanceof Error ? e.message : String(e)}. ` +
        'Check the address (a node\'s WebSocket RPC, e.g. ws://127.0.0.1:9944) and that the node is running.',
    );
    return;
  }
  currentClient = client;
  localStorage.setItem('depin.rpc', url);
  const [chain, version] = await Promise.all([client.api.rpc.system.chain(), client.api.rpc.state.getRuntimeVersion()]);
  status.textContent = `connected: ${chain.toString()}, runtime ${version.specName.toString()} v${version.specVersion.toNumber()}`;
  status.dataset.connected = 'true';
  feed = new ChainFeed(client);
  feed.listen(() => void render());
  show();
  await feed.start().catch((e: unknown) => showError(`Lost the node at ${url}: ${e instanceof Error ? e.message : String(e)}`));
  client.api.on('disconnected', () => showError(`The node at ${url} went away; reconnecting…`));
  client.api.on('connected', () => showError(null));
}

document.getElementById('node-form')!.addEventListener('submit', (e) => {
  e.preventDefault();
  void start(urlInput.value.trim());
});
window.addEventListener('hashchange', show);
void start(initialUrl());
