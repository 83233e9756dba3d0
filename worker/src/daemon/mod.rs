//! The worker daemon: follows the chain, heartbeats, runs assigned jobs, commits, reveals,
//! and survives restarts, node outages and signals.
//!
//! Per block: heartbeat when due; read the device's assignments; start jobs for new ones
//! (up to `slots` at once); send the commitment of every journaled result not yet
//! committed; reveal every journaled result whose task reached its reveal phase; publish
//! the output of a result with a quorum (at once when the chain designates this device,
//! after `PUBLISH_GRACE_BLOCKS` otherwise); forget journal entries of tasks that ended at
//! the finalized block; count what the device earned.

pub mod budget;
pub mod config;
pub mod deadline;
pub mod journal;
pub mod metrics;
pub mod state;
mod waiting;

use std::{
	collections::{HashMap, HashSet},
	path::PathBuf,
	sync::{
		atomic::{AtomicBool, Ordering::Relaxed},
		Arc, Mutex,
	},
	time::{Duration, Instant},
};

use anyhow::Context;
use depin_client::{
	calls, events,
	primitives::{commitment, AssignmentPhase, ProgramId, TaskId},
	rpc::params,
	Assignment, Client, Error as ClientError, Signer,
};
use serde_json::Value;

use crate::{
	data::FetchError,
	executor::{Executor, Job, Mode},
};
use config::{Fault, RunArgs};
use deadline::GaveUp;
use depin_client::primitives::{
	data::{content_hash, output_manifest, MAX_CHUNK_LEN},
	DeviceSpec, ExecResult, Manifest, EXECUTOR_VERSION,
};
use journal::{Entry, Journal};
use metrics::Metrics;

/// The chain's limits the worker follows: read from its runtime's constants at start and
/// again after every runtime upgrade.
#[derive(Clone, Copy, Debug)]
struct ChainLimits {
	/// Blocks between heartbeats (`Devices.HeartbeatPeriod`).
	heartbeat_period: u32,
	/// Largest output the chain keeps (`Market.MaxOutputLen`), in bytes.
	max_output: usize,
	/// Bytes per second the chain gives devices to move data (`Market.MinTransferRate`).
	min_transfer_rate: u32,
}

impl ChainLimits {
	async fn read(client: &Client) -> Result<Self, ClientError> {
		Ok(Self {
			heartbeat_period: client.constant("Devices", "HeartbeatPeriod").await?,
			max_output: client.constant::<u32>("Market", "MaxOutputLen").await? as usize,
			min_transfer_rate: client.constant("Market", "MinTransferRate").await?,
		})
	}
}

/// Longest wait between reconnection attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(10);
/// Programs kept in memory.
const PROGRAM_CACHE_ENTRIES: usize = 64;
/// Blocks a device that is not the designated publisher of an output waits for the
/// designated one before it publishes the output itself (the first publication wins; a
/// later one fails and pays a fee).
const PUBLISH_GRACE_BLOCKS: u32 = 2;

/// Work the worker is doing for a task, so nothing starts twice.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Step {
	Run,
	Commit,
	Reveal,
	Publish,
}

/// The running worker.
pub struct Worker {
	url: String,
	device: Signer,
	executor: Arc<Executor>,
	/// This machine's determinism class.
	class: depin_client::primitives::DeterminismClass,
	journal: Journal,
	metrics: Arc<Metrics>,
	fault: Option<Fault>,
	/// How long running jobs get to finish and commit after SIGINT/SIGTERM.
	shutdown_grace: Duration,
	slots: Arc<tokio::sync::Semaphore>,
	/// The device's memory, shared by its running jobs.
	memory: budget::MemoryBudget,
	busy: Mutex<HashSet<(TaskId, Step)>>,
	/// Each task's phase, and the block this worker first saw it in.
	phases: Mutex<HashMap<TaskId, (AssignmentPhase, u32)>>,
	programs: Mutex<HashMap<ProgramId, Arc<Vec<u8>>>>,
	/// Stored inputs, fetched once and shared by every job.
	data: crate::data::BlobCache,
	/// The connections to input sources, made the first time a task names sources (or
	/// why they cannot be: no root certificates).
	http: std::sync::OnceLock<Result<crate::data::http::HttpClient, String>>,
	/// The device's registered spec, read again in a block with new jobs to start (its
	/// owner may update it while the worker runs).
	registered: Mutex<DeviceSpec>,
	last_heartbeat: Mutex<Option<u32>>,
	limits: Mutex<ChainLimits>,
	heartbeat_pending: AtomicBool,
	clock: Mutex<deadline::BlockClock>,
	/// Tasks whose job this worker could not finish in time: given to it again, it
	/// declines at once instead of running them again.
	gave_up: Mutex<GaveUp>,
	/// Assignments waiting for a slot or memory, since when.
	waiting: waiting::Waiting,
	stopping: AtomicBool,
	state: state::State,
}

/// `code` if it is `program`'s: the id is the code's hash, and a node that answers other
/// bytes is not believed.
fn checked_code(program: ProgramId, code: Vec<u8>) -> anyhow::Result<Vec<u8>> {
	anyhow::ensure!(
		depin_client::primitives::program_id(&code) == program,
		"the node returned code that does not hash to program {}",
		hex::encode(program)
	);
	Ok(code)
}

