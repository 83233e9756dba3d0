//! Runtime-level checks: genesis presets build, limits fit each other. (The pallets'
//! `integrity_test`s run in `__construct_runtime_integrity_test`, generated with the
//! runtime.)

use crate::{
	configs::{depin::MAX_PROGRAM_LEN, RuntimeBlockLength},
	genesis_config_presets::{get_preset, preset_names, ENDOWMENT},
	Balance, Balances, Runtime, RuntimeGenesisConfig,
};
use frame_support::{dispatch::DispatchClass, traits::fungible::Inspect};
use sp_keyring::Sr25519Keyring;
use sp_runtime::BuildStorage;

fn build(preset: &str) -> sp_io::TestExternalities {
	let id = sp_genesis_builder::PresetId::from(preset);
	let patch = get_preset(&id).expect("preset exists");
	let mut config = RuntimeGenesisConfig::default();
	let json: serde_json::Value = serde_json::from_slice(&patch).unwrap();
	let mut base = serde_json::to_value(&config).unwrap();
	json_merge(&mut base, json);
	config = serde_json::from_value(base).expect("preset matches the genesis config");
	config.build_storage().expect("genesis builds").into()
}

fn json_merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(b), serde_json::Value::Object(p)) => {
			for (k, v) in p {
				json_merge(b.entry(k).or_insert(serde_json::Value::Null), v);
			}
		}
		(b, p) => *b = p,
	}
}

#[test]
fn every_preset_builds_and_endows_the_dev_accounts() {
	for id in preset_names() {
		let name: String = AsRef::<str>::as_ref(&id).to_string();
		build(&name).execute_with(|| {
			for key in [Sr25519Keyring::Alice, Sr25519Keyring::Ferdie, Sr25519Keyring::Two] {
				assert_eq!(Balances::balance(&key.to_account_id()), ENDOWMENT, "{name}");
			}
			let aura = pallet_aura::Authorities::<Runtime>::get().len();
			assert_eq!(aura, if name == "development" { 1 } else { 2 }, "{name}");
		});
	}
}

/// A chain spec that endows nobody still has a treasury able to receive protocol fees:
/// a fee below the existential deposit to a missing account cannot be paid, and then
/// neither can the device it comes with (every verified task would fail to settle).
#[test]
fn the_fee_destination_exists_whatever_the_genesis_endows() {
	let mut ext: sp_io::TestExternalities =
		RuntimeGenesisConfig::default().build_storage().expect("genesis builds").into();
	ext.execute_with(|| {
		let treasury = crate::configs::depin::TreasuryAccount::get();
		assert_eq!(Balances::balance(&treasury), Balances::minimum_balance());
	});
}

#[test]
fn unknown_preset_is_none() {
	assert!(get_preset(&sp_genesis_builder::PresetId::from("nope")).is_none());
}

#[test]
fn a_largest_program_fits_in_a_block() {
	let normal = *RuntimeBlockLength::get().max.get(DispatchClass::Normal);
	// The extrinsic adds a signature, extensions and the call index to the code.
	assert!(
		normal >= MAX_PROGRAM_LEN + 1024,
		"normal block length {normal} < program {MAX_PROGRAM_LEN}"
	);
}

#[test]
fn a_block_full_of_tiny_chunks_pays_for_the_block_length() {
	use frame_support::traits::Get;
	let charged: u32 = <Runtime as pallet_blobs::Config>::MinChargedBytes::get();
	let slots: u32 = <Runtime as pallet_blobs::Config>::MaxBlockChunks::get();
	let normal = *RuntimeBlockLength::get().max.get(DispatchClass::Normal);
	// Whoever takes every chunk slot of a block pays for at least the bytes the block could
	// have carried for others.
	assert!(
		u64::from(charged) * u64::from(slots) >= u64::from(normal),
		"{slots} slots of {charged} bytes < block length {normal}"
	);
}

#[test]
fn paying_oneself_never_mints_more_than_it_costs_in_fees() {
	let fee: sp_runtime::Perbill = <Runtime as pallet_market::Config>::ProtocolFee::get();
	let mint: sp_runtime::Perbill = <Runtime as pallet_rewards::Config>::MintRatio::get();
	assert!(mint <= fee, "mint ratio {mint:?} above the protocol fee {fee:?}");
}

#[test]
fn slashes_make_withholding_no_better_than_lying() {
	let wrong = <Runtime as pallet_verification::Config>::WrongResultSlash::get();
	let timeout = <Runtime as pallet_market::Config>::TimeoutSlash::get();
	let reveal = <Runtime as pallet_verification::Config>::RevealTimeoutSlash::get();
	// A withheld reveal after a verdict costs `WrongResultSlash` (pallet logic); without a
	// verdict the smaller slashes apply, and declining costs only a fee.
	assert!(reveal <= wrong && timeout <= wrong && !timeout.is_zero());
}

