//! The deterministic job executor: one wasmtime `Engine` per execution mode, a WASI host
//! linked once, compiled modules cached by program id, and one `Store` per job with fuel,
//! memory limits and a wall-clock watchdog.
//!
//! Every way a job can end is a deterministic `exit` value (see
//! [`depin_primitives::exit`]), except the watchdog, which is a local "gave up" that is
//! never committed.

pub mod depth;
mod disk;
pub mod engine;
mod module;
mod state;
pub mod wasi;

use std::{
	path::Path,
	sync::{
		atomic::{AtomicBool, Ordering},
		Arc,
	},
	thread::JoinHandle,
	time::{Duration, Instant},
};

use depin_primitives::{exit, output_hash, ExecResult, ProgramId, TaskId};
use wasmtime::{Engine, Linker, Store, Trap};

pub use engine::{Instrumentation, Mode};
use module::{Compiled, MemoryCache};
pub use state::HostStop;
use state::JobState;

/// Interval of the watchdog's clock.
const EPOCH_TICK: Duration = Duration::from_millis(10);
/// Largest log (stderr) kept per job.
pub const MAX_LOG_BYTES: usize = 64 * 1024;

/// One job to run.
#[derive(Clone, Debug)]
pub struct Job<'a> {
	/// The task (seeds the job's random stream).
	pub task: TaskId,
	/// The program's id (the cache key).
	pub program: ProgramId,
	/// The program's code.
	pub code: &'a [u8],
	/// The job's stdin, shared (a stored input of hundreds of MiB is not copied).
	pub input: std::sync::Arc<Vec<u8>>,
	/// Fuel limit.
	pub max_fuel: u64,
	/// Memory limit in MiB.
	pub memory_mib: u32,
	/// Native or portable floating point.
	pub mode: Mode,
	/// Largest output, in bytes.
	pub max_output: usize,
	/// Wall-clock time after which the worker gives up (not a result).
	pub wall_limit: Duration,
}

/// How a job ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
	/// The result to commit.
	pub result: ExecResult,
	/// The job's stdout (empty unless it exited normally or with a status).
	pub output: Vec<u8>,
	/// The job's stderr, capped at [`MAX_LOG_BYTES`].
	pub log: Vec<u8>,
	/// Why the module could not run, for `BAD_MODULE`.
	pub bad_module: Option<String>,
}

/// A run that produced no result.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
	/// The watchdog stopped the job after its wall-clock limit.
	#[error("gave up after {0:?} of wall-clock time")]
	GaveUp(Duration),
	/// The executor itself failed (not the job).
	#[error("executor failure: {0}")]
	Internal(String),
}

struct EngineSet {
	engine: Engine,
	linker: Linker<JobState>,
}

impl EngineSet {
	fn new(mode: Mode, instrumentation: Instrumentation) -> anyhow::Result<Self> {
		let engine = Engine::new(&engine::config(mode, instrumentation)?)?;
		let mut linker = Linker::new(&engine);
		wasi::add_to_linker(&mut linker)?;
		depth::add_to_linker(&mut linker)?;
		Ok(Self { engine, linker })
	}
}

/// The executor. Cheap to share between threads (`Arc<Executor>`); jobs run in parallel.
pub struct Executor {
	instrumentation: Instrumentation,
	native: EngineSet,
	portable: EngineSet,
	memory_cache: MemoryCache,
	disk: Option<disk::DiskCache>,
	stop_ticker: Arc<AtomicBool>,
	ticker: Option<JoinHandle<()>>,
}

/// The first `len` bytes a job of `task` reads from WASI `random_get` (for reproducing a
/// task natively).
pub fn job_random_bytes(task: TaskId, len: usize) -> Vec<u8> {
	let seed = task_seed(task);
	(0..).flat_map(|i| state::random_block(&seed, i)).take(len).collect()
}

/// The random seed of a task's jobs.
pub fn task_seed(task: TaskId) -> [u8; 32] {
	let mut data = b"depin/job-random".to_vec();
	data.extend_from_slice(&task.to_le_bytes());
	output_hash(&data)
}

impl Executor {
	/// An executor caching compiled modules in memory, and in `cache_dir` if given.
	pub fn new(cache_dir: Option<&Path>) -> anyhow::Result<Self> {
		Self::build(cache_dir, Instrumentation::FULL)
	}

	/// An executor with only part of the instrumentation, to measure what each part costs.
	/// Without fuel its results report none and must never be committed; without the
	/// watchdog nothing stops a job that runs too long.
	pub fn instrumented(instrumentation: Instrumentation) -> anyhow::Result<Self> {
		Self::build(None, instrumentation)
	}

