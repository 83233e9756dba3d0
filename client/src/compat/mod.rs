//! What the chain runs, against what this client was built for.
//!
//! The client is built for the runtime whose metadata is pinned in
//! `client/metadata/depin.scale` (a test of `depin-runtime` keeps the file equal to the
//! runtime's metadata), and never trusts indices or shapes on a live chain. The chain's
//! own metadata is read at connect and again whenever its `spec_version` changes, and:
//! - a call is looked up by pallet and call name in it and given the chain's indices; if
//!   the call's shape (subxt's metadata hash of its arguments) differs from the pinned
//!   one, the client refuses to sign it — it would send a different call;
//! - signing refuses when the chain's transaction extensions differ from the pinned ones;
//! - events are walked with the chain's metadata: an event this client does not know, or
//!   whose shape changed, is skipped instead of breaking the rest of the block;
//! - module errors are named from the chain's metadata;
//! - storage items and runtime-API methods are read only when their shapes match, and
//!   constants are read from the chain's metadata.

use std::{
	collections::HashMap,
	sync::{Mutex, OnceLock},
};

use codec::{Compact, Decode, Encode};
use scale_decode::visitor::{decode_with_visitor, IgnoreVisitor};
use subxt_metadata::Metadata;

use crate::{
	calls::{Arg, Call},
	events::EventRecord,
	types::{Hash, Phase},
	Error,
};

/// The metadata version read from the chain and compared with the pinned one.
pub const METADATA_VERSION: u32 = 16;

/// The pinned metadata (v16, SCALE-encoded as `Metadata_metadata_at_version` returns it).
pub const PINNED: &[u8] = include_bytes!("../../metadata/depin.scale");

/// The metadata of the runtime this client was built for.
pub fn pinned() -> &'static Metadata {
	static PINNED_METADATA: OnceLock<Metadata> = OnceLock::new();
	PINNED_METADATA.get_or_init(|| {
		// A unit test decodes it.
		Metadata::decode_from(PINNED)
			.unwrap_or_else(|e| panic!("client/metadata/depin.scale does not decode: {e}"))
	})
}

/// A transaction extension's name and the hashes of its explicit and implicit types.
type ExtensionShape = (String, Option<[u8; 32]>, Option<[u8; 32]>);

/// The chain's metadata at one runtime version, as this client uses it.
pub struct ChainMetadata {
	spec_version: u32,
	metadata: Metadata,
	/// Shape checks already made (`call:Market.submit_task`, `api:DepinApi_task`, …) and
	/// their outcome: hashing types is too costly to repeat for every transaction and read.
	checked: Mutex<HashMap<String, Result<(), String>>>,
}

fn incompatible(spec_version: u32, what: String) -> Error {
	Error::IncompatibleRuntime(format!(
		"{what} in the chain's runtime (spec_version {spec_version})"
	))
}

/// A hash of an enum variant's shape: its name, and each field's name and type hash.
fn variant_hash(
	metadata: &Metadata,
	variant: &scale_info::Variant<scale_info::form::PortableForm>,
) -> [u8; 32] {
	let fields: Vec<(Option<&str>, Option<[u8; 32]>)> =
		variant.fields.iter().map(|f| (f.name.as_deref(), metadata.type_hash(f.ty.id))).collect();
	sp_crypto_hashing::blake2_256(&(variant.name.as_str(), fields).encode())
}

impl ChainMetadata {
	/// The chain's metadata from its SCALE encoding (`Metadata_metadata_at_version`).
	pub fn decode(spec_version: u32, bytes: &[u8]) -> Result<Self, Error> {
		let metadata = Metadata::decode_from(bytes).map_err(|e| Error::Decode {
			method: "Metadata_metadata_at_version".into(),
			reason: e.to_string(),
		})?;
		Ok(Self { spec_version, metadata, checked: Default::default() })
	}

	/// The outcome of shape check `key`, made by `check` the first time only.
	fn memo(&self, key: String, check: impl FnOnce() -> Result<(), String>) -> Result<(), Error> {
		let mut checked = self.checked.lock().unwrap_or_else(|e| e.into_inner());
		let outcome = checked.entry(key).or_insert_with(check);
		outcome.clone().map_err(|what| incompatible(self.spec_version, what))
	}

