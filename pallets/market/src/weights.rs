
//! Weights of `pallet_market`, generated from its benchmarks by `scripts/benchmark.sh`.
//!
//! DATE: 2026-12-05, STEPS: `10`, REPEAT: `10`; every function measured in one run on a quiet
//! machine, with `pallet_balances` right after it and `pallet_verification` shortly before
//! (so that their ratios compare like with like)
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
// .maintain/frame-weight-template.hbs
// --output
// pallets/market/src/weights.rs

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
	fn timer_prune() -> Weight;
	fn timer_prune_stored() -> Weight;
	fn timer_block_stale(n: u32, ) -> Weight;
	fn hook_base() -> Weight;
}

/// Weights for `pallet_market` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn upload_program(l: u32, ) -> Weight {
		// Minimum execution time: 66_018_000 picoseconds.
		Weight::from_parts(68_142_043, 3604)
			.saturating_add(Weight::from_parts(7_290, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 54_861_000 picoseconds.
		Weight::from_parts(58_147_000, 3604)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 147_960_000 picoseconds.
		Weight::from_parts(154_229_118, 26519)
			.saturating_add(Weight::from_parts(498, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn submit_stored_task(n: u32, ) -> Weight {
		// Minimum execution time: 167_008_000 picoseconds.
		Weight::from_parts(149_792_417, 26519)
			.saturating_add(Weight::from_parts(6_260_629, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(12_u64))
			.saturating_add(Weight::from_parts(0, 2535).saturating_mul(n.into()))
	}
	fn submit_sourced_task() -> Weight {
		// Minimum execution time: 161_280_000 picoseconds.
		Weight::from_parts(169_062_000, 26519)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(13_u64))
	}
	fn report_input_unavailable() -> Weight {
		// Minimum execution time: 221_589_000 picoseconds.
		Weight::from_parts(229_110_000, 33001)
			.saturating_add(T::DbWeight::get().reads(23_u64))
			.saturating_add(T::DbWeight::get().writes(24_u64))
	}
	fn repay_output_storage(p: u32, ) -> Weight {
		// Minimum execution time: 69_143_000 picoseconds.
		Weight::from_parts(70_215_000, 3604)
			.saturating_add(Weight::from_parts(57_224_100, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(p.into()))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 85_618_000 picoseconds.
		Weight::from_parts(90_284_000, 4511)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn bump_task() -> Weight {
		// Minimum execution time: 89_644_000 picoseconds.
		Weight::from_parts(94_060_000, 4511)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 251_254_000 picoseconds.
		Weight::from_parts(258_574_000, 33001)
			.saturating_add(T::DbWeight::get().reads(22_u64))
			.saturating_add(T::DbWeight::get().writes(24_u64))
	}
	fn schedule_probe() -> Weight {
		// Minimum execution time: 1_491_376_000 picoseconds.
		Weight::from_parts(1_603_743_000, 170654)
			.saturating_add(T::DbWeight::get().reads(133_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn schedule_probe_stale() -> Weight {
		// Minimum execution time: 3_269_890_000 picoseconds.
		Weight::from_parts(3_454_254_000, 323422)
			.saturating_add(T::DbWeight::get().reads(261_u64))
			.saturating_add(T::DbWeight::get().writes(326_u64))
	}
	fn schedule_assign(r: u32, ) -> Weight {
		// Minimum execution time: 186_527_000 picoseconds.
		Weight::from_parts(202_052_277, 26519)
			.saturating_add(Weight::from_parts(42_912_166, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(r.into()))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 148_230_000 picoseconds.
		Weight::from_parts(153_298_000, 33001)
			.saturating_add(T::DbWeight::get().reads(20_u64))
			.saturating_add(T::DbWeight::get().writes(22_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 106_579_000 picoseconds.
		Weight::from_parts(112_006_000, 5563)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(14_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 8_633_000 picoseconds.
		Weight::from_parts(9_564_000, 4511)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	fn timer_prune() -> Weight {
		// Minimum execution time: 168_961_000 picoseconds.
		Weight::from_parts(175_922_000, 134573)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn timer_prune_stored() -> Weight {
		// Minimum execution time: 177_694_000 picoseconds.
		Weight::from_parts(182_762_000, 134573)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn timer_block_stale(n: u32, ) -> Weight {
		// Minimum execution time: 15_643_000 picoseconds.
		Weight::from_parts(7_062_756, 26519)
			.saturating_add(Weight::from_parts(4_548_913, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3521).saturating_mul(n.into()))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 8_783_000 picoseconds.
		Weight::from_parts(9_394_000, 2314)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn upload_program(l: u32, ) -> Weight {
		// Minimum execution time: 66_018_000 picoseconds.
		Weight::from_parts(68_142_043, 3604)
			.saturating_add(Weight::from_parts(7_290, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 54_861_000 picoseconds.
		Weight::from_parts(58_147_000, 3604)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 147_960_000 picoseconds.
		Weight::from_parts(154_229_118, 26519)
			.saturating_add(Weight::from_parts(498, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn submit_stored_task(n: u32, ) -> Weight {
		// Minimum execution time: 167_008_000 picoseconds.
		Weight::from_parts(149_792_417, 26519)
			.saturating_add(Weight::from_parts(6_260_629, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(12_u64))
			.saturating_add(Weight::from_parts(0, 2535).saturating_mul(n.into()))
	}
	fn submit_sourced_task() -> Weight {
		// Minimum execution time: 161_280_000 picoseconds.
		Weight::from_parts(169_062_000, 26519)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(13_u64))
	}
	fn report_input_unavailable() -> Weight {
		// Minimum execution time: 221_589_000 picoseconds.
		Weight::from_parts(229_110_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(23_u64))
			.saturating_add(RocksDbWeight::get().writes(24_u64))
	}
	fn repay_output_storage(p: u32, ) -> Weight {
		// Minimum execution time: 69_143_000 picoseconds.
		Weight::from_parts(70_215_000, 3604)
			.saturating_add(Weight::from_parts(57_224_100, 0).saturating_mul(p.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(p.into()))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 85_618_000 picoseconds.
		Weight::from_parts(90_284_000, 4511)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn bump_task() -> Weight {
		// Minimum execution time: 89_644_000 picoseconds.
		Weight::from_parts(94_060_000, 4511)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 251_254_000 picoseconds.
		Weight::from_parts(258_574_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(22_u64))
			.saturating_add(RocksDbWeight::get().writes(24_u64))
	}
	fn schedule_probe() -> Weight {
		// Minimum execution time: 1_491_376_000 picoseconds.
		Weight::from_parts(1_603_743_000, 170654)
			.saturating_add(RocksDbWeight::get().reads(133_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn schedule_probe_stale() -> Weight {
		// Minimum execution time: 3_269_890_000 picoseconds.
		Weight::from_parts(3_454_254_000, 323422)
			.saturating_add(RocksDbWeight::get().reads(261_u64))
			.saturating_add(RocksDbWeight::get().writes(326_u64))
	}
	fn schedule_assign(r: u32, ) -> Weight {
		// Minimum execution time: 186_527_000 picoseconds.
		Weight::from_parts(202_052_277, 26519)
			.saturating_add(Weight::from_parts(42_912_166, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(r.into()))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 148_230_000 picoseconds.
		Weight::from_parts(153_298_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(20_u64))
			.saturating_add(RocksDbWeight::get().writes(22_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 106_579_000 picoseconds.
		Weight::from_parts(112_006_000, 5563)
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().writes(14_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 8_633_000 picoseconds.
		Weight::from_parts(9_564_000, 4511)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
	}
	fn timer_prune() -> Weight {
		// Minimum execution time: 168_961_000 picoseconds.
		Weight::from_parts(175_922_000, 134573)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn timer_prune_stored() -> Weight {
		// Minimum execution time: 177_694_000 picoseconds.
		Weight::from_parts(182_762_000, 134573)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn timer_block_stale(n: u32, ) -> Weight {
		// Minimum execution time: 15_643_000 picoseconds.
		Weight::from_parts(7_062_756, 26519)
			.saturating_add(Weight::from_parts(4_548_913, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3521).saturating_mul(n.into()))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 8_783_000 picoseconds.
		Weight::from_parts(9_394_000, 2314)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
