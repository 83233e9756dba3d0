//! Scaling of the scheduler with the number of devices, on a running `depin-node --dev`.
//!
//! The benchmark fills the task queue first (no device is eligible yet, so every task
//! waits), then, stage by stage, registers a fresh set of devices (10, 1 000, 10 000),
//! lets them send their first heartbeat and records the blocks that follow: assignments
//! per block, the weight the runtime charged for its hooks and the real time the node took
//! to build each block (from its log). The full run's last stage fills the registry to
//! `MaxDevices` (100 000 devices registered, 88 990 of them eligible). A flat cost per assignment across the stages is what
//! the eligible-device index promises. Between stages the previous devices are paused and
//! their assignments left to time out, so each window measures one population.

use std::{
	path::{Path, PathBuf},
	sync::Arc,
	time::{Duration, Instant},
};

use anyhow::Context;
use depin_client::{calls, primitives::TaskParams, types::Hash, Client, Signer};
use depin_runtime::Runtime;
use depin_testkit::{NodeConfig, TestNode};
use depin_worker::executor::Executor;
use frame_support::{dispatch::DispatchClass, traits::Get};

use crate::load::{
	bench_signer, bench_spec, block_hash, block_weight, for_each_concurrent, fund, send_all,
	trivial_program,
};

const UNIT: u128 = 1_000_000_000_000;
/// What a run measures.
struct Plan {
	/// Devices of each stage.
	stages: &'static [usize],
	/// Whether a last stage registers devices up to `MaxDevices`.
	fill_registry: bool,
	/// Tasks queued before the first stage.
	queue: u32,
	/// Blocks measured per stage.
	window: u32,
	/// Block time: the commit timeout (20 blocks) must outlast a stage's heartbeats and
	/// window, so that no stage sees its own timeouts.
	block_ms: u64,
}

const FULL: Plan = Plan {
	stages: &[10, 1_000, 10_000],
	fill_registry: true,
	queue: 10_000,
	window: 8,
	block_ms: 6000,
};
const QUICK: Plan =
	Plan { stages: &[10, 1_000], fill_registry: false, queue: 2_000, window: 4, block_ms: 3000 };
const DAPPS: usize = 16;
/// Accounts sending at once (each keeps up to 64 transactions in the pool).
const CONCURRENT_ACCOUNTS: usize = 32;

/// What a stage's window measured.
struct StageRow {
	eligible: u32,
	registered: u32,
	queued: u32,
	blocks: u32,
	assignments: u32,
	timeouts: u32,
	hook_weight: u64,
	build_ms: u64,
}

/// Blocks of one window, summed.
#[derive(Default)]
struct WindowSums {
	assignments: u32,
	timeouts: u32,
	hook_weight: u64,
	build_ms: u64,
}

/// The devices of one stage and their owners (each owner holds at most
/// `MaxDevicesPerOwner`; at least three owners so a task's replicas can differ in owner).
struct Fleet {
	owners: Vec<(Signer, Vec<Signer>)>,
}

impl Fleet {
	fn new(stage: usize, devices: usize) -> Self {
		let per_owner: usize =
			<<Runtime as pallet_devices::Config>::MaxDevicesPerOwner as Get<u32>>::get() as usize;
		let owners = devices.div_ceil(per_owner).max(3).min(devices);
		let mut fleet: Vec<(Signer, Vec<Signer>)> = (0..owners)
			.map(|o| (bench_signer(&format!("//scale/{stage}/owner/{o}")), Vec::new()))
			.collect();
		for d in 0..devices {
			fleet[d % owners].1.push(bench_signer(&format!("//scale/{stage}/device/{d}")));
		}
		Self { owners: fleet }
	}

	fn devices(&self) -> impl Iterator<Item = &Signer> {
		self.owners.iter().flat_map(|(_, d)| d)
	}

	fn len(&self) -> usize {
		self.owners.iter().map(|(_, d)| d.len()).sum()
	}
}

/// Funds and registers every device of `fleet` (no heartbeat yet, so none is eligible).
async fn register(client: &Arc<Client>, fleet: &Fleet, spec_class: u64) -> anyhow::Result<()> {
	let bond: u128 = <Runtime as pallet_devices::Config>::MinBond::get();
	let amounts = fleet
		.owners
		.iter()
		.map(|(o, d)| (o.account().clone(), d.len() as u128 * (bond + 2 * UNIT) + 10 * UNIT))
		.collect();
	fund(client, amounts).await.context("funding owners")?;
	let work: Vec<_> = fleet.owners.iter().map(|(o, d)| (o.clone(), d.clone())).collect();
	for_each_concurrent(work, CONCURRENT_ACCOUNTS, |(owner, devices)| {
		let client = client.clone();
		let spec = bench_spec(spec_class);
		async move {
			let mut batch: Vec<_> =
				devices.iter().map(|d| calls::transfer(d.account().clone(), UNIT)).collect();
			batch.extend(
				// Fresh keys: their first registration.
				devices.iter().map(|d| {
					let consent = d.consent(owner.account(), &client.genesis(), 0);
					calls::register_device(d.account().clone(), spec, consent)
				}),
			);
			send_all(&client, &owner, &batch).await
		}
	})
	.await
	.context("registering devices")
}

