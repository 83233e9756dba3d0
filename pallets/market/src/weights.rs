
//! Weights of `pallet_market`, generated from its benchmarks by `scripts/benchmark.sh`.
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
	fn decline_task() -> Weight;
	fn schedule_probe(d: u32, ) -> Weight;
	fn schedule_probe_stale(d: u32, ) -> Weight;
	fn schedule_assign(r: u32, ) -> Weight;
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
		// Minimum execution time: 66_119_000 picoseconds.
		Weight::from_parts(355_031_154, 3604)
			.saturating_add(Weight::from_parts(7_492, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 55_072_000 picoseconds.
		Weight::from_parts(88_592_000, 3604)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 144_405_000 picoseconds.
		Weight::from_parts(163_157_741, 26519)
			.saturating_add(Weight::from_parts(785, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(13_u64))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 95_622_000 picoseconds.
		Weight::from_parts(102_743_000, 4507)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 262_320_000 picoseconds.
		Weight::from_parts(276_541_000, 33001)
			.saturating_add(T::DbWeight::get().reads(23_u64))
			.saturating_add(T::DbWeight::get().writes(26_u64))
	}
	fn schedule_probe(d: u32, ) -> Weight {
		// Minimum execution time: 768_092_000 picoseconds.
		Weight::from_parts(1_120_177_060, 169310)
			.saturating_add(Weight::from_parts(75_497, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(135_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn schedule_probe_stale(d: u32, ) -> Weight {
		Self::schedule_probe(d).saturating_add(T::DbWeight::get().writes(7 * 64))
	}
	fn schedule_assign(r: u32, ) -> Weight {
		// Minimum execution time: 194_189_000 picoseconds.
		Weight::from_parts(123_496_951, 26519)
			.saturating_add(Weight::from_parts(64_694_562, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(r.into()))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 158_636_000 picoseconds.
		Weight::from_parts(165_916_000, 33001)
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().writes(24_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 106_428_000 picoseconds.
		Weight::from_parts(115_241_000, 5563)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(15_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 9_884_000 picoseconds.
		Weight::from_parts(11_007_000, 4507)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	fn timer_prune() -> Weight {
		// Minimum execution time: 171_865_000 picoseconds.
		Weight::from_parts(208_099_000, 134573)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 13_800_000 picoseconds.
		Weight::from_parts(14_972_000, 5974)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn upload_program(l: u32, ) -> Weight {
		// Minimum execution time: 66_119_000 picoseconds.
		Weight::from_parts(355_031_154, 3604)
			.saturating_add(Weight::from_parts(7_492, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 55_072_000 picoseconds.
		Weight::from_parts(88_592_000, 3604)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 144_405_000 picoseconds.
		Weight::from_parts(163_157_741, 26519)
			.saturating_add(Weight::from_parts(785, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(13_u64))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 95_622_000 picoseconds.
		Weight::from_parts(102_743_000, 4507)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 262_320_000 picoseconds.
		Weight::from_parts(276_541_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(23_u64))
			.saturating_add(RocksDbWeight::get().writes(26_u64))
	}
	fn schedule_probe(d: u32, ) -> Weight {
		// Minimum execution time: 768_092_000 picoseconds.
		Weight::from_parts(1_120_177_060, 169310)
			.saturating_add(Weight::from_parts(75_497, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(135_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn schedule_probe_stale(d: u32, ) -> Weight {
		Self::schedule_probe(d).saturating_add(RocksDbWeight::get().writes(7 * 64))
	}
	fn schedule_assign(r: u32, ) -> Weight {
		// Minimum execution time: 194_189_000 picoseconds.
		Weight::from_parts(123_496_951, 26519)
			.saturating_add(Weight::from_parts(64_694_562, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(r.into()))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 158_636_000 picoseconds.
		Weight::from_parts(165_916_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(21_u64))
			.saturating_add(RocksDbWeight::get().writes(24_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 106_428_000 picoseconds.
		Weight::from_parts(115_241_000, 5563)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(15_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 9_884_000 picoseconds.
		Weight::from_parts(11_007_000, 4507)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
	}
	fn timer_prune() -> Weight {
		// Minimum execution time: 171_865_000 picoseconds.
		Weight::from_parts(208_099_000, 134573)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 13_800_000 picoseconds.
		Weight::from_parts(14_972_000, 5974)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
