//! `depin job submit|status|result|cancel`.

use std::{io::Write, path::PathBuf, time::Duration};

use anyhow::Context;
use clap::Subcommand;
use depin_primitives::{exit, ContentHash, TaskParams, TaskState};
use serde_json::json;

use super::{
	data::Reporter, follow::follow, job_input::InputSource, program, Ended, Global, Output,
};
use crate::{
	blobs::hex_hash, calls, format_balance, format_price, parse_balance, types::Balance, Client,
	Task,
};

/// Job commands.
#[derive(Subcommand)]
pub enum JobCommand {
	/// Submit a job: upload the program if needed, hold the escrow, queue the task.
	Submit {
		/// The program: a `.wasm` file (uploaded if the chain lacks it) or a program id.
		#[arg(long)]
		program: String,
		/// The input file (the job's stdin); `-` reads stdin; none is empty input. A file
		/// above the chain's inline limit (`MaxInputLen`, 128 KiB) is stored as a blob first
		/// (as `depin data put` does) and the task names it.
		#[arg(long, conflicts_with = "input_blob")]
		input: Option<PathBuf>,
		/// A blob the chain keeps (`depin data put`'s name) as the input.
		#[arg(long)]
		input_blob: Option<String>,
		/// Where devices fetch `--input FILE` instead of the chain keeping it: a URL
		/// template with `{hash}` (`https://host/blobs/{hash}`, serving the directory
		/// `depin data export FILE DIR` wrote) or `{cid}` (an IPFS gateway:
		/// `https://ipfs.io/ipfs/{cid}`); repeat for mirrors (at most 4). The file is
		/// not uploaded; its blob's name and size go into the task.
		#[arg(long = "source", requires = "input", conflicts_with = "input_blob")]
		sources: Vec<String>,
		/// Let the job write up to this many bytes (`64MiB`, `1GiB`; at most the chain's
		/// `MaxBlobChunks` chunks of 2 MiB), returned as a blob instead of kept in state
		/// (at most 128 KiB without it). The device that publishes it stores it, paid out of
		/// the escrow, which holds the storage fee of this many bytes; `--out` and `depin job
		/// result` fetch it. The task then names a stored input: a small one is stored too.
		#[arg(long, value_parser = crate::units::parse_size)]
		output_limit: Option<u64>,
		/// Devices that run the job independently.
		#[arg(long, default_value_t = 3)]
		replicas: u8,
		/// Fuel limit of one run.
		#[arg(long, default_value_t = 10_000_000_000)]
		max_fuel: u64,
		/// Price per unit of fuel, the job's bid: `0.000001` (DPN), `1000planck` (smallest
		/// unit), or `auto`: the bid `depin market` suggests for the replicas (the last
		/// era's median clearing price, or what listed devices ask, if higher). Higher
		/// bids are served first; no device takes a job below its ask.
		#[arg(long, default_value = "1000planck")]
		fuel_price: String,
		/// Memory limit of the job in MiB.
		#[arg(long, default_value_t = 256)]
		memory_mib: u32,
		/// Blocks until the job expires if not verified.
		#[arg(long, default_value_t = 600)]
		deadline: u32,
		/// Compare replicas across determinism classes (slower on float code).
		#[arg(long)]
		portable: bool,
		/// Follow the job until it ends and print it, with the output if verified. Exit
		/// status: 0 verified, 2 failed, 3 expired, 4 `--timeout` passed, 5 cancelled, 1
		/// any other error.
		#[arg(long)]
		wait: bool,
		/// With --wait: write the verified output to this file (`-`: stdout, and every
		/// status line goes to stderr).
		#[arg(long, requires = "wait")]
		out: Option<PathBuf>,
		/// With --wait: give up waiting after this many seconds [default: the deadline's
		/// blocks at the chain's block time, and a minute].
		#[arg(long, requires = "wait")]
		timeout: Option<u64>,
	},
	/// Show a job's state.
	Status {
		/// Task id.
		id: u64,
	},
	/// Write a verified job's output to a file.
	Result {
		/// Task id.
		id: u64,
		/// Where to write the output (`-` for stdout; the status line then goes to stderr).
		#[arg(long)]
		out: PathBuf,
	},
	/// Cancel a job no device has committed to; the escrow comes back.
	Cancel {
		/// Task id.
		id: u64,
	},
	/// Raise the bid of a job waiting in the queue; the difference for every replica goes
	/// into escrow. A bid that reaches a higher price level is served before lower bids.
	Bump {
		/// Task id.
		id: u64,
		/// The new price per fuel (higher than the current one): `1500planck`, or `auto`.
		#[arg(long)]
		fuel_price: String,
	},
	/// Follow a job block by block until it ends, and print it. Exit status as for
	/// `submit --wait`: 0 verified, 2 failed, 3 expired, 4 `--timeout` passed, 5 cancelled.
	Watch {
		/// Task id.
		id: u64,
		/// Give up waiting after this many seconds [default: until the task's deadline,
		/// and a minute].
		#[arg(long)]
		timeout: Option<u64>,
	},
	/// List jobs, newest first.
	List {
		/// Only this account's jobs (SS58 or `0x` hex).
		#[arg(long, conflicts_with = "mine")]
		submitter: Option<String>,
		/// Only the `--suri` account's jobs.
		#[arg(long)]
		mine: bool,
		/// How many jobs at most.
		#[arg(long, default_value_t = 20)]
		limit: u32,
	},
}