/// `count` tasks of 3 replicas on `program`, submitted by `DAPPS` fresh dApps of `batch`;
/// returns when every one is in a block.
async fn queue_tasks(
	client: &Arc<Client>,
	program: depin_primitives::ProgramId,
	batch: &str,
	count: u32,
) -> anyhow::Result<()> {
	let dapps: Vec<Signer> =
		(0..DAPPS).map(|i| bench_signer(&format!("//scale/dapp/{batch}/{i}"))).collect();
	fund(client, dapps.iter().map(|d| (d.account().clone(), 1_000 * UNIT)).collect()).await?;
	let params = TaskParams {
		max_fuel: 1_000_000,
		fuel_price: 1,
		replicas: 3,
		memory_mib: 16,
		deadline: 5_000,
		portable: false,
	};
	let per_dapp = count.div_ceil(DAPPS as u32);
	for_each_concurrent(dapps, DAPPS, |dapp| {
		let client = client.clone();
		async move {
			let tasks: Vec<_> = (0..per_dapp)
				.map(|i| calls::submit_task(program, i.to_le_bytes().to_vec(), params))
				.collect();
			send_all(&client, &dapp, &tasks).await
		}
	})
	.await
	.context("queueing tasks")
}

/// Pauses every device of `fleet`; returns the block the last pause landed in.
async fn pause(client: &Arc<Client>, fleet: &Fleet) -> anyhow::Result<u32> {
	let work: Vec<_> = fleet.owners.iter().map(|(o, d)| (o.clone(), d.clone())).collect();
	for_each_concurrent(work, CONCURRENT_ACCOUNTS, |(owner, devices)| {
		let client = client.clone();
		async move {
			let batch: Vec<_> = devices.iter().map(|d| calls::pause(d.account().clone())).collect();
			send_all(&client, &owner, &batch).await
		}
	})
	.await
	.context("pausing devices")?;
	Ok(client.best_number().await?)
}

/// Waits until the assignments made before block `paused_at` have timed out: past the
/// commit timeout, and a block without released slots (timers are bounded per block).
async fn wait_for_timeouts(client: &Client, paused_at: u32, block_ms: u64) -> anyhow::Result<()> {
	let commit_timeout: u32 = <Runtime as pallet_market::Config>::CommitTimeout::get();
	let mut number = paused_at + commit_timeout + 1;
	let deadline = Instant::now() + Duration::from_millis(block_ms * (commit_timeout as u64 + 30));
	loop {
		anyhow::ensure!(Instant::now() < deadline, "timeouts of the previous stage did not end");
		if client.best_number().await? < number {
			tokio::time::sleep(Duration::from_millis(500)).await;
			continue;
		}
		let (_, timeouts) =
			assignments_and_timeouts(client, block_hash(client, number).await?).await?;
		if timeouts == 0 {
			return Ok(());
		}
		number += 1;
	}
}

