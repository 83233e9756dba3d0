//! The wasmtime configuration of jobs: every switch that affects results is set here,
//! explicitly, once per execution mode.

use std::hash::{Hash, Hasher};

use wasmtime::{Config, Engine, OptLevel, Strategy};

/// Version of the job ABI and executor (`wasi::cost`, `wasi::IOV_MAX`, …); part of the
/// determinism class.
pub use depin_primitives::EXECUTOR_VERSION;

/// Native code stack available to a job: a backstop far above what the logical limit
/// ([`super::depth::MAX_DEPTH`]) lets a job use, whose hitting is a local failure.
pub const MAX_WASM_STACK_BYTES: usize = 32 * 1024 * 1024;

/// Stack of the thread a job runs on: the backstop and room for the host's own frames.
pub const JOB_THREAD_STACK_BYTES: usize = MAX_WASM_STACK_BYTES + 4 * 1024 * 1024;

/// How floating point NaNs are treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
	/// No NaN canonicalization: full speed; bit-identical only within a determinism class.
	Native,
	/// NaN canonicalization: bit-identical across classes, slower on float code.
	Portable,
}

impl Mode {
	/// `native` or `portable`.
	pub fn name(self) -> &'static str {
		match self {
			Mode::Native => "native",
			Mode::Portable => "portable",
		}
	}
}

/// What the executor adds to a job's code besides the job itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instrumentation {
	/// Fuel metering (results include fuel used; a job ends at its fuel limit).
	pub fuel: bool,
	/// The wall-clock watchdog: an epoch check at every function entry and loop header.
	pub watchdog: bool,
	/// The logical stack limit (`depth.rs`): the call depth counted at every function
	/// entry and exit.
	pub depth: bool,
}

impl Instrumentation {
	/// What every job a device runs gets.
	pub const FULL: Self = Self { fuel: true, watchdog: true, depth: true };
}

/// The engine configuration for `mode`. Anything less than [`Instrumentation::FULL`] is
/// only for measuring what each part costs (`depin-bench`).
pub fn config(mode: Mode, instrumentation: Instrumentation) -> Config {
	let mut c = Config::new();
	c.strategy(Strategy::Cranelift)
		.cranelift_opt_level(OptLevel::Speed)
		// Metering: results include fuel used.
		.consume_fuel(instrumentation.fuel)
		// A wall-clock watchdog (not part of results) stops runaway jobs.
		.epoch_interruption(instrumentation.watchdog)
		.max_wasm_stack(MAX_WASM_STACK_BYTES)
		.cranelift_nan_canonicalization(mode == Mode::Portable)
		// Features whose results can differ between machines, or that a job does not
		// need: all off.
		.wasm_threads(false)
		.wasm_relaxed_simd(false)
		.wasm_memory64(false)
		.wasm_multi_memory(false)
		.wasm_gc(false)
		.wasm_function_references(false)
		.wasm_exceptions(false)
		.wasm_stack_switching(false)
		.wasm_custom_page_sizes(false)
		.wasm_wide_arithmetic(false)
		// Deterministic features that compilers emit: on.
		.wasm_simd(true)
		.wasm_bulk_memory(true)
		.wasm_multi_value(true)
		.wasm_reference_types(true)
		.wasm_tail_call(true)
		.wasm_extended_const(true)
		// One core per compilation: a job's compilation runs in its own slot, not on the
		// cores of the other slots' running jobs (and holds one function's compiler
		// memory at a time).
		.parallel_compilation(false);
	c
}

/// Collects `Hash` input as bytes, to hash them with a stable function.
#[derive(Default)]
struct ByteHasher(Vec<u8>);

impl Hasher for ByteHasher {
	fn finish(&self) -> u64 {
		0
	}
	fn write(&mut self, bytes: &[u8]) {
		self.0.extend_from_slice(bytes);
	}
}

/// A stable digest of what makes compiled code of `engine` compatible: the wasmtime
/// version, the engine configuration and the target's ISA flags.
pub fn compatibility_digest(engine: &Engine) -> [u8; 32] {
	let mut h = ByteHasher::default();
	engine.precompile_compatibility_hash().hash(&mut h);
	EXECUTOR_VERSION.hash(&mut h);
	std::env::consts::ARCH.hash(&mut h);
	depin_primitives::output_hash(&h.0)
}

/// The determinism class of this machine: devices with the same class produce
/// bit-identical results in native mode.
pub fn determinism_class(native: &Engine) -> depin_primitives::DeterminismClass {
	let d = compatibility_digest(native);
	u64::from_le_bytes([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]])
}
