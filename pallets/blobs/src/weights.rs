
//! Weights of `pallet_blobs`, generated from its benchmarks by `scripts/benchmark.sh`.
//!
//! DATE: 2026-12-04, STEPS: `10`, REPEAT: `5`
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
// pallet_blobs
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
// /work/main/pallets/blobs/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_blobs`.
pub trait WeightInfo {
	fn store(l: u32, ) -> Weight;
	fn refusal(l: u32, ) -> Weight;
	fn renew() -> Weight;
	fn check_proof() -> Weight;
	fn set_retention_period() -> Weight;
	fn prune_idle() -> Weight;
	fn prune_block(c: u32, ) -> Weight;
}

/// Weights for `pallet_blobs` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn store(l: u32, ) -> Weight {
		// Minimum execution time: 105_176_000 picoseconds.
		Weight::from_parts(109_704_000, 8343)
			.saturating_add(Weight::from_parts(8_030, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn refusal(l: u32, ) -> Weight {
		// Minimum execution time: 6_062_000 picoseconds.
		Weight::from_parts(6_502_000, 3525)
			.saturating_add(Weight::from_parts(1_128, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	fn renew() -> Weight {
		// Minimum execution time: 110_296_000 picoseconds.
		Weight::from_parts(128_269_000, 15696)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn check_proof() -> Weight {
		// Minimum execution time: 81_301_000 picoseconds.
		Weight::from_parts(91_271_000, 8343)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn set_retention_period() -> Weight {
		// Minimum execution time: 9_137_000 picoseconds.
		Weight::from_parts(12_683_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn prune_idle() -> Weight {
		// Minimum execution time: 2_945_000 picoseconds.
		Weight::from_parts(3_376_000, 1489)
			.saturating_add(T::DbWeight::get().reads(2_u64))
	}
	fn prune_block(c: u32, ) -> Weight {
		// Minimum execution time: 11_882_000 picoseconds.
		Weight::from_parts(17_794_084, 8343)
			.saturating_add(Weight::from_parts(10_103_658, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(c.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(c.into())))
			.saturating_add(Weight::from_parts(0, 2535).saturating_mul(c.into()))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn store(l: u32, ) -> Weight {
		// Minimum execution time: 105_176_000 picoseconds.
		Weight::from_parts(109_704_000, 8343)
			.saturating_add(Weight::from_parts(8_030, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn refusal(l: u32, ) -> Weight {
		// Minimum execution time: 6_062_000 picoseconds.
		Weight::from_parts(6_502_000, 3525)
			.saturating_add(Weight::from_parts(1_128, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
	}
	fn renew() -> Weight {
		// Minimum execution time: 110_296_000 picoseconds.
		Weight::from_parts(128_269_000, 15696)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn check_proof() -> Weight {
		// Minimum execution time: 81_301_000 picoseconds.
		Weight::from_parts(91_271_000, 8343)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn set_retention_period() -> Weight {
		// Minimum execution time: 9_137_000 picoseconds.
		Weight::from_parts(12_683_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn prune_idle() -> Weight {
		// Minimum execution time: 2_945_000 picoseconds.
		Weight::from_parts(3_376_000, 1489)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
	}
	fn prune_block(c: u32, ) -> Weight {
		// Minimum execution time: 11_882_000 picoseconds.
		Weight::from_parts(17_794_084, 8343)
			.saturating_add(Weight::from_parts(10_103_658, 0).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(c.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(c.into())))
			.saturating_add(Weight::from_parts(0, 2535).saturating_mul(c.into()))
	}
}
