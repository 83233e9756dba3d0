//! Timing with warm-up and medians.

use std::time::{Duration, Instant};

/// Runs `f` `warmup` times, then `runs` times; returns the median duration.
pub fn median(warmup: usize, runs: usize, mut f: impl FnMut()) -> Duration {
	for _ in 0..warmup {
		f();
	}
	let mut times: Vec<Duration> = (0..runs.max(1))
		.map(|_| {
			let t = Instant::now();
			f();
			t.elapsed()
		})
		.collect();
	times.sort();
	times[times.len() / 2]
}

/// Geometric mean of `xs`.
pub fn geomean(xs: &[f64]) -> f64 {
	if xs.is_empty() {
		return f64::NAN;
	}
	(xs.iter().map(|x| x.ln()).sum::<f64>() / xs.len() as f64).exp()
}

/// Milliseconds with two decimals.
pub fn ms(d: Duration) -> String {
	format!("{:.2}", d.as_secs_f64() * 1e3)
}

/// Peak resident memory of this process, in KiB (`VmHWM`).
pub fn peak_rss_kib() -> u64 {
	std::fs::read_to_string("/proc/self/status")
		.ok()
		.and_then(|s| {
			s.lines()
				.find(|l| l.starts_with("VmHWM:"))
				.and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
		})
		.unwrap_or(0)
}
