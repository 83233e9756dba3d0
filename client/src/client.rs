//! [`Client`]: one connection to a node, with the chain's identity and runtime version,
//! storage reads and runtime-API calls.

use std::{
	collections::HashMap,
	sync::{Arc, Mutex},
};

use codec::{Decode, Encode};
use serde::Deserialize;
use serde_json::Value;

use crate::{
	calls::Call,
	compat::{ChainMetadata, METADATA_VERSION},
	rpc::params,
	types::{AccountId, AccountInfo, Balance, BlockNumber, Hash},
	Error, Rpc,
};

/// The runtime this client was built for: its `spec_name`.
pub const EXPECTED_SPEC_NAME: &str = "depin";

/// The parts of the runtime version that signing needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Versions {
	/// `spec_version`: part of every signature.
	pub spec_version: u32,
	/// `transaction_version`: part of every signature.
	pub transaction_version: u32,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RuntimeVersionJson {
	spec_name: String,
	spec_version: u32,
	transaction_version: u32,
	apis: Vec<(String, u32)>,
}

/// A connection to a node of the DePIN chain.
pub struct Client {
	rpc: Rpc,
	genesis: Hash,
	versions: Mutex<Versions>,
	/// The chain's metadata per `spec_version` seen (a runtime upgrade adds one).
	metadata: Mutex<HashMap<u32, Arc<ChainMetadata>>>,
	/// The `spec_version` in the state of blocks already asked about (a block's runtime
	/// never changes), so reading a block's events or calling at it costs no extra RPC.
	spec_at: Mutex<HashMap<Hash, u32>>,
	nonces: crate::tx::Nonces,
	checkpoint: crate::tx::CheckpointCache,
	/// `submit` returns once the transaction's block is finalized, not when it is included.
	finality: bool,
}

