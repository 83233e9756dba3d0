//! The `depin` listings and `job watch` on a network with three workers: jobs newest
//! first, by submitter; devices, by owner; a watched job's final state and exit status,
//! also across a restart of the node; errors in the one JSON shape.

use std::{
	process::{Command, Stdio},
	time::Duration,
};

use depin_client::{calls, primitives::TaskParams, signer::ss58, Client, Signer};
use depin_e2e::{all_verified, cli, wait_finished, Network};
use depin_testkit::{binary_path, until};
use serde_json::Value;

fn json(out: &str) -> Value {
	serde_json::from_str(out.trim()).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// A `primes` job on 3 replicas, with `deadline`.
fn primes_params(deadline: u32) -> TaskParams<u128> {
	TaskParams {
		max_fuel: 1_000_000_000,
		fuel_price: 1_000,
		replicas: 3,
		memory_mib: 64,
		deadline,
		portable: false,
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn jobs_and_devices_are_listed_and_a_job_is_watched_to_its_end() {
	let net = Network::start(250, &[("Alice", &[]), ("Bob", &[]), ("Charlie", &[])]).await;
	let (client, url) = (&net.client, net.node.ws_url());
	let dapp = Signer::from_suri("//Eve").unwrap();
	let program = net.upload(&dapp, "primes").await;
	let params = primes_params(200);
	let mut ids = Vec::new();
	for n in ["1000", "2000", "3000"] {
		ids.push(client.stats().await.unwrap().tasks_submitted);
		let call = calls::submit_task(program, n.as_bytes().to_vec(), params);
		client.submit(&dapp, call).await.unwrap();
	}

	// `job watch` follows the newest to its end: verified, exit status 0.
	let newest = ids[2].to_string();
	let (ok, out, err) = cli(&url, &["--json", "job", "watch", &newest, "--timeout", "120"]);
	assert!(ok, "{out} {err}");
	assert_eq!(json(&out)["state"], "Verified", "{out}");
	assert!(all_verified(&wait_finished(client, &ids, Duration::from_secs(120)).await));

	// Jobs newest first, the dApp's own, two per request.
	let (ok, out, err) =
		cli(&url, &["--json", "--suri", "//Eve", "job", "list", "--mine", "--limit", "2"]);
	assert!(ok, "{err}");
	let listed: Vec<u64> =
		json(&out).as_array().unwrap().iter().map(|t| t["id"].as_u64().unwrap()).collect();
	assert_eq!(listed, [ids[2], ids[1]]);
	let alice = ss58(net.owners[0].account());
	let (ok, out, _) = cli(&url, &["--json", "job", "list", "--submitter", &alice]);
	assert!(ok);
	assert_eq!(json(&out), Value::Array(vec![]));

	// Devices: all three, one of Alice's; no key asked for.
	let (ok, out, err) = cli(&url, &["--json", "device", "list"]);
	assert!(ok, "{err}");
	let mut devices: Vec<String> = json(&out)
		.as_array()
		.unwrap()
		.iter()
		.map(|d| d["device"].as_str().unwrap().to_string())
		.collect();
	devices.sort();
	let mut expected: Vec<String> = net.devices.iter().map(|d| ss58(d.account())).collect();
	expected.sort();
	assert_eq!(devices, expected);
	let (ok, out, _) = cli(&url, &["--json", "device", "list", "--owner", &alice]);
	assert!(ok);
	let mine = json(&out);
	assert_eq!(mine.as_array().unwrap().len(), 1);
	assert_eq!(mine[0]["device"], ss58(net.devices[0].account()));

	// An unknown job: exit status 1, the error in the JSON shape.
	let (ok, out, _) = cli(&url, &["--json", "job", "watch", "999999"]);
	assert!(!ok);
	let error = &json(&out)["error"];
	assert_eq!(error["kind"], "input", "{out}");
	assert!(error["message"].as_str().unwrap().contains("does not exist"), "{out}");
}

/// `job watch` outlives its node: the node is stopped and started again from its database
/// while a job is watched; the watcher says it reconnects, follows the job to its end and
/// exits as it would have without the restart.
#[tokio::test(flavor = "multi_thread")]
async fn a_watched_job_is_followed_across_a_node_restart() {
	let mut net = Network::start(250, &[("Alice", &[]), ("Bob", &[]), ("Charlie", &[])]).await;
	let url = net.node.ws_url();
	// The devices are paused: the job waits in the queue until they resume.
	for (owner, device) in net.owners.iter().zip(&net.devices) {
		net.client.submit(owner, calls::pause(device.account().clone())).await.unwrap();
	}
	let dapp = Signer::from_suri("//Eve").unwrap();
	let program = net.upload(&dapp, "primes").await;
	let params = primes_params(600);
	let id = net.client.stats().await.unwrap().tasks_submitted;
	let submit = calls::submit_task(program, b"1000".to_vec(), params);
	net.client.submit(&dapp, submit).await.unwrap();

	let dir = tempfile::tempdir().unwrap();
	let stderr_path = dir.path().join("watch.stderr");
	let watch = Command::new(binary_path("depin"))
		.args(["--url", &url, "--json", "job", "watch", &id.to_string(), "--timeout", "180"])
		.stdout(Stdio::piped())
		.stderr(std::fs::File::create(&stderr_path).unwrap())
		.spawn()
		.expect("run depin job watch");
	let stderr = || std::fs::read_to_string(&stderr_path).unwrap_or_default();
	until("the watcher sees the job queued", 60, || async { stderr().contains("Queued") }).await;

	net.node.restart().await;
	until("the watcher reconnects", 90, || async { stderr().contains("reconnecting") }).await;
	// After the restart (the workers reconnect by themselves), the devices take the job.
	net.client = Client::connect(&url).await.unwrap();
	for (owner, device) in net.owners.iter().zip(&net.devices) {
		net.client.submit(owner, calls::resume(device.account().clone())).await.unwrap();
	}

	let out = tokio::task::spawn_blocking(move || watch.wait_with_output()).await.unwrap().unwrap();
	let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), stderr());
	assert!(out.status.success(), "{:?}: {stdout} {stderr}", out.status);
	assert_eq!(json(&stdout)["state"], "Verified", "{stdout} {stderr}");
	assert!(stderr.contains("lost the connection"), "{stderr}");
}
