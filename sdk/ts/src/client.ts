/** A connection to a node: polkadot.js on the chain's metadata, plus the `depin_*` RPC. */
import { ApiPromise, WsProvider } from '@polkadot/api';

import { ConnectionError } from './errors.js';
import { DepinRpc } from './rpc.js';

/** The node a client connects to when none is given. */
export const DEFAULT_URL = 'ws://127.0.0.1:9944';

/** Options of {@link connect}. */
export interface ConnectOptions {
  /** Give up connecting after this many milliseconds (default 10 000). */
  timeoutMs?: number;
}

/** A connected client. `api` is polkadot.js on the running runtime's metadata. */
export class DepinClient {
  constructor(
    readonly url: string,
    readonly api: ApiPromise,
    readonly rpc: DepinRpc,
  ) {}

  /** Closes the connection. */
  async disconnect(): Promise<void> {
    await this.api.disconnect();
  }

  /** The best block's number. */
  async bestNumber(): Promise<number> {
    const header = await this.api.rpc.chain.getHeader();
    return header.number.toNumber();
  }

  /** An account's free and held balance, in planck. */
  async balance(address: string): Promise<{ free: bigint; held: bigint }> {
    const account = (await this.api.query.system.account(address)) as unknown as {
      data: { free: { toBigInt(): bigint }; reserved: { toBigInt(): bigint } };
    };
    return { free: account.data.free.toBigInt(), held: account.data.reserved.toBigInt() };
  }
}

/** How soon a dropped connection is tried again (the first connection is not retried). */
const RECONNECT_MS = 2500;

/**
 * Connects to the node at `url` (`ws://` or `wss://`). Rejects with a
 * {@link ConnectionError} when the node cannot be reached, or is not this chain's node,
 * within the timeout, instead of retrying forever. Once connected, a dropped connection
 * is re-established on its own (the `api`'s `disconnected` and `connected` events tell).
 */
export async function connect(url: string = DEFAULT_URL, options: ConnectOptions = {}): Promise<DepinClient> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!/^wss?:\/\/[^\s/]+/.test(url)) {
    throw new ConnectionError(url, 'not a WebSocket URL (ws://host:port or wss://host:port)');
  }
  const provider = new WsProvider(url, RECONNECT_MS, {}, timeoutMs);
  const cleanups: (() => void)[] = [];
  try {
    const refused = new Promise<never>((_, reject) => {
      cleanups.push(
        provider.on('error', () =>
          reject(new ConnectionError(url, 'could not connect (nothing listens there, or not a WebSocket server)')),
        ),
      );
    });
    const timeout = new Promise<never>((_, reject) => {
      const timer = setTimeout(() => reject(new ConnectionError(url, `no answer within ${timeoutMs / 1000} s`)), timeoutMs);
      cleanups.push(() => clearTimeout(timer));
    });
    const connected = (async () => {
      await provider.isReady;
      const api = await ApiPromise.create({ provider, noInitWarn: true });
      if (!api.call.depinApi) {
        throw new ConnectionError(url, 'the node does not run the DePIN runtime (no DepinApi)');
      }
      return api;
    })();
    const api = await Promise.race([connected, refused, timeout]);
    return new DepinClient(url, api, new DepinRpc(provider));
  } catch (e) {
    await provider.disconnect().catch(() => undefined);
    if (e instanceof ConnectionError) throw e;
    throw new ConnectionError(url, e instanceof Error ? e.message : String(e));
  } finally {
    for (const cleanup of cleanups) cleanup();
  }
}
