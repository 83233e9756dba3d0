//! Adversarial simulation of the whole compute runtime: honest dApps and devices, and an
//! attacker holding a third of the devices under many owner accounts (colluding liars,
//! withholders, copiers), a self-dealing dApp and a griefing dApp (unservable tasks,
//! submit-and-cancel spam, timer flooding). After every block it checks:
//! - every pallet's `try_state`, and total issuance = genesis + minted − slashed;
//! - per-account conservation: a dApp's free + held + what its tasks paid + forfeited
//!   deposits is what it started with; an owner's free + held is what it started with,
//!   plus what it was paid and claimed, less what it was slashed;
//! - liveness: every task is final once its deadline has passed;
//! - no honest device is slashed, except in a task whose verified result is wrong (a
//!   colluding majority won it: the limit of majority voting, counted and compared with
//!   the binomial model).
//!
//! `DEPIN_SIM_BLOCKS` (default 300) and `DEPIN_SIM_SEEDS` (default 2) set its length;
//! `scripts/bench.sh` runs the long form (≥ 10⁵ steps).

use std::collections::{BTreeMap, BTreeSet};

use depin_primitives::{
	commitment, device_consent_payload, output_hash, output_key, output_proof, DeviceSpec,
	ExecResult, Hash32, TaskParams, TaskState,
};
use depin_runtime::{
	AccountId, Balance, Balances, Devices, Market, Rewards, Runtime, RuntimeEvent,
	RuntimeGenesisConfig, RuntimeOrigin, System, Verification, UNIT,
};
use frame_support::traits::{
	fungible::{Inspect, InspectHold},
	Hooks,
};
use sp_core::{sr25519, Pair, H256};
use sp_runtime::{traits::IdentifyAccount, BuildStorage, MultiSigner};

const HONEST_OWNERS: usize = 8;
const HONEST_DEVICES_PER_OWNER: usize = 4;
const SYBIL_OWNERS: usize = 8;
const SYBIL_DEVICES_PER_OWNER: usize = 2;
const HONEST_DAPPS: usize = 3;
const ENDOWMENT: Balance = 1_000_000 * UNIT;
const PRICE: Balance = 1_000;
const REPLICAS: u8 = 3;
const DEADLINE: u32 = 150;
/// Memory the attacker's devices offer: more than honest devices (2 048 MiB), in the same
/// power-of-two tier, and less than 4 096 MiB, which nobody offers.
const ATTACKER_MEMORY_MIB: u32 = 3_072;

/// What a device does with its assignments.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
	/// Runs every job and answers in time.
	Honest,
	/// Reveals the attacker's agreed wrong result (all liars agree).
	Liar,
	/// Commits the honest result and never reveals it.
	Withholder,
	/// Copies a result already revealed in the task (an escalation); runs the job when
	/// nothing is revealed yet.
	Copier,
}

struct Device {
	pair: sr25519::Pair,
	account: AccountId,
	owner: AccountId,
	role: Role,
}

fn key(name: &str) -> (sr25519::Pair, AccountId) {
	let pair = sr25519::Pair::from_string(name, None).expect("valid derivation");
	let account = MultiSigner::from(pair.public()).into_account();
	(pair, account)
}

/// What the job of `task` outputs.
fn honest_output(task: u64) -> Vec<u8> {
	task.to_le_bytes().to_vec()
}

/// What the colluding liars all output instead.
const LIE: &[u8] = b"the attacker's answer";

fn honest_result(task: u64) -> ExecResult {
	ExecResult {
		exit: 0,
		output_hash: output_hash(&honest_output(task)),
		fuel_used: 1_000 + task % 1_000,
	}
}

fn lie(task: u64) -> ExecResult {
	ExecResult { output_hash: output_hash(LIE), ..honest_result(task) }
}

