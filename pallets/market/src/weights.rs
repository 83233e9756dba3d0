
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
		// Minimum execution time: 66_389_000 picoseconds.
		Weight::from_parts(154_550_481, 3604)
			.saturating_add(Weight::from_parts(7_392, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 54_602_000 picoseconds.
		Weight::from_parts(58_287_000, 3604)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 147_419_000 picoseconds.
		Weight::from_parts(152_405_828, 26519)
			.saturating_add(Weight::from_parts(628, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(13_u64))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 96_673_000 picoseconds.
		Weight::from_parts(102_342_000, 4507)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 220_057_000 picoseconds.
		Weight::from_parts(229_031_000, 33001)
			.saturating_add(T::DbWeight::get().reads(22_u64))
			.saturating_add(T::DbWeight::get().writes(25_u64))
	}
	fn schedule_probe(d: u32, ) -> Weight {
		// Minimum execution time: 609_926_000 picoseconds.
		Weight::from_parts(900_062_575, 169310)
			.saturating_add(Weight::from_parts(116_522, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(135_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn schedule_assign(r: u32, ) -> Weight {
		// Minimum execution time: 243_582_000 picoseconds.
		Weight::from_parts(335_632_750, 33001)
			.saturating_add(Weight::from_parts(23_119, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(31_u64))
			.saturating_add(T::DbWeight::get().writes(21_u64))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 161_049_000 picoseconds.
		Weight::from_parts(168_461_000, 33001)
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().writes(24_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 107_620_000 picoseconds.
		Weight::from_parts(114_971_000, 5563)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(15_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 9_945_000 picoseconds.
		Weight::from_parts(11_467_000, 4507)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	fn timer_prune() -> Weight {
		// Minimum execution time: 181_580_000 picoseconds.
		Weight::from_parts(206_597_000, 134573)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 13_781_000 picoseconds.
		Weight::from_parts(15_033_000, 5974)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn upload_program(l: u32, ) -> Weight {
		// Minimum execution time: 66_389_000 picoseconds.
		Weight::from_parts(154_550_481, 3604)
			.saturating_add(Weight::from_parts(7_392, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 54_602_000 picoseconds.
		Weight::from_parts(58_287_000, 3604)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 147_419_000 picoseconds.
		Weight::from_parts(152_405_828, 26519)
			.saturating_add(Weight::from_parts(628, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(13_u64))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 96_673_000 picoseconds.
		Weight::from_parts(102_342_000, 4507)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 220_057_000 picoseconds.
		Weight::from_parts(229_031_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(22_u64))
			.saturating_add(RocksDbWeight::get().writes(25_u64))
	}
	fn schedule_probe(d: u32, ) -> Weight {
		// Minimum execution time: 609_926_000 picoseconds.
		Weight::from_parts(900_062_575, 169310)
			.saturating_add(Weight::from_parts(116_522, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(135_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn schedule_assign(r: u32, ) -> Weight {
		// Minimum execution time: 243_582_000 picoseconds.
		Weight::from_parts(335_632_750, 33001)
			.saturating_add(Weight::from_parts(23_119, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(31_u64))
			.saturating_add(RocksDbWeight::get().writes(21_u64))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 161_049_000 picoseconds.
		Weight::from_parts(168_461_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(21_u64))
			.saturating_add(RocksDbWeight::get().writes(24_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 107_620_000 picoseconds.
		Weight::from_parts(114_971_000, 5563)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(15_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 9_945_000 picoseconds.
		Weight::from_parts(11_467_000, 4507)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
	}
	fn timer_prune() -> Weight {
		// Minimum execution time: 181_580_000 picoseconds.
		Weight::from_parts(206_597_000, 134573)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 13_781_000 picoseconds.
		Weight::from_parts(15_033_000, 5974)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
}
