/** Who can sign in the console: development accounts on a dev chain, and browser-extension accounts. */
import { DEV_ACCOUNTS, devAccount, type DepinClient, type Signer } from '@depin/sdk';

/** An account the console can sign with. */
export interface Account {
  label: string;
  address: string;
  signer: () => Promise<Signer>;
}

/** The development accounts, if the chain is a development chain (their keys are public). */
export async function devAccounts(client: DepinClient): Promise<Account[]> {
  const type = (await client.api.rpc.system.chainType()).toString();
  if (type !== 'Development' && type !== 'Local') return [];
  return Promise.all(
    DEV_ACCOUNTS.map(async (name) => {
      const pair = await devAccount(name);
      return { label: `${name} (development)`, address: pair.address, signer: async () => pair };
    }),
  );
}

/** The accounts of the polkadot.js browser extension (or a compatible one), after the person allows it. */
export async function extensionAccounts(): Promise<Account[]> {
  const { web3Accounts, web3Enable, web3FromAddress } = await import('@polkadot/extension-dapp');
  const extensions = await web3Enable('DePIN console');
  if (extensions.length === 0) {
    throw new Error('no browser extension gave access (install polkadot.js, Talisman or SubWallet, and allow this page)');
  }
  const accounts = await web3Accounts();
  return accounts.map((a) => ({
    label: `${a.meta.name ?? a.address} (${a.meta.source})`,
    address: a.address,
    signer: async () => ({ address: a.address, signer: (await web3FromAddress(a.address)).signer }),
  }));
}