/// Marks `(task, step)` busy for as long as it lives.
struct BusyGuard {
	worker: Arc<Worker>,
	key: (TaskId, Step),
}

impl Drop for BusyGuard {
	fn drop(&mut self) {
		self.worker.busy.lock().unwrap_or_else(|e| e.into_inner()).remove(&self.key);
	}
}

/// Bytes in a MiB, for logs.
const MIB: f64 = 1024.0 * 1024.0;

fn random_salt() -> std::io::Result<[u8; 32]> {
	use std::io::Read;
	let mut salt = [0u8; 32];
	std::fs::File::open("/dev/urandom")?.read_exact(&mut salt)?;
	Ok(salt)
}

impl Worker {
	/// Connects, checks the device, and prepares the worker. Errors here are fatal and
	/// say what to do.
	pub async fn start(args: RunArgs) -> anyhow::Result<Arc<Self>> {
		let suri = args.suri.clone().context(
			"no device key: pass --suri (a secret URI or a 0600 key file), set DEPIN_SURI, \
			 or put `suri` in the --config file; `depin-worker key generate` makes one",
		)?;
		let device = Signer::from_suri_or_file(&suri)?;
		let url = args.url().to_string();
		tracing::info!(device = %device.address(), %url, "starting");
		let client = connect_until_up(&url, None).await?;

		let info = client.device(device.account()).await?.with_context(|| {
			format!(
				"device {} is not registered. Its owner registers it with \
				 `depin device register --device {} --suri <OWNER>` (see docs/worker.md), \
				 then start the worker again",
				device.address(),
				device.address()
			)
		})?;
		if let Some(owner) = &args.owner {
			let expected = depin_client::parse_account(owner)?;
			anyhow::ensure!(
				info.owner == expected,
				"device {} is registered by {}, not by the owner given with --owner ({owner}): \
				 someone else registered this device; deregister it with its owner or use \
				 another device key",
				device.address(),
				depin_client::signer::ss58(&info.owner),
			);
		}
		if let Some(fault) = args.fault {
			let chain_type: Value = client.rpc().call("system_chainType", params![]).await?;
			anyhow::ensure!(
				chain_type == "Development",
				"--fault {fault:?} is a test-only mode and is refused on a {chain_type} chain"
			);
			tracing::warn!("FAULT MODE {fault:?}: this worker reports wrong results on purpose");
		}

		let state_dir =
			args.state_dir.clone().unwrap_or_else(|| config::default_state_dir(&device.address()));
		let cache_dir = args.cache_dir.clone().unwrap_or_else(|| state_dir.join("cache"));
		let journal = Journal::open(&state_dir.join("journal"))
			.with_context(|| format!("cannot open the journal in {}", state_dir.display()))?;
		let executor = Arc::new(Executor::new(Some(&cache_dir))?);
		let data_dir = args.data_dir.clone().unwrap_or_else(|| state_dir.join("data"));
		let data = crate::data::BlobCache::open(&data_dir, args.data_cache_bytes())
			.with_context(|| format!("cannot open the data cache in {}", data_dir.display()))?;
		let class = executor.determinism_class();
		if info.spec.determinism_class != class {
			tracing::warn!(
				registered = info.spec.determinism_class,
				local = class,
				"the device is registered with another determinism class than this machine's: \
				 it declines native-mode jobs (their results would not match other replicas) \
				 until its owner updates the spec (`depin device update-spec --class {class}`)"
			);
		}
		let slots = args.slots.unwrap_or(info.spec.cores).max(1);
		let metrics = Arc::new(Metrics::new().context("cannot set up the metrics")?);
		if let Some(port) = args.metrics_port {
			metrics.serve(port, args.metrics_external).await?;
		}
		let state = state::State::open(&state_dir);
		metrics.set_earned(state.earned());
		tracing::info!(
			device = %device.address(),
			slots,
			class,
			cpu_level = crate::executor::engine::feature_level().name,
			state_dir = %state_dir.display(),
			journaled = journal.tasks().len(),
			"ready"
		);
		Ok(Arc::new(Self {
			url,
			device,
			executor,
			class,
			journal,
			metrics,
			fault: args.fault,
			shutdown_grace: args.shutdown_grace(),
			slots: Arc::new(tokio::sync::Semaphore::new(slots as usize)),
			memory: budget::MemoryBudget::new(info.spec.memory_mib),
			busy: Mutex::new(HashSet::new()),
			phases: Mutex::new(HashMap::new()),
			programs: Mutex::new(HashMap::new()),
			data,
			http: std::sync::OnceLock::new(),
			registered: Mutex::new(info.spec),
			last_heartbeat: Mutex::new(None),
			limits: Mutex::new(ChainLimits::read(&client).await?),
			heartbeat_pending: AtomicBool::new(false),
			clock: Mutex::new(deadline::BlockClock::default()),
			gave_up: Mutex::new(GaveUp::default()),
			waiting: waiting::Waiting::default(),
			stopping: AtomicBool::new(false),
			state,
		}))
	}

