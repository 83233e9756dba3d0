
//! Weights of `pallet_verification`, generated from its benchmarks by `scripts/benchmark.sh`.
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
// --steps
// 10
// --repeat
// 5
// --wasm-execution
// compiled
// --heap-pages
// 4096
// --pallet
// pallet_verification
// --extrinsic
// *
// --output-analysis
// median-slopes
// --template
// .maintain/frame-weight-template.hbs
// --output
// /tmp/t/verification.rs

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
		// Minimum execution time: 41_983_000 picoseconds.
		Weight::from_parts(47_581_000, 5114)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn commit_pending() -> Weight {
		// Minimum execution time: 34_131_000 picoseconds.
		Weight::from_parts(37_746_000, 5114)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn commit_quiet() -> Weight {
		// Minimum execution time: 29_744_000 picoseconds.
		Weight::from_parts(33_630_000, 5114)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn reveal(s: u32, ) -> Weight {
		// Minimum execution time: 103_925_000 picoseconds.
		Weight::from_parts(109_712_500, 5114)
			.saturating_add(Weight::from_parts(1_196_750, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn reveal_late(s: u32, ) -> Weight {
		// Minimum execution time: 251_543_000 picoseconds.
		Weight::from_parts(226_887_500, 8799)
			.saturating_add(Weight::from_parts(11_096_500, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(13_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(s.into()))
	}
	fn reveal_pending(s: u32, ) -> Weight {
		// Minimum execution time: 26_419_000 picoseconds.
		Weight::from_parts(28_486_500, 5114)
			.saturating_add(Weight::from_parts(678_750, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn publish_output(l: u32, s: u32, ) -> Weight {
		// Minimum execution time: 941_789_000 picoseconds.
		Weight::from_parts(15_862_481, 6196)
			.saturating_add(Weight::from_parts(22_118, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(138_856_200, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(11_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(s.into()))
	}
	fn on_reveal_timeout(s: u32, ) -> Weight {
		// Minimum execution time: 146_798_000 picoseconds.
		Weight::from_parts(99_228_000, 5114)
			.saturating_add(Weight::from_parts(54_008_200, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(9_u64))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2651).saturating_mul(s.into()))
	}
	fn on_task_finished(s: u32, ) -> Weight {
		// Minimum execution time: 1_903_000 picoseconds.
		Weight::from_parts(2_246_000, 0)
			.saturating_add(Weight::from_parts(59_500, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn commit() -> Weight {
		// Minimum execution time: 41_983_000 picoseconds.
		Weight::from_parts(47_581_000, 5114)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn commit_pending() -> Weight {
		// Minimum execution time: 34_131_000 picoseconds.
		Weight::from_parts(37_746_000, 5114)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn commit_quiet() -> Weight {
		// Minimum execution time: 29_744_000 picoseconds.
		Weight::from_parts(33_630_000, 5114)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn reveal(s: u32, ) -> Weight {
		// Minimum execution time: 103_925_000 picoseconds.
		Weight::from_parts(109_712_500, 5114)
			.saturating_add(Weight::from_parts(1_196_750, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn reveal_late(s: u32, ) -> Weight {
		// Minimum execution time: 251_543_000 picoseconds.
		Weight::from_parts(226_887_500, 8799)
			.saturating_add(Weight::from_parts(11_096_500, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(13_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(13_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(s.into()))
	}
	fn reveal_pending(s: u32, ) -> Weight {
		// Minimum execution time: 26_419_000 picoseconds.
		Weight::from_parts(28_486_500, 5114)
			.saturating_add(Weight::from_parts(678_750, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn publish_output(l: u32, s: u32, ) -> Weight {
		// Minimum execution time: 941_789_000 picoseconds.
		Weight::from_parts(15_862_481, 6196)
			.saturating_add(Weight::from_parts(22_118, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(138_856_200, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().reads((5_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(11_u64))
			.saturating_add(RocksDbWeight::get().writes((5_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(s.into()))
	}
	fn on_reveal_timeout(s: u32, ) -> Weight {
		// Minimum execution time: 146_798_000 picoseconds.
		Weight::from_parts(99_228_000, 5114)
			.saturating_add(Weight::from_parts(54_008_200, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(9_u64))
			.saturating_add(RocksDbWeight::get().writes((5_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 2651).saturating_mul(s.into()))
	}
	fn on_task_finished(s: u32, ) -> Weight {
		// Minimum execution time: 1_903_000 picoseconds.
		Weight::from_parts(2_246_000, 0)
			.saturating_add(Weight::from_parts(59_500, 0).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
