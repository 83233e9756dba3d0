/**
 * What the console's browser tests need: a running devnet with its console
 * (`scripts/devnet.sh --no-examples`, started by scripts/test.sh) and Debian's Chromium,
 * driven headless by playwright-core (which never downloads a browser).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { chromium, type Browser, type Page } from 'playwright-core';

/** An environment variable the tests cannot run without. */
export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the browser tests run against a devnet (scripts/test.sh starts one)`);
  return value;
}

/** Starts headless Chromium: the system's (`CHROMIUM`, default /usr/bin/chromium). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // Without the background-networking flags Chromium keeps calling home, which a
    // machine without Internet access refuses.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Saves a screenshot of the page as `<name>.png` in `DEPIN_SCREENSHOTS`, if set. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.DEPIN_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** The console's address for a route, connected to the devnet's node. */
export function consoleUrl(route: string, rpc = required('DEPIN_URL')): string {
  const base = required('DEPIN_CONSOLE_URL').replace(/[?#].*$/, '').replace(/\/?$/, '/');
  return `${base}?rpc=${encodeURIComponent(rpc)}#/${route}`;
}
