//! Tests of result verification on the whole compute runtime: every call and error,
//! quorum sizes, liars, collusion, silence, escalation, traps, rewards.

mod randomized;

use crate::{mock::*, pallet::*, Error};
use depin_primitives::{exit, quorum, ExecResult, TaskState, VerificationHooks};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::Pays,
	traits::fungible::{Inspect, InspectHold},
};

fn task_state(task: u64) -> TaskState {
	pallet_market::Tasks::<Test>::get(task).unwrap().state
}

fn bond(device: AccountId) -> Balance {
	pallet_devices::Devices::<Test>::get(device).unwrap().bond
}

fn reputation(device: AccountId) -> depin_primitives::Reputation {
	pallet_devices::Devices::<Test>::get(device).unwrap().reputation
}

fn owner(device: AccountId) -> AccountId {
	device - 90
}

fn escrow_held() -> Balance {
	Balances::balance_on_hold(&pallet_market::HoldReason::TaskEscrow.into(), &1)
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Verification(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// Submits a task with one replica per entry of `results`, lets the scheduler assign it,
/// commits every result and reveals them in order. Returns the task and its devices.
fn run_task(results: &[ExecResult]) -> (u64, Vec<AccountId>) {
	let task = submit(results.len() as u8);
	run_to(System::block_number() + 1);
	let devs = slots(task);
	for (d, r) in devs.iter().zip(results) {
		assert_ok!(commit(task, *d, r));
	}
	for (d, r) in devs.iter().zip(results) {
		assert_ok!(reveal(task, *d, *r));
	}
	(task, devs)
}

/// `n` devices and a task of `replicas`, assigned at block 2. Returns the task and the
/// devices holding its slots.
fn assigned(n: u64, replicas: u8) -> (u64, Vec<AccountId>) {
	devices(n);
	let task = submit(replicas);
	run_to(2);
	(task, slots(task))
}

/// `n` devices and a task of `replicas`, every replica committed to `r`.
fn all_committed(n: u64, replicas: u8, r: ExecResult) -> (u64, Vec<AccountId>) {
	let (task, devs) = assigned(n, replicas);
	for d in &devs {
		assert_ok!(commit(task, *d, &r));
	}
	(task, devs)
}

/// Three devices, a task of three replicas, every one committed to `r`.
fn three_committed(r: ExecResult) -> (u64, Vec<AccountId>) {
	all_committed(3, 3, r)
}

#[test]
fn quorum_is_a_strict_majority() {
	assert_eq!([1, 2, 3, 4, 5, 7].map(quorum), [1, 2, 2, 3, 3, 4]);
}

#[test]
fn one_replica_is_verified_by_itself() {
	test(|| {
		devices(1);
		let (task, devs) = run_task(&[result(b"ok", 100)]);
		assert_eq!(task_state(task), TaskState::Verified);
		assert_eq!(Balances::balance(&owner(devs[0])), 100_000 - BOND + earned(100));
		assert_eq!(pallet_market::Pallet::<Test>::output(task), Some(b"ok".to_vec()));
		assert_eq!(escrow_held(), 0, "closed: the rest is refunded");
		assert!(!Rounds::<Test>::contains_key(task), "a closed task keeps no round");
	});
}

#[test]
fn two_replicas_need_both() {
	test(|| {
		devices(2);
		let (task, _) = run_task(&[result(b"ok", 10), result(b"ok", 10)]);
		assert_eq!(task_state(task), TaskState::Verified);
		// One disagreement out of two is no quorum: escalation.
		let (task, _) = run_task(&[result(b"ok", 10), result(b"no", 10)]);
		assert_eq!(task_state(task), TaskState::Committing);
		assert!(events().contains(&Event::NoQuorum {
			task,
			reveals: 2,
			replicas: 2,
			action: NoQuorumAction::Escalated
		}));
	});
}

#[test]
fn three_replicas_one_liar_is_slashed_and_not_paid() {
	test(|| {
		devices(3);
		let good = result(b"ok", 200);
		let bad = result(b"lie", 1);
		let (task, devs) = run_task(&[good, bad, good]);
		assert_eq!(task_state(task), TaskState::Verified);
		let liar = devs[1];
		assert_eq!(bond(liar), BOND - BOND / 10);
		assert_eq!(reputation(liar).invalid, 1);
		assert_eq!(reputation(liar).consecutive_valid, 0);
		assert_eq!(Balances::balance(&owner(liar)), 100_000 - BOND, "liar's owner unpaid");
		for honest in [devs[0], devs[2]] {
			assert_eq!(reputation(honest).valid, 1);
			assert_eq!(Balances::balance(&owner(honest)), 100_000 - BOND + earned(200));
		}
		assert!(events().contains(&Event::WrongResult { task, device: liar, slashed: BOND / 10 }));
		assert!(events().contains(&Event::TaskVerified { task, result: good, agreeing: 2 }));
	});
}

#[test]
fn two_colluding_liars_out_of_three_win() {
	// What replication 3 can and cannot do: a majority of colluders decides the result.
	test(|| {
		devices(3);
		let good = result(b"ok", 50);
		let lie = result(b"lie", 50);
		let (task, devs) = run_task(&[lie, good, lie]);
		assert_eq!(task_state(task), TaskState::Verified);
		let verified = pallet_market::Tasks::<Test>::get(task).unwrap().result.unwrap();
		assert_eq!(verified, lie);
		assert_eq!(reputation(devs[1]).invalid, 1, "the honest minority is the one slashed");
	});
}

#[test]
fn five_replicas_verify_at_three_and_settle_late_reveals() {
	test(|| {
		let good = result(b"ok", 10);
		let (task, devs) = assigned(5, 5);
		let bad = result(b"bad", 10);
		for (i, d) in devs.iter().enumerate() {
			assert_ok!(commit(task, *d, if i == 3 { &bad } else { &good }));
		}
		for d in &devs[..3] {
			assert_ok!(reveal(task, *d, good));
		}
		assert_eq!(task_state(task), TaskState::Verified, "verified at the third reveal");
		assert!(escrow_held() > 0, "still open for late reveals");
		assert_ok!(reveal(task, devs[3], bad));
		assert_eq!(reputation(devs[3]).invalid, 1);
		// The fifth stays silent: at the window's end it is marked and the task closes.
		// It saw the verdict and kept its answer back: that costs as much as a lie.
		run_to(2 + REVEAL_WINDOW);
		assert_eq!(reputation(devs[4]).timeouts, 1);
		assert_eq!(bond(devs[4]), BOND - BOND / 10);
		assert_eq!(escrow_held(), 0);
		assert!(!Rounds::<Test>::contains_key(task), "closed at the window's end");
		assert!(events().contains(&Event::RevealMissed {
			task,
			device: devs[4],
			slashed: BOND / 10
		}));
	});
}

#[test]
fn trapped_and_out_of_fuel_results_are_verified_and_paid() {
	test(|| {
		devices(2);
		for code in [exit::TRAP, exit::OUT_OF_FUEL] {
			let r = ExecResult { exit: code, ..result(b"", MAX_FUEL) };
			let (task, devs) = run_task(&[r, r]);
			assert_eq!(task_state(task), TaskState::Verified);
			for d in devs {
				assert_eq!(reputation(d).invalid, 0);
			}
		}
		// Each owner earned max_fuel × price twice.
		assert_eq!(Balances::balance(&11), 100_000 - BOND + 2 * earned(MAX_FUEL));
	});
}

#[test]
fn silent_committer_is_punished_and_the_task_escalates() {
	test(|| {
		let good = result(b"ok", 10);
		let (task, devs) = assigned(5, 3);
		let wrong = result(b"x", 10);
		for (i, d) in devs.iter().enumerate() {
			assert_ok!(commit(task, *d, if i == 1 { &wrong } else { &good }));
		}
		assert_ok!(reveal(task, devs[0], good));
		assert_ok!(reveal(task, devs[1], wrong));
		run_to(2 + REVEAL_WINDOW);
		assert_eq!(reputation(devs[2]).timeouts, 1);
		assert_eq!(task_state(task), TaskState::Committing, "escalated for lack of quorum");
		// Two new devices; a correct result from both gives 3 of 5.
		run_to(3 + REVEAL_WINDOW);
		let new: Vec<_> = slots(task).into_iter().filter(|d| !devs.contains(d)).collect();
		assert_eq!(new.len(), 2);
		for d in &new {
			assert_ok!(commit(task, *d, &good));
		}
		for d in &new {
			assert_ok!(reveal(task, *d, good));
		}
		assert_eq!(task_state(task), TaskState::Verified);
		assert_eq!(reputation(devs[1]).invalid, 1);
	});
}

/// Three devices and a task of three replicas with the shortest deadline, assigned at
/// block 2. Returns the task, its devices and its last call (`RevealWindow` before the
/// deadline).
fn three_slots_with_the_shortest_deadline() -> (u64, Vec<AccountId>, u64) {
	devices(3);
	let task = submit_with_deadline(3, MIN_DEADLINE);
	run_to(2);
	(task, slots(task), 1 + MIN_DEADLINE as u64 - REVEAL_WINDOW)
}

#[test]
fn committed_work_is_revealed_and_paid_when_the_other_slots_cannot_be_filled() {
	test(|| {
		let good = result(b"ok", 10);
		let (task, devs, last_call) = three_slots_with_the_shortest_deadline();
		assert_ok!(commit(task, devs[0], &good));
		assert_ok!(commit(task, devs[1], &good));
		// The third device goes silent: it is released, and no other device can take
		// its slot (it stays unlisted until its next heartbeat).
		let before: Vec<Balance> =
			devs[..2].iter().map(|d| Balances::balance(&owner(*d))).collect();
		run_to(last_call - 1);
		assert_eq!(task_state(task), TaskState::Committing, "waiting for a third device");
		run_to(last_call);
		assert_eq!(task_state(task), TaskState::Revealing, "the committed devices reveal");
		assert_ok!(reveal(task, devs[0], good));
		assert_ok!(reveal(task, devs[1], good));
		assert_eq!(task_state(task), TaskState::Verified, "2 of 3 is a quorum of 3");
		for (d, b) in devs[..2].iter().zip(before) {
			assert_eq!(Balances::balance(&owner(*d)), b + earned(10), "work paid");
		}
		run_to(last_call + REVEAL_WINDOW);
		let info = pallet_market::Tasks::<Test>::get(task).unwrap();
		assert!(info.finished_at.is_some_and(|at| at <= info.deadline_at), "done by its deadline");
	});
}

#[test]
fn a_task_with_too_few_commitments_for_a_quorum_expires_at_its_last_call() {
	test(|| {
		let good = result(b"ok", 10);
		let (task, devs, last_call) = three_slots_with_the_shortest_deadline();
		assert_ok!(commit(task, devs[0], &good));
		run_to(last_call);
		assert_eq!(task_state(task), TaskState::Expired);
		assert_eq!(escrow_held(), 0, "refunded");
	});
}

#[test]
fn escalation_then_failure_refunds_and_pays_nobody() {
	test(|| {
		devices(7);
		let before = Balances::balance(&1);
		let task = submit(1);
		// One replica: escalations add 2 and 2; nobody ever reveals.
		for round in 0..3 {
			run_to(System::block_number() + 1);
			for d in slots(task) {
				let _ = commit(task, d, &result(b"ok", 1));
			}
			assert_eq!(task_state(task), TaskState::Revealing, "round {round}");
			run_to(System::block_number() + REVEAL_WINDOW);
		}
		assert_eq!(task_state(task), TaskState::Failed);
		assert!(events()
			.iter()
			.any(|e| matches!(e, Event::NoQuorum { action: NoQuorumAction::Failed, .. })));
		assert_eq!(escrow_held(), 0);
		// Only the program and task deposits are held; no device was paid.
		let deposit =
			pallet_market::Programs::<Test>::iter().map(|(_, p)| p.deposit).sum::<Balance>();
		let task_deposit = pallet_market::Tasks::<Test>::get(task).unwrap().deposit;
		assert_eq!(Balances::balance(&1), before - deposit - task_deposit);
		for d in 101..108 {
			assert_eq!(reputation(d).valid, 0);
		}
	});
}

#[test]
fn commit_errors() {
	test(|| {
		devices(3);
		let task = submit(2);
		assert_noop!(commit(task, 101, &result(b"", 1)), Error::<Test>::NotAssigned);
		run_to(2);
		let devs = slots(task);
		let outsider = (101..=103).find(|d| !devs.contains(d)).unwrap();
		assert_noop!(commit(task, outsider, &result(b"", 1)), Error::<Test>::NotAssigned);
		assert_ok!(commit(task, devs[0], &result(b"", 1)));
		assert_noop!(commit(task, devs[0], &result(b"", 1)), Error::<Test>::AlreadyCommitted);
		assert_ok!(commit(task, devs[1], &result(b"", 1)));
		assert!(events().contains(&Event::ResultCommitted { task, device: devs[1] }));
	});
}

#[test]
fn a_full_round_refuses_a_commitment_and_changes_nothing() {
	test(|| {
		let (task, devs) = assigned(2, 2);
		let max = <<Test as Config>::MaxSlots as frame_support::traits::Get<u32>>::get() as u64;
		let others =
			(900..900 + max).map(|device| Entry { device, commitment: [1; 32], revealed: None });
		let full = Round::<Test> {
			entries: others.collect::<Vec<_>>().try_into().unwrap(),
			..Default::default()
		};
		Rounds::<Test>::insert(task, full);
		assert_noop!(commit(task, devs[0], &result(b"", 1)), Error::<Test>::RoundFull);
		// The made-up round holds devices without slots: gone before the invariants run.
		Rounds::<Test>::remove(task);
	});
}

#[test]
fn commit_to_a_finished_task_is_refused() {
	test(|| {
		let (task, devs) = assigned(2, 2);
		// One device declines before committing, the other does not answer either.
		assert_ok!(Market::decline_task(RuntimeOrigin::signed(devs[0]), task));
		run_to(202);
		assert_eq!(task_state(task), TaskState::Expired);
		assert_noop!(commit(task, devs[1], &result(b"ok", 1)), Error::<Test>::NotAssigned);
	});
}

#[test]
fn a_commitment_cannot_be_replayed_in_another_task() {
	test(|| {
		// One device (two cores) holds a slot of both tasks.
		devices(1);
		let (a, b) = (submit(1), submit(1));
		run_to(2);
		let d = slots(a)[0];
		assert_eq!(slots(b), vec![d]);
		let r = result(b"ok", 1);
		assert_ok!(commit(a, d, &r));
		// Task a's commitment (same device, result and salt) published again in task b.
		let copied = depin_primitives::commitment(a, &r, &proof_of(a, d, &r), &salt(d), &d);
		assert_ok!(Verification::commit(RuntimeOrigin::signed(d), b, copied));
		assert_noop!(reveal(b, d, r), Error::<Test>::CommitmentMismatch);
		assert_ok!(reveal(a, d, r));
	});
}

#[test]
fn withholding_once_the_majority_is_visible_costs_as_much_as_lying() {
	test(|| {
		let good = result(b"ok", 10);
		let (task, devs) = three_committed(good);
		assert_ok!(reveal(task, devs[0], good));
		assert_ok!(reveal(task, devs[1], good));
		assert_eq!(task_state(task), TaskState::Verified);
		run_to(2 + REVEAL_WINDOW);
		assert_eq!(bond(devs[2]), BOND - WrongResultSlash::get() * BOND);
	});
}

#[test]
fn a_task_that_reaches_its_deadline_while_revealing_punishes_the_withholders() {
	test(|| {
		devices(3);
		let good = result(b"ok", 10);
		// Devices paused until block 50; the task's deadline is block 61, its last call 57.
		for i in 0..3 {
			assert_ok!(Devices::pause(RuntimeOrigin::signed(11 + i), 101 + i));
		}
		let task = submit_with_deadline(3, MIN_DEADLINE);
		run_to(50);
		for i in 0..3 {
			assert_ok!(Devices::resume(RuntimeOrigin::signed(11 + i), 101 + i));
		}
		// Assigned at 51: commit deadline 51 + 5 + 1 = 57, the last call.
		run_to(51);
		let devs = slots(task);
		assert_eq!(devs.len(), 3);
		// The last commit at 56 (the last block before its commit deadline) opens a
		// reveal window to 60.
		run_to(56);
		for d in &devs {
			assert_ok!(commit(task, *d, &good));
		}
		assert_ok!(reveal(task, devs[0], good));
		run_to(1 + MIN_DEADLINE as u64);
		// No verdict and no time for another round: failed, the silent two punished.
		assert_eq!(task_state(task), TaskState::Failed);
		for d in &devs[1..] {
			assert_eq!(reputation(*d).timeouts, 1);
			assert_eq!(bond(*d), BOND - RevealTimeoutSlash::get() * BOND);
		}
		assert_eq!(bond(devs[0]), BOND);
		assert_eq!(escrow_held(), 0);
	});
}

#[test]
fn reveal_errors() {
	test(|| {
		devices(2);
		let good = result(b"ok", 10);
		let task = submit(2);
		assert_noop!(reveal(task, 101, good), Error::<Test>::NotAssigned);
		run_to(2);
		let devs = slots(task);
		assert_noop!(reveal(task, devs[0], good), Error::<Test>::NotCommitted);
		assert_ok!(commit(task, devs[0], &good));
		assert_noop!(reveal(task, devs[0], good), Error::<Test>::RevealNotOpen);
		assert_ok!(commit(task, devs[1], &good));
		assert_noop!(
			reveal(task, devs[0], result(b"other", 10)),
			Error::<Test>::CommitmentMismatch
		);
		assert_noop!(reveal_with(task, devs[0], good, [9; 32]), Error::<Test>::CommitmentMismatch);
		assert_ok!(reveal(task, devs[0], good));
		assert_noop!(reveal(task, devs[0], good), Error::<Test>::AlreadyRevealed);
	});
}

#[test]
fn a_result_claiming_more_fuel_than_allowed_is_invalid() {
	test(|| {
		devices(1);
		let greedy = result(b"ok", MAX_FUEL + 1);
		let task = submit(1);
		run_to(2);
		let d = slots(task)[0];
		assert_ok!(commit(task, d, &greedy));
		assert_noop!(reveal(task, d, greedy), Error::<Test>::InvalidResult);
	});
}

#[test]
fn reveals_and_publications_are_charged_for_what_they_did() {
	use crate::WeightInfo;
	test(|| {
		let r = result(b"ok", 1);
		let (task, devs) = three_committed(r);
		let reveal_weight =
			|task, d: AccountId| reveal_post(task, d, r, None).unwrap().actual_weight.unwrap();
		// Neither of the first two decides: the second finds a quorum, which waits for
		// its output.
		assert_eq!(reveal_weight(task, devs[0]), <() as WeightInfo>::reveal_pending(0));
		assert_eq!(reveal_weight(task, devs[1]), <() as WeightInfo>::reveal_pending(1));
		// The publication verifies and settles both revealed devices; the task stays open
		// for the third, so none of the close's work is charged.
		let post =
			Verification::publish_output(RuntimeOrigin::signed(1), task, b"ok".to_vec()).unwrap();
		assert_eq!(post.actual_weight, Some(<() as WeightInfo>::publish_output_open(2, 2)));
		assert!(
			<() as WeightInfo>::publish_output_open(2, 2).ref_time()
				< <() as WeightInfo>::publish_output(2, 2).ref_time()
		);
		assert_eq!(post.pays_fee, frame_support::dispatch::Pays::No);
		// The third settles itself against the verdict and closes the task.
		assert_eq!(reveal_weight(task, devs[2]), <() as WeightInfo>::reveal_late(3));
		assert_eq!(task_state(task), TaskState::Verified);
		let max_slots =
			<<Test as crate::Config>::MaxSlots as frame_support::traits::Get<u32>>::get();
		let up_front = <() as WeightInfo>::publish_output(2, max_slots);
		assert!(<() as WeightInfo>::publish_output(2, 2).all_lt(up_front));
		assert!(Verification::max_reveal_weight(None).all_gte(<() as WeightInfo>::reveal_late(3)));

		// Those payments were the owners' first points in the era, which list the era for
		// them, as in the benchmarks. The same owners again in the same era: no listing, a
		// read and a write fewer per payment (their points say they list the era).
		let second = submit(3);
		run_to(3);
		let devs = slots(second);
		for d in &devs {
			assert_ok!(commit(second, *d, &r));
		}
		reveal_weight(second, devs[0]);
		reveal_weight(second, devs[1]);
		let listing = <Test as frame_system::Config>::DbWeight::get().reads_writes(1, 1);
		let post =
			Verification::publish_output(RuntimeOrigin::signed(1), second, b"ok".to_vec()).unwrap();
		assert_eq!(
			post.actual_weight,
			Some(<() as WeightInfo>::publish_output_open(2, 2) - listing * 2)
		);
		assert_eq!(reveal_weight(second, devs[2]), <() as WeightInfo>::reveal_late(3) - listing);
		assert_eq!(task_state(second), TaskState::Verified);

		// All three revealed before the output came: its publication settles them all and
		// closes the task, and is charged the close.
		let third = submit(3);
		run_to(4);
		let devs = slots(third);
		for d in &devs {
			assert_ok!(commit(third, *d, &r));
		}
		for d in &devs {
			reveal_weight(third, *d);
		}
		let post =
			Verification::publish_output(RuntimeOrigin::signed(1), third, b"ok".to_vec()).unwrap();
		assert_eq!(
			post.actual_weight,
			Some(<() as WeightInfo>::publish_output(2, 3) - listing * 3)
		);
		assert!(!crate::pallet::Rounds::<Test>::contains_key(third), "closed");
	});
}

#[test]
fn accepted_commits_and_reveals_are_free() {
	test(|| {
		devices(1);
		let task = submit(1);
		run_to(2);
		let d = slots(task)[0];
		let r = result(b"ok", 1);
		let post = commit_post(task, d, &r).unwrap();
		assert_eq!(post.pays_fee, frame_support::dispatch::Pays::No);
		let post = reveal_post(task, d, r, None).unwrap();
		assert_eq!(post.pays_fee, frame_support::dispatch::Pays::No);
	});
}

#[test]
fn verified_work_earns_era_rewards_for_several_owners() {
	test(|| {
		devices(3);
		let issuance = Balances::total_issuance();
		run_task(&[result(b"ok", 300), result(b"ok", 300)]);
		run_task(&[result(b"ok", 100)]);
		let paid_owners: Vec<AccountId> =
			(11..=13).filter(|o| pallet_rewards::Pallet::<Test>::rewards_of(o).1 > 0).collect();
		assert!(paid_owners.len() >= 2);
		run_to(1 + ERA_LENGTH);
		// 700 fuel at price 2 paid 1 400: the era mints its mint ratio (10 %) of that, far
		// below its budget; 90 % of it goes to the owners.
		let minted = pallet_rewards::TotalMinted::<Test>::get();
		assert_eq!(minted, 140);
		let pool = 126u64;
		let mut claimed = 0;
		for o in 11..=13u64 {
			let before = Balances::balance(&o);
			let (claimable, ..) = pallet_rewards::Pallet::<Test>::rewards_of(&o);
			if claimable == 0 {
				continue;
			}
			assert_ok!(pallet_rewards::Pallet::<Test>::claim(RuntimeOrigin::signed(o)));
			assert_eq!(Balances::balance(&o), before + claimable);
			claimed += claimable;
		}
		assert!(pool - claimed < 3, "pro-rata shares add up to the pool, up to rounding");
		assert_eq!(Balances::total_issuance(), issuance + minted);
	});
}

#[test]
fn a_quorum_waits_for_its_output_which_anyone_holding_it_may_publish() {
	test(|| {
		let good = result(b"ok", 10);
		let (task, devs) = three_committed(good);
		assert_noop!(publish(task, 1, b"ok"), Error::<Test>::NoQuorumForOutput);
		assert_ok!(reveal_with(task, devs[0], good, proof_of(task, devs[0], &good)));
		assert_ok!(reveal_with(task, devs[1], good, proof_of(task, devs[1], &good)));
		assert_eq!(task_state(task), TaskState::Revealing, "no output on chain yet");
		assert_eq!(Verification::publish_turn(task, &devs[2]), None, "it has not revealed");
		let turns: Vec<_> =
			devs[..2].iter().filter_map(|d| Verification::publish_turn(task, d)).collect();
		assert_eq!(turns, [true, false], "the first to commit is designated, both may publish");
		// The dApp, or anyone, holding the output may publish it.
		assert_ok!(publish(task, 1, b"ok"));
		assert_eq!(task_state(task), TaskState::Verified);
		assert_eq!(pallet_market::Pallet::<Test>::output(task), Some(b"ok".to_vec()));
		assert!(devs[..2].iter().all(|d| reputation(*d).valid == 1), "both settled");
		assert_eq!(Verification::publish_turn(task, &devs[0]), None, "published");
	});
}

#[test]
fn publish_errors() {
	test(|| {
		let good = result(b"ok", 10);
		let (task, devs) = three_committed(good);
		assert_noop!(publish(99, 1, b"ok"), Error::<Test>::NoQuorumForOutput);
		for d in &devs[..2] {
			assert_ok!(reveal_with(task, *d, good, proof_of(task, *d, &good)));
		}
		// An output of no result with a quorum.
		assert_noop!(publish(task, 1, b"not-ok"), Error::<Test>::NoQuorumForOutput);
		let big = vec![7u8; MAX_OUTPUT as usize + 1];
		assert_noop!(publish(task, 1, &big), Error::<Test>::OutputTooLarge);
		assert_ok!(publish(task, devs[0], b"ok"));
		assert_noop!(publish(task, devs[1], b"ok"), Error::<Test>::AlreadyVerified);
	});
}

#[test]
fn a_copier_in_an_escalation_cannot_prove_the_output_and_is_slashed() {
	// Before, a device added by an escalation could copy a revealed result (the earlier
	// reveals carried outputs) and be paid like the devices that ran the job.
	test(|| {
		let good = result(b"the answer", 10);
		let wrong = result(b"a lie", 10);
		let (task, devs) = assigned(5, 3);
		// One honest device, one liar, one silent: no quorum; the task escalates.
		assert_ok!(commit(task, devs[0], &good));
		assert_ok!(commit(task, devs[1], &wrong));
		assert_ok!(commit(task, devs[2], &good));
		assert_ok!(reveal(task, devs[0], good));
		assert_ok!(reveal(task, devs[1], wrong));
		run_to(2 + REVEAL_WINDOW);
		assert_eq!(task_state(task), TaskState::Committing, "escalated");
		assert_eq!(pallet_market::Pallet::<Test>::output(task), None, "no output is public");
		run_to(3 + REVEAL_WINDOW);
		let new: Vec<_> = slots(task).into_iter().filter(|d| !devs.contains(d)).collect();
		let (honest, copier) = (new[0], new[1]);
		// The copier sees the revealed results (hashes) and copies the first; it cannot
		// make the output proof, which needs the output's bytes: it commits to a guess.
		let copied = Rounds::<Test>::get(task).unwrap().revealed(&devs[0]).unwrap().result;
		assert_eq!(copied, good);
		assert_ok!(commit(task, honest, &good));
		assert_ok!(commit_with(task, copier, &copied, [0xc0; 32]));
		assert_ok!(reveal(task, honest, good));
		let copier_owner = owner(copier);
		let before = Balances::balance(&copier_owner);
		assert_ok!(reveal_with(task, copier, copied, [0xc0; 32]));
		// 3 of 5 revealed the good result: the honest device publishes; the copier is
		// unmasked.
		let publisher = [devs[0], honest]
			.into_iter()
			.find(|d| Verification::publish_turn(task, d) == Some(true))
			.expect("a designated publisher");
		assert_ok!(publish(task, publisher, b"the answer"));
		assert_eq!(task_state(task), TaskState::Verified);
		assert_eq!(bond(copier), BOND - BOND / 10, "slashed like a wrong result");
		assert_eq!(Balances::balance(&copier_owner), before, "and not paid");
		assert!(events().contains(&Event::ResultUnproven {
			task,
			device: copier,
			slashed: BOND / 10
		}));
		for d in [devs[0], honest] {
			assert_eq!(reputation(d).valid, 1, "the devices that ran the job are paid");
		}
	});
}

#[test]
fn a_quorum_whose_output_nobody_publishes_is_no_verdict() {
	test(|| {
		let good = result(b"ok", 10);
		let (task, devs) = all_committed(5, 3, good);
		for d in &devs {
			assert_ok!(reveal_with(task, *d, good, proof_of(task, *d, &good)));
		}
		assert_eq!(task_state(task), TaskState::Revealing, "all revealed, waiting for the output");
		run_to(2 + REVEAL_WINDOW);
		// Nobody is slashed for it: the round ends as without a quorum.
		assert_eq!(task_state(task), TaskState::Committing, "escalated");
		assert!(devs.iter().all(|d| bond(*d) == BOND));
		// The earlier reveals still count: the next round's devices reveal, a quorum of 5
		// exists, and the output, published now, settles all five.
		run_to(3 + REVEAL_WINDOW);
		let new: Vec<_> = slots(task).into_iter().filter(|d| !devs.contains(d)).collect();
		for d in &new {
			assert_ok!(commit(task, *d, &good));
		}
		for d in &new {
			assert_ok!(reveal(task, *d, good));
		}
		assert_eq!(task_state(task), TaskState::Verified);
		assert!(slots(task).iter().all(|d| reputation(*d).valid == 1));
	});
}

#[test]
fn a_commit_is_charged_for_opening_the_window_moving_the_state_or_neither() {
	use crate::WeightInfo;
	test(|| {
		let (task, devs) = assigned(3, 3);
		let r = result(b"ok", 1);
		let charged = |device| commit_post(task, device, &r).unwrap().actual_weight;
		assert_eq!(charged(devs[0]), Some(<() as WeightInfo>::commit_pending()));
		assert_eq!(task_state(task), TaskState::Committing);
		assert_eq!(charged(devs[1]), Some(<() as WeightInfo>::commit_quiet()));
		assert_eq!(charged(devs[2]), Some(<() as WeightInfo>::commit()));
		assert_eq!(task_state(task), TaskState::Revealing);
	});
}

#[test]
fn the_reveal_that_ends_a_round_is_charged_as_an_escalation_or_a_failure() {
	use crate::WeightInfo;
	test(|| {
		let (task, devs) = assigned(2, 2);
		let (ok, no) = (result(b"ok", 1), result(b"no", 1));
		assert_ok!(commit(task, devs[0], &ok));
		assert_ok!(commit(task, devs[1], &no));
		assert_ok!(reveal(task, devs[0], ok));
		let post = reveal_post(task, devs[1], no, None).unwrap();
		let ended = <() as WeightInfo>::reveal(2).max(<() as WeightInfo>::reveal_late(2));
		assert_eq!(post.actual_weight, Some(ended));
		assert_eq!(task_state(task), TaskState::Committing, "escalated");
	});
}

#[test]
fn a_reveal_that_completes_a_quorum_may_carry_the_output_and_verifies_at_once() {
	use crate::WeightInfo;
	test(|| {
		let good = result(b"ok", 10);
		let (task, devs) = three_committed(good);
		assert_ok!(reveal_with(task, devs[0], good, proof_of(task, devs[0], &good)));
		let post = reveal_post(task, devs[1], good, Some(b"ok".to_vec())).unwrap();
		assert_eq!(task_state(task), TaskState::Verified, "verified by the reveal itself");
		assert_eq!(pallet_market::Pallet::<Test>::output(task), Some(b"ok".to_vec()));
		assert!(devs[..2].iter().all(|d| reputation(*d).valid == 1));
		// And the read that tells the task's output is no blob.
		let charged = <() as WeightInfo>::reveal_pending(1)
			.saturating_add(<() as WeightInfo>::publish_output_open(2, 2))
			.saturating_add(<Test as frame_system::Config>::DbWeight::get().reads(1));
		assert_eq!((post.actual_weight, post.pays_fee), (Some(charged), Pays::No));
		// After the verdict an attached output is ignored: the late reveal is settled, and
		// free in the verdict's block (it raced to complete the same quorum).
		let late = reveal_post(task, devs[2], good, Some(b"ok".to_vec())).unwrap();
		assert_eq!(late.pays_fee, Pays::No);
		assert_eq!(reputation(devs[2]).valid, 1);
	});
}

#[test]
fn an_output_carried_after_the_verdicts_block_pays_its_fee() {
	test(|| {
		let good = result(b"ok", 10);
		let (task, devs) = all_committed(5, 5, good);
		for d in &devs[..3] {
			assert_ok!(reveal(task, *d, good));
		}
		assert_eq!(task_state(task), TaskState::Verified);
		run_to(System::block_number() + 1);
		// Without the output a late reveal stays free; with it, its bytes took block space
		// for nothing, and it pays like any extrinsic of its length. Both are settled.
		let bare = reveal_post(task, devs[3], good, None).unwrap();
		let loaded = reveal_post(task, devs[4], good, Some(b"ok".to_vec())).unwrap();
		assert_eq!((bare.pays_fee, loaded.pays_fee), (Pays::No, Pays::Yes));
		assert!(devs.iter().all(|d| reputation(*d).valid == 1), "all five settled");
	});
}

#[test]
fn an_output_on_a_reveal_that_completes_no_quorum_is_refused_with_the_reveal() {
	test(|| {
		let good = result(b"ok", 10);
		let (task, devs) = three_committed(good);
		// The first reveal of three cannot complete a quorum: its output would be public
		// before any verdict.
		assert_noop!(reveal_publishing(task, devs[0], good), Error::<Test>::NoQuorumForOutput);
		let other = result(b"other", 10);
		assert_noop!(
			reveal_post(task, devs[0], good, Some(output_of(&other))).map_err(|e| e.error),
			Error::<Test>::NoQuorumForOutput
		);
		assert_ok!(reveal_with(task, devs[0], good, proof_of(task, devs[0], &good)));
	});
}

#[test]
fn a_reveal_on_a_task_whose_output_is_a_blob_takes_no_output() {
	test(|| {
		let good = result(b"ok", 10);
		let (task, devs) = three_committed(good);
		// The task's output is a blob: only `publish_output` takes its manifest, after the
		// chunks are stored, so a reveal is never charged for checking and repaying them.
		pallet_market::OutputLimits::<Test>::insert(task, (1_000u64, 0));
		assert_ok!(reveal_with(task, devs[0], good, proof_of(task, devs[0], &good)));
		assert_noop!(reveal_publishing(task, devs[1], good), Error::<Test>::OutputIsBlob);
		assert_ok!(reveal_with(task, devs[1], good, proof_of(task, devs[1], &good)));
		assert_eq!(task_state(task), TaskState::Revealing, "quorum, no output published");
		// The market's invariants want a stored input beside an output limit.
		pallet_market::OutputLimits::<Test>::remove(task);
	});
}

#[test]
fn the_invariants_find_a_commitment_without_a_committed_slot() {
	test(|| {
		let (task, devs) = assigned(2, 2);
		assert_ok!(commit(task, devs[0], &result(b"", 1)));
		assert_ok!(Verification::do_try_state());
		let stray = Entry { device: 999, commitment: [1; 32], revealed: None };
		Rounds::<Test>::mutate(task, |r| r.as_mut().unwrap().entries.try_push(stray).unwrap());
		assert!(Verification::do_try_state().is_err());
		Rounds::<Test>::mutate(task, |r| {
			r.as_mut().unwrap().entries.retain(|e| e.device != 999);
		});
	});
}

#[test]
fn a_paid_device_is_free_of_the_task_before_its_last_replica_reveals() {
	test(|| {
		let good = result(b"ok", 10);
		let (a, devs) = three_committed(good);
		// A second task on the same three devices (two cores each).
		let b = submit(3);
		run_to(3);
		let mut on_b = slots(b);
		on_b.sort();
		let mut sorted = devs.clone();
		sorted.sort();
		assert_eq!(on_b, sorted);
		let open = |d: AccountId| pallet_devices::Devices::<Test>::get(d).unwrap().open_assignments;
		let tasks_of = |d| {
			pallet_market::Pallet::<Test>::assignments(&d)
				.iter()
				.map(|a| a.task)
				.collect::<Vec<_>>()
		};
		assert!(devs.iter().all(|d| open(*d) == 2));
		// The first two reveals verify task a and pay their devices, whose work on it is
		// done: they hold task b only, while the third still holds both.
		assert_ok!(reveal(a, devs[0], good));
		assert_ok!(reveal(a, devs[1], good));
		assert_eq!(task_state(a), TaskState::Verified);
		let opens = || devs.iter().map(|d| open(*d)).collect::<Vec<_>>();
		assert_eq!(opens(), [1, 1, 2]);
		assert_eq!(tasks_of(devs[0]), [b]);
		assert_eq!(tasks_of(devs[2]), [a, b]);
		// The third reveal closes task a: it frees the third device, and not the paid
		// ones a second time.
		assert_ok!(reveal(a, devs[2], good));
		assert_eq!(opens(), [1, 1, 1]);
		assert!(devs.iter().all(|d| tasks_of(*d) == [b]));
	});
}
