
//! Weights of `pallet_market`, generated from its benchmarks by `scripts/benchmark.sh`.
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
// pallet_market
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
// --template
// /work/wt/.maintain/frame-weight-template.hbs
// --output
// /work/wt/pallets/market/src/weights.rs

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
	fn submit_stored_task(n: u32, ) -> Weight;
	fn submit_sourced_task() -> Weight;
	fn report_input_unavailable() -> Weight;
	fn repay_output_storage(p: u32, ) -> Weight;
	fn cancel_task() -> Weight;
	fn bump_task() -> Weight;
	fn decline_task() -> Weight;
	fn schedule_probe() -> Weight;
	fn schedule_probe_stale() -> Weight;
	fn schedule_assign(r: u32, ) -> Weight;
	fn timer_task_deadline() -> Weight;
	fn timer_commit_deadline() -> Weight;
	fn timer_reveal_deadline() -> Weight;
	fn timer_prune(l: u32, ) -> Weight;
	fn timer_prune_stored(l: u32, ) -> Weight;
	fn timer_block_stale(n: u32, ) -> Weight;
	fn hook_base() -> Weight;
}

/// Weights for `pallet_market` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn upload_program(l: u32, ) -> Weight {
		// Minimum execution time: 58_036_000 picoseconds.
		Weight::from_parts(60_067_000, 3604)
			.saturating_add(Weight::from_parts(3_160, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 49_313_000 picoseconds.
		Weight::from_parts(52_839_000, 3604)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 129_140_000 picoseconds.
		Weight::from_parts(138_623_699, 26519)
			.saturating_add(Weight::from_parts(523, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn submit_stored_task(n: u32, ) -> Weight {
		// Minimum execution time: 147_340_000 picoseconds.
		Weight::from_parts(140_626_061, 26519)
			.saturating_add(Weight::from_parts(5_635_637, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(12_u64))
			.saturating_add(Weight::from_parts(0, 2535).saturating_mul(n.into()))
	}
	fn submit_sourced_task() -> Weight {
		// Minimum execution time: 145_008_000 picoseconds.
		Weight::from_parts(157_210_000, 26519)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(13_u64))
	}
	fn report_input_unavailable() -> Weight {
		// Minimum execution time: 210_916_000 picoseconds.
		Weight::from_parts(223_325_000, 33001)
			.saturating_add(T::DbWeight::get().reads(23_u64))
			.saturating_add(T::DbWeight::get().writes(24_u64))
	}
	fn repay_output_storage(p: u32, ) -> Weight {
		// Minimum execution time: 64_279_000 picoseconds.
		Weight::from_parts(67_047_000, 3604)
			.saturating_add(Weight::from_parts(48_988_147, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(p.into()))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 79_263_000 picoseconds.
		Weight::from_parts(85_794_000, 4511)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn bump_task() -> Weight {
		// Minimum execution time: 79_714_000 picoseconds.
		Weight::from_parts(87_350_000, 4511)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 233_474_000 picoseconds.
		Weight::from_parts(247_357_000, 33001)
			.saturating_add(T::DbWeight::get().reads(22_u64))
			.saturating_add(T::DbWeight::get().writes(24_u64))
	}
	fn schedule_probe() -> Weight {
		// Minimum execution time: 1_583_274_000 picoseconds.
		Weight::from_parts(1_722_934_000, 170654)
			.saturating_add(T::DbWeight::get().reads(133_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn schedule_probe_stale() -> Weight {
		// Minimum execution time: 3_758_637_000 picoseconds.
		Weight::from_parts(3_864_187_000, 323422)
			.saturating_add(T::DbWeight::get().reads(261_u64))
			.saturating_add(T::DbWeight::get().writes(326_u64))
	}
	fn schedule_assign(r: u32, ) -> Weight {
		// Minimum execution time: 217_156_000 picoseconds.
		Weight::from_parts(209_729_691, 26519)
			.saturating_add(Weight::from_parts(51_123_233, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(r.into()))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 133_018_000 picoseconds.
		Weight::from_parts(154_051_000, 33001)
			.saturating_add(T::DbWeight::get().reads(20_u64))
			.saturating_add(T::DbWeight::get().writes(22_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 92_542_000 picoseconds.
		Weight::from_parts(108_053_000, 5563)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(14_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 7_936_000 picoseconds.
		Weight::from_parts(9_570_000, 4511)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	fn timer_prune(l: u32, ) -> Weight {
		// Minimum execution time: 59_053_000 picoseconds.
		Weight::from_parts(86_137_941, 134573)
			.saturating_add(Weight::from_parts(641, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn timer_prune_stored(l: u32, ) -> Weight {
		// Minimum execution time: 66_529_000 picoseconds.
		Weight::from_parts(94_603_886, 134573)
			.saturating_add(Weight::from_parts(661, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn timer_block_stale(n: u32, ) -> Weight {
		// Minimum execution time: 16_186_000 picoseconds.
		Weight::from_parts(11_967_185, 26519)
			.saturating_add(Weight::from_parts(4_135_002, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3521).saturating_mul(n.into()))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 7_974_000 picoseconds.
		Weight::from_parts(9_286_000, 2314)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn upload_program(l: u32, ) -> Weight {
		// Minimum execution time: 58_036_000 picoseconds.
		Weight::from_parts(60_067_000, 3604)
			.saturating_add(Weight::from_parts(3_160, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 49_313_000 picoseconds.
		Weight::from_parts(52_839_000, 3604)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 129_140_000 picoseconds.
		Weight::from_parts(138_623_699, 26519)
			.saturating_add(Weight::from_parts(523, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn submit_stored_task(n: u32, ) -> Weight {
		// Minimum execution time: 147_340_000 picoseconds.
		Weight::from_parts(140_626_061, 26519)
			.saturating_add(Weight::from_parts(5_635_637, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(12_u64))
			.saturating_add(Weight::from_parts(0, 2535).saturating_mul(n.into()))
	}
	fn submit_sourced_task() -> Weight {
		// Minimum execution time: 145_008_000 picoseconds.
		Weight::from_parts(157_210_000, 26519)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(13_u64))
	}
	fn report_input_unavailable() -> Weight {
		// Minimum execution time: 210_916_000 picoseconds.
		Weight::from_parts(223_325_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(23_u64))
			.saturating_add(RocksDbWeight::get().writes(24_u64))
	}
	fn repay_output_storage(p: u32, ) -> Weight {
		// Minimum execution time: 64_279_000 picoseconds.
		Weight::from_parts(67_047_000, 3604)
			.saturating_add(Weight::from_parts(48_988_147, 0).saturating_mul(p.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(p.into()))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 79_263_000 picoseconds.
		Weight::from_parts(85_794_000, 4511)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn bump_task() -> Weight {
		// Minimum execution time: 79_714_000 picoseconds.
		Weight::from_parts(87_350_000, 4511)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 233_474_000 picoseconds.
		Weight::from_parts(247_357_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(22_u64))
			.saturating_add(RocksDbWeight::get().writes(24_u64))
	}
	fn schedule_probe() -> Weight {
		// Minimum execution time: 1_583_274_000 picoseconds.
		Weight::from_parts(1_722_934_000, 170654)
			.saturating_add(RocksDbWeight::get().reads(133_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn schedule_probe_stale() -> Weight {
		// Minimum execution time: 3_758_637_000 picoseconds.
		Weight::from_parts(3_864_187_000, 323422)
			.saturating_add(RocksDbWeight::get().reads(261_u64))
			.saturating_add(RocksDbWeight::get().writes(326_u64))
	}
	fn schedule_assign(r: u32, ) -> Weight {
		// Minimum execution time: 217_156_000 picoseconds.
		Weight::from_parts(209_729_691, 26519)
			.saturating_add(Weight::from_parts(51_123_233, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(r.into()))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 133_018_000 picoseconds.
		Weight::from_parts(154_051_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(20_u64))
			.saturating_add(RocksDbWeight::get().writes(22_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 92_542_000 picoseconds.
		Weight::from_parts(108_053_000, 5563)
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().writes(14_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 7_936_000 picoseconds.
		Weight::from_parts(9_570_000, 4511)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
	}
	fn timer_prune(l: u32, ) -> Weight {
		// Minimum execution time: 59_053_000 picoseconds.
		Weight::from_parts(86_137_941, 134573)
			.saturating_add(Weight::from_parts(641, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn timer_prune_stored(l: u32, ) -> Weight {
		// Minimum execution time: 66_529_000 picoseconds.
		Weight::from_parts(94_603_886, 134573)
			.saturating_add(Weight::from_parts(661, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn timer_block_stale(n: u32, ) -> Weight {
		// Minimum execution time: 16_186_000 picoseconds.
		Weight::from_parts(11_967_185, 26519)
			.saturating_add(Weight::from_parts(4_135_002, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3521).saturating_mul(n.into()))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 7_974_000 picoseconds.
		Weight::from_parts(9_286_000, 2314)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
