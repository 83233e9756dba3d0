//! Executor versus native: the example jobs run natively (same source) and in the
//! worker's executor — metered in native mode (what devices run), without the watchdog,
//! without fuel too (what each costs), and portable (what NaN canonicalization costs) —
//! with medians of several runs.

use std::{
	io::Write,
	path::{Path, PathBuf},
	process::{Command, Stdio},
	sync::Arc,
	time::{Duration, Instant},
};

use depin_primitives::program_id;
use depin_worker::{
	executor::{Executor, Instrumentation, Job, Mode},
	speed,
};

use crate::stats::{geomean, median, ms, peak_rss_kib};

/// Where the example jobs are built.
pub struct JobsDir {
	/// `wasm32-wasip1/release`.
	pub wasm: PathBuf,
	/// Native `release`.
	pub native: PathBuf,
	/// Native `sha256-chain` built with `--features soft` (no SHA extensions).
	pub native_soft_sha: PathBuf,
}

struct Case {
	job: &'static str,
	size: &'static str,
	input: Vec<u8>,
}

/// The small cases are the worker's speed calibration (`depin-worker bench`).
fn cases(quick: bool) -> Vec<Case> {
	let mut v: Vec<Case> = speed::cases()
		.into_iter()
		.map(|c| Case { job: c.job, size: "small", input: c.input })
		.collect();
	if !quick {
		v.extend([
			Case { job: "sha256-chain", size: "large", input: b"3000000\nDePIN".to_vec() },
			Case { job: "matmul", size: "large", input: speed::matmul_input(200) },
			Case { job: "monte-carlo-pi", size: "large", input: b"30000000".to_vec() },
			Case {
				job: "mandelbrot",
				size: "large",
				input: b"400 300 -2 -1.2 1 1.2 1000".to_vec(),
			},
			Case { job: "primes", size: "large", input: b"80000000".to_vec() },
		]);
	}
	v
}

const TASK: u64 = 42;

fn run_native(binary: &Path, input: &[u8]) -> Vec<u8> {
	let seed: String = depin_worker::executor::job_random_bytes(TASK, 32)
		.iter()
		.map(|b| format!("{b:02x}"))
		.collect();
	let mut child = Command::new(binary)
		.env("DEPIN_JOB_SEED", seed)
		.stdin(Stdio::piped())
		.stdout(Stdio::piped())
		.spawn()
		.unwrap_or_else(|e| panic!("{}: {e} (run scripts/build-jobs.sh)", binary.display()));
	child.stdin.take().expect("stdin").write_all(input).expect("input");
	let out = child.wait_with_output().expect("native job");
	assert!(out.status.success(), "{} failed", binary.display());
	out.stdout
}

fn job<'a>(code: &'a [u8], input: &'a [u8], mode: Mode) -> Job<'a> {
	Job {
		task: TASK,
		program: program_id(code),
		code,
		input: std::sync::Arc::new(input.to_vec()),
		max_fuel: u64::MAX / 4,
		memory_mib: 1024,
		mode,
		max_output: 1 << 20,
		wall_limit: Duration::from_secs(600),
	}
}

fn run_wasm(ex: &Executor, code: &[u8], input: &[u8], mode: Mode) -> (Vec<u8>, u64) {
	let out = ex.run(&job(code, input, mode)).expect("job ends");
	assert_eq!(out.result.exit, 0, "job failed: {}", String::from_utf8_lossy(&out.log));
	(out.output, out.result.fuel_used)
}

/// One way of running the jobs, measured against native.
struct Variant {
	column: &'static str,
	executor: Arc<Executor>,
	mode: Mode,
}

/// The variants, devices' own first: each later one leaves out one cost.
fn variants() -> anyhow::Result<Vec<Variant>> {
	let partial = |fuel, watchdog, depth| {
		Executor::instrumented(Instrumentation { fuel, watchdog, depth }).map(Arc::new)
	};
	let full = Arc::new(Executor::new(None)?);
	Ok(vec![
		Variant { column: "metered", executor: full.clone(), mode: Mode::Native },
		Variant {
			column: "no watchdog",
			executor: partial(true, false, true)?,
			mode: Mode::Native,
		},
		Variant { column: "fuel only", executor: partial(true, false, false)?, mode: Mode::Native },
		Variant { column: "neither", executor: partial(false, false, false)?, mode: Mode::Native },
		Variant { column: "portable", executor: full, mode: Mode::Portable },
	])
}

