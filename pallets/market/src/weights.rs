
//! Weights of `pallet_market`, generated from its benchmarks by `scripts/benchmark.sh`.
//!
//! DATE: 2026-11-28, STEPS: `10`, REPEAT: `5`
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
// pallet_market
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
// /work/main/.maintain/frame-weight-template.hbs
// --output
// /work/main/pallets/market/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_market`.
pub trait WeightInfo {
	fn upload_program(l: u32, ) -> Weight;
	fn remove_program() -> Weight;
	fn submit_task(l: u32, ) -> Weight;
	fn cancel_task() -> Weight;
	fn schedule_probe(d: u32, ) -> Weight;
	fn schedule_assign(d: u32, ) -> Weight;
	fn timer_task_deadline() -> Weight;
	fn timer_commit_deadline() -> Weight;
	fn timer_reveal_deadline() -> Weight;
	fn timer_prune() -> Weight;
	fn hook_base() -> Weight;
}

/// Weights for `pallet_market` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn upload_program(l: u32, ) -> Weight {
		// Minimum execution time: 67_100_000 picoseconds.
		Weight::from_parts(32_182_855, 3593)
			.saturating_add(Weight::from_parts(7_593, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 55_332_000 picoseconds.
		Weight::from_parts(58_777_000, 3593)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 85_868_000 picoseconds.
		Weight::from_parts(94_535_300, 26519)
			.saturating_add(Weight::from_parts(600, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(12_u64))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 184_794_000 picoseconds.
		Weight::from_parts(199_857_000, 33001)
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().writes(23_u64))
	}
	fn schedule_probe(d: u32, ) -> Weight {
		// Minimum execution time: 769_282_000 picoseconds.
		Weight::from_parts(1_217_016_820, 293662)
			.saturating_add(Weight::from_parts(89_128, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(198_u64))
	}
	fn schedule_assign(d: u32, ) -> Weight {
		// Minimum execution time: 230_352_000 picoseconds.
		Weight::from_parts(304_768_452, 52048)
			.saturating_add(Weight::from_parts(25_731, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(31_u64))
			.saturating_add(T::DbWeight::get().writes(21_u64))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 160_068_000 picoseconds.
		Weight::from_parts(169_542_000, 33001)
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().writes(23_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 109_212_000 picoseconds.
		Weight::from_parts(115_732_000, 5563)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(15_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 10_265_000 picoseconds.
		Weight::from_parts(11_507_000, 4446)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	fn timer_prune() -> Weight {
		// Minimum execution time: 135_381_000 picoseconds.
		Weight::from_parts(162_772_000, 134573)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 3_976_000 picoseconds.
		Weight::from_parts(6_971_000, 1489)
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn upload_program(l: u32, ) -> Weight {
		// Minimum execution time: 67_100_000 picoseconds.
		Weight::from_parts(32_182_855, 3593)
			.saturating_add(Weight::from_parts(7_593, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 55_332_000 picoseconds.
		Weight::from_parts(58_777_000, 3593)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 85_868_000 picoseconds.
		Weight::from_parts(94_535_300, 26519)
			.saturating_add(Weight::from_parts(600, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(12_u64))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 184_794_000 picoseconds.
		Weight::from_parts(199_857_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(21_u64))
			.saturating_add(RocksDbWeight::get().writes(23_u64))
	}
	fn schedule_probe(d: u32, ) -> Weight {
		// Minimum execution time: 769_282_000 picoseconds.
		Weight::from_parts(1_217_016_820, 293662)
			.saturating_add(Weight::from_parts(89_128, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(198_u64))
	}
	fn schedule_assign(d: u32, ) -> Weight {
		// Minimum execution time: 230_352_000 picoseconds.
		Weight::from_parts(304_768_452, 52048)
			.saturating_add(Weight::from_parts(25_731, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(31_u64))
			.saturating_add(RocksDbWeight::get().writes(21_u64))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 160_068_000 picoseconds.
		Weight::from_parts(169_542_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(21_u64))
			.saturating_add(RocksDbWeight::get().writes(23_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 109_212_000 picoseconds.
		Weight::from_parts(115_732_000, 5563)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(15_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 10_265_000 picoseconds.
		Weight::from_parts(11_507_000, 4446)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
	}
	fn timer_prune() -> Weight {
		// Minimum execution time: 135_381_000 picoseconds.
		Weight::from_parts(162_772_000, 134573)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 3_976_000 picoseconds.
		Weight::from_parts(6_971_000, 1489)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
}
