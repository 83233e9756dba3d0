//! Stored data on `depin-node --dev` with the devnet's 1 s blocks: how fast `depin data
//! put` stores a file and `depin data get` fetches it back (the client's own code), how
//! fast the worker's data cache fetches it (cold, then warm), and what the chain keeps for
//! it: state (the `Blobs` pallet's keys and values) and disk (the node's database); and
//! the state a task keeps for its input, inline (the largest) and stored (this blob).

use std::{
	path::Path,
	time::{Duration, Instant},
};

use anyhow::Context;
use depin_client::{
	calls,
	primitives::{DeviceSpec, TaskParams},
	rpc::params,
	Client, Signer,
};
use depin_runtime::Runtime;
use depin_testkit::{pseudo_random_bytes, NodeConfig, TestNode};
use depin_worker::data::BlobCache;

const MIB: f64 = 1024.0 * 1024.0;

/// Bytes of the files under `dir`.
fn disk_bytes(dir: &Path) -> u64 {
	let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
	entries
		.filter_map(Result::ok)
		.map(|e| match e.metadata() {
			Ok(m) if m.is_dir() => disk_bytes(&e.path()),
			Ok(m) => m.len(),
			Err(_) => 0,
		})
		.sum()
}

/// Bytes of the keys and values the `Blobs` pallet keeps in state.
async fn state_bytes(client: &Client) -> anyhow::Result<u64> {
	let prefix = format!("0x{}", hex::encode(sp_crypto_hashing::twox_128(b"Blobs")));
	let mut total = 0u64;
	let mut start: Option<String> = None;
	loop {
		let keys: Vec<String> = client
			.rpc()
			.call("state_getKeysPaged", params![prefix.clone(), 1000, start.clone()])
			.await?;
		for key in &keys {
			let size: Option<u64> = client.rpc().call("state_getStorageSize", params![key]).await?;
			total += (key.len() as u64 - 2) / 2 + size.unwrap_or(0);
		}
		if keys.len() < 1000 {
			return Ok(total);
		}
		start = keys.last().cloned();
	}
}

/// Bytes (keys and values) task `task` keeps in `Market.Tasks`, `TaskInputs` and
/// `StoredInputs`.
async fn task_state_bytes(client: &Client, task: u64) -> anyhow::Result<u64> {
	let mut total = 0;
	for key in [
		pallet_market::Tasks::<Runtime>::hashed_key_for(task),
		pallet_market::TaskInputs::<Runtime>::hashed_key_for(task),
		pallet_market::StoredInputs::<Runtime>::hashed_key_for(task),
	] {
		if let Some(value) = client.storage(&key, None).await? {
			total += (key.len() + value.len()) as u64;
		}
	}
	Ok(total)
}

/// Submits a task on the largest inline input and one on `manifest`; returns the state
/// each keeps for its record and input.
async fn state_per_task(client: &Client, manifest: Vec<u8>) -> anyhow::Result<(u64, u64)> {
	let (dapp, owner) = (Signer::from_suri("//Eve")?, Signer::from_suri("//Ferdie")?);
	let device = Signer::from_suri("//Ferdie//stash")?;
	// A registered device of enough memory (submission checks the network's capacity).
	let spec = DeviceSpec {
		cores: 1,
		memory_mib: 1024,
		fuel_per_second: 100_000_000,
		executor_version: depin_client::primitives::EXECUTOR_VERSION,
		determinism_class: 1,
	};
	client
		.submit(&owner, client.register_device_call(owner.account(), &device, spec).await?)
		.await?;
	// The market checks the Wasm header only.
	let code = b"\0asm\x01\0\0\0data-bench".to_vec();
	let program = depin_client::primitives::program_id(&code);
	client.submit(&dapp, calls::upload_program(code)).await?;
	let params = TaskParams {
		max_fuel: 1_000_000,
		fuel_price: 1_000,
		replicas: 1,
		memory_mib: 64,
		deadline: 600,
		portable: false,
	};
	let inline_len: u32 = client.constant("Market", "MaxInputLen").await?;
	let mut tasks = Vec::new();
	for call in [
		calls::submit_task(program, vec![7; inline_len as usize], params),
		calls::submit_stored_task(program, manifest, params, 0),
	] {
		let receipt = client.submit(&dapp, call).await?;
		let task = receipt
			.events
			.iter()
			.find_map(|e| e.as_event::<depin_client::events::TaskSubmitted>())
			.context("no TaskSubmitted event")?
			.task;
		tasks.push(task_state_bytes(client, task).await?);
	}
	Ok((tasks[0], tasks[1]))
}

