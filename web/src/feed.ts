/**
 * What the console knows of the chain: the best and finalized blocks, and per block its
 * time, the network's numbers and the events of the market, verification, rewards and
 * devices pallets. Filled from the node as blocks arrive, and backfilled over the last
 * blocks at start; nothing but the node holds any of it.
 */
import type { DepinClient, Hex, Stats } from '@depin/sdk';

/** One event of a block, its fields by name (numbers as decimal strings, accounts SS58). */
export interface ChainEvent {
  block: number;
  section: string;
  method: string;
  data: Record<string, string>;
}

/** One block as the console saw it. */
export interface BlockInfo {
  number: number;
  hash: Hex;
  /** The block's timestamp (ms). */
  time: number;
  stats: Stats;
}

/** The pallets whose events the console keeps. */
const SECTIONS = new Set(['market', 'verification', 'rewards', 'devices']);
/** Blocks kept in memory. */
const KEEP_BLOCKS = 3000;
/** Blocks read back at start (the node keeps state of the last 256 by default). */
export const BACKFILL_BLOCKS = 200;

function fieldText(value: unknown): string {
  const codec = value as { toBigInt?: () => bigint; toString(): string; toJSON?: () => unknown };
  if (typeof codec.toBigInt === 'function') return codec.toBigInt().toString();
  const json = codec.toJSON?.();
  return typeof json === 'string' ? json : JSON.stringify(json ?? codec.toString());
}

/** The chain as the console follows it. */
export class ChainFeed {
  best = 0;
  finalized = 0;
  readonly blocks: BlockInfo[] = [];
  readonly events: ChainEvent[] = [];
  /** When new heads arrived here (wall clock, ms), the newest last. */
  readonly arrivals: number[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribes: (() => void)[] = [];
  private backfilled = false;

  constructor(readonly client: DepinClient) {}

  /** Calls `f` after every new block (and once the backfill is in). Returns its remover. */
  listen(f: () => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  /** The newest block's numbers, if any arrived. */
  latest(): BlockInfo | undefined {
    return this.blocks[this.blocks.length - 1];
  }

  /** Events of one task, oldest first. */
  taskEvents(task: number): ChainEvent[] {
    const id = String(task);
    return this.events.filter((e) => e.data.task === id);
  }

  /** The first block the console has events of. */
  firstBlock(): number | undefined {
    return this.blocks[0]?.number;
  }

  /** Starts following new and finalized heads, then reads back the last blocks. */
  async start(): Promise<void> {
    const { api } = this.client;
    this.unsubscribes.push(
      await api.rpc.chain.subscribeFinalizedHeads((h) => {
        this.finalized = h.number.toNumber();
        this.notify();
      }),
    );
    const head = await api.rpc.chain.getHeader();
    this.unsubscribes.push(
      await api.rpc.chain.subscribeNewHeads((h) => {
        this.best = Math.max(this.best, h.number.toNumber());
        this.arrivals.push(Date.now());
        if (this.arrivals.length > 1000) this.arrivals.shift();
        void this.add(h.number.toNumber(), h.hash.toHex() as Hex).then(() => this.notify());
      }),
    );
    await this.backfill(head.number.toNumber());
  }

  /** Stops following. */
  stop(): void {
    for (const u of this.unsubscribes.splice(0)) u();
    this.listeners.clear();
  }

  private notify(): void {
    for (const f of this.listeners) f();
  }

  private async backfill(best: number): Promise<void> {
    const first = Math.max(1, best - BACKFILL_BLOCKS + 1);
    const numbers = Array.from({ length: best - first + 1 }, (_, i) => first + i);
    // A few at a time: the node answers each with several reads.
    for (let i = 0; i < numbers.length; i += 16) {
      await Promise.all(
        numbers.slice(i, i + 16).map(async (n) => {
          const hash = (await this.client.api.rpc.chain.getBlockHash(n)).toHex() as Hex;
          await this.add(n, hash).catch(() => undefined); // state of the oldest may be pruned
        }),
      );
    }
    this.backfilled = true;
    this.notify();
  }

  /** Whether the read-back of past blocks is done. */
  ready(): boolean {
    return this.backfilled;
  }

  private async add(number: number, hash: Hex): Promise<void> {
    if (this.blocks.some((b) => b.number === number && b.hash === hash)) return;
    const { api, rpc } = this.client;
    const at = await api.at(hash);
    const [records, now, stats] = await Promise.all([
      at.query.system.events(),
      at.query.timestamp.now(),
      rpc.stats(hash),
    ]);
    // A re-organised block replaces the one of the same number.
    this.drop(number);
    const events: ChainEvent[] = [];
    for (const { event } of records as unknown as Iterable<{ event: { section: string; method: string; data: unknown[] & { names?: string[] | null } } }>) {
      if (!SECTIONS.has(event.section)) continue;
      const names = event.data.names ?? [];
      const data: Record<string, string> = {};
      event.data.forEach((value, i) => {
        data[names[i] ?? String(i)] = fieldText(value);
      });
      events.push({ block: number, section: event.section, method: event.method, data });
    }
    const info = { number, hash, time: Number(now.toString()), stats };
    insertSorted(this.blocks, info, (b) => b.number);
    for (const e of events) insertSorted(this.events, e, (x) => x.block);
    this.best = Math.max(this.best, number);
    while (this.blocks.length > KEEP_BLOCKS) {
      const gone = this.blocks.shift()!.number;
      while (this.events.length > 0 && this.events[0]!.block <= gone) this.events.shift();
    }
  }

  private drop(number: number): void {
    const i = this.blocks.findIndex((b) => b.number === number);
    if (i >= 0) this.blocks.splice(i, 1);
    for (let j = this.events.length - 1; j >= 0; j--) if (this.events[j]!.block === number) this.events.splice(j, 1);
  }
}

function insertSorted<T>(list: T[], item: T, key: (t: T) => number): void {
  let i = list.length;
  while (i > 0 && key(list[i - 1]!) > key(item)) i--;
  list.splice(i, 0, item);
}