	/// Follows the chain until `shutdown` completes, then lets running jobs finish (up to
	/// a grace period).
	pub async fn run(
		self: Arc<Self>,
		shutdown: impl std::future::Future<Output = ()>,
	) -> anyhow::Result<()> {
		tokio::pin!(shutdown);
		let mut attempt = 0u32;
		loop {
			let client = tokio::select! {
				c = connect_until_up(&self.url, Some(attempt)) => c?,
				_ = &mut shutdown => break,
			};
			attempt = 0;
			let client = Arc::new(client);
			let mut heads = client
				.rpc()
				.subscribe::<Value>(
					"chain_subscribeNewHeads",
					params![],
					"chain_unsubscribeNewHeads",
				)
				.await?;
			loop {
				tokio::select! {
					head = heads.next() => match head {
						Some(Ok(header)) => {
							if let Err(e) = self.clone().on_block(&client, &header).await {
								tracing::warn!("block handling failed: {e}");
								if e.is_connection_error() {
									break;
								}
							}
						},
						_ => {
							tracing::warn!("lost the node; reconnecting");
							break;
						},
					},
					_ = &mut shutdown => {
						return self.drain().await;
					},
				}
			}
			attempt += 1;
		}
		self.drain().await
	}

	async fn drain(&self) -> anyhow::Result<()> {
		self.stopping.store(true, Relaxed);
		let started = Instant::now();
		loop {
			let busy = self.busy.lock().unwrap_or_else(|e| e.into_inner()).len();
			if busy == 0 {
				tracing::info!("stopped cleanly");
				return Ok(());
			}
			if started.elapsed() > self.shutdown_grace {
				tracing::warn!(
					busy,
					"stopping with work in progress; the journal keeps committed results"
				);
				return Ok(());
			}
			tokio::time::sleep(Duration::from_millis(100)).await;
		}
	}

	fn try_busy(self: &Arc<Self>, task: TaskId, step: Step) -> Option<BusyGuard> {
		let mut busy = self.busy.lock().unwrap_or_else(|e| e.into_inner());
		if !busy.insert((task, step)) {
			return None;
		}
		Some(BusyGuard { worker: self.clone(), key: (task, step) })
	}

	async fn on_block(
		self: Arc<Self>,
		client: &Arc<Client>,
		header: &Value,
	) -> Result<(), ClientError> {
		let number = depin_client::client::header_number(header)?;
		if depin_client::client::runtime_changed(header) {
			self.on_runtime_change(client, number).await;
		}
		self.metrics.last_block.set(number as u64);
		self.clock.lock().unwrap_or_else(|e| e.into_inner()).observe(number, Instant::now());
		self.clone().maybe_heartbeat(client.clone(), number);

		let assignments = client.assignments(self.device.account()).await?;
		let assigned: HashSet<TaskId> = assignments.iter().map(|a| a.task).collect();
		// Each assignment with its journal entry, read once.
		let work: Vec<(Assignment, Option<Entry>)> = assignments
			.into_iter()
			.map(|a| {
				let entry = self.journal.get(a.task);
				(a, entry)
			})
			.collect();
		let starts_jobs =
			work.iter().any(|(a, entry)| a.phase == AssignmentPhase::Commit && entry.is_none());
		if starts_jobs {
			// One read per block, not one per job.
			if let Some(device) = client.device(self.device.account()).await? {
				*self.registered.lock().unwrap_or_else(|e| e.into_inner()) = device.spec;
			}
		}
		for (a, entry) in work {
			let since = self.log_phase(&a, number);
			match (a.phase, entry) {
				(AssignmentPhase::Commit, Some(entry)) => {
					self.clone().spawn_commit(client.clone(), entry)
				}
				(AssignmentPhase::Commit, None) if self.has_given_up(a.task) => {
					self.clone().spawn_decline(
						client.clone(),
						a.task,
						"given again a job this worker gave up on",
					)
				}
				(AssignmentPhase::Commit, None) => self.clone().spawn_job(client.clone(), a),
				(AssignmentPhase::Reveal, Some(entry)) => {
					let attach = completes_quorum(&a, &entry.result, number);
					self.clone().spawn_reveal(client.clone(), entry, attach)
				}
				(AssignmentPhase::Reveal, None) => {
					tracing::error!(
						task = a.task,
						"committed but the journal has no entry: cannot reveal"
					);
				}
				(AssignmentPhase::Publish { designated }, Some(entry))
					if publishes_now(
						designated,
						since,
						number,
						publish_grace(&entry, self.limits().min_transfer_rate),
					) =>
				{
					self.clone().spawn_publish(client.clone(), entry)
				}
				(
					AssignmentPhase::WaitingForOthers
					| AssignmentPhase::Revealed
					| AssignmentPhase::Publish { .. },
					_,
				) => {}
			}
		}
		let finalized_assignments = || async {
			let (finalized, _) = client.finalized().await?;
			let assigned = client.assignments_at(self.device.account(), finalized).await?;
			Ok::<_, depin_client::Error>(assigned.iter().map(|a| a.task).collect())
		};
		for task in journal::ended(self.journal.tasks(), &assigned, finalized_assignments).await? {
			if self.try_busy(task, Step::Commit).is_some() {
				tracing::info!(task, "task ended on chain (finalized)");
				self.journal.remove(task);
				self.phases.lock().unwrap_or_else(|e| e.into_inner()).remove(&task);
			}
		}
		self.count_earnings(client, number).await
	}