fn rate(bytes: usize, took: Duration) -> String {
	format!("{:.1}", bytes as f64 / MIB / took.as_secs_f64().max(1e-6))
}

/// Runs the benchmark; returns its Markdown table.
pub async fn run(quick: bool) -> anyhow::Result<String> {
	let size = if quick { 24 } else { 128 } * 1024 * 1024;
	let mut node = TestNode::start(NodeConfig::dev(1000)).await;
	let client = Client::connect(&node.ws_url()).await?;
	let dir = tempfile::tempdir()?;
	let input = dir.path().join("input.bin");
	let data = pseudo_random_bytes(size, 0);
	std::fs::write(&input, &data)?;
	let signer = Signer::from_suri("//Eve")?;

	let state_before = state_bytes(&client).await?;
	node.process().stop();
	let disk_before = disk_bytes(&node.dir());
	node.restart().await;
	let client = Client::connect(&node.ws_url()).await?;
	let started = Instant::now();
	let blob = client.put_file(&signer, &input, |_| {}).await.context("data put")?;
	let put = started.elapsed();
	let state_after = state_bytes(&client).await?;
	// The database is measured stopped: a running ParityDB holds new data in its log
	// files, and for a while in both its logs and its tables.
	node.process().stop();
	let disk_after = disk_bytes(&node.dir());
	node.restart().await;
	let client = Client::connect(&node.ws_url()).await?;

	let output = dir.path().join("output.bin");
	let started = Instant::now();
	client.get_file(&blob.manifest, &output, |_| {}).await.context("data get")?;
	let get = started.elapsed();
	anyhow::ensure!(std::fs::read(&output)? == data, "the fetched file differs");

	let cache = BlobCache::open(&dir.path().join("cache"), 2 * size as u64)?;
	let started = Instant::now();
	let cold_bytes = cache.blob(&client, &blob).await?;
	let cold = started.elapsed();
	let started = Instant::now();
	let warm_bytes = cache.blob(&client, &blob).await?;
	let warm = started.elapsed();
	anyhow::ensure!(cold_bytes == data && warm_bytes == data, "the cache returned other bytes");

	let manifest = client.fetch_chunk(&blob.manifest).await?;
	let (inline_state, stored_state) = state_per_task(&client, manifest).await?;

	let mib = size as f64 / MIB;
	let mut out = String::new();
	out.push_str(&format!(
		"## Stored data ({} MiB on `depin-node --dev`, 1 s blocks)\n\n",
		size / (1024 * 1024)
	));
	out.push_str("| step | time | MiB/s |\n| --- | ---: | ---: |\n");
	for (step, took) in [
		("`depin data put` (chunks and manifest, until the chain keeps each)", put),
		("`depin data get` (every chunk checked, written to a file)", get),
		("worker data cache, cold (fetched from the node, checked, cached)", cold),
		("worker data cache, warm (read from the cache, checked)", warm),
	] {
		out.push_str(&format!("| {step} | {:.1} s | {} |\n", took.as_secs_f64(), rate(size, took)));
	}
	let state = state_after.saturating_sub(state_before) as f64;
	let disk = disk_after.saturating_sub(disk_before) as f64;
	out.push_str(&format!(
		"\nKept by the chain per stored MiB: {:.0} bytes of state (the `Blobs` records), \
		 {:.2} MiB of the node's database (measured with the node stopped: the chunks, \
		 their blocks and everything else the node wrote meanwhile).\n",
		state / mib,
		disk / MIB / mib
	));
	out.push_str(&format!(
		"\nState a task keeps for its record and input (`Market.Tasks`, `TaskInputs`, \
		 `StoredInputs`, keys included): {inline_state} bytes with the largest inline input \
		 (128 KiB), {stored_state} bytes with this {} MiB input stored.\n",
		size / (1024 * 1024)
	));
	Ok(out)
}
