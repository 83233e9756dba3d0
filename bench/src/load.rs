//! Load-generation helpers shared by the chain benchmarks: sending many transactions per
//! account without losing any, funding accounts, running many accounts at once, and
//! reading a block's weight.

use std::{
	future::Future,
	sync::Arc,
	time::{Duration, Instant},
};

use codec::Decode;
use depin_client::{
	calls,
	calls::Call,
	primitives::{DeterminismClass, DeviceSpec},
	types::{AccountId, Hash, Nonce},
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

/// How long transactions may be in flight with none included before the sender assumes
/// the pool dropped one (every later nonce then waits for it forever) and starts again
/// from the node's next nonce.
const RESYNC_AFTER: Duration = Duration::from_secs(5);

/// Well-known development accounts with a million tokens each (every one the dev genesis
/// endows): they fund the bench's. Fourteen million: the bonds of `MaxDevices` devices
/// (100 000 × 100 tokens) and their fees.
const BANKERS: [&str; 14] = [
	"//Alice",
	"//Bob",
	"//Charlie",
	"//Dave",
	"//Eve",
	"//Ferdie",
	"//Alice//stash",
	"//Bob//stash",
	"//Charlie//stash",
	"//Dave//stash",
	"//Eve//stash",
	"//Ferdie//stash",
	"//One",
	"//Two",
];

/// The nonces of one account that sends without waiting for inclusion.
pub struct Nonces {
	who: AccountId,
	next: Nonce,
	/// The last nonce seen on chain, and when it was first seen.
	included: (Nonce, Instant),
	/// When `observe` last started again from the node's next nonce.
	resynced: Instant,
}

impl Nonces {
	/// Starts at the node's next nonce for `who` (its pool included).
	pub async fn new(client: &Client, who: &AccountId) -> anyhow::Result<Self> {
		let next = client.chain_nonce(who).await?;
		let on_chain = client.account(who).await?.nonce;
		let now = Instant::now();
		Ok(Self { who: who.clone(), next, included: (on_chain, now), resynced: now })
	}

	/// The nonce of the next transaction.
	pub fn next(&self) -> Nonce {
		self.next
	}

	/// Transactions sent and not yet included.
	pub fn in_flight(&self) -> u32 {
		self.next.saturating_sub(self.included.0)
	}

	/// The next transaction was accepted by the pool.
	pub fn sent(&mut self) {
		self.next += 1;
	}

	/// Reads the account's nonce on chain. When transactions have been in flight for
	/// `RESYNC_AFTER` with none included (and none since the last such restart), starts
	/// again from the node's next nonce and returns `true`: what was sent after the lost
	/// one must be sent again. The stall itself keeps counting (`stalled_for`).
	pub async fn observe(&mut self, client: &Client) -> anyhow::Result<bool> {
		let on_chain = client.account(&self.who).await?.nonce;
		if on_chain > self.included.0 {
			self.included = (on_chain, Instant::now());
		}
		self.next = self.next.max(on_chain);
		let quiet = self.included.1.max(self.resynced).elapsed();
		if self.in_flight() > 0 && quiet > RESYNC_AFTER {
			self.resync(client).await?;
			self.resynced = Instant::now();
			return Ok(true);
		}
		Ok(false)
	}

	/// Starts again from the node's next nonce (after the pool refused a transaction).
	pub async fn resync(&mut self, client: &Client) -> anyhow::Result<()> {
		self.next = client.chain_nonce(&self.who).await?;
		Ok(())
	}

	/// How long nothing of this account has been included.
	fn stalled_for(&self) -> Duration {
		self.included.1.elapsed()
	}
}

/// Sends `calls` from `signer` in order, at most `IN_FLIGHT_PER_ACCOUNT` ahead of the
/// chain, and returns once all of them are in blocks (whether their calls succeeded is
/// for the caller to check in state). Transactions the pool dropped are sent again.
pub async fn send_all(client: &Client, signer: &Signer, calls: &[Call]) -> anyhow::Result<()> {
	let start = client.account(signer.account()).await?.nonce;
	let end = start + calls.len() as u32;
	let mut nonces = Nonces::new(client, signer.account()).await?;
	loop {
		nonces.observe(client).await?;
		if nonces.included.0 >= end {
			return Ok(());
		}
		anyhow::ensure!(
			nonces.stalled_for() < STALL_TIMEOUT,
			"transactions of {} stuck at nonce {} for {STALL_TIMEOUT:?}",
			signer.address(),
			nonces.included.0
		);
		while nonces.next() < end && nonces.in_flight() < IN_FLIGHT_PER_ACCOUNT {
			let call = calls[(nonces.next() - start) as usize].clone();
			if client.send_signed(signer, call, nonces.next()).await.is_err() {
				// Already in the pool, or the pool is full: try again on the next round.
				break;
			}
			nonces.sent();
		}
		tokio::time::sleep(Duration::from_millis(250)).await;
	}
}

/// Transfers `amounts` from the development accounts, spread over them, and waits until
/// every transfer is in a block. Fails at once if a development account cannot pay its
/// share (its transfers would fail in their blocks, and the accounts they fund would
/// never send).
pub async fn fund(client: &Arc<Client>, amounts: Vec<(AccountId, u128)>) -> anyhow::Result<()> {
	let mut per_banker: Vec<Vec<_>> = vec![Vec::new(); BANKERS.len()];
	let mut owed = [0u128; BANKERS.len()];
	for (i, (who, amount)) in amounts.into_iter().enumerate() {
		per_banker[i % BANKERS.len()].push(calls::transfer(who, amount));
		owed[i % BANKERS.len()] += amount;
	}
	for (suri, owed) in BANKERS.iter().zip(owed) {
		let banker = Signer::from_suri(suri).expect("development account");
		let free = client.account(banker.account()).await?.data.free;
		anyhow::ensure!(
			free > owed,
			"{suri} holds {free} and would have to pay {owed}: too little for this benchmark"
		);
	}
	let work: Vec<_> = BANKERS.iter().zip(per_banker).collect();
	for_each_concurrent(work, BANKERS.len(), |(suri, calls)| {
		let client = client.clone();
		let banker = Signer::from_suri(suri).expect("development account");
		async move { send_all(&client, &banker, &calls).await }
	})
	.await
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
		executor_version: depin_client::primitives::EXECUTOR_VERSION,
		determinism_class: class,
	}
}

/// The hash of block `number` of the best chain.
pub async fn block_hash(client: &Client, number: u32) -> anyhow::Result<Hash> {
	let hash: Option<Hash> =
		client.rpc().call("chain_getBlockHash", depin_client::rpc::params![number]).await?;
	hash.ok_or_else(|| anyhow::anyhow!("the node has no block {number}"))
}
