import assert from 'node:assert/strict';
import { test } from 'node:test';

import { eraOf } from '../src/eras';
import type { BlockInfo, ChainEvent } from '../src/feed';
import { asText, imageType } from '../src/output';
import { blocksPerMinute, rates } from '../src/rates';

test('an output is an image by its signature, text if it is UTF-8 without control bytes', () => {
  assert.equal(imageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), 'image/png');
  assert.equal(imageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
  assert.equal(imageType(new Uint8Array([0x89, 0x50])), undefined);
  assert.equal(asText(new TextEncoder().encode('pi 3.14\n\tdone\r\n')), 'pi 3.14\n\tdone\r\n');
  assert.equal(asText(new Uint8Array([0xff, 0xfe])), undefined, 'not UTF-8');
  assert.equal(asText(new Uint8Array([0x41, 0x00, 0x42])), undefined, 'a NUL byte');
});

test('a block belongs to the era that covers it', () => {
  // Era 6 began at block 600; eras are 100 blocks.
  assert.equal(eraOf(650, 6, 600, 100), 6);
  assert.equal(eraOf(600, 6, 600, 100), 6);
  assert.equal(eraOf(599, 6, 600, 100), 5);
  assert.equal(eraOf(500, 6, 600, 100), 5);
  assert.equal(eraOf(499, 6, 600, 100), 4);
});

test('rates are sums over the minute before each block', () => {
  const blocks: BlockInfo[] = [0, 20, 40, 60, 80].map((s, i) => ({ number: i + 1, hash: '0x', time: s * 1000, stats: undefined as never }));
  const verified = (block: number): ChainEvent => ({ block, section: 'verification', method: 'TaskVerified', data: {} });
  const [xs, ys] = rates(blocks, [verified(1), verified(2), verified(2), verified(5)], () => 1);
  assert.deepEqual(xs, [0, 20_000, 40_000, 60_000, 80_000]);
  // At 80 s the window [20 s, 80 s] holds block 2's two and block 5's one.
  assert.deepEqual(ys, [1, 3, 3, 3, 3]);
});

test('blocks per minute are counted on arrival, and unknown before two blocks', () => {
  assert.equal(blocksPerMinute([], 0), undefined);
  assert.equal(blocksPerMinute([1000], 1000), undefined);
  assert.equal(blocksPerMinute([0, 500, 1000, 1500, 2000], 2000), 120);
  assert.equal(blocksPerMinute([0, 70_000, 76_000], 76_000), 10, 'only the last minute counts');
});