/// Runs the executor benchmarks; returns the report (Markdown).
pub fn run(dir: &JobsDir, quick: bool) -> anyhow::Result<String> {
	let (warmup, runs) = if quick { (1, 3) } else { (2, 7) };
	let variants = variants()?;
	// First, while this process's peak RSS is still its baseline.
	let memory = peak_memory(dir, &variants[0].executor)?;
	let mut report = String::new();
	report.push_str(&format!(
		"### Executor versus native ({} runs each, median; {} warm-up)\n\n",
		runs, warmup
	));
	report.push_str("| job | input | native ms |");
	for v in &variants {
		report.push_str(&format!(" {} ms | ratio |", v.column));
	}
	report.push_str(" fuel |\n| --- | --- | ---: |");
	report.push_str(&" ---: | ---: |".repeat(variants.len()));
	report.push_str(" ---: |\n");
	let mut ratios = vec![Vec::new(); variants.len()];
	for case in cases(quick) {
		let code = std::fs::read(dir.wasm.join(format!("{}.wasm", case.job)))?;
		let native_bin = if case.job == "sha256-chain" {
			dir.native_soft_sha.clone()
		} else {
			dir.native.join(case.job)
		};
		let expected = run_native(&native_bin, &case.input);
		let (out, fuel) = run_wasm(&variants[0].executor, &code, &case.input, Mode::Native);
		anyhow::ensure!(
			out == expected,
			"{} {}: executor output differs from native",
			case.job,
			case.size
		);
		let t_native = median(warmup, runs, || {
			run_native(&native_bin, &case.input);
		});
		report.push_str(&format!("| {} | {} | {} |", case.job, case.size, ms(t_native)));
		for (v, r) in variants.iter().zip(&mut ratios) {
			let t = median(warmup, runs, || {
				run_wasm(&v.executor, &code, &case.input, v.mode);
			});
			let ratio = t.as_secs_f64() / t_native.as_secs_f64();
			r.push(ratio);
			report.push_str(&format!(" {} | {ratio:.2}× |", ms(t)));
		}
		report.push_str(&format!(" {fuel} |\n"));
	}
	report.push_str("| **geometric mean** | | |");
	for r in &ratios {
		report.push_str(&format!(" | **{:.2}×** |", geomean(r)));
	}
	report.push_str(" |\n\n");
	report.push_str(
		"*metered*: what devices run (fuel, the logical stack limit and the wall-clock \
		 watchdog); *no watchdog*: fuel and the stack limit; *fuel only*: without the stack \
		 limit either; *neither*: the code Cranelift generates, with nothing added; \
		 *portable*: metered, with NaN canonicalization.\n\n",
	);
	report.push_str("Native `sha256-chain` above is built with `--features soft` (the portable SHA-256 code the Wasm build runs).\n\n");
	report.push_str(&hardware_context(dir, warmup, runs)?);
	report.push_str(&overhead(warmup)?);
	report.push_str(&compile_times(dir)?);
	report.push_str(&memory);
	Ok(report)
}

/// SHA-256 with the CPU's SHA extensions, as context: it measures the hardware.
fn hardware_context(dir: &JobsDir, warmup: usize, runs: usize) -> anyhow::Result<String> {
	let input = b"300000\nDePIN";
	let soft = median(warmup, runs, || {
		run_native(&dir.native_soft_sha, input);
	});
	let hw = median(warmup, runs, || {
		run_native(&dir.native.join("sha256-chain"), input);
	});
	Ok(format!(
		"Context — native `sha256-chain` (300 000 rounds) with run-time CPU detection (SHA extensions when present): {} ms, versus {} ms for the portable code: {:.2}× faster. A job cannot use those instructions; this is the hardware, not the executor.\n\n",
		ms(hw),
		ms(soft),
		soft.as_secs_f64() / hw.as_secs_f64()
	))
}

/// Per-job cost outside the job: instantiate, WASI state, run an empty `_start`, hash the
/// output, with a cached module.
fn overhead(warmup: usize) -> anyhow::Result<String> {
	let ex = Executor::new(None)?;
	let code = wat::parse_str(r#"(module (memory (export "memory") 1) (func (export "_start")))"#)?;
	let t = median(warmup * 10, 2000, || {
		run_wasm(&ex, &code, b"", Mode::Native);
	});
	Ok(format!(
		"Per-job overhead (empty job, cached module, median of 2000): **{:.1} µs** (target ≤ 100 µs).\n\n",
		t.as_secs_f64() * 1e6
	))
}

/// Cold compilation of each example (no cache).
fn compile_times(dir: &JobsDir) -> anyhow::Result<String> {
	let mut s = String::from("| program | bytes | cold compile ms |\n| --- | ---: | ---: |\n");
	for job in ["sha256-chain", "matmul", "monte-carlo-pi", "mandelbrot", "primes"] {
		let code = std::fs::read(dir.wasm.join(format!("{job}.wasm")))?;
		let ex = Executor::new(None)?;
		let t = Instant::now();
		ex.prepare(&program_id(&code), &code, Mode::Native);
		s.push_str(&format!("| {job} | {} | {} |\n", code.len(), ms(t.elapsed())));
	}
	s.push('\n');
	Ok(s)
}

/// Peak memory while two jobs run at once (the default slots of a 2-core device).
fn peak_memory(dir: &JobsDir, ex: &Executor) -> anyhow::Result<String> {
	let code = Arc::new(std::fs::read(dir.wasm.join("primes.wasm"))?);
	// Compile before measuring: the jobs, not the compiler, are what is measured.
	run_wasm(ex, &code, b"10", Mode::Native);
	let before = peak_rss_kib();
	std::thread::scope(|scope| {
		for _ in 0..2 {
			let code = code.clone();
			scope.spawn(move || run_wasm(ex, &code, b"30000000", Mode::Native));
		}
	});
	let after = peak_rss_kib();
	Ok(format!(
		"Peak memory: two `primes 30000000` jobs at once (each ~30 MB of linear memory) raised this process's peak RSS from {} MiB to {} MiB.\n",
		before / 1024,
		after / 1024
	))
}
