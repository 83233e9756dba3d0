//! `depin-worker`: runs a device of the DePIN compute chain.
//!
//! ```text
//! depin-worker run --url ws://127.0.0.1:9944 --suri ./device.key [--slots N]
//!                  [--cache-dir DIR] [--state-dir DIR] [--metrics-port P [--metrics-external]]
//!                  [--config FILE]
//! depin-worker status --suri ./device.key [--json]
//! depin-worker key generate --out ./device.key
//! depin-worker key inspect --suri ./device.key
//! depin-worker key consent --owner OWNER --suri ./device.key [--url URL]
//! depin-worker class
//! depin-worker bench [--json]
//! ```

use std::{path::PathBuf, process::ExitCode};

use clap::{Parser, Subcommand};
use depin_worker::daemon::{config::RunArgs, Worker};

#[derive(Parser)]
#[command(name = "depin-worker", version, about = "Runs a device of the DePIN compute chain")]
struct Cli {
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Heartbeat, run assigned jobs, commit and reveal results, until SIGINT/SIGTERM.
	Run(RunArgs),
	/// Show what the device is doing and what it has earned.
	Status {
		#[command(flatten)]
		run: RunArgs,
		/// One JSON object instead of lines (balances as decimal strings).
		#[arg(long)]
		json: bool,
	},
	/// Device keys.
	#[command(subcommand)]
	Key(KeyCommand),
	/// Print this machine's determinism class (for `depin device register --class`).
	Class,
	/// Measure this machine's executor speed on the example jobs (a few seconds) and
	/// print the fuel per second to register (`depin device register --fuel-per-second`):
	/// the slowest job's.
	Bench {
		/// One JSON object instead of lines.
		#[arg(long)]
		json: bool,
	},
}

#[derive(Subcommand)]
enum KeyCommand {
	/// Generate a device key.
	Generate {
		/// Write the secret phrase to this file (mode 0600) instead of printing it.
		#[arg(long)]
		out: Option<PathBuf>,
	},
	/// Show the account of a key.
	Inspect {
		/// Secret URI or key file.
		#[arg(long, env = "DEPIN_SURI", hide_env_values = true)]
		suri: String,
	},
	/// Sign the device's consent to be registered by OWNER on the chain at --url (the
	/// owner passes it to `depin device register --consent`).
	Consent {
		/// The owner's account (SS58 or `0x` hex).
		#[arg(long)]
		owner: String,
		/// Secret URI or key file of the device.
		#[arg(long, env = "DEPIN_SURI", hide_env_values = true)]
		suri: String,
		/// Node WebSocket URL (its genesis hash is part of what is signed).
		#[arg(long, env = "DEPIN_URL", default_value = depin_worker::daemon::config::DEFAULT_URL)]
		url: String,
	},
}

fn init_logs() {
	let filter = tracing_subscriber::EnvFilter::try_from_env("DEPIN_LOG")
		.unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
	tracing_subscriber::fmt().with_env_filter(filter).with_target(false).init();
}

async fn shutdown_signal() {
	use tokio::signal::unix::{signal, SignalKind};
	let (Ok(mut term), Ok(mut int)) =
		(signal(SignalKind::terminate()), signal(SignalKind::interrupt()))
	else {
		return std::future::pending().await;
	};
	tokio::select! {
		_ = term.recv() => tracing::info!("SIGTERM: finishing running jobs"),
		_ = int.recv() => tracing::info!("SIGINT: finishing running jobs"),
	}
}

async fn main_async(cli: Cli) -> anyhow::Result<()> {
	match cli.command {
		Command::Run(args) => {
			let worker = Worker::start(args.resolve()?).await?;
			worker.run(shutdown_signal()).await
		}
		Command::Status { run, json } => {
			let args = run.resolve()?;
			let suri =
				args.suri.clone().ok_or_else(|| anyhow::anyhow!("pass --suri (the device key)"))?;
			let device = depin_client::Signer::from_suri_or_file(&suri)?;
			let dir = depin_worker::daemon::state_dir(&args, &device);
			let report = depin_worker::status::report(args.url(), &device, &dir).await?;
			if json {
				println!("{}", serde_json::to_string(&report)?);
			} else {
				for line in report.lines() {
					println!("{line}");
				}
			}
			Ok(())
		}
		Command::Class => {
			let executor = depin_worker::executor::Executor::new(None)?;
			println!("{}", executor.determinism_class());
			let level = depin_worker::executor::engine::feature_level().name;
			eprintln!(
				"(CPU feature level {level}, executor version {})",
				depin_worker::executor::engine::EXECUTOR_VERSION
			);
			Ok(())
		}
		Command::Bench { json } => {
			let executor = depin_worker::executor::Executor::new(None)?;
			let measured =
				depin_worker::speed::measure(&executor, depin_worker::speed::MIN_MEASURED)?;
			let declared = depin_worker::speed::declared(&measured);
			if json {
				let report = serde_json::json!({ "jobs": measured, "fuelPerSecond": declared });
				println!("{report}");
			} else {
				for m in &measured {
					println!("{:<16} {:>14} fuel/s", m.job, m.fuel_per_second);
				}
				println!("register with: --fuel-per-second {declared}");
			}
			Ok(())
		}
		Command::Key(KeyCommand::Generate { out }) => {
			depin_worker::keys::generate(out.as_deref())?.iter().for_each(|l| println!("{l}"));
			Ok(())
		}
		Command::Key(KeyCommand::Inspect { suri }) => {
			depin_worker::keys::inspect(&suri)?.iter().for_each(|l| println!("{l}"));
			Ok(())
		}
		Command::Key(KeyCommand::Consent { owner, suri, url }) => {
			depin_worker::keys::consent(&suri, &owner, &url)
				.await?
				.iter()
				.for_each(|l| println!("{l}"));
			Ok(())
		}
	}
}

fn main() -> ExitCode {
	init_logs();
	let cli = Cli::parse();
	let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
		Ok(rt) => rt,
		Err(e) => {
			eprintln!("error: cannot start the async runtime: {e}");
			return ExitCode::FAILURE;
		}
	};
	let result = runtime.block_on(main_async(cli));
	// A job still running on a blocking thread after the shutdown grace has no result to
	// lose: abandon it instead of waiting for it (up to its wall-clock limit).
	runtime.shutdown_timeout(std::time::Duration::from_secs(1));
	match result {
		Ok(()) => ExitCode::SUCCESS,
		Err(e) => {
			eprintln!("error: {e:#}");
			ExitCode::FAILURE
		}
	}
}
