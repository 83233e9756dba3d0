//! Helpers of the end-to-end tests: the example jobs (Wasm and native builds) and waiting
//! for tasks.

use std::{
	io::Write,
	path::PathBuf,
	process::{Command, Stdio},
	time::Duration,
};

use depin_client::{primitives::TaskState, Client, Task};

/// The example jobs.
pub const JOBS: [&str; 5] = ["sha256-chain", "matmul", "monte-carlo-pi", "mandelbrot", "primes"];

/// Where `scripts/build-jobs.sh` puts the jobs: `<target>/jobs`.
pub fn jobs_dir() -> PathBuf {
	let bin = depin_testkit::binary_path("depin-node");
	let target = bin.parent().and_then(|p| p.parent()).expect("target directory");
	target.join("jobs")
}

/// The Wasm build of job `name`.
pub fn job_wasm(name: &str) -> Vec<u8> {
	let path = jobs_dir().join("wasm32-wasip1/release").join(format!("{name}.wasm"));
	std::fs::read(&path).unwrap_or_else(|e| {
		panic!("{}: {e}; build the example jobs with scripts/build-jobs.sh", path.display())
	})
}

/// Runs the native build of job `name` on `input` as task `task` would (same random
/// stream); returns its stdout.
pub fn run_native(name: &str, task: u64, input: &[u8]) -> Vec<u8> {
	let path = jobs_dir().join("release").join(name);
	let seed = depin_worker::executor::job_random_bytes(task, 32);
	let hex: String = seed.iter().map(|b| format!("{b:02x}")).collect();
	let mut child = Command::new(&path)
		.env("DEPIN_JOB_SEED", hex)
		.stdin(Stdio::piped())
		.stdout(Stdio::piped())
		.spawn()
		.unwrap_or_else(|e| {
			panic!("{}: {e}; build the jobs with scripts/build-jobs.sh", path.display())
		});
	child.stdin.take().expect("stdin").write_all(input).expect("write input");
	let out = child.wait_with_output().expect("native job");
	assert!(out.status.success(), "native {name} failed: {:?}", out.status);
	out.stdout
}

/// Waits until every task in `ids` reached a final state and was closed.
pub async fn wait_finished(client: &Client, ids: &[u64], timeout: Duration) -> Vec<Task> {
	let deadline = tokio::time::Instant::now() + timeout;
	loop {
		let mut tasks = Vec::new();
		for id in ids {
			tasks.push(client.task(*id).await.expect("rpc").expect("task exists"));
		}
		if tasks.iter().all(|t| t.finished_at.is_some()) {
			return tasks;
		}
		if tokio::time::Instant::now() > deadline {
			let states: Vec<_> = tasks.iter().map(|t| (t.id, t.state)).collect();
			panic!("tasks not finished in {timeout:?}: {states:?}");
		}
		tokio::time::sleep(Duration::from_millis(250)).await;
	}
}

/// Whether every task is verified.
pub fn all_verified(tasks: &[Task]) -> bool {
	tasks.iter().all(|t| t.state == TaskState::Verified)
}