fn hex_arg(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

fn from_hex_json(method: &str, value: &str) -> Result<Vec<u8>, Error> {
	hex::decode(value.trim_start_matches("0x"))
		.map_err(|e| Error::Decode { method: method.into(), reason: e.to_string() })
}

fn decode<T: Decode>(method: &str, bytes: &[u8]) -> Result<T, Error> {
	T::decode(&mut &bytes[..]).map_err(|e| Error::Decode {
		method: method.into(),
		reason: format!("{e} (is this client built for the chain's runtime?)"),
	})
}

impl Client {
	/// Connects to `url` and checks that the chain runs a compatible runtime.
	pub async fn connect(url: &str) -> Result<Self, Error> {
		Self::from_rpc(Rpc::connect(url).await?).await
	}

	/// Connects, retrying for up to `timeout` while the node is not up yet.
	pub async fn connect_with_retry(
		url: &str,
		timeout: std::time::Duration,
	) -> Result<Self, Error> {
		Self::from_rpc(Rpc::connect_with_retry(url, timeout).await?).await
	}

	async fn from_rpc(rpc: Rpc) -> Result<Self, Error> {
		let genesis: Hash = rpc.call("chain_getBlockHash", params![0u32]).await?;
		let versions = Self::fetch_versions(&rpc).await?;
		let client = Self {
			rpc,
			genesis,
			versions: Mutex::new(versions),
			metadata: Default::default(),
			spec_at: Default::default(),
			nonces: Default::default(),
			checkpoint: Default::default(),
			finality: false,
		};
		client.chain_metadata(None).await?;
		Ok(client)
	}

	/// This client, whose `submit` waits until the transaction's block is finalized (a
	/// block can still be reverted until then) if `finality`.
	pub fn wait_for_finality(mut self, finality: bool) -> Self {
		self.finality = finality;
		self
	}

	/// Whether `submit` waits for finality.
	pub fn waits_for_finality(&self) -> bool {
		self.finality
	}

	/// The chain's metadata at block `at` (the best block if `None`): read once per
	/// runtime version.
	pub async fn chain_metadata(&self, at: Option<Hash>) -> Result<Arc<ChainMetadata>, Error> {
		let spec_version = match at {
			None => self.versions().spec_version,
			Some(hash) => self.spec_version_at(hash).await?,
		};
		if let Some(known) = self.lock_metadata().get(&spec_version) {
			return Ok(known.clone());
		}
		let method = "Metadata_metadata_at_version";
		let raw: String = self
			.rpc
			.call("state_call", params![method, hex_arg(&METADATA_VERSION.encode()), at])
			.await?;
		let bytes: Option<Vec<u8>> = decode(method, &from_hex_json(method, &raw)?)?;
		let bytes = bytes.ok_or_else(|| {
			Error::IncompatibleRuntime(format!("the chain has no metadata v{METADATA_VERSION}"))
		})?;
		let metadata = Arc::new(ChainMetadata::decode(spec_version, &bytes)?);
		self.lock_metadata().insert(spec_version, metadata.clone());
		Ok(metadata)
	}

	/// The `spec_version` in the state of block `hash`, read once per block.
	async fn spec_version_at(&self, hash: Hash) -> Result<u32, Error> {
		/// Blocks remembered; past it, all are forgotten at once.
		const REMEMBERED: usize = 4096;
		if let Some(known) = self.spec_at.lock().unwrap_or_else(|e| e.into_inner()).get(&hash) {
			return Ok(*known);
		}
		let v: RuntimeVersionJson = self.rpc.call("state_getRuntimeVersion", params![hash]).await?;
		let mut spec_at = self.spec_at.lock().unwrap_or_else(|e| e.into_inner());
		if spec_at.len() >= REMEMBERED {
			spec_at.clear();
		}
		spec_at.insert(hash, v.spec_version);
		Ok(v.spec_version)
	}

	fn lock_metadata(&self) -> std::sync::MutexGuard<'_, HashMap<u32, Arc<ChainMetadata>>> {
		self.metadata.lock().unwrap_or_else(|e| e.into_inner())
	}

	async fn fetch_versions(rpc: &Rpc) -> Result<Versions, Error> {
		let v: RuntimeVersionJson = rpc.call("state_getRuntimeVersion", params![]).await?;
		if v.spec_name != EXPECTED_SPEC_NAME {
			return Err(Error::IncompatibleRuntime(format!(
				"the node runs runtime `{}`, not `{EXPECTED_SPEC_NAME}`",
				v.spec_name
			)));
		}
		// Any version of `DepinApi` will do: each method is checked by its shape when it is
		// called (`compat`), so a runtime that adds methods does not shut clients out.
		let id = hex_arg(&sp_crypto_hashing::blake2_64(b"DepinApi")[..]);
		if !v.apis.iter().any(|(i, _)| *i == id) {
			return Err(Error::IncompatibleRuntime("the chain has no DepinApi".into()));
		}
		Ok(Versions { spec_version: v.spec_version, transaction_version: v.transaction_version })
	}

	/// Re-reads the runtime version and, after a runtime upgrade, the chain's metadata:
	/// signatures need the new version, calls the new indices.
	pub async fn refresh_versions(&self) -> Result<Versions, Error> {
		let v = Self::fetch_versions(&self.rpc).await?;
		*self.versions.lock().unwrap_or_else(|e| e.into_inner()) = v;
		self.chain_metadata(None).await?;
		Ok(v)
	}

	/// Re-reads the runtime version and checks that the chain's runtime still takes
	/// `calls` as this client sends them, has the transaction extensions it signs, and
	/// answers runtime-API methods `queries` (`DepinApi_task`, say) in the shape it reads:
	/// after a runtime upgrade, whether this client can go on.
	pub async fn check_compatible(
		&self,
		calls: &[Call],
		queries: &[&str],
	) -> Result<Versions, Error> {
		let versions = self.refresh_versions().await?;
		let metadata = self.chain_metadata(None).await?;
		metadata.check_extensions()?;
		for call in calls {
			metadata.call_bytes(call)?;
		}
		for query in queries {
			metadata.check_api(query)?;
		}
		Ok(versions)
	}

	/// The runtime version last read.
	pub fn versions(&self) -> Versions {
		*self.versions.lock().unwrap_or_else(|e| e.into_inner())
	}

	/// The genesis hash.
	pub fn genesis(&self) -> Hash {
		self.genesis
	}

	/// `devices.register_device` of `device` by `owner`, with the consent signed by the
	/// device key (for callers that hold both keys: tests, benchmarks, the devnet).
	pub async fn register_device_call(
		&self,
		owner: &AccountId,
		device: &crate::Signer,
		spec: depin_primitives::DeviceSpec,
	) -> Result<Call, Error> {
		let registrations = self.registrations(device.account()).await?;
		let consent = device.consent(owner, &self.genesis, registrations);
		Ok(crate::calls::register_device(device.account().clone(), spec, consent))
	}

	/// How many times `device` was registered: what its next consent signs.
	pub async fn registrations(&self, device: &AccountId) -> Result<u32, Error> {
		self.chain_metadata(None).await?.check_storage("Devices", "Registrations")?;
		let key = map_key("Devices", "Registrations", device);
		match self.storage(&key, None).await? {
			Some(bytes) => decode("Devices.Registrations", &bytes),
			None => Ok(0),
		}
	}

	/// The cached checkpoint of new transactions' mortality.
	pub(crate) fn checkpoint_cache(&self) -> &crate::tx::CheckpointCache {
		&self.checkpoint
	}

	/// Nonces handed out by this client.
	pub(crate) fn nonces(&self) -> &crate::tx::Nonces {
		&self.nonces
	}

	/// The JSON-RPC connection.
	pub fn rpc(&self) -> &Rpc {
		&self.rpc
	}

	/// Number of the best block.
	pub async fn best_number(&self) -> Result<BlockNumber, Error> {
		let header: Value = self.rpc.call("chain_getHeader", params![]).await?;
		header_number(&header)
	}

	/// Hash and number of the last finalized block.
	pub async fn finalized(&self) -> Result<(Hash, BlockNumber), Error> {
		let hash: Hash = self.rpc.call("chain_getFinalizedHead", params![]).await?;
		let header: Value = self.rpc.call("chain_getHeader", params![hash]).await?;
		Ok((hash, header_number(&header)?))
	}

	/// Raw storage at `key` in the best block (or `at`).
	pub async fn storage(&self, key: &[u8], at: Option<Hash>) -> Result<Option<Vec<u8>>, Error> {
		let value: Option<String> =
			self.rpc.call("state_getStorage", params![hex_arg(key), at]).await?;
		value.map(|v| from_hex_json("state_getStorage", &v)).transpose()
	}

	/// Constant `pallet.name` of the chain's runtime (`Market.MaxInputLen`, say).
	pub async fn constant<T: Decode>(&self, pallet: &str, name: &str) -> Result<T, Error> {
		self.chain_metadata(None).await?.constant(pallet, name)
	}

	/// Calls runtime API `method` with SCALE-encoded `args` and decodes the answer; an
	/// error if the method's inputs or output have another shape in the chain's runtime.
	pub async fn runtime_call<R: Decode>(
		&self,
		method: &str,
		args: impl Encode,
		at: Option<Hash>,
	) -> Result<R, Error> {
		self.chain_metadata(at).await?.check_api(method)?;
		let raw: String =
			self.rpc.call("state_call", params![method, hex_arg(&args.encode()), at]).await?;
		decode(method, &from_hex_json(method, &raw)?)
	}

	/// Free balance of `who`.
	pub async fn free_balance(&self, who: &AccountId) -> Result<Balance, Error> {
		Ok(self.account(who).await?.data.free)
	}

	/// The account record (nonce and balances) of `who`.
	pub async fn account(&self, who: &AccountId) -> Result<AccountInfo, Error> {
		self.chain_metadata(None).await?.check_storage("System", "Account")?;
		let key = map_key("System", "Account", who);
		match self.storage(&key, None).await? {
			Some(bytes) => decode("System.Account", &bytes),
			None => Ok(Default::default()),
		}
	}

	/// Total issuance of the native token.
	pub async fn total_issuance(&self) -> Result<Balance, Error> {
		self.chain_metadata(None).await?.check_storage("Balances", "TotalIssuance")?;
		let key = value_key("Balances", "TotalIssuance");
		match self.storage(&key, None).await? {
			Some(bytes) => decode("Balances.TotalIssuance", &bytes),
			None => Ok(0),
		}
	}
}

