//! Command-line interface: the standard Substrate flags and subcommands plus the dev
//! block interval.

use sc_cli::RunCmd;

/// Default block interval of the self-sealing development chain, in milliseconds.
pub const DEFAULT_DEV_BLOCK_TIME_MS: u64 = 1000;

/// `depin-node` command line.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// A subcommand; without one the node runs.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Flags of the running node (`--dev`, `--chain`, `--base-path`, `--rpc-port`, …).
	#[clap(flatten)]
	pub run: RunCmd,

	/// Interval between blocks of a development chain (`--dev`), in milliseconds. Such a
	/// chain seals a block on this timer (and on `engine_createBlock`) and finalizes it at
	/// once. Ignored by Aura chains, whose slot is fixed in the runtime.
	#[arg(long, value_name = "MS", default_value_t = DEFAULT_DEV_BLOCK_TIME_MS,
		value_parser = clap::value_parser!(u64).range(1..=600_000))]
	pub dev_block_time: u64,
}

/// Subcommands of `depin-node`.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management utilities.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification.
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Runtime benchmarks (`benchmark pallet`, `benchmark machine`). Only in a node built
	/// with `--features runtime-benchmarks`.
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),
}
