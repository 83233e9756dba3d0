//! Prometheus metrics of the worker, served by `substrate-prometheus-endpoint` (the
//! exporter Substrate nodes use) on `GET /metrics`.

use std::{net::SocketAddr, time::Duration};

use substrate_prometheus_endpoint::{
	exponential_buckets, register, Counter, Gauge, Histogram, HistogramOpts, PrometheusError,
	Registry, F64, U64,
};

/// The worker's counters, gauges and histograms.
#[derive(Clone)]
pub struct Metrics {
	/// Jobs that ended with a result.
	pub jobs_run: Counter<U64>,
	/// Jobs that produced no result (gave up, executor failure, program unavailable).
	pub jobs_failed: Counter<U64>,
	/// Fuel used by jobs with a result.
	pub fuel_used: Counter<U64>,
	/// Jobs running now.
	pub jobs_in_flight: Gauge<U64>,
	/// Commitments sent and included.
	pub commits: Counter<U64>,
	/// Reveals sent and included.
	pub reveals: Counter<U64>,
	/// Number of the last block seen.
	pub last_block: Gauge<U64>,
	/// Paid to the device's owner for this device's verified work (smallest unit; a float,
	/// as every Prometheus value is, so never truncated).
	earned: Counter<F64>,
	/// Wall-clock time of jobs with a result.
	pub job_seconds: Histogram,
	/// Fuel per second of jobs with a result (the device's measured speed).
	pub fuel_per_second: Histogram,
	/// Time from the first sight of an assignment to the start of its job.
	pub queue_wait_seconds: Histogram,
	registry: Registry,
}

fn histogram(
	registry: &Registry,
	name: &str,
	help: &str,
	buckets: Vec<f64>,
) -> Result<Histogram, PrometheusError> {
	register(Histogram::with_opts(HistogramOpts::new(name, help).buckets(buckets))?, registry)
}

impl Metrics {
	/// The metrics, registered in a registry of their own.
	pub fn new() -> Result<Self, PrometheusError> {
		let registry = Registry::new();
		let r = &registry;
		let seconds = exponential_buckets(0.001, 4.0, 10)?; // 1 ms … 262 s
		Ok(Self {
			jobs_run: register(
				Counter::new("depin_worker_jobs_run_total", "Jobs that ended with a result.")?,
				r,
			)?,
			jobs_failed: register(
				Counter::new("depin_worker_jobs_failed_total", "Jobs without a result.")?,
				r,
			)?,
			fuel_used: register(
				Counter::new("depin_worker_fuel_used_total", "Fuel used by jobs.")?,
				r,
			)?,
			jobs_in_flight: register(
				Gauge::new("depin_worker_jobs_in_flight", "Jobs running now.")?,
				r,
			)?,
			commits: register(
				Counter::new("depin_worker_commits_total", "Commitments included.")?,
				r,
			)?,
			reveals: register(Counter::new("depin_worker_reveals_total", "Reveals included.")?, r)?,
			last_block: register(Gauge::new("depin_worker_last_block", "Last block seen.")?, r)?,
			earned: register(
				Counter::new(
					"depin_worker_earned_total",
					"Paid for verified work (smallest unit).",
				)?,
				r,
			)?,
			job_seconds: histogram(
				r,
				"depin_worker_job_seconds",
				"Wall-clock time of jobs with a result.",
				seconds.clone(),
			)?,
			fuel_per_second: histogram(
				r,
				"depin_worker_job_fuel_per_second",
				"Fuel per second of jobs with a result.",
				exponential_buckets(1e6, 4.0, 10)?, // 1 M … 262 G
			)?,
			queue_wait_seconds: histogram(
				r,
				"depin_worker_queue_wait_seconds",
				"Time from an assignment's first sight to the start of its job.",
				seconds,
			)?,
			registry,
		})
	}

	/// Records a job with a result: its fuel and its time.
	pub fn job_ran(&self, fuel_used: u64, took: Duration) {
		self.jobs_run.inc();
		self.fuel_used.inc_by(fuel_used);
		self.job_seconds.observe(took.as_secs_f64());
		if took > Duration::ZERO {
			self.fuel_per_second.observe(fuel_used as f64 / took.as_secs_f64());
		}
	}

	/// Sets what the device has earned in total (it only grows).
	pub fn set_earned(&self, total: u128) {
		let delta = total as f64 - self.earned.get();
		if delta > 0.0 {
			self.earned.inc_by(delta);
		}
	}

	/// Serves the metrics on `port`, on every interface if `external`, else on 127.0.0.1.
	/// Fails if the port cannot be bound.
	pub async fn serve(&self, port: u16, external: bool) -> anyhow::Result<()> {
		let ip = if external { [0, 0, 0, 0] } else { [127, 0, 0, 1] };
		let addr = SocketAddr::from((ip, port));
		let mut server = tokio::spawn(substrate_prometheus_endpoint::init_prometheus(
			addr,
			self.registry.clone(),
		));
		// A server that cannot bind ends at once; one that runs never ends.
		if let Ok(ended) = tokio::time::timeout(Duration::from_millis(500), &mut server).await {
			match ended {
				Ok(Err(e)) => anyhow::bail!("cannot serve metrics on {addr}: {e}"),
				_ => anyhow::bail!("the metrics server on {addr} stopped"),
			}
		}
		tracing::info!("metrics on http://{addr}/metrics");
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn earnings_beyond_u64_are_not_truncated() {
		let m = Metrics::new().unwrap();
		let total = u64::MAX as u128 * 4;
		m.set_earned(total);
		m.set_earned(total - 1); // never goes back
		assert_eq!(m.earned.get(), total as f64);
	}
}
