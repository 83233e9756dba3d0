//! What the chain runs, against what this client was built for.
//!
//! The client builds calls and reads events with the runtime types it was compiled with,
//! but never trusts their indices or shapes on a live chain. The chain's own metadata is
//! read at connect and again whenever its `spec_version` changes, and:
//! - a call is looked up by pallet and call name in it and re-indexed; if the call's
//!   shape (subxt's metadata hash of its arguments) differs from the compiled one, the
//!   client refuses to sign it — it would send a different call;
//! - signing refuses when the chain's transaction extensions differ from the compiled
//!   ones;
//! - events are walked with the chain's metadata: an event this client does not know, or
//!   whose shape changed, is skipped instead of breaking the rest of the block;
//! - module errors are named from the chain's metadata;
//! - storage items and runtime-API methods are read only when their shapes match.

use std::{
	collections::HashMap,
	sync::{Mutex, OnceLock},
};

use codec::{Compact, Decode, Encode};
use depin_runtime::{Hash, RuntimeCall, RuntimeEvent};
use scale_decode::visitor::{decode_with_visitor, IgnoreVisitor};
use subxt_metadata::Metadata;

use crate::Error;

/// The metadata version read from the chain and compared with the compiled one.
pub const METADATA_VERSION: u32 = 16;

/// An event of a block, decoded with the compiled types.
pub type EventRecord = frame_system::EventRecord<RuntimeEvent, Hash>;

/// The metadata of the runtime this client was compiled with.
pub fn compiled() -> &'static Metadata {
	static COMPILED: OnceLock<Metadata> = OnceLock::new();
	COMPILED.get_or_init(|| {
		// The runtime has metadata v16 and it decodes: a unit test checks both.
		let bytes = depin_runtime::Runtime::metadata_at_version(METADATA_VERSION)
			.unwrap_or_else(|| panic!("the compiled runtime has no metadata v{METADATA_VERSION}"));
		Metadata::decode_from(&bytes[..])
			.unwrap_or_else(|e| panic!("the compiled runtime's metadata does not decode: {e}"))
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
	pub fn call_bytes(&self, call: &RuntimeCall) -> Result<Vec<u8>, Error> {
		let encoded = call.encode();
		let ours = compiled();
		let (pallet, variant) = encoded
			.first()
			.zip(encoded.get(1))
			.and_then(|(p, c)| {
				let pallet = ours.pallet_by_call_index(*p)?;
				Some((pallet, pallet.call_variant_by_index(*c)?))
			})
			.ok_or_else(|| Error::IncompatibleRuntime("a call unknown to this client".into()))?;
		let (name, call_name) = (pallet.name(), variant.name.as_str());
		let theirs = self
			.metadata
			.pallet_by_name(name)
			.ok_or_else(|| incompatible(self.spec_version, format!("no pallet {name}")))?;
		let their_variant = theirs.call_variant_by_name(call_name).ok_or_else(|| {
			incompatible(self.spec_version, format!("no call {name}.{call_name}"))
		})?;
		self.memo(format!("call:{name}.{call_name}"), || {
			if theirs.call_hash(call_name) == pallet.call_hash(call_name) {
				Ok(())
			} else {
				Err(format!("{name}.{call_name} takes other arguments than this client sends"))
			}
		})?;
		let mut bytes = Vec::with_capacity(encoded.len());
		bytes.push(theirs.call_index());
		bytes.push(their_variant.index);
		bytes.extend_from_slice(&encoded[2..]);
		Ok(bytes)
	}

	/// Refuses to sign when the chain's transaction extensions (names and types) differ
	/// from those this client encodes.
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
			if theirs == shape(compiled()) {
				return Ok(());
			}
			let names: Vec<String> = theirs.into_iter().map(|(n, ..)| n).collect();
			Err(format!("other transaction extensions ({})", names.join(", ")))
		})
	}

	/// An error unless storage item `pallet.entry` has the compiled shape.
	pub fn check_storage(&self, pallet: &str, entry: &str) -> Result<(), Error> {
		let hash = |m: &Metadata| m.pallet_by_name(pallet).and_then(|p| p.storage_hash(entry));
		self.memo(format!("storage:{pallet}.{entry}"), || match hash(&self.metadata) {
			Some(h) if Some(h) == hash(compiled()) => Ok(()),
			Some(_) => Err(format!("{pallet}.{entry} has another shape")),
			None => Err(format!("no storage item {pallet}.{entry}")),
		})
	}

	/// An error unless runtime-API method `api_method` (`DepinApi_device`, say) has the
	/// compiled inputs and output.
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
			Some(h) if Some(h) == hash(compiled()) => Ok(()),
			Some(_) => Err(format!("runtime API {api}.{method} has another shape")),
			None => Err(format!("no runtime API {api}.{method}")),
		})
	}

	/// Name and documentation of error `error` of the pallet at `pallet_index`.
	pub fn module_error(&self, pallet_index: u8, error: u8) -> Option<(String, String, String)> {
		let pallet = self.metadata.pallet_by_error_index(pallet_index)?;
		let variant = pallet.error_variant_by_index(error)?;
		Some((pallet.name().to_string(), variant.name.clone(), variant.docs.join(" ")))
	}

	/// The events of a block (the SCALE value of `System.Events`), walked with the chain's
	/// metadata. Events this client knows with the same shape are decoded with the
	/// compiled types; the others are counted in `skipped`.
	pub fn events(&self, bytes: &[u8]) -> Result<Events, Error> {
		let bad = |reason: String| Error::Decode { method: "System.Events".into(), reason };
		let input = &mut &bytes[..];
		let count = Compact::<u32>::decode(input).map_err(|e| bad(e.to_string()))?.0;
		let mut events = Events { records: Vec::new(), skipped: Vec::new() };
		for _ in 0..count {
			let phase = frame_system::Phase::decode(input).map_err(|e| bad(e.to_string()))?;
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
			match self.known_event(pallet.name(), variant, fields) {
				Some(event) => events.records.push(EventRecord { phase, event, topics }),
				None => events.skipped.push(format!("{}.{}", pallet.name(), variant.name)),
			}
		}
		Ok(events)
	}

	/// The compiled event for a chain event with these `fields`, if this client knows the
	/// event with the same shape.
	fn known_event(
		&self,
		pallet_name: &str,
		variant: &scale_info::Variant<scale_info::form::PortableForm>,
		fields: &[u8],
	) -> Option<RuntimeEvent> {
		let ours = compiled().pallet_by_name(pallet_name)?;
		let our_variant = ours.event_variants()?.iter().find(|v| v.name == variant.name)?;
		if variant_hash(compiled(), our_variant) != variant_hash(&self.metadata, variant) {
			return None;
		}
		let mut bytes = Vec::with_capacity(fields.len() + 2);
		bytes.push(ours.event_index());
		bytes.push(our_variant.index);
		bytes.extend_from_slice(fields);
		let input = &mut &bytes[..];
		let event = RuntimeEvent::decode(input).ok()?;
		input.is_empty().then_some(event)
	}
}

/// The events of a block as this client reads them.
#[derive(Debug, Default)]
pub struct Events {
	/// Events this client knows, decoded, in order.
	pub records: Vec<EventRecord>,
	/// `Pallet.Event` of the events it does not know (new in the chain's runtime, or with
	/// another shape), in order.
	pub skipped: Vec<String>,
}

#[cfg(test)]
mod tests;
