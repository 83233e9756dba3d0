//! Benchmarks of `claim` and the era hook at their worst case (v2 syntax).

use crate::pallet::{Call, Config, CurrentEra, EraStartedAt, OwnerEras, Pallet};
use depin_primitives::RewardSink;
use frame_benchmarking::v2::*;
use frame_support::traits::{Get, Hooks};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::{One, Saturating};

fn end_era<T: Config>() {
	let now = EraStartedAt::<T>::get().saturating_add(T::EraLength::get());
	frame_system::Pallet::<T>::set_block_number(now);
	Pallet::<T>::on_initialize(now);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn claim() {
		let owner: T::AccountId = account("owner", 0, 0);
		let other: T::AccountId = account("other", 0, 0);
		// Points (value paid) large enough that each era mints its whole budget.
		let points = 1_000_000_000_000_000_000;
		for _ in 0..T::MaxUnclaimedEras::get() {
			Pallet::<T>::credit(&owner, points);
			Pallet::<T>::credit(&other, points);
			end_era::<T>();
		}
		assert_eq!(OwnerEras::<T>::get(&owner).len() as u32, T::MaxUnclaimedEras::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()));
		assert!(OwnerEras::<T>::get(&owner).is_empty());
	}

	#[benchmark]
	fn on_initialize_idle() {
		let now: BlockNumberFor<T> = One::one();
		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}
	}

	#[benchmark]
	fn on_initialize_era_end() {
		let owner: T::AccountId = account("owner", 0, 0);
		Pallet::<T>::credit(&owner, 1_000);
		let era = CurrentEra::<T>::get();
		let now = EraStartedAt::<T>::get().saturating_add(T::EraLength::get());
		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}
		assert_eq!(CurrentEra::<T>::get(), era + 1);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
