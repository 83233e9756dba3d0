
//! Weights of `pallet_market`, generated from its benchmarks by `scripts/benchmark.sh`.
//!
//! DATE: 2026-11-29, STEPS: `10`, REPEAT: `5`
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
		// Minimum execution time: 75_654_000 picoseconds.
		Weight::from_parts(78_781_000, 3593)
			.saturating_add(Weight::from_parts(3_785, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 63_006_000 picoseconds.
		Weight::from_parts(67_668_000, 3593)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 99_326_000 picoseconds.
		Weight::from_parts(107_852_009, 26519)
			.saturating_add(Weight::from_parts(612, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(12_u64))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 218_658_000 picoseconds.
		Weight::from_parts(233_171_000, 33001)
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().writes(23_u64))
	}
	// Not generated yet: an upper estimate (a decline that abandons the task does what
	// `cancel_task` does plus a slot release and a burn) until `scripts/benchmark.sh` runs.
	fn decline_task() -> Weight {
		Weight::from_parts(300_000_000, 33001)
			.saturating_add(T::DbWeight::get().reads(24_u64))
			.saturating_add(T::DbWeight::get().writes(27_u64))
	}
	fn schedule_probe(d: u32, ) -> Weight {
		// Minimum execution time: 678_598_000 picoseconds.
		Weight::from_parts(879_895_912, 169310)
			.saturating_add(Weight::from_parts(149_448, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(134_u64))
	}
	fn schedule_assign(d: u32, ) -> Weight {
		// Minimum execution time: 263_931_000 picoseconds.
		Weight::from_parts(352_549_600, 52048)
			.saturating_add(Weight::from_parts(24_072, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(31_u64))
			.saturating_add(T::DbWeight::get().writes(21_u64))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 183_114_000 picoseconds.
		Weight::from_parts(197_807_000, 33001)
			.saturating_add(T::DbWeight::get().reads(21_u64))
			.saturating_add(T::DbWeight::get().writes(23_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 124_326_000 picoseconds.
		Weight::from_parts(139_092_000, 5563)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(15_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 12_329_000 picoseconds.
		Weight::from_parts(14_287_000, 4446)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	fn timer_prune() -> Weight {
		// Minimum execution time: 142_779_000 picoseconds.
		Weight::from_parts(159_042_000, 134573)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 4_646_000 picoseconds.
		Weight::from_parts(5_315_000, 1489)
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn upload_program(l: u32, ) -> Weight {
		// Minimum execution time: 75_654_000 picoseconds.
		Weight::from_parts(78_781_000, 3593)
			.saturating_add(Weight::from_parts(3_785, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 63_006_000 picoseconds.
		Weight::from_parts(67_668_000, 3593)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 99_326_000 picoseconds.
		Weight::from_parts(107_852_009, 26519)
			.saturating_add(Weight::from_parts(612, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(12_u64))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 218_658_000 picoseconds.
		Weight::from_parts(233_171_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(21_u64))
			.saturating_add(RocksDbWeight::get().writes(23_u64))
	}
	// Not generated yet: an upper estimate (a decline that abandons the task does what
	// `cancel_task` does plus a slot release and a burn) until `scripts/benchmark.sh` runs.
	fn decline_task() -> Weight {
		Weight::from_parts(300_000_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(24_u64))
			.saturating_add(RocksDbWeight::get().writes(27_u64))
	}
	fn schedule_probe(d: u32, ) -> Weight {
		// Minimum execution time: 678_598_000 picoseconds.
		Weight::from_parts(879_895_912, 169310)
			.saturating_add(Weight::from_parts(149_448, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(134_u64))
	}
	fn schedule_assign(d: u32, ) -> Weight {
		// Minimum execution time: 263_931_000 picoseconds.
		Weight::from_parts(352_549_600, 52048)
			.saturating_add(Weight::from_parts(24_072, 0).saturating_mul(d.into()))
			.saturating_add(RocksDbWeight::get().reads(31_u64))
			.saturating_add(RocksDbWeight::get().writes(21_u64))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 183_114_000 picoseconds.
		Weight::from_parts(197_807_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(21_u64))
			.saturating_add(RocksDbWeight::get().writes(23_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 124_326_000 picoseconds.
		Weight::from_parts(139_092_000, 5563)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(15_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 12_329_000 picoseconds.
		Weight::from_parts(14_287_000, 4446)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
	}
	fn timer_prune() -> Weight {
		// Minimum execution time: 142_779_000 picoseconds.
		Weight::from_parts(159_042_000, 134573)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 4_646_000 picoseconds.
		Weight::from_parts(5_315_000, 1489)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
	}
}
