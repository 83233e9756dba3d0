//! Process-level test of the first half of the job lifecycle on `depin-node --dev`:
//! signed extrinsics register devices, upload a program and submit a task; the scheduler
//! assigns it; `depin_assignments` and `depin_task` show it.

use std::time::Duration;

use depin_client::{
	calls,
	primitives::{DeviceSpec, TaskParams, TaskState},
	rpc::params,
	Client, Error, Signer,
};
use depin_testkit::{NodeConfig, TestNode};
use serde_json::Value;

fn spec() -> DeviceSpec {
	DeviceSpec {
		cores: 2,
		memory_mib: 2048,
		fuel_per_second: 100_000_000,
		executor_version: depin_client::primitives::EXECUTOR_VERSION,
		determinism_class: 42,
	}
}

/// A minimal valid Wasm module (header only), as the market only checks the header.
const MODULE: &[u8] = &[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

#[tokio::test(flavor = "multi_thread")]
async fn devices_program_and_task_are_visible_through_rpc() {
	let node = TestNode::start(NodeConfig::dev(200)).await;
	let client = Client::connect(&node.ws_url()).await.expect("client connects");

	let (alice, bob) = (Signer::from_suri("//Alice").unwrap(), Signer::from_suri("//Bob").unwrap());
	let (dev_a, dev_b) =
		(Signer::from_suri("//Charlie").unwrap(), Signer::from_suri("//Dave").unwrap());
	let dapp = Signer::from_suri("//Eve").unwrap();

	for (owner, device) in [(&alice, &dev_a), (&bob, &dev_b)] {
		client
			.submit(
				owner,
				client.register_device_call(owner.account(), device, spec()).await.unwrap(),
			)
			.await
			.expect("register_device");
		client.submit(device, calls::heartbeat()).await.expect("heartbeat");
	}

	// A second registration of the same device is refused with a named error.
	let err = client
		.submit(&bob, client.register_device_call(bob.account(), &dev_a, spec()).await.unwrap())
		.await
		.unwrap_err();
	assert!(
		matches!(&err, Error::Dispatch { pallet, error, .. } if pallet == "Devices" && error == "AlreadyRegistered"),
		"got {err}"
	);

	client.submit(&dapp, calls::upload_program(MODULE.to_vec())).await.expect("upload");
	let program = depin_client::primitives::program_id(MODULE);
	let params = TaskParams {
		max_fuel: 1_000_000,
		fuel_price: 1_000,
		replicas: 2,
		memory_mib: 128,
		deadline: 200,
		portable: false,
	};
	client
		.submit(&dapp, calls::submit_task(program, b"hello".to_vec(), params))
		.await
		.expect("submit_task");

	// The scheduler assigns the task in a following block.
	let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
	let task = loop {
		let task: Value = node.rpc.call("depin_task", params![0u64]).await.unwrap();
		if task["state"] == "Assigned" {
			break task;
		}
		assert!(tokio::time::Instant::now() < deadline, "task not assigned: {task}");
		tokio::time::sleep(Duration::from_millis(200)).await;
	};
	assert_eq!(task["slots"].as_array().unwrap().len(), 2, "{task}");
	assert_eq!(task["program"], format!("0x{}", hex::encode(program)));
	// Balances are decimal strings (JavaScript loses precision above 2⁵³).
	assert_eq!(task["escrow"], (1_000_000u64 * 1_000 * 2).to_string());
	assert_eq!(task["params"]["fuelPrice"], "1000");

	for device in [&dev_a, &dev_b] {
		let list: Value =
			node.rpc.call("depin_assignments", params![device.address()]).await.unwrap();
		let list = list.as_array().unwrap();
		assert_eq!(list.len(), 1, "{list:?}");
		assert_eq!(list[0]["task"], 0);
		assert_eq!(list[0]["input"], format!("0x{}", hex::encode(b"hello")));
		assert_eq!(list[0]["phase"], "commit");
		let info: Value = node.rpc.call("depin_device", params![device.address()]).await.unwrap();
		assert_eq!(info["openAssignments"], 1);
		assert_eq!(info["listed"], true);
	}

	// The same through the typed client.
	let typed = client.task(0).await.unwrap().expect("task 0");
	assert_eq!(typed.state, TaskState::Assigned);
	let stats = client.stats().await.unwrap();
	assert_eq!((stats.devices, stats.programs, stats.tasks.assigned), (2, 1, 1));

	// Unknown ids are null; bad params are JSON-RPC errors.
	let none: Value = node.rpc.call("depin_task", params![999u64]).await.unwrap();
	assert!(none.is_null());
	let none: Value =
		node.rpc.call("depin_program", params![format!("0x{}", "00".repeat(32))]).await.unwrap();
	assert!(none.is_null());
	let bad = node.rpc.call::<Value>("depin_program", params!["0x1234"]).await.unwrap_err();
	assert!(bad.to_string().contains("32-byte"), "{bad}");
	let bad = node.rpc.call::<Value>("depin_device", params!["not-an-account"]).await.unwrap_err();
	assert!(bad.to_string().contains("SS58"), "{bad}");
}
