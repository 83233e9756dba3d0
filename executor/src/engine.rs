//! The wasmtime configuration of jobs: every switch that affects results is set here,
//! explicitly, once per execution mode.

use std::{
	hash::{Hash, Hasher},
	sync::OnceLock,
};

use wasmtime::{Config, Engine, Module, OptLevel, Strategy};

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

/// The CPU features compiled job code may use: a fixed set per architecture rather than
/// whatever this CPU has, so every machine of one level compiles the same machine code
/// and devices of one level share a determinism class, whatever else their CPUs offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeatureLevel {
	/// The level's name (`x86-64-v3`, …), part of the determinism class.
	pub name: &'static str,
	/// Cranelift's ISA flags of the level; `None`: this CPU's own (an architecture without
	/// fixed levels).
	flags: Option<&'static [&'static str]>,
}

/// x86-64-v2: SSE4.2 and POPCNT (Intel 2008, AMD 2011 and later).
const X86_64_V2: &[&str] =
	&["has_cmpxchg16b", "has_sse3", "has_ssse3", "has_sse41", "has_sse42", "has_popcnt"];

/// The levels tried, best first: the first this CPU supports is used.
#[cfg(target_arch = "x86_64")]
const LEVELS: &[FeatureLevel] = &[
	// x86-64-v3: AVX2, FMA, BMI1/2, LZCNT (Intel 2013, AMD 2015 and later).
	FeatureLevel {
		name: "x86-64-v3",
		flags: Some(&[
			"has_cmpxchg16b",
			"has_sse3",
			"has_ssse3",
			"has_sse41",
			"has_sse42",
			"has_popcnt",
			"has_avx",
			"has_avx2",
			"has_fma",
			"has_bmi1",
			"has_bmi2",
			"has_lzcnt",
		]),
	},
	FeatureLevel { name: "x86-64-v2", flags: Some(X86_64_V2) },
	FeatureLevel { name: "x86-64", flags: Some(&[]) },
];
/// The levels tried, best first: the first this CPU supports is used.
#[cfg(target_arch = "aarch64")]
const LEVELS: &[FeatureLevel] = &[FeatureLevel { name: "aarch64", flags: Some(&[]) }];
/// The levels tried, best first: the first this CPU supports is used.
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
const LEVELS: &[FeatureLevel] = &[];

/// This CPU's own features: for architectures without fixed levels.
const NATIVE: FeatureLevel = FeatureLevel { name: "native", flags: None };

/// Restricts `config` to `level`'s CPU features.
fn apply_level(config: &mut Config, level: FeatureLevel) -> anyhow::Result<()> {
	let Some(flags) = level.flags else { return Ok(()) };
	// An explicit target turns off wasmtime's detection of this CPU's features.
	config.target(&target_lexicon::Triple::host().to_string())?;
	for flag in flags {
		// SAFETY: only levels this CPU supports are used (`feature_level` compiles a module
		// with each before choosing it, and wasmtime checks every enabled feature against
		// the host before running code compiled with it).
		unsafe {
			config.cranelift_flag_enable(flag);
		}
	}
	Ok(())
}

/// Whether this CPU runs code compiled for `level`.
fn supports(level: FeatureLevel) -> bool {
	let mut c = Config::new();
	apply_level(&mut c, level).is_ok()
		&& Engine::new(&c).is_ok_and(|engine| Module::new(&engine, b"\0asm\x01\0\0\0").is_ok())
}

/// The feature level of this machine: the best of [`LEVELS`] it supports.
pub fn feature_level() -> FeatureLevel {
	static LEVEL: OnceLock<FeatureLevel> = OnceLock::new();
	*LEVEL.get_or_init(|| LEVELS.iter().copied().find(|l| supports(*l)).unwrap_or(NATIVE))
}

/// The engine configuration for `mode`. Anything less than [`Instrumentation::FULL`] is
/// only for measuring what each part costs (`depin-bench`).
pub fn config(mode: Mode, instrumentation: Instrumentation) -> anyhow::Result<Config> {
	let mut c = Config::new();
	apply_level(&mut c, feature_level())?;
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
	Ok(c)
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
/// version, the engine configuration and the target's ISA flags (the feature level's).
pub fn compatibility_digest(engine: &Engine) -> [u8; 32] {
	let mut h = ByteHasher::default();
	engine.precompile_compatibility_hash().hash(&mut h);
	feature_level().name.hash(&mut h);
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

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn levels_go_from_the_most_features_to_the_fewest() {
		for pair in LEVELS.windows(2) {
			let (better, worse) = (pair[0].flags.unwrap(), pair[1].flags.unwrap());
			assert!(
				worse.iter().all(|f| better.contains(f)),
				"{} ⊄ {}",
				pair[1].name,
				pair[0].name
			);
		}
	}

	#[test]
	fn this_machine_compiles_for_a_fixed_level_where_there_are_levels() {
		let level = feature_level();
		assert_eq!(LEVELS.is_empty(), level == NATIVE);
		// Job code is compiled for the level, whatever else this CPU has.
		let engine = Engine::new(&config(Mode::Native, Instrumentation::FULL).unwrap()).unwrap();
		assert!(Module::new(&engine, b"\0asm\x01\0\0\0").is_ok());
	}
}
