//! Helpers of the end-to-end tests: a network of a dev node and workers, the example jobs
//! (Wasm and native builds) and waiting for tasks.

use std::{
	io::Write,
	path::PathBuf,
	process::{Command, Stdio},
	time::Duration,
};

use depin_client::{
	primitives::{DeviceSpec, TaskState},
	Client, Signer, Task,
};
use depin_testkit::{binary_path, start_worker, ChildProcess, NodeConfig, TestNode};

/// Runs the `depin` CLI against `url`; returns (success, stdout, stderr).
pub fn cli(url: &str, args: &[&str]) -> (bool, String, String) {
	let out = Command::new(binary_path("depin"))
		.args(["--url", url])
		.args(args)
		.output()
		.expect("run depin");
	(
		out.status.success(),
		String::from_utf8_lossy(&out.stdout).into(),
		String::from_utf8_lossy(&out.stderr).into(),
	)
}

/// `depin --json --suri SURI ARGS…` against `url`: the command's JSON. Panics with what
/// the command printed if it fails.
pub fn depin_json(url: &str, suri: &str, args: &[&str]) -> serde_json::Value {
	let (ok, out, err) = cli(url, &[&["--json", "--suri", suri], args].concat());
	assert!(ok, "depin {args:?}: {out} {err}");
	serde_json::from_str(out.trim()).unwrap_or_else(|e| panic!("depin {args:?}: {e}: {out}"))
}

/// `depin job submit --program <example job JOB's Wasm> ARGS…` as `suri`: the command's
/// JSON (`task`, `escrow`, `input`, …).
pub fn submit_example(url: &str, suri: &str, job: &str, args: &[&str]) -> serde_json::Value {
	let wasm = jobs_dir().join("wasm32-wasip1/release").join(format!("{job}.wasm"));
	let program = wasm.to_str().expect("a UTF-8 path");
	depin_json(url, suri, &[&["job", "submit", "--program", program], args].concat())
}

/// A dev node and one worker per owner, each device registered and listed.
pub struct Network {
	/// The node.
	pub node: TestNode,
	/// A client of the node.
	pub client: Client,
	/// The owners (`//Name`).
	pub owners: Vec<Signer>,
	/// Their devices (`//Name//stash`), run by the workers.
	pub devices: Vec<Signer>,
	/// The workers, stopped when the network is dropped.
	pub workers: Vec<ChildProcess>,
	/// The owners' names, which name the workers' state directories.
	names: Vec<String>,
	dir: tempfile::TempDir,
}

impl Network {
	/// A dev node sealing a block every `block_ms`, and for each `(name, worker flags)` an
	/// owner `//name` whose device `//name//stash` is registered and run by a worker with
	/// those flags; returns once every device is listed.
	pub async fn start(block_ms: u64, owners: &[(&str, &[&str])]) -> Self {
		let node = TestNode::start(NodeConfig::dev(block_ms)).await;
		let client = Client::connect(&node.ws_url()).await.unwrap();
		let class = depin_worker::executor::Executor::new(None).unwrap().determinism_class();
		let spec = DeviceSpec {
			cores: 4,
			memory_mib: 2048,
			fuel_per_second: 200_000_000,
			executor_version: depin_client::primitives::EXECUTOR_VERSION,
			determinism_class: class,
		};
		let dir = tempfile::tempdir().unwrap();
		let (mut signers, mut devices, mut workers) = (Vec::new(), Vec::new(), Vec::new());
		for (name, flags) in owners {
			let owner = Signer::from_suri(&format!("//{name}")).unwrap();
			let uri = format!("//{name}//stash");
			let device = Signer::from_suri(&uri).unwrap();
			let register =
				client.register_device_call(owner.account(), &device, spec).await.unwrap();
			client.submit(&owner, register).await.unwrap();
			workers.push(start_worker(&node.ws_url(), &uri, &dir.path().join(name), flags));
			signers.push(owner);
			devices.push(device);
		}
		let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
		for d in &devices {
			while !client.device(d.account()).await.unwrap().is_some_and(|i| i.listed) {
				assert!(tokio::time::Instant::now() < deadline, "workers did not start");
				tokio::time::sleep(Duration::from_millis(200)).await;
			}
		}
		let names = owners.iter().map(|(name, _)| name.to_string()).collect();
		Network { node, client, owners: signers, devices, workers, names, dir }
	}

	/// The state directory of worker `index` (its data cache is `data/` in it).
	pub fn worker_dir(&self, index: usize) -> PathBuf {
		self.dir.path().join(&self.names[index])
	}

	/// Starts worker `index` again with `flags`, on the same device key and state (after
	/// it was stopped or killed).
	pub fn restart_worker(&mut self, index: usize, flags: &[&str]) {
		let uri = format!("//{}//stash", self.names[index]);
		self.workers[index] =
			start_worker(&self.node.ws_url(), &uri, &self.worker_dir(index), flags);
	}

	/// Uploads example job `job` as `dapp`; returns its program id.
	pub async fn upload(&self, dapp: &Signer, job: &str) -> depin_client::primitives::ProgramId {
		let code = job_wasm(job);
		let program = depin_client::primitives::program_id(&code);
		self.client.submit(dapp, depin_client::calls::upload_program(code)).await.unwrap();
		program
	}
}

/// The example jobs.
pub const JOBS: [&str; 5] = ["sha256-chain", "matmul", "monte-carlo-pi", "mandelbrot", "primes"];

/// The example job that reads a large input (a text corpus kept by the chain).
pub const CORPUS_JOB: &str = "word-count";

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
	// Written from another thread: a job that streams its output as it reads (tokenize)
	// would otherwise block on a full stdout pipe while this thread blocks on stdin.
	let mut stdin = child.stdin.take().expect("stdin");
	let out = std::thread::scope(|scope| {
		scope.spawn(move || stdin.write_all(input).expect("write input"));
		child.wait_with_output().expect("native job")
	});
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
