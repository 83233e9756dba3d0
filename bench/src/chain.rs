//! Chain throughput and latency on `depin-node --dev`, against plain transfers measured in
//! the same run and setup.
//!
//! The bench plays every role itself so the chain, not job execution, is the bottleneck:
//! dApps that keep tasks (a trivial job, 3 replicas) in flight, and devices (many keys in
//! one process) that commit and reveal the job's real result, computed once by the
//! worker's executor. Block contents are read from events.

use std::{
	collections::HashMap,
	sync::Arc,
	time::{Duration, Instant},
};

use anyhow::Context;
use depin_client::{
	calls,
	events::{TaskSubmitted, TaskVerified},
	primitives::{commitment, output_key, output_proof, AssignmentPhase, ExecResult, TaskParams},
	Client, Signer,
};
use depin_testkit::{NodeConfig, TestNode};
use depin_worker::executor::{Executor, Job, Mode};
use frame_support::dispatch::DispatchClass;

use crate::{
	load::{
		bench_signer, bench_spec, block_hash, block_weight, fund, trivial_program, Nonces,
		IN_FLIGHT_PER_ACCOUNT,
	},
	stats::ms,
};

const UNIT: u128 = 1_000_000_000_000;
const DEVICES: usize = 9;
const DAPPS: usize = 4;
const SENDERS: usize = 4;
/// Tasks the dApps keep open at most: a full pipeline without an ever-growing queue.
const MAX_OPEN_TASKS: u32 = 180;
/// Blocks after which a device sends an answer the chain still asks for again.
const RESEND_AFTER_BLOCKS: u32 = 6;

/// What happened in one block.
#[derive(Default, Clone, Copy)]
struct BlockStats {
	/// Successful extrinsics.
	extrinsics: u32,
	/// Extrinsics whose call failed (a late or repeated commit or reveal, for instance).
	failed: u32,
	transfers: u32,
	submitted: u32,
	verified: u32,
	weight_ref_time: u64,
}

/// Follows new blocks and records what they contain, with the wall time of arrival.
struct Recorder {
	blocks: Vec<(u32, Instant, BlockStats)>,
	submitted_at: HashMap<u64, (u32, Instant)>,
	latencies: Vec<(u32, Duration)>,
}

impl Recorder {
	async fn record(&mut self, client: &Client, number: u32) -> anyhow::Result<()> {
		let hash = block_hash(client, number).await?;
		let now = Instant::now();
		let mut s = BlockStats::default();
		for e in client.events(hash).await? {
			match (e.pallet.as_str(), e.name.as_str()) {
				("System", "ExtrinsicSuccess") => s.extrinsics += 1,
				("Balances", "Transfer") => s.transfers += 1,
				("System", "ExtrinsicFailed") => s.failed += 1,
				_ => {}
			}
			if let Some(TaskSubmitted { task, .. }) = e.as_event() {
				s.submitted += 1;
				self.submitted_at.insert(task, (number, now));
			}
			if let Some(TaskVerified { task, .. }) = e.as_event() {
				s.verified += 1;
				if let Some((b, t)) = self.submitted_at.get(&task) {
					self.latencies.push((number - b, now - *t));
				}
			}
		}
		// Every block has one inherent (the timestamp).
		s.extrinsics = s.extrinsics.saturating_sub(1);
		s.weight_ref_time = block_weight(client, hash, DispatchClass::Normal).await?;
		self.blocks.push((number, now, s));
		Ok(())
	}
}

/// Keeps up to `IN_FLIGHT_PER_ACCOUNT` transactions of `signer` in the pool until `stop`;
/// with `max_open`, it is one of `DAPPS` senders that together keep at most that many
/// tasks open (on the chain or on their way).
async fn keep_sending(
	client: Arc<Client>,
	signer: Signer,
	make: impl Fn(u32) -> depin_client::calls::Call,
	max_open: Option<u32>,
	stop: Instant,
) -> anyhow::Result<u32> {
	let mut sent = 0u32;
	let mut nonces = Nonces::new(&client, signer.account()).await?;
	while Instant::now() < stop {
		nonces.observe(&client).await?;
		// An equal share of the room left, less what this sender already has in the pool.
		let room = match max_open {
			Some(max) => (max.saturating_sub(open_tasks(&client).await?) / DAPPS as u32)
				.saturating_sub(nonces.in_flight()),
			None => u32::MAX,
		};
		let mut this_round = 0;
		while this_round < room && nonces.in_flight() < IN_FLIGHT_PER_ACCOUNT {
			if client.send_signed(&signer, make(sent), nonces.next()).await.is_err() {
				nonces.resync(&client).await?;
				break;
			}
			nonces.sent();
			sent += 1;
			this_round += 1;
		}
		tokio::time::sleep(Duration::from_millis(50)).await;
	}
	Ok(sent)
}

