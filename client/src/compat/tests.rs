//! The client against the pinned metadata (every call, event, storage value and
//! transaction extension it encodes or decodes has the pinned shape), and against chains
//! whose runtime differs: calls moved to other indices, calls with other arguments, new
//! events, other extensions.

use codec::Encode;
use frame_metadata::{v16::RuntimeMetadataV16, RuntimeMetadata, RuntimeMetadataPrefixed};
use scale_info::{form::PortableForm, TypeDef};

use super::*;
use crate::{
	calls,
	events::{self, StaticEvent},
	types::{AccountData, AccountId, AccountInfo},
};

/// The pinned metadata, to be changed into another runtime's.
fn runtime_metadata() -> RuntimeMetadataV16 {
	let prefixed = RuntimeMetadataPrefixed::decode(&mut &PINNED[..]).unwrap();
	match prefixed.1 {
		RuntimeMetadata::V16(m) => m,
		_ => panic!("not v16"),
	}
}

fn chain(m: RuntimeMetadataV16) -> ChainMetadata {
	let bytes =
		RuntimeMetadataPrefixed(frame_metadata::META_RESERVED, RuntimeMetadata::V16(m)).encode();
	ChainMetadata::decode(101, &bytes).unwrap()
}

/// The variants of the enum type `id`.
fn variants(m: &mut RuntimeMetadataV16, id: u32) -> &mut Vec<scale_info::Variant<PortableForm>> {
	let ty = m.types.types.iter_mut().find(|t| t.id == id).unwrap();
	match &mut ty.ty.type_def {
		TypeDef::Variant(v) => &mut v.variants,
		_ => panic!("not an enum"),
	}
}

fn pallet<'a>(
	m: &'a mut RuntimeMetadataV16,
	name: &str,
) -> &'a mut frame_metadata::v16::PalletMetadata<PortableForm> {
	m.pallets.iter_mut().find(|p| p.name == name).unwrap()
}

/// Whether `bytes` are exactly values of the pinned types `types`, one after the other.
fn fits(types: impl IntoIterator<Item = u32>, bytes: &[u8]) -> Result<(), String> {
	let input = &mut &bytes[..];
	for ty in types {
		decode_with_visitor(input, ty, pinned().types(), IgnoreVisitor::new())
			.map_err(|e| e.to_string())?;
	}
	if input.is_empty() {
		Ok(())
	} else {
		Err(format!("{} bytes left over", input.len()))
	}
}

/// The sample `Market.submit_task` call.
fn submit() -> Call {
	calls::samples().into_iter().find(|c| c.name() == "submit_task").unwrap()
}

#[test]
fn the_pinned_metadata_decodes_and_is_v16() {
	assert!(pinned().pallet_by_name("Market").is_some());
	assert!(matches!(runtime_metadata().pallets.len(), 10..));
}

#[test]
fn every_call_is_encoded_as_the_pinned_metadata_describes_it() {
	let same = chain(runtime_metadata());
	let call_ty = pinned().outer_enums().call_enum_ty();
	for call in calls::samples() {
		let bytes = same.call_bytes(&call).unwrap();
		let pallet = pinned().pallet_by_name(call.pallet()).unwrap();
		let variant = pallet.call_variant_by_name(call.name()).unwrap();
		assert_eq!(&bytes[..2], &[pallet.call_index(), variant.index], "{call}");
		fits([call_ty], &bytes).unwrap_or_else(|e| panic!("{call}: {e}"));
	}
	same.check_extensions().unwrap();
	same.check_storage("System", "Account").unwrap();
	same.check_api("DepinApi_device").unwrap();
}

