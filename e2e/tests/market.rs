//! Prices on a running network: three devices with different asks, dApps with different
//! bids. A bid below enough asks waits; `depin market` shows the bids and asks per price
//! level and suggests a price; a job submitted at the suggested price is served by every
//! device; a raised bid gets the waiting job served; a lower bid is served only by the
//! devices asking no more than it. Every device is paid its task's bid for the fuel it
//! used, and the market view reports the clearing price once the era ends.

use std::time::Duration;

use depin_client::{
	primitives::{level_floor, price_level, TaskState},
	signer::ss58,
	types::{AccountId, Balance},
	Client, Task,
};
use depin_e2e::{all_verified, cli, depin_json, wait_finished, Network};
use depin_testkit::until;

/// The owners of the three devices, in order.
const OWNERS: [&str; 3] = ["Alice", "Bob", "Charlie"];

/// Submits a `primes` job as `suri` with `--fuel-price price` and `replicas`; its task id.
fn submit(url: &str, suri: &str, price: &str, replicas: &str) -> u64 {
	let input = tempfile::NamedTempFile::new().unwrap();
	std::fs::write(input.path(), b"20000").unwrap();
	let args = [
		"--input",
		input.path().to_str().unwrap(),
		"--replicas",
		replicas,
		"--max-fuel",
		"1000000000",
		"--fuel-price",
		price,
		"--deadline",
		"900",
	];
	let out = depin_e2e::submit_example(url, suri, "primes", &args);
	out["task"].as_u64().unwrap_or_else(|| panic!("no task id: {out}"))
}

fn devices_of(task: &Task) -> Vec<AccountId> {
	task.slots.iter().map(|s| s.device.clone()).collect()
}

async fn task(client: &Client, id: u64) -> Task {
	client.task(id).await.unwrap().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn devices_are_served_by_price_and_never_below_their_ask() {
	let net = Network::start(250, &OWNERS.map(|o| (o, &[][..]))).await;
	let (client, url) = (&net.client, net.node.ws_url());
	let asks: [Balance; 3] = [2_000, 500, 500];
	for ((owner, device), ask) in OWNERS.iter().zip(&net.devices).zip(asks) {
		let (suri, price) = (format!("//{owner}"), format!("{ask}planck"));
		let out = depin_json(&url, &suri, &["device", "set-ask", &ss58(device.account()), &price]);
		assert!(out["ok"].as_str().unwrap().contains("asks"), "{out}");
	}
	let alice_device = net.devices[0].account().clone();

	// Eve bids 1 000 per fuel for 3 replicas: only two devices ask that little.
	let waiting = submit(&url, "//Eve", "1000planck", "3");
	let block = client.best_number().await.unwrap();
	until("a few blocks pass", 30, || async { client.best_number().await.unwrap() > block + 8 })
		.await;
	assert_eq!(task(client, waiting).await.state, TaskState::Queued, "below Alice's ask");

	// The market shows the waiting bid and the three asks, and suggests Alice's level.
	let market = depin_json(&url, "//Eve", &["market"]);
	let levels = market["levels"].as_array().unwrap();
	let at = |price: u128| {
		levels
			.iter()
			.find(|l| l["level"].as_u64() == Some(price_level(price, 1) as u64))
			.unwrap_or_else(|| panic!("no level for {price}: {market}"))
			.clone()
	};
	assert_eq!((at(1_000)["tasks"].as_u64(), at(1_000)["replicas"].as_u64()), (Some(1), Some(3)));
	assert_eq!(at(2_000)["devices"].as_u64(), Some(1), "{market}");
	assert_eq!(at(500)["devices"].as_u64(), Some(2), "{market}");
	let suggested: u128 = market["suggestedPrice"].as_str().unwrap().parse().unwrap();
	assert!(suggested >= 2_000, "three replicas need Alice's device: {market}");
	let (ok, text, _) = cli(&url, &["market"]);
	let alice_level = format!("{} planck", level_floor(price_level(2_000, 1), 1));
	assert!(ok && text.contains(&alice_level) && text.contains("suggested bid"), "{text}");

	// Ferdie bids what the market suggests: every device serves it.
	let auto = submit(&url, "//Ferdie", "auto", "3");
	// Eve raises her waiting bid with `auto`; then bids 1 000 for 2 replicas.
	let out =
		depin_json(&url, "//Eve", &["job", "bump", &waiting.to_string(), "--fuel-price", "auto"]);
	assert!(out["fuelPrice"].as_str().unwrap().parse::<u128>().unwrap() >= 2_000, "{out}");
	let cheap = submit(&url, "//Eve", "1000planck", "2");

	let ids = [waiting, auto, cheap];
	let tasks = wait_finished(client, &ids, Duration::from_secs(240)).await;
	assert!(all_verified(&tasks), "{:?}", tasks.iter().map(|t| t.state).collect::<Vec<_>>());
	for t in &tasks {
		// Who got served and at what price: no device below its ask; each paid the bid.
		let price = t.params.fuel_price;
		for device in devices_of(t) {
			let ask = client.device(&device).await.unwrap().unwrap().ask;
			assert!(ask <= price, "task {} at {price} went to a device asking {ask}", t.id);
		}
		let fuel = t.result.unwrap().fuel_used as u128;
		assert_eq!(t.paid, fuel * price * t.slots.len() as u128, "task {}", t.id);
		println!(
			"task {} bid {price} per fuel: served by {:?}",
			t.id,
			devices_of(t).iter().map(ss58).collect::<Vec<_>>()
		);
	}
	assert!(devices_of(&tasks[1]).contains(&alice_device), "the suggested bid reaches Alice");
	assert!(devices_of(&tasks[0]).contains(&alice_device), "the raised bid reaches Alice");
	assert!(!devices_of(&tasks[2]).contains(&alice_device), "1 000 is below Alice's ask");

	// Once the era ends, the market reports what cleared.
	let era = client.rewards(net.owners[0].account()).await.unwrap().era;
	until("the era ends", 120, || async {
		client.rewards(net.owners[0].account()).await.unwrap().era > era
	})
	.await;
	let market = depin_json(&url, "//Eve", &["market"]);
	let cleared = market["clearedReplicas"].as_u64().unwrap();
	assert!(cleared > 0, "{market}");
	let median: u128 = market["medianClearingPrice"].as_str().unwrap().parse().unwrap();
	let floors: Vec<u128> =
		tasks.iter().map(|t| level_floor(price_level(t.params.fuel_price, 1), 1)).collect();
	assert!(floors.contains(&median), "median {median} is one of the bids' levels {floors:?}");
}
