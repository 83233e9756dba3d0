//! Weights of `pallet_rewards`.
//!
//! PROVISIONAL: estimated by hand until `scripts/benchmark.sh` regenerates this file from
//! the benchmarks in `benchmarking.rs`.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed by `pallet_rewards`.
pub trait WeightInfo {
	fn claim() -> Weight;
	fn on_initialize_idle() -> Weight;
	fn on_initialize_era_end() -> Weight;
}

/// Weights for `pallet_rewards` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn claim() -> Weight {
		Weight::from_parts(60_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(20_u64))
			.saturating_add(T::DbWeight::get().writes(20_u64))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(3_000_000, 500)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(0_u64))
	}
	fn on_initialize_era_end() -> Weight {
		Weight::from_parts(60_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
}

impl WeightInfo for () {
	fn claim() -> Weight {
		Weight::from_parts(60_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads(20_u64))
			.saturating_add(RocksDbWeight::get().writes(20_u64))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(3_000_000, 500)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(0_u64))
	}
	fn on_initialize_era_end() -> Weight {
		Weight::from_parts(60_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
}