	/// `call` encoded for the chain: its pallet and call indices are the chain's, found by
	/// name; an error if the chain lacks it or its arguments have another shape.
	pub fn call_bytes(&self, call: &Call) -> Result<Vec<u8>, Error> {
		let mut bytes = Vec::new();
		self.encode_call(call, &mut bytes)?;
		Ok(bytes)
	}

	fn encode_call(&self, call: &Call, out: &mut Vec<u8>) -> Result<(), Error> {
		let (name, call_name) = (call.pallet(), call.name());
		let ours = pinned().pallet_by_name(name).ok_or_else(|| {
			Error::IncompatibleRuntime(format!("{call} is unknown to this client"))
		})?;
		let theirs = self
			.metadata
			.pallet_by_name(name)
			.ok_or_else(|| incompatible(self.spec_version, format!("no pallet {name}")))?;
		let their_variant = theirs.call_variant_by_name(call_name).ok_or_else(|| {
			incompatible(self.spec_version, format!("no call {name}.{call_name}"))
		})?;
		self.memo(format!("call:{name}.{call_name}"), || {
			match (theirs.call_hash(call_name), ours.call_hash(call_name)) {
				(Some(t), Some(o)) if t == o => Ok(()),
				_ => {
					Err(format!("{name}.{call_name} takes other arguments than this client sends"))
				}
			}
		})?;
		out.push(theirs.call_index());
		out.push(their_variant.index);
		for arg in call.args() {
			match arg {
				Arg::Encoded(bytes) => out.extend_from_slice(bytes),
				Arg::Call(inner) => self.encode_call(inner, out)?,
			}
		}
		Ok(())
	}

	/// Constant `pallet.name` of the chain's runtime (`Market.MaxInputLen`, say).
	pub fn constant<T: Decode>(&self, pallet: &str, name: &str) -> Result<T, Error> {
		let what = format!("{pallet}.{name}");
		let value = self
			.metadata
			.pallet_by_name(pallet)
			.and_then(|p| p.constant_by_name(name))
			.ok_or_else(|| incompatible(self.spec_version, format!("no constant {what}")))?
			.value();
		let input = &mut &value[..];
		match T::decode(input) {
			Ok(v) if input.is_empty() => Ok(v),
			_ => Err(incompatible(self.spec_version, format!("constant {what} has another type"))),
		}
	}

	/// Refuses to sign when the chain's transaction extensions (names and types) differ
	/// from the pinned ones, which this client encodes.
	pub fn check_extensions(&self) -> Result<(), Error> {
		let shape = |m: &Metadata| -> Vec<ExtensionShape> {
			m.extrinsic()
				.transaction_extensions_to_use_for_encoding()
				.map(|e| {
					(
						e.identifier().to_string(),
						m.type_hash(e.extra_ty()),
						m.type_hash(e.additional_ty()),
					)
				})
				.collect()
		};
		self.memo("extensions".into(), || {
			let theirs = shape(&self.metadata);
			if theirs == shape(pinned()) {
				return Ok(());
			}
			let names: Vec<String> = theirs.into_iter().map(|(n, ..)| n).collect();
			Err(format!("other transaction extensions ({})", names.join(", ")))
		})
	}

	/// An error unless storage item `pallet.entry` has the pinned shape.
	pub fn check_storage(&self, pallet: &str, entry: &str) -> Result<(), Error> {
		let hash = |m: &Metadata| m.pallet_by_name(pallet).and_then(|p| p.storage_hash(entry));
		self.memo(format!("storage:{pallet}.{entry}"), || match hash(&self.metadata) {
			Some(h) if Some(h) == hash(pinned()) => Ok(()),
			Some(_) => Err(format!("{pallet}.{entry} has another shape")),
			None => Err(format!("no storage item {pallet}.{entry}")),
		})
	}

	/// An error unless runtime-API method `api_method` (`DepinApi_device`, say) has the
	/// pinned inputs and output.
	pub fn check_api(&self, api_method: &str) -> Result<(), Error> {
		let Some((api, method)) = api_method.split_once('_') else {
			return Ok(());
		};
		let hash = |m: &Metadata| {
			m.runtime_api_trait_by_name(api)
				.and_then(|t| t.method_by_name(method))
				.map(|m| m.hash())
		};
		self.memo(format!("api:{api_method}"), || match hash(&self.metadata) {
			Some(h) if Some(h) == hash(pinned()) => Ok(()),
			Some(_) => Err(format!("runtime API {api}.{method} has another shape")),
			None => Err(format!("no runtime API {api}.{method}")),
		})
	}

