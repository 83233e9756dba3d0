/**
 * Token amounts for people: `1.5 DPN` ↔ 1 500 000 000 000 planck (12 decimals), the same
 * rules as the `depin` CLI.
 */

/** Decimals of the token. */
export const DECIMALS = 12;
/** Symbol of the token. */
export const SYMBOL = 'DPN';
/** Name of the smallest unit (10^-12 DPN). */
export const SMALLEST = 'planck';
/** One DPN in planck. */
export const UNIT = 10n ** BigInt(DECIMALS);

/** An amount that is not one. */
export class AmountError extends Error {
  override name = 'AmountError';
}

/** `amount` (planck) as `12.345 DPN`, trailing zeros dropped. */
export function formatBalance(amount: bigint | string | number): string {
  const value = BigInt(amount);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const whole = abs / UNIT;
  const frac = abs % UNIT;
  if (frac === 0n) return `${sign}${whole} ${SYMBOL}`;
  const digits = frac.toString().padStart(DECIMALS, '0').replace(/0+$/, '');
  return `${sign}${whole}.${digits} ${SYMBOL}`;
}

/**
 * Parses `1.5`, `1.5DPN`, `1.5 DPN`, or an integer of the smallest unit with the suffix
 * `planck` (`1500planck`). Throws {@link AmountError} on anything else.
 */
export function parseAmount(text: string): bigint {
  const s = text.trim();
  if (s === '') throw new AmountError('an amount is required: `1.5` (DPN) or `1500planck`');
  if (s.endsWith(SMALLEST)) {
    const raw = s.slice(0, -SMALLEST.length).trim();
    if (!/^\d+$/.test(raw)) throw new AmountError(`${s}: not a whole number of planck`);
    return BigInt(raw);
  }
  const body = (s.endsWith(SYMBOL) ? s.slice(0, -SYMBOL.length) : s).trim();
  const match = /^(\d*)(?:\.(\d*))?$/.exec(body);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) {
    throw new AmountError(`${s}: not an amount (\`1.5\`, \`1.5 DPN\` or \`1500planck\`)`);
  }
  const [, whole, frac = ''] = match;
  if (frac.length > DECIMALS) throw new AmountError(`${s}: at most ${DECIMALS} decimals`);
  return BigInt(whole || '0') * UNIT + BigInt(frac.padEnd(DECIMALS, '0') || '0');
}
