//! Hostile modules on real workers: a dApp submits jobs written to hurt devices (host-call
//! floods, an iovec bomb, deep recursion, a memory bomb, a compile bomb). Two workers of
//! different owners run each; every task ends verified with the same deterministic
//! result, nobody is slashed, each worker's memory stays bounded, and a module's own
//! strings cannot forge lines in the workers' logs.

use depin_client::{
	calls,
	primitives::{exit, DeviceSpec, TaskParams, TaskState},
	Client, Signer,
};
use depin_testkit::{start_worker, until, NodeConfig, TestNode};
use depin_worker::executor::{depth::MAX_FUNCTIONS, Executor};

/// Most a worker process may use at its peak while running these jobs, in MiB: the jobs'
/// own memory is 64 MiB each at most, two at a time (measured: about 80 MiB).
const MAX_WORKER_PEAK_MIB: u64 = 256;

/// A WASI command whose `_start` is `body`, with the imports it uses.
fn command(body: &str) -> Vec<u8> {
	wat::parse_str(format!(
		r#"(module
		  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
		  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
		  (memory (export "memory") 16)
		  (func $f (call $f))
		  (func (export "_start") {body}))"#
	))
	.expect("valid WAT")
}

/// The hostile jobs and the exit each must end with on every device.
fn hostile_jobs() -> Vec<(&'static str, Vec<u8>, u32)> {
	let compile_bomb = {
		let functions = "(func (result i32) (i32.const 1))".repeat(MAX_FUNCTIONS as usize - 1);
		wat::parse_str(format!(
			r#"(module (memory (export "memory") 1) {functions} (func (export "_start")))"#
		))
		.unwrap()
	};
	vec![
		(
			"random flood",
			command("(loop $l (drop (call $random_get (i32.const 0) (i32.const 1048576))) (br $l))"),
			exit::OUT_OF_FUEL,
		),
		(
			"iovec bomb",
			command(
				"(loop $l (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 100000) (i32.const 8))) (br $l))",
			),
			exit::OUT_OF_FUEL,
		),
		(
			"empty-write flood",
			command("(loop $l (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 0) (i32.const 8))) (br $l))"),
			exit::OUT_OF_FUEL,
		),
		("deep recursion", command("(call $f)"), exit::STACK_OVERFLOW),
		(
			"memory bomb",
			command("(loop $l (br_if $l (i32.ne (memory.grow (i32.const 16)) (i32.const -1))))"),
			exit::MEMORY_LIMIT,
		),
		("compile bomb", compile_bomb, 0),
		(
			// An import name that would forge a line in the worker's log if printed raw.
			"log forgery",
			wat::parse_str(format!(
				r#"(module (import "env" "x\n{FORGED} task=0" (func)) (memory (export "memory") 1)
				  (func (export "_start")))"#
			))
			.unwrap(),
			exit::BAD_MODULE,
		),
	]
}

/// The start of the line a hostile import name tries to forge in the worker's log.
const FORGED: &str = "ERROR forged";

fn peak_rss_mib(pid: u32) -> u64 {
	let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
	status
		.lines()
		.find_map(|l| l.strip_prefix("VmHWM:"))
		.and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
		.map_or(0, |kib| kib / 1024)
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_modules_end_verified_on_every_device_and_nobody_is_slashed() {
	let node = TestNode::start(NodeConfig::dev(500)).await;
	let url = node.ws_url();
	let client = Client::connect(&url).await.unwrap();
	let spec = DeviceSpec {
		cores: 2,
		memory_mib: 512,
		fuel_per_second: 50_000_000,
		executor_version: depin_client::primitives::EXECUTOR_VERSION,
		determinism_class: Executor::new(None).unwrap().determinism_class(),
	};
	let owners = [("//Alice", "//Charlie"), ("//Bob", "//Dave")];
	let dir = tempfile::tempdir().unwrap();
	let mut workers = Vec::new();
	let mut devices = Vec::new();
	for (owner, device) in owners {
		let (owner, signer) =
			(Signer::from_suri(owner).unwrap(), Signer::from_suri(device).unwrap());
		client
			.submit(
				&owner,
				client.register_device_call(owner.account(), &signer, spec).await.unwrap(),
			)
			.await
			.unwrap();
		workers.push(start_worker(
			&url,
			device,
			&dir.path().join(device.trim_start_matches("//")),
			&[],
		));
		devices.push(signer);
	}
	for d in &devices {
		until("the workers' first heartbeats", 60, || async {
			client.device(d.account()).await.unwrap().is_some_and(|d| d.listed)
		})
		.await;
	}
	let mut bonds = Vec::new();
	for d in &devices {
		bonds.push(client.device(d.account()).await.unwrap().unwrap().bond);
	}

	let dapp = Signer::from_suri("//Ferdie").unwrap();
	let jobs = hostile_jobs();
	for (i, (_, code, _)) in jobs.iter().enumerate() {
		let program = depin_client::primitives::program_id(code);
		client.submit(&dapp, calls::upload_program(code.clone())).await.unwrap();
		let params = TaskParams {
			max_fuel: 20_000_000,
			fuel_price: 1,
			replicas: 2,
			memory_mib: 64,
			deadline: 400,
			portable: i % 2 == 1,
		};
		client.submit(&dapp, calls::submit_task(program, Vec::new(), params)).await.unwrap();
	}

	for (task, (what, _, expected)) in jobs.iter().enumerate() {
		let task = task as u64;
		until(what, 120, || async {
			client.task(task).await.unwrap().is_some_and(|t| t.state.is_final())
		})
		.await;
		let info = client.task(task).await.unwrap().unwrap();
		assert_eq!(info.state, TaskState::Verified, "{what}: {info:?}");
		assert_eq!(info.result.unwrap().exit, *expected, "{what}");
	}
	for (d, bond) in devices.iter().zip(&bonds) {
		let device = client.device(d.account()).await.unwrap().unwrap();
		assert_eq!(device.bond, *bond, "no slash");
		assert_eq!(device.reputation.timeouts, 0);
		assert_eq!(device.reputation.valid, jobs.len() as u32, "every result was the majority's");
	}
	for w in &workers {
		let log = std::fs::read_to_string(w.log_path()).unwrap();
		assert!(log.contains("program is not a valid job"), "{log}");
		assert!(!log.lines().any(|l| l.starts_with(FORGED)), "a forged log line:\n{log}");
		let peak = peak_rss_mib(w.pid());
		eprintln!("worker {} peak RSS: {peak} MiB", w.pid());
		assert!(peak > 0 && peak <= MAX_WORKER_PEAK_MIB, "peak RSS {peak} MiB");
	}
}