/// What a device committed to in a task.
#[derive(Clone)]
struct Answer {
	result: ExecResult,
	/// The output it holds; none for a copier, which only saw the result.
	output: Option<Vec<u8>>,
	proof: Hash32,
	salt: [u8; 32],
}

fn spec(memory_mib: u32) -> DeviceSpec {
	DeviceSpec {
		cores: 2,
		memory_mib,
		fuel_per_second: 1_000_000_000,
		executor_version: depin_primitives::EXECUTOR_VERSION,
		determinism_class: 1,
	}
}

fn params(replicas: u8, memory_mib: u32) -> TaskParams<Balance> {
	TaskParams {
		max_fuel: 10_000,
		fuel_price: PRICE,
		replicas,
		memory_mib,
		deadline: DEADLINE,
		portable: false,
	}
}

/// What happened, to show the simulation is not vacuous and to compare with the model.
#[derive(Default, Debug)]
struct Seen {
	steps: u64,
	blocks: u64,
	tasks: u64,
	verified: u64,
	verified_wrong: u64,
	failed: u64,
	escalated: u64,
	liar_slots: u64,
	slots: u64,
	wrong_results_slashed: u64,
	withheld_slashed: u64,
	honest_slashed_by_majority: u64,
	refused_unservable: u64,
	spam_cancelled: u64,
	topped_up: u64,
	copies: u64,
	copier_paid: Balance,
	copier_slashed: Balance,
	/// Copies unmasked at publication (the verified result without the output's proof).
	copies_unproven: u64,
	published: u64,
}

struct World {
	rng: fastrand::Rng,
	devices: Vec<Device>,
	honest_dapps: Vec<AccountId>,
	self_dealer: AccountId,
	griefer: AccountId,
	program: [u8; 32],
	initial: BTreeMap<AccountId, Balance>,
	/// Per owner: paid + claimed − slashed so far.
	owner_delta: BTreeMap<AccountId, i128>,
	/// Per dApp: deposits forfeited so far.
	forfeited: BTreeMap<AccountId, Balance>,
	/// Tasks that have been created, with their deadline block.
	deadlines: BTreeMap<u64, u32>,
	/// (task, device) answers sent, so devices act once per phase.
	committed: BTreeSet<(u64, AccountId)>,
	/// The tasks where a copier copied its result instead of running the job.
	copies: BTreeSet<(u64, AccountId)>,
	revealed: BTreeSet<(u64, AccountId)>,
	/// What each device committed in each task.
	results: BTreeMap<(u64, AccountId), Answer>,
	/// The block each device was first asked to publish a task's output in.
	publish_asked: BTreeMap<(u64, AccountId), u32>,
	genesis_issuance: Balance,
	seen: Seen,
}

impl World {
	fn new(seed: u64) -> (Self, sp_io::TestExternalities) {
		let mut devices = Vec::new();
		let mut endowed = Vec::new();
		for o in 0..HONEST_OWNERS {
			let (_, owner) = key(&format!("//honest/{o}"));
			endowed.push(owner.clone());
			for d in 0..HONEST_DEVICES_PER_OWNER {
				let (pair, account) = key(&format!("//honest/{o}/device/{d}"));
				devices.push(Device { pair, account, owner: owner.clone(), role: Role::Honest });
			}
		}
		let roles = [Role::Liar, Role::Liar, Role::Withholder, Role::Copier];
		for o in 0..SYBIL_OWNERS {
			let (_, owner) = key(&format!("//sybil/{o}"));
			endowed.push(owner.clone());
			for d in 0..SYBIL_DEVICES_PER_OWNER {
				let (pair, account) = key(&format!("//sybil/{o}/device/{d}"));
				let role = roles[(o * SYBIL_DEVICES_PER_OWNER + d) % roles.len()];
				devices.push(Device { pair, account, owner: owner.clone(), role });
			}
		}
		let honest_dapps: Vec<AccountId> =
			(0..HONEST_DAPPS).map(|i| key(&format!("//dapp/{i}")).1).collect();
		let self_dealer = key("//sybil/0").1;
		let griefer = key("//griefer").1;
		endowed.extend(honest_dapps.iter().cloned());
		endowed.push(griefer.clone());
		endowed.push(depin_runtime::configs::depin::TreasuryAccount::get());
		let config = RuntimeGenesisConfig {
			balances: pallet_balances::GenesisConfig {
				balances: endowed.iter().map(|a| (a.clone(), ENDOWMENT)).collect(),
				..Default::default()
			},
			..Default::default()
		};
		let ext: sp_io::TestExternalities = config.build_storage().expect("genesis").into();
		let world = Self {
			rng: fastrand::Rng::with_seed(seed),
			devices,
			honest_dapps,
			self_dealer,
			griefer,
			program: [0; 32],
			initial: endowed.iter().map(|a| (a.clone(), ENDOWMENT)).collect(),
			owner_delta: BTreeMap::new(),
			forfeited: BTreeMap::new(),
			deadlines: BTreeMap::new(),
			committed: BTreeSet::new(),
			copies: BTreeSet::new(),
			revealed: BTreeSet::new(),
			results: BTreeMap::new(),
			publish_asked: BTreeMap::new(),
			genesis_issuance: 0,
			seen: Seen::default(),
		};
		(world, ext)
	}

