//! `depin-worker bench`: this machine's executor speed in fuel per second, the figure a
//! device registers as its `fuel_per_second`.
//!
//! The chain gives a device only tasks its declared speed finishes within
//! `MaxExecutionBlocks`, and the worker gives up on a job after 10 × max_fuel / speed: a
//! speed above what the machine does on some job means missed deadlines. So the five
//! example jobs (the checked-in builds the golden vectors use, built into this binary) run
//! in native mode, each run once more and repeated for at least [`MIN_MEASURED`] after a first run that
//! compiles it, and the figure to declare is the **slowest** job's rate, rounded down to
//! two significant digits.

use std::time::{Duration, Instant};

use depin_primitives::program_id;

use crate::executor::{Executor, Job, Mode};

/// How long each job is measured, at least.
pub const MIN_MEASURED: Duration = Duration::from_millis(300);

/// An example job with an input that runs for a fraction of a second.
pub struct Case {
	/// The example job's name.
	pub job: &'static str,
	/// Its stdin.
	pub input: Vec<u8>,
}

/// The input of `matmul` for two `n` × `n` matrices.
pub fn matmul_input(n: usize) -> Vec<u8> {
	let mut s = format!("{n}");
	for i in 0..2 * n * n {
		s.push_str(&format!(" {}", ((i * 7919) % 1000) as f64 / 997.0 - 0.5));
	}
	s.into_bytes()
}

/// The five example jobs with inputs of 10–150 ms each on a current server core.
pub fn cases() -> Vec<Case> {
	vec![
		Case { job: "sha256-chain", input: b"300000\nDePIN".to_vec() },
		Case { job: "matmul", input: matmul_input(100) },
		Case { job: "monte-carlo-pi", input: b"3000000".to_vec() },
		Case { job: "mandelbrot", input: b"200 150 -2 -1.2 1 1.2 500".to_vec() },
		Case { job: "primes", input: b"10000000".to_vec() },
	]
}

/// The example job's Wasm as built into this binary.
fn code(job: &str) -> Option<&'static [u8]> {
	Some(match job {
		"sha256-chain" => include_bytes!("../tests/golden/jobs/sha256-chain.wasm"),
		"matmul" => include_bytes!("../tests/golden/jobs/matmul.wasm"),
		"monte-carlo-pi" => include_bytes!("../tests/golden/jobs/monte-carlo-pi.wasm"),
		"mandelbrot" => include_bytes!("../tests/golden/jobs/mandelbrot.wasm"),
		"primes" => include_bytes!("../tests/golden/jobs/primes.wasm"),
		_ => return None,
	})
}

/// One job's measured speed.
#[derive(Clone, Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Measured {
	/// The example job.
	pub job: &'static str,
	/// Fuel per second over the measured runs.
	pub fuel_per_second: u64,
}

/// Runs every case: a first run that compiles it, then runs for at least `min` in all.
pub fn measure(executor: &Executor, min: Duration) -> anyhow::Result<Vec<Measured>> {
	cases()
		.into_iter()
		.map(|case| {
			let code = code(case.job).ok_or_else(|| anyhow::anyhow!("no job {}", case.job))?;
			let job = Job {
				task: 0,
				program: program_id(code),
				code,
				input: std::sync::Arc::new(case.input.clone()),
				max_fuel: u64::MAX / 2,
				memory_mib: 256,
				mode: Mode::Native,
				max_output: 1 << 20,
				wall_limit: Duration::from_secs(600),
			};
			let run = || -> anyhow::Result<u64> {
				let outcome = executor.run(&job)?;
				anyhow::ensure!(
					outcome.result.exit == 0,
					"{} exited with {}",
					case.job,
					outcome.result.exit
				);
				Ok(outcome.result.fuel_used)
			};
			run()?;
			let (mut fuel, started) = (0u64, Instant::now());
			loop {
				fuel += run()?;
				if started.elapsed() >= min {
					break;
				}
			}
			let rate = fuel as f64 / started.elapsed().as_secs_f64();
			Ok(Measured { job: case.job, fuel_per_second: rate as u64 })
		})
		.collect()
}

/// The speed to declare: the slowest job's, rounded down to two significant digits.
pub fn declared(measured: &[Measured]) -> u64 {
	let slowest = measured.iter().map(|m| m.fuel_per_second).min().unwrap_or(0);
	let digits = slowest.checked_ilog10().unwrap_or(0);
	let unit = 10u64.pow(digits.saturating_sub(1));
	slowest / unit * unit
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_declared_speed_is_the_slowest_rounded_down() {
		let m = |job, fuel_per_second| Measured { job, fuel_per_second };
		assert_eq!(declared(&[m("a", 912_345_678), m("b", 487_654_321)]), 480_000_000);
		assert_eq!(declared(&[m("a", 7)]), 7);
		assert_eq!(declared(&[m("a", 99)]), 99);
		assert_eq!(declared(&[]), 0);
	}

	#[test]
	fn every_example_job_is_measured() {
		let executor = Executor::new(None).unwrap();
		let measured = measure(&executor, Duration::ZERO).unwrap();
		let jobs: Vec<&str> = measured.iter().map(|m| m.job).collect();
		assert_eq!(jobs, ["sha256-chain", "matmul", "monte-carlo-pi", "mandelbrot", "primes"]);
		assert!(measured.iter().all(|m| m.fuel_per_second > 0), "{measured:?}");
	}
}
