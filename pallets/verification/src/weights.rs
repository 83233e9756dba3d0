
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
// --output-analysis
// median-slopes
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
	fn commit_quiet() -> Weight;
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
		// Minimum execution time: 41_712_000 picoseconds.
		Weight::from_parts(51_627_000, 5114)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn commit_pending() -> Weight {
		// Minimum execution time: 35_192_000 picoseconds.
		Weight::from_parts(42_584_000, 5114)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn commit_quiet() -> Weight {
		// Minimum execution time: 31_317_000 picoseconds.
		Weight::from_parts(40_931_000, 5114)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn reveal(s: u32, ) -> Weight {
		// Minimum execution time: 104_255_000 picoseconds.
		Weight::from_parts(121_485_000, 5114)
			.saturating_add(Weight::from_parts(1_970_500, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn reveal_late(s: u32, ) -> Weight {
		// Minimum execution time: 260_247_000 picoseconds.
		Weight::from_parts(254_853_000, 8799)
			.saturating_add(Weight::from_parts(14_056_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(13_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(s.into()))
	}
	fn reveal_pending(s: u32, ) -> Weight {
		// Minimum execution time: 27_341_000 picoseconds.
		Weight::from_parts(32_755_000, 5114)
			.saturating_add(Weight::from_parts(888_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn publish_output(l: u32, s: u32, ) -> Weight {
		// Minimum execution time: 994_688_000 picoseconds.
		Weight::from_parts(1_245_120, 6196)
			.saturating_add(Weight::from_parts(24_180, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(161_880_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(11_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(s.into()))
	}
	fn on_reveal_timeout(s: u32, ) -> Weight {
		// Minimum execution time: 145_386_000 picoseconds.
		Weight::from_parts(147_099_000, 5114)
			.saturating_add(Weight::from_parts(72_878_000, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(9_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2630).saturating_mul(s.into()))
	}
	fn on_task_finished(s: u32, ) -> Weight {
		// Minimum execution time: 2_013_000 picoseconds.
		Weight::from_parts(3_754_800, 0)
			.saturating_add(Weight::from_parts(110_400, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn commit() -> Weight {
		// Minimum execution time: 41_712_000 picoseconds.
		Weight::from_parts(51_627_000, 5114)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn commit_pending() -> Weight {
		// Minimum execution time: 35_192_000 picoseconds.
		Weight::from_parts(42_584_000, 5114)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn commit_quiet() -> Weight {
		// Minimum execution time: 31_317_000 picoseconds.
		Weight::from_parts(40_931_000, 5114)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn reveal(s: u32, ) -> Weight {
		// Minimum execution time: 104_255_000 picoseconds.
		Weight::from_parts(121_485_000, 5114)
			.saturating_add(Weight::from_parts(1_970_500, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn reveal_late(s: u32, ) -> Weight {
		// Minimum execution time: 260_247_000 picoseconds.
		Weight::from_parts(254_853_000, 8799)
			.saturating_add(Weight::from_parts(14_056_000, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(13_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(13_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(s.into()))
	}
	fn reveal_pending(s: u32, ) -> Weight {
		// Minimum execution time: 27_341_000 picoseconds.
		Weight::from_parts(32_755_000, 5114)
			.saturating_add(Weight::from_parts(888_000, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn publish_output(l: u32, s: u32, ) -> Weight {
		// Minimum execution time: 994_688_000 picoseconds.
		Weight::from_parts(1_245_120, 6196)
			.saturating_add(Weight::from_parts(24_180, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(161_880_000, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().reads((5_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(11_u64))
			.saturating_add(RocksDbWeight::get().writes((5_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(s.into()))
	}
	fn on_reveal_timeout(s: u32, ) -> Weight {
		// Minimum execution time: 145_386_000 picoseconds.
		Weight::from_parts(147_099_000, 5114)
			.saturating_add(Weight::from_parts(72_878_000, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(9_u64))
			.saturating_add(RocksDbWeight::get().writes((5_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2630).saturating_mul(s.into()))
	}
	fn on_task_finished(s: u32, ) -> Weight {
		// Minimum execution time: 2_013_000 picoseconds.
		Weight::from_parts(3_754_800, 0)
			.saturating_add(Weight::from_parts(110_400, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