#[test]
fn declining_costs_less_than_timing_out() {
	let decline: Balance = <Runtime as pallet_market::Config>::DeclineFee::get();
	let timeout = <Runtime as pallet_market::Config>::TimeoutSlash::get();
	let bond: Balance = <Runtime as pallet_devices::Config>::MinBond::get();
	// A device that cannot run a task must prefer declining to letting it time out.
	assert!(decline * 10 <= timeout * bond, "decline fee {decline} vs timeout slash");
}

#[test]
fn fees_rise_with_congestion_and_never_fall_below_the_weight_price() {
	use frame_support::traits::Hooks;
	use pallet_transaction_payment::{Multiplier, NextFeeMultiplier};
	use sp_runtime::traits::One;
	let normal_max = crate::configs::RuntimeBlockWeights::get()
		.get(DispatchClass::Normal)
		.max_total
		.expect("normal blocks have a limit");
	build(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let block = |n: u32, weight| {
			frame_system::Pallet::<Runtime>::set_block_consumed_resources(weight, 0);
			crate::TransactionPayment::on_finalize(n);
			NextFeeMultiplier::<Runtime>::get()
		};
		assert_eq!(NextFeeMultiplier::<Runtime>::get(), Multiplier::one());
		let mut last = Multiplier::one();
		for n in 1..=100 {
			let next = block(n, normal_max);
			assert!(next > last, "a full block raises the fee multiplier");
			last = next;
		}
		for n in 101..=1_100 {
			let next = block(n, frame_support::weights::Weight::zero());
			assert!(next <= last && next >= Multiplier::one(), "empty blocks lower it to 1");
			last = next;
		}
		assert_eq!(last, Multiplier::one());
	});
}

/// The transaction extensions of a signed extrinsic as a device or a dApp sends it
/// (mortal, its metadata hash checked).
fn signed_extension() -> crate::TxExtension {
	crate::tx_extension(sp_runtime::generic::Era::mortal(64, 1), u32::MAX, true)
}

#[test]
fn heartbeats_of_every_device_fit_in_a_third_of_the_normal_blocks() {
	use frame_support::{dispatch::GetDispatchInfo, traits::Get};
	use sp_runtime::traits::TransactionExtension;
	let weights = crate::configs::RuntimeBlockWeights::get();
	let normal = weights.get(DispatchClass::Normal);
	// A third of what normal transactions may fill: a quarter of the whole block.
	let budget = normal.max_total.expect("normal blocks have a limit").ref_time() / 3;
	// What a heartbeat is charged, as the chain charges it: its call, the base weight of
	// an extrinsic and the transaction extensions.
	let call = crate::RuntimeCall::Devices(pallet_devices::Call::heartbeat {});
	let one = (call.get_dispatch_info().call_weight
		+ normal.base_extrinsic
		+ signed_extension().weight(&call))
	.ref_time();
	let devices: u32 = <Runtime as pallet_devices::Config>::MaxDevices::get();
	let period: u32 = <Runtime as pallet_devices::Config>::HeartbeatPeriod::get();
	let per_block = (devices as u64).div_ceil(period as u64);
	assert!(
		per_block * one <= budget,
		"{per_block} heartbeats per block × {one} ps > a third of a normal block ({budget} ps)"
	);
}

#[test]
fn the_storage_fee_of_an_output_blob_pays_back_every_chunk_transaction_and_no_more() {
	use crate::{configs::depin::ChainData, Blobs, RuntimeCall, TransactionPayment};
	use codec::Encode;
	use depin_primitives::{data::MAX_CHUNK_LEN, StoredData};
	use sp_runtime::{MultiAddress, MultiSignature};
	build(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		// A signed `blobs.store` as a device sends it (the signature is not checked here).
		let extension = signed_extension();
		type Data = ChainData;
		let store = |size: u32| pallet_blobs::Call::store { data: vec![7; size as usize] };
		let renew = |_: u32| pallet_blobs::Call::renew { hash: [7; 32] };
		let fee = <Data as StoredData<crate::AccountId, _, Balance>>::fee;
		let renew_fee = <Data as StoredData<crate::AccountId, _, Balance>>::renew_fee;
		// A call by its size, and what storing that size pays back.
		type Case<'a> =
			(&'a str, &'a dyn Fn(u32) -> pallet_blobs::Call<crate::Runtime>, fn(u32) -> Balance);
		let cases: [Case; 2] = [("store", &store, fee), ("renew", &renew, renew_fee)];
		for (name, call, paid_back) in cases {
			for size in [1u32, 128 * 1024, MAX_CHUNK_LEN] {
				let signer = MultiAddress::Id(Sr25519Keyring::Alice.to_account_id());
				let signature =
					MultiSignature::Sr25519(sp_core::sr25519::Signature::from_raw([0; 64]));
				let xt = crate::UncheckedExtrinsic::new_signed(
					RuntimeCall::Blobs(call(size)),
					signer,
					signature,
					extension.clone(),
				);
				let len = xt.encoded_size() as u32;
				let spent =
					TransactionPayment::query_info(xt, len).partial_fee + Blobs::fee_for(size);
				let paid_back = paid_back(size);
				assert!(paid_back >= spent, "{name} {size}: {paid_back} paid back < {spent} spent");
				assert!(paid_back <= spent + spent / 20, "{name} {size}: {paid_back} ≫ {spent}");
			}
		}
	});
}