	fn build(cache_dir: Option<&Path>, instrumentation: Instrumentation) -> anyhow::Result<Self> {
		let native = EngineSet::new(Mode::Native, instrumentation)?;
		let portable = EngineSet::new(Mode::Portable, instrumentation)?;
		let disk = cache_dir.map(disk::DiskCache::open).transpose()?;
		let stop_ticker = Arc::new(AtomicBool::new(false));
		let ticker = if instrumentation.watchdog {
			let engines = [native.engine.clone(), portable.engine.clone()];
			let stop = stop_ticker.clone();
			Some(std::thread::Builder::new().name("job-watchdog".into()).spawn(move || {
				while !stop.load(Ordering::Relaxed) {
					std::thread::sleep(EPOCH_TICK);
					for e in &engines {
						e.increment_epoch();
					}
				}
			})?)
		} else {
			None
		};
		Ok(Self {
			instrumentation,
			native,
			portable,
			memory_cache: MemoryCache::default(),
			disk,
			stop_ticker,
			ticker,
		})
	}

	fn set(&self, mode: Mode) -> &EngineSet {
		match mode {
			Mode::Native => &self.native,
			Mode::Portable => &self.portable,
		}
	}

	/// The determinism class of this machine and executor build.
	pub fn determinism_class(&self) -> depin_primitives::DeterminismClass {
		engine::determinism_class(&self.native.engine)
	}

	/// Compiles `code` for `mode` unless it is cached. Returns whether it compiled.
	pub fn prepare(&self, program: &ProgramId, code: &[u8], mode: Mode) -> bool {
		self.compiled(program, code, mode).1
	}

	fn compiled(&self, program: &ProgramId, code: &[u8], mode: Mode) -> (Arc<Compiled>, bool) {
		let key = (*program, mode);
		if let Some(c) = self.memory_cache.get(&key) {
			return (c, false);
		}
		let set = self.set(mode);
		let (compiled, fresh) = module::compile(
			&set.engine,
			&set.linker,
			self.disk.as_ref(),
			(program, mode),
			code,
			self.instrumentation.depth,
		);
		let compiled = Arc::new(compiled);
		if compiled.is_settled() {
			self.memory_cache.insert(key, compiled.clone());
		}
		(compiled, fresh)
	}

	/// Runs `job` to its end, on a thread of its own whose stack holds the native
	/// backstop ([`engine::JOB_THREAD_STACK_BYTES`]) whatever thread calls this.
	pub fn run(&self, job: &Job<'_>) -> Result<Outcome, RunError> {
		std::thread::scope(|scope| {
			std::thread::Builder::new()
				.name("job".into())
				.stack_size(engine::JOB_THREAD_STACK_BYTES)
				.spawn_scoped(scope, || self.run_here(job))
				.map_err(|e| RunError::Internal(format!("cannot start the job's thread: {e}")))?
				.join()
				.map_err(|_| RunError::Internal("the job's thread panicked".into()))?
		})
	}

	fn run_here(&self, job: &Job<'_>) -> Result<Outcome, RunError> {
		// Compiling counts against the job's wall-clock time (it cannot be interrupted;
		// `depth::MAX_FUNCTIONS` and `MAX_FUNCTION_BYTES` bound it).
		let compiling = Instant::now();
		let (compiled, _) = self.compiled(&job.program, job.code, job.mode);
		let wall_limit = job.wall_limit.saturating_sub(compiling.elapsed());
		if wall_limit.is_zero() {
			return Err(RunError::GaveUp(compiling.elapsed()));
		}
		let pre = match &*compiled {
			Compiled::Ready(pre) => pre,
			Compiled::Bad(reason) => return Ok(bad_module(reason.clone())),
			Compiled::Failed(reason) => return Err(RunError::Internal(reason.clone())),
		};
		let memory_limit = (job.memory_mib as usize).saturating_mul(1024 * 1024);
		let state = JobState::new(
			job.input.clone(),
			job.max_output,
			MAX_LOG_BYTES,
			memory_limit,
			task_seed(job.task),
		);
		let mut store = Store::new(&self.set(job.mode).engine, state);
		store.limiter(|s| s as &mut dyn wasmtime::ResourceLimiter);
		if self.instrumentation.fuel {
			store.set_fuel(job.max_fuel).map_err(|e| RunError::Internal(e.to_string()))?;
		}
		if self.instrumentation.watchdog {
			store.epoch_deadline_trap();
			let ticks = (wall_limit.as_millis() / EPOCH_TICK.as_millis()).max(1) as u64;
			store.set_epoch_deadline(ticks);
		}

		let ended = pre.instantiate(&mut store).and_then(|instance| {
			let start = instance.get_typed_func::<(), ()>(&mut store, "_start")?;
			start.call(&mut store, ())
		});
		let fuel_used = match store.get_fuel() {
			Ok(remaining) => job.max_fuel.saturating_sub(remaining),
			Err(_) => 0,
		};
		let refused = store.data().memory_refused;
		let (output, log) = store.into_data().into_output();

		let code = match ended {
			Ok(()) => 0,
			Err(e) => match classify(&e, refused) {
				Ended::Exit(code) => code,
				Ended::GaveUp => return Err(RunError::GaveUp(compiling.elapsed())),
				Ended::HostFailed(reason) => return Err(RunError::Internal(reason)),
			},
		};
		let fuel_used = if code == exit::OUT_OF_FUEL { job.max_fuel } else { fuel_used };
		// Output counts only for a job that ended by itself.
		let output = if code < 256 { output } else { Vec::new() };
		Ok(Outcome {
			result: ExecResult { exit: code, output_hash: output_hash(&output), fuel_used },
			output,
			log,
			bad_module: None,
		})
	}
}

