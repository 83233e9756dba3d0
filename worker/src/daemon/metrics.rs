//! Prometheus metrics of the worker, served as text on `GET /metrics`.

use std::sync::{
	atomic::{AtomicU64, Ordering::Relaxed},
	Arc,
};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The worker's counters and gauges.
#[derive(Default)]
pub struct Metrics {
	/// Jobs that ended with a result.
	pub jobs_run: AtomicU64,
	/// Jobs that produced no result (gave up, executor failure, program unavailable).
	pub jobs_failed: AtomicU64,
	/// Fuel used by jobs with a result.
	pub fuel_used: AtomicU64,
	/// Jobs running now.
	pub jobs_in_flight: AtomicU64,
	/// Commitments sent and included.
	pub commits: AtomicU64,
	/// Reveals sent and included.
	pub reveals: AtomicU64,
	/// Number of the last block seen.
	pub last_block: AtomicU64,
	/// Paid to the device's owner for this device's verified work (smallest unit).
	pub earned: AtomicU64,
}

impl Metrics {
	/// The Prometheus text format.
	pub fn render(&self) -> String {
		let rows: [(&str, &str, &str, &AtomicU64); 8] = [
			(
				"depin_worker_jobs_run_total",
				"counter",
				"Jobs that ended with a result.",
				&self.jobs_run,
			),
			(
				"depin_worker_jobs_failed_total",
				"counter",
				"Jobs without a result.",
				&self.jobs_failed,
			),
			("depin_worker_fuel_used_total", "counter", "Fuel used by jobs.", &self.fuel_used),
			("depin_worker_jobs_in_flight", "gauge", "Jobs running now.", &self.jobs_in_flight),
			("depin_worker_commits_total", "counter", "Commitments included.", &self.commits),
			("depin_worker_reveals_total", "counter", "Reveals included.", &self.reveals),
			("depin_worker_last_block", "gauge", "Last block seen.", &self.last_block),
			(
				"depin_worker_earned_total",
				"counter",
				"Paid for verified work (smallest unit).",
				&self.earned,
			),
		];
		let mut out = String::new();
		for (name, kind, help, value) in rows {
			out.push_str(&format!(
				"# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {}\n",
				value.load(Relaxed)
			));
		}
		out
	}
}

/// Serves `metrics` on 127.0.0.1:`port` until the process ends.
pub async fn serve(metrics: Arc<Metrics>, port: u16) -> std::io::Result<()> {
	let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
	tracing::info!("metrics on http://127.0.0.1:{port}/metrics");
	tokio::spawn(async move {
		loop {
			let Ok((mut stream, _)) = listener.accept().await else { continue };
			let metrics = metrics.clone();
			tokio::spawn(async move {
				let head = read_request_head(&mut stream).await;
				let request = String::from_utf8_lossy(&head);
				let (status, body) = if request.starts_with("GET /metrics") {
					("200 OK", metrics.render())
				} else {
					("404 Not Found", "try /metrics\n".to_string())
				};
				let response = format!(
					"HTTP/1.1 {status}\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
					body.len()
				);
				let _ = stream.write_all(response.as_bytes()).await;
			});
		}
	});
	Ok(())
}

/// Reads a request's head (up to the blank line, at most 4 KiB, for at most 5 s): a
/// client may send it in several pieces.
async fn read_request_head(stream: &mut tokio::net::TcpStream) -> Vec<u8> {
	let mut head = Vec::new();
	let mut buf = [0u8; 1024];
	let read_all = async {
		while head.len() < 4096 && !head.windows(4).any(|w| w == b"\r\n\r\n") {
			match stream.read(&mut buf).await {
				Ok(0) | Err(_) => break,
				Ok(n) => head.extend_from_slice(&buf[..n]),
			}
		}
	};
	let _ = tokio::time::timeout(std::time::Duration::from_secs(5), read_all).await;
	head
}
