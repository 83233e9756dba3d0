//! Signed transactions: building (the pinned metadata's transaction extensions), nonce
//! tracking, submission, and the receipt with the extrinsic's events.

use std::{
	collections::HashMap,
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};

use codec::{Compact, Encode};
use serde::Deserialize;
use serde_json::Value;
use sp_runtime::{generic::Era, MultiSignature};

use crate::{
	calls::Call,
	compat::ChainMetadata,
	dispatch_error,
	events::{EventRecord, ExtrinsicFailed, Sudid, TransactionFeePaid},
	rpc::params,
	types::{AccountId, Address, Balance, BlockNumber, Hash, Nonce, Phase},
	Client, Error, Signer,
};

/// How long a transaction may take to be included in a block (and finalized, when
/// waited for).
pub const INCLUSION_TIMEOUT: Duration = Duration::from_secs(120);

/// Blocks a transaction stays valid for, counted from its checkpoint (the best block when
/// it was signed), as polkadot.js and subxt sign: a transaction that was not included by
/// then can never be, so it cannot be replayed later (after its account was reaped and
/// its nonce reset, say).
pub const MORTAL_PERIOD: u64 = 64;

/// How long a checkpoint read from the node is reused for new transactions.
const CHECKPOINT_REUSE: Duration = Duration::from_secs(2);

/// A block new transactions' mortality counts from: its number and hash.
pub type Checkpoint = (BlockNumber, Hash);

/// The last checkpoint read, and when.
#[derive(Default)]
pub struct CheckpointCache(Mutex<Option<(Checkpoint, Instant)>>);

impl CheckpointCache {
	fn fresh(&self) -> Option<Checkpoint> {
		let cached = *self.0.lock().unwrap_or_else(|e| e.into_inner());
		cached.filter(|(_, read)| read.elapsed() < CHECKPOINT_REUSE).map(|(c, _)| c)
	}

	fn store(&self, checkpoint: Checkpoint) {
		*self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some((checkpoint, Instant::now()));
	}

	fn forget(&self) {
		*self.0.lock().unwrap_or_else(|e| e.into_inner()) = None;
	}
}

/// The result of an included transaction.
#[derive(Debug, Clone)]
pub struct Receipt {
	/// The block that included it.
	pub block_hash: Hash,
	/// Its events this client knows, in order.
	pub events: Vec<EventRecord>,
}

impl Receipt {
	/// The transaction fee the signer paid (from `TransactionFeePaid`).
	pub fn fee(&self) -> Balance {
		self.events
			.iter()
			.filter_map(|e| e.as_event::<TransactionFeePaid>())
			.map(|e| e.actual_fee)
			.sum()
	}
}

/// Next nonce per account, as far as this process knows.
#[derive(Default)]
pub struct Nonces(Mutex<HashMap<AccountId, Nonce>>);

impl Nonces {
	fn take(&self, who: &AccountId, on_chain: Nonce) -> Nonce {
		let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
		let next = map.get(who).copied().unwrap_or(0).max(on_chain);
		map.insert(who.clone(), next + 1);
		next
	}