/// An answer of a device to one of its assignments.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Step {
	Commit,
	Reveal,
	Publish,
}

/// One device answering its assignments with the job's result, every block, and sending
/// its heartbeats, until `stop`. Like a worker, it sends an answer again when the chain
/// still asks for it `RESEND_AFTER_BLOCKS` later, so a transaction the pool lost costs
/// time, not the task.
async fn device_loop(
	client: Arc<Client>,
	device: Signer,
	result: ExecResult,
	stop: Instant,
) -> anyhow::Result<()> {
	// The block each answer was last sent at.
	let mut sent: HashMap<(u64, Step), u32> = HashMap::new();
	let mut nonces = Nonces::new(&client, device.account()).await?;
	let salt = [7u8; 32];
	let mut last = 0;
	// Like a worker, a heartbeat every period keeps the device eligible.
	let period: u32 = depin_runtime::configs::depin::HeartbeatPeriod::get();
	let mut heartbeat_at = 0;
	while Instant::now() < stop {
		let best = client.best_number().await?;
		if best == last {
			tokio::time::sleep(Duration::from_millis(20)).await;
			continue;
		}
		last = best;
		if nonces.observe(&client).await? {
			sent.clear();
		}
		let mut outgoing = Vec::new();
		if best >= heartbeat_at {
			outgoing.push((None, calls::heartbeat()));
			heartbeat_at = best + period + 1;
		}
		let assignments = client.assignments(device.account()).await?;
		sent.retain(|(task, _), _| assignments.iter().any(|a| a.task == *task));
		for a in assignments {
			// Every job outputs nothing.
			let proof = output_proof(a.task, &output_key(&[]), device.account());
			let (step, call) = match a.phase {
				AssignmentPhase::Commit => (
					Step::Commit,
					calls::commit(
						a.task,
						commitment(a.task, &result, &proof, &salt, device.account()),
					),
				),
				AssignmentPhase::Reveal => {
					// Like a worker: the output goes with the reveal that completes the quorum.
					let output = a.completes_quorum(&result).then(Vec::new);
					(Step::Reveal, calls::reveal(a.task, result, proof, salt, output))
				}
				// The designated device publishes; the others never need to here.
				AssignmentPhase::Publish { designated: true } => {
					(Step::Publish, calls::publish_output(a.task, Vec::new()))
				}
				_ => continue,
			};
			let key = (a.task, step);
			if sent.get(&key).is_none_or(|at| best >= at + RESEND_AFTER_BLOCKS) {
				outgoing.push((Some(key), call));
			}
		}
		for (key, call) in outgoing {
			if client.send_signed(&device, call, nonces.next()).await.is_err() {
				nonces.resync(&client).await?;
				continue;
			}
			nonces.sent();
			if let Some(key) = key {
				sent.insert(key, best);
			}
		}
	}
	Ok(())
}

/// Tasks submitted and not finished, network-wide.
async fn open_tasks(client: &Client) -> anyhow::Result<u32> {
	let t = client.stats().await?.tasks;
	Ok(t.queued + t.assigned + t.committing + t.revealing)
}

async fn follow(client: Arc<Client>, from: u32, stop: Instant) -> anyhow::Result<Recorder> {
	let mut rec =
		Recorder { blocks: Vec::new(), submitted_at: HashMap::new(), latencies: Vec::new() };
	let mut next = from + 1;
	while Instant::now() < stop {
		let best = client.best_number().await?;
		while next <= best {
			rec.record(&client, next).await?;
			next += 1;
		}
		tokio::time::sleep(Duration::from_millis(20)).await;
	}
	Ok(rec)
}

/// Bytes a verified task keeps in state until it is pruned, measured on one.
async fn storage_per_task(client: &Client, market: &Recorder) -> anyhow::Result<String> {
	use depin_runtime::Runtime;
	let Some(task) = market.submitted_at.keys().min().copied() else {
		return Ok(String::new());
	};
	let mut rows = String::new();
	let mut total = 0u64;
	let keys = [
		("Market.Tasks (record, 3 slots)", pallet_market::Tasks::<Runtime>::hashed_key_for(task)),
		(
			"Market.TaskInputs (4-byte input)",
			pallet_market::TaskInputs::<Runtime>::hashed_key_for(task),
		),
		(
			"Market.Outputs (empty output + deposit)",
			pallet_market::Outputs::<Runtime>::hashed_key_for(task),
		),
	];
	for (name, key) in keys {
		let value = client.storage(&key, None).await?.map(|v| v.len() as u64).unwrap_or(0);
		total += value + key.len() as u64;
		rows.push_str(&format!("| {name} | {} | {value} |\n", key.len()));
	}
	Ok(format!(
		"Storage a verified task keeps until it is pruned ({} blocks after it finished; commitments, reveals and timers are gone by then):\n\n\
		 | item | key bytes | value bytes |\n| --- | ---: | ---: |\n{rows}| **total** | | **{total}** |\n\n",
		<Runtime as pallet_market::Config>::TaskRetention::get()
	))
}