	/// The `Blobs` error a pool refusal of a `blobs` transaction stands for: the runtime
	/// refuses one certain to fail with `InvalidTransaction::Custom(0xB0 + the error's
	/// index)` (`pallet_blobs::REFUSAL_CODE_BASE`).
	pub fn blobs_refusal(&self, code: u8) -> Option<String> {
		const REFUSAL_CODE_BASE: u8 = 0xB0;
		let index = code.checked_sub(REFUSAL_CODE_BASE)?;
		let pallet = self.metadata.pallet_by_name("Blobs")?;
		pallet.error_variant_by_index(index).map(|v| v.name.clone())
	}

	/// Name and documentation of error `error` of the pallet at `pallet_index`.
	pub fn module_error(&self, pallet_index: u8, error: u8) -> Option<(String, String, String)> {
		let pallet = self.metadata.pallet_by_error_index(pallet_index)?;
		let variant = pallet.error_variant_by_index(error)?;
		Some((pallet.name().to_string(), variant.name.clone(), variant.docs.join(" ")))
	}

	/// The events of a block (the SCALE value of `System.Events`), walked with the chain's
	/// metadata. Events with the pinned shape are handed out; the others are counted in
	/// `skipped`.
	pub fn events(&self, bytes: &[u8]) -> Result<Events, Error> {
		let bad = |reason: String| Error::Decode { method: "System.Events".into(), reason };
		let input = &mut &bytes[..];
		let count = Compact::<u32>::decode(input).map_err(|e| bad(e.to_string()))?.0;
		let mut events = Events { records: Vec::new(), skipped: Vec::new() };
		for _ in 0..count {
			let phase = Phase::decode(input).map_err(|e| bad(e.to_string()))?;
			let (pallet_index, event_index) =
				<(u8, u8)>::decode(input).map_err(|e| bad(e.to_string()))?;
			let (pallet, variant) = self
				.metadata
				.pallet_by_event_index(pallet_index)
				.and_then(|p| Some((p, p.event_variant_by_index(event_index)?)))
				.ok_or_else(|| {
					bad(format!(
						"event {pallet_index}/{event_index} is not in the chain's metadata"
					))
				})?;
			let fields_start = *input;
			for field in &variant.fields {
				decode_with_visitor(
					input,
					field.ty.id,
					self.metadata.types(),
					IgnoreVisitor::new(),
				)
				.map_err(|e| bad(format!("{}.{}: {e}", pallet.name(), variant.name)))?;
			}
			let fields = &fields_start[..fields_start.len() - input.len()];
			let topics = Vec::<Hash>::decode(input).map_err(|e| bad(e.to_string()))?;
			if self.is_known_event(pallet.name(), variant) {
				events.records.push(EventRecord {
					phase,
					pallet: pallet.name().to_string(),
					name: variant.name.clone(),
					fields: fields.to_vec(),
					topics,
				});
			} else {
				events.skipped.push(format!("{}.{}", pallet.name(), variant.name));
			}
		}
		Ok(events)
	}

	/// Whether the pinned metadata has this chain event, with the same shape.
	fn is_known_event(
		&self,
		pallet_name: &str,
		variant: &scale_info::Variant<scale_info::form::PortableForm>,
	) -> bool {
		let path = format!("{pallet_name}.{}", variant.name);
		self.memo(format!("event:{path}"), || {
			let ours = pinned()
				.pallet_by_name(pallet_name)
				.and_then(|p| p.event_variants())
				.and_then(|vs| vs.iter().find(|v| v.name == variant.name))
				.ok_or_else(|| format!("no event {path} in the pinned metadata"))?;
			if variant_hash(pinned(), ours) == variant_hash(&self.metadata, variant) {
				Ok(())
			} else {
				Err(format!("event {path} has another shape"))
			}
		})
		.is_ok()
	}
}

/// The events of a block as this client reads them.
#[derive(Debug, Default)]
pub struct Events {
	/// Events this client knows, in order.
	pub records: Vec<EventRecord>,
	/// `Pallet.Event` of the events it does not know (new in the chain's runtime, or with
	/// another shape), in order.
	pub skipped: Vec<String>,
}

#[cfg(test)]
mod tests;
