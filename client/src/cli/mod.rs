//! The `depin` command line: programs, jobs, devices, rewards, the runtime and stats.
//!
//! Every command takes `--url` (default `ws://127.0.0.1:9944`), `--suri` (or `DEPIN_SURI`)
//! where it signs, and `--json` for machine-readable output. Errors say what went wrong
//! and what to do, and exit with status 1.

mod device;
mod job;
mod output;
mod program;
mod runtime;

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::{Client, Signer};
pub use output::{Ended, Output};

/// Flags every command takes.
#[derive(Args, Clone, Debug)]
pub struct Global {
	/// Node WebSocket URL.
	#[arg(long, global = true, env = "DEPIN_URL", default_value = "ws://127.0.0.1:9944")]
	pub url: String,
	/// Secret URI (`//Alice`, a mnemonic) or key file of the signing account.
	#[arg(long, global = true, env = "DEPIN_SURI", hide_env_values = true)]
	pub suri: Option<String>,
	/// Print JSON instead of text.
	#[arg(long, global = true)]
	pub json: bool,
}

impl Global {
	/// Connects to the node.
	pub async fn client(&self) -> anyhow::Result<Client> {
		Ok(Client::connect(&self.url).await?)
	}

	/// The signing key.
	pub fn signer(&self) -> anyhow::Result<Signer> {
		let suri = self.suri.as_deref().ok_or_else(|| {
			anyhow::anyhow!(
				"this command signs a transaction: pass --suri (e.g. //Alice) or set DEPIN_SURI"
			)
		})?;
		Ok(Signer::from_suri_or_file(suri)?)
	}
}

#[derive(Parser)]
#[command(name = "depin", version, about = "Command line of the DePIN compute chain")]
struct Cli {
	#[command(flatten)]
	global: Global,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Upload and manage WASM programs.
	#[command(subcommand)]
	Program(program::ProgramCommand),
	/// Submit jobs and follow them.
	#[command(subcommand)]
	Job(job::JobCommand),
	/// Register and manage devices (as their owner).
	#[command(subcommand)]
	Device(device::DeviceCommand),
	/// Era rewards of device owners.
	#[command(subcommand)]
	Rewards(device::RewardsCommand),
	/// The chain's runtime: its version, upgrades.
	#[command(subcommand)]
	Runtime(runtime::RuntimeCommand),
	/// Network-wide numbers.
	Stats,
	/// Free and held balance of an account (default: the `--suri` account).
	Balance {
		/// The account (SS58 or 0x hex).
		account: Option<String>,
	},
	/// Send tokens (e.g. to fund a device account's fees).
	Transfer {
		/// Recipient (SS58 or 0x hex).
		to: String,
		/// Amount: `1.5` (DPN) or `1500planck` (smallest unit).
		amount: String,
	},
}

async fn run(cli: Cli) -> anyhow::Result<Output> {
	let g = &cli.global;
	match cli.command {
		Command::Program(c) => program::run(g, c).await,
		Command::Job(c) => job::run(g, c).await,
		Command::Device(c) => device::run(g, c).await,
		Command::Rewards(c) => device::rewards(g, c).await,
		Command::Runtime(c) => runtime::run(g, c).await,
		Command::Stats => device::stats(g).await,
		Command::Transfer { to, amount } => device::transfer(g, &to, &amount).await,
		Command::Balance { account } => device::balance(g, account.as_deref()).await,
	}
}

/// Entry point of the `depin` binary.
pub fn main() -> ExitCode {
	let cli = Cli::parse();
	let json = cli.global.json;
	let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
		Ok(rt) => rt,
		Err(e) => {
			eprintln!("error: cannot start: {e}");
			return ExitCode::FAILURE;
		}
	};
	match runtime.block_on(run(cli)) {
		Ok(out) => {
			out.print(json);
			ExitCode::SUCCESS
		}
		Err(e) => match e.downcast_ref::<Ended>() {
			// The command ran to an outcome of its own: printed, with its exit status.
			Some(ended) => {
				ended.output.print(json);
				ExitCode::from(ended.code)
			}
			None => fail(&e, json),
		},
	}
}

/// Reports `e` and fails.
fn fail(e: &anyhow::Error, json: bool) -> ExitCode {
	if json {
		println!("{}", serde_json::json!({ "error": format!("{e:#}") }));
	} else {
		eprintln!("error: {e:#}");
	}
	ExitCode::FAILURE
}