fn percentile(mut xs: Vec<f64>, p: f64) -> f64 {
	if xs.is_empty() {
		return f64::NAN;
	}
	xs.sort_by(|a, b| a.total_cmp(b));
	xs[((xs.len() - 1) as f64 * p).round() as usize]
}

fn node_rss_mib(pid: u32, field: &str) -> u64 {
	std::fs::read_to_string(format!("/proc/{pid}/status"))
		.ok()
		.and_then(|s| {
			s.lines()
				.find(|l| l.starts_with(field))
				.and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
		})
		.map(|kib: u64| kib / 1024)
		.unwrap_or(0)
}

/// Runs the chain benchmark; returns the report (Markdown).
pub async fn run(quick: bool) -> anyhow::Result<String> {
	let block_ms = 1000u64;
	let window = Duration::from_secs(if quick { 20 } else { 60 });
	let mut node = TestNode::start(NodeConfig::dev(block_ms)).await;
	let client = Arc::new(Client::connect(&node.ws_url()).await?);

	let owners: Vec<Signer> = (0..DEVICES).map(|i| bench_signer(&format!("//owner/{i}"))).collect();
	let devices: Vec<Signer> =
		(0..DEVICES).map(|i| bench_signer(&format!("//device/{i}"))).collect();
	let dapps: Vec<Signer> = (0..DAPPS).map(|i| bench_signer(&format!("//dapp/{i}"))).collect();
	let senders: Vec<Signer> =
		(0..SENDERS).map(|i| bench_signer(&format!("//sender/{i}"))).collect();
	let everyone = owners.iter().chain(&devices).chain(&dapps).chain(&senders);
	fund(&client, everyone.map(|s| (s.account().clone(), 10_000 * UNIT)).collect())
		.await
		.context("funding")?;

	// The trivial job and its real result.
	let code = trivial_program()?;
	let program = depin_primitives::program_id(&code);
	let executor = Executor::new(None)?;
	let params = TaskParams {
		max_fuel: 1_000_000,
		fuel_price: 1,
		replicas: 3,
		memory_mib: 16,
		deadline: 600,
		portable: false,
	};
	let outcome = executor
		.run(&Job {
			task: 0,
			program,
			code: &code,
			input: Default::default(),
			max_fuel: params.max_fuel,
			memory_mib: params.memory_mib,
			mode: Mode::Native,
			max_output: 1024,
			wall_limit: Duration::from_secs(10),
		})
		.map_err(|e| anyhow::anyhow!("{e}"))?;

	let spec = bench_spec(executor.determinism_class());
	for (o, d) in owners.iter().zip(&devices) {
		client.submit(o, client.register_device_call(o.account(), d, spec).await?).await?;
		client.submit(d, calls::heartbeat()).await?;
	}
	client.submit(&dapps[0], calls::upload_program(code.clone())).await?;

	// Phase 1: transfers.
	let start_block = client.best_number().await?;
	let stop = Instant::now() + window;
	let follower = tokio::spawn(follow(client.clone(), start_block, stop));
	let mut senders_tasks = Vec::new();
	for s in senders.iter().cloned() {
		let dest = devices[0].account().clone();
		let transfer = move |_| calls::transfer(dest.clone(), UNIT / 1000);
		senders_tasks.push(tokio::spawn(keep_sending(client.clone(), s, transfer, None, stop)));
	}
	for t in senders_tasks {
		t.await??;
	}
	let transfers = follower.await??;

	// Let the pool drain, then phase 2: the market.
	tokio::time::sleep(Duration::from_millis(3 * block_ms)).await;
	let start_block = client.best_number().await?;
	let stop = Instant::now() + window;
	let follower = tokio::spawn(follow(client.clone(), start_block, stop + Duration::from_secs(6)));
	let device_tasks: Vec<_> = devices
		.iter()
		.cloned()
		.map(|d| {
			tokio::spawn(device_loop(
				client.clone(),
				d,
				outcome.result,
				stop + Duration::from_secs(6),
			))
		})
		.collect();
	let mut dapp_tasks = Vec::new();
	for d in dapps.iter().cloned() {
		dapp_tasks.push(tokio::spawn(keep_sending(
			client.clone(),
			d,
			move |i| calls::submit_task(program, i.to_le_bytes().to_vec(), params),
			Some(MAX_OPEN_TASKS),
			stop,
		)));
	}
	for t in dapp_tasks {
		t.await??;
	}
	let rss_now = node_rss_mib(node.process().pid(), "VmRSS:");
	for t in device_tasks {
		t.await??;
	}
	let market = follower.await??;
	eprintln!("chain: tasks by state at the end: {:?}", client.stats().await?.tasks);
	let rss_peak = node_rss_mib(node.process().pid(), "VmHWM:");
	let growth = storage_per_task(&client, &market).await?;

	Ok(report(&transfers, &market, window, block_ms, rss_now, rss_peak) + &growth)
}