	fn forget(&self, who: &AccountId) {
		self.0.lock().unwrap_or_else(|e| e.into_inner()).remove(who);
	}
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
enum Status {
	InBlock(Hash),
	Finalized(Hash),
	Usurped(serde::de::IgnoredAny),
	Retracted(serde::de::IgnoredAny),
	FinalityTimeout(serde::de::IgnoredAny),
	Broadcast(serde::de::IgnoredAny),
}

fn parse_status(v: &Value) -> Result<Option<Status>, String> {
	match v {
		Value::String(s) => match s.as_str() {
			"ready" | "future" => Ok(None),
			"dropped" => Err("dropped from the pool".into()),
			"invalid" => Err("became invalid".into()),
			other => Err(format!("unexpected status {other}")),
		},
		other => serde_json::from_value(other.clone())
			.map(Some)
			.map_err(|e| format!("unexpected status {other}: {e}")),
	}
}

/// A signed (version 4) transaction of `call` (encoded for the chain) with the explicit
/// part of the extensions `ext` and their `implicit` part, as `sp_runtime`'s
/// `UncheckedExtrinsic` encodes it: a signature over the call, the extensions and their
/// implicit part (hashed when longer than 256 bytes).
pub fn signed_extrinsic(signer: &Signer, call: &[u8], ext: &[u8], implicit: &[u8]) -> Vec<u8> {
	let mut payload = [call, ext, implicit].concat();
	if payload.len() > 256 {
		payload = sp_crypto_hashing::blake2_256(&payload).to_vec();
	}
	let signature = MultiSignature::Sr25519(signer.sign(&payload));
	// Version 4, signed.
	let mut body = vec![0b1000_0100];
	Address::Id(signer.account().clone()).encode_to(&mut body);
	signature.encode_to(&mut body);
	body.extend_from_slice(ext);
	body.extend_from_slice(call);
	let mut out = Compact(body.len() as u32).encode();
	out.extend(body);
	out
}

/// The transaction extensions this client signs with, in the pinned metadata's order (a
/// test checks the list, and signing refuses a chain whose extensions differ).
pub const EXTENSIONS: [&str; 10] = [
	"CheckNonZeroSender",
	"CheckSpecVersion",
	"CheckTxVersion",
	"CheckGenesis",
	"CheckMortality",
	"CheckNonce",
	"CheckWeight",
	"ChargeTransactionPayment",
	"CheckMetadataHash",
	"WeightReclaim",
];

/// The explicit part of the extensions (what the transaction carries) for `nonce`, valid
/// for `MORTAL_PERIOD` blocks from checkpoint block `from`, no tip: the era
/// (`CheckMortality`), the nonce (`CheckNonce`), the tip (`ChargeTransactionPayment`) and
/// `CheckMetadataHash`'s mode (disabled: the client checks the chain's metadata itself);
/// the other extensions carry nothing.
pub fn extensions(nonce: Nonce, from: BlockNumber) -> Vec<u8> {
	const METADATA_HASH_DISABLED: u8 = 0;
	let era = Era::mortal(MORTAL_PERIOD, from as u64);
	(era, Compact(nonce), Compact(0 as Balance), METADATA_HASH_DISABLED).encode()
}

/// The implicit part of the extensions: what the signature covers without the transaction
/// carrying it — the spec and transaction versions, the genesis hash, the checkpoint's
/// hash, and the metadata hash (only when signed with `CheckMetadataHash` enabled).
pub fn implicit(
	v: crate::client::Versions,
	genesis: Hash,
	checkpoint: Hash,
	metadata_hash: Option<[u8; 32]>,
) -> Vec<u8> {
	(v.spec_version, v.transaction_version, genesis, checkpoint, metadata_hash).encode()
}

impl Client {
	/// The checkpoint of a new transaction: the best block, read at most every 2 s.
	pub async fn checkpoint(&self) -> Result<Checkpoint, Error> {
		if let Some(fresh) = self.checkpoint_cache().fresh() {
			return Ok(fresh);
		}
		let hash: Hash = self.rpc().call("chain_getBlockHash", params![]).await?;
		let header: Value = self.rpc().call("chain_getHeader", params![hash]).await?;
		let checkpoint = (crate::client::header_number(&header)?, hash);
		self.checkpoint_cache().store(checkpoint);
		Ok(checkpoint)
	}

	/// Signs `call` with `signer` at `nonce`, valid for `MORTAL_PERIOD` blocks from
	/// `checkpoint` (`Client::checkpoint`), and returns the encoded transaction. The call
	/// is encoded for the chain's runtime (`compat::ChainMetadata::call_bytes`): the client
	/// refuses to sign a call whose arguments or the chain's transaction extensions differ
	/// from those it was built for.
	pub async fn sign(
		&self,
		signer: &Signer,
		call: &Call,
		nonce: Nonce,
		checkpoint: Checkpoint,
	) -> Result<Vec<u8>, Error> {
		let metadata = self.chain_metadata(None).await?;
		metadata.check_extensions()?;
		let call = metadata.call_bytes(call)?;
		let (from, from_hash) = checkpoint;
		let implicit = implicit(self.versions(), self.genesis(), from_hash, None);
		Ok(signed_extrinsic(signer, &call, &extensions(nonce, from), &implicit))
	}

	/// The next nonce of `who` according to the node (pool included).
	pub async fn chain_nonce(&self, who: &AccountId) -> Result<Nonce, Error> {
		use sp_core::crypto::Ss58Codec;
		self.rpc().call("system_accountNextIndex", params![who.to_ss58check()]).await
	}

	/// Signs and submits `call`, waits until it is in a block (until that block is
	/// finalized with [`Client::wait_for_finality`]), and returns its events, or the call's
	/// error. A stale nonce or an outdated runtime version is refreshed and the
	/// transaction sent once more.
	pub async fn submit(&self, signer: &Signer, call: Call) -> Result<Receipt, Error> {
		match self.submit_once(signer, call.clone()).await {
			Err(Error::Invalid { code, data, .. }) if is_retryable(code, data.as_deref()) => {
				self.nonces().forget(signer.account());
				self.checkpoint_cache().forget();
				self.refresh_versions().await?;
				self.submit_once(signer, call).await
			}
			other => other,
		}
	}

