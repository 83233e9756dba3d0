/** Eras of the rewards pallet: a fixed number of blocks each. */

/** The era of `block`, given the current era, its first block and the era length. */
export function eraOf(block: number, current: number, started: number, length: number): number {
  return block >= started ? current : current - Math.ceil((started - block) / length);
}
