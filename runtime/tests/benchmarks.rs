//! Every benchmark of the project's pallets runs against the real runtime — its
//! configuration, its other pallets, its default genesis — at the lowest and the highest
//! value of each component, with the benchmarks' own checks (`verify`). The pallets' mock
//! test suites cannot see a benchmark that fails only with the runtime's parameters
//! (a task factory the runtime's executor versions refuse, a bound the mock sets lower);
//! `scripts/benchmark.sh` would find it only when weights are regenerated.
//!
//! Built with `--features runtime-benchmarks` (`scripts/test.sh` does), natively.

#![cfg(feature = "runtime-benchmarks")]

use codec::{Decode, Encode};
use depin_runtime::RuntimeGenesisConfig;
use frame_benchmarking::{BenchmarkBatch, BenchmarkConfig, BenchmarkList, BenchmarkParameter};
use frame_support::traits::StorageInfo;
use sc_client_db::BenchmarkingState;
use sp_runtime::{traits::BlakeTwo256, BuildStorage};
use sp_state_machine::{Ext, OverlayedChanges};

/// The pallets whose weights `scripts/benchmark.sh` generates for this project.
const PALLETS: [&str; 5] =
	["pallet_devices", "pallet_market", "pallet_verification", "pallet_rewards", "pallet_blobs"];

/// The database `depin-node benchmark pallet` runs benchmarks in (it commits their setup
/// and wipes their changes), holding the runtime's default genesis.
fn benchmarking_state() -> BenchmarkingState<BlakeTwo256> {
	let genesis = RuntimeGenesisConfig::default().build_storage().expect("the default genesis");
	BenchmarkingState::new(genesis, None, false, true).expect("a benchmarking state")
}

/// Calls the runtime API `method` natively on `state`, as the node calls it in Wasm, with
/// a keystore (the benchmarks' setup signs device consents).
fn call<R: Decode>(state: &BenchmarkingState<BlakeTwo256>, method: &str, args: impl Encode) -> R {
	let mut overlay = OverlayedChanges::default();
	let mut extensions = sp_externalities::Extensions::default();
	extensions.register(sp_keystore::KeystoreExt::new(sp_keystore::testing::MemoryKeystore::new()));
	overlay.enter_runtime().expect("a fresh overlay is outside the runtime");
	let mut ext = Ext::new(&mut overlay, state, Some(&mut extensions));
	let out = sp_externalities::set_and_run_with_externalities(&mut ext, || {
		depin_runtime::apis::api::dispatch(method, &args.encode())
	})
	.unwrap_or_else(|| panic!("the runtime has no API {method}"));
	R::decode(&mut &out[..]).expect("the API's answer decodes")
}

fn benchmarks_of(state: &BenchmarkingState<BlakeTwo256>, pallet: &str) -> BenchmarkList {
	let (lists, _): (Vec<BenchmarkList>, Vec<StorageInfo>) =
		call(state, "Benchmark_benchmark_metadata", false);
	lists
		.into_iter()
		.find(|l| l.pallet == pallet.as_bytes())
		.unwrap_or_else(|| panic!("{pallet} is not in the runtime's benchmark list"))
}

/// Runs `benchmark` of the pallet `list` describes once with `components`, with its
/// checks; the benchmark wipes its changes from `state` afterwards.
fn run(
	state: &BenchmarkingState<BlakeTwo256>,
	list: &BenchmarkList,
	benchmark: &[u8],
	components: Vec<(BenchmarkParameter, u32)>,
) {
	let pallet = String::from_utf8_lossy(&list.pallet);
	let name = String::from_utf8_lossy(benchmark);
	let config = BenchmarkConfig {
		pallet: list.pallet.clone(),
		instance: list.instance.clone(),
		benchmark: benchmark.to_vec(),
		selected_components: components.clone(),
		verify: true,
		internal_repeats: 1,
	};
	let result: Result<Vec<BenchmarkBatch>, String> =
		call(state, "Benchmark_dispatch_benchmark", config);
	let batches = result.unwrap_or_else(|e| panic!("{pallet}::{name} with {components:?}: {e}"));
	let ran: usize = batches.iter().map(|b| b.results.len()).sum();
	assert!(ran > 0, "{pallet}::{name} with {components:?} ran nothing");
}

#[test]
fn every_benchmark_runs_on_the_real_runtime_at_both_ends_of_its_components() {
	let state = benchmarking_state();
	let mut ran = 0;
	for pallet in PALLETS {
		let list = benchmarks_of(&state, pallet);
		assert!(!list.benchmarks.is_empty(), "{pallet} has benchmarks");
		for b in &list.benchmarks {
			let lowest = b.components.iter().map(|(p, low, _)| (*p, *low)).collect();
			let highest = b.components.iter().map(|(p, _, high)| (*p, *high)).collect();
			run(&state, &list, &b.name, lowest);
			run(&state, &list, &b.name, highest);
			ran += 1;
		}
	}
	assert!(ran >= 30, "only {ran} benchmarks found");
}
