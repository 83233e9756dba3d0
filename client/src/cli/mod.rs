//! The `depin` command line: programs, jobs, data, devices, rewards, the market, the runtime and
//! stats.
//!
//! Every command takes `--url` (default `ws://127.0.0.1:9944`), `--suri` (or `DEPIN_SURI`)
//! where it signs, and `--json` for machine-readable output. Errors say what went wrong
//! and what to do, and exit with status 1 (with `--json`: `{"error": {"kind", "message"}}`
//! on stdout). docs/cli.md lists the commands and their output.

mod data;
mod device;
mod follow;
mod job;
mod job_input;
mod market;
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
	/// Return from a transaction only once its block is finalized (it cannot be reverted
	/// then), not as soon as it is in a block.
	#[arg(long, global = true)]
	pub finalized: bool,
}

impl Global {
	/// Connects to the node.
	pub async fn client(&self) -> anyhow::Result<Client> {
		Ok(Client::connect(&self.url).await?.wait_for_finality(self.finalized))
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
	/// Store data of any size on chain and fetch it back, checked by hash.
	#[command(subcommand)]
	Data(data::DataCommand),
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
	/// The task market by price level: queued bids, listed asks, the last era's median
	/// clearing price and a suggested bid.
	Market,
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
		Command::Data(c) => data::run(g, c).await,
		Command::Device(c) => device::run(g, c).await,
		Command::Rewards(c) => device::rewards(g, c).await,
		Command::Runtime(c) => runtime::run(g, c).await,
		Command::Stats => device::stats(g).await,
		Command::Market => market::run(g).await,
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
		println!("{}", error_json(e));
	} else {
		eprintln!("error: {e:#}");
	}
	ExitCode::FAILURE
}

/// `{"error": {"kind", "message"}}` for `e`: the kind of the chain client's error when it
/// is one (a failed call adds `pallet` and `name`), `data` for stored data that cannot be
/// had or kept, `io` for files, `input` otherwise
/// (arguments or files that make no sense).
fn error_json(e: &anyhow::Error) -> serde_json::Value {
	let message = format!("{e:#}");
	use crate::blobs::BlobError;
	let client_error = e.chain().find_map(|c| {
		c.downcast_ref::<crate::Error>().or_else(|| match c.downcast_ref::<BlobError>() {
			Some(BlobError::Client(inner)) => Some(inner),
			_ => None,
		})
	});
	let data_error = e.chain().any(|c| {
		matches!(c.downcast_ref::<BlobError>(), Some(b) if !matches!(b, BlobError::Client(_) | BlobError::Io { .. }))
	});
	let mut error = match client_error {
		Some(crate::Error::Dispatch { pallet, error, .. }) => {
			serde_json::json!({ "kind": "dispatch", "pallet": pallet, "name": error })
		}
		Some(client) => serde_json::json!({ "kind": client.kind() }),
		None if data_error => serde_json::json!({ "kind": "data" }),
		None if e.chain().any(|c| c.is::<std::io::Error>())
			|| matches!(e.downcast_ref::<BlobError>(), Some(BlobError::Io { .. })) =>
		{
			serde_json::json!({ "kind": "io" })
		}
		None => serde_json::json!({ "kind": "input" }),
	};
	error["message"] = message.into();
	serde_json::json!({ "error": error })
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn errors_in_json_have_a_kind_and_a_message() {
		let failed: anyhow::Error = crate::Error::Dispatch {
			pallet: "Market".into(),
			error: "QueueFull".into(),
			docs: "the queue is full".into(),
		}
		.into();
		let json = error_json(&failed.context("cannot submit"));
		assert_eq!(json["error"]["kind"], "dispatch");
		assert_eq!(json["error"]["pallet"], "Market");
		assert_eq!(json["error"]["name"], "QueueFull");
		assert_eq!(json["error"]["message"], "cannot submit: Market.QueueFull: the queue is full");

		let timeout: anyhow::Error =
			crate::Error::Timeout { what: "a block".into(), seconds: 5 }.into();
		assert_eq!(error_json(&timeout)["error"]["kind"], "timeout");

		let file = std::fs::read("/nonexistent/job.wasm").map_err(anyhow::Error::from);
		assert_eq!(error_json(&file.unwrap_err())["error"]["kind"], "io");

		let missing: anyhow::Error =
			crate::blobs::BlobError::Missing { hash: "0x00".into() }.into();
		assert_eq!(error_json(&missing)["error"]["kind"], "data");
		let unreachable: anyhow::Error =
			crate::blobs::BlobError::Client(crate::Error::Unreachable {
				url: "ws://x".into(),
				reason: "refused".into(),
			})
			.into();
		assert_eq!(error_json(&unreachable)["error"]["kind"], "unreachable");
		let disk: anyhow::Error = crate::blobs::BlobError::Io {
			path: "/x".into(),
			source: std::io::Error::other("full"),
		}
		.into();
		assert_eq!(error_json(&disk)["error"]["kind"], "io");

		let input = anyhow::anyhow!("--out needs --wait");
		let json = error_json(&input);
		assert_eq!(
			(json["error"]["kind"].as_str(), json["error"]["message"].as_str()),
			(Some("input"), Some("--out needs --wait"))
		);
	}
}