	async fn submit_once(&self, signer: &Signer, call: Call) -> Result<Receipt, Error> {
		let on_chain = self.chain_nonce(signer.account()).await?;
		let nonce = self.nonces().take(signer.account(), on_chain);
		let xt = self.sign(signer, &call, nonce, self.checkpoint().await?).await?;
		let encoded = format!("0x{}", hex::encode(xt));
		let mut sub = match self
			.rpc()
			.subscribe::<Value>(
				"author_submitAndWatchExtrinsic",
				params![encoded.clone()],
				"author_unwatchExtrinsic",
			)
			.await
		{
			Ok(sub) => sub,
			Err(Error::Refused { code, message, data, .. }) => {
				self.nonces().forget(signer.account());
				return Err(Error::Invalid { code, message, data });
			}
			Err(e) => return Err(e),
		};
		let deadline = tokio::time::Instant::now() + INCLUSION_TIMEOUT;
		loop {
			let next = tokio::time::timeout_at(deadline, sub.next()).await.map_err(|_| {
				Error::Timeout {
					what: "inclusion in a block".into(),
					seconds: INCLUSION_TIMEOUT.as_secs(),
				}
			})?;
			let Some(item) = next else {
				return Err(Error::NotIncluded("the node closed the subscription".into()));
			};
			let value = item.map_err(|e| Error::Decode {
				method: "author_submitAndWatchExtrinsic".into(),
				reason: e.to_string(),
			})?;
			match parse_status(&value) {
				Ok(Some(Status::InBlock(hash))) if !self.waits_for_finality() => {
					return self.receipt(hash, &encoded).await;
				}
				Ok(Some(Status::Finalized(hash))) => return self.receipt(hash, &encoded).await,
				Ok(Some(Status::FinalityTimeout(_))) => {
					return Err(Error::NotIncluded("its block was not finalized in time".into()));
				}
				Ok(Some(Status::Usurped(_))) => {
					self.nonces().forget(signer.account());
					return Err(Error::NotIncluded("replaced by another transaction".into()));
				}
				Ok(_) => continue,
				Err(reason) => {
					self.nonces().forget(signer.account());
					return Err(Error::NotIncluded(reason));
				}
			}
		}
	}

	/// Signs and sends `call` without waiting for inclusion (for load generation); the
	/// nonce comes from this client's count, so many calls can be in flight. Returns the
	/// transaction hash.
	pub async fn submit_nowait(&self, signer: &Signer, call: Call) -> Result<Hash, Error> {
		let on_chain = self.chain_nonce(signer.account()).await?;
		let nonce = self.nonces().take(signer.account(), on_chain);
		self.send_signed(signer, call, nonce).await
	}

	/// Forgets the nonces this client counted for `signer`: the next transaction takes the
	/// node's (after a transaction was lost, say).
	pub fn forget_nonce(&self, signer: &Signer) {
		self.nonces().forget(signer.account());
	}

	/// Signs `call` at `nonce` and sends it without waiting.
	pub async fn send_signed(
		&self,
		signer: &Signer,
		call: Call,
		nonce: Nonce,
	) -> Result<Hash, Error> {
		let xt = self.sign(signer, &call, nonce, self.checkpoint().await?).await?;
		let encoded = format!("0x{}", hex::encode(xt));
		self.rpc().call("author_submitExtrinsic", params![encoded]).await.map_err(|e| match e {
			Error::Refused { code, message, data, .. } => Error::Invalid { code, message, data },
			e => e,
		})
	}

	/// The events of extrinsic `encoded` in block `hash`; an error if its call failed.
	pub async fn receipt(&self, hash: Hash, encoded: &str) -> Result<Receipt, Error> {
		let block: Value = self.rpc().call("chain_getBlock", params![hash]).await?;
		let index = block["block"]["extrinsics"]
			.as_array()
			.and_then(|xts| xts.iter().position(|x| x.as_str() == Some(encoded)))
			.ok_or_else(|| Error::Decode {
				method: "chain_getBlock".into(),
				reason: "the block does not contain the transaction".into(),
			})? as u32;
		let metadata = self.metadata_of_events(hash).await?;
		let events = self.events_with(hash, &metadata).await?;
		let mut mine = Vec::new();
		for record in events {
			if record.phase != Phase::ApplyExtrinsic(index) {
				continue;
			}
			if record.is("System", "ExtrinsicFailed") {
				return Err(match record.as_event::<ExtrinsicFailed>() {
					Some(failed) => dispatch_error::describe(failed.dispatch_error, &metadata),
					None => Error::Decode {
						method: "System.Events".into(),
						reason: "an ExtrinsicFailed event that does not decode".into(),
					},
				});
			}
			mine.push(record);
		}
		Ok(Receipt { block_hash: hash, events: mine })
	}

