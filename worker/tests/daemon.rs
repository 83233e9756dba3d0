//! Process-level tests of the worker against a dev node. Two workers of different owners,
//! one job with two replicas: one worker is killed with SIGKILL right after its commit and
//! restarted; it reveals from its journal without computing or committing again, and the
//! task ends verified with both devices paid. A device given a job it cannot finish
//! before its commit deadline declines it rather than being slashed. A worker told its
//! owner refuses to work for a device someone else registered.

use std::time::Duration;

use depin_client::{
	calls,
	primitives::{DeviceSpec, TaskParams, TaskState},
	Client, Signer,
};
use depin_testkit::{start_worker, until, ChildProcess, NodeConfig, TestNode};
use depin_worker::executor::Executor;

use depin_testkit::wasm::REVERSE;

/// A dev node with 500 ms blocks, its URL and a client.
async fn dev_node() -> (TestNode, String, Client) {
	let node = TestNode::start(NodeConfig::dev(500)).await;
	let url = node.ws_url();
	let client = Client::connect(&url).await.unwrap();
	(node, url, client)
}

/// A device of this machine's determinism class declaring `cores` and `fuel_per_second`.
fn spec(cores: u16, fuel_per_second: u64) -> DeviceSpec {
	DeviceSpec {
		cores,
		memory_mib: 512,
		fuel_per_second,
		executor_version: depin_client::primitives::EXECUTOR_VERSION,
		determinism_class: Executor::new(None).unwrap().determinism_class(),
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn a_worker_killed_after_its_commit_still_reveals_and_both_are_paid() {
	let (_node, url, client) = dev_node().await;
	let spec = spec(2, 50_000_000);
	let (alice, bob) = (Signer::from_suri("//Alice").unwrap(), Signer::from_suri("//Bob").unwrap());
	let (charlie, dave) =
		(Signer::from_suri("//Charlie").unwrap(), Signer::from_suri("//Dave").unwrap());
	client
		.submit(&alice, client.register_device_call(alice.account(), &charlie, spec).await.unwrap())
		.await
		.unwrap();
	client
		.submit(&bob, client.register_device_call(bob.account(), &dave, spec).await.unwrap())
		.await
		.unwrap();
	// Dave is listed by a heartbeat from the test; its worker starts later.
	client.submit(&dave, calls::heartbeat()).await.unwrap();

	let dir = tempfile::tempdir().unwrap();
	let (state_a, state_b) = (dir.path().join("charlie"), dir.path().join("dave"));
	let mut worker_a = start_worker(&url, "//Charlie", &state_a, &[]);
	until("Charlie's first heartbeat", 60, || async {
		client.device(charlie.account()).await.unwrap().is_some_and(|d| d.listed)
	})
	.await;

	let dapp = Signer::from_suri("//Ferdie").unwrap();
	let code = wat::parse_str(REVERSE).unwrap();
	let program = depin_client::primitives::program_id(&code);
	client.submit(&dapp, calls::upload_program(code)).await.unwrap();
	let params = TaskParams {
		max_fuel: 10_000_000,
		fuel_price: 1_000,
		replicas: 2,
		memory_mib: 64,
		deadline: 400,
		portable: false,
	};
	client.submit(&dapp, calls::submit_task(program, b"stressed".to_vec(), params)).await.unwrap();

	// Charlie computes and commits; Dave's worker is not running yet.
	until("Charlie's commit", 60, || async {
		client
			.task(0)
			.await
			.unwrap()
			.is_some_and(|t| t.slots.iter().any(|s| &s.device == charlie.account() && s.committed))
	})
	.await;
	worker_a.kill_hard();
	assert!(
		std::fs::read_to_string(worker_a.log_path()).unwrap().contains("job finished"),
		"the first run computed the job"
	);

	let metrics_port = depin_testkit::free_port().to_string();
	let mut worker_b = start_worker(&url, "//Dave", &state_b, &["--metrics-port", &metrics_port]);
	let worker_a2 = start_worker(&url, "//Charlie", &state_a, &[]);
	until("verification", 90, || async {
		client
			.task(0)
			.await
			.unwrap()
			.is_some_and(|t| t.state == TaskState::Verified && t.finished_at.is_some())
	})
	.await;

	let task = client.task(0).await.unwrap().unwrap();
	assert_eq!(client.output(0).await.unwrap().as_deref(), Some(&b"desserts"[..]));
	let fuel = task.result.unwrap().fuel_used as u128;
	assert_eq!(task.paid, 2 * fuel * 1_000, "both devices paid fuel × price");
	for d in [&charlie, &dave] {
		assert_eq!(client.device(d.account()).await.unwrap().unwrap().reputation.valid, 1);
	}

	// The restarted worker revealed from its journal: it neither ran nor committed again.
	// (It logs the reveal once its transaction's block is in, which may be after the test
	// saw the task verified.)
	let restarted_log = || {
		let log = std::fs::read_to_string(state_a.join("worker.log")).unwrap();
		log.rsplit("starting").next().unwrap().to_string()
	};
	until("the restarted worker's reveal in its log", 30, || async {
		restarted_log().contains("revealed")
	})
	.await;
	let after_restart = restarted_log();
	assert!(!after_restart.contains("job finished"), "recomputed after restart: {after_restart}");
	assert!(!after_restart.contains("committed"), "committed twice: {after_restart}");
	drop(worker_a2);

	// Dave's worker reports what it did on its metrics port, with the job's time, speed
	// and wait in histograms.
	let expected = [
		"depin_worker_jobs_run_total 1",
		"depin_worker_commits_total 1",
		"depin_worker_reveals_total 1",
		"depin_worker_job_seconds_count 1",
		"depin_worker_job_fuel_per_second_count 1",
		"depin_worker_queue_wait_seconds_count 1",
	];
	let metrics = || http_get(&format!("127.0.0.1:{metrics_port}"), "/metrics");
	until("Dave's reveal in its metrics", 30, || async {
		expected.iter().all(|line| metrics().contains(line))
	})
	.await;
	let metrics = metrics();
	for line in expected {
		assert!(metrics.contains(line), "missing `{line}` in:\n{metrics}");
	}

	// `depin-worker status --json` reports the same for scripts (balances as strings).
	let status = || {
		let out = std::process::Command::new(depin_testkit::binary_path("depin-worker"))
			.args(["status", "--json", "--url", &url, "--suri", "//Dave"])
			.args(["--state-dir", state_b.to_str().unwrap()])
			.output()
			.unwrap();
		assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
		serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
	};
	until("Dave's earnings in its status", 30, || async { status()["earned"] != "0" }).await;
	let report = status();
	assert_eq!(report["device"], dave.address());
	assert_eq!(report["registered"]["reputation"]["valid"], 1, "{report}");
	assert!(report["registered"]["bond"].is_string(), "{report}");
	assert_eq!(report["earned"], (fuel * 1_000 * 9 / 10).to_string(), "{report}");

	// SIGTERM: a clean exit with status 0.
	worker_b.signal(SIGTERM);
	let status = worker_b.stop().expect("exits by itself");
	assert!(status.success(), "exit status {status:?}");
}

const SIGTERM: i32 = 15;

/// A GET request sent in two pieces, as a client may.
fn http_get(addr: &str, path: &str) -> String {
	use std::io::{Read, Write};
	let mut stream = std::net::TcpStream::connect(addr).expect("metrics port open");
	write!(stream, "GET {path} HTTP/1.1\r\n").unwrap();
	stream.flush().unwrap();
	std::thread::sleep(std::time::Duration::from_millis(50));
	write!(stream, "Host: {addr}\r\nConnection: close\r\n\r\n").unwrap();
	let mut body = String::new();
	stream.read_to_string(&mut body).unwrap();
	body
}

/// Charlie (Alice's device, declaring `spec`) with its worker running and listed, and
/// one task (id 0) of a single native replica of `code` with `max_fuel` submitted by
/// Ferdie; the worker runs with `worker_flags`. Returns the worker, its state directory and Charlie's bond and free balance
/// before the task.
async fn charlie_with_one_task(
	client: &Client,
	url: &str,
	dir: &std::path::Path,
	spec: DeviceSpec,
	code: Vec<u8>,
	max_fuel: u64,
	worker_flags: &[&str],
) -> (ChildProcess, std::path::PathBuf, u128, u128) {
	let (alice, charlie) =
		(Signer::from_suri("//Alice").unwrap(), Signer::from_suri("//Charlie").unwrap());
	client
		.submit(&alice, client.register_device_call(alice.account(), &charlie, spec).await.unwrap())
		.await
		.unwrap();
	let state = dir.join("charlie");
	let worker = start_worker(url, "//Charlie", &state, worker_flags);
	until("Charlie's first heartbeat", 60, || async {
		client.device(charlie.account()).await.unwrap().is_some_and(|d| d.listed)
	})
	.await;
	let bond = client.device(charlie.account()).await.unwrap().unwrap().bond;
	let free = client.free_balance(charlie.account()).await.unwrap();
	let dapp = Signer::from_suri("//Ferdie").unwrap();
	let program = depin_client::primitives::program_id(&code);
	client.submit(&dapp, calls::upload_program(code)).await.unwrap();
	let params = TaskParams {
		max_fuel,
		fuel_price: 1,
		replicas: 1,
		memory_mib: 64,
		deadline: 400,
		portable: false,
	};
	client.submit(&dapp, calls::submit_task(program, b"abc".to_vec(), params)).await.unwrap();
	(worker, state, bond, free)
}

/// A device that declared far more speed than it has gets a job it cannot finish before
/// its commit deadline (an endless loop with a large fuel limit): its worker stops the job
/// in time and declines the slot, paying the decline fee, rather than letting the deadline
/// pass and losing bond.
#[tokio::test(flavor = "multi_thread")]
async fn a_job_that_cannot_be_committed_in_time_is_declined_not_slashed() {
	let (_node, url, client) = dev_node().await;
	// 10¹¹ fuel per second declared: the chain gives a 10¹¹-fuel job 1 block of execution,
	// so the commit deadline is 21 blocks (10.5 s) after the assignment; this machine
	// needs about a minute and a half for that much fuel.
	let spec = spec(1, 100_000_000_000);
	let charlie = Signer::from_suri("//Charlie").unwrap();
	let dir = tempfile::tempdir().unwrap();
	let endless =
		r#"(module (memory (export "memory") 1) (func (export "_start") (loop $l (br $l))))"#;
	let code = wat::parse_str(endless).unwrap();
	let (_worker, state, bond, free) =
		charlie_with_one_task(&client, &url, dir.path(), spec, code, 100_000_000_000, &[]).await;

	until("the decline", 60, || async {
		std::fs::read_to_string(state.join("worker.log")).unwrap().contains("declined")
	})
	.await;
	let fee: u128 = client.constant("Market", "DeclineFee").await.unwrap();
	until("the decline fee paid", 30, || async {
		free - client.free_balance(charlie.account()).await.unwrap() >= fee
	})
	.await;
	let device = client.device(charlie.account()).await.unwrap().unwrap();
	assert_eq!(device.bond, bond, "no slash");
	assert_eq!(device.reputation.timeouts, 0, "no timeout");
	// Charlie is the only device: the task comes back to it, and it declines at once
	// rather than running the job again, until the task is abandoned.
	until("the task abandoned", 60, || async {
		client.task(0).await.unwrap().is_some_and(|t| t.state == TaskState::Failed)
	})
	.await;
	let log = std::fs::read_to_string(state.join("worker.log")).unwrap();
	assert!(log.contains("given again a job this worker gave up on"), "{log}");
	assert_eq!(log.matches("job produced no result").count(), 1, "ran once: {log}");
	let device = client.device(charlie.account()).await.unwrap().unwrap();
	assert_eq!((device.bond, device.reputation.timeouts), (bond, 0), "never slashed");
}

/// A device registered with another determinism class than its machine's declines
/// native-mode jobs (its results could differ from other replicas'), for the decline fee,
/// and is never slashed.
#[tokio::test(flavor = "multi_thread")]
async fn a_device_registered_with_another_class_declines_native_jobs() {
	let (_node, url, client) = dev_node().await;
	let mut spec = spec(1, 50_000_000);
	spec.determinism_class ^= 1;
	let charlie = Signer::from_suri("//Charlie").unwrap();
	let dir = tempfile::tempdir().unwrap();
	let code = wat::parse_str(REVERSE).unwrap();
	let (_worker, state, bond, free) =
		charlie_with_one_task(&client, &url, dir.path(), spec, code, 10_000_000, &[]).await;

	let fee: u128 = client.constant("Market", "DeclineFee").await.unwrap();
	until("the decline fee paid", 60, || async {
		free - client.free_balance(charlie.account()).await.unwrap() >= fee
	})
	.await;
	let log = || std::fs::read_to_string(state.join("worker.log")).unwrap();
	until("the reason in the log", 30, || async { log().contains("declined: a native-mode job") })
		.await;
	assert!(!log().contains("job finished"), "never ran it: {}", log());
	let device = client.device(charlie.account()).await.unwrap().unwrap();
	assert_eq!((device.bond, device.reputation.timeouts), (bond, 0), "never slashed");
}

/// A worker started with `--owner` refuses to run when its device is registered by
/// another account (a registration the device's key consented to for someone else, or
/// made before the key changed hands): it exits with an error naming the real owner and
/// never sends a heartbeat. With the right owner it runs.
#[tokio::test(flavor = "multi_thread")]
async fn a_worker_refuses_to_work_for_a_device_another_owner_registered() {
	let (_node, url, client) = dev_node().await;
	let (alice, bob) = (Signer::from_suri("//Alice").unwrap(), Signer::from_suri("//Bob").unwrap());
	let charlie = Signer::from_suri("//Charlie").unwrap();
	let call = client.register_device_call(alice.account(), &charlie, spec(1, 50_000_000));
	client.submit(&alice, call.await.unwrap()).await.unwrap();
	let dir = tempfile::tempdir().unwrap();

	let state = dir.path().join("for-bob");
	let mut worker = start_worker(&url, "//Charlie", &state, &["--owner", &bob.address()]);
	until("the worker to exit", 60, || {
		let exited = !worker.is_running();
		async move { exited }
	})
	.await;
	let status = worker.stop().expect("exited by itself");
	let log = std::fs::read_to_string(state.join("worker.log")).unwrap();
	assert!(!status.success(), "a worker for the wrong owner must fail: {log}");
	let expected = format!("is registered by {}, not by the owner given", alice.address());
	assert!(log.contains(&expected), "the error names the real owner: {log}");
	let device = client.device(charlie.account()).await.unwrap().unwrap();
	assert!(!device.listed, "no heartbeat was sent for the wrong owner");

	let state = dir.path().join("for-alice");
	let _worker = start_worker(&url, "//Charlie", &state, &["--owner", &alice.address()]);
	until("the first heartbeat for the right owner", 60, || async {
		client.device(charlie.account()).await.unwrap().is_some_and(|d| d.listed)
	})
	.await;
}

/// SIGTERM while a long job runs: the worker gives it `--shutdown-grace`, then exits with
/// status 0 without waiting for the job (which has no result to lose).
#[tokio::test(flavor = "multi_thread")]
async fn a_stop_signal_ends_the_worker_within_its_grace_even_during_a_long_job() {
	let (_node, url, client) = dev_node().await;
	// 10⁹ fuel per second declared: a 10¹¹-fuel job gets 100 blocks of execution, so the
	// worker would run it for about a minute before giving up.
	let spec = spec(1, 1_000_000_000);
	let dir = tempfile::tempdir().unwrap();
	let endless =
		r#"(module (memory (export "memory") 1) (func (export "_start") (loop $l (br $l))))"#;
	let code = wat::parse_str(endless).unwrap();
	let grace = ["--shutdown-grace", "1"];
	let (mut worker, state, _, _) =
		charlie_with_one_task(&client, &url, dir.path(), spec, code, 100_000_000_000, &grace).await;
	let log = || std::fs::read_to_string(state.join("worker.log")).unwrap();
	until("the job assigned", 60, || async { log().contains("task state changed") }).await;
	tokio::time::sleep(Duration::from_secs(1)).await;
	worker.signal(SIGTERM);
	let status = worker.stop().expect("exits by itself");
	assert!(status.success(), "exit status {status:?}: {}", log());
	assert!(log().contains("stopping with work in progress"), "{}", log());
}
