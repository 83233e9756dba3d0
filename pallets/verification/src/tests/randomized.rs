//! Random sequences of every call of the four pallets (and of time passing), checking
//! all invariants after every block:
//! - each pallet's `try_state`;
//! - total issuance = genesis + minted − slashed (the mock burns slashes and charges no
//!   fees);
//! - every payment is for a task that is verified at that moment, and the compute points
//!   credited are at most the value paid.

use super::*;
use depin_primitives::{commitment, output_key, output_proof, DeviceSpec, Hash32, TaskParams};

/// Steps per seed and number of seeds: 40 × 300 = 12 000 steps.
const SEEDS: u64 = 40;
const STEPS: u32 = 300;

/// The honest output of a task: every honest device computes exactly this.
fn honest_output(task: u64) -> Vec<u8> {
	task.to_le_bytes().to_vec()
}

struct World {
	rng: fastrand::Rng,
	/// Devices that lie (always reveal a wrong result).
	liars: Vec<AccountId>,
	genesis_issuance: Balance,
	value_paid: u128,
	/// How often the interesting things happened, to show the test is not vacuous.
	seen: Seen,
}

#[derive(Default, Debug)]
struct Seen {
	verified: u32,
	wrong_results: u32,
	escalated: u32,
	failed: u32,
	eras_minted: u32,
}

impl World {
	fn device(&mut self) -> AccountId {
		101 + self.rng.u64(..12)
	}
	fn owner(&mut self) -> AccountId {
		11 + self.rng.u64(..9)
	}
	fn task(&mut self) -> u64 {
		let next = pallet_market::Counters::<Test>::get().next_task_id;
		self.rng.u64(..next + 1)
	}
	/// What `device` outputs in `task`: liars all output the same wrong bytes.
	fn output_of(&self, task: u64, device: AccountId) -> Vec<u8> {
		let mut output = honest_output(task);
		if self.liars.contains(&device) {
			output.push(0xff);
		}
		output
	}

	fn result_of(&self, task: u64, device: AccountId) -> ExecResult {
		let output = self.output_of(task, device);
		ExecResult {
			exit: 0,
			output_hash: depin_primitives::output_hash(&output),
			fuel_used: 1 + task % MAX_FUEL,
		}
	}

	fn proof_of(&self, task: u64, device: AccountId) -> Hash32 {
		output_proof(task, &output_key(&self.output_of(task, device)), &device)
	}

	fn spec(&mut self) -> DeviceSpec {
		DeviceSpec {
			// Mostly valid; sometimes zero cores (refused).
			cores: if self.rng.u64(..100) < 90 { 1 + self.rng.u64(..3) as u16 } else { 0 },
			memory_mib: 256 + self.rng.u64(..2048) as u32,
			fuel_per_second: 1 + self.rng.u64(..10),
			executor_version: depin_primitives::EXECUTOR_VERSION,
			determinism_class: self.rng.u64(..2),
		}
	}

	fn params(&mut self) -> TaskParams<Balance> {
		let valid = self.rng.u64(..100) < 85;
		TaskParams {
			max_fuel: 1 + self.rng.u64(..MAX_FUEL),
			fuel_price: if valid { 1 + self.rng.u64(..3) } else { 0 },
			replicas: 1 + self.rng.u64(..3) as u8,
			memory_mib: 1 + self.rng.u64(..1000) as u32,
			deadline: if valid { 30 + self.rng.u64(..300) as u32 } else { 2 },
			portable: self.rng.u64(..100) < 50,
		}
	}

	fn reveal(&mut self, t: u64, d: AccountId) {
		let (r, proof) = (self.result_of(t, d), self.proof_of(t, d));
		// With the output attached when the reveal completes a quorum, as a worker does, and
		// now and then when it does not (refused with the reveal).
		let replicas = pallet_market::Tasks::<Test>::get(t).map_or(0, |t| t.replicas());
		let completes =
			depin_primitives::completes_quorum(&Verification::revealed_results(t), replicas, &r);
		let output = (completes || self.rng.u64(..100) < 10).then(|| self.output_of(t, d));
		let _ = Verification::reveal(RuntimeOrigin::signed(d), t, r, proof, salt(d), output);
	}

	fn commit(&mut self, t: u64, d: AccountId) {
		let (r, proof) = (self.result_of(t, d), self.proof_of(t, d));
		let c = commitment(t, &r, &proof, &salt(d), &d);
		let _ = Verification::commit(RuntimeOrigin::signed(d), t, c);
	}

	/// `who` publishes what `d` output in `t` (anyone may try).
	fn publish(&mut self, t: u64, who: AccountId, d: AccountId) {
		let output = self.output_of(t, d);
		let _ = Verification::publish_output(RuntimeOrigin::signed(who), t, output);
	}

	/// Every device does what its assignments ask, except when it stays silent.
	fn answer_assignments(&mut self) {
		for d in 101..=112 {
			for a in pallet_market::Pallet::<Test>::assignments(&d) {
				if self.rng.u64(..100) < 15 {
					continue;
				}
				match a.phase {
					depin_primitives::AssignmentPhase::Commit => self.commit(a.task, d),
					depin_primitives::AssignmentPhase::Reveal => self.reveal(a.task, d),
					depin_primitives::AssignmentPhase::Publish { .. } => self.publish(a.task, d, d),
					_ => {}
				}
			}
		}
	}

