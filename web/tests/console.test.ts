import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { connect, type DepinClient } from '@depin/sdk';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';

import { consoleUrl, launch, required, screenshot } from './harness.js';

let browser: Browser;
let client: DepinClient;
before(async () => {
  browser = await launch();
  client = await connect(required('DEPIN_URL'));
});
after(async () => {
  await browser?.close();
  await client?.disconnect();
});

/** Whether `owner` claimed rewards in one of the last 20 blocks. */
async function claimedRecently(c: DepinClient, owner: string): Promise<boolean> {
  const best = await c.bestNumber();
  for (let n = best; n > Math.max(0, best - 20); n--) {
    const at = await c.api.at(await c.api.rpc.chain.getBlockHash(n));
    const records = (await at.query.system.events()) as unknown as { event: { section: string; method: string; data: { toString(): string }[] } }[];
    for (const { event } of records) {
      if (event.section === 'rewards' && event.method === 'RewardsClaimed' && event.data[0]!.toString() === owner && BigInt(event.data[1]!.toString()) > 0n) return true;
    }
  }
  return false;
}

async function open(route: string, rpc?: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(consoleUrl(route, rpc));
  return page;
}

test('the network page shows live blocks and the three devnet devices', async () => {
  const page = await open('network');
  const best = page.getByTestId('best-block');
  await best.waitFor({ timeout: 30_000 });
  const first = Number((await best.textContent())!.slice(1));
  assert.ok(first > 0);
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=best-block]')!.textContent!.slice(1)) > n, first, { timeout: 30_000 });
  // A device is eligible from its first heartbeat on.
  await page.getByTestId('devices-count').filter({ hasText: '3 / 3' }).waitFor({ timeout: 60_000 });
  await page.getByTestId('chart-verified').locator('canvas').waitFor();
  await screenshot(page, 'console-network');
  await page.close();
});

test('the devices page lists the three devices online, sorted on a click', async () => {
  const page = await open('devices');
  const rows = page.getByTestId('devices-table').locator('tbody tr');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=devices-table] tbody tr [data-testid=device-status]').length === 3, null, { timeout: 30_000 });
  assert.deepEqual(await rows.getByTestId('device-status').allTextContents(), ['online', 'online', 'online']);
  const devices = () => rows.locator('td:first-child').allTextContents();
  const header = page.getByTestId('devices-table').locator('th', { hasText: 'Device' });
  await header.click();
  const ascending = await devices();
  assert.deepEqual(ascending, [...ascending].sort());
  await header.click();
  assert.deepEqual(await devices(), [...ascending].reverse());
  await page.getByTestId('device-filter').fill('no such device');
  assert.equal(await rows.getByTestId('device-status').count(), 0);
  await page.getByTestId('device-filter').fill('');
  await screenshot(page, 'console-devices');
  await page.close();
});

