
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
		// Minimum execution time: 41_151_000 picoseconds.
		Weight::from_parts(51_266_000, 4507)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn commit_pending() -> Weight {
		// Minimum execution time: 34_020_000 picoseconds.
		Weight::from_parts(41_832_000, 4507)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn reveal(s: u32, ) -> Weight {
		// Minimum execution time: 144_675_000 picoseconds.
		Weight::from_parts(153_201_318, 4507)
			.saturating_add(Weight::from_parts(6_166_068, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(9_u64))
			.saturating_add(Weight::from_parts(0, 2615).saturating_mul(s.into()))
	}
	fn reveal_late(s: u32, ) -> Weight {
		// Minimum execution time: 300_176_000 picoseconds.
		Weight::from_parts(281_125_332, 8799)
			.saturating_add(Weight::from_parts(19_720_087, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(14_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(14_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(s.into()))
	}
	fn reveal_pending(s: u32, ) -> Weight {
		// Minimum execution time: 46_809_000 picoseconds.
		Weight::from_parts(55_162_509, 6220)
			.saturating_add(Weight::from_parts(6_672_835, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 2615).saturating_mul(s.into()))
	}
	fn publish_output(l: u32, s: u32, ) -> Weight {
		// Minimum execution time: 1_056_590_000 picoseconds.
		Weight::from_parts(110_533_800, 6196)
			.saturating_add(Weight::from_parts(23_213, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(145_253_859, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((7_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(11_u64))
			.saturating_add(T::DbWeight::get().writes((7_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(s.into()))
	}
	fn on_reveal_timeout(s: u32, ) -> Weight {
		// Minimum execution time: 163_302_000 picoseconds.
		Weight::from_parts(113_382_751, 4507)
			.saturating_add(Weight::from_parts(66_713_641, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(9_u64))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2630).saturating_mul(s.into()))
	}
	fn on_task_finished(s: u32, ) -> Weight {
		// Minimum execution time: 11_958_000 picoseconds.
		Weight::from_parts(11_850_536, 990)
			.saturating_add(Weight::from_parts(2_396_095, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2615).saturating_mul(s.into()))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn commit() -> Weight {
		// Minimum execution time: 41_151_000 picoseconds.
		Weight::from_parts(51_266_000, 4507)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn commit_pending() -> Weight {
		// Minimum execution time: 34_020_000 picoseconds.
		Weight::from_parts(41_832_000, 4507)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn reveal(s: u32, ) -> Weight {
		// Minimum execution time: 144_675_000 picoseconds.
		Weight::from_parts(153_201_318, 4507)
			.saturating_add(Weight::from_parts(6_166_068, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(9_u64))
			.saturating_add(Weight::from_parts(0, 2615).saturating_mul(s.into()))
	}
	fn reveal_late(s: u32, ) -> Weight {
		// Minimum execution time: 300_176_000 picoseconds.
		Weight::from_parts(281_125_332, 8799)
			.saturating_add(Weight::from_parts(19_720_087, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(14_u64))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(14_u64))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(s.into()))
	}
	fn reveal_pending(s: u32, ) -> Weight {
		// Minimum execution time: 46_809_000 picoseconds.
		Weight::from_parts(55_162_509, 6220)
			.saturating_add(Weight::from_parts(6_672_835, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 2615).saturating_mul(s.into()))
	}
	fn publish_output(l: u32, s: u32, ) -> Weight {
		// Minimum execution time: 1_056_590_000 picoseconds.
		Weight::from_parts(110_533_800, 6196)
			.saturating_add(Weight::from_parts(23_213, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(145_253_859, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().reads((7_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(11_u64))
			.saturating_add(RocksDbWeight::get().writes((7_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(s.into()))
	}
	fn on_reveal_timeout(s: u32, ) -> Weight {
		// Minimum execution time: 163_302_000 picoseconds.
		Weight::from_parts(113_382_751, 4507)
			.saturating_add(Weight::from_parts(66_713_641, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().reads((6_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(9_u64))
			.saturating_add(RocksDbWeight::get().writes((6_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2630).saturating_mul(s.into()))
	}
	fn on_task_finished(s: u32, ) -> Weight {
		// Minimum execution time: 11_958_000 picoseconds.
		Weight::from_parts(11_850_536, 990)
			.saturating_add(Weight::from_parts(2_396_095, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2615).saturating_mul(s.into()))
	}
}
