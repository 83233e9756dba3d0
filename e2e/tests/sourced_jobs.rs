//! Jobs on data the chain does not keep: a corpus written by `depin data export` into a
//! directory that a small HTTP server serves, named by `depin job submit --input FILE
//! --source URL`, fetched by three devices over HTTP — one chunk served damaged once,
//! detected and fetched again — and verified with the output of the job's native build.
//! Before that, a task whose source serves nothing: every device reports the input
//! unavailable, the task fails, the dApp gets its escrow back, and no device loses
//! anything.

use std::{
	collections::{BTreeMap, BTreeSet},
	path::PathBuf,
	sync::{Arc, Mutex},
	time::Duration,
};

use depin_client::primitives::TaskState;
use depin_e2e::{cli, run_native, wait_finished, Network, CORPUS_JOB};
use depin_testkit::pseudo_random_text;
use serde_json::Value;
use tokio::{
	io::{AsyncReadExt, AsyncWriteExt},
	net::TcpListener,
};

/// What the test server did: requests per file name.
#[derive(Default)]
struct Served {
	requests: BTreeMap<String, u32>,
}

/// Serves the files of `dir` at `/blobs/NAME` over HTTP/1.1 on a free port (404 for
/// anything else); the files named in `damage_once` are served with a byte flipped the
/// first time they are asked for. Returns the port and the record of requests.
async fn serve(dir: PathBuf, damage_once: BTreeSet<String>) -> (u16, Arc<Mutex<Served>>) {
	let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
	let port = listener.local_addr().unwrap().port();
	let served = Arc::new(Mutex::new(Served::default()));
	let record = served.clone();
	tokio::spawn(async move {
		loop {
			let Ok((mut stream, _)) = listener.accept().await else { return };
			let (dir, record, damage) = (dir.clone(), record.clone(), damage_once.clone());
			tokio::spawn(async move {
				let mut request = Vec::new();
				let mut buf = [0u8; 1024];
				while !request.windows(4).any(|w| w == b"\r\n\r\n") {
					match stream.read(&mut buf).await {
						Ok(0) | Err(_) => return,
						Ok(n) => request.extend_from_slice(&buf[..n]),
					}
				}
				let line =
					String::from_utf8_lossy(&request).lines().next().unwrap_or("").to_string();
				let path = line.split(' ').nth(1).unwrap_or("");
				let name = path.strip_prefix("/blobs/").unwrap_or("").to_string();
				let body = (!name.is_empty() && !name.contains('/'))
					.then(|| std::fs::read(dir.join(&name)).ok())
					.flatten();
				let head =
					|status: &str, len: usize| {
						format!("HTTP/1.1 {status}\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n")
					};
				let response = match body {
					Some(mut body) => {
						let times = {
							let mut served = record.lock().unwrap();
							let count = served.requests.entry(name.clone()).or_default();
							*count += 1;
							*count
						};
						if times == 1 && damage.contains(&name) {
							body[17] ^= 0xff;
						}
						[head("200 OK", body.len()).into_bytes(), body].concat()
					}
					None => head("404 Not Found", 0).into_bytes(),
				};
				let _ = stream.write_all(&response).await;
				let _ = stream.shutdown().await;
			});
		}
	});
	(port, served)
}

/// `depin job submit` of word-count on `input` fetched from `source`, 3 replicas; the
/// command's JSON.
fn submit(url: &str, input: &std::path::Path, source: &str) -> Value {
	let input = input.to_str().unwrap();
	let args = ["--input", input, "--source", source, "--replicas", "3"];
	let limits = ["--max-fuel", "100000000000", "--memory-mib", "512", "--deadline", "600"];
	depin_e2e::submit_example(url, "//Eve", CORPUS_JOB, &[&args[..], &limits].concat())
}

#[tokio::test(flavor = "multi_thread")]
async fn inputs_from_http_sources_are_checked_chunk_by_chunk_and_unservable_ones_refunded() {
	let net = Network::start(500, &[("Alice", &[]), ("Bob", &[]), ("Charlie", &[])]).await;
	let url = net.node.ws_url();
	let dir = tempfile::tempdir().unwrap();
	let corpus = pseudo_random_text(24 << 20, 3);
	let input = dir.path().join("corpus.txt");
	std::fs::write(&input, &corpus).unwrap();
	let exported = dir.path().join("blobs");
	let (ok, out, err) = cli(
		&url,
		&["--json", "data", "export", input.to_str().unwrap(), exported.to_str().unwrap()],
	);
	assert!(ok, "{out} {err}");
	let export: Value = serde_json::from_str(out.trim()).unwrap();
	assert_eq!(export["size"], 24 << 20);
	assert_eq!(export["chunks"], 13, "24 MiB in chunks of 2 MiB less 1 KiB");
	let manifest = depin_client::primitives::Manifest::of(
		&corpus,
		depin_client::primitives::data::MAX_CHUNK_LEN,
	);
	let damaged = hex::encode(manifest.chunks[5]);
	let (port, served) = serve(exported.clone(), BTreeSet::from([damaged.clone()])).await;
	let devices: Vec<_> = net.devices.iter().map(|d| d.account().clone()).collect();
	let owners_total = || async {
		let mut total = 0u128;
		for owner in ["//Alice", "//Bob", "//Charlie"] {
			let owner = depin_client::Signer::from_suri(owner).unwrap();
			let data = net.client.account(owner.account()).await.unwrap().data;
			total += data.free + data.reserved;
		}
		total
	};

	// A source that serves nothing: each device reports, for free; the task fails.
	let bonds = owners_total().await;
	let missing = format!("http://127.0.0.1:{port}/nothing/{{hash}}");
	let submitted = submit(&url, &input, &missing);
	let task = submitted["task"].as_u64().unwrap();
	assert_eq!(submitted["input"]["sources"][0], missing.as_str(), "{submitted}");
	assert_eq!(net.client.input_sources(task).await.unwrap(), vec![missing.clone()]);
	let tasks = wait_finished(&net.client, &[task], Duration::from_secs(300)).await;
	assert_eq!(tasks[0].state, TaskState::Failed, "{:?}", tasks[0]);
	assert_eq!((tasks[0].escrow, tasks[0].paid), (0, 0), "the whole escrow came back");
	assert_eq!(owners_total().await, bonds, "no owner lost anything (nobody slashed)");
	for device in &devices {
		let device = net.client.device(device).await.unwrap().expect("registered");
		assert!(device.listed, "{device:?}");
	}

	// The exported corpus: fetched, one chunk damaged once and fetched again, verified.
	let source = format!("http://127.0.0.1:{port}/blobs/{{hash}}");
	let submitted = submit(&url, &input, &source);
	let task = submitted["task"].as_u64().unwrap();
	assert_eq!(submitted["input"]["blob"], export["blob"], "{submitted}");
	let tasks = wait_finished(&net.client, &[task], Duration::from_secs(600)).await;
	assert_eq!(tasks[0].state, TaskState::Verified, "{:?}", tasks[0]);
	let output = net.client.output(task).await.unwrap().expect("the verified output");
	assert_eq!(output, run_native(CORPUS_JOB, task, &corpus), "native and verified outputs differ");
	let requests = served.lock().unwrap().requests.clone();
	let fetched = requests.get(&damaged).copied().unwrap_or(0);
	assert!(fetched >= 2, "the damaged chunk was asked for {fetched} times: {requests:?}");
	assert!(
		requests.get(&damaged) >= requests.get(&hex::encode(manifest.chunks[0])),
		"the damaged chunk was fetched again: {requests:?}"
	);
}