	/// Block `number` changed the chain's runtime: says whether this worker goes on (every
	/// call it sends and every query it reads is unchanged) or stops until it is updated
	/// (the client then refuses to sign the changed calls and to read the changed queries).
	async fn on_runtime_change(&self, client: &Client, number: u32) {
		let result = ExecResult { exit: 0, output_hash: [0; 32], fuel_used: 0 };
		let sent = [
			calls::heartbeat(),
			calls::commit(0, [0; 32]),
			calls::reveal(0, result, [0; 32], [0; 32], None),
			calls::publish_output(0, Vec::new()),
			calls::decline_task(0),
			calls::store_chunk(Vec::new()),
			calls::renew_chunk([0; 32]),
		];
		let read = ["DepinApi_assignments", "DepinApi_task", "DepinApi_program", "DepinApi_device"];
		let outcome = async {
			let versions = client.check_compatible(&sent, &read).await?;
			Ok::<_, ClientError>((versions, ChainLimits::read(client).await?))
		};
		match outcome.await {
			Ok((v, limits)) => {
				*self.limits.lock().unwrap_or_else(|e| e.into_inner()) = limits;
				tracing::info!(
					block = number,
					spec_version = v.spec_version,
					?limits,
					"the chain's runtime changed; every call this worker sends and every query \
					 it reads is unchanged: working on"
				)
			}
			Err(e) => tracing::error!(
				block = number,
				"the chain's runtime changed: {e}; this worker stops signing until it is \
				 updated (its journal keeps every committed result)"
			),
		}
	}

	/// Logs a change of `a`'s phase, seen at block `number`; returns the block this worker
	/// first saw the phase in.
	fn log_phase(&self, a: &Assignment, number: u32) -> u32 {
		let mut phases = self.phases.lock().unwrap_or_else(|e| e.into_inner());
		match phases.get(&a.task) {
			Some((phase, since)) if *phase == a.phase => *since,
			_ => {
				phases.insert(a.task, (a.phase, number));
				tracing::info!(
					task = a.task,
					program = %hex::encode(&a.program[..8]),
					phase = ?a.phase,
					deadline = a.deadline,
					"task state changed"
				);
				number
			}
		}
	}

	async fn count_earnings(&self, client: &Client, number: u32) -> Result<(), ClientError> {
		let hash = client.rpc().call("chain_getBlockHash", params![number]).await?;
		let mut earned = 0u128;
		for record in client.events(hash).await? {
			let Some(paid) = record.as_event::<events::DevicePaid>() else { continue };
			if &paid.device == self.device.account() {
				let events::DevicePaid { task, fuel_used, amount, .. } = paid;
				tracing::info!(task, fuel_used, amount, "paid for verified work");
				earned += amount;
			}
		}
		if earned > 0 {
			let total = self.state.add_earned(earned, number);
			self.metrics.set_earned(total);
		}
		Ok(())
	}

	fn limits(&self) -> ChainLimits {
		*self.limits.lock().unwrap_or_else(|e| e.into_inner())
	}

	fn maybe_heartbeat(self: Arc<Self>, client: Arc<Client>, number: u32) {
		let due = self
			.last_heartbeat
			.lock()
			.unwrap_or_else(|e| e.into_inner())
			.is_none_or(|last| number >= last + self.limits().heartbeat_period);
		if !due || self.heartbeat_pending.swap(true, Relaxed) {
			return;
		}
		tokio::spawn(async move {
			let result = client.submit(&self.device, calls::heartbeat()).await;
			match result {
				Ok(_) => tracing::debug!(block = number, "heartbeat"),
				Err(ClientError::Dispatch { error, .. }) if error == "HeartbeatTooSoon" => {}
				Err(e) => tracing::warn!("heartbeat failed: {e}"),
			}
			*self.last_heartbeat.lock().unwrap_or_else(|e| e.into_inner()) = Some(number);
			self.heartbeat_pending.store(false, Relaxed);
		});
	}

	async fn program_code(
		&self,
		client: &Client,
		program: ProgramId,
	) -> anyhow::Result<Arc<Vec<u8>>> {
		if let Some(code) = self.programs.lock().unwrap_or_else(|e| e.into_inner()).get(&program) {
			return Ok(code.clone());
		}
		let code = client.program(&program).await?.context("the program is not on chain")?;
		let code = Arc::new(checked_code(program, code)?);
		let mut programs = self.programs.lock().unwrap_or_else(|e| e.into_inner());
		if programs.len() >= PROGRAM_CACHE_ENTRIES {
			programs.clear();
		}
		programs.insert(program, code.clone());
		Ok(code)
	}

