//! Weights of `pallet_verification`.
//!
//! PROVISIONAL: estimated by hand until `scripts/benchmark.sh` regenerates this file from
//! the benchmarks in `benchmarking.rs`.

#![allow(unused_parens, unused_imports, missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed by `pallet_verification`.
pub trait WeightInfo {
	fn commit() -> Weight;
	fn reveal(l: u32, s: u32) -> Weight;
	fn on_reveal_timeout(s: u32) -> Weight;
	fn on_task_finished(s: u32) -> Weight;
}

/// Weights for `pallet_verification` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn commit() -> Weight {
		Weight::from_parts(50_000_000, 6_000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn reveal(l: u32, s: u32) -> Weight {
		Weight::from_parts(80_000_000, 8_000)
			.saturating_add(Weight::from_parts(2_000, 1).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(40_000_000, 3_000).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn on_reveal_timeout(s: u32) -> Weight {
		Weight::from_parts(40_000_000, 6_000)
			.saturating_add(Weight::from_parts(40_000_000, 3_000).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn on_task_finished(s: u32) -> Weight {
		Weight::from_parts(10_000_000, 2_000)
			.saturating_add(Weight::from_parts(5_000_000, 100).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
}

impl WeightInfo for () {
	fn commit() -> Weight {
		Weight::from_parts(50_000_000, 6_000)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn reveal(l: u32, s: u32) -> Weight {
		Weight::from_parts(80_000_000, 8_000)
			.saturating_add(Weight::from_parts(2_000, 1).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(40_000_000, 3_000).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn on_reveal_timeout(s: u32) -> Weight {
		Weight::from_parts(40_000_000, 6_000)
			.saturating_add(Weight::from_parts(40_000_000, 3_000).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn on_task_finished(s: u32) -> Weight {
		Weight::from_parts(10_000_000, 2_000)
			.saturating_add(Weight::from_parts(5_000_000, 100).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
}
