
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
		// Minimum execution time: 53_318_000 picoseconds.
		Weight::from_parts(55_320_000, 3604)
			.saturating_add(Weight::from_parts(2_888, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 45_420_000 picoseconds.
		Weight::from_parts(51_303_000, 3604)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 118_730_000 picoseconds.
		Weight::from_parts(132_701_230, 26519)
			.saturating_add(Weight::from_parts(503, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn submit_stored_task(n: u32, ) -> Weight {
		// Minimum execution time: 135_010_000 picoseconds.
		Weight::from_parts(136_246_194, 26519)
			.saturating_add(Weight::from_parts(5_215_045, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(12_u64))
			.saturating_add(Weight::from_parts(0, 2535).saturating_mul(n.into()))
	}
	fn submit_sourced_task() -> Weight {
		// Minimum execution time: 129_365_000 picoseconds.
		Weight::from_parts(145_118_000, 26519)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(13_u64))
	}
	fn report_input_unavailable() -> Weight {
		// Minimum execution time: 164_910_000 picoseconds.
		Weight::from_parts(185_844_000, 33897)
			.saturating_add(T::DbWeight::get().reads(16_u64))
			.saturating_add(T::DbWeight::get().writes(17_u64))
	}
	fn repay_output_storage(p: u32, ) -> Weight {
		// Minimum execution time: 58_075_000 picoseconds.
		Weight::from_parts(62_798_000, 3604)
			.saturating_add(Weight::from_parts(48_035_685, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(p.into()))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 72_342_000 picoseconds.
		Weight::from_parts(84_697_000, 4511)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn bump_task() -> Weight {
		// Minimum execution time: 74_511_000 picoseconds.
		Weight::from_parts(84_449_000, 4511)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 188_101_000 picoseconds.
		Weight::from_parts(206_227_000, 33897)
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().writes(17_u64))
	}
	fn schedule_probe() -> Weight {
		// Minimum execution time: 1_782_858_000 picoseconds.
		Weight::from_parts(1_908_294_000, 301854)
			.saturating_add(T::DbWeight::get().reads(133_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn schedule_probe_stale() -> Weight {
		// Minimum execution time: 4_051_987_000 picoseconds.
		Weight::from_parts(4_227_984_000, 323422)
			.saturating_add(T::DbWeight::get().reads(261_u64))
			.saturating_add(T::DbWeight::get().writes(326_u64))
	}
	fn schedule_assign(r: u32, ) -> Weight {
		// Minimum execution time: 204_199_000 picoseconds.
		Weight::from_parts(187_302_458, 26519)
			.saturating_add(Weight::from_parts(41_285_868, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 4701).saturating_mul(r.into()))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 111_561_000 picoseconds.
		Weight::from_parts(127_628_000, 33897)
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().writes(15_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 91_698_000 picoseconds.
		Weight::from_parts(103_941_000, 5691)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(13_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 7_365_000 picoseconds.
		Weight::from_parts(8_648_000, 4511)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	fn timer_prune(l: u32, ) -> Weight {
		// Minimum execution time: 59_703_000 picoseconds.
		Weight::from_parts(85_868_723, 134573)
			.saturating_add(Weight::from_parts(635, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn timer_prune_stored(l: u32, ) -> Weight {
		// Minimum execution time: 67_215_000 picoseconds.
		Weight::from_parts(92_167_459, 134573)
			.saturating_add(Weight::from_parts(637, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn timer_block_stale(n: u32, ) -> Weight {
		// Minimum execution time: 14_595_000 picoseconds.
		Weight::from_parts(4_985_193, 26519)
			.saturating_add(Weight::from_parts(3_930_470, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3521).saturating_mul(n.into()))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 7_567_000 picoseconds.
		Weight::from_parts(8_658_000, 2314)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn upload_program(l: u32, ) -> Weight {
		// Minimum execution time: 53_318_000 picoseconds.
		Weight::from_parts(55_320_000, 3604)
			.saturating_add(Weight::from_parts(2_888, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 45_420_000 picoseconds.
		Weight::from_parts(51_303_000, 3604)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 118_730_000 picoseconds.
		Weight::from_parts(132_701_230, 26519)
			.saturating_add(Weight::from_parts(503, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn submit_stored_task(n: u32, ) -> Weight {
		// Minimum execution time: 135_010_000 picoseconds.
		Weight::from_parts(136_246_194, 26519)
			.saturating_add(Weight::from_parts(5_215_045, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(12_u64))
			.saturating_add(Weight::from_parts(0, 2535).saturating_mul(n.into()))
	}
	fn submit_sourced_task() -> Weight {
		// Minimum execution time: 129_365_000 picoseconds.
		Weight::from_parts(145_118_000, 26519)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(13_u64))
	}
	fn report_input_unavailable() -> Weight {
		// Minimum execution time: 164_910_000 picoseconds.
		Weight::from_parts(185_844_000, 33897)
			.saturating_add(RocksDbWeight::get().reads(16_u64))
			.saturating_add(RocksDbWeight::get().writes(17_u64))
	}
	fn repay_output_storage(p: u32, ) -> Weight {
		// Minimum execution time: 58_075_000 picoseconds.
		Weight::from_parts(62_798_000, 3604)
			.saturating_add(Weight::from_parts(48_035_685, 0).saturating_mul(p.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(p.into()))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 72_342_000 picoseconds.
		Weight::from_parts(84_697_000, 4511)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn bump_task() -> Weight {
		// Minimum execution time: 74_511_000 picoseconds.
		Weight::from_parts(84_449_000, 4511)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 188_101_000 picoseconds.
		Weight::from_parts(206_227_000, 33897)
			.saturating_add(RocksDbWeight::get().reads(15_u64))
			.saturating_add(RocksDbWeight::get().writes(17_u64))
	}
	fn schedule_probe() -> Weight {
		// Minimum execution time: 1_782_858_000 picoseconds.
		Weight::from_parts(1_908_294_000, 301854)
			.saturating_add(RocksDbWeight::get().reads(133_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn schedule_probe_stale() -> Weight {
		// Minimum execution time: 4_051_987_000 picoseconds.
		Weight::from_parts(4_227_984_000, 323422)
			.saturating_add(RocksDbWeight::get().reads(261_u64))
			.saturating_add(RocksDbWeight::get().writes(326_u64))
	}
	fn schedule_assign(r: u32, ) -> Weight {
		// Minimum execution time: 204_199_000 picoseconds.
		Weight::from_parts(187_302_458, 26519)
			.saturating_add(Weight::from_parts(41_285_868, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 4701).saturating_mul(r.into()))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 111_561_000 picoseconds.
		Weight::from_parts(127_628_000, 33897)
			.saturating_add(RocksDbWeight::get().reads(13_u64))
			.saturating_add(RocksDbWeight::get().writes(15_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 91_698_000 picoseconds.
		Weight::from_parts(103_941_000, 5691)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(13_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 7_365_000 picoseconds.
		Weight::from_parts(8_648_000, 4511)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
	}
	fn timer_prune(l: u32, ) -> Weight {
		// Minimum execution time: 59_703_000 picoseconds.
		Weight::from_parts(85_868_723, 134573)
			.saturating_add(Weight::from_parts(635, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn timer_prune_stored(l: u32, ) -> Weight {
		// Minimum execution time: 67_215_000 picoseconds.
		Weight::from_parts(92_167_459, 134573)
			.saturating_add(Weight::from_parts(637, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn timer_block_stale(n: u32, ) -> Weight {
		// Minimum execution time: 14_595_000 picoseconds.
		Weight::from_parts(4_985_193, 26519)
			.saturating_add(Weight::from_parts(3_930_470, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3521).saturating_mul(n.into()))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 7_567_000 picoseconds.
		Weight::from_parts(8_658_000, 2314)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