	/// Registers every device (honest ones offer 2 048 MiB, the attacker's 3 072 MiB so
	/// its self-dealt tasks reach only its own devices) and uploads the program.
	fn setup(&mut self) {
		System::set_block_number(1);
		self.genesis_issuance = Balances::total_issuance();
		let genesis = System::block_hash(0);
		for d in &self.devices {
			let memory = if d.role == Role::Honest { 2_048 } else { ATTACKER_MEMORY_MIB };
			let registrations = pallet_devices::Registrations::<Runtime>::get(&d.account);
			let payload = device_consent_payload(&d.owner, &genesis, registrations);
			let consent = d.pair.sign(&payload).into();
			Devices::register_device(
				RuntimeOrigin::signed(d.owner.clone()),
				d.account.clone(),
				spec(memory),
				consent,
			)
			.expect("registers");
			Devices::heartbeat(RuntimeOrigin::signed(d.account.clone())).expect("heartbeat");
		}
		let code = b"\0asm\x01\0\0\0simulated job".to_vec();
		self.program = depin_primitives::program_id(&code);
		Market::upload_program(RuntimeOrigin::signed(self.honest_dapps[0].clone()), code)
			.expect("upload");
	}

	fn next_block(&mut self) {
		let n = System::block_number() + 1;
		let parent = H256::from_low_u64_le(self.rng.u64(..));
		System::reset_events();
		System::initialize(&n, &parent, &Default::default());
		Market::on_initialize(n);
		Rewards::on_initialize(n);
		self.seen.blocks += 1;
	}

	fn submit(&mut self, who: AccountId, p: TaskParams<Balance>) -> Option<u64> {
		self.seen.steps += 1;
		let task = pallet_market::Counters::<Runtime>::get().next_task_id;
		let input = task.to_le_bytes().to_vec();
		Market::submit_task(RuntimeOrigin::signed(who), self.program, input, p).ok()?;
		self.deadlines.insert(task, System::block_number() + p.deadline);
		self.seen.tasks += 1;
		Some(task)
	}

