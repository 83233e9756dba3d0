
//! Weights of `pallet_verification`, generated from its benchmarks by `scripts/benchmark.sh`.
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
	fn reveal(l: u32, s: u32, ) -> Weight;
	fn on_reveal_timeout(s: u32, ) -> Weight;
	fn on_task_finished(s: u32, ) -> Weight;
}

/// Weights for `pallet_verification` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn commit() -> Weight {
		// Minimum execution time: 48_980_000 picoseconds.
		Weight::from_parts(55_057_000, 26519)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn reveal(l: u32, s: u32, ) -> Weight {
		// Minimum execution time: 806_025_000 picoseconds.
		Weight::from_parts(215_899_701, 26519)
			.saturating_add(Weight::from_parts(6_662, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(88_917_083, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().reads((7_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(11_u64))
			.saturating_add(T::DbWeight::get().writes((7_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(s.into()))
	}
	fn on_reveal_timeout(s: u32, ) -> Weight {
		// Minimum execution time: 181_007_000 picoseconds.
		Weight::from_parts(125_715_267, 4446)
			.saturating_add(Weight::from_parts(70_107_947, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(9_u64))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2630).saturating_mul(s.into()))
	}
	fn on_task_finished(s: u32, ) -> Weight {
		// Minimum execution time: 13_591_000 picoseconds.
		Weight::from_parts(12_784_163, 990)
			.saturating_add(Weight::from_parts(3_255_037, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2583).saturating_mul(s.into()))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn commit() -> Weight {
		// Minimum execution time: 48_980_000 picoseconds.
		Weight::from_parts(55_057_000, 26519)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn reveal(l: u32, s: u32, ) -> Weight {
		// Minimum execution time: 806_025_000 picoseconds.
		Weight::from_parts(215_899_701, 26519)
			.saturating_add(Weight::from_parts(6_662, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(88_917_083, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().reads((7_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(11_u64))
			.saturating_add(RocksDbWeight::get().writes((7_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(s.into()))
	}
	fn on_reveal_timeout(s: u32, ) -> Weight {
		// Minimum execution time: 181_007_000 picoseconds.
		Weight::from_parts(125_715_267, 4446)
			.saturating_add(Weight::from_parts(70_107_947, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().reads((6_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(9_u64))
			.saturating_add(RocksDbWeight::get().writes((6_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2630).saturating_mul(s.into()))
	}
	fn on_task_finished(s: u32, ) -> Weight {
		// Minimum execution time: 13_591_000 picoseconds.
		Weight::from_parts(12_784_163, 990)
			.saturating_add(Weight::from_parts(3_255_037, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2583).saturating_mul(s.into()))
	}
}
