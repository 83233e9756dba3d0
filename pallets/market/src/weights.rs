
//! Weights of `pallet_market`, generated from its benchmarks by `scripts/benchmark.sh`.
//!
//! DATE: 2026-12-02, STEPS: `10`, REPEAT: `5`
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//! WASM-EXECUTION: `Compiled`, CHAIN: `None`, DB CACHE: 1024
//!
//! `schedule_assign` comes from a second run of the same day (`--extrinsic schedule_assign`,
//! same steps and repeats) after its setup went back to 10 000 candidates; the next
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
		// Minimum execution time: 66_098_000 picoseconds.
		Weight::from_parts(146_693_089, 3604)
			.saturating_add(Weight::from_parts(7_487, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 55_432_000 picoseconds.
		Weight::from_parts(59_398_000, 3604)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 147_269_000 picoseconds.
		Weight::from_parts(178_088_518, 26519)
			.saturating_add(Weight::from_parts(897, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(13_u64))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 96_434_000 picoseconds.
		Weight::from_parts(103_253_000, 4507)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 261_228_000 picoseconds.
		Weight::from_parts(271_844_000, 33001)
			.saturating_add(T::DbWeight::get().reads(23_u64))
			.saturating_add(T::DbWeight::get().writes(26_u64))
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
		// Minimum execution time: 195_631_000 picoseconds.
		Weight::from_parts(171_963_106, 26519)
			.saturating_add(Weight::from_parts(43_733_727, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(r.into()))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 158_896_000 picoseconds.
		Weight::from_parts(165_747_000, 33001)
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().writes(24_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 107_610_000 picoseconds.
		Weight::from_parts(112_828_000, 5563)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(15_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 10_215_000 picoseconds.
		Weight::from_parts(11_307_000, 4507)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	fn timer_prune() -> Weight {
		// Minimum execution time: 171_064_000 picoseconds.
		Weight::from_parts(189_993_000, 134573)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn timer_block_stale(n: u32, ) -> Weight {
		// Minimum execution time: 14_151_000 picoseconds.
		Weight::from_parts(4_010_243, 26519)
			.saturating_add(Weight::from_parts(4_085_117, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3517).saturating_mul(n.into()))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 14_101_000 picoseconds.
		Weight::from_parts(15_293_000, 5974)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn upload_program(l: u32, ) -> Weight {
		// Minimum execution time: 66_098_000 picoseconds.
		Weight::from_parts(146_693_089, 3604)
			.saturating_add(Weight::from_parts(7_487, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 55_432_000 picoseconds.
		Weight::from_parts(59_398_000, 3604)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 147_269_000 picoseconds.
		Weight::from_parts(178_088_518, 26519)
			.saturating_add(Weight::from_parts(897, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(13_u64))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 96_434_000 picoseconds.
		Weight::from_parts(103_253_000, 4507)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 261_228_000 picoseconds.
		Weight::from_parts(271_844_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(23_u64))
			.saturating_add(RocksDbWeight::get().writes(26_u64))
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
		// Minimum execution time: 195_631_000 picoseconds.
		Weight::from_parts(171_963_106, 26519)
			.saturating_add(Weight::from_parts(43_733_727, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(r.into()))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 158_896_000 picoseconds.
		Weight::from_parts(165_747_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(21_u64))
			.saturating_add(RocksDbWeight::get().writes(24_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 107_610_000 picoseconds.
		Weight::from_parts(112_828_000, 5563)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(15_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 10_215_000 picoseconds.
		Weight::from_parts(11_307_000, 4507)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
	}
	fn timer_prune() -> Weight {
		// Minimum execution time: 171_064_000 picoseconds.
		Weight::from_parts(189_993_000, 134573)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn timer_block_stale(n: u32, ) -> Weight {
		// Minimum execution time: 14_151_000 picoseconds.
		Weight::from_parts(4_010_243, 26519)
			.saturating_add(Weight::from_parts(4_085_117, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3517).saturating_mul(n.into()))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 14_101_000 picoseconds.
		Weight::from_parts(15_293_000, 5974)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