	fn dapps_act(&mut self) {
		for i in 0..self.honest_dapps.len() {
			if self.rng.u64(..100) < 40 {
				let who = self.honest_dapps[i].clone();
				self.submit(who, params(REPLICAS, 512));
			}
		}
		// Self-dealing: tasks only the attacker's devices can serve.
		if self.rng.u64(..100) < 20 {
			self.submit(self.self_dealer.clone(), params(2, ATTACKER_MEMORY_MIB));
		}
		// Griefing.
		match self.rng.u64(..10) {
			0 => {
				// More memory than any registered device offers.
				self.seen.steps += 1;
				let refused = Market::submit_task(
					RuntimeOrigin::signed(self.griefer.clone()),
					self.program,
					vec![],
					params(7, 4_096),
				)
				.is_err();
				self.seen.refused_unservable += refused as u64;
			}
			1..=3 => {
				// Submit and cancel at once, with deadlines piled on one block.
				let at = DEADLINE + (System::block_number() % 3);
				if let Some(t) = self.submit(
					self.griefer.clone(),
					TaskParams { deadline: at, ..params(REPLICAS, 512) },
				) {
					self.seen.steps += 1;
					if Market::cancel_task(RuntimeOrigin::signed(self.griefer.clone()), t).is_ok() {
						self.seen.spam_cancelled += 1;
					}
				}
			}
			_ => {}
		}
	}

	/// The result `device` commits in `task`, and the output it holds.
	fn answer(
		&mut self,
		task: u64,
		device: &AccountId,
		role: Role,
		self_dealt: bool,
	) -> (ExecResult, Option<Vec<u8>>) {
		let honest = (honest_result(task), Some(honest_output(task)));
		if self_dealt {
			// The attacker's own tasks: its devices agree.
			return honest;
		}
		match role {
			Role::Honest | Role::Withholder => honest,
			Role::Liar => (lie(task), Some(LIE.to_vec())),
			Role::Copier => {
				// In an escalation it copies the first result revealed (reveals show results,
				// never outputs); with nothing revealed yet it runs the job.
				let round = pallet_verification::Rounds::<Runtime>::get(task);
				match round.and_then(|r| r.reveals().next().map(|(_, revealed)| revealed)) {
					Some(first) => {
						self.seen.copies += 1;
						self.copies.insert((task, device.clone()));
						(first.result, None)
					}
					_ => honest,
				}
			}
		}
	}

	fn devices_act(&mut self) {
		let now = System::block_number();
		let period: u32 = <Runtime as pallet_devices::Config>::HeartbeatPeriod::get();
		for i in 0..self.devices.len() {
			let (account, role) = (self.devices[i].account.clone(), self.devices[i].role);
			// Like a worker: one heartbeat per period, the devices spread over it.
			if now % period == (i as u32) % period {
				self.seen.steps += 1;
				let _ = Devices::heartbeat(RuntimeOrigin::signed(account.clone()));
			}
			// Every owner keeps its slashed devices working: it tops their bonds up (an honest
			// device is slashed when a colluding majority outvotes it).
			{
				let info = pallet_devices::Devices::<Runtime>::get(&account).expect("registered");
				if !info.listed && info.bond < <Runtime as pallet_devices::Config>::MinBond::get() {
					self.seen.steps += 1;
					let owner = self.devices[i].owner.clone();
					Devices::top_up_bond(RuntimeOrigin::signed(owner), account.clone())
						.expect("the attacker can pay");
					self.seen.topped_up += 1;
				}
			}
			for a in Market::assignments(&account) {
				let key = (a.task, account.clone());
				let self_dealt = pallet_market::Tasks::<Runtime>::get(a.task)
					.is_some_and(|t| t.submitter == self.self_dealer);
				match a.phase {
					depin_primitives::AssignmentPhase::Commit if !self.committed.contains(&key) => {
						let (result, output) = self.answer(a.task, &account, role, self_dealt);
						let salt = [self.rng.u64(..) as u8; 32];
						// Without the output a copier can only guess the proof.
						let proof = match &output {
							Some(o) => output_proof(a.task, &output_key(o), &account),
							None => [self.rng.u64(..) as u8; 32],
						};
						let c = commitment(a.task, &result, &proof, &salt, &account);
						self.seen.steps += 1;
						Verification::commit(RuntimeOrigin::signed(account.clone()), a.task, c)
							.expect("a device commits to its assignment");
						self.results.insert(key.clone(), Answer { result, output, proof, salt });
						self.committed.insert(key);
					}
					depin_primitives::AssignmentPhase::Reveal if !self.revealed.contains(&key) => {
						if role == Role::Withholder && !self_dealt {
							continue;
						}
						let Answer { result, proof, salt, output } = self.results[&key].clone();
						// Like a worker: the output goes with the reveal that completes a
						// quorum; a copier has none.
						let output = output.filter(|_| a.completes_quorum(&result));
						self.seen.published += output.is_some() as u64;
						self.seen.steps += 1;
						Verification::reveal(
							RuntimeOrigin::signed(account.clone()),
							a.task,
							result,
							proof,
							salt,
							output,
						)
						.expect("a device reveals what it committed");
						self.revealed.insert(key);
					}
					depin_primitives::AssignmentPhase::Publish { designated } => {
						// Like a worker: the designated device at once, the others after a
						// grace of 2 blocks; a device without the output cannot.
						let asked = *self.publish_asked.entry(key.clone()).or_insert(now);
						let Some(output) = self.results[&key].output.clone() else { continue };
						if designated || now >= asked + 2 {
							self.seen.steps += 1;
							let origin = RuntimeOrigin::signed(account.clone());
							let published =
								Verification::publish_output(origin, a.task, output).is_ok();
							self.seen.published += published as u64;
						}
					}
					_ => {}
				}
			}
		}
	}