/// The storage key of value `pallet.item`: the `twox_128` hashes of both names.
pub fn value_key(pallet: &str, item: &str) -> Vec<u8> {
	[sp_crypto_hashing::twox_128(pallet.as_bytes()), sp_crypto_hashing::twox_128(item.as_bytes())]
		.concat()
}

/// The storage key of `key` in map `pallet.item`, whose hasher is `Blake2_128Concat` (the
/// storage shape check compares hashers too): the map's prefix, then the key's
/// `blake2_128` hash and the key itself.
pub fn map_key(pallet: &str, item: &str, key: &impl Encode) -> Vec<u8> {
	hashed_map_key(pallet, item, key, |k| sp_crypto_hashing::blake2_128(k).to_vec())
}

/// The storage key of `key` in map `pallet.item`, whose hasher is `Twox64Concat`: the
/// map's prefix, then the key's `twox_64` hash and the key itself.
pub fn map_key_twox64(pallet: &str, item: &str, key: &impl Encode) -> Vec<u8> {
	hashed_map_key(pallet, item, key, |k| sp_crypto_hashing::twox_64(k).to_vec())
}

/// The map's prefix, then `hash` of the encoded key, then the key itself.
fn hashed_map_key(
	pallet: &str,
	item: &str,
	key: &impl Encode,
	hash: impl Fn(&[u8]) -> Vec<u8>,
) -> Vec<u8> {
	let encoded = key.encode();
	let mut out = value_key(pallet, item);
	out.extend_from_slice(&hash(&encoded));
	out.extend_from_slice(&encoded);
	out
}