/// The bid `--fuel-price` names: an amount, or `auto` (the market's suggestion for
/// `replicas`).
async fn bid(client: &Client, fuel_price: &str, replicas: u32) -> anyhow::Result<Balance> {
	if fuel_price.trim() == "auto" {
		let view = client.market().await.context("--fuel-price auto reads the market")?;
		return Ok(view.suggested_price(replicas));
	}
	parse_balance(fuel_price).map_err(|e| anyhow::anyhow!("--fuel-price {e}"))
}

/// One line describing `task`.
pub fn describe(task: &Task) -> String {
	let mut s = format!(
		"task {}: {:?}, {} replica(s), {}/{} committed, {} revealed, escrow {}, paid {}",
		task.id,
		task.state,
		task.params.replicas as u32 + 2 * task.escalations as u32,
		task.verification.commits,
		task.slots.len() + task.open_slots as usize,
		task.verification.reveals,
		format_balance(task.escrow),
		format_balance(task.paid),
	);
	if let Some(r) = task.result {
		s.push_str(&format!(
			"; result: exit {} ({}), {} fuel",
			r.exit,
			exit::describe(r.exit),
			r.fuel_used
		));
	}
	s
}

pub(super) fn task_json(task: &Task) -> serde_json::Value {
	serde_json::to_value(task).unwrap_or(serde_json::Value::Null)
}

/// How long `--wait` waits by default: `deadline` blocks at the chain's block time (its
/// Aura slot), and a minute — a task reaches a final state by its deadline, so waiting
/// that long never gives up on a task that could still end.
async fn deadline_wait(client: &Client, deadline: u32) -> anyhow::Result<Duration> {
	let slot_ms: u64 = client
		.runtime_call("AuraApi_slot_duration", (), None)
		.await
		.context("cannot read the chain's block time")?;
	Ok(Duration::from_millis(slot_ms.saturating_mul(deadline as u64)) + Duration::from_secs(60))
}

/// Exit statuses of `job submit --wait` besides 0 (verified) and 1 (an error).
pub mod exit_code {
	/// The task failed (no quorum after escalation, or abandoned).
	pub const FAILED: u8 = 2;
	/// The task's deadline passed.
	pub const EXPIRED: u8 = 3;
	/// `--timeout` passed before the task ended.
	pub const TIMED_OUT: u8 = 4;
	/// The task was cancelled.
	pub const CANCELLED: u8 = 5;
}

/// Ends `--wait` for a task that ended without a verified result, with its exit status.
fn unverified(task: &Task) -> Option<Ended> {
	let code = match task.state {
		TaskState::Failed => exit_code::FAILED,
		TaskState::Expired => exit_code::EXPIRED,
		TaskState::Cancelled => exit_code::CANCELLED,
		_ => return None,
	};
	Some(Ended { code, output: Output::new(vec![describe(task)], task_json(task)) })
}

/// Up to `limit` tasks, newest first (only `submitter`'s if given), page after page.
async fn list_tasks(
	client: &Client,
	submitter: Option<&crate::types::AccountId>,
	limit: u32,
) -> anyhow::Result<Vec<Task>> {
	let (mut tasks, mut before) = (Vec::new(), None);
	while (tasks.len() as u32) < limit {
		let page = client.tasks(submitter, before, limit - tasks.len() as u32).await?;
		tasks.extend(page.items);
		match page.next {
			Some(next) => before = Some(next),
			None => break,
		}
	}
	Ok(tasks)
}

/// Writes `output` to `out` (`-` = stdout).
fn write_output(out: &PathBuf, output: &[u8]) -> anyhow::Result<()> {
	if out.as_os_str() == "-" {
		std::io::stdout().write_all(output)?;
		return Ok(());
	}
	std::fs::write(out, output).with_context(|| format!("cannot write {}", out.display()))
}