	fn is_honest_dapps(&self, task: u64) -> bool {
		pallet_market::Tasks::<Runtime>::get(task)
			.is_some_and(|t| self.honest_dapps.contains(&t.submitter))
	}

	/// Whether `device` copied its result in `task`.
	fn copied(&self, task: u64, device: &AccountId) -> bool {
		self.copies.contains(&(task, device.clone()))
	}

	fn role_of(&self, device: &AccountId) -> Option<Role> {
		self.devices.iter().find(|d| &d.account == device).map(|d| d.role)
	}

	/// Reads the block's events and checks every invariant.
	fn check(&mut self) {
		for record in System::events() {
			match record.event {
				RuntimeEvent::Market(pallet_market::Event::DevicePaid {
					task,
					device,
					owner,
					amount,
					..
				}) => {
					let state = pallet_market::Tasks::<Runtime>::get(task).map(|t| t.state);
					assert_eq!(state, Some(TaskState::Verified), "payment for an unverified task");
					*self.owner_delta.entry(owner).or_default() += amount as i128;
					if self.copied(task, &device) {
						self.seen.copier_paid += amount;
					}
				}
				RuntimeEvent::Market(pallet_market::Event::TaskAssigned { task, device })
					if self.is_honest_dapps(task) =>
				{
					self.seen.slots += 1;
					self.seen.liar_slots += (self.role_of(&device) == Some(Role::Liar)) as u64;
				}
				RuntimeEvent::Market(pallet_market::Event::TaskAbandoned {
					task,
					forfeited,
					..
				}) => {
					let submitter = pallet_market::Tasks::<Runtime>::get(task).unwrap().submitter;
					*self.forfeited.entry(submitter).or_default() += forfeited;
				}
				RuntimeEvent::Market(pallet_market::Event::SlotReleased {
					device,
					reason: pallet_market::ReleaseReason::CommitTimeout,
					..
				}) => {
					assert_ne!(
						self.role_of(&device),
						Some(Role::Honest),
						"honest device timed out"
					);
				}
				RuntimeEvent::Devices(pallet_devices::Event::DeviceSlashed {
					owner,
					amount,
					..
				}) => {
					*self.owner_delta.entry(owner).or_default() -= amount as i128;
				}
				RuntimeEvent::Verification(pallet_verification::Event::WrongResult {
					task,
					device,
					slashed,
				}) => {
					self.seen.wrong_results_slashed += 1;
					if self.copied(task, &device) {
						self.seen.copier_slashed += slashed;
					}
					if self.role_of(&device) == Some(Role::Honest) {
						let verified = pallet_market::Tasks::<Runtime>::get(task)
							.and_then(|t| t.result)
							.expect("a verdict exists");
						assert_ne!(
							verified,
							honest_result(task),
							"honest device {device} slashed in task {task} with a right verdict"
						);
						self.seen.honest_slashed_by_majority += 1;
					}
				}
				RuntimeEvent::Verification(pallet_verification::Event::ResultUnproven {
					task,
					device,
					slashed,
				}) => {
					assert!(self.copied(task, &device), "{device} held the output of task {task}");
					self.seen.copies_unproven += 1;
					self.seen.copier_slashed += slashed;
				}
				RuntimeEvent::Verification(pallet_verification::Event::RevealMissed {
					device,
					..
				}) => {
					assert_ne!(self.role_of(&device), Some(Role::Honest), "honest reveal missed");
					self.seen.withheld_slashed += 1;
				}
				RuntimeEvent::Verification(pallet_verification::Event::TaskVerified {
					task,
					result,
					..
				}) if self.is_honest_dapps(task) => {
					self.seen.verified += 1;
					self.seen.verified_wrong += (result != honest_result(task)) as u64;
				}
				RuntimeEvent::Verification(pallet_verification::Event::NoQuorum {
					action, ..
				}) => match action {
					pallet_verification::NoQuorumAction::Escalated => self.seen.escalated += 1,
					pallet_verification::NoQuorumAction::Failed => self.seen.failed += 1,
				},
				RuntimeEvent::Rewards(pallet_rewards::Event::RewardsClaimed { owner, amount }) => {
					*self.owner_delta.entry(owner).or_default() += amount as i128;
				}
				_ => {}
			}
		}

		Devices::do_try_state().expect("device invariants");
		Market::do_try_state().expect("market invariants");
		Verification::do_try_state().expect("verification invariants");
		Rewards::do_try_state().expect("rewards invariants");
		let minted = pallet_rewards::TotalMinted::<Runtime>::get();
		let slashed = pallet_devices::TotalSlashed::<Runtime>::get();
		assert_eq!(Balances::total_issuance(), self.genesis_issuance + minted - slashed);

		let now = System::block_number();
		for (task, deadline) in &self.deadlines {
			if *deadline < now {
				let state = pallet_market::Tasks::<Runtime>::get(task).map(|t| t.state);
				assert!(
					state.is_none_or(|s| s.is_final()),
					"task {task} still {state:?} after its deadline {deadline}"
				);
			}
		}
		self.check_conservation();
	}

