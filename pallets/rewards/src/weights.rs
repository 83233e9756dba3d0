
//! Weights of `pallet_rewards`, generated from its benchmarks by `scripts/benchmark.sh`.
//!
//! DATE: 2026-12-01, STEPS: `10`, REPEAT: `5`
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//! WASM-EXECUTION: `Compiled`, CHAIN: `None`, DB CACHE: 1024

// Executed Command:
// /root/.cache/depin/target-bench/release/depin-node
// benchmark
// pallet
// --runtime
// /root/.cache/depin/target-bench/release/wbuild/depin-runtime/depin_runtime.compact.compressed.wasm
// --genesis-builder=runtime
// --pallet
// pallet_rewards
// --extrinsic
// *
// --steps
// 10
// --repeat
// 5
// --wasm-execution
// compiled
// --heap-pages
// 4096
// --template
// .maintain/frame-weight-template.hbs
// --output
// pallets/rewards/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

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
		// Minimum execution time: 472_782_000 picoseconds.
		Weight::from_parts(488_857_000, 82366)
			.saturating_add(T::DbWeight::get().reads(70_u64))
			.saturating_add(T::DbWeight::get().writes(69_u64))
	}
	fn on_initialize_idle() -> Weight {
		// Minimum execution time: 2_353_000 picoseconds.
		Weight::from_parts(2_754_000, 1489)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	fn on_initialize_era_end() -> Weight {
		// Minimum execution time: 39_638_000 picoseconds.
		Weight::from_parts(42_293_000, 6196)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn claim() -> Weight {
		// Minimum execution time: 472_782_000 picoseconds.
		Weight::from_parts(488_857_000, 82366)
			.saturating_add(RocksDbWeight::get().reads(70_u64))
			.saturating_add(RocksDbWeight::get().writes(69_u64))
	}
	fn on_initialize_idle() -> Weight {
		// Minimum execution time: 2_353_000 picoseconds.
		Weight::from_parts(2_754_000, 1489)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
	}
	fn on_initialize_era_end() -> Weight {
		// Minimum execution time: 39_638_000 picoseconds.
		Weight::from_parts(42_293_000, 6196)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
}
