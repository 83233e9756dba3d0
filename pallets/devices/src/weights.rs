
//! Weights of `pallet_devices`, generated from its benchmarks by `scripts/benchmark.sh`.
//!
//! DATE: 2026-12-05, STEPS: `10`, REPEAT: `10`
//! HOSTNAME: `vm`, CPU: `Intel(R) Xeon(R) Processor`
//! WASM-EXECUTION: `Compiled`, CHAIN: `None`, DB CACHE: 1024

// Executed Command:
// /root/.cache/depin/target-bench/release/depin-node
// benchmark
// pallet
// --runtime
// /root/.cache/depin/target-bench/release/wbuild/depin-runtime/depin_runtime.compact.compressed.wasm
// --genesis-builder=runtime
// --pallet
// pallet_devices
// --extrinsic
// *
// --steps
// 10
// --repeat
// 10
// --wasm-execution
// compiled
// --heap-pages
// 4096
// --template
// /work/main/.maintain/frame-weight-template.hbs
// --output
// /work/main/pallets/devices/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_devices`.
pub trait WeightInfo {
	fn register_device() -> Weight;
	fn update_spec() -> Weight;
	fn set_ask() -> Weight;
	fn heartbeat() -> Weight;
	fn pause() -> Weight;
	fn resume() -> Weight;
	fn deregister() -> Weight;
	fn top_up_bond() -> Weight;
	fn withdraw_bond() -> Weight;
}

/// Weights for `pallet_devices` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_device() -> Weight {
		// Minimum execution time: 122_722_000 picoseconds.
		Weight::from_parts(144_007_000, 5691)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn update_spec() -> Weight {
		// Minimum execution time: 16_961_000 picoseconds.
		Weight::from_parts(19_731_000, 5691)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn set_ask() -> Weight {
		// Minimum execution time: 14_478_000 picoseconds.
		Weight::from_parts(16_786_000, 5691)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn heartbeat() -> Weight {
		// Minimum execution time: 24_090_000 picoseconds.
		Weight::from_parts(29_974_000, 5691)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn pause() -> Weight {
		// Minimum execution time: 37_861_000 picoseconds.
		Weight::from_parts(43_974_000, 5691)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn resume() -> Weight {
		// Minimum execution time: 22_117_000 picoseconds.
		Weight::from_parts(25_265_000, 5691)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn deregister() -> Weight {
		// Minimum execution time: 40_747_000 picoseconds.
		Weight::from_parts(46_252_000, 5691)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn top_up_bond() -> Weight {
		// Minimum execution time: 58_792_000 picoseconds.
		Weight::from_parts(63_305_000, 5691)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn withdraw_bond() -> Weight {
		// Minimum execution time: 58_116_000 picoseconds.
		Weight::from_parts(67_252_000, 5691)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn register_device() -> Weight {
		// Minimum execution time: 122_722_000 picoseconds.
		Weight::from_parts(144_007_000, 5691)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn update_spec() -> Weight {
		// Minimum execution time: 16_961_000 picoseconds.
		Weight::from_parts(19_731_000, 5691)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn set_ask() -> Weight {
		// Minimum execution time: 14_478_000 picoseconds.
		Weight::from_parts(16_786_000, 5691)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn heartbeat() -> Weight {
		// Minimum execution time: 24_090_000 picoseconds.
		Weight::from_parts(29_974_000, 5691)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn pause() -> Weight {
		// Minimum execution time: 37_861_000 picoseconds.
		Weight::from_parts(43_974_000, 5691)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn resume() -> Weight {
		// Minimum execution time: 22_117_000 picoseconds.
		Weight::from_parts(25_265_000, 5691)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn deregister() -> Weight {
		// Minimum execution time: 40_747_000 picoseconds.
		Weight::from_parts(46_252_000, 5691)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn top_up_bond() -> Weight {
		// Minimum execution time: 58_792_000 picoseconds.
		Weight::from_parts(63_305_000, 5691)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn withdraw_bond() -> Weight {
		// Minimum execution time: 58_116_000 picoseconds.
		Weight::from_parts(67_252_000, 5691)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
}