	fn total(who: &AccountId) -> Balance {
		Balances::balance(who) + Balances::total_balance_on_hold(who)
	}

	fn check_conservation(&self) {
		let mut paid_by = BTreeMap::<AccountId, Balance>::new();
		for (_, task) in pallet_market::Tasks::<Runtime>::iter() {
			*paid_by.entry(task.submitter).or_default() += task.paid;
		}
		for dapp in self.honest_dapps.iter().chain([&self.griefer]) {
			let spent = paid_by.get(dapp).copied().unwrap_or(0)
				+ self.forfeited.get(dapp).copied().unwrap_or(0);
			assert_eq!(Self::total(dapp) + spent, self.initial[dapp], "dApp {dapp} conservation");
		}
		for owner in self.devices.iter().map(|d| &d.owner).collect::<BTreeSet<_>>() {
			if owner == &self.self_dealer {
				continue; // also a dApp: checked by the self-dealing scenario
			}
			let delta = self.owner_delta.get(owner).copied().unwrap_or(0);
			assert_eq!(
				Self::total(owner) as i128,
				self.initial[owner] as i128 + delta,
				"owner {owner} conservation"
			);
		}
	}

	fn claim_all(&mut self) {
		for owner in self.devices.iter().map(|d| d.owner.clone()).collect::<BTreeSet<_>>() {
			self.seen.steps += 1;
			let _ = Rewards::claim(RuntimeOrigin::signed(owner));
		}
	}
}

