//! Signed transactions: building (the runtime's exact extension tuple), nonce tracking,
//! submission, and the receipt with the extrinsic's events.

use std::{
	collections::HashMap,
	sync::Mutex,
	time::{Duration, Instant},
};

use codec::{Decode, Encode};
use depin_runtime::{
	AccountId, Address, BlockNumber, Hash, Nonce, RuntimeCall, RuntimeEvent, SignedPayload,
	TxExtension, UncheckedExtrinsic,
};
use serde::Deserialize;
use serde_json::Value;
use sp_runtime::{generic::Era, MultiSignature};

use crate::{dispatch_error, rpc::params, Client, Error, Signer};

/// How long a transaction may take to be included in a block.
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
	/// Its events, in order.
	pub events: Vec<RuntimeEvent>,
}

impl Receipt {
	/// The transaction fee the signer paid (from `TransactionFeePaid`).
	pub fn fee(&self) -> depin_runtime::Balance {
		self.events
			.iter()
			.filter_map(|e| match e {
				RuntimeEvent::TransactionPayment(
					pallet_transaction_payment::Event::TransactionFeePaid { actual_fee, .. },
				) => Some(*actual_fee),
				_ => None,
			})
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

/// The extension tuple for `nonce`, valid for `MORTAL_PERIOD` blocks from checkpoint block
/// `from`, no tip.
fn extensions(nonce: Nonce, from: BlockNumber) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(Era::mortal(MORTAL_PERIOD, from as u64)),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_system::WeightReclaim::new(),
	)
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
	/// `checkpoint` (`Client::checkpoint`).
	pub fn sign(
		&self,
		signer: &Signer,
		call: RuntimeCall,
		nonce: Nonce,
		checkpoint: Checkpoint,
	) -> UncheckedExtrinsic {
		let v = self.versions();
		let (from, from_hash) = checkpoint;
		let ext = extensions(nonce, from);
		let implicit =
			((), v.spec_version, v.transaction_version, self.genesis(), from_hash, (), (), (), ());
		let payload = SignedPayload::from_raw(call.clone(), ext.clone(), implicit);
		let signature = payload.using_encoded(|bytes| signer.sign(bytes));
		UncheckedExtrinsic::new_signed(
			call,
			Address::Id(signer.account().clone()),
			MultiSignature::Sr25519(signature),
			ext,
		)
	}

	/// The next nonce of `who` according to the node (pool included).
	pub async fn chain_nonce(&self, who: &AccountId) -> Result<Nonce, Error> {
		use sp_core::crypto::Ss58Codec;
		self.rpc().call("system_accountNextIndex", params![who.to_ss58check()]).await
	}

	/// Signs and submits `call`, waits until it is in a block, and returns its events, or
	/// the call's error. A stale nonce or an outdated runtime version is refreshed and the
	/// transaction sent once more.
	pub async fn submit(&self, signer: &Signer, call: RuntimeCall) -> Result<Receipt, Error> {
		match self.submit_once(signer, call.clone()).await {
			Err(Error::Invalid(reason)) if is_retryable(&reason) => {
				self.nonces().forget(signer.account());
				self.checkpoint_cache().forget();
				self.refresh_versions().await?;
				self.submit_once(signer, call).await
			}
			other => other,
		}
	}

	async fn submit_once(&self, signer: &Signer, call: RuntimeCall) -> Result<Receipt, Error> {
		let on_chain = self.chain_nonce(signer.account()).await?;
		let nonce = self.nonces().take(signer.account(), on_chain);
		let xt = self.sign(signer, call, nonce, self.checkpoint().await?);
		let encoded = format!("0x{}", hex::encode(xt.encode()));
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
			Err(Error::Rpc { reason, .. }) => {
				self.nonces().forget(signer.account());
				return Err(Error::Invalid(reason));
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
				Ok(Some(Status::InBlock(hash) | Status::Finalized(hash))) => {
					return self.receipt(hash, &encoded).await;
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
	pub async fn submit_nowait(&self, signer: &Signer, call: RuntimeCall) -> Result<Hash, Error> {
		let on_chain = self.chain_nonce(signer.account()).await?;
		let nonce = self.nonces().take(signer.account(), on_chain);
		self.send_signed(signer, call, nonce).await
	}

	/// Signs `call` at `nonce` and sends it without waiting.
	pub async fn send_signed(
		&self,
		signer: &Signer,
		call: RuntimeCall,
		nonce: Nonce,
	) -> Result<Hash, Error> {
		let xt = self.sign(signer, call, nonce, self.checkpoint().await?);
		let encoded = format!("0x{}", hex::encode(xt.encode()));
		self.rpc().call("author_submitExtrinsic", params![encoded]).await.map_err(|e| match e {
			Error::Rpc { reason, .. } => Error::Invalid(reason),
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
		let events = self.events(hash).await?;
		let mut mine = Vec::new();
		for record in events {
			if record.phase != frame_system::Phase::ApplyExtrinsic(index) {
				continue;
			}
			if let RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
				dispatch_error,
				..
			}) = &record.event
			{
				return Err(dispatch_error::describe(*dispatch_error));
			}
			mine.push(record.event);
		}
		Ok(Receipt { block_hash: hash, events: mine })
	}

	/// All events of block `hash`.
	pub async fn events(
		&self,
		hash: Hash,
	) -> Result<Vec<frame_system::EventRecord<RuntimeEvent, Hash>>, Error> {
		let key = [sp_crypto_hashing::twox_128(b"System"), sp_crypto_hashing::twox_128(b"Events")]
			.concat();
		match self.storage(&key, Some(hash)).await? {
			Some(bytes) => {
				Vec::<frame_system::EventRecord<RuntimeEvent, Hash>>::decode(&mut &bytes[..])
					.map_err(|e| Error::Decode {
						method: "System.Events".into(),
						reason: format!("{e} (is this client built for the chain's runtime?)"),
					})
			}
			None => Ok(Vec::new()),
		}
	}
}

fn is_retryable(reason: &str) -> bool {
	// `AncientBirthBlock`: the checkpoint is too old (or was reorganized away).
	[
		"Stale",
		"Future",
		"Priority is too low",
		"bad signature",
		"BadProof",
		"AncientBirthBlock",
		"ancient birth block",
	]
	.iter()
	.any(|m| reason.contains(m))
}
