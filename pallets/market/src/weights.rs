
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
		// Minimum execution time: 54_450_000 picoseconds.
		Weight::from_parts(59_704_000, 3604)
			.saturating_add(Weight::from_parts(2_955, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 44_651_000 picoseconds.
		Weight::from_parts(51_904_000, 3604)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 116_587_000 picoseconds.
		Weight::from_parts(132_979_379, 26519)
			.saturating_add(Weight::from_parts(501, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn submit_stored_task(n: u32, ) -> Weight {
		// Minimum execution time: 132_252_000 picoseconds.
		Weight::from_parts(131_913_749, 26519)
			.saturating_add(Weight::from_parts(5_478_502, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(12_u64))
			.saturating_add(Weight::from_parts(0, 2535).saturating_mul(n.into()))
	}
	fn submit_sourced_task() -> Weight {
		// Minimum execution time: 127_518_000 picoseconds.
		Weight::from_parts(146_344_000, 26519)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(13_u64))
	}
	fn report_input_unavailable() -> Weight {
		// Minimum execution time: 150_349_000 picoseconds.
		Weight::from_parts(167_151_000, 33897)
			.saturating_add(T::DbWeight::get().reads(16_u64))
			.saturating_add(T::DbWeight::get().writes(17_u64))
	}
	fn repay_output_storage(p: u32, ) -> Weight {
		// Minimum execution time: 57_131_000 picoseconds.
		Weight::from_parts(62_018_000, 3604)
			.saturating_add(Weight::from_parts(50_101_925, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(p.into()))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 72_257_000 picoseconds.
		Weight::from_parts(85_333_000, 4511)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn bump_task() -> Weight {
		// Minimum execution time: 73_693_000 picoseconds.
		Weight::from_parts(86_527_000, 4511)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 177_539_000 picoseconds.
		Weight::from_parts(201_734_000, 33897)
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().writes(17_u64))
	}
	fn schedule_probe() -> Weight {
		// Minimum execution time: 1_587_436_000 picoseconds.
		Weight::from_parts(1_658_104_000, 301854)
			.saturating_add(T::DbWeight::get().reads(133_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn schedule_probe_stale() -> Weight {
		// Minimum execution time: 3_539_090_000 picoseconds.
		Weight::from_parts(3_693_621_000, 323422)
			.saturating_add(T::DbWeight::get().reads(261_u64))
			.saturating_add(T::DbWeight::get().writes(326_u64))
	}
	fn schedule_assign(r: u32, ) -> Weight {
		// Minimum execution time: 193_530_000 picoseconds.
		Weight::from_parts(184_932_155, 26519)
			.saturating_add(Weight::from_parts(35_035_968, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 4701).saturating_mul(r.into()))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 97_285_000 picoseconds.
		Weight::from_parts(108_546_000, 33897)
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().writes(15_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 82_842_000 picoseconds.
		Weight::from_parts(95_575_000, 5691)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(13_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 7_265_000 picoseconds.
		Weight::from_parts(8_610_000, 4511)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	fn timer_prune(l: u32, ) -> Weight {
		// Minimum execution time: 58_828_000 picoseconds.
		Weight::from_parts(86_678_612, 134573)
			.saturating_add(Weight::from_parts(627, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn timer_prune_stored(l: u32, ) -> Weight {
		// Minimum execution time: 65_033_000 picoseconds.
		Weight::from_parts(92_615_951, 134573)
			.saturating_add(Weight::from_parts(636, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn timer_block_stale(n: u32, ) -> Weight {
		// Minimum execution time: 14_262_000 picoseconds.
		Weight::from_parts(5_810_128, 26519)
			.saturating_add(Weight::from_parts(3_983_901, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3521).saturating_mul(n.into()))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 7_648_000 picoseconds.
		Weight::from_parts(8_869_000, 2314)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn upload_program(l: u32, ) -> Weight {
		// Minimum execution time: 54_450_000 picoseconds.
		Weight::from_parts(59_704_000, 3604)
			.saturating_add(Weight::from_parts(2_955, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 44_651_000 picoseconds.
		Weight::from_parts(51_904_000, 3604)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 116_587_000 picoseconds.
		Weight::from_parts(132_979_379, 26519)
			.saturating_add(Weight::from_parts(501, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn submit_stored_task(n: u32, ) -> Weight {
		// Minimum execution time: 132_252_000 picoseconds.
		Weight::from_parts(131_913_749, 26519)
			.saturating_add(Weight::from_parts(5_478_502, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(12_u64))
			.saturating_add(Weight::from_parts(0, 2535).saturating_mul(n.into()))
	}
	fn submit_sourced_task() -> Weight {
		// Minimum execution time: 127_518_000 picoseconds.
		Weight::from_parts(146_344_000, 26519)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(13_u64))
	}
	fn report_input_unavailable() -> Weight {
		// Minimum execution time: 150_349_000 picoseconds.
		Weight::from_parts(167_151_000, 33897)
			.saturating_add(RocksDbWeight::get().reads(16_u64))
			.saturating_add(RocksDbWeight::get().writes(17_u64))
	}
	fn repay_output_storage(p: u32, ) -> Weight {
		// Minimum execution time: 57_131_000 picoseconds.
		Weight::from_parts(62_018_000, 3604)
			.saturating_add(Weight::from_parts(50_101_925, 0).saturating_mul(p.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(p.into()))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 72_257_000 picoseconds.
		Weight::from_parts(85_333_000, 4511)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn bump_task() -> Weight {
		// Minimum execution time: 73_693_000 picoseconds.
		Weight::from_parts(86_527_000, 4511)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 177_539_000 picoseconds.
		Weight::from_parts(201_734_000, 33897)
			.saturating_add(RocksDbWeight::get().reads(15_u64))
			.saturating_add(RocksDbWeight::get().writes(17_u64))
	}
	fn schedule_probe() -> Weight {
		// Minimum execution time: 1_587_436_000 picoseconds.
		Weight::from_parts(1_658_104_000, 301854)
			.saturating_add(RocksDbWeight::get().reads(133_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn schedule_probe_stale() -> Weight {
		// Minimum execution time: 3_539_090_000 picoseconds.
		Weight::from_parts(3_693_621_000, 323422)
			.saturating_add(RocksDbWeight::get().reads(261_u64))
			.saturating_add(RocksDbWeight::get().writes(326_u64))
	}
	fn schedule_assign(r: u32, ) -> Weight {
		// Minimum execution time: 193_530_000 picoseconds.
		Weight::from_parts(184_932_155, 26519)
			.saturating_add(Weight::from_parts(35_035_968, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 4701).saturating_mul(r.into()))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 97_285_000 picoseconds.
		Weight::from_parts(108_546_000, 33897)
			.saturating_add(RocksDbWeight::get().reads(13_u64))
			.saturating_add(RocksDbWeight::get().writes(15_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 82_842_000 picoseconds.
		Weight::from_parts(95_575_000, 5691)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(13_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 7_265_000 picoseconds.
		Weight::from_parts(8_610_000, 4511)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
	}
	fn timer_prune(l: u32, ) -> Weight {
		// Minimum execution time: 58_828_000 picoseconds.
		Weight::from_parts(86_678_612, 134573)
			.saturating_add(Weight::from_parts(627, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn timer_prune_stored(l: u32, ) -> Weight {
		// Minimum execution time: 65_033_000 picoseconds.
		Weight::from_parts(92_615_951, 134573)
			.saturating_add(Weight::from_parts(636, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn timer_block_stale(n: u32, ) -> Weight {
		// Minimum execution time: 14_262_000 picoseconds.
		Weight::from_parts(5_810_128, 26519)
			.saturating_add(Weight::from_parts(3_983_901, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3521).saturating_mul(n.into()))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 7_648_000 picoseconds.
		Weight::from_parts(8_869_000, 2314)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
