/** Development accounts (`//Alice` … `//Ferdie`), for dev chains and tests only. */
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';

/** The well-known development accounts' names. */
export const DEV_ACCOUNTS = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'] as const;

/** A development account's sr25519 key pair (`//Name`). Their keys are public: dev chains only. */
export async function devAccount(name: string): Promise<KeyringPair> {
  await cryptoWaitReady();
  return new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(`//${name}`);
}

/** A key pair from a secret URI (`//Alice`, a mnemonic, `0x…` seed). */
export async function keyFromUri(suri: string): Promise<KeyringPair> {
  await cryptoWaitReady();
  return new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(suri);
}
