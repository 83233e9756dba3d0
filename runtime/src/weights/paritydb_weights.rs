//! The runtime's database weights, measured by `depin-node benchmark storage` (CLI
//! 64.0.0) on the state of a `--dev` chain at block Number(325).
//! Regenerate with `scripts/benchmark.sh storage BASE_PATH` on a chain holding the state
//! the runtime is sized for (`depin-bench scale --keep-state` leaves one with `MaxDevices`
//! devices); docs/benchmarks.md says how these were measured.
//!
//! DATE: 2026-12-04 (Y/M/D), HOSTNAME: `vm`, CPU: `AMD EPYC`
//! DATABASE: `ParityDb`, STATE-VERSION: `V1`
//! METRIC: `Average`, WEIGHT-MUL: `1.3`, WEIGHT-ADD: `0`

// Executed Command:
//   /root/.cache/depin/target-bench/release/depin-node
//   benchmark
//   storage
//   --dev
//   --base-path
//   /tmp/state100k/data
//   --database
//   paritydb
//   --state-version
//   1
//   --metric
//   average
//   --mul
//   1.3
//   --batch-size
//   1000
//   --template-path
//   /work/main/.maintain/db-weight-template.hbs
//   --weight-path
//   /work/main/runtime/src/weights/paritydb_weights.rs

use frame_support::{
	parameter_types,
	weights::{constants, RuntimeDbWeight},
};

parameter_types! {
	/// Reading and writing one storage item of this chain in `ParityDb`.
	pub const ParityDbWeight: RuntimeDbWeight = RuntimeDbWeight {
		// Time to read one storage item: the *Average* of all
		// reads times `1.3` plus `0`.
		//
		// Stats nanoseconds:
		//   Min, Max: 911, 552_521
		//   Average:  7_178
		//   Median:   6_639
		//   Std-Dev:  6062.65
		//
		// Percentiles nanoseconds:
		//   99th: 17_316
		//   95th: 8_753
		//   75th: 7_331
		read: 9_332 * constants::WEIGHT_REF_TIME_PER_NANOS,

		// Time to write one storage item, with its share of the storage root: the
		// *Average* of all writes times `1.3` plus
		// `0`.
		//
		// Stats nanoseconds:
		//   Min, Max: 15_990, 75_332
		//   Average:  23_395
		//   Median:   22_202
		//   Std-Dev:  5668.55
		//
		// Percentiles nanoseconds:
		//   99th: 45_243
		//   95th: 32_657
		//   75th: 24_675
		write: 30_414 * constants::WEIGHT_REF_TIME_PER_NANOS,
	};
}
