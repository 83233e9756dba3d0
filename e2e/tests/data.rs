//! Data kept by the chain: a file stored in chunks through `depin data put` and fetched
//! back byte for byte, a second upload that sends nothing, an interrupted download that
//! resumes, names that are not blobs refused with clear errors; and validators that prove,
//! block after block, that they keep what was stored, accepted by each other on import.

use std::time::Duration;

use depin_client::{blobs::partial_path, calls, Client, Signer};
use depin_e2e::cli;
use depin_testkit::{pseudo_random_bytes, NodeConfig, TestNode};
use serde_json::Value;

fn json(out: &str) -> Value {
	serde_json::from_str(out.trim()).unwrap_or_else(|e| panic!("{e}: {out}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_is_stored_in_chunks_fetched_back_and_resumed() {
	let node = TestNode::start(NodeConfig::dev(250)).await;
	let url = node.ws_url();
	let client = Client::connect(&url).await.unwrap();
	let dir = tempfile::tempdir().unwrap();
	let chunk_len: u32 = client.constant("Blobs", "MaxChunkLen").await.unwrap();
	// Ten full chunks and a short one.
	let size = 10 * chunk_len as usize + 12_345;
	let data = pseudo_random_bytes(size, 0);
	let input = dir.path().join("input.bin");
	std::fs::write(&input, &data).unwrap();
	let eve = Signer::from_suri("//Eve").unwrap();
	let before = client.free_balance(eve.account()).await.unwrap();

	let put = ["--json", "--suri", "//Eve", "data", "put", input.to_str().unwrap()];
	let (ok, out, err) = cli(&url, &put);
	assert!(ok, "{out} {err}");
	let stored = json(&out);
	assert_eq!(stored["size"], size);
	assert_eq!(stored["chunks"], 11);
	assert_eq!(stored["sent"], 12, "eleven chunks and the manifest: {stored}");
	let blob = stored["blob"].as_str().unwrap().to_string();
	let fee: u128 = client.constant("Blobs", "ByteFee").await.unwrap();
	let spent = before - client.free_balance(eve.account()).await.unwrap();
	assert!(
		spent >= fee * size as u128,
		"spent {spent}, the storage fee alone is {}",
		fee * size as u128
	);

	// Stored already: a second upload sends nothing.
	let (ok, out, err) = cli(&url, &put);
	assert!(ok, "{err}");
	assert_eq!(json(&out)["sent"], 0);
	assert_eq!(json(&out)["alreadyStored"], 12);
	assert_eq!(json(&out)["blob"], blob.as_str());
	// Whoever sends a chunk the chain keeps (having lost a race to store it, say) is
	// refused by the pool and pays nothing.
	let balance = client.free_balance(eve.account()).await.unwrap();
	let copy = calls::store_chunk(data[..chunk_len as usize].to_vec());
	let refused = client.submit(&eve, copy).await.unwrap_err();
	assert!(
		matches!(&refused, depin_client::Error::Invalid { code: 1010, data: Some(d), .. }
			if d == "Custom error: 178"),
		"{refused:?}"
	);
	assert_eq!(client.free_balance(eve.account()).await.unwrap(), balance);

	// Fetched back, byte for byte.
	let output = dir.path().join("output.bin");
	let (ok, out, err) =
		cli(&url, &["--json", "data", "get", &blob, "--out", output.to_str().unwrap()]);
	assert!(ok, "{out} {err}");
	assert_eq!(json(&out)["alreadyThere"], 0);
	assert!(std::fs::read(&output).unwrap() == data, "the fetched file differs");
	assert!(!partial_path(&output).exists());

	// An interrupted download: a partial file with one chunk damaged and the end missing.
	let resumed = dir.path().join("resumed.bin");
	let mut partial = data[..7 * chunk_len as usize].to_vec();
	partial[3 * chunk_len as usize + 17] ^= 0xff;
	std::fs::write(partial_path(&resumed), &partial).unwrap();
	let (ok, out, err) =
		cli(&url, &["--json", "data", "get", &blob, "--out", resumed.to_str().unwrap()]);
	assert!(ok, "{err}");
	assert_eq!(json(&out)["alreadyThere"], 6, "chunks 0-2 and 4-6 were there: {out}");
	assert!(std::fs::read(&resumed).unwrap() == data, "the resumed file differs");

	// Every chunk is kept, until one retention period after it was stored.
	let (ok, out, err) = cli(&url, &["--json", "data", "info", &blob]);
	assert!(ok, "{err}");
	let info = json(&out);
	assert_eq!(info["missing"], Value::Array(vec![]));
	assert_eq!(info["chunkLen"], chunk_len);
	let period = client.retention_period().await.unwrap();
	let kept_until = info["keptUntil"].as_u64().unwrap();
	assert!(kept_until > u64::from(period), "{info}");

	// Not due for renewal: stored less than half a retention period ago. Renewing now
	// would let anyone take over who paid for a chunk; nothing is sent, nothing paid.
	let renew = ["--json", "--suri", "//Eve", "data", "renew", &blob];
	let balance = client.free_balance(eve.account()).await.unwrap();
	let (ok, out, err) = cli(&url, &renew);
	assert!(ok, "{out} {err}");
	let outcome = json(&out);
	assert_eq!((outcome["renewed"].as_u64(), outcome["notDue"].as_u64()), (Some(0), Some(12)));
	let stored_at = chunk_blocks(&client, &blob).await;
	let (first, last) = (stored_at[0], stored_at[stored_at.len() - 1]);
	assert_eq!(outcome["dueFrom"].as_u64(), Some(u64::from(first + period / 2)), "{outcome}");
	assert_eq!(client.free_balance(eve.account()).await.unwrap(), balance);

	// A retention period short enough that every chunk is due, and still kept for 80
	// blocks: renewed, each kept a period from a later block.
	let mut best = client.best_number().await.unwrap();
	while best < 2 * last - first + 80 {
		tokio::time::sleep(Duration::from_millis(250)).await;
		best = client.best_number().await.unwrap();
	}
	let short = 2 * (best - last);
	let sudo = Signer::from_suri("//Alice").unwrap();
	let receipt =
		client.submit(&sudo, calls::sudo(calls::set_retention_period(short))).await.unwrap();
	client.sudo_result(&receipt).await.unwrap();
	let (ok, out, err) = cli(&url, &renew);
	assert!(ok, "{out} {err}");
	assert_eq!(json(&out)["renewed"], 12, "{out}");
	assert!(chunk_blocks(&client, &blob).await.iter().all(|&block| block > best));

	// Names that are not blobs.
	let unknown = format!("0x{}", "00".repeat(32));
	let (ok, out, _) = cli(&url, &["--json", "data", "get", &unknown, "--out", "/dev/null"]);
	assert!(!ok);
	assert_eq!(json(&out)["error"]["kind"], "data", "{out}");
	let message = json(&out)["error"]["message"].as_str().unwrap().to_string();
	assert!(message.contains("does not keep chunk"), "{message}");
	let first_chunk =
		format!("0x{}", hex::encode(sp_crypto_hashing::blake2_256(&data[..chunk_len as usize])));
	let (ok, out, _) = cli(&url, &["--json", "data", "get", &first_chunk, "--out", "/dev/null"]);
	assert!(!ok);
	let message = json(&out)["error"]["message"].as_str().unwrap().to_string();
	assert!(message.contains("is not a blob"), "{message}");
	let (ok, _, err) = cli(&url, &["data", "get", "0x1234", "--out", "/dev/null"]);
	assert!(!ok && err.contains("0x + 64 hex digits"), "{err}");
	let (ok, _, err) = cli(&url, &["data", "put", "/nonexistent/file"]);
	assert!(!ok && err.contains("--suri"), "{err}");
}

/// The blocks that stored or last renewed each chunk of blob `blob` (its manifest
/// included), in order.
async fn chunk_blocks(client: &Client, blob: &str) -> Vec<u32> {
	let name: [u8; 32] = hex::decode(&blob[2..]).unwrap().try_into().unwrap();
	let manifest = client.manifest(&name).await.unwrap();
	let mut blocks = Vec::new();
	for hash in std::iter::once(&name).chain(manifest.chunks.iter()) {
		blocks.push(client.chunk_info(hash).await.unwrap().expect("kept").block);
	}
	blocks.sort();
	blocks
}

/// Waits until `node`'s finalized block reaches `target`.
async fn finalized(node: &TestNode, target: u64) {
	node.wait_for_finalized(target, Duration::from_secs(180)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn validators_prove_they_keep_stored_data_and_accept_each_others_proofs() {
	let alice = TestNode::start(NodeConfig::local_validator("alice")).await;
	let mut bob_config = NodeConfig::local_validator("bob");
	bob_config.bootnodes.push(alice.multiaddr().await);
	let bob = TestNode::start(bob_config).await;
	finalized(&alice, 1).await;
	let client = Client::connect(&alice.ws_url()).await.unwrap();
	let sudo = Signer::from_suri("//Alice").unwrap();

	// A short retention period, so that proofs are due within the test.
	let receipt = client.submit(&sudo, calls::sudo(calls::set_retention_period(2))).await.unwrap();
	client.sudo_result(&receipt).await.unwrap();
	let dapp = Signer::from_suri("//Eve").unwrap();
	let chunk = pseudo_random_bytes(100_000, 0);
	let receipt = client.submit(&dapp, calls::store_chunk(chunk.clone())).await.unwrap();
	let header: Value = client
		.rpc()
		.call("chain_getHeader", depin_client::rpc::params![receipt.block_hash])
		.await
		.unwrap();
	let stored_at = depin_client::client::header_number(&header).unwrap();
	let hash = sp_crypto_hashing::blake2_256(&chunk);
	assert_eq!(client.blob_bytes(&hash).await.unwrap(), Some(chunk));

	// The block two after must prove the chunk is kept; both validators author and import
	// blocks past it.
	let due = u64::from(stored_at) + 2;
	finalized(&alice, due + 2).await;
	finalized(&bob, due + 2).await;
	let due_hash: Value =
		client.rpc().call("chain_getBlockHash", depin_client::rpc::params![due]).await.unwrap();
	let due_hash = serde_json::from_value(due_hash).unwrap();
	let events = client.events(due_hash).await.unwrap();
	assert!(events.iter().any(|e| e.is("Blobs", "Proved")), "block {due} carries no storage proof");
	let bob_client = Client::connect(&bob.ws_url()).await.unwrap();
	assert!(bob_client.blob_bytes(&hash).await.unwrap().is_some(), "bob keeps the chunk too");
}
