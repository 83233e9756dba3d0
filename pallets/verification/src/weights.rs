
//! Weights of `pallet_verification`, generated from its benchmarks by `scripts/benchmark.sh`.
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
// pallet_verification
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
// --output-analysis
// median-slopes
// --template
// /work/wt/.maintain/frame-weight-template.hbs
// --output
// /work/wt/pallets/verification/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_verification`.
pub trait WeightInfo {
	fn commit() -> Weight;
	fn commit_pending() -> Weight;
	fn commit_quiet() -> Weight;
	fn reveal(s: u32, ) -> Weight;
	fn reveal_late(s: u32, ) -> Weight;
	fn reveal_pending(s: u32, ) -> Weight;
	fn publish_output(l: u32, s: u32, ) -> Weight;
	fn publish_output_open(l: u32, s: u32, ) -> Weight;
	fn on_reveal_timeout(s: u32, ) -> Weight;
	fn on_task_finished(s: u32, ) -> Weight;
}

/// Weights for `pallet_verification` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn commit() -> Weight {
		// Minimum execution time: 34_488_000 picoseconds.
		Weight::from_parts(41_224_000, 5114)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn commit_pending() -> Weight {
		// Minimum execution time: 29_207_000 picoseconds.
		Weight::from_parts(34_725_000, 5114)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn commit_quiet() -> Weight {
		// Minimum execution time: 25_696_000 picoseconds.
		Weight::from_parts(30_744_000, 5114)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn reveal(s: u32, ) -> Weight {
		// Minimum execution time: 84_214_000 picoseconds.
		Weight::from_parts(93_638_000, 5114)
			.saturating_add(Weight::from_parts(1_177_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn reveal_late(s: u32, ) -> Weight {
		// Minimum execution time: 187_867_000 picoseconds.
		Weight::from_parts(194_727_000, 8799)
			.saturating_add(Weight::from_parts(6_753_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(14_u64))
			.saturating_add(Weight::from_parts(0, 4701).saturating_mul(s.into()))
	}
	fn reveal_pending(s: u32, ) -> Weight {
		// Minimum execution time: 21_961_000 picoseconds.
		Weight::from_parts(25_125_000, 5114)
			.saturating_add(Weight::from_parts(654_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn publish_output(l: u32, s: u32, ) -> Weight {
		// Minimum execution time: 733_499_000 picoseconds.
		Weight::from_parts(161_978_366, 6196)
			.saturating_add(Weight::from_parts(7_256, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(98_065_250, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(11_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4701).saturating_mul(s.into()))
	}
	fn publish_output_open(l: u32, s: u32, ) -> Weight {
		// Minimum execution time: 588_310_000 picoseconds.
		Weight::from_parts(125_132_745, 6196)
			.saturating_add(Weight::from_parts(7_203, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(88_387_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(8_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4701).saturating_mul(s.into()))
	}
	fn on_reveal_timeout(s: u32, ) -> Weight {
		// Minimum execution time: 119_888_000 picoseconds.
		Weight::from_parts(84_849_000, 5114)
			.saturating_add(Weight::from_parts(46_542_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(9_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4701).saturating_mul(s.into()))
	}
	fn on_task_finished(s: u32, ) -> Weight {
		// Minimum execution time: 1_737_000 picoseconds.
		Weight::from_parts(2_075_000, 0)
			.saturating_add(Weight::from_parts(42_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn commit() -> Weight {
		// Minimum execution time: 34_488_000 picoseconds.
		Weight::from_parts(41_224_000, 5114)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn commit_pending() -> Weight {
		// Minimum execution time: 29_207_000 picoseconds.
		Weight::from_parts(34_725_000, 5114)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn commit_quiet() -> Weight {
		// Minimum execution time: 25_696_000 picoseconds.
		Weight::from_parts(30_744_000, 5114)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn reveal(s: u32, ) -> Weight {
		// Minimum execution time: 84_214_000 picoseconds.
		Weight::from_parts(93_638_000, 5114)
			.saturating_add(Weight::from_parts(1_177_000, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn reveal_late(s: u32, ) -> Weight {
		// Minimum execution time: 187_867_000 picoseconds.
		Weight::from_parts(194_727_000, 8799)
			.saturating_add(Weight::from_parts(6_753_000, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(13_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(14_u64))
			.saturating_add(Weight::from_parts(0, 4701).saturating_mul(s.into()))
	}
	fn reveal_pending(s: u32, ) -> Weight {
		// Minimum execution time: 21_961_000 picoseconds.
		Weight::from_parts(25_125_000, 5114)
			.saturating_add(Weight::from_parts(654_000, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn publish_output(l: u32, s: u32, ) -> Weight {
		// Minimum execution time: 733_499_000 picoseconds.
		Weight::from_parts(161_978_366, 6196)
			.saturating_add(Weight::from_parts(7_256, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(98_065_250, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(11_u64))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4701).saturating_mul(s.into()))
	}
	fn publish_output_open(l: u32, s: u32, ) -> Weight {
		// Minimum execution time: 588_310_000 picoseconds.
		Weight::from_parts(125_132_745, 6196)
			.saturating_add(Weight::from_parts(7_203, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(88_387_000, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4701).saturating_mul(s.into()))
	}
	fn on_reveal_timeout(s: u32, ) -> Weight {
		// Minimum execution time: 119_888_000 picoseconds.
		Weight::from_parts(84_849_000, 5114)
			.saturating_add(Weight::from_parts(46_542_000, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(9_u64))
			.saturating_add(RocksDbWeight::get().writes((5_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4701).saturating_mul(s.into()))
	}
	fn on_task_finished(s: u32, ) -> Weight {
		// Minimum execution time: 1_737_000 picoseconds.
		Weight::from_parts(2_075_000, 0)
			.saturating_add(Weight::from_parts(42_000, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
