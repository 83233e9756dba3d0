//! Process-level tests: real `depin-node` processes on free loopback ports, driven over
//! JSON-RPC.

use std::time::Duration;

use depin_client::rpc::params;
use depin_testkit::{NodeConfig, TestNode};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread")]
async fn dev_node_seals_and_finalizes_blocks_by_itself() {
	let node = TestNode::start(NodeConfig::dev(250)).await;

	let health: Value = node.rpc.call("system_health", params![]).await.unwrap();
	assert_eq!(health["isSyncing"], Value::Bool(false), "health: {health}");

	let first = node.best_number().await;
	let reached = node.wait_for_best(first + 3, Duration::from_secs(30)).await;
	assert!(reached >= first + 3);
	// Dev blocks are finalized as they are sealed.
	node.wait_for_finalized(first + 3, Duration::from_secs(30)).await;

	let chain: String = node.rpc.call("system_chain", params![]).await.unwrap();
	assert_eq!(chain, "DePIN Development");
}

#[tokio::test(flavor = "multi_thread")]
async fn dev_node_seals_on_demand_through_engine_rpc() {
	// A long timer, so every block below comes from `engine_createBlock`.
	let node = TestNode::start(NodeConfig::dev(600_000)).await;
	// The timer's first tick fires at start; let it pass.
	tokio::time::sleep(Duration::from_millis(500)).await;
	let before = node.best_number().await;
	for _ in 0..3 {
		let created: Value =
			node.rpc.call("engine_createBlock", params![true, true, Value::Null]).await.unwrap();
		assert!(created["hash"].is_string(), "engine_createBlock answered {created}");
	}
	assert_eq!(node.best_number().await, before + 3);
	assert_eq!(node.finalized_number().await, before + 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn two_local_validators_produce_and_finalize_blocks() {
	let alice = TestNode::start(NodeConfig::local_validator("alice")).await;
	let mut bob_config = NodeConfig::local_validator("bob");
	bob_config.bootnodes.push(alice.multiaddr().await);
	let bob = TestNode::start(bob_config).await;

	// 6 s slots: finality needs both validators to see a few blocks.
	alice.wait_for_finalized(3, Duration::from_secs(120)).await;
	bob.wait_for_finalized(3, Duration::from_secs(60)).await;

	let peers: Value = alice.rpc.call("system_health", params![]).await.unwrap();
	assert_eq!(peers["peers"], Value::from(1), "alice health: {peers}");
}

/// Accounts that send transaction after transaction without waiting (a busy device, a
/// load generator) must not lose any: every nonce they send is included, block after block.
#[tokio::test(flavor = "multi_thread")]
async fn dev_node_includes_every_transaction_of_busy_accounts() {
	use depin_client::{calls, Client, Signer};

	const PER_ACCOUNT: u32 = 300;
	let node = TestNode::start(NodeConfig::dev(100)).await;
	let client = std::sync::Arc::new(Client::connect(&node.ws_url()).await.unwrap());
	let dest = Signer::from_suri("//Ferdie").unwrap().account().clone();
	let mut senders = Vec::new();
	for name in ["Alice", "Bob", "Charlie", "Dave"] {
		let (client, dest) = (client.clone(), dest.clone());
		senders.push(tokio::spawn(async move {
			let signer = Signer::from_suri(&format!("//{name}")).unwrap();
			let start = client.account(signer.account()).await.unwrap().nonce;
			for nonce in start..start + PER_ACCOUNT {
				let call = calls::transfer(dest.clone(), 1_000_000_000);
				client.send_signed(&signer, call, nonce).await.unwrap();
				// Spread over many blocks, so sends race with building the next one.
				tokio::time::sleep(Duration::from_millis(7)).await;
			}
			let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
			loop {
				let on_chain = client.account(signer.account()).await.unwrap().nonce;
				if on_chain == start + PER_ACCOUNT {
					return;
				}
				assert!(
					tokio::time::Instant::now() < deadline,
					"{name}: {} of {PER_ACCOUNT} transactions included; the rest were lost",
					on_chain - start
				);
				tokio::time::sleep(Duration::from_millis(200)).await;
			}
		}));
	}
	for s in senders {
		s.await.unwrap();
	}
}

/// The client signs mortal transactions: valid for 64 blocks from the best block it saw
/// (as polkadot.js and subxt sign), so one that was not included by then never can be.
#[tokio::test(flavor = "multi_thread")]
async fn client_transactions_are_mortal_for_64_blocks() {
	use codec::Decode;
	use depin_client::{calls, Client, Signer};
	use depin_runtime::UncheckedExtrinsic;
	use sp_runtime::generic::{Era, Preamble};

	let node = TestNode::start(NodeConfig::dev(250)).await;
	node.wait_for_best(3, Duration::from_secs(30)).await;
	let client = Client::connect(&node.ws_url()).await.unwrap();
	let (alice, ferdie) =
		(Signer::from_suri("//Alice").unwrap(), Signer::from_suri("//Ferdie").unwrap());
	let checkpoint = client.checkpoint().await.unwrap().0;
	let call = calls::transfer(ferdie.account().clone(), 1_000_000_000);
	let receipt = client.submit(&alice, call).await.unwrap();

	let block: Value = node.rpc.call("chain_getBlock", params![receipt.block_hash]).await.unwrap();
	let eras: Vec<Era> = block["block"]["extrinsics"]
		.as_array()
		.unwrap()
		.iter()
		.filter_map(|x| {
			let bytes = hex::decode(x.as_str()?.trim_start_matches("0x")).ok()?;
			match UncheckedExtrinsic::decode(&mut &bytes[..]).ok()?.preamble {
				Preamble::Signed(_, _, extension) => Some(extension.4 .0),
				_ => None,
			}
		})
		.collect();
	assert_eq!(eras.len(), 1, "one signed transaction: {eras:?}");
	assert_eq!(eras[0], Era::mortal(64, checkpoint as u64));
	assert!(!eras[0].is_immortal());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_client_waiting_for_finality_returns_only_once_the_block_is_finalized() {
	use depin_client::{calls, Client, Signer};
	// Blocks only from `engine_createBlock`, sealed without finalizing them.
	let node = TestNode::start(NodeConfig::dev(600_000)).await;
	tokio::time::sleep(Duration::from_millis(500)).await;
	let client = Client::connect(&node.ws_url()).await.unwrap().wait_for_finality(true);
	let alice = Signer::from_suri("//Alice").unwrap();
	let bob = Signer::from_suri("//Bob").unwrap();
	let transfer = tokio::spawn(async move {
		client.submit(&alice, calls::transfer(bob.account().clone(), 1_000_000)).await
	});
	// Let the transaction reach the pool, then seal it into a block that is not final.
	tokio::time::sleep(Duration::from_secs(1)).await;
	let created: Value =
		node.rpc.call("engine_createBlock", params![true, false, Value::Null]).await.unwrap();
	let hash = created["hash"].as_str().unwrap().to_string();
	tokio::time::sleep(Duration::from_secs(2)).await;
	assert!(!transfer.is_finished(), "returned before its block was finalized");
	let _: Value = node.rpc.call("engine_finalizeBlock", params![hash.clone()]).await.unwrap();
	let receipt = tokio::time::timeout(Duration::from_secs(30), transfer)
		.await
		.expect("returns once finalized")
		.unwrap()
		.unwrap();
	assert_eq!(format!("{:?}", receipt.block_hash), hash);
}