	fn spawn_job(self: Arc<Self>, client: Arc<Client>, a: Assignment) {
		if self.stopping.load(Relaxed) {
			return;
		}
		// A job already running (its assignment shows until it commits) is not waiting.
		let Some(guard) = self.try_busy(a.task, Step::Run) else { return };
		// Not now if every slot is busy or running jobs hold the memory this one may need:
		// next block, unless it could no longer be committed in time.
		self.waiting.seen(a.task);
		let Ok(permit) = self.slots.clone().try_acquire_owned() else {
			drop(guard);
			return self.decline_if_too_late(client, &a);
		};
		let Some(memory) = self.memory.try_take(a.memory_mib) else {
			drop(guard);
			return self.decline_if_too_late(client, &a);
		};
		if let Some(waited) = self.waiting.done(a.task) {
			self.metrics.queue_wait_seconds.observe(waited.as_secs_f64());
		}
		tokio::spawn(async move {
			let _guard = guard;
			let _permit = permit;
			let _memory = memory;
			match self.clone().execute(&client, &a).await {
				Ok(entry) => self.clone().commit(&client, entry).await,
				Err(e) => {
					self.metrics.jobs_failed.inc();
					tracing::warn!(task = a.task, "job produced no result: {e:#}");
				}
			}
		});
	}

	/// Remembers that this worker gives up on `task`, and declines it.
	async fn give_up(&self, client: &Client, task: TaskId) {
		self.gave_up.lock().unwrap_or_else(|e| e.into_inner()).insert(task);
		self.decline(client, task).await;
	}

	fn has_given_up(&self, task: TaskId) -> bool {
		self.gave_up.lock().unwrap_or_else(|e| e.into_inner()).contains(task)
	}

	/// Gives up on `task` and declines it, unless a step of it is under way.
	fn spawn_decline(self: Arc<Self>, client: Arc<Client>, task: TaskId, why: &'static str) {
		let Some(guard) = self.try_busy(task, Step::Run) else { return };
		self.waiting.done(task);
		tokio::spawn(async move {
			let _guard = guard;
			tracing::info!(task, "{why}");
			self.give_up(&client, task).await;
		});
	}

	/// Declines the job of `a`, waiting for a slot or memory, once no commitment made from
	/// now on could reach a block before its commit deadline.
	fn decline_if_too_late(self: Arc<Self>, client: Arc<Client>, a: &Assignment) {
		if self.wall_limit(a).is_err() {
			self.spawn_decline(client, a.task, "declined: waited too long for a slot or memory");
		}
	}

	fn registered_spec(&self) -> DeviceSpec {
		*self.registered.lock().unwrap_or_else(|e| e.into_inner())
	}

	/// How long the job of `a` may run if it starts now (see `deadline::wall_limit`).
	fn wall_limit(&self, a: &Assignment) -> Result<Duration, deadline::TooLate> {
		let fuel_per_second = self.registered_spec().fuel_per_second;
		let best = self.metrics.last_block.get() as u32;
		let interval = self.clock.lock().unwrap_or_else(|e| e.into_inner()).interval();
		deadline::wall_limit(a.max_fuel, fuel_per_second, a.deadline, best, interval)
	}

	/// Runs the job of `a` and journals its result. Returns the journal entry.
	async fn execute(self: Arc<Self>, client: &Client, a: &Assignment) -> anyhow::Result<Entry> {
		let registered = self.registered_spec();
		if !a.portable && registered.determinism_class != self.class {
			// Native results are bit-identical only within a class: running would risk a
			// wrong result and its slash.
			self.give_up(client, a.task).await;
			anyhow::bail!(
				"declined: a native-mode job, and the device is registered with class {} while \
				 this machine's is {}",
				registered.determinism_class,
				self.class
			);
		}
		if a.portable && registered.executor_version != EXECUTOR_VERSION {
			// Portable replicas share an executor version (the scheduler groups them by the
			// registered one): another version's fuel costs would give another result.
			self.give_up(client, a.task).await;
			anyhow::bail!(
				"declined: a portable job, and the device is registered with executor version \
				 {} while this worker runs {EXECUTOR_VERSION}",
				registered.executor_version
			);
		}
		let code = self.program_code(client, a.program).await?;
		// Only a task on a stored input may have an output blob.
		let output_limit =
			if a.input.is_empty() { client.output_limit(a.task).await? } else { None };
		// The transfer comes out of the commit deadline's time: the run gets what is left.
		let input = Arc::new(self.job_input(client, a).await?);
		let wall_limit = match self.wall_limit(a) {
			Ok(limit) => limit,
			Err(late) => {
				// No commitment made from now on reaches a block in time: a decline
				// costs a fee, a missed deadline a slash.
				self.give_up(client, a.task).await;
				anyhow::bail!(
					"declined: its commit deadline (block {}) is too close at block {}",
					late.deadline,
					late.best
				);
			}
		};
		let (task, program, max_fuel, memory_mib) = (a.task, a.program, a.max_fuel, a.memory_mib);
		let mode = if a.portable { Mode::Portable } else { Mode::Native };
		let executor = self.executor.clone();
		let max_output = output_limit
			.map_or(self.limits().max_output, |limit| usize::try_from(limit).unwrap_or(usize::MAX));
		self.metrics.jobs_in_flight.inc();
		let started = Instant::now();
		let ran = tokio::task::spawn_blocking(move || {
			executor.run(&Job {
				task,
				program,
				code: &code,
				input,
				max_fuel,
				memory_mib,
				mode,
				max_output,
				wall_limit,
			})
		})
		.await;
		self.metrics.jobs_in_flight.dec();
		let outcome = match ran {
			Ok(Ok(outcome)) => outcome,
			Ok(Err(e)) => {
				// This host cannot run the job (a host failure is never a result): give the
				// slot back for a fee rather than be slashed for a missed deadline.
				self.give_up(client, task).await;
				anyhow::bail!("declined: {e}");
			}
			Err(e) => anyhow::bail!("the job thread failed: {e}"),
		};
		if let Some(reason) = &outcome.bad_module {
			// The reason quotes the module (import names): escaped, so it cannot forge lines.
			tracing::info!(task, "program is not a valid job: {}", reason.escape_debug());
		}
		if !outcome.log.is_empty() {
			let log = String::from_utf8_lossy(&outcome.log);
			tracing::debug!(task, log = %log.escape_debug(), "job stderr");
		}
		let (mut result, mut output) = (outcome.result, outcome.output);
		if self.fault == Some(Fault::WrongResult) {
			output = b"a wrong result".to_vec();
			result.output_hash = depin_client::primitives::output_hash(&output);
		}
		self.metrics.job_ran(result.fuel_used, started.elapsed());
		tracing::info!(
			task,
			exit = result.exit,
			status = depin_client::primitives::exit::describe(result.exit),
			fuel = result.fuel_used,
			ms = started.elapsed().as_millis() as u64,
			"job finished"
		);
		let blob = output_limit.is_some();
		if blob {
			// Replicas compare, and the chain keeps, the blob's manifest; the bytes wait in
			// the journal until this device publishes them or the task ends.
			self.journal
				.record_output_blob(task, &output)
				.context("cannot write the output blob to the journal: not committing")?;
			output = output_manifest(&output).to_bytes();
			result.output_hash = content_hash(&output);
		}
		let salt = random_salt()?;
		let entry = Entry { task, salt, result, output, blob };
		self.journal.record(&entry).context("cannot write the journal: not committing")?;
		Ok(entry)
	}

