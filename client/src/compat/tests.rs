//! The client against chains whose runtime differs from the compiled one: calls moved to
//! other indices, calls with other arguments, new events, other extensions.

use codec::Encode;
use depin_runtime::{RuntimeCall, RuntimeEvent};
use frame_metadata::{v16::RuntimeMetadataV16, RuntimeMetadata, RuntimeMetadataPrefixed};
use scale_info::{form::PortableForm, TypeDef};

use super::*;

/// The compiled runtime's metadata, to be changed into another runtime's.
fn runtime_metadata() -> RuntimeMetadataV16 {
	let bytes = depin_runtime::Runtime::metadata_at_version(METADATA_VERSION).unwrap().to_vec();
	let prefixed = RuntimeMetadataPrefixed::decode(&mut &bytes[..]).unwrap();
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

fn submit() -> RuntimeCall {
	let params = depin_primitives::TaskParams {
		max_fuel: 1_000_000,
		fuel_price: 1,
		replicas: 3,
		memory_mib: 16,
		deadline: 100,
		portable: false,
	};
	crate::calls::submit_task([7; 32], vec![1, 2, 3], params)
}

#[test]
fn on_the_compiled_runtime_calls_are_encoded_as_compiled() {
	let same = chain(runtime_metadata());
	for call in
		[submit(), crate::calls::heartbeat(), crate::calls::claim(), crate::calls::cancel_task(5)]
	{
		assert_eq!(same.call_bytes(&call).unwrap(), call.encode());
	}
	same.check_extensions().unwrap();
	same.check_storage("System", "Account").unwrap();
	same.check_api("DepinApi_device").unwrap();
}

#[test]
fn a_call_moved_to_other_indices_is_sent_with_the_chains_indices() {
	let mut m = runtime_metadata();
	let market = pallet(&mut m, "Market");
	market.index = 77;
	let calls_ty = market.calls.as_ref().unwrap().ty.id;
	for v in variants(&mut m, calls_ty).iter_mut() {
		if v.name == "submit_task" {
			v.index = 42;
		}
	}
	let moved = chain(m);
	let ours = submit().encode();
	let theirs = moved.call_bytes(&submit()).unwrap();
	assert_eq!(&theirs[..2], &[77, 42]);
	assert_eq!(&theirs[2..], &ours[2..]);
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
	changed.call_bytes(&crate::calls::heartbeat()).unwrap();
}

#[test]
fn a_removed_call_is_refused() {
	let mut m = runtime_metadata();
	let calls_ty = pallet(&mut m, "Rewards").calls.as_ref().unwrap().ty.id;
	variants(&mut m, calls_ty).retain(|v| v.name != "claim");
	let err = chain(m).call_bytes(&crate::calls::claim()).unwrap_err().to_string();
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

fn record(event: RuntimeEvent) -> EventRecord {
	EventRecord { phase: frame_system::Phase::ApplyExtrinsic(1), event, topics: vec![] }
}

fn paid() -> RuntimeEvent {
	RuntimeEvent::Rewards(pallet_rewards::Event::RewardsClaimed {
		owner: [1; 32].into(),
		amount: 5,
	})
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

	// Their bytes: the new event, then `Claimed` at its new index.
	let ours = paid().encode();
	let mut theirs_claimed = vec![ours[0], ours[1] + 1];
	theirs_claimed.extend_from_slice(&ours[2..]);
	let phase = frame_system::Phase::ApplyExtrinsic(1);
	let mut bytes = codec::Compact(2u32).encode();
	(phase.clone(), [rewards_index, 0u8], Vec::<Hash>::new()).encode_to(&mut bytes);
	phase.encode_to(&mut bytes);
	bytes.extend(theirs_claimed);
	Vec::<Hash>::new().encode_to(&mut bytes);

	let events = chain.events(&bytes).unwrap();
	assert_eq!(events.skipped, vec!["Rewards.Upgraded".to_string()]);
	assert_eq!(events.records.len(), 1);
	assert_eq!(events.records[0].event, paid());
}

#[test]
fn events_of_the_compiled_runtime_decode_as_compiled() {
	let records = vec![
		record(paid()),
		record(RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess {
			dispatch_info: Default::default(),
		})),
	];
	let events = chain(runtime_metadata()).events(&records.encode()).unwrap();
	assert!(events.skipped.is_empty());
	assert_eq!(events.records, records);
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
	let m = compiled();
	let market = m.pallet_by_name("Market").unwrap();
	market.error_variants().unwrap().iter().find(|v| v.name == name).unwrap().index
}
