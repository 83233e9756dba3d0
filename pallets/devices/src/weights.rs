//! Weights of `pallet_devices`.
//!
//! PROVISIONAL: estimated by hand (reads/writes counted, 25 µs of compute each) until
//! `scripts/benchmark.sh` regenerates this file from the benchmarks in `benchmarking.rs`.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed by `pallet_devices`.
pub trait WeightInfo {
	fn register_device() -> Weight;
	fn update_spec() -> Weight;
	fn heartbeat() -> Weight;
	fn pause() -> Weight;
	fn resume() -> Weight;
	fn deregister() -> Weight;
	fn withdraw_bond() -> Weight;
}

/// Weights for `pallet_devices` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_device() -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn update_spec() -> Weight {
		Weight::from_parts(25_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn heartbeat() -> Weight {
		Weight::from_parts(30_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn pause() -> Weight {
		Weight::from_parts(30_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn resume() -> Weight {
		Weight::from_parts(30_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn deregister() -> Weight {
		Weight::from_parts(30_000_000, 3_600)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn withdraw_bond() -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
}

impl WeightInfo for () {
	fn register_device() -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn update_spec() -> Weight {
		Weight::from_parts(25_000_000, 3_600)
	}
	fn heartbeat() -> Weight {
		Weight::from_parts(30_000_000, 3_600)
	}
	fn pause() -> Weight {
		Weight::from_parts(30_000_000, 3_600)
	}
	fn resume() -> Weight {
		Weight::from_parts(30_000_000, 3_600)
	}
	fn deregister() -> Weight {
		Weight::from_parts(30_000_000, 3_600)
	}
	fn withdraw_bond() -> Weight {
		Weight::from_parts(60_000_000, 4_000)
	}
}
