
//! Weights of `pallet_market`, generated from its benchmarks by `scripts/benchmark.sh`.
//!
//! DATE: 2026-12-02, STEPS: `10`, REPEAT: `5`
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
	fn timer_block_stale(n: u32, ) -> Weight;
	fn hook_base() -> Weight;
}

/// Weights for `pallet_market` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn upload_program(l: u32, ) -> Weight {
		// Minimum execution time: 72_298_000 picoseconds.
		Weight::from_parts(408_591_046, 3604)
			.saturating_add(Weight::from_parts(9_136, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 57_365_000 picoseconds.
		Weight::from_parts(95_662_000, 3604)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 157_654_000 picoseconds.
		Weight::from_parts(226_746_366, 26519)
			.saturating_add(Weight::from_parts(1_328, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(13_u64))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 100_319_000 picoseconds.
		Weight::from_parts(127_249_000, 4507)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 270_912_000 picoseconds.
		Weight::from_parts(380_505_000, 33001)
			.saturating_add(T::DbWeight::get().reads(23_u64))
			.saturating_add(T::DbWeight::get().writes(26_u64))
	}
	fn schedule_probe(d: u32, ) -> Weight {
		// Minimum execution time: 713_750_000 picoseconds.
		Weight::from_parts(877_522_635, 169310)
			.saturating_add(Weight::from_parts(164_749, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(135_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn schedule_probe_stale(d: u32, ) -> Weight {
		// Minimum execution time: 2_418_414_000 picoseconds.
		Weight::from_parts(2_793_299_784, 255962)
			.saturating_add(Weight::from_parts(306_065, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(222_u64))
			.saturating_add(T::DbWeight::get().writes(273_u64))
			.saturating_add(Weight::from_parts(0, 9).saturating_mul(d.into()))
	}
	fn schedule_assign(r: u32, ) -> Weight {
		// Minimum execution time: 221_248_000 picoseconds.
		Weight::from_parts(246_446_435, 26519)
			.saturating_add(Weight::from_parts(58_710_900, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(r.into()))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 161_340_000 picoseconds.
		Weight::from_parts(217_243_000, 33001)
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().writes(24_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 112_968_000 picoseconds.
		Weight::from_parts(189_431_000, 5563)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(15_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 10_986_000 picoseconds.
		Weight::from_parts(19_609_000, 4507)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	fn timer_prune() -> Weight {
		// Minimum execution time: 211_895_000 picoseconds.
		Weight::from_parts(361_948_000, 134573)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn timer_block_stale(n: u32, ) -> Weight {
		// Minimum execution time: 15_042_000 picoseconds.
		Weight::from_parts(17_145_000, 26519)
			.saturating_add(Weight::from_parts(6_060_690, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3517).saturating_mul(n.into()))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 13_971_000 picoseconds.
		Weight::from_parts(19_789_000, 5974)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn upload_program(l: u32, ) -> Weight {
		// Minimum execution time: 72_298_000 picoseconds.
		Weight::from_parts(408_591_046, 3604)
			.saturating_add(Weight::from_parts(9_136, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 57_365_000 picoseconds.
		Weight::from_parts(95_662_000, 3604)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 157_654_000 picoseconds.
		Weight::from_parts(226_746_366, 26519)
			.saturating_add(Weight::from_parts(1_328, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(13_u64))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 100_319_000 picoseconds.
		Weight::from_parts(127_249_000, 4507)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 270_912_000 picoseconds.
		Weight::from_parts(380_505_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(23_u64))
			.saturating_add(RocksDbWeight::get().writes(26_u64))
	}
	fn schedule_probe(d: u32, ) -> Weight {
		// Minimum execution time: 713_750_000 picoseconds.
		Weight::from_parts(877_522_635, 169310)
			.saturating_add(Weight::from_parts(164_749, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(135_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn schedule_probe_stale(d: u32, ) -> Weight {
		// Minimum execution time: 2_418_414_000 picoseconds.
		Weight::from_parts(2_793_299_784, 255962)
			.saturating_add(Weight::from_parts(306_065, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(222_u64))
			.saturating_add(RocksDbWeight::get().writes(273_u64))
			.saturating_add(Weight::from_parts(0, 9).saturating_mul(d.into()))
	}
	fn schedule_assign(r: u32, ) -> Weight {
		// Minimum execution time: 221_248_000 picoseconds.
		Weight::from_parts(246_446_435, 26519)
			.saturating_add(Weight::from_parts(58_710_900, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(r.into()))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 161_340_000 picoseconds.
		Weight::from_parts(217_243_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(21_u64))
			.saturating_add(RocksDbWeight::get().writes(24_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 112_968_000 picoseconds.
		Weight::from_parts(189_431_000, 5563)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(15_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 10_986_000 picoseconds.
		Weight::from_parts(19_609_000, 4507)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
	}
	fn timer_prune() -> Weight {
		// Minimum execution time: 211_895_000 picoseconds.
		Weight::from_parts(361_948_000, 134573)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn timer_block_stale(n: u32, ) -> Weight {
		// Minimum execution time: 15_042_000 picoseconds.
		Weight::from_parts(17_145_000, 26519)
			.saturating_add(Weight::from_parts(6_060_690, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3517).saturating_mul(n.into()))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 13_971_000 picoseconds.
		Weight::from_parts(19_789_000, 5974)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