	fn step(&mut self) {
		let origin = |who: AccountId| RuntimeOrigin::signed(who);
		// Results are ignored: failing calls must fail cleanly, which the invariants check.
		match self.rng.u64(..100) {
			0..=4 => {
				let (o, d, spec) = (self.owner(), self.device(), self.spec());
				let _ = register(o, d, spec);
			}
			5..=14 => {
				let d = self.device();
				let _ = Devices::heartbeat(origin(d));
			}
			15..=17 => {
				let (o, d, spec) = (self.owner(), self.device(), self.spec());
				let _ = match self.rng.u64(..5) {
					0 => Devices::pause(origin(o), d),
					1 => Devices::resume(origin(o), d),
					2 => Devices::deregister(origin(o), d),
					3 => Devices::withdraw_bond(origin(o), d),
					_ => Devices::update_spec(origin(o), d, spec),
				};
			}
			18..=21 => {
				let mut code = if self.rng.u64(..100) < 90 {
					vec![0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]
				} else {
					vec![1, 2, 3]
				};
				code.push(self.rng.u64(..4) as u8);
				let who = if self.rng.u64(..100) < 80 { 1 } else { 2 };
				let _ = Market::upload_program(origin(who), code.clone());
				if self.rng.u64(..100) < 10 {
					let _ =
						Market::remove_program(origin(who), depin_primitives::program_id(&code));
				}
			}
			22..=33 => {
				let mut code = vec![0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
				code.push(self.rng.u64(..4) as u8);
				let params = self.params();
				let who = if self.rng.u64(..100) < 90 { 1 } else { 2 };
				let input = vec![0u8; self.rng.u64(..80) as usize];
				let _ = Market::submit_task(
					origin(who),
					depin_primitives::program_id(&code),
					input,
					params,
				);
			}
			34..=35 => {
				let t = self.task();
				let _ = Market::cancel_task(origin(1), t);
			}
			36..=45 => self.answer_assignments(),
			46..=49 => {
				let (t, d) = (self.task(), self.device());
				match self.rng.u64(..3) {
					0 => self.commit(t, d),
					1 => self.reveal(t, d),
					_ => {
						let who = if self.rng.bool() { 1 } else { self.device() };
						self.publish(t, who, d)
					}
				}
			}
			50..=52 => {
				let o = self.owner();
				let _ = Rewards::claim(origin(o));
			}
			_ => {
				let blocks = 1 + self.rng.u64(..3);
				run_to(System::block_number() + blocks);
			}
		}
		self.check();
	}

	fn check(&mut self) {
		check_invariants();
		for record in System::events() {
			match record.event {
				RuntimeEvent::Market(pallet_market::Event::DevicePaid {
					task,
					amount,
					fee,
					points,
					..
				}) => {
					let state = pallet_market::Tasks::<Test>::get(task).map(|t| t.state);
					assert_eq!(
						state,
						Some(TaskState::Verified),
						"payment for a task that is not verified"
					);
					assert!(points as u128 <= (amount + fee) as u128, "points above value paid");
					self.value_paid += (amount + fee) as u128;
				}
				RuntimeEvent::Verification(Event::TaskVerified { .. }) => self.seen.verified += 1,
				RuntimeEvent::Verification(Event::WrongResult { .. }) => {
					self.seen.wrong_results += 1
				}
				RuntimeEvent::Verification(Event::NoQuorum { action, .. }) => match action {
					NoQuorumAction::Escalated => self.seen.escalated += 1,
					NoQuorumAction::Failed => self.seen.failed += 1,
				},
				RuntimeEvent::Rewards(pallet_rewards::Event::EraRewarded { .. }) => {
					self.seen.eras_minted += 1
				}
				_ => {}
			}
		}
		System::reset_events();
		let minted = pallet_rewards::TotalMinted::<Test>::get();
		let slashed = pallet_devices::TotalSlashed::<Test>::get();
		assert_eq!(
			Balances::total_issuance(),
			self.genesis_issuance + minted - slashed,
			"issuance is not explained by minting and slashing"
		);
		let points: u128 =
			pallet_rewards::EraTotals::<Test>::iter().map(|(_, (p, _))| p).sum::<u128>()
				+ pallet_rewards::EraRewards::<Test>::iter().map(|(_, r)| r.points).sum::<u128>();
		assert!(points <= self.value_paid, "more compute points than value paid");
	}
}

#[test]
fn random_call_sequences_keep_every_invariant() {
	let mut steps = 0;
	let mut seen = Seen::default();
	for seed in 1..=SEEDS {
		new_test_ext().execute_with(|| {
			let mut world = World {
				rng: fastrand::Rng::with_seed(seed),
				liars: vec![101 + seed % 12, 101 + (seed * 7) % 12, 101 + (seed * 5) % 12],
				genesis_issuance: Balances::total_issuance(),
				value_paid: 0,
				seen: Seen::default(),
			};
			// Most devices start registered and listed; the steps change that at random.
			for i in 0..9u64 {
				let spec = world.spec();
				let _ = register(11 + i, 101 + i, spec);
				let _ = Devices::heartbeat(RuntimeOrigin::signed(101 + i));
			}
			for _ in 0..STEPS {
				world.step();
				steps += 1;
			}
			// Let every open task run out, and check once more.
			run_to(System::block_number() + 300);
			world.check();
			seen.verified += world.seen.verified;
			seen.wrong_results += world.seen.wrong_results;
			seen.escalated += world.seen.escalated;
			seen.failed += world.seen.failed;
			seen.eras_minted += world.seen.eras_minted;
		});
	}
	assert!(steps >= 10_000);
	eprintln!("{steps} steps: {seen:?}");
	// The sequences reach every outcome, so the invariants were checked where it matters.
	assert!(
		seen.verified > 0
			&& seen.wrong_results > 0
			&& seen.escalated > 0
			&& seen.failed > 0
			&& seen.eras_minted > 0,
		"{seen:?}"
	);
}
