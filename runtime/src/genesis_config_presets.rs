//! Genesis presets: `development` (one validator, Alice) and `local_testnet` (Alice and Bob).
//!
//! Both endow every well-known development account (Alice … Ferdie, their stashes, One,
//! Two), so the devnet's dApps and device owners can pay bonds, escrow and fees.

use crate::{
	configs::depin::TreasuryAccount, AccountId, BalancesConfig, RuntimeGenesisConfig, SudoConfig,
	UNIT,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// Free balance of each endowed development account: one million tokens.
pub const ENDOWMENT: u128 = 1_000_000 * UNIT;

fn testnet_genesis(
	initial_authorities: Vec<(AuraId, GrandpaId)>,
	endowed_accounts: Vec<AccountId>,
	root: AccountId,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts
				.iter()
				.cloned()
				.map(|k| (k, ENDOWMENT))
				.chain(core::iter::once((TreasuryAccount::get(), TREASURY_ENDOWMENT)))
				.collect::<Vec<_>>(),
		},
		aura: pallet_aura::GenesisConfig {
			authorities: initial_authorities.iter().map(|x| x.0.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: initial_authorities.iter().map(|x| (x.1.clone(), 1)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
	})
}

fn authority(sr: Sr25519Keyring, ed: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(sr.public().into(), ed.public().into())
}

/// Every well-known development account.
pub fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter().map(|k| k.to_account_id()).collect()
}

/// The treasury starts with one token, so it exists from genesis and every fee it
/// receives is kept (a credit below the existential deposit to a missing account would
/// be burned).
pub const TREASURY_ENDOWMENT: u128 = UNIT;

/// Genesis of the single-validator development chain (`--dev`).
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// Genesis of the local testnet (`--chain local`): Alice and Bob validate.
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		vec![
			authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		],
		dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The JSON patch of a named preset, if it exists.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	// Serialising a `serde_json::Value` cannot fail.
	serde_json::to_vec(&patch).ok()
}

/// Names of all presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