/// Whether the block of `header` changed the runtime: its digest carries
/// `RuntimeEnvironmentUpdated` (a runtime upgrade or a change of heap pages).
pub fn runtime_changed(header: &Value) -> bool {
	use sp_runtime::generic::DigestItem;
	header["digest"]["logs"].as_array().is_some_and(|logs| {
		logs.iter().filter_map(|log| hex::decode(log.as_str()?.trim_start_matches("0x")).ok()).any(
			|bytes| {
				matches!(
					DigestItem::decode(&mut &bytes[..]),
					Ok(DigestItem::RuntimeEnvironmentUpdated)
				)
			},
		)
	})
}

/// The number of a header in JSON.
pub fn header_number(header: &Value) -> Result<BlockNumber, Error> {
	header["number"]
		.as_str()
		.and_then(|n| BlockNumber::from_str_radix(n.trim_start_matches("0x"), 16).ok())
		.ok_or_else(|| Error::Decode {
			method: "chain_getHeader".into(),
			reason: "no number".into(),
		})
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_runtime_upgrade_is_seen_in_the_header_digest() {
		use sp_runtime::generic::DigestItem;
		let header = |items: Vec<DigestItem>| {
			let logs: Vec<String> = items.iter().map(|i| hex_arg(&i.encode())).collect();
			serde_json::json!({ "number": "0x5", "digest": { "logs": logs } })
		};
		let aura = DigestItem::PreRuntime(*b"aura", 7u64.encode());
		assert!(!runtime_changed(&header(vec![aura.clone()])));
		assert!(runtime_changed(&header(vec![aura, DigestItem::RuntimeEnvironmentUpdated])));
		assert!(!runtime_changed(&serde_json::json!({ "number": "0x5" })));
	}
}