fn env_or(name: &str, default: u64) -> u64 {
	std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// P(a majority of `replicas` are liars) when each slot is a liar with probability `p`.
fn binomial_majority(replicas: u32, p: f64) -> f64 {
	let q = replicas / 2 + 1;
	(q..=replicas)
		.map(|k| {
			let choose = (0..k).fold(1.0, |c, i| c * (replicas - i) as f64 / (i + 1) as f64);
			choose * p.powi(k as i32) * (1.0 - p).powi((replicas - k) as i32)
		})
		.sum()
}

#[test]
fn strategic_attackers_cannot_break_the_market() {
	let blocks = env_or("DEPIN_SIM_BLOCKS", 300);
	let seeds = env_or("DEPIN_SIM_SEEDS", 2);
	let mut total = Seen::default();
	for seed in 1..=seeds {
		let (mut world, mut ext) = World::new(seed);
		world.seen = std::mem::take(&mut total);
		ext.execute_with(|| {
			world.setup();
			for b in 0..blocks {
				world.next_block();
				world.dapps_act();
				world.devices_act();
				if b % 150 == 149 {
					world.claim_all();
				}
				world.check();
			}
			// Let every task reach its deadline, with devices still acting.
			for _ in 0..DEADLINE + 2 {
				world.next_block();
				world.devices_act();
				world.check();
			}
		});
		total = world.seen;
	}
	let p = total.liar_slots as f64 / total.slots.max(1) as f64;
	let observed = total.verified_wrong as f64 / total.verified.max(1) as f64;
	println!("{total:#?}");
	println!(
		"accepted wrong results of honest dApps' tasks: {:.4} observed, {:.4} by the binomial \
		 model (a majority of liars among 3 replicas, liar share of slots {:.3}; withholders \
		 and escalations shift it); copiers were paid {} planck and slashed {} for their \
		 copies",
		observed,
		binomial_majority(REPLICAS as u32, p),
		p,
		total.copier_paid,
		total.copier_slashed
	);
	assert!(total.verified > 100 && total.wrong_results_slashed > 0 && total.withheld_slashed > 0);
	// A device that did not run the job gains nothing: a copy is never paid.
	assert_eq!(total.copier_paid, 0, "a copier was paid");
	assert!(total.refused_unservable > 0 && total.spam_cancelled > 0 && total.escalated > 0);
}

#[test]
fn self_dealing_never_pays() {
	let (mut world, mut ext) = World::new(7);
	ext.execute_with(|| {
		world.setup();
		let attacker: Vec<AccountId> = world
			.devices
			.iter()
			.filter(|d| d.role != Role::Honest)
			.flat_map(|d| [d.owner.clone(), d.account.clone()])
			.collect::<BTreeSet<_>>()
			.into_iter()
			.collect();
		let worth = |accounts: &[AccountId]| -> Balance {
			accounts.iter().map(World::total).sum::<Balance>()
		};
		let before = worth(&attacker);
		// Only the attacker works: it pays its own devices, tasks only they can serve.
		for b in 0..400u32 {
			world.next_block();
			if b < 200 {
				for _ in 0..3 {
					world.submit(world.self_dealer.clone(), params(2, ATTACKER_MEMORY_MIB));
				}
			}
			world.devices_act();
			if b % 100 == 99 {
				world.claim_all();
			}
			world.check();
		}
		let minted = pallet_rewards::TotalMinted::<Runtime>::get();
		assert!(minted > 0, "the self-dealt work minted rewards");
		// Deposits still held come back at pruning: count them as the attacker's.
		let after = worth(&attacker);
		assert!(
			after <= before,
			"self-dealing paid: {} planck more (minted {minted})",
			after - before
		);
		println!("self-dealing: attacker lost {} planck, {minted} minted", before - after);
	});
}