/// Sends every device's first heartbeat and waits until all are eligible, or until a
/// round of heartbeats is refused whole (every one is in a block or the pool) and the
/// index stopped growing: with tasks queued, devices listed early are assigned work and,
/// with no worker behind them, unlisted again when it times out, so the index may never
/// hold the whole fleet at once.
async fn heartbeats(client: &Arc<Client>, fleet: &Fleet, block_ms: u64) -> anyhow::Result<()> {
	let want = fleet.len() as u32;
	// About a thousand heartbeats a second reach the pool; the rest is block inclusion.
	let deadline = Instant::now() + Duration::from_secs(300 + fleet.len() as u64 / 100);
	let mut listed_before = 0;
	loop {
		let devices: Vec<Signer> = fleet.devices().cloned().collect();
		let accepted = Arc::new(std::sync::atomic::AtomicUsize::new(0));
		for_each_concurrent(devices, 64, |device| {
			let client = client.clone();
			let accepted = accepted.clone();
			// A device whose heartbeat is already in a block or in the pool refuses a
			// second one: nothing to do.
			async move {
				if client.send_signed(&device, calls::heartbeat(), 0).await.is_ok() {
					accepted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
				}
				Ok(())
			}
		})
		.await?;
		let resend_at = Instant::now() + Duration::from_millis(4 * block_ms);
		let mut listed = 0;
		while Instant::now() < resend_at {
			listed = client.stats().await?.candidates;
			if listed >= want {
				return Ok(());
			}
			anyhow::ensure!(Instant::now() < deadline, "devices did not become eligible");
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
		if accepted.load(std::sync::atomic::Ordering::Relaxed) == 0 && listed <= listed_before {
			return Ok(());
		}
		listed_before = listed;
	}
}

/// `TaskAssigned` and `SlotReleased` events in block `hash`.
async fn assignments_and_timeouts(client: &Client, hash: Hash) -> anyhow::Result<(u32, u32)> {
	let mut counts = (0, 0);
	for e in client.events(hash).await? {
		match (e.pallet.as_str(), e.name.as_str()) {
			("Market", "TaskAssigned") => counts.0 += 1,
			("Market", "SlotReleased") => counts.1 += 1,
			_ => {}
		}
	}
	Ok(counts)
}

/// How long the node took to build each block, from its log
/// ("Prepared block for proposing at N (T ms)").
fn build_times(log: &str) -> std::collections::HashMap<u32, u64> {
	log.lines()
		.filter_map(|line| {
			let rest = line.split("Prepared block for proposing at ").nth(1)?;
			let (number, rest) = rest.split_once(" (")?;
			let (ms, _) = rest.split_once(" ms)")?;
			Some((number.parse().ok()?, ms.parse().ok()?))
		})
		.collect()
}

/// Sums blocks `from..=to`.
async fn measure(
	client: &Client,
	node: &mut TestNode,
	from: u32,
	to: u32,
) -> anyhow::Result<WindowSums> {
	while client.best_number().await? < to {
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	let log = std::fs::read_to_string(node.process().log_path()).context("node log")?;
	let times = build_times(&log);
	let mut sums = WindowSums::default();
	for number in from..=to {
		let hash = block_hash(client, number).await?;
		let (assigned, released) = assignments_and_timeouts(client, hash).await?;
		let hook_weight = block_weight(client, hash, DispatchClass::Mandatory).await?;
		let build_ms = times
			.get(&number)
			.copied()
			.with_context(|| format!("no build time of block {number} in the node's log"))?;
		eprintln!(
			"scale: block {number}: {assigned} assignments, {released} timeouts, hook weight {:.1} ms, built in {build_ms} ms",
			hook_weight as f64 / 1e9
		);
		sums.assignments += assigned;
		sums.timeouts += released;
		sums.hook_weight += hook_weight;
		sums.build_ms += build_ms;
	}
	Ok(sums)
}

/// Runs the scaling benchmark, with the devices of each stage in `stages` if given (the
/// plan's otherwise); returns the report (Markdown). With `keep_state`, the node's
/// database is copied there once the node stopped.
pub async fn run(
	quick: bool,
	stages: Option<Vec<usize>>,
	keep_state: Option<PathBuf>,
) -> anyhow::Result<String> {
	if let Some(dir) = &keep_state {
		anyhow::ensure!(!dir.exists(), "{} exists: give a new directory", dir.display());
	}
	let plan = if quick { QUICK } else { FULL };
	let Plan { stages: planned, fill_registry, queue, window, block_ms } = plan;
	let stages = match stages {
		Some(given) => given,
		None => stage_sizes(planned, fill_registry),
	};
	anyhow::ensure!(!stages.is_empty() && stages[0] > 0, "the first stage needs devices");

	let mut config = NodeConfig::dev(block_ms);
	config.extra_args = vec!["--pool-limit".into(), "30000".into()];
	let mut node = TestNode::start(config).await;
	let client = Arc::new(Client::connect(&node.ws_url()).await?);
	let class = Executor::new(None)?.determinism_class();

	// An empty chain's blocks: the fixed cost every block pays.
	let idle_from = client.best_number().await? + 1;
	let idle = measure(&client, &mut node, idle_from, idle_from + 2).await?;

	// The first fleet registers (no heartbeat: none is eligible yet), so that the chain
	// accepts tasks (it refuses work no registered device could serve); then dApps fill
	// the queue.
	eprintln!("scale: registering {} devices", stages[0]);
	register(&client, &Fleet::new(0, stages[0]), class).await?;
	let code = trivial_program()?;
	let program = depin_primitives::program_id(&code);
	let uploader = bench_signer("//scale/uploader");
	fund(&client, vec![(uploader.account().clone(), 10 * UNIT)]).await?;
	client.submit(&uploader, calls::upload_program(code)).await?;
	eprintln!("scale: queueing {queue} tasks");
	queue_tasks(&client, program, "initial", queue).await?;

	let mut rows = Vec::new();
	let mut registered = 0u32;
	let mut previous: Option<Fleet> = None;
	for (stage, &devices) in stages.iter().enumerate() {
		let fleet = Fleet::new(stage, devices);
		if stage > 0 {
			eprintln!("scale: registering {devices} devices");
			register(&client, &fleet, class).await?;
		}
		registered += devices as u32;
		let stats = client.stats().await?;
		anyhow::ensure!(
			stats.devices == registered,
			"{} devices registered, expected {registered}",
			stats.devices
		);
		if let Some(old) = previous.take() {
			eprintln!("scale: pausing the previous devices and waiting for their timeouts");
			let paused_at = pause(&client, &old).await?;
			wait_for_timeouts(&client, paused_at, block_ms).await?;
		}
		eprintln!("scale: heartbeats of {devices} devices");
		heartbeats(&client, &fleet, block_ms).await?;
		// The devices became eligible a block's worth of heartbeats at a time, and took
		// tasks meanwhile: a stage of many devices may find the queue drained. Refill it
		// (fresh dApps: each holds at most `MaxOpenTasksPerSubmitter`), and measure the
		// blocks after the last submission.
		let queued = client.stats().await?.tasks.queued;
		if queued < queue / 2 {
			eprintln!("scale: queueing {} more tasks", queue - queued);
			queue_tasks(&client, program, &format!("stage-{stage}"), queue - queued).await?;
		}
		let start = client.best_number().await?;
		let stats = client.stats().await?;
		let sums = measure(&client, &mut node, start + 1, start + window).await?;
		rows.push(StageRow {
			eligible: stats.candidates,
			registered,
			queued: stats.tasks.queued,
			blocks: window,
			assignments: sums.assignments,
			timeouts: sums.timeouts,
			hook_weight: sums.hook_weight,
			build_ms: sums.build_ms,
		});
		previous = Some(fleet);
	}
	if let Some(dir) = keep_state {
		node.process().stop();
		// The node's base path (`--base-path`) under its directory.
		copy_dir(&node.dir().join("data"), &dir)
			.with_context(|| format!("copying the node's database to {}", dir.display()))?;
		eprintln!("scale: the node's database is in {}", dir.display());
	}
	Ok(report(&rows, &idle, 3, block_ms))
}

/// Copies the directory tree `from` to `to`, which must not exist.
fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
	std::fs::create_dir(to)?;
	for entry in std::fs::read_dir(from)? {
		let entry = entry?;
		let target = to.join(entry.file_name());
		if entry.file_type()?.is_dir() {
			copy_dir(&entry.path(), &target)?;
		} else {
			std::fs::copy(entry.path(), target)?;
		}
	}
	Ok(())
}

/// The devices of each stage: `stages`, then if `fill_registry` as many as `MaxDevices`
/// leaves.
fn stage_sizes(stages: &[usize], fill_registry: bool) -> Vec<usize> {
	let mut sizes = stages.to_vec();
	let max: u32 = <<Runtime as pallet_devices::Config>::MaxDevices as Get<u32>>::get();
	let left = (max as usize).saturating_sub(sizes.iter().sum());
	if fill_registry && left > 0 {
		sizes.push(left);
	}
	sizes
}

fn report(rows: &[StageRow], idle: &WindowSums, idle_blocks: u32, block_ms: u64) -> String {
	let idle_weight = idle.hook_weight as f64 / idle_blocks as f64;
	let idle_ms = idle.build_ms as f64 / idle_blocks as f64;
	let mut out = format!(
		"### Scheduler scaling (`depin-node --dev`, {} s blocks; a queue of tasks with 3 replicas, devices that just became eligible)\n\n\
		 | eligible devices | registered | queued tasks | assignments / block | hook weight / assignment | block build time / assignment | timeouts in window |\n\
		 | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
		block_ms / 1000
	);
	for r in rows {
		let per_block = r.assignments as f64 / r.blocks as f64;
		let n = r.assignments.max(1) as f64;
		let weight_us = (r.hook_weight as f64 - idle_weight * r.blocks as f64) / n / 1e6;
		let build_us = (r.build_ms as f64 - idle_ms * r.blocks as f64) * 1e3 / n;
		out.push_str(&format!(
			"| {} | {} | {} | {per_block:.0} | {weight_us:.1} µs | {build_us:.1} µs | {} |\n",
			r.eligible, r.registered, r.queued, r.timeouts
		));
	}
	out.push_str(&format!(
		"\nPer assignment: the window's total minus an empty block's ({:.2} ms of hook weight, {idle_ms:.1} ms to build), over {} blocks per stage. \
		 The hook's weight limit caps assignments per block; the weight charged per assignment comes from the benchmarks, \
		 the build time is what the node really spent.\n\n",
		idle_weight / 1e9,
		rows.first().map(|r| r.blocks).unwrap_or(0),
	));
	out
}