impl Drop for Executor {
	fn drop(&mut self) {
		self.stop_ticker.store(true, Ordering::Relaxed);
		if let Some(t) = self.ticker.take() {
			let _ = t.join();
		}
	}
}

enum Ended {
	Exit(u32),
	GaveUp,
	/// The host failed: no result, the worker declines.
	HostFailed(String),
}

/// The exit value of a job that stopped with `error`.
fn classify(error: &anyhow::Error, memory_refused: bool) -> Ended {
	if let Some(stop) = error.downcast_ref::<HostStop>() {
		return Ended::Exit(match stop {
			HostStop::Exit(code) => (*code).min(255),
			HostStop::OutputTooLarge => exit::OUTPUT_TOO_LARGE,
			HostStop::MemoryLimit => exit::MEMORY_LIMIT,
			HostStop::StackOverflow => exit::STACK_OVERFLOW,
			HostStop::HostFailure(reason) => return Ended::HostFailed(reason.clone()),
		});
	}
	if let Some(trap) = error.downcast_ref::<Trap>() {
		return match trap {
			Trap::OutOfFuel => Ended::Exit(exit::OUT_OF_FUEL),
			// The native backstop: where it falls depends on this machine's frame sizes,
			// so it is never a result (the logical limit is, `HostStop::StackOverflow`).
			Trap::StackOverflow => {
				Ended::HostFailed("the native stack ran out before the logical stack limit".into())
			}
			Trap::Interrupt => Ended::GaveUp,
			_ if memory_refused => Ended::Exit(exit::MEMORY_LIMIT),
			_ => Ended::Exit(exit::TRAP),
		};
	}
	if memory_refused {
		return Ended::Exit(exit::MEMORY_LIMIT);
	}
	// Neither the job's doing (a trap, an exit, a limit) nor a refusal: the host failed
	// (an allocation, an internal error). Another device would not fail the same way, so
	// this is never a result.
	Ended::HostFailed(format!("{error:#}"))
}

fn bad_module(reason: String) -> Outcome {
	Outcome {
		result: ExecResult { exit: exit::BAD_MODULE, output_hash: output_hash(&[]), fuel_used: 0 },
		output: Vec::new(),
		log: Vec::new(),
		bad_module: Some(reason),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn only_the_jobs_own_endings_are_results() {
		let exit_of = |e: anyhow::Error, refused| match classify(&e, refused) {
			Ended::Exit(code) => Some(code),
			_ => None,
		};
		assert_eq!(exit_of(Trap::UnreachableCodeReached.into(), false), Some(exit::TRAP));
		assert_eq!(exit_of(Trap::OutOfFuel.into(), false), Some(exit::OUT_OF_FUEL));
		assert_eq!(exit_of(HostStop::Exit(3).into(), false), Some(3));
		assert_eq!(exit_of(HostStop::StackOverflow.into(), false), Some(exit::STACK_OVERFLOW));
		// The native stack's end depends on this machine: not a result.
		assert!(matches!(classify(&Trap::StackOverflow.into(), false), Ended::HostFailed(_)));
		assert_eq!(exit_of(anyhow::anyhow!("refused"), true), Some(exit::MEMORY_LIMIT));
		assert!(matches!(classify(&Trap::Interrupt.into(), false), Ended::GaveUp));
		// Anything else is this host's failure, not a `TRAP` to commit.
		let host = anyhow::anyhow!("failed to allocate an instance");
		assert!(matches!(classify(&host, false), Ended::HostFailed(_)));
	}
}