#[test]
fn the_extensions_signed_are_the_pinned_ones_with_their_types() {
	let pinned_exts: Vec<_> =
		pinned().extrinsic().transaction_extensions_to_use_for_encoding().collect();
	let names: Vec<&str> = pinned_exts.iter().map(|e| e.identifier()).collect();
	assert_eq!(names, crate::tx::EXTENSIONS);
	let explicit = crate::tx::extensions(3, 40);
	fits(pinned_exts.iter().map(|e| e.extra_ty()), &explicit).unwrap();
	let v = crate::client::Versions { spec_version: 100, transaction_version: 2 };
	for metadata_hash in [None, Some([4; 32])] {
		let implicit =
			crate::tx::implicit(v, Hash::repeat_byte(1), Hash::repeat_byte(2), metadata_hash);
		fits(pinned_exts.iter().map(|e| e.additional_ty()), &implicit).unwrap();
	}
}

/// The pinned value type of storage item `pallet.entry`.
fn storage_ty(pallet: &str, entry: &str) -> u32 {
	pinned()
		.pallet_by_name(pallet)
		.unwrap()
		.storage()
		.unwrap()
		.entry_by_name(entry)
		.unwrap()
		.value_ty()
}

#[test]
fn storage_values_read_have_the_pinned_types() {
	let info = AccountInfo {
		nonce: 1,
		consumers: 2,
		providers: 3,
		sufficients: 4,
		data: AccountData { free: 5, reserved: 6, frozen: 7, flags: 8 },
	};
	fits([storage_ty("System", "Account")], &info.encode()).unwrap();
	fits([storage_ty("Devices", "Registrations")], &7u32.encode()).unwrap();
	fits([storage_ty("Balances", "TotalIssuance")], &7u128.encode()).unwrap();
}

/// Whether `event`'s encoding fits the fields of the pinned event `E`, whole or (for
/// events read in part) as a prefix.
fn event_fits<E: StaticEvent + Encode>(event: E, whole: bool) {
	let variant = pinned()
		.pallet_by_name(E::PALLET)
		.and_then(|p| p.event_variants())
		.and_then(|vs| vs.iter().find(|v| v.name == E::EVENT))
		.unwrap_or_else(|| panic!("no event {}.{}", E::PALLET, E::EVENT));
	let fields = variant.fields.iter().map(|f| f.ty.id);
	let bytes = event.encode();
	if whole {
		fits(fields, &bytes).unwrap_or_else(|e| panic!("{}.{}: {e}", E::PALLET, E::EVENT));
	} else {
		fits(fields.take(1), &bytes).unwrap_or_else(|e| panic!("{}.{}: {e}", E::PALLET, E::EVENT));
	}
}

#[test]
fn events_read_have_the_pinned_fields() {
	let who = AccountId::new([1; 32]);
	let error = sp_runtime::DispatchError::Other("");
	event_fits(events::ExtrinsicFailed { dispatch_error: error }, false);
	event_fits(events::TransactionFeePaid { who: who.clone(), actual_fee: 3, tip: 0 }, true);
	event_fits(events::Sudid { sudo_result: Err(sp_runtime::DispatchError::BadOrigin) }, true);
	event_fits(
		events::TaskSubmitted {
			task: 1,
			submitter: who.clone(),
			program: [2; 32],
			escrow: 3,
			deposit: 4,
		},
		true,
	);
	event_fits(
		events::DevicePaid {
			task: 1,
			device: who.clone(),
			owner: who.clone(),
			fuel_used: 2,
			amount: 3,
			fee: 4,
			points: 5,
		},
		true,
	);
	let result = depin_primitives::ExecResult { exit: 0, output_hash: [1; 32], fuel_used: 9 };
	event_fits(events::TaskVerified { task: 1, result, agreeing: 2 }, true);
	event_fits(events::RewardsClaimed { owner: who, amount: 5 }, true);
}

#[test]
fn constants_are_read_from_the_chains_metadata() {
	let mut m = runtime_metadata();
	let market = pallet(&mut m, "Market");
	market.constants.iter_mut().find(|c| c.name == "MaxInputLen").unwrap().value = 4096u32.encode();
	let chain = chain(m);
	assert_eq!(chain.constant::<u32>("Market", "MaxInputLen").unwrap(), 4096);
	let err = chain.constant::<u32>("Market", "NoSuchLimit").unwrap_err().to_string();
	assert!(err.contains("no constant Market.NoSuchLimit"), "{err}");
	let err = chain.constant::<u64>("Market", "MaxInputLen").unwrap_err().to_string();
	assert!(err.contains("has another type"), "{err}");
}

