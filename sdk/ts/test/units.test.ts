import assert from 'node:assert/strict';
import { test } from 'node:test';

import { AmountError, formatBalance, parseAmount, UNIT } from '../src/units.js';

test('amounts are read as the CLI reads them', () => {
  assert.equal(parseAmount('1.5'), 1_500_000_000_000n);
  assert.equal(parseAmount('1.5DPN'), 1_500_000_000_000n);
  assert.equal(parseAmount(' 1.5 DPN '), 1_500_000_000_000n);
  assert.equal(parseAmount('.5'), UNIT / 2n);
  assert.equal(parseAmount('1000planck'), 1000n);
  assert.equal(parseAmount('1000 planck'), 1000n);
  assert.equal(parseAmount('0.000000000001'), 1n);
});

test('anything else is an AmountError that says why', () => {
  for (const [text, why] of [
    ['', /required/],
    ['abc', /not an amount/],
    ['1.2.3', /not an amount/],
    ['.', /not an amount/],
    ['-1', /not an amount/],
    ['1.5planck', /whole number of planck/],
    ['0.0000000000001', /at most 12 decimals/],
  ] as const) {
    assert.throws(() => parseAmount(text), (e) => e instanceof AmountError && why.test(e.message), text);
  }
});

test('balances are written in DPN without trailing zeros, exactly beyond 2^53', () => {
  assert.equal(formatBalance(0n), '0 DPN');
  assert.equal(formatBalance(1_500_000_000_000n), '1.5 DPN');
  assert.equal(formatBalance('1'), '0.000000000001 DPN');
  assert.equal(formatBalance(-UNIT), '-1 DPN');
  assert.equal(formatBalance('340282366920938463463374607431768211455'), '340282366920938463463374607.431768211455 DPN');
});
