//! Benchmarks of every call, at their worst case (frame-benchmarking v2).

use crate::pallet::{Call, CandidateCount, Config, Devices, Pallet};
use depin_primitives::{ConsentFactory, DeviceRegistry, DeviceSpec};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, Get};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::{Saturating, Zero};

/// A device with `MaxCores` cores: its record can list the most tasks.
fn spec<T: Config>() -> DeviceSpec {
	DeviceSpec {
		cores: T::MaxCores::get(),
		memory_mib: 4096,
		fuel_per_second: 1_000_000_000,
		executor_version: depin_primitives::EXECUTOR_VERSION,
		determinism_class: 1,
	}
}

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, T::MinBond::get().saturating_mul(1_000u32.into()));
	who
}

/// Other candidates to put in the index (up to 10, leaving room for the benchmarked one).
fn fillers<T: Config>() -> u32 {
	T::MaxDevices::get().saturating_sub(2).min(10)
}

/// Registers `n` listed devices of distinct owners; returns the last device.
fn listed_devices<T: Config>(n: u32) -> Option<T::AccountId> {
	let mut last = None;
	for i in 0..n {
		let owner = funded::<T>("filler-owner", i);
		let device: T::AccountId = account("filler-device", i, 0);
		Pallet::<T>::do_register(owner, device.clone(), spec::<T>()).ok()?;
		Pallet::<T>::do_heartbeat(device.clone()).ok()?;
		last = Some(device);
	}
	last
}

/// Registers `device` of `owner` (funded) with its record at its largest: an assignment
/// on every core.
fn busy_device<T: Config>(owner: &T::AccountId, device: &T::AccountId) {
	Pallet::<T>::do_register(owner.clone(), device.clone(), spec::<T>()).unwrap();
	Pallet::<T>::hold_filler_tasks(device, T::MaxCores::get());
	assert_eq!(Devices::<T>::get(device).unwrap().tasks.len(), T::MaxCores::get() as usize);
}

/// `owner` with `MaxDevicesPerOwner - 1` devices already, the worst case for the list.
fn owner_with_devices<T: Config>() -> T::AccountId {
	let owner = funded::<T>("owner", 0);
	for i in 1..T::MaxDevicesPerOwner::get() {
		let device: T::AccountId = account("other-device", i, 0);
		let _ = Pallet::<T>::do_register(owner.clone(), device, spec::<T>());
	}
	owner
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A registration with the consent checked (a signature verification).
	#[benchmark]
	fn register_device() {
		let owner = owner_with_devices::<T>();
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		let payload = depin_primitives::device_consent_payload(&owner, &genesis, 0);
		let (device, consent) = T::BenchmarkHelper::device_consenting(0, &payload);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.clone(), spec::<T>(), consent);
		assert!(Devices::<T>::contains_key(&device));
	}

	#[benchmark]
	fn update_spec() {
		let owner = funded::<T>("owner", 0);
		let device: T::AccountId = account("device", 0, 0);
		busy_device::<T>(&owner, &device);
		let new = DeviceSpec { cores: 8, ..spec::<T>() };
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.clone(), new);
		assert_eq!(Devices::<T>::get(&device).unwrap().spec, new);
	}

	/// The worst path: the ask changed before, `AskInterval` ago.
	#[benchmark]
	fn set_ask() {
		let owner = funded::<T>("owner", 0);
		let device: T::AccountId = account("device", 0, 0);
		busy_device::<T>(&owner, &device);
		Pallet::<T>::do_set_ask(owner.clone(), device.clone(), 1u32.into()).unwrap();
		let later = frame_system::Pallet::<T>::block_number().saturating_add(T::AskInterval::get());
		frame_system::Pallet::<T>::set_block_number(later);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.clone(), 2u32.into());
		assert_eq!(Devices::<T>::get(&device).unwrap().ask, 2u32.into());
	}

	#[benchmark]
	fn heartbeat() {
		listed_devices::<T>(fillers::<T>());
		let owner = funded::<T>("owner", 0);
		let device: T::AccountId = account("device", 0, 0);
		busy_device::<T>(&owner, &device);
		#[extrinsic_call]
		_(RawOrigin::Signed(device.clone()));
		assert!(Devices::<T>::get(&device).unwrap().listed);
	}

	#[benchmark]
	fn pause() {
		let owner = funded::<T>("owner", 0);
		let device: T::AccountId = account("device", 0, 0);
		busy_device::<T>(&owner, &device);
		Pallet::<T>::do_heartbeat(device.clone()).unwrap();
		// Not the last entry: unlisting moves another device.
		listed_devices::<T>(fillers::<T>());
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.clone());
		assert!(!Devices::<T>::get(&device).unwrap().listed);
	}

	#[benchmark]
	fn resume() {
		let owner = funded::<T>("owner", 0);
		let device: T::AccountId = account("device", 0, 0);
		busy_device::<T>(&owner, &device);
		Pallet::<T>::do_heartbeat(device.clone()).unwrap();
		Pallet::<T>::do_pause(owner.clone(), device.clone()).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.clone());
		assert!(Devices::<T>::get(&device).unwrap().listed);
	}

	#[benchmark]
	fn deregister() {
		let owner = funded::<T>("owner", 0);
		let device: T::AccountId = account("device", 0, 0);
		busy_device::<T>(&owner, &device);
		Pallet::<T>::do_heartbeat(device.clone()).unwrap();
		listed_devices::<T>(fillers::<T>());
		let before = CandidateCount::<T>::get();
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device);
		assert_eq!(CandidateCount::<T>::get(), before - 1);
	}

	/// Topping up a slashed bond lists the device again.
	#[benchmark]
	fn top_up_bond() {
		let owner = funded::<T>("owner", 0);
		let device: T::AccountId = account("device", 0, 0);
		busy_device::<T>(&owner, &device);
		Pallet::<T>::do_heartbeat(device.clone()).unwrap();
		let all = sp_runtime::Perbill::one();
		<Pallet<T> as DeviceRegistry<_, _>>::slash(
			&device,
			all,
			depin_primitives::SlashReason::WrongResult,
		);
		assert!(!Devices::<T>::get(&device).unwrap().listed);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.clone());
		assert!(Devices::<T>::get(&device).unwrap().listed);
	}

	#[benchmark]
	fn withdraw_bond() {
		let owner = owner_with_devices::<T>();
		let device: T::AccountId = account("device", 0, 0);
		Pallet::<T>::do_register(owner.clone(), device.clone(), spec::<T>()).unwrap();
		Pallet::<T>::do_deregister(owner.clone(), device.clone()).unwrap();
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(now.saturating_add(T::UnbondingPeriod::get()));
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.clone());
		assert!(!Devices::<T>::contains_key(&device));
		assert_eq!(<Pallet<T> as DeviceRegistry<_, _>>::owner_of(&device), None);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
