
//! Weights of `pallet_verification`, generated from its benchmarks by `scripts/benchmark.sh`.
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
// pallet_verification
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
// /work/main/pallets/verification/src/weights.rs

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
	fn reveal(s: u32, ) -> Weight;
	fn reveal_late(s: u32, ) -> Weight;
	fn reveal_pending(s: u32, ) -> Weight;
	fn publish_output(l: u32, s: u32, ) -> Weight;
	fn on_reveal_timeout(s: u32, ) -> Weight;
	fn on_task_finished(s: u32, ) -> Weight;
}

/// Weights for `pallet_verification` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn commit() -> Weight {
		// Minimum execution time: 44_466_000 picoseconds.
		Weight::from_parts(48_993_000, 5110)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn commit_pending() -> Weight {
		// Minimum execution time: 34_962_000 picoseconds.
		Weight::from_parts(41_682_000, 5110)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn reveal(s: u32, ) -> Weight {
		// Minimum execution time: 107_189_000 picoseconds.
		Weight::from_parts(115_600_681, 5110)
			.saturating_add(Weight::from_parts(1_254_269, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn reveal_late(s: u32, ) -> Weight {
		// Minimum execution time: 254_268_000 picoseconds.
		Weight::from_parts(247_449_754, 8799)
			.saturating_add(Weight::from_parts(12_194_831, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(13_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(s.into()))
	}
	fn reveal_pending(s: u32, ) -> Weight {
		// Minimum execution time: 29_113_000 picoseconds.
		Weight::from_parts(33_136_033, 5110)
			.saturating_add(Weight::from_parts(758_618, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn publish_output(l: u32, s: u32, ) -> Weight {
		// Minimum execution time: 954_438_000 picoseconds.
		Weight::from_parts(110_426_686, 6196)
			.saturating_add(Weight::from_parts(23_184, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(131_513_631, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(s.into()))
	}
	fn on_reveal_timeout(s: u32, ) -> Weight {
		// Minimum execution time: 152_547_000 picoseconds.
		Weight::from_parts(104_256_410, 5110)
			.saturating_add(Weight::from_parts(58_818_485, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2630).saturating_mul(s.into()))
	}
	fn on_task_finished(s: u32, ) -> Weight {
		// Minimum execution time: 2_023_000 picoseconds.
		Weight::from_parts(2_432_210, 0)
			.saturating_add(Weight::from_parts(77_414, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn commit() -> Weight {
		// Minimum execution time: 44_466_000 picoseconds.
		Weight::from_parts(48_993_000, 5110)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn commit_pending() -> Weight {
		// Minimum execution time: 34_962_000 picoseconds.
		Weight::from_parts(41_682_000, 5110)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn reveal(s: u32, ) -> Weight {
		// Minimum execution time: 107_189_000 picoseconds.
		Weight::from_parts(115_600_681, 5110)
			.saturating_add(Weight::from_parts(1_254_269, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn reveal_late(s: u32, ) -> Weight {
		// Minimum execution time: 254_268_000 picoseconds.
		Weight::from_parts(247_449_754, 8799)
			.saturating_add(Weight::from_parts(12_194_831, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(13_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(13_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(s.into()))
	}
	fn reveal_pending(s: u32, ) -> Weight {
		// Minimum execution time: 29_113_000 picoseconds.
		Weight::from_parts(33_136_033, 5110)
			.saturating_add(Weight::from_parts(758_618, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn publish_output(l: u32, s: u32, ) -> Weight {
		// Minimum execution time: 954_438_000 picoseconds.
		Weight::from_parts(110_426_686, 6196)
			.saturating_add(Weight::from_parts(23_184, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(131_513_631, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().reads((5_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
			.saturating_add(RocksDbWeight::get().writes((5_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(s.into()))
	}
	fn on_reveal_timeout(s: u32, ) -> Weight {
		// Minimum execution time: 152_547_000 picoseconds.
		Weight::from_parts(104_256_410, 5110)
			.saturating_add(Weight::from_parts(58_818_485, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
			.saturating_add(RocksDbWeight::get().writes((5_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2630).saturating_mul(s.into()))
	}
	fn on_task_finished(s: u32, ) -> Weight {
		// Minimum execution time: 2_023_000 picoseconds.
		Weight::from_parts(2_432_210, 0)
			.saturating_add(Weight::from_parts(77_414, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
