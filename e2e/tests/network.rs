//! The whole network at work: a dev node, four workers of four owners — one of them
//! faulty — 20 jobs of the five examples with 3 replicas each. Every job is verified
//! with the output of the native build; the liar is slashed and never paid; honest owners
//! are paid exactly fuel × price; the rest of the escrow comes back; era rewards are
//! minted and claimed; total issuance is explained. Then bad input is refused with clear
//! errors and nothing lost, and jobs that loop forever or trap are verified and paid.

use std::{collections::HashMap, time::Duration};

use depin_client::{
	calls,
	primitives::{exit, TaskParams, TaskState},
	types::{AccountId, Balance},
	Client, Error, Signer,
};
use depin_e2e::{all_verified, cli, job_wasm, run_native, wait_finished, Network, JOBS};
use depin_testkit::binary_path;

const PRICE: Balance = 1_000;
const MAX_FUEL: u64 = 20_000_000_000;
const UNIT: Balance = 1_000_000_000_000;

fn inputs(job: &str) -> [&'static str; 4] {
	match job {
		"sha256-chain" => ["1\nhello", "1000\nabc", "20000\nthe quick brown fox", "5\n"],
		"matmul" => [
			"2 1 2 3 4 5 6 7 8",
			"2 NaN 1 inf -1 2 0.5 -0 3",
			"3 1 2 3 4 5 6 7 8 9 9 8 7 6 5 4 3 2 1",
			"1 0.1 0.2",
		],
		"monte-carlo-pi" => ["1000", "20000", "100000", "7"],
		"mandelbrot" => [
			"32 24 -2 -1.2 1 1.2 50",
			"64 48 -2 -1.2 1 1.2 100",
			"16 16 -0.75 0.05 -0.7 0.1 200",
			"8 4 -2 -1 1 1 10",
		],
		"primes" => ["10", "1000", "100000", "2000000"],
		_ => unreachable!(),
	}
}

fn params(replicas: u8) -> TaskParams<Balance> {
	TaskParams {
		max_fuel: MAX_FUEL,
		fuel_price: PRICE,
		replicas,
		memory_mib: 128,
		deadline: 600,
		portable: false,
	}
}

/// Four owners (Alice … Dave) with one device each (their stash keys); Dave's is faulty.
async fn network() -> Network {
	Network::start(
		500,
		&[("Alice", &[]), ("Bob", &[]), ("Charlie", &[]), ("Dave", &["--fault", "wrong-result"])],
	)
	.await
}

