//! A runtime upgrade under running workers: three workers run jobs; the sudo key enacts the
//! upgrade rehearsal (`spec_version` 101 and the rewards pallet's migration to storage
//! version 2, which gives every stored era reward its era and emits an event these
//! clients do not know) with `depin runtime upgrade`; the jobs submitted before, across
//! and after it are all verified, nobody is slashed, the migration rewrote the stored
//! data, and each worker says in its log that it goes on.

use std::time::Duration;

use codec::Encode;
use depin_client::{
	calls,
	primitives::TaskParams,
	types::{Balance, Hash},
	Client, Signer,
};
use depin_e2e::{all_verified, wait_finished, Network};
use depin_testkit::{binary_path, until};
use serde_json::Value;

fn params() -> TaskParams<Balance> {
	TaskParams {
		max_fuel: 2_000_000_000,
		fuel_price: 1_000,
		replicas: 3,
		memory_mib: 64,
		deadline: 300,
		portable: false,
	}
}

/// Submits `n` jobs of `program`; returns their task ids.
async fn submit(client: &Client, dapp: &Signer, program: [u8; 32], n: u64) -> Vec<u64> {
	let mut ids = Vec::new();
	for i in 0..n {
		let id = client.stats().await.unwrap().tasks_submitted;
		let input = format!("{}\nupgrade", 10 + i).into_bytes();
		client.submit(dapp, calls::submit_task(program, input, params())).await.unwrap();
		ids.push(id);
	}
	ids
}

fn prefix(pallet: &str, item: &str) -> Vec<u8> {
	[sp_crypto_hashing::twox_128(pallet.as_bytes()), sp_crypto_hashing::twox_128(item.as_bytes())]
		.concat()
}

fn hex(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// Every stored era reward, raw: (era, value).
async fn era_rewards(client: &Client) -> Vec<(u32, Vec<u8>)> {
	let p = prefix("Rewards", "EraRewards");
	let keys: Vec<String> = client
		.rpc()
		.call("state_getKeysPaged", depin_client::rpc::params![hex(&p), 100u32])
		.await
		.unwrap();
	let mut out = Vec::new();
	for key in keys {
		let key = hex::decode(key.trim_start_matches("0x")).unwrap();
		// Twox64Concat: 8 bytes of hash, then the era.
		let era = u32::from_le_bytes(key[p.len() + 8..].try_into().unwrap());
		out.push((era, client.storage(&key, None).await.unwrap().unwrap()));
	}
	out.sort();
	out
}

async fn storage_version(client: &Client, pallet: &str) -> u16 {
	let key = prefix(pallet, ":__STORAGE_VERSION__:");
	client.storage(&key, None).await.unwrap().map_or(0, |v| u16::from_le_bytes([v[0], v[1]]))
}

#[tokio::test(flavor = "multi_thread")]
async fn jobs_keep_flowing_through_a_runtime_upgrade() {
	let rehearsal = depin_runtime::upgrade_rehearsal::WASM_BINARY.expect(
		"the upgrade rehearsal runtime is built only with DEPIN_BUILD_UPGRADE_REHEARSAL=1 \
		 (scripts/test.sh sets it): set it and build again",
	);
	let net = Network::start(200, &[("Alice", &[]), ("Bob", &[]), ("Charlie", &[])]).await;
	let (client, url) = (&net.client, net.node.ws_url());
	let dapp = Signer::from_suri("//Eve").unwrap();
	let program = net.upload(&dapp, "sha256-chain").await;

	// Work in the first era, so that era rewards are stored when it ends (block 100).
	let mut ids = submit(client, &dapp, program, 3).await;
	assert!(all_verified(&wait_finished(client, &ids, Duration::from_secs(120)).await));
	until("the first era to end with rewards", 120, || async {
		!era_rewards(client).await.is_empty()
	})
	.await;
	let before = era_rewards(client).await;
	assert_eq!(storage_version(client, "Rewards").await, 1);
	assert_eq!(client.versions().spec_version, 100);

	// Jobs in flight across the upgrade.
	ids.extend(submit(client, &dapp, program, 3).await);
	let dir = tempfile::tempdir().unwrap();
	let wasm = dir.path().join("rehearsal.wasm");
	std::fs::write(&wasm, rehearsal).unwrap();
	let out = std::process::Command::new(binary_path("depin"))
		.args(["--url", &url, "--suri", "//Alice", "--json", "runtime", "upgrade"])
		.arg(&wasm)
		.output()
		.unwrap();
	let stdout = String::from_utf8_lossy(&out.stdout);
	assert!(out.status.success(), "{stdout} {}", String::from_utf8_lossy(&out.stderr));
	let upgraded: Value = serde_json::from_str(stdout.trim()).unwrap();
	assert_eq!(upgraded["specVersion"], 101, "{upgraded}");

	// The migration ran once, in the first block of the new runtime: version 2, and every
	// era reward is the old value followed by its era.
	assert_eq!(client.refresh_versions().await.unwrap().spec_version, 101);
	assert_eq!(storage_version(client, "Rewards").await, 2);
	let after = era_rewards(client).await;
	let expected: Vec<(u32, Vec<u8>)> =
		before.iter().map(|(era, v)| (*era, [&v[..], &era.encode()[..]].concat())).collect();
	assert_eq!(after, expected);
	// Its event is new to this client: that block's events are read all the same, without it.
	let set_in: Hash = serde_json::from_value(upgraded["block"].clone()).unwrap();
	let set_in_number = client
		.rpc()
		.call::<Value>("chain_getHeader", depin_client::rpc::params![set_in])
		.await
		.map(|h| depin_client::client::header_number(&h).unwrap())
		.unwrap();
	let migrated: Hash = client
		.rpc()
		.call("chain_getBlockHash", depin_client::rpc::params![set_in_number + 1])
		.await
		.unwrap();
	let known = client.events(migrated).await.expect("a block with an unknown event is read");
	let raw = client.storage(&prefix("System", "Events"), Some(migrated)).await.unwrap().unwrap();
	let walked = client.chain_metadata(Some(set_in)).await.unwrap().events(&raw).unwrap();
	assert_eq!(walked.skipped, vec!["Rewards.EraRewardsMigrated".to_string()]);
	assert_eq!(known.len(), walked.records.len());

	// Jobs after the upgrade; every job of the test is verified and nobody was slashed.
	ids.extend(submit(client, &dapp, program, 3).await);
	let tasks = wait_finished(client, &ids, Duration::from_secs(240)).await;
	assert!(
		all_verified(&tasks),
		"{:?}",
		tasks.iter().map(|t| (t.id, t.state)).collect::<Vec<_>>()
	);
	assert_eq!(client.stats().await.unwrap().slashed, 0);

	// Each worker saw the upgrade and said it goes on.
	for worker in &net.workers {
		let log = std::fs::read_to_string(worker.log_path()).unwrap();
		assert!(
			log.contains(
				"every call this worker sends and every query it reads is unchanged: working on"
			),
			"{}",
			worker.log_tail(4000)
		);
	}
}
