//! Load-generation helpers shared by the chain benchmarks: sending many transactions per
//! account, running many accounts at once, and reading a block's weight.

use std::{
	future::Future,
	time::{Duration, Instant},
};

use codec::Decode;
use depin_client::{
	primitives::{DeterminismClass, DeviceSpec},
	runtime::{Hash, RuntimeCall},
	Client, Signer,
};
use frame_support::{
	dispatch::{DispatchClass, PerDispatchClass},
	weights::Weight,
};

/// Transactions one account keeps in the pool at most.
pub const IN_FLIGHT_PER_ACCOUNT: u32 = 64;

/// How long an account's transactions may make no progress before `send_all` gives up.
const STALL_TIMEOUT: Duration = Duration::from_secs(90);

/// Sends `calls` from `signer` in order, at most `IN_FLIGHT_PER_ACCOUNT` ahead of the
/// chain, and returns once all of them are in blocks (whether their calls succeeded is
/// for the caller to check in state). Transactions the pool dropped are sent again.
pub async fn send_all(
	client: &Client,
	signer: &Signer,
	calls: &[RuntimeCall],
) -> anyhow::Result<()> {
	let start = client.account(signer.account()).await?.nonce;
	let end = start + calls.len() as u32;
	let mut next = start;
	let mut progress = (start, Instant::now());
	loop {
		let on_chain = client.account(signer.account()).await?.nonce;
		if on_chain >= end {
			return Ok(());
		}
		if on_chain > progress.0 {
			progress = (on_chain, Instant::now());
		} else if progress.1.elapsed() > STALL_TIMEOUT / 3 {
			// Nothing included for a while: whatever was in flight may have been dropped.
			next = on_chain;
		}
		anyhow::ensure!(
			progress.1.elapsed() < STALL_TIMEOUT,
			"transactions of {} stuck at nonce {on_chain} for {STALL_TIMEOUT:?}",
			signer.address()
		);
		next = next.max(on_chain);
		while next < end && next < on_chain + IN_FLIGHT_PER_ACCOUNT {
			let call = calls[(next - start) as usize].clone();
			if client.send_signed(signer, call, next).await.is_err() {
				// Already in the pool, or the pool is full: try again on the next round.
				break;
			}
			next += 1;
		}
		tokio::time::sleep(Duration::from_millis(250)).await;
	}
}

/// Runs `work` on every item, at most `limit` at a time; the first error ends the run.
pub async fn for_each_concurrent<T, F, Fut>(
	items: Vec<T>,
	limit: usize,
	work: F,
) -> anyhow::Result<()>
where
	F: Fn(T) -> Fut,
	Fut: Future<Output = anyhow::Result<()>> + Send + 'static,
{
	let mut running = tokio::task::JoinSet::new();
	for item in items {
		if running.len() >= limit {
			if let Some(done) = running.join_next().await {
				done??;
			}
		}
		running.spawn(work(item));
	}
	while let Some(done) = running.join_next().await {
		done??;
	}
	Ok(())
}

/// The ref-time weight block `hash` used in dispatch class `class`.
pub async fn block_weight(
	client: &Client,
	hash: Hash,
	class: DispatchClass,
) -> anyhow::Result<u64> {
	let key = [sp_crypto_hashing::twox_128(b"System"), sp_crypto_hashing::twox_128(b"BlockWeight")]
		.concat();
	Ok(client
		.storage(&key, Some(hash))
		.await?
		.and_then(|b| PerDispatchClass::<Weight>::decode(&mut &b[..]).ok())
		.map(|w| w.get(class).ref_time())
		.unwrap_or(0))
}

/// A bench account, derived from a fixed seed.
pub fn bench_signer(path: &str) -> Signer {
	Signer::from_suri(&format!("//Bench{path}")).expect("derivation path")
}

/// The bench's job: a module that does nothing and exits 0, so execution never limits a
/// chain benchmark.
pub fn trivial_program() -> anyhow::Result<Vec<u8>> {
	Ok(wat::parse_str(r#"(module (memory (export "memory") 1) (func (export "_start")))"#)?)
}

/// A large device (256 slots, 1 GiB) of determinism class `class`.
pub fn bench_spec(class: DeterminismClass) -> DeviceSpec {
	DeviceSpec {
		cores: 256,
		memory_mib: 1024,
		fuel_per_second: 1_000_000_000,
		executor_version: 1,
		determinism_class: class,
	}
}

/// The hash of block `number` of the best chain.
pub async fn block_hash(client: &Client, number: u32) -> anyhow::Result<Hash> {
	let hash: Option<Hash> =
		client.rpc().call("chain_getBlockHash", depin_client::rpc::params![number]).await?;
	hash.ok_or_else(|| anyhow::anyhow!("the node has no block {number}"))
}
