/** Errors a dApp can act on, each with what went wrong in the chain's own words. */
import type { ApiPromise } from '@polkadot/api';
import type { DispatchError } from '@polkadot/types/interfaces';

/**
 * A call the chain refused: `pallet` and `error` are the runtime's names
 * (`Market`, `InsufficientEscrow`), `docs` its explanation.
 */
export class ChainError extends Error {
  override name = 'ChainError';
  constructor(
    readonly pallet: string,
    readonly error: string,
    readonly docs: string,
  ) {
    super(docs ? `${pallet}.${error}: ${docs}` : `${pallet}.${error}`);
  }
}

/** The node refused a transaction before it reached a block (invalid, or dropped). */
export class TransactionError extends Error {
  override name = 'TransactionError';
}

/** The node refused a `depin_*` call (bad parameters, or the runtime call failed). */
export class RpcError extends Error {
  override name = 'RpcError';
  constructor(
    readonly method: string,
    message: string,
  ) {
    super(`${method}: ${message}`);
  }
}

/** Could not reach or talk to the node at `url`. */
export class ConnectionError extends Error {
  override name = 'ConnectionError';
  constructor(
    readonly url: string,
    message: string,
  ) {
    super(`${url}: ${message}`);
  }
}

/** A task ended in a state other than Verified. */
export class TaskNotVerified extends Error {
  override name = 'TaskNotVerified';
  constructor(
    readonly task: number,
    readonly state: string,
  ) {
    super(`task ${task} ended ${state}, not Verified`);
  }
}

/** Waiting for something took longer than allowed. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/** A dispatch error decoded to its pallet and error names with the metadata. */
export function decodeDispatchError(api: ApiPromise, err: DispatchError): ChainError {
  if (err.isModule) {
    const meta = api.registry.findMetaError(err.asModule);
    return new ChainError(meta.section, meta.name, meta.docs.join(' ').trim());
  }
  if (err.isToken) return new ChainError('Token', err.asToken.type, 'a balance rule refused it');
  if (err.isArithmetic) return new ChainError('Arithmetic', err.asArithmetic.type, '');
  if (err.isBadOrigin) return new ChainError('System', 'BadOrigin', 'the signer may not make this call');
  return new ChainError('System', err.type, '');
}
