//! Process-level test of the whole lifecycle on `depin-node --dev` with signed extrinsics
//! only: two devices of different owners commit and reveal a result computed by the test,
//! the task is verified, and the balances moved as the rules say.

use std::time::Duration;

use depin_client::{
	calls,
	primitives::{
		commitment, output_hash, output_key, output_proof, DeviceSpec, ExecResult, TaskParams,
		TaskState,
	},
	types::Balance,
	Client, Signer,
};
use depin_testkit::{NodeConfig, TestNode};

const MODULE: &[u8] = &[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01];
const FUEL_PRICE: Balance = 1_000;
const MAX_FUEL: u64 = 5_000_000;

fn spec() -> DeviceSpec {
	DeviceSpec {
		cores: 1,
		memory_mib: 1024,
		fuel_per_second: 100_000_000,
		executor_version: depin_client::primitives::EXECUTOR_VERSION,
		determinism_class: 7,
	}
}

async fn wait_for_state(client: &Client, task: u64, state: TaskState) -> depin_client::Task {
	let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
	loop {
		let t = client.task(task).await.unwrap().expect("task exists");
		if t.state == state {
			return t;
		}
		assert!(tokio::time::Instant::now() < deadline, "task {task} stuck in {:?}", t.state);
		tokio::time::sleep(Duration::from_millis(100)).await;
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn a_task_is_committed_revealed_verified_and_paid() {
	let node = TestNode::start(NodeConfig::dev(200)).await;
	let client = Client::connect(&node.ws_url()).await.unwrap();
	let owners = [Signer::from_suri("//Alice").unwrap(), Signer::from_suri("//Bob").unwrap()];
	let devices = [Signer::from_suri("//Charlie").unwrap(), Signer::from_suri("//Dave").unwrap()];
	let dapp = Signer::from_suri("//Ferdie").unwrap();

	for (o, d) in owners.iter().zip(&devices) {
		client
			.submit(o, client.register_device_call(o.account(), d, spec()).await.unwrap())
			.await
			.unwrap();
		client.submit(d, calls::heartbeat()).await.unwrap();
	}
	let owner_before: Vec<Balance> = {
		let mut v = Vec::new();
		for o in &owners {
			v.push(client.free_balance(o.account()).await.unwrap());
		}
		v
	};
	let dapp_before = client.free_balance(dapp.account()).await.unwrap();
	let issuance_before = client.total_issuance().await.unwrap();

	let upload = client.submit(&dapp, calls::upload_program(MODULE.to_vec())).await.unwrap();
	let params = TaskParams {
		max_fuel: MAX_FUEL,
		fuel_price: FUEL_PRICE,
		replicas: 2,
		memory_mib: 64,
		deadline: 300,
		portable: false,
	};
	let program = depin_client::primitives::program_id(MODULE);
	let submit =
		client.submit(&dapp, calls::submit_task(program, b"21".to_vec(), params)).await.unwrap();
	let task = wait_for_state(&client, 0, TaskState::Assigned).await;
	assert_eq!(task.slots.len(), 2);

	// "Run" the job: the test computes the result the way a worker would report it.
	let output = b"42".to_vec();
	let result = ExecResult { exit: 0, output_hash: output_hash(&output), fuel_used: 1_234_567 };
	let proof = |d: &Signer| output_proof(0, &output_key(&output), d.account());
	for (i, d) in devices.iter().enumerate() {
		let salt = [i as u8 + 1; 32];
		let c = commitment(0, &result, &proof(d), &salt, d.account());
		client.submit(d, calls::commit(0, c)).await.unwrap();
	}
	wait_for_state(&client, 0, TaskState::Revealing).await;
	for (i, d) in devices.iter().enumerate() {
		let salt = [i as u8 + 1; 32];
		client.submit(d, calls::reveal(0, result, proof(d), salt, None)).await.unwrap();
	}
	// Both revealed the same result: a quorum, which the output's publication verifies.
	assert_eq!(client.task(0).await.unwrap().unwrap().state, TaskState::Revealing);
	client.submit(&devices[0], calls::publish_output(0, output.clone())).await.unwrap();
	let task = wait_for_state(&client, 0, TaskState::Verified).await;
	assert_eq!(task.result, Some(result));
	assert!(task.finished_at.is_some(), "both revealed: closed at once");
	assert_eq!(client.output(0).await.unwrap(), Some(output.clone()));

	// Each owner earned fuel × price less the 10 % protocol fee; the devices' own accounts
	// paid no transaction fees (free calls).
	let value = 1_234_567 * FUEL_PRICE;
	let earned = value - value / 10;
	for (o, before) in owners.iter().zip(owner_before) {
		assert_eq!(client.free_balance(o.account()).await.unwrap(), before + earned);
	}
	assert_eq!(task.paid, 2 * value);
	assert_eq!(task.escrow, 0);
	// The dApp paid fees, the program and task deposits (held), the devices, and the
	// output deposit (held); the rest of the escrow came back.
	let program_deposit = 1_000_000_000_000 + MODULE.len() as Balance * 1_000_000;
	let task_deposit = 100_000_000_000 + 2 * 1_000_000;
	let output_deposit = output.len() as Balance * 1_000_000;
	let dapp_after = client.free_balance(dapp.account()).await.unwrap();
	assert_eq!(
		dapp_after,
		dapp_before
			- upload.fee()
			- submit.fee()
			- program_deposit
			- task_deposit
			- 2 * value
			- output_deposit
	);
	// Nothing was minted or slashed yet; fees moved to the treasury.
	assert_eq!(client.total_issuance().await.unwrap(), issuance_before);
	let rewards = client.rewards(owners[0].account()).await.unwrap();
	assert_eq!(rewards.era_points, value as u64, "points are the value paid");
}
