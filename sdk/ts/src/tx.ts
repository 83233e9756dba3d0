/** Signing and sending a call, and waiting for the block that includes it. */
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { Signer as InjectedSigner } from '@polkadot/types/types';
import type { EventRecord } from '@polkadot/types/interfaces';

import type { DepinClient } from './client.js';
import { TransactionError, decodeDispatchError } from './errors.js';

/**
 * Who signs: a key pair (development accounts, a dApp's own key), or an address with a
 * signer injected by a browser extension (polkadot.js, Talisman, SubWallet).
 */
export type Signer = KeyringPair | { address: string; signer: InjectedSigner };

/** A call that made it into a block without error. */
export interface Receipt {
  blockHash: string;
  events: EventRecord[];
}

/**
 * Signs `tx`, sends it and resolves once a block includes it. Rejects with a
 * {@link ChainError} (pallet and error name) if the call failed in that block, or a
 * {@link TransactionError} if the node refused or dropped it.
 */
export function sendAndWait(
  client: DepinClient,
  signer: Signer,
  tx: SubmittableExtrinsic<'promise'>,
): Promise<Receipt> {
  return new Promise((resolve, reject) => {
    let unsubscribe: (() => void) | undefined;
    const done = (f: () => void) => {
      unsubscribe?.();
      f();
    };
    const [account, options] =
      'signer' in signer && !('sign' in signer)
        ? [signer.address, { signer: signer.signer, nonce: -1 }]
        : [signer as KeyringPair, { nonce: -1 }];
    tx.signAndSend(account, options, (result) => {
      const { status, dispatchError, events } = result;
      if (status.isInBlock || status.isFinalized) {
        const blockHash = (status.isInBlock ? status.asInBlock : status.asFinalized).toHex();
        if (dispatchError) {
          done(() => reject(decodeDispatchError(client.api, dispatchError)));
        } else {
          done(() => resolve({ blockHash, events: [...events] }));
        }
      } else if (status.isInvalid || status.isDropped || status.isUsurped) {
        done(() => reject(new TransactionError(`the node ${status.type.toLowerCase()} the transaction`)));
      }
    })
      .then((u) => {
        unsubscribe = u;
      })
      .catch((e: unknown) => reject(new TransactionError(e instanceof Error ? e.message : String(e))));
  });
}
