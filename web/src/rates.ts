/** Live rates of the network page, from the blocks and events the console has read. */
import type { BlockInfo, ChainEvent } from './feed';

/** Per-minute rates over the window ending at each block. */
export function rates(blocks: BlockInfo[], events: ChainEvent[], value: (e: ChainEvent) => number): [number[], number[]] {
  const byBlock = new Map<number, number>();
  for (const e of events) {
    const v = value(e);
    if (v) byBlock.set(e.block, (byBlock.get(e.block) ?? 0) + v);
  }
  const xs: number[] = [];
  const ys: number[] = [];
  let start = 0;
  let sum = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    sum += byBlock.get(b.number) ?? 0;
    while (b.time - blocks[start]!.time > 60_000) sum -= byBlock.get(blocks[start++]!.number) ?? 0;
    xs.push(b.time);
    ys.push(sum);
  }
  return [xs, ys];
}

/**
 * Blocks per minute, from when the last minute's blocks arrived here (wall clock): a dev
 * chain's block timestamps advance by its slot duration per block, whatever its real
 * block time.
 */
export function blocksPerMinute(arrivals: number[], now = Date.now()): number | undefined {
  const recent = arrivals.filter((t) => now - t <= 60_000);
  if (recent.length < 2) return undefined;
  return ((recent.length - 1) * 60_000) / (recent[recent.length - 1]! - recent[0]!);
}