test('a Mandelbrot job submitted from the page is followed to Verified and its image shown, pixel for pixel', async () => {
  // The owner view of Alice, open while the job runs: her earnings must rise.
  const owner = await open(`owner/5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY`);
  const earned = owner.getByTestId('owner-earned');
  await earned.waitFor({ timeout: 30_000 });
  const before = BigInt((await earned.getAttribute('data-planck'))!);

  const dir = mkdtempSync(join(tmpdir(), 'depin-console-'));
  const input = join(dir, 'mandelbrot.txt');
  writeFileSync(input, '240 160 -2.2 -1.2 1.0 1.2 200\n');
  const page = await open('submit');
  const eve = '5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw';
  await page.locator(`[data-testid=submit-account] option[value="${eve}"]`).waitFor({ state: 'attached', timeout: 30_000 });
  await page.getByTestId('submit-account').selectOption(eve);
  await page.getByTestId('submit-program').setInputFiles(join(required('DEPIN_JOBS_WASM'), 'mandelbrot.wasm'));
  await page.getByTestId('submit-input').setInputFiles(input);
  await page.getByTestId('submit-max-fuel').fill('2000000000');
  assert.match((await page.getByTestId('submit-escrow').textContent())!, /^6 DPN on hold/);
  await screenshot(page, 'console-submit');
  await page.getByTestId('submit-button').click();

  await page.waitForURL(/#\/job\/\d+$/, { timeout: 60_000 });
  const id = Number(page.url().split('/').pop());
  await page.getByTestId('job-page-state').filter({ hasText: 'Verified' }).waitFor({ timeout: 120_000 });
  const image = page.getByTestId('job-output-image');
  await image.waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => (document.querySelector('[data-testid=job-output-image]') as HTMLImageElement).complete);
  const shown = await image.evaluate((img: HTMLImageElement) => {
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    return { width: canvas.width, height: canvas.height, rgba: Array.from(ctx.getImageData(0, 0, canvas.width, canvas.height).data) };
  });
  // What the page drew is the verified output the chain keeps, decoded apart.
  const bytes = Buffer.from((await client.rpc.output(id))!.slice(2), 'hex');
  const png = PNG.sync.read(bytes);
  assert.equal(shown.width, 240);
  assert.equal(shown.height, 160);
  assert.equal(png.width, 240);
  assert.equal(shown.rgba.length, png.data.length);
  let differing = 0;
  for (let i = 0; i < png.data.length; i++) if (Math.abs(shown.rgba[i]! - png.data[i]!) > 1) differing++;
  assert.equal(differing, 0, 'every pixel as the output has it');
  // And it is a Mandelbrot set, not a blank: the point (-0.2, 0) lies inside, (-2.2, -1.2) far outside.
  const pixel = (x: number, y: number) => shown.rgba.slice((y * 240 + x) * 4, (y * 240 + x) * 4 + 3);
  const inside = pixel(Math.round(((-0.2 + 2.2) / 3.2) * 240), 80);
  const outside = pixel(0, 0);
  assert.notDeepEqual(inside, outside);
  assert.ok(new Set(Array.from({ length: 240 }, (_, x) => pixel(x, 80).join())).size > 5, 'a gradient of colours along the middle row');
  await page.getByTestId('job-timeline').locator('tbody tr').first().waitFor();
  const timeline = (await page.getByTestId('job-timeline').textContent())!;
  const fuel = (await client.rpc.task(id))!.result!.fuelUsed;
  assert.ok(timeline.includes('verified by 3 agreeing replicas'), timeline);
  assert.ok(timeline.includes(`for ${fuel.toLocaleString('en')} fuel`), 'each replica paid for the verified fuel');
  const replicas = (await page.getByTestId('job-replicas').locator('tbody tr').allTextContents()).join('\n');
  assert.equal(replicas.split('(the verified result)').length - 1, 3, replicas);
  await screenshot(page, 'console-job');

  await owner.waitForFunction((b) => BigInt(document.querySelector('[data-testid=owner-earned]')!.getAttribute('data-planck')!) > BigInt(b), before.toString(), { timeout: 30_000 });
  await owner.getByTestId('owner-earnings-chart').locator('canvas').waitFor();
  await screenshot(owner, 'console-owner');
  // Alice claims what her device earned in past eras: nothing left to claim after.
  // (Rewards become claimable when an era with her points ends: every 100 blocks.)
  await owner.getByTestId('owner-claimable').filter({ hasNotText: /^0 DPN$/ }).waitFor({ timeout: 90_000 });
  await owner.getByTestId('owner-claim').click();
  await owner.getByText('claimed', { exact: true }).waitFor({ timeout: 30_000 });
  // The chain paid her: a RewardsClaimed event for Alice in one of the last blocks. (Not
  // "claimable is 0 now": an era may end meanwhile and settle more.)
  assert.ok(await claimedRecently(client, '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'), 'a RewardsClaimed event for Alice');

  // The device page of Alice's device (the devnet's //Alice//device) lists the job, paid.
  const device = await open('device/5C5Y9dpxkdRanQchGhnJQFiVd6GwZVD6QqVzRzT9nryCckEh');
  // Drawn with the blocks read back at start: before that, the page may know of the
  // assignment but not yet of the payment that came blocks later.
  await device.locator('#page[data-backfilled=true]').waitFor({ timeout: 60_000 });
  const row = device.getByTestId('device-tasks').locator('tr', { has: device.locator('a', { hasText: `#${id}` }) });
  await row.waitFor({ timeout: 30_000 });
  assert.match((await row.textContent())!, /Verified.*DPN/);
  await screenshot(device, 'console-device');
  await device.close();

  const jobs = await open('jobs');
  await jobs.getByTestId('jobs-table').locator('a', { hasText: `#${id}` }).waitFor({ timeout: 30_000 });
  await screenshot(jobs, 'console-jobs');
  // The network page after a verified job: its charts have something to show.
  const network = await open('network');
  await network.locator('#page[data-backfilled=true]').waitFor({ timeout: 60_000 });
  await screenshot(network, 'console-network');
  await Promise.all([page.close(), owner.close(), jobs.close(), network.close()]);
});

test('a wrong node address shows a clear error, not a blank page', async () => {
  const page = await open('network', 'ws://127.0.0.1:1');
  const error = page.locator('#error');
  await error.waitFor({ state: 'visible', timeout: 30_000 });
  assert.match((await error.textContent())!, /Cannot connect to the node at ws:\/\/127\.0\.0\.1:1/);
  await screenshot(page, 'console-error');
  await page.close();
});
