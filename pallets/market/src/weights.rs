
//! Weights of `pallet_market`, generated from its benchmarks by `scripts/benchmark.sh`.
//!
//! DATE: 2026-12-04, STEPS: `10`, REPEAT: `5`; every function but the probes measured in
//! one run on a quiet machine, with `pallet_balances` and `pallet_verification` in the same
//! run (so that their ratios compare like with like); `schedule_probe` and
//! `schedule_probe_stale` (≈ 35 minutes among up to 100 000 devices) kept from the run of
//! 2026-12-03; `schedule_assign`, `timer_commit_deadline` and `timer_block_stale`
//! measured again in the evening of 2026-12-04, after one commit-deadline timer per
//! scheduling step replaced one per device (the same machine; a transfer measured 50.5 µs
//! then, 50.0 in the run above)
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
// 5
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
	fn repay_output_storage(p: u32, ) -> Weight;
	fn cancel_task() -> Weight;
	fn bump_task() -> Weight;
	fn decline_task() -> Weight;
	fn submit_sourced_task() -> Weight;
	fn report_input_unavailable() -> Weight;
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
		// Minimum execution time: 66_929_000 picoseconds.
		Weight::from_parts(67_951_000, 3604)
			.saturating_add(Weight::from_parts(7_599, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 55_583_000 picoseconds.
		Weight::from_parts(62_723_000, 3604)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 147_810_000 picoseconds.
		Weight::from_parts(160_287_032, 26519)
			.saturating_add(Weight::from_parts(561, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn submit_stored_task(n: u32, ) -> Weight {
		// Minimum execution time: 167_499_000 picoseconds.
		Weight::from_parts(135_602_991, 26519)
			.saturating_add(Weight::from_parts(6_632_841, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(12_u64))
			.saturating_add(Weight::from_parts(0, 2535).saturating_mul(n.into()))
	}
	fn repay_output_storage(p: u32, ) -> Weight {
		// Minimum execution time: 68_752_000 picoseconds.
		Weight::from_parts(71_346_000, 3604)
			.saturating_add(Weight::from_parts(62_063_215, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(p.into()))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 86_108_000 picoseconds.
		Weight::from_parts(95_752_000, 4511)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn bump_task() -> Weight {
		// Minimum execution time: 89_944_000 picoseconds.
		Weight::from_parts(98_266_000, 4511)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 252_946_000 picoseconds.
		Weight::from_parts(262_250_000, 33001)
			.saturating_add(T::DbWeight::get().reads(22_u64))
			.saturating_add(T::DbWeight::get().writes(24_u64))
	}
	fn submit_sourced_task() -> Weight {
		// Minimum execution time: 162_021_000 picoseconds.
		Weight::from_parts(170_834_000, 26519)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(13_u64))
	}
	fn report_input_unavailable() -> Weight {
		// Minimum execution time: 221_148_000 picoseconds.
		Weight::from_parts(230_282_000, 33001)
			.saturating_add(T::DbWeight::get().reads(23_u64))
			.saturating_add(T::DbWeight::get().writes(24_u64))
	}
	fn schedule_probe() -> Weight {
		// Minimum execution time: 1_617_884_000 picoseconds.
		Weight::from_parts(1_804_602_000, 170654)
			.saturating_add(T::DbWeight::get().reads(133_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn schedule_probe_stale() -> Weight {
		// Minimum execution time: 3_541_022_000 picoseconds.
		Weight::from_parts(3_742_642_000, 323422)
			.saturating_add(T::DbWeight::get().reads(261_u64))
			.saturating_add(T::DbWeight::get().writes(326_u64))
	}
	fn schedule_assign(r: u32, ) -> Weight {
		// Minimum execution time: 195_610_000 picoseconds.
		Weight::from_parts(324_460_094, 26519)
			.saturating_add(Weight::from_parts(36_586_010, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(r.into()))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 149_322_000 picoseconds.
		Weight::from_parts(156_153_000, 33001)
			.saturating_add(T::DbWeight::get().reads(20_u64))
			.saturating_add(T::DbWeight::get().writes(22_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 106_909_000 picoseconds.
		Weight::from_parts(113_208_000, 5563)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(14_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 8_593_000 picoseconds.
		Weight::from_parts(9_684_000, 4511)
			.saturating_add(T::DbWeight::get().reads(1_u64))
	}
	fn timer_prune() -> Weight {
		// Minimum execution time: 169_782_000 picoseconds.
		Weight::from_parts(185_656_000, 134573)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn timer_prune_stored() -> Weight {
		// Minimum execution time: 178_826_000 picoseconds.
		Weight::from_parts(193_668_000, 134573)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn timer_block_stale(n: u32, ) -> Weight {
		// Minimum execution time: 16_535_000 picoseconds.
		Weight::from_parts(17_245_000, 26519)
			.saturating_add(Weight::from_parts(4_798_144, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3521).saturating_mul(n.into()))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 11_517_000 picoseconds.
		Weight::from_parts(12_548_000, 2314)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// For tests: the same numbers with RocksDB database weights.
impl WeightInfo for () {
	fn upload_program(l: u32, ) -> Weight {
		// Minimum execution time: 66_929_000 picoseconds.
		Weight::from_parts(67_951_000, 3604)
			.saturating_add(Weight::from_parts(7_599, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn remove_program() -> Weight {
		// Minimum execution time: 55_583_000 picoseconds.
		Weight::from_parts(62_723_000, 3604)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn submit_task(l: u32, ) -> Weight {
		// Minimum execution time: 147_810_000 picoseconds.
		Weight::from_parts(160_287_032, 26519)
			.saturating_add(Weight::from_parts(561, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn submit_stored_task(n: u32, ) -> Weight {
		// Minimum execution time: 167_499_000 picoseconds.
		Weight::from_parts(135_602_991, 26519)
			.saturating_add(Weight::from_parts(6_632_841, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(12_u64))
			.saturating_add(Weight::from_parts(0, 2535).saturating_mul(n.into()))
	}
	fn repay_output_storage(p: u32, ) -> Weight {
		// Minimum execution time: 68_752_000 picoseconds.
		Weight::from_parts(71_346_000, 3604)
			.saturating_add(Weight::from_parts(62_063_215, 0).saturating_mul(p.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(p.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 2603).saturating_mul(p.into()))
	}
	fn cancel_task() -> Weight {
		// Minimum execution time: 86_108_000 picoseconds.
		Weight::from_parts(95_752_000, 4511)
			.saturating_add(RocksDbWeight::get().reads(6_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn bump_task() -> Weight {
		// Minimum execution time: 89_944_000 picoseconds.
		Weight::from_parts(98_266_000, 4511)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(7_u64))
	}
	fn decline_task() -> Weight {
		// Minimum execution time: 252_946_000 picoseconds.
		Weight::from_parts(262_250_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(22_u64))
			.saturating_add(RocksDbWeight::get().writes(24_u64))
	}
	fn submit_sourced_task() -> Weight {
		// Minimum execution time: 162_021_000 picoseconds.
		Weight::from_parts(170_834_000, 26519)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(13_u64))
	}
	fn report_input_unavailable() -> Weight {
		// Minimum execution time: 221_148_000 picoseconds.
		Weight::from_parts(230_282_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(23_u64))
			.saturating_add(RocksDbWeight::get().writes(24_u64))
	}
	fn schedule_probe() -> Weight {
		// Minimum execution time: 1_617_884_000 picoseconds.
		Weight::from_parts(1_804_602_000, 170654)
			.saturating_add(RocksDbWeight::get().reads(133_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn schedule_probe_stale() -> Weight {
		// Minimum execution time: 3_541_022_000 picoseconds.
		Weight::from_parts(3_742_642_000, 323422)
			.saturating_add(RocksDbWeight::get().reads(261_u64))
			.saturating_add(RocksDbWeight::get().writes(326_u64))
	}
	fn schedule_assign(r: u32, ) -> Weight {
		// Minimum execution time: 195_610_000 picoseconds.
		Weight::from_parts(324_460_094, 26519)
			.saturating_add(Weight::from_parts(36_586_010, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(r.into())))
			.saturating_add(Weight::from_parts(0, 4573).saturating_mul(r.into()))
	}
	fn timer_task_deadline() -> Weight {
		// Minimum execution time: 149_322_000 picoseconds.
		Weight::from_parts(156_153_000, 33001)
			.saturating_add(RocksDbWeight::get().reads(20_u64))
			.saturating_add(RocksDbWeight::get().writes(22_u64))
	}
	fn timer_commit_deadline() -> Weight {
		// Minimum execution time: 106_909_000 picoseconds.
		Weight::from_parts(113_208_000, 5563)
			.saturating_add(RocksDbWeight::get().reads(11_u64))
			.saturating_add(RocksDbWeight::get().writes(14_u64))
	}
	fn timer_reveal_deadline() -> Weight {
		// Minimum execution time: 8_593_000 picoseconds.
		Weight::from_parts(9_684_000, 4511)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
	}
	fn timer_prune() -> Weight {
		// Minimum execution time: 169_782_000 picoseconds.
		Weight::from_parts(185_656_000, 134573)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn timer_prune_stored() -> Weight {
		// Minimum execution time: 178_826_000 picoseconds.
		Weight::from_parts(193_668_000, 134573)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn timer_block_stale(n: u32, ) -> Weight {
		// Minimum execution time: 16_535_000 picoseconds.
		Weight::from_parts(17_245_000, 26519)
			.saturating_add(Weight::from_parts(4_798_144, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
			.saturating_add(Weight::from_parts(0, 3521).saturating_mul(n.into()))
	}
	fn hook_base() -> Weight {
		// Minimum execution time: 11_517_000 picoseconds.
		Weight::from_parts(12_548_000, 2314)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