	/// The input of `a`'s job: its inline bytes, or the blob the task names, fetched into
	/// the data cache (chunks already there are not fetched again). Data that no source
	/// serves intact, that cannot fit the cache, or a cache that cannot be written declines
	/// the task; a source that cannot be asked now leaves it for another try while there is
	/// time.
	async fn job_input(&self, client: &Client, a: &Assignment) -> anyhow::Result<Vec<u8>> {
		if !a.input.is_empty() {
			return Ok(a.input.clone());
		}
		let Some(blob) = client.stored_input(a.task).await? else { return Ok(Vec::new()) };
		let sources = client.input_sources(a.task).await?;
		let from_sources = !sources.is_empty();
		let started = Instant::now();
		tracing::info!(
			task = a.task,
			blob = %hex::encode(blob.manifest),
			mib = blob.size as f64 / MIB,
			sources = sources.len(),
			"fetching the stored input"
		);
		let fetched = if !from_sources {
			self.data.blob(client, &blob).await
		} else {
			let http = self.http.get_or_init(|| {
				crate::data::http::HttpClient::new().map_err(|e| format!("no TLS roots: {e}"))
			});
			match http {
				Ok(http) => {
					let sources = crate::data::http::HttpSources::new(http.clone(), sources);
					self.data.blob(&sources, &blob).await
				}
				Err(e) => Err(FetchError::Source(e.clone())),
			}
		};
		match fetched {
			Ok(bytes) => {
				let seconds = started.elapsed().as_secs_f64();
				tracing::info!(
					task = a.task,
					mib = bytes.len() as f64 / MIB,
					seconds,
					mib_per_s = bytes.len() as f64 / MIB / seconds.max(1e-3),
					"stored input ready"
				);
				Ok(bytes)
			}
			// The node could not be asked: try again while a commitment can still be in
			// time (a decline costs a fee, a missed deadline a slash).
			Err(e @ FetchError::Source(_)) if self.wall_limit(a).is_ok() => {
				Err(anyhow::Error::new(e).context("the stored input (will try again)"))
			}
			// The task's own sources did not serve its input intact in time: not this
			// device's fault, and reported for free.
			Err(e) if from_sources && (e.is_data_fault() || matches!(e, FetchError::Source(_))) => {
				self.report_unavailable(client, a.task).await;
				anyhow::bail!("reported the input unavailable: {e}")
			}
			Err(e) => {
				self.give_up(client, a.task).await;
				anyhow::bail!("declined: the stored input: {e}")
			}
		}
	}

	/// Gives the slot of `task` back because no source served its input
	/// (`market.report_input_unavailable`: no fee).
	/// Given the slot again afterwards, the worker declines it (the chain takes one report
	/// per owner).
	async fn report_unavailable(&self, client: &Client, task: u64) {
		self.gave_up.lock().unwrap_or_else(|e| e.into_inner()).insert(task);
		match client.submit(&self.device, calls::report_input_unavailable(task)).await {
			Ok(_) => tracing::info!(task, "reported the input unavailable"),
			Err(e) => tracing::warn!(task, "reporting the input unavailable failed: {e}"),
		}
	}

	/// Gives the slot of `task` back (`market.decline_task`).
	async fn decline(&self, client: &Client, task: u64) {
		match client.submit(&self.device, calls::decline_task(task)).await {
			Ok(_) => tracing::info!(task, "declined"),
			Err(e) => tracing::warn!(task, "decline failed: {e}"),
		}
	}