async fn free(client: &Client, who: &AccountId) -> Balance {
	client.free_balance(who).await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn twenty_jobs_with_a_liar_are_verified_paid_and_rewarded() {
	let net = network().await;
	let (client, url) = (&net.client, net.node.ws_url());
	let dapp = Signer::from_suri("//Eve").unwrap();
	let liar = net.devices[3].account().clone();

	let issuance_before = client.total_issuance().await.unwrap();
	let stats_before = client.stats().await.unwrap();
	let owners_before: Vec<Balance> =
		futures_join(net.owners.iter().map(|o| free(client, o.account()))).await;
	let dapp_before = free(client, dapp.account()).await;

	// Upload the five programs and submit 20 jobs.
	let mut spent_fees = 0;
	let mut deposits = 0;
	let mut programs = HashMap::new();
	for job in JOBS {
		let code = job_wasm(job);
		deposits += UNIT + code.len() as Balance * 1_000_000;
		let id = depin_client::primitives::program_id(&code);
		spent_fees += client.submit(&dapp, calls::upload_program(code)).await.unwrap().fee();
		programs.insert(job, id);
	}
	let mut submitted = Vec::new();
	for job in JOBS {
		for input in inputs(job) {
			let task = client.stats().await.unwrap().tasks_submitted;
			let r = client
				.submit(
					&dapp,
					calls::submit_task(programs[job], input.as_bytes().to_vec(), params(3)),
				)
				.await
				.unwrap();
			spent_fees += r.fee();
			// The task deposit stays held until the task is pruned (a day later).
			deposits += UNIT / 10 + input.len() as Balance * 1_000_000;
			submitted.push((task, job, input));
		}
	}
	let ids: Vec<u64> = submitted.iter().map(|(t, ..)| *t).collect();

	let tasks = wait_finished(client, &ids, Duration::from_secs(400)).await;
	assert!(
		all_verified(&tasks),
		"{:?}",
		tasks.iter().map(|t| (t.id, t.state)).collect::<Vec<_>>()
	);

	// Every verified output is the native build's output, byte for byte.
	let mut paid_to: HashMap<AccountId, Balance> = HashMap::new();
	let mut output_deposits = 0;
	let fees = &mut 0;
	for ((id, job, input), task) in submitted.iter().zip(&tasks) {
		let output = client.output(*id).await.unwrap().expect("output stored");
		assert_eq!(output, run_native(job, *id, input.as_bytes()), "task {id} ({job} {input:?})");
		let result = task.result.unwrap();
		assert_eq!(result.exit, 0, "{job}");
		output_deposits += output.len() as Balance * 1_000_000;
		for slot in &task.slots {
			if slot.device != liar {
				*paid_to.entry(slot.owner.clone()).or_default() +=
					result.fuel_used as Balance * PRICE;
				*fees += result.fuel_used as Balance * PRICE / 10;
			}
		}
	}

	// The liar: slashed every time it was caught, never paid.
	let liar_info = client.device(&liar).await.unwrap().unwrap();
	assert!(
		liar_info.reputation.invalid > 0 && liar_info.reputation.valid == 0,
		"{:?}",
		liar_info.reputation
	);
	assert!(liar_info.bond < 100 * UNIT);
	assert_eq!(
		free(client, net.owners[3].account()).await,
		owners_before[3],
		"the liar's owner earned nothing"
	);

	// Honest owners: exactly fuel × price for each of their verified results, less the
	// 10 % protocol fee that goes to the treasury.
	for (i, o) in net.owners.iter().enumerate().take(3) {
		let value = paid_to.get(o.account()).copied().unwrap_or(0);
		assert!(value > 0, "owner {i} got work");
		let expected = owners_before[i] + value - value / 10;
		assert_eq!(free(client, o.account()).await, expected, "owner {i}");
	}

	// The dApp paid fees, deposits, the devices and the output deposits; the rest of
	// every escrow came back.
	let paid: Balance = tasks.iter().map(|t| t.paid).sum();

	assert_eq!(paid, paid_to.values().sum::<Balance>());
	assert_eq!(*fees, paid / 10);
	assert!(tasks.iter().all(|t| t.escrow == 0));

	assert_eq!(
		free(client, dapp.account()).await,
		dapp_before - spent_fees - deposits - paid - output_deposits
	);

	// An era ends; the minted rewards are claimed through the CLI.
	let era = client.rewards(net.owners[0].account()).await.unwrap();
	assert!(era.era_points > 0);
	let deadline = tokio::time::Instant::now() + Duration::from_secs(120);
	let claimable = loop {
		let r = client.rewards(net.owners[0].account()).await.unwrap();
		if r.era > era.era && r.claimable > 0 {
			break r.claimable;
		}
		assert!(tokio::time::Instant::now() < deadline, "the era did not end");
		tokio::time::sleep(Duration::from_millis(500)).await;
	};
	let before = free(client, net.owners[0].account()).await;
	let (ok, stdout, stderr) = cli(&url, &["rewards", "claim", "--suri", "//Alice"]);
	assert!(ok, "claim failed: {stdout} {stderr}");
	let after = free(client, net.owners[0].account()).await;
	assert!(after > before && after <= before + claimable, "claimed {}", after - before);
	assert!(before + claimable - after < UNIT / 100, "only the fee is missing");

	// Total issuance: genesis + minted − slashed (fees go to the treasury).
	let stats = client.stats().await.unwrap();
	assert!(stats.minted > stats_before.minted && stats.slashed > stats_before.slashed);
	assert_eq!(
		client.total_issuance().await.unwrap(),
		issuance_before + (stats.minted - stats_before.minted)
			- (stats.slashed - stats_before.slashed)
	);
}

/// Awaits each future in order.
async fn futures_join<F: std::future::Future<Output = Balance>>(
	futs: impl Iterator<Item = F>,
) -> Vec<Balance> {
	let mut out = Vec::new();
	for f in futs {
		out.push(f.await);
	}
	out
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_is_refused_and_hostile_jobs_are_verified_and_paid() {
	let net = network().await;
	let (client, url) = (&net.client, net.node.ws_url());
	let dapp = Signer::from_suri("//Ferdie").unwrap();
	let dir = tempfile::tempdir().unwrap();

	// A "program" that is not Wasm: refused by the CLI before signing, and by the chain.
	let script = dir.path().join("job.sh");
	std::fs::write(&script, "#!/bin/sh\necho hi\n").unwrap();
	let (ok, _, stderr) =
		cli(&url, &["program", "upload", script.to_str().unwrap(), "--suri", "//Ferdie"]);
	assert!(!ok && stderr.contains("not a WebAssembly module"), "{stderr}");
	let held_before = client.account(dapp.account()).await.unwrap().data.reserved;
	let err = client.submit(&dapp, calls::upload_program(b"#!/bin/sh".to_vec())).await.unwrap_err();
	assert!(matches!(&err, Error::Dispatch { error, .. } if error == "NotWasm"), "{err}");

	// An oversized inline input: refused by the CLI (a file that large is stored as a blob,
	// stdin cannot be read twice) and by the chain; nothing held.
	let code = job_wasm("primes");
	client.submit(&dapp, calls::upload_program(code.clone())).await.unwrap();
	let program = depin_client::primitives::program_id(&code);
	let big = dir.path().join("big.bin");
	std::fs::write(&big, vec![b'1'; 200 * 1024]).unwrap();
	let program_hex = format!("0x{}", hex_of(&program));
	let piped = std::process::Command::new(binary_path("depin"))
		.args(["--url", &url, "job", "submit", "--program", &program_hex, "--input", "-"])
		.args(["--suri", "//Ferdie"])
		.stdin(std::fs::File::open(&big).unwrap())
		.output()
		.unwrap();
	let stderr = String::from_utf8_lossy(&piped.stderr);
	assert!(
		!piped.status.success() && stderr.contains("above the chain's inline limit"),
		"{stderr}"
	);
	let err = client
		.submit(&dapp, calls::submit_task(program, vec![b'1'; 200 * 1024], params(3)))
		.await
		.unwrap_err();
	assert!(matches!(&err, Error::Dispatch { error, .. } if error == "InputTooLarge"), "{err}");
	let held = client.account(dapp.account()).await.unwrap().data.reserved;
	assert_eq!(
		held,
		held_before + UNIT + code.len() as Balance * 1_000_000,
		"only the program deposit is held"
	);

	// An escrow the account cannot pay: a clear CLI error.
	let (ok, _, stderr) = cli(
		&url,
		&[
			"job",
			"submit",
			"--program",
			&program_hex,
			"--fuel-price",
			"1000000",
			"--suri",
			"//Ferdie",
		],
	);
	assert!(!ok && stderr.contains("insufficient balance for the escrow"), "{stderr}");

	// The same for a program file not on chain yet: refused before anything is uploaded.
	let reverse = wat::parse_str(depin_testkit::wasm::REVERSE).unwrap();
	let reverse_file = dir.path().join("reverse.wasm");
	std::fs::write(&reverse_file, &reverse).unwrap();
	let reverse_path = reverse_file.to_str().unwrap();
	let submit = ["job", "submit", "--program", reverse_path, "--suri", "//Ferdie"];
	let (ok, _, stderr) = cli(&url, &[&submit[..], &["--fuel-price", "1000000"]].concat());
	assert!(!ok && stderr.contains("insufficient balance for the escrow"), "{stderr}");
	let reverse_id = depin_client::primitives::program_id(&reverse);
	assert!(client.program(&reverse_id).await.unwrap().is_none(), "nothing uploaded");
	// `--out` means nothing without `--wait`.
	let (ok, _, stderr) = cli(&url, &[&submit[..], &["--out", "x"]].concat());
	assert!(!ok && stderr.contains("--wait"), "{stderr}");
	// With `--out -` stdout carries the output and nothing else; status goes to stderr.
	let input = dir.path().join("input");
	std::fs::write(&input, "stressed").unwrap();
	let piped = ["--input", input.to_str().unwrap(), "--wait", "--out", "-"];
	let (ok, stdout, stderr) = cli(&url, &[&submit[..], &piped[..]].concat());
	assert!(ok, "{stderr}");
	assert_eq!(stdout, "desserts");
	assert!(stderr.contains("Verified") && stderr.contains("written to -"), "{stderr}");
	// A wait that gives up prints the task and exits with its own status (4).
	let gave_up = std::process::Command::new(binary_path("depin"))
		.args(["--url", &url])
		.args(
			[&submit[..], &["--input", input.to_str().unwrap(), "--wait", "--timeout", "0"]]
				.concat(),
		)
		.output()
		.unwrap();
	let stdout = String::from_utf8_lossy(&gave_up.stdout);
	assert_eq!(gave_up.status.code(), Some(4), "{stdout}");
	assert!(stdout.contains("task ") && stdout.contains("still"), "{stdout}");

	// A job that loops forever ends by fuel, one that traps ends trapped: both verified
	// and paid for the fuel they burned.
	let looping = wat::parse_str(
		r#"(module (memory (export "memory") 1) (func (export "_start") (loop $l (br $l))))"#,
	)
	.unwrap();
	let trapping = wat::parse_str(
		r#"(module (memory (export "memory") 1) (func (export "_start") unreachable))"#,
	)
	.unwrap();
	let mut ids = Vec::new();
	for (code, fuel) in [(looping, 50_000_000u64), (trapping, 1_000_000)] {
		client.submit(&dapp, calls::upload_program(code.clone())).await.unwrap();
		let id = client.stats().await.unwrap().tasks_submitted;
		let p = TaskParams { max_fuel: fuel, ..params(3) };
		client
			.submit(
				&dapp,
				calls::submit_task(depin_client::primitives::program_id(&code), vec![], p),
			)
			.await
			.unwrap();
		ids.push(id);
	}
	let tasks = wait_finished(client, &ids, Duration::from_secs(120)).await;
	let (looped, trapped) = (tasks[0].result.unwrap(), tasks[1].result.unwrap());
	assert_eq!(
		(tasks[0].state, looped.exit, looped.fuel_used),
		(TaskState::Verified, exit::OUT_OF_FUEL, 50_000_000)
	);
	assert_eq!((tasks[1].state, trapped.exit), (TaskState::Verified, exit::TRAP));
	let liar = net.devices[3].account();
	let honest = tasks[0].slots.iter().filter(|s| &s.device != liar).count() as Balance;
	assert_eq!(
		tasks[0].paid,
		honest * 50_000_000 * PRICE,
		"honest replicas were paid max_fuel × price"
	);
	assert!(tasks[1].paid > 0);

	// The CLI shows the task.
	let (ok, stdout, _) = cli(&url, &["job", "status", &ids[0].to_string()]);
	assert!(ok && stdout.contains("Verified") && stdout.contains("out of fuel"), "{stdout}");
	let (ok, stdout, _) = cli(&url, &["--json", "stats"]);
	assert!(ok && stdout.contains("\"devices\":4"), "{stdout}");
}

fn hex_of(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}
