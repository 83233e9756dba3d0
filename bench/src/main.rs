//! `depin-bench`: reproducible benchmarks of the DePIN compute chain (see
//! `docs/benchmarks.md` and `scripts/bench.sh`).

mod chain;
mod data;
mod executor;
mod load;
mod scale;
mod stats;
mod weights;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "depin-bench", about = "Benchmarks of the DePIN compute chain")]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Executor versus native on the example jobs.
	Executor {
		/// Directory of the Wasm builds of the jobs.
		#[arg(long)]
		wasm_dir: PathBuf,
		/// Directory of the native builds.
		#[arg(long)]
		native_dir: PathBuf,
		/// The native `sha256-chain` built with `--features soft`.
		#[arg(long)]
		native_soft_sha: PathBuf,
		/// Fewer inputs and runs.
		#[arg(long)]
		quick: bool,
	},
	/// Chain throughput and latency on a dev node, against transfers.
	Chain {
		/// 20 s windows instead of 60 s.
		#[arg(long)]
		quick: bool,
	},
	/// Stored data: upload and fetch throughput, state and disk per stored MiB.
	Data {
		/// 24 MiB instead of 128 MiB.
		#[arg(long)]
		quick: bool,
	},
	/// What the runtime's weights charge: per assignment, and per verified task against
	/// a transfer.
	Weights,
	/// The scheduler's cost per assignment with 10, 1 000, 10 000 and 100 000 registered
	/// devices.
	Scale {
		/// 10 and 1 000 devices, 2 000 queued tasks, shorter windows.
		#[arg(long)]
		quick: bool,
		/// The devices of each stage instead of the plan's, comma-separated (at most
		/// `MaxDevices` in all), e.g. `10,99990`.
		#[arg(long, value_delimiter = ',')]
		stages: Option<Vec<usize>>,
		/// Keep the node's database of the last stage here (a new directory), for
		/// `depin-node benchmark storage --dev --base-path DIR`.
		#[arg(long)]
		keep_state: Option<PathBuf>,
	},
}

fn main() -> anyhow::Result<()> {
	match Cli::parse().command {
		Command::Executor { wasm_dir, native_dir, native_soft_sha, quick } => {
			let dir = executor::JobsDir { wasm: wasm_dir, native: native_dir, native_soft_sha };
			print!("{}", executor::run(&dir, quick)?);
		}
		Command::Chain { quick } => {
			let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
			print!("{}", runtime.block_on(chain::run(quick))?);
		}
		Command::Weights => print!("{}", weights::run()?),
		Command::Data { quick } => {
			let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
			print!("{}", runtime.block_on(data::run(quick))?);
		}
		Command::Scale { quick, stages, keep_state } => {
			let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
			print!("{}", runtime.block_on(scale::run(quick, stages, keep_state))?);
		}
	}
	Ok(())
}
