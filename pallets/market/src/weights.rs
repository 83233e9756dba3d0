
//! Weights of `pallet_market`, generated from its benchmarks by `scripts/benchmark.sh`.
//!
//! DATE: 2026-12-02, STEPS: `10`, REPEAT: `5`
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//! WASM-EXECUTION: `Compiled`, CHAIN: `None`, DB CACHE: 1024
//!
//! `schedule_probe` and `schedule_probe_stale` (measured over 64 to 100 000 devices, ≈ 35
//! minutes) are kept from the run of 2026-12-02 before the market's counters became one
//! value (`Counters`); the others were measured after that change with
//! `--extrinsic upload_program,…,hook_base` (same steps and repeats). The probe step reads
//! no more storage items than before, so its kept weights count no fewer reads; the next
//! `scripts/benchmark.sh market` regenerates everything in one run.

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
	fn bump_task() -> Weight;
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
		// Minimum execution time: 69_473_000 picoseconds.
		Weight::from_parts(49_862_033, 3604)
			.saturating_add(Weight::from_parts(8_161, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 55_552_000 picoseconds.
		Weight::from_parts(63_815_000, 3604)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 145_876_000 picoseconds.
		Weight::from_parts(174_052_109, 26519)
			.saturating_add(Weight::from_parts(1_013, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 87_811_000 picoseconds.
		Weight::from_parts(111_646_000, 4507)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn bump_task() -> Weight {
		Weight::from_parts(111_646_000, 4507)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 254_438_000 picoseconds.
		Weight::from_parts(305_815_000, 33001)
			.saturating_add(T::DbWeight::get().reads(22_u64))
			.saturating_add(T::DbWeight::get().writes(24_u64))
	}
	fn schedule_probe(d: u32, ) -> Weight {
		// Minimum execution time: 623_276_000 picoseconds.
		Weight::from_parts(400_347_171, 169310)
			.saturating_add(Weight::from_parts(85_911, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(135_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn schedule_probe_stale(d: u32, ) -> Weight {
		// Minimum execution time: 1_520_409_000 picoseconds.
		Weight::from_parts(425_791_674, 267178)
			.saturating_add(Weight::from_parts(190_389, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(229_u64))
			.saturating_add(T::DbWeight::get().writes(282_u64))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(d.into()))
	}
	fn schedule_assign(r: u32, ) -> Weight {
		// Minimum execution time: 192_245_000 picoseconds.
		Weight::from_parts(170_305_709, 26519)
			.saturating_add(Weight::from_parts(68_521_510, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(5_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(r.into()))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 146_518_000 picoseconds.
		Weight::from_parts(160_749_000, 33001)
			.saturating_add(T::DbWeight::get().reads(20_u64))
			.saturating_add(T::DbWeight::get().writes(22_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 103_023_000 picoseconds.
		Weight::from_parts(112_407_000, 5563)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(14_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 8_783_000 picoseconds.
		Weight::from_parts(10_887_000, 4507)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	fn timer_prune() -> Weight {
		// Minimum execution time: 177_344_000 picoseconds.
		Weight::from_parts(241_589_000, 134573)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn timer_block_stale(n: u32, ) -> Weight {
		// Minimum execution time: 15_052_000 picoseconds.
		Weight::from_parts(16_485_000, 26519)
			.saturating_add(Weight::from_parts(4_832_559, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3517).saturating_mul(n.into()))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 8_352_000 picoseconds.
		Weight::from_parts(9_674_000, 1554)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn upload_program(l: u32, ) -> Weight {
		// Minimum execution time: 69_473_000 picoseconds.
		Weight::from_parts(49_862_033, 3604)
			.saturating_add(Weight::from_parts(8_161, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 55_552_000 picoseconds.
		Weight::from_parts(63_815_000, 3604)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 145_876_000 picoseconds.
		Weight::from_parts(174_052_109, 26519)
			.saturating_add(Weight::from_parts(1_013, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 87_811_000 picoseconds.
		Weight::from_parts(111_646_000, 4507)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn bump_task() -> Weight {
		Weight::from_parts(111_646_000, 4507)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 254_438_000 picoseconds.
		Weight::from_parts(305_815_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(22_u64))
			.saturating_add(RocksDbWeight::get().writes(24_u64))
	}
	fn schedule_probe(d: u32, ) -> Weight {
		// Minimum execution time: 623_276_000 picoseconds.
		Weight::from_parts(400_347_171, 169310)
			.saturating_add(Weight::from_parts(85_911, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(135_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn schedule_probe_stale(d: u32, ) -> Weight {
		// Minimum execution time: 1_520_409_000 picoseconds.
		Weight::from_parts(425_791_674, 267178)
			.saturating_add(Weight::from_parts(190_389, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(229_u64))
			.saturating_add(RocksDbWeight::get().writes(282_u64))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(d.into()))
	}
	fn schedule_assign(r: u32, ) -> Weight {
		// Minimum execution time: 192_245_000 picoseconds.
		Weight::from_parts(170_305_709, 26519)
			.saturating_add(Weight::from_parts(68_521_510, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(r.into()))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 146_518_000 picoseconds.
		Weight::from_parts(160_749_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(20_u64))
			.saturating_add(RocksDbWeight::get().writes(22_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 103_023_000 picoseconds.
		Weight::from_parts(112_407_000, 5563)
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().writes(14_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 8_783_000 picoseconds.
		Weight::from_parts(10_887_000, 4507)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
	}
	fn timer_prune() -> Weight {
		// Minimum execution time: 177_344_000 picoseconds.
		Weight::from_parts(241_589_000, 134573)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn timer_block_stale(n: u32, ) -> Weight {
		// Minimum execution time: 15_052_000 picoseconds.
		Weight::from_parts(16_485_000, 26519)
			.saturating_add(Weight::from_parts(4_832_559, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3517).saturating_mul(n.into()))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 8_352_000 picoseconds.
		Weight::from_parts(9_674_000, 1554)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