#[test]
fn a_call_moved_to_other_indices_is_sent_with_the_chains_indices() {
	let ours = chain(runtime_metadata()).call_bytes(&submit()).unwrap();
	let mut m = runtime_metadata();
	let market = pallet(&mut m, "Market");
	market.index = 77;
	let calls_ty = market.calls.as_ref().unwrap().ty.id;
	for v in variants(&mut m, calls_ty).iter_mut() {
		if v.name == "submit_task" {
			v.index = 42;
		}
	}
	let theirs = chain(m).call_bytes(&submit()).unwrap();
	assert_eq!(&theirs[..2], &[77, 42]);
	assert_eq!(&theirs[2..], &ours[2..]);
}

#[test]
fn a_nested_call_gets_the_chains_indices_too() {
	let mut m = runtime_metadata();
	pallet(&mut m, "System").index = 66;
	let bytes = chain(m).call_bytes(&calls::set_code(vec![1, 2])).unwrap();
	let sudo = pinned().pallet_by_name("Sudo").unwrap();
	assert_eq!(bytes[0], sudo.call_index());
	assert_eq!(bytes[2], 66, "the inner set_code has the chain's System index");
}

#[test]
fn a_call_with_other_arguments_is_refused() {
	let mut m = runtime_metadata();
	let calls_ty = pallet(&mut m, "Market").calls.as_ref().unwrap().ty.id;
	// `input` becomes a u32 where the client sends bytes.
	let u32_ty = m
		.types
		.types
		.iter()
		.find(|t| matches!(t.ty.type_def, TypeDef::Primitive(scale_info::TypeDefPrimitive::U32)))
		.unwrap()
		.id;
	for v in variants(&mut m, calls_ty).iter_mut() {
		if v.name == "submit_task" {
			v.fields.iter_mut().find(|f| f.name.as_deref() == Some("input")).unwrap().ty =
				u32_ty.into();
		}
	}
	let changed = chain(m);
	let err = changed.call_bytes(&submit()).unwrap_err().to_string();
	assert!(err.contains("Market.submit_task takes other arguments"), "{err}");
	// Other calls are still sent.
	changed.call_bytes(&calls::heartbeat()).unwrap();
}

#[test]
fn a_removed_call_is_refused() {
	let mut m = runtime_metadata();
	let calls_ty = pallet(&mut m, "Rewards").calls.as_ref().unwrap().ty.id;
	variants(&mut m, calls_ty).retain(|v| v.name != "claim");
	let err = chain(m).call_bytes(&calls::claim()).unwrap_err().to_string();
	assert!(err.contains("no call Rewards.claim"), "{err}");
}

#[test]
fn other_transaction_extensions_are_refused() {
	let mut m = runtime_metadata();
	// One extension is replaced by another (the same types, another name).
	m.extrinsic.transaction_extensions.last_mut().unwrap().identifier = "CheckMetadataHash".into();
	let err = chain(m).check_extensions().unwrap_err().to_string();
	assert!(err.contains("other transaction extensions"), "{err}");
}

/// `Rewards.RewardsClaimed`'s fields.
fn claimed() -> events::RewardsClaimed {
	events::RewardsClaimed { owner: AccountId::new([1; 32]), amount: 5 }
}

/// One `System.Events` entry: phase, indices, fields, no topics.
fn event_bytes(phase: Phase, indices: [u8; 2], fields: &[u8], out: &mut Vec<u8>) {
	(phase, indices).encode_to(out);
	out.extend_from_slice(fields);
	Vec::<Hash>::new().encode_to(out);
}