fn report(
	transfers: &Recorder,
	market: &Recorder,
	window: Duration,
	block_ms: u64,
	rss: u64,
	rss_peak: u64,
) -> String {
	let max_normal = depin_runtime::configs::RuntimeBlockWeights::get()
		.get(DispatchClass::Normal)
		.max_total
		.unwrap_or_default()
		.ref_time();
	let secs = window.as_secs_f64();
	// Only blocks inside the measuring window (the market follower runs a little longer
	// to see the last tasks verified).
	let in_window = |r: &Recorder| -> Vec<BlockStats> {
		let Some((_, t0, _)) = r.blocks.first() else { return Vec::new() };
		r.blocks
			.iter()
			.filter(|(_, t, _)| t.duration_since(*t0) < window)
			.map(|(_, _, s)| *s)
			.collect()
	};
	let (tb, mb) = (in_window(transfers), in_window(market));
	let sum = |v: &[BlockStats], f: fn(&BlockStats) -> u32| v.iter().map(f).sum::<u32>() as f64;
	let fullness = |v: &[BlockStats]| {
		100.0 * v.iter().map(|s| s.weight_ref_time as f64).sum::<f64>()
			/ (v.len().max(1) as f64 * max_normal as f64)
	};
	let transfers_per_s = sum(&tb, |s| s.transfers) / secs;
	let market_xt_per_s = sum(&mb, |s| s.extrinsics) / secs;
	let verified_per_s = sum(&mb, |s| s.verified) / secs;
	let blocks: Vec<f64> = market.latencies.iter().map(|(b, _)| *b as f64).collect();
	let seconds: Vec<f64> = market.latencies.iter().map(|(_, d)| d.as_secs_f64()).collect();
	let ratio = market_xt_per_s / transfers_per_s;
	let median_blocks = percentile(blocks.clone(), 0.5);
	format!(
		"### Chain throughput and latency (`depin-node --dev`, {block_ms} ms blocks, {} s windows)\n\n\
		 | workload | extrinsics/s | per block | verified tasks/s | per block | block weight used |\n\
		 | --- | ---: | ---: | ---: | ---: | ---: |\n\
		 | `balances.transfer_keep_alive` ({SENDERS} senders) | {transfers_per_s:.1} | {:.1} | | | {:.1} % |\n\
		 | market: submit + 3 commits + 3 reveals + 1 publication per task ({DAPPS} dApps, {DEVICES} devices, ≤ {MAX_OPEN_TASKS} open tasks) | {market_xt_per_s:.1} | {:.1} | {verified_per_s:.1} | {:.1} | {:.1} % |\n\n\
		 Market extrinsics per second are **{:.0} %** of transfers per second (target ≥ 70 %); \
		 {:.0} more market extrinsics failed (answers that came too late or twice).\n\n\
		 Submit → Verified latency over {} tasks: median **{median_blocks:.0} blocks** ({:.2} s), p95 {:.0} blocks ({:.2} s) (target: median ≤ 4 blocks).\n\n\
		 Node memory under the market load: {rss} MiB resident, {rss_peak} MiB peak.\n\n",
		window.as_secs(),
		sum(&tb, |s| s.extrinsics) / tb.len().max(1) as f64,
		fullness(&tb),
		sum(&mb, |s| s.extrinsics) / mb.len().max(1) as f64,
		sum(&mb, |s| s.verified) / mb.len().max(1) as f64,
		fullness(&mb),
		100.0 * ratio,
		sum(&mb, |s| s.failed),
		market.latencies.len(),
		percentile(seconds.clone(), 0.5),
		percentile(blocks, 0.95),
		percentile(seconds, 0.95),
	) + &format!("(Per-block numbers are over {} and {} blocks; times measured with the bench's clock: {} ms per block on average.)\n\n", tb.len(), mb.len(), ms(window / mb.len().max(1) as u32))
}
