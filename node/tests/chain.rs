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
