//! Parses the command line and runs the node or a subcommand.

use std::time::Duration;

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	service,
};
use depin_runtime::opaque::Block;
use sc_cli::SubstrateCli;
use sc_service::PartialComponents;

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"DePIN Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		"the DePIN compute chain developers".into()
	}

	fn support_url() -> String {
		"https://example.invalid/depin/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development_chain_spec()?),
			"" | "local" => Box::new(chain_spec::local_chain_spec()?),
			path => {
				Box::new(chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(path))?)
			}
		})
	}
}

/// Whether `--pool-type` is on the command line.
fn pool_type_given() -> bool {
	std::env::args().any(|a| a == "--pool-type" || a.starts_with("--pool-type="))
}

/// The transaction pool of a self-sealing chain: the single-state pool, with every other
/// pool setting from the command line.
///
/// The fork-aware pool (the default elsewhere) keeps one view of the pool per block. A
/// self-sealing chain finalizes every block at once, so views are dropped as soon as the
/// next block is built; a transaction that arrives while the next view is being built and
/// waits there for an earlier nonce of its sender is dropped with the old view
/// (`LimitsEnforced`), and every later transaction of that sender waits forever. Busy
/// accounts (a device committing and revealing every block) then stall. The single-state
/// pool has no views, so nothing is lost. `--pool-type fork-aware` still selects the other.
fn dev_pool_options(cli: &Cli) -> sc_transaction_pool::TransactionPoolOptions {
	let mut params = cli.run.pool_config.clone();
	params.pool_type = sc_cli::TransactionPoolType::SingleState;
	params.transaction_pool(cli.run.shared_params.is_dev())
}

/// Runs the command line.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		}
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		}
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		}
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		}
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		}
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(cmd)) => {
			use frame_benchmarking_cli::{BenchmarkCmd, SUBSTRATE_REFERENCE_HARDWARE};
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| match cmd {
				BenchmarkCmd::Pallet(cmd) => cmd
					.run_with_spec::<sp_runtime::traits::HashingFor<Block>, ()>(Some(
						config.chain_spec,
					)),
				BenchmarkCmd::Machine(cmd) => {
					cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone())
				}
				// The weight of a database read and write, measured on the state of the
				// chain at `--base-path` (`scripts/benchmark.sh storage`).
				BenchmarkCmd::Storage(cmd) => {
					let service = service::new_partial(&config)?;
					let db = service.backend.expose_db();
					let storage = service.backend.expose_storage();
					let shared_trie_cache = service.backend.expose_shared_trie_cache();
					cmd.run(config, service.client, db, storage, shared_trie_cache)
				}
				// The weight of an empty block and of the lightest signed extrinsic (a
				// remark with every transaction extension), measured on blocks built on the
				// runtime's genesis state (`benchmark overhead --runtime … --genesis-builder
				// runtime`).
				BenchmarkCmd::Overhead(cmd) => {
					cmd.run_with_default_builder_and_spec::<Block, ()>(Some(config.chain_spec))
				}
				_ => Err("this node supports `benchmark pallet`, `benchmark machine`, \
				          `benchmark storage` and `benchmark overhead` only"
					.into()),
			})
		}
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		}
		None => {
			let mut runner = cli.create_runner(&cli.run)?;
			if service::is_dev_chain(runner.config()) && !pool_type_given() {
				runner.config_mut().transaction_pool = dev_pool_options(&cli);
			}
			let dev_block_time = Duration::from_millis(cli.dev_block_time);
			runner.run_node_until_exit(|config| async move {
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<
							Block,
							<Block as sp_runtime::traits::Block>::Hash,
						>,
					>(config, dev_block_time)
					.map_err(sc_cli::Error::Service),
					sc_network::config::NetworkBackendType::Litep2p => service::new_full::<
						sc_network::Litep2pNetworkBackend,
					>(
						config, dev_block_time
					)
					.map_err(sc_cli::Error::Service),
				}
			})
		}
	}
}