	fn spawn_commit(self: Arc<Self>, client: Arc<Client>, entry: Entry) {
		tokio::spawn(async move { self.commit(&client, entry).await });
	}

	async fn commit(self: Arc<Self>, client: &Client, entry: Entry) {
		let Some(_guard) = self.try_busy(entry.task, Step::Commit) else { return };
		let device = self.device.account();
		let c = commitment(entry.task, &entry.result, &entry.proof(device), &entry.salt, device);
		match client.submit(&self.device, calls::commit(entry.task, c)).await {
			Ok(_) => {
				self.metrics.commits.inc();
				tracing::info!(task = entry.task, "committed");
			}
			Err(ClientError::Dispatch { error, .. }) if error == "AlreadyCommitted" => {}
			Err(e) => tracing::warn!(task = entry.task, "commit failed, will retry: {e}"),
		}
	}

	/// Reveals `entry`, with its output attached when `attach` (the reveal completes the
	/// result's quorum, and so verifies the task).
	fn spawn_reveal(self: Arc<Self>, client: Arc<Client>, entry: Entry, attach: bool) {
		let Some(guard) = self.try_busy(entry.task, Step::Reveal) else { return };
		tokio::spawn(async move {
			let _guard = guard;
			let proof = entry.proof(self.device.account());
			// An output over the chain's limit would make the reveal fail every time; an
			// output blob is published once its chunks are stored.
			let fits = entry.output.len() <= self.limits().max_output && !entry.blob;
			let output = (attach && fits).then(|| entry.output.clone());
			let call = calls::reveal(entry.task, entry.result, proof, entry.salt, output);
			match client.submit(&self.device, call).await {
				Ok(_) => {
					self.metrics.reveals.inc();
					tracing::info!(task = entry.task, "revealed");
				}
				Err(ClientError::Dispatch { error, .. }) if error == "AlreadyRevealed" => {}
				Err(e) => tracing::warn!(task = entry.task, "reveal failed, will retry: {e}"),
			}
		});
	}

	/// Stores the chunks and the manifest of `entry`'s output blob from the journal: the
	/// chain pays them back at publication to whoever stored them. The chain takes only
	/// chunks not due for renewal (kept at least half a retention period more, their
	/// payment nobody else's to take): chunks it keeps and are due are renewed, the others
	/// are not sent again — a restarted worker does not pay twice for what it stored.
	async fn store_output_blob(&self, client: &Client, entry: &Entry) -> anyhow::Result<()> {
		let task = entry.task;
		let bytes =
			self.journal.output_blob(task).context("the output blob is not in the journal")?;
		anyhow::ensure!(
			output_manifest(&bytes).to_bytes() == entry.output,
			"the journal's output blob does not match the manifest committed to"
		);
		let started = Instant::now();
		let mib = bytes.len() as f64 / MIB;
		tracing::info!(task, mib, "storing the output blob");
		let blob = client.put_bytes(&self.device, &bytes, MAX_CHUNK_LEN, |_| {}).await?;
		let seconds = started.elapsed().as_secs_f64();
		tracing::info!(
			task,
			blob = %hex::encode(blob.manifest),
			mib,
			seconds,
			mib_per_s = mib / seconds.max(1e-3),
			"output blob stored"
		);
		Ok(())
	}

	/// Publishes the output of `entry`, whose result has a quorum: that verifies the task.
	/// An output blob's chunks are stored first.
	fn spawn_publish(self: Arc<Self>, client: Arc<Client>, entry: Entry) {
		let Some(guard) = self.try_busy(entry.task, Step::Publish) else { return };
		tokio::spawn(async move {
			let _guard = guard;
			if entry.blob {
				if let Err(e) = self.store_output_blob(&client, &entry).await {
					tracing::warn!(
						task = entry.task,
						"storing the output blob failed, will retry: {e:#}"
					);
					return;
				}
			}
			let call = calls::publish_output(entry.task, entry.output);
			match client.submit(&self.device, call).await {
				Ok(_) => tracing::info!(task = entry.task, "published the verified output"),
				// Another device published it first.
				Err(ClientError::Dispatch { error, .. }) if error == "AlreadyVerified" => {}
				Err(e) => tracing::warn!(task = entry.task, "publishing failed, will retry: {e}"),
			}
		});
	}
}

/// Whether a device that holds the output of a result with a quorum publishes it at block
/// `best`, having seen the task waiting for its publication since block `since`: the
/// designated device at once, any other after `grace` blocks (`publish_grace`) — so a
/// designated device that cannot publish (offline, or a copier without the output)
/// delays the verdict by that grace, never stops it.
fn publishes_now(designated: bool, since: u32, best: u32, grace: u32) -> bool {
	designated || best >= since.saturating_add(grace)
}