/// Where a verified output is.
enum VerifiedOutput {
	/// Kept in state: its bytes.
	InState(Vec<u8>),
	/// A blob the chain keeps: its name and size.
	Blob { name: ContentHash, size: u64 },
}

impl VerifiedOutput {
	/// How `--json` shows it.
	fn to_json(&self) -> serde_json::Value {
		match self {
			Self::InState(bytes) => json!(format!("0x{}", hex::encode(bytes))),
			Self::Blob { name, size } => json!({ "blob": hex_hash(name), "size": size }),
		}
	}
}

async fn verified_output(client: &Client, task: &Task) -> anyhow::Result<VerifiedOutput> {
	anyhow::ensure!(
		task.state == TaskState::Verified,
		"task {} is {:?}: there is no verified output",
		task.id,
		task.state
	);
	if client.output_limit(task.id).await?.is_some() {
		// The verified result names the blob: its hash is the manifest's.
		let name = task.result.context("a verified task without its result")?.output_hash;
		let manifest = client.manifest(&name).await?;
		return Ok(VerifiedOutput::Blob { name, size: manifest.size });
	}
	let bytes = client.output(task.id).await?.with_context(|| {
		format!("task {} is verified but its output is not stored (only its hash): no revealer attached it or the output deposit could not be paid", task.id)
	})?;
	Ok(VerifiedOutput::InState(bytes))
}

/// Writes a verified output to `out` (`-` = stdout), fetching a blob (every chunk checked,
/// progress on stderr, a partial file resumed); returns its size.
async fn write_verified(
	client: &Client,
	output: &VerifiedOutput,
	out: &PathBuf,
) -> anyhow::Result<u64> {
	match output {
		VerifiedOutput::InState(bytes) => {
			write_output(out, bytes)?;
			Ok(bytes.len() as u64)
		}
		VerifiedOutput::Blob { name, .. } if out.as_os_str() == "-" => {
			let bytes = client.get_bytes(name).await?;
			write_output(out, &bytes)?;
			Ok(bytes.len() as u64)
		}
		VerifiedOutput::Blob { name, .. } => {
			let mut reporter = Reporter::new("fetched");
			let manifest = client.get_file(name, out, |p| reporter.report(p)).await?;
			Ok(manifest.size)
		}
	}
}