#[test]
fn a_store_of_a_kept_chunk_or_an_early_renewal_is_refused_before_it_pays() {
	use crate::{Blobs, RuntimeCall, RuntimeOrigin, System};
	use frame_support::dispatch::GetDispatchInfo;
	use pallet_transaction_payment::OnChargeTransaction;
	use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};
	type Charge = <Runtime as pallet_transaction_payment::Config>::OnChargeTransaction;
	build(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		System::set_extrinsic_index(0);
		let (alice, bob) =
			(Sr25519Keyring::Alice.to_account_id(), Sr25519Keyring::Bob.to_account_id());
		let data = vec![7u8; 1_000];
		let store = RuntimeCall::Blobs(pallet_blobs::Call::store { data: data.clone() });
		let info = store.get_dispatch_info();
		let fee: Balance = 1_000_000;
		assert!(Charge::can_withdraw_fee(&alice, &store, &info, fee, 0).is_ok());
		// Bob copies Alice's chunk from the pool and stores it first.
		assert!(Blobs::store(RuntimeOrigin::signed(bob.clone()), data).is_ok());
		// Refused in validation, which runs again when a block applies the transaction: a
		// store that lost the race is never included, so never charged (the process-level
		// data test checks the balance on a real node).
		let refused =
			|code| Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(code)));
		assert_eq!(Charge::can_withdraw_fee(&alice, &store, &info, fee, 0), refused(178));
		// Renewing it now would take the payment over from Bob: refused too.
		let hash = sp_io::hashing::blake2_256(&[7u8; 1_000]);
		let renew = RuntimeCall::Blobs(pallet_blobs::Call::renew { hash });
		assert_eq!(Charge::can_withdraw_fee(&alice, &renew, &info, fee, 0), refused(188));
		// Other calls pay as before.
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		assert!(Charge::can_withdraw_fee(&alice, &remark, &info, fee, 0).is_ok());
	});
}

/// A chain whose registry is at storage version 2 moves each device's task list out of
/// the market's `DeviceTasks` into the device's record, and leaves no list behind (one of
/// a device no longer registered included).
#[test]
fn the_upgrade_moves_the_markets_task_lists_into_the_device_records() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	use pallet_devices::migrations::v2::{old, DeviceInfoV2};
	use pallet_market::migrations::device_tasks::DeviceTasks;
	build("development").execute_with(|| {
		let device = Sr25519Keyring::Ferdie.to_account_id();
		let gone = Sr25519Keyring::Eve.to_account_id();
		let v2 = DeviceInfoV2 {
			owner: Sr25519Keyring::Alice.to_account_id(),
			spec: depin_primitives::DeviceSpec {
				cores: 4,
				memory_mib: 1024,
				fuel_per_second: 1_000_000_000,
				executor_version: depin_primitives::EXECUTOR_VERSION,
				determinism_class: 1,
			},
			status: depin_primitives::DeviceStatus::Active,
			bond: 0,
			registered_at: 0,
			last_heartbeat: None,
			listed: false,
			open_assignments: 2,
			reputation: Default::default(),
			ask: 5,
			ask_changed_at: None,
		};
		old::Devices::<Runtime>::insert(&device, v2);
		DeviceTasks::<Runtime>::insert(&device, sp_runtime::BoundedVec::truncate_from(vec![4, 2]));
		DeviceTasks::<Runtime>::insert(&gone, sp_runtime::BoundedVec::truncate_from(vec![3]));
		StorageVersion::new(2).put::<crate::Devices>();

		crate::Migrations::on_runtime_upgrade();

		assert_eq!(crate::Devices::on_chain_storage_version(), 3);
		let record = pallet_devices::Devices::<Runtime>::get(&device).expect("decodes");
		assert_eq!(record.tasks.into_inner(), vec![4, 2]);
		assert_eq!((record.open_assignments, record.ask), (2, 5));
		assert_eq!(DeviceTasks::<Runtime>::iter().count(), 0, "no list left in the market");
	});
}