/// Blocks a device that is not the designated publisher of `entry`'s output waits: an
/// output blob adds the blocks the designated device takes to store it (its size at the
/// chain's `min_transfer_rate` bytes per second, one block a second at most).
fn publish_grace(entry: &Entry, min_transfer_rate: u32) -> u32 {
	let blob_blocks = match entry.blob.then(|| Manifest::from_bytes(&entry.output)) {
		Some(Ok(manifest)) => manifest.size.div_ceil(u64::from(min_transfer_rate.max(1))),
		_ => 0,
	};
	PUBLISH_GRACE_BLOCKS.saturating_add(blob_blocks.min(u64::from(u32::MAX)) as u32)
}

/// Blocks a reveal with its output attached must have left in its window: an output
/// attached to a reveal that completes no quorum is refused, but it is in a block by then,
/// so the worker attaches it only when the quorum cannot have moved before its reveal is
/// included (the round can end, and the task escalate, only when the window ends).
const ATTACH_MARGIN_BLOCKS: u32 = 3;

/// Whether revealing `result` in assignment `a`, seen at block `best`, completes the
/// quorum of its result (the other reveals are in the assignment), with time to spare.
fn completes_quorum(a: &Assignment, result: &ExecResult, best: u32) -> bool {
	a.completes_quorum(result) && a.deadline >= best.saturating_add(ATTACH_MARGIN_BLOCKS)
}

/// Connects to `url`, retrying with backoff (100 ms doubling up to 10 s) while the node is
/// away. An incompatible chain is fatal.
async fn connect_until_up(url: &str, attempt: Option<u32>) -> anyhow::Result<Client> {
	let mut backoff = Duration::from_millis(100);
	let mut logged = attempt.is_some_and(|a| a > 0);
	loop {
		match Client::connect(url).await {
			Ok(client) => return Ok(client),
			Err(e @ ClientError::IncompatibleRuntime(_)) => return Err(e.into()),
			Err(e) => {
				if !logged {
					tracing::warn!("{e}; retrying");
					logged = true;
				}
				tokio::time::sleep(backoff).await;
				backoff = (backoff * 2).min(MAX_BACKOFF);
			}
		}
	}
}

/// The state directory in use for `args` and `device`.
pub fn state_dir(args: &RunArgs, device: &Signer) -> PathBuf {
	args.state_dir.clone().unwrap_or_else(|| config::default_state_dir(&device.address()))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_designated_device_publishes_at_once_the_others_after_the_grace() {
		let grace = PUBLISH_GRACE_BLOCKS;
		assert!(publishes_now(true, 10, 10, grace));
		assert!(!publishes_now(false, 10, 10, grace));
		assert!(!publishes_now(false, 10, 10 + grace - 1, grace));
		assert!(publishes_now(false, 10, 10 + grace, grace));
		assert!(!publishes_now(false, u32::MAX - 1, u32::MAX - 1, grace), "no overflow");
	}

	#[test]
	fn the_others_give_the_designated_device_the_time_to_store_an_output_blob() {
		let entry = |output: Vec<u8>, blob| Entry {
			task: 1,
			salt: [0; 32],
			result: ExecResult { exit: 0, output_hash: [0; 32], fuel_used: 1 },
			output,
			blob,
		};
		let manifest = output_manifest(&vec![1u8; 10 * 1024 * 1024]).to_bytes();
		// 10 MiB at 4 MiB/s: 3 more blocks.
		assert_eq!(
			publish_grace(&entry(manifest.clone(), true), 4 << 20),
			PUBLISH_GRACE_BLOCKS + 3
		);
		assert_eq!(publish_grace(&entry(manifest, false), 4 << 20), PUBLISH_GRACE_BLOCKS);
		assert_eq!(publish_grace(&entry(b"junk".to_vec(), true), 0), PUBLISH_GRACE_BLOCKS);
	}

	#[test]
	fn the_output_is_attached_only_to_the_reveal_that_completes_a_quorum_in_time() {
		let mine = ExecResult { exit: 0, output_hash: [1; 32], fuel_used: 5 };
		let other = ExecResult { output_hash: [2; 32], ..mine };
		let a = |revealed: Vec<ExecResult>, deadline| Assignment {
			task: 1,
			program: [0; 32],
			input: Vec::new(),
			max_fuel: 10,
			memory_mib: 1,
			portable: false,
			phase: AssignmentPhase::Reveal,
			deadline,
			replicas: 3,
			revealed,
		};
		assert!(!completes_quorum(&a(vec![], 20), &mine, 10), "first of three");
		assert!(!completes_quorum(&a(vec![other], 20), &mine, 10), "disagreeing");
		assert!(completes_quorum(&a(vec![other, mine], 20), &mine, 10), "second of a quorum");
		assert!(!completes_quorum(&a(vec![mine, mine], 20), &mine, 10), "after the quorum");
		assert!(!completes_quorum(&a(vec![mine], 12), &mine, 10), "too close to the window end");
		assert!(completes_quorum(&a(vec![mine], 13), &mine, 10));
	}

	#[test]
	fn code_that_does_not_hash_to_its_program_id_is_refused() {
		let code = b"\0asm\x01\0\0\0".to_vec();
		let id = depin_client::primitives::program_id(&code);
		assert_eq!(checked_code(id, code.clone()).unwrap(), code);
		let other = b"\0asm\x01\0\0\0\0".to_vec();
		let err = checked_code(id, other).unwrap_err().to_string();
		assert!(err.contains("does not hash to program"), "{err}");
	}
}