fn event_index(m: &Metadata, pallet: &str, name: &str) -> [u8; 2] {
	let p = m.pallet_by_name(pallet).unwrap();
	[p.event_index(), p.event_variants().unwrap().iter().find(|v| v.name == name).unwrap().index]
}

#[test]
fn events_are_read_with_the_chains_metadata_and_unknown_ones_are_skipped() {
	// A chain whose Rewards pallet has one more event, at index 0: the known ones move.
	let mut m = runtime_metadata();
	let rewards = pallet(&mut m, "Rewards");
	let events_ty = rewards.event.as_ref().unwrap().ty.id;
	let rewards_index = rewards.index;
	let vs = variants(&mut m, events_ty);
	for v in vs.iter_mut() {
		v.index += 1;
	}
	vs.push(scale_info::Variant {
		name: "Upgraded".into(),
		fields: vec![],
		index: 0,
		docs: vec![],
	});
	let chain = chain(m);

	// Their bytes: the new event, then `RewardsClaimed` at its new index.
	let [_, claimed_index] = event_index(pinned(), "Rewards", "RewardsClaimed");
	let phase = Phase::ApplyExtrinsic(1);
	let mut bytes = codec::Compact(2u32).encode();
	event_bytes(phase, [rewards_index, 0], &[], &mut bytes);
	event_bytes(phase, [rewards_index, claimed_index + 1], &claimed().encode(), &mut bytes);

	let events = chain.events(&bytes).unwrap();
	assert_eq!(events.skipped, vec!["Rewards.Upgraded".to_string()]);
	assert_eq!(events.records.len(), 1);
	assert_eq!(events.records[0].phase, phase);
	assert_eq!(events.records[0].as_event::<events::RewardsClaimed>(), Some(claimed()));
	assert_eq!(events.records[0].as_event::<events::Sudid>(), None);
}

#[test]
fn an_event_with_another_shape_is_skipped() {
	let mut m = runtime_metadata();
	let rewards = pallet(&mut m, "Rewards");
	let events_ty = rewards.event.as_ref().unwrap().ty.id;
	for v in variants(&mut m, events_ty).iter_mut() {
		if v.name == "RewardsClaimed" {
			v.fields.pop();
		}
	}
	let chain = chain(m);
	let mut bytes = codec::Compact(1u32).encode();
	let owner_only = claimed().owner.encode();
	let indices = event_index(pinned(), "Rewards", "RewardsClaimed");
	event_bytes(Phase::Finalization, indices, &owner_only, &mut bytes);
	let events = chain.events(&bytes).unwrap();
	assert!(events.records.is_empty());
	assert_eq!(events.skipped, vec!["Rewards.RewardsClaimed".to_string()]);
}

#[test]
fn module_errors_are_named_from_the_chains_metadata() {
	let mut m = runtime_metadata();
	pallet(&mut m, "Market").index = 99;
	let chain = chain(m);
	let queue_full = chain.module_error(99, market_error_index("QueueFull")).unwrap();
	assert_eq!((queue_full.0.as_str(), queue_full.1.as_str()), ("Market", "QueueFull"));
}

fn market_error_index(name: &str) -> u8 {
	let market = pinned().pallet_by_name("Market").unwrap();
	market.error_variants().unwrap().iter().find(|v| v.name == name).unwrap().index
}

#[test]
fn pool_refusals_of_blobs_transactions_name_the_pallet_s_errors() {
	let metadata = chain(runtime_metadata());
	assert_eq!(metadata.blobs_refusal(0xB0 + 2).as_deref(), Some("AlreadyStored"));
	assert_eq!(metadata.blobs_refusal(0xB0 + 3).as_deref(), Some("UnknownChunk"));
	assert_eq!(metadata.blobs_refusal(0xB0 + 12).as_deref(), Some("RenewedTooSoon"));
	assert_eq!(metadata.blobs_refusal(0xAF), None, "below the range");
	assert_eq!(metadata.blobs_refusal(0xFF), None, "no such error");
}