/// Runs a job command.
pub async fn run(g: &Global, cmd: JobCommand) -> anyhow::Result<Output> {
	match cmd {
		JobCommand::Submit {
			program,
			input,
			input_blob,
			sources,
			output_limit,
			replicas,
			max_fuel,
			fuel_price,
			memory_mib,
			deadline,
			portable,
			wait,
			out,
			timeout,
		} => {
			let (client, signer) = (g.client().await?, g.signer()?);
			let fuel_price = bid(&client, &fuel_price, replicas as u32).await?;
			let max = program::max_len(&client, "MaxInputLen").await?;
			let source = if sources.is_empty() {
				InputSource::choose(input.as_ref(), input_blob.as_deref(), max)?
			} else {
				InputSource::sourced(input.as_ref(), sources)?
			};
			// The escrow first: nothing is uploaded (and no deposit held) for a job the
			// account cannot pay for.
			let escrow =
				(max_fuel as u128).saturating_mul(fuel_price).saturating_mul(replicas as u128);
			let free = client.free_balance(signer.account()).await?;
			anyhow::ensure!(
				free > escrow,
				"insufficient balance for the escrow: the job needs {} (max_fuel × fuel_price × replicas) \
				 and {} has {} free; lower --max-fuel, --fuel-price or --replicas, or fund the account",
				format_balance(escrow),
				signer.address(),
				format_balance(free)
			);
			let program_id = if std::path::Path::new(&program).is_file() {
				let code = program::read_program(&client, std::path::Path::new(&program)).await?;
				program::ensure_uploaded(&client, &signer, code).await?.0
			} else {
				program::parse_id(&program)
					.context("--program is neither a file nor a program id")?
			};
			let params =
				TaskParams { max_fuel, fuel_price, replicas, memory_mib, deadline, portable };
			let input = source.resolve(&client, &signer, output_limit.is_some()).await?;
			let described = input.describe();
			let call = input.submit_call(program_id, params, output_limit.unwrap_or(0));
			let receipt = client.submit(&signer, call).await?;
			let id = receipt
				.events
				.iter()
				.find_map(|e| e.as_event::<crate::events::TaskSubmitted>())
				.map(|e| e.task)
				.context("the node accepted the job but reported no task id")?;
			if !wait {
				return Ok(Output::new(
					vec![format!(
						"task {id} submitted at {} per fuel (escrow {})",
						format_price(fuel_price),
						format_balance(escrow)
					)],
					json!({ "task": id, "program": program::hex_id(&program_id), "escrow": escrow.to_string(), "fuelPrice": fuel_price.to_string(), "input": described }),
				));
			}
			let timeout = match timeout {
				Some(seconds) => Duration::from_secs(seconds),
				None => deadline_wait(&client, deadline).await?,
			};
			let task = follow(&client, id, timeout).await?;
			if let Some(ended) = unverified(&task) {
				return Err(ended.into());
			}
			let output = verified_output(&client, &task).await?;
			let mut text = vec![describe(&task)];
			match (&out, &output) {
				(Some(path), _) => {
					let written = write_verified(&client, &output, path).await?;
					text.push(format!("output ({written} bytes) written to {}", path.display()));
				}
				(None, VerifiedOutput::InState(bytes)) => match std::str::from_utf8(bytes) {
					Ok(s) => text.push(format!("output: {}", s.trim_end())),
					Err(_) => {
						text.push(format!("output: {} bytes (binary; use --out FILE)", bytes.len()))
					}
				},
				(None, VerifiedOutput::Blob { name, size }) => text.push(format!(
					"output: blob {} of {size} bytes (use --out FILE, or `depin data get`)",
					hex_hash(name)
				)),
			}
			let to_stdout = out.as_ref().is_some_and(|p| p.as_os_str() == "-");
			Ok(Output::new(text, json!({ "task": task_json(&task), "output": output.to_json() }))
				.after_data(to_stdout))
		}
		JobCommand::Status { id } => {
			let task = g
				.client()
				.await?
				.task(id)
				.await?
				.with_context(|| format!("task {id} does not exist (or was pruned)"))?;
			Ok(Output::new(vec![describe(&task)], task_json(&task)))
		}
		JobCommand::Result { id, out } => {
			let client = g.client().await?;
			let task = client
				.task(id)
				.await?
				.with_context(|| format!("task {id} does not exist (or was pruned)"))?;
			let output = verified_output(&client, &task).await?;
			let written = write_verified(&client, &output, &out).await?;
			Ok(Output::new(
				vec![format!("task {id}: {written} bytes written to {}", out.display())],
				json!({ "task": id, "bytes": written }),
			)
			.after_data(out.as_os_str() == "-"))
		}
		JobCommand::Watch { id, timeout } => {
			let client = g.client().await?;
			let timeout = match timeout {
				Some(seconds) => Duration::from_secs(seconds),
				None => {
					let task = client
						.task(id)
						.await?
						.with_context(|| format!("task {id} does not exist (or was pruned)"))?;
					let left = task.deadline_at.saturating_sub(client.best_number().await?);
					deadline_wait(&client, left).await?
				}
			};
			let task = follow(&client, id, timeout).await?;
			if let Some(ended) = unverified(&task) {
				return Err(ended.into());
			}
			Ok(Output::new(vec![describe(&task)], task_json(&task)))
		}
		JobCommand::List { submitter, mine, limit } => {
			let submitter = match (submitter, mine) {
				(Some(account), _) => Some(crate::parse_account(&account)?),
				(None, true) => Some(g.signer()?.account().clone()),
				(None, false) => None,
			};
			let client = g.client().await?;
			let tasks = list_tasks(&client, submitter.as_ref(), limit).await?;
			let text = if tasks.is_empty() {
				vec!["no jobs".to_string()]
			} else {
				tasks.iter().map(describe).collect()
			};
			Ok(Output::new(text, json!(tasks.iter().map(task_json).collect::<Vec<_>>())))
		}
		JobCommand::Bump { id, fuel_price } => {
			let (client, signer) = (g.client().await?, g.signer()?);
			let task = client.task(id).await?.with_context(|| format!("no task {id}"))?;
			let replicas = task.params.replicas as u32 + 2 * task.escalations as u32;
			let fuel_price = bid(&client, &fuel_price, replicas).await?;
			anyhow::ensure!(
				fuel_price > task.params.fuel_price,
				"task {id} bids {} per fuel already; a raise must be higher",
				format_price(task.params.fuel_price)
			);
			client.submit(&signer, calls::bump_task(id, fuel_price)).await?;
			Ok(Output::new(
				vec![format!("task {id} now bids {} per fuel", format_price(fuel_price))],
				json!({ "task": id, "fuelPrice": fuel_price.to_string() }),
			))
		}
		JobCommand::Cancel { id } => {
			let (client, signer) = (g.client().await?, g.signer()?);
			client.submit(&signer, calls::cancel_task(id)).await?;
			Ok(Output::new(
				vec![format!("task {id} cancelled; escrow refunded")],
				json!({ "cancelled": id }),
			))
		}
	}
}