	/// The error of the call a sudo transaction dispatched, if it failed: sudo reports it
	/// in its `Sudid` event, and the transaction itself succeeds.
	pub async fn sudo_result(&self, receipt: &Receipt) -> Result<(), Error> {
		let metadata = self.metadata_of_events(receipt.block_hash).await?;
		for event in receipt.events.iter().filter_map(|e| e.as_event::<Sudid>()) {
			if let Err(e) = event.sudo_result {
				return Err(dispatch_error::describe(e, &metadata));
			}
		}
		Ok(())
	}

	/// The events of block `hash` this client knows (read with the chain's metadata at
	/// that block: events new in the chain's runtime, or changed, are left out).
	pub async fn events(&self, hash: Hash) -> Result<Vec<EventRecord>, Error> {
		let metadata = self.metadata_of_events(hash).await?;
		self.events_with(hash, &metadata).await
	}

	/// The metadata of the runtime that wrote the events of block `hash`: the one in its
	/// parent's state (a block that sets new code still runs the old one).
	async fn metadata_of_events(&self, hash: Hash) -> Result<Arc<ChainMetadata>, Error> {
		let header: Value = self.rpc().call("chain_getHeader", params![hash]).await?;
		let parent = match header["parentHash"].as_str() {
			Some(p) if crate::client::header_number(&header)? > 0 => {
				serde_json::from_value(Value::String(p.to_string())).map_err(|e| Error::Decode {
					method: "chain_getHeader".into(),
					reason: e.to_string(),
				})?
			}
			_ => hash,
		};
		self.chain_metadata(Some(parent)).await
	}

	async fn events_with(
		&self,
		hash: Hash,
		metadata: &ChainMetadata,
	) -> Result<Vec<EventRecord>, Error> {
		let key = [sp_crypto_hashing::twox_128(b"System"), sp_crypto_hashing::twox_128(b"Events")]
			.concat();
		let Some(bytes) = self.storage(&key, Some(hash)).await? else {
			return Ok(Vec::new());
		};
		let events = metadata.events(&bytes)?;
		if !events.skipped.is_empty() {
			tracing::debug!(block = ?hash, skipped = ?events.skipped, "events unknown to this client");
		}
		Ok(events.records)
	}
}

/// sc-rpc-api's `author_*` error code: the pool found the transaction invalid (the data
/// says why, in `InvalidTransaction`'s own words).
const POOL_INVALID_TX: i32 = 1010;
/// sc-rpc-api's `author_*` error code: a transaction of the same sender and nonce is in
/// the pool already.
const POOL_TOO_LOW_PRIORITY: i32 = 1014;

/// Whether a refused transaction may pass when signed again with a fresh nonce, checkpoint
/// and runtime version: a stale or future nonce, a nonce another transaction took, a
/// signature over an old runtime version (`BadProof`), a checkpoint too old or
/// reorganized away (`AncientBirthBlock`).
fn is_retryable(code: i32, data: Option<&str>) -> bool {
	use sp_runtime::transaction_validity::InvalidTransaction;
	match code {
		POOL_TOO_LOW_PRIORITY => true,
		POOL_INVALID_TX => [
			InvalidTransaction::Stale,
			InvalidTransaction::Future,
			InvalidTransaction::BadProof,
			InvalidTransaction::AncientBirthBlock,
		]
		.into_iter()
		.any(|e| data == Some(<&'static str>::from(e))),
		_ => false,
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn only_refusals_a_fresh_signature_can_cure_are_retried() {
		assert!(is_retryable(1010, Some("Transaction is outdated")));
		assert!(is_retryable(1010, Some("Transaction has a bad signature")));
		assert!(is_retryable(1010, Some("Transaction has an ancient birth block")));
		assert!(is_retryable(1014, None));
		// Not enough funds, a full block, an unknown validity, a ban: signing again
		// does not help.
		assert!(!is_retryable(
			1010,
			Some("Inability to pay some fees (e.g. account balance too low)")
		));
		assert!(!is_retryable(1010, Some("Transaction would exhaust the block limits")));
		assert!(!is_retryable(1011, Some("Stale")));
		assert!(!is_retryable(1012, None));
		assert!(!is_retryable(1010, None));
	}
}
