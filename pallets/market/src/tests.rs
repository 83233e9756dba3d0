//! Tests of the task market: every call and error, the scheduler, timers and settlement.

use crate::{mock::*, pallet::*, Error};
use depin_primitives::{
	DeviceRegistry, ExecResult, ProgramId, TaskParams, TaskSettlement, TaskState,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
	weights::Weight,
};

const WASM: [u8; 8] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

fn code(tag: u8) -> Vec<u8> {
	let mut c = WASM.to_vec();
	c.extend_from_slice(&[tag; 8]);
	c
}

fn upload(who: AccountId, tag: u8) -> ProgramId {
	assert_ok!(Market::upload_program(RuntimeOrigin::signed(who), code(tag)));
	sp_io::hashing::blake2_256(&code(tag))
}

fn params(replicas: u8) -> TaskParams<Balance> {
	TaskParams {
		max_fuel: 1_000,
		fuel_price: 2,
		replicas,
		memory_mib: 256,
		deadline: 100,
		portable: false,
	}
}

/// Submits a task; standby devices make sure the network could serve it.
fn submit(who: AccountId, program: ProgramId, p: TaskParams<Balance>) -> u64 {
	submit_with_input(who, program, p, b"input".to_vec())
}

/// Submits a task with `input`.
fn submit_with_input(
	who: AccountId,
	program: ProgramId,
	p: TaskParams<Balance>,
	input: Vec<u8>,
) -> u64 {
	standby_devices(p.replicas as u64);
	let id = Counters::<Test>::get().next_task_id;
	assert_ok!(Market::submit_task(RuntimeOrigin::signed(who), program, input, p));
	id
}

fn escrow_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::TaskEscrow.into(), &who)
}

fn task(id: u64) -> crate::TaskOf<Test> {
	Tasks::<Test>::get(id).expect("task exists")
}

fn devices_of(id: u64) -> Vec<AccountId> {
	task(id).slots.iter().map(|s| s.device).collect()
}

fn market_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Market(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// Three devices of three owners (class 1, 1024 MiB).
fn three_devices() {
	add_device(11, 101, spec(1024, 1));
	add_device(12, 102, spec(1024, 1));
	add_device(13, 103, spec(1024, 1));
}

// ---------------------------------------------------------------- programs

#[test]
fn upload_stores_code_once_with_a_deposit() {
	test(|| {
		let id = upload(1, 7);
		let len = code(7).len() as u64;
		let info = Programs::<Test>::get(id).unwrap();
		assert_eq!((info.owner, info.len as u64, info.deposit), (1, len, 100 + len));
		assert_eq!(Balances::balance_on_hold(&HoldReason::ProgramDeposit.into(), &1), 100 + len);
		assert_eq!(Market::program_code(id), Some(code(7)));
		assert_eq!(ProgramCount::<Test>::get(), 1);
		assert!(market_events().contains(&Event::ProgramUploaded {
			program: id,
			owner: 1,
			len: len as u32,
			deposit: 100 + len
		}));
		assert_noop!(
			Market::upload_program(RuntimeOrigin::signed(2), code(7)),
			Error::<Test>::ProgramExists
		);
	});
}

#[test]
fn upload_rejects_non_wasm_and_oversized_code() {
	test(|| {
		assert_noop!(
			Market::upload_program(RuntimeOrigin::signed(1), b"#!/bin/sh\necho hi".to_vec()),
			Error::<Test>::NotWasm
		);
		assert_noop!(
			Market::upload_program(RuntimeOrigin::signed(1), WASM[..4].to_vec()),
			Error::<Test>::NotWasm
		);
		let mut big = WASM.to_vec();
		big.resize(MAX_PROGRAM_LEN as usize + 1, 0);
		assert_noop!(
			Market::upload_program(RuntimeOrigin::signed(1), big),
			Error::<Test>::ProgramTooLarge
		);
	});
}

#[test]
fn upload_needs_the_deposit() {
	test(|| {
		assert_noop!(
			Market::upload_program(RuntimeOrigin::signed(4), {
				let mut c = code(1);
				c.resize(1000, 0);
				c
			}),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn remove_program_returns_the_deposit_when_unused() {
	test(|| {
		three_devices();
		let id = upload(1, 7);
		assert_noop!(
			Market::remove_program(RuntimeOrigin::signed(1), [9; 32]),
			Error::<Test>::UnknownProgram
		);
		assert_noop!(
			Market::remove_program(RuntimeOrigin::signed(2), id),
			Error::<Test>::NotProgramOwner
		);
		let t = submit(1, id, params(1));
		assert_noop!(
			Market::remove_program(RuntimeOrigin::signed(1), id),
			Error::<Test>::ProgramInUse
		);
		assert_ok!(Market::cancel_task(RuntimeOrigin::signed(1), t));
		assert_ok!(Market::remove_program(RuntimeOrigin::signed(1), id));
		assert!(Programs::<Test>::get(id).is_none());
		assert_eq!(Market::program_code(id), None);
		assert_eq!(Balances::balance_on_hold(&HoldReason::ProgramDeposit.into(), &1), 0);
		assert_eq!(ProgramCount::<Test>::get(), 0);
	});
}

// ---------------------------------------------------------------- submission

#[test]
fn submit_holds_escrow_and_queues_the_task() {
	test(|| {
		let id = upload(1, 1);
		let t = submit(2, id, params(3));
		assert_eq!(t, 0);
		let escrow = 1_000 * 2 * 3;
		assert_eq!(escrow_held(2), escrow);
		let info = task(t);
		assert_eq!(info.state, TaskState::Queued);
		assert_eq!((info.escrow, info.open_slots, info.deadline_at), (escrow, 3, 101));
		assert_eq!(TaskInputs::<Test>::get(t).unwrap().into_inner(), b"input".to_vec());
		assert_eq!(Market::queue_len(), 1);
		assert_eq!(Programs::<Test>::get(id).unwrap().open_tasks, 1);
		assert_eq!(Counters::<Test>::get().tasks.queued, 1);
		assert!(market_events().contains(&Event::TaskSubmitted {
			task: 0,
			submitter: 2,
			program: id,
			escrow,
			deposit: TASK_DEPOSIT_BASE + 5,
		}));
		assert_eq!(submit(2, id, params(1)), 1, "ids are sequential");
	});
}

#[test]
fn submit_rejects_bad_parameters_without_side_effects() {
	test(|| {
		standby_devices(5);
		let id = upload(1, 1);
		let bad = [
			(TaskParams { replicas: 0, ..params(1) }, Error::<Test>::InvalidReplicas),
			(TaskParams { replicas: 6, ..params(1) }, Error::<Test>::InvalidReplicas),
			(TaskParams { max_fuel: 0, ..params(1) }, Error::<Test>::InvalidFuel),
			(TaskParams { max_fuel: 1_000_001, ..params(1) }, Error::<Test>::InvalidFuel),
			(TaskParams { fuel_price: 0, ..params(1) }, Error::<Test>::FuelPriceTooLow),
			(TaskParams { memory_mib: 0, ..params(1) }, Error::<Test>::InvalidMemory),
			(TaskParams { memory_mib: 4097, ..params(1) }, Error::<Test>::InvalidMemory),
			(TaskParams { deadline: 9, ..params(1) }, Error::<Test>::InvalidDeadline),
			(TaskParams { deadline: 1001, ..params(1) }, Error::<Test>::InvalidDeadline),
			(
				TaskParams { fuel_price: u64::MAX, max_fuel: 1_000, ..params(1) },
				Error::<Test>::EscrowOverflow,
			),
			(TaskParams { fuel_price: 1_000_000, ..params(1) }, Error::<Test>::InsufficientBalance),
		];
		for (p, err) in bad {
			assert_noop!(Market::submit_task(RuntimeOrigin::signed(2), id, vec![], p), err);
		}
		assert_noop!(
			Market::submit_task(RuntimeOrigin::signed(2), [3; 32], vec![], params(1)),
			Error::<Test>::UnknownProgram
		);
		assert_noop!(
			Market::submit_task(
				RuntimeOrigin::signed(2),
				id,
				vec![0; MAX_INPUT_LEN as usize + 1],
				params(1)
			),
			Error::<Test>::InputTooLarge
		);
	});
}

#[test]
fn submit_refuses_when_the_queue_is_full() {
	test(|| {
		standby_devices(1);
		let id = upload(1, 1);
		for _ in 0..MAX_QUEUE {
			submit(2, id, params(1));
		}
		assert_noop!(
			Market::submit_task(RuntimeOrigin::signed(2), id, vec![], params(1)),
			Error::<Test>::QueueFull
		);
	});
}

#[test]
fn submit_refuses_when_no_timer_fits() {
	test(|| {
		standby_devices(1);
		let id = upload(1, 1);
		let full: frame_support::BoundedVec<_, _> =
			vec![crate::Timer::Prune(999); 8].try_into().unwrap();
		// The task's deadline timer is due at its last call, 101 - REVEAL_WINDOW.
		let last_call = 101 - REVEAL_WINDOW;
		for b in last_call..last_call + crate::timers::TIMER_SPILL_BLOCKS as u64 {
			Timers::<Test>::insert(b, full.clone());
		}
		assert_noop!(
			Market::submit_task(RuntimeOrigin::signed(2), id, vec![], params(1)),
			Error::<Test>::TimersFull
		);
		let _ = Timers::<Test>::clear(u32::MAX, None);
	});
}

// ---------------------------------------------------------------- cancellation

#[test]
fn cancel_of_a_queued_task_refunds_the_escrow() {
	test(|| {
		add_device(11, 101, spec(1024, 1));
		let id = upload(1, 1);
		let t = submit(2, id, params(2));
		let before = Balances::balance(&2);
		assert_noop!(Market::cancel_task(RuntimeOrigin::signed(2), 99), Error::<Test>::UnknownTask);
		assert_noop!(Market::cancel_task(RuntimeOrigin::signed(3), t), Error::<Test>::NotSubmitter);
		run_to(2);
		assert_eq!(task(t).state, TaskState::Queued, "one online device: nobody took it");
		assert_ok!(Market::cancel_task(RuntimeOrigin::signed(2), t));
		assert_eq!(task(t).state, TaskState::Cancelled);
		assert_eq!(escrow_held(2), 0);
		assert_eq!(Balances::balance(&2), before + 4_000);
		assert_eq!(FINISHED.with(|f| f.borrow().clone()), vec![t]);
		assert_noop!(
			Market::cancel_task(RuntimeOrigin::signed(2), t),
			Error::<Test>::NotCancellable
		);
	});
}

#[test]
fn cancel_is_refused_once_a_device_holds_a_slot() {
	test(|| {
		three_devices();
		let id = upload(1, 1);
		let t = submit(2, id, params(2));
		run_to(2);
		// The devices may already be running the job: their work must not be for nothing.
		assert_eq!(task(t).state, TaskState::Assigned);
		assert_noop!(
			Market::cancel_task(RuntimeOrigin::signed(2), t),
			Error::<Test>::NotCancellable
		);
		let d = devices_of(t)[0];
		assert_ok!(Market::record_commit(t, &d));
		assert_noop!(
			Market::cancel_task(RuntimeOrigin::signed(2), t),
			Error::<Test>::NotCancellable
		);
	});
}

// ---------------------------------------------------------------- scheduler

#[test]
fn scheduler_assigns_distinct_owners_and_updates_state() {
	test(|| {
		// Owner 11 has two devices; replicas 3 must span three owners.
		add_device(11, 101, spec(1024, 1));
		add_device(11, 104, spec(1024, 1));
		add_device(12, 102, spec(1024, 1));
		add_device(13, 103, spec(1024, 1));
		let id = upload(1, 1);
		let t = submit(2, id, params(3));
		run_to(2);
		let info = task(t);
		assert_eq!(info.state, TaskState::Assigned);
		assert_eq!(info.open_slots, 0);
		let mut owners: Vec<_> = info.slots.iter().map(|s| s.owner).collect();
		owners.sort();
		assert_eq!(owners, vec![11, 12, 13]);
		for s in info.slots.iter() {
			assert_eq!(Devices::owner_of(&s.device), Some(s.owner));
			let a = Market::assignments(&s.device);
			assert_eq!(a.len(), 1);
			assert_eq!(a[0].task, t);
			assert_eq!(a[0].input, b"input".to_vec());
			assert_eq!(a[0].phase, depin_primitives::AssignmentPhase::Commit);
			// 1_000 fuel at 1 000 000 fuel/s: one block of execution on top.
			assert_eq!(a[0].deadline, 2 + COMMIT_TIMEOUT + 1);
		}
		assert_eq!(Market::queue_len(), 0);
	});
}

#[test]
fn a_head_that_cannot_be_filled_does_not_block_the_queue() {
	test(|| {
		add_device(11, 101, spec(1024, 1));
		add_device(12, 102, spec(1024, 1));
		let id = upload(1, 1);
		// Three replicas with two online devices: it cannot be filled now.
		let big = submit(2, id, params(3));
		let small = submit(3, id, params(1));
		run_to(3);
		assert_eq!(task(big).state, TaskState::Queued);
		assert!(task(big).slots.is_empty(), "no partial assignment");
		assert_eq!(task(small).state, TaskState::Assigned, "the task behind it is served");
		add_device(13, 103, spec(1024, 1));
		run_to(4);
		assert_eq!(task(big).state, TaskState::Assigned, "and the head is served when it can be");
	});
}

#[test]
fn many_unfillable_tasks_cost_one_lookahead_per_block_and_block_nothing() {
	test(|| {
		three_devices();
		let id = upload(1, 1);
		// An attacker's tasks nobody online can fill, ahead of an honest one.
		let junk: Vec<_> = (0..6).map(|_| submit(2, id, params(5))).collect();
		let honest = submit(3, id, params(2));
		run_to(2);
		// `MaxLookahead` (4) passed over in block 2, the rest in block 3, then the honest.
		run_to(3);
		assert_eq!(task(honest).state, TaskState::Assigned);
		assert!(junk.iter().all(|t| task(*t).state == TaskState::Queued));
		assert_eq!(Market::queue_len(), 6, "the junk waits at the back, in order");
	});
}

#[test]
fn tasks_no_registered_device_could_serve_are_refused() {
	test(|| {
		add_device(11, 101, spec(1024, 1));
		add_device(12, 102, spec(1024, 1));
		let id = upload(1, 1);
		let ask = |replicas, memory_mib| TaskParams { replicas, memory_mib, ..params(1) };
		assert_noop!(
			Market::submit_task(RuntimeOrigin::signed(2), id, vec![], ask(3, 256)),
			Error::<Test>::NoCapableDevices
		);
		assert_noop!(
			Market::submit_task(RuntimeOrigin::signed(2), id, vec![], ask(1, 2048)),
			Error::<Test>::NoCapableDevices
		);
		assert_ok!(Market::submit_task(RuntimeOrigin::signed(2), id, vec![], ask(2, 1024)));
		// A deregistered device is no capacity.
		assert_ok!(Devices::deregister(RuntimeOrigin::signed(12), 102));
		assert_noop!(
			Market::submit_task(RuntimeOrigin::signed(2), id, vec![], ask(2, 1024)),
			Error::<Test>::NoCapableDevices
		);
	});
}

#[test]
fn a_submitter_has_a_bounded_number_of_open_tasks_each_with_a_deposit() {
	test(|| {
		standby_devices(1);
		let id = upload(1, 1);
		MaxOpenTasksPerSubmitter::set(2);
		let deposit_held = || Balances::balance_on_hold(&HoldReason::TaskDeposit.into(), &2);
		let a = submit(2, id, params(1));
		submit(2, id, params(1));
		assert_eq!(deposit_held(), 2 * (TASK_DEPOSIT_BASE + 5));
		assert_noop!(
			Market::submit_task(RuntimeOrigin::signed(2), id, vec![], params(1)),
			Error::<Test>::TooManyOpenTasks
		);
		// Another submitter is not limited by it; a finished task frees a place.
		submit(3, id, params(1));
		assert_ok!(Market::cancel_task(RuntimeOrigin::signed(2), a));
		submit(2, id, params(1));
		// The deposit of the cancelled task comes back when it is pruned.
		run_to(2 + RETENTION);
		assert_eq!(deposit_held(), 2 * (TASK_DEPOSIT_BASE + 5));
		MaxOpenTasksPerSubmitter::set(16);
	});
}

#[test]
fn scheduler_respects_memory_class_and_free_slots() {
	test(|| {
		add_device(11, 101, spec(128, 1)); // too little memory
		add_device(12, 102, spec(1024, 2)); // another class
		add_device(13, 103, spec(1024, 1));
		add_device(14, 104, spec(1024, 1));
		let id = upload(1, 1);
		let t = submit(2, id, params(2));
		run_to(2);
		let mut got = devices_of(t);
		got.sort();
		assert_eq!(got, vec![103, 104]);
		assert_eq!(task(t).class, Some(1));

		// A portable task may mix classes.
		let p = submit(2, id, TaskParams { portable: true, replicas: 3, ..params(3) });
		run_to(3);
		let mut got = devices_of(p);
		got.sort();
		assert_eq!(got, vec![102, 103, 104]);

		// 103 and 104 have 2 cores: a third task cannot use them.
		let third = submit(2, id, params(2));
		run_to(4);
		assert_eq!(task(third).state, TaskState::Queued);
	});
}

#[test]
fn stale_devices_get_no_work() {
	test(|| {
		three_devices();
		run_to(2 + HEARTBEAT_TIMEOUT);
		let id = upload(1, 1);
		let t = submit(2, id, params(1));
		run_to(3 + HEARTBEAT_TIMEOUT);
		assert_eq!(task(t).state, TaskState::Queued);
		assert_eq!(Devices::candidate_count(), 0, "stale devices were unlisted");
		assert_ok!(pallet_devices::Pallet::<Test>::heartbeat(RuntimeOrigin::signed(102)));
		run_to(4 + HEARTBEAT_TIMEOUT);
		assert_eq!(devices_of(t), vec![102]);
	});
}

#[test]
fn scheduler_choice_is_deterministic_and_spreads_load() {
	let run = || {
		let mut picks = Vec::new();
		new_test_ext().execute_with(|| {
			for i in 0..6 {
				add_device(11 + i, 101 + i, spec(1024, 1));
			}
			let id = upload(1, 1);
			for _ in 0..6 {
				submit(2, id, params(1));
			}
			run_to(2);
			for t in 0..6 {
				picks.push(devices_of(t)[0]);
			}
		});
		picks
	};
	let a = run();
	assert_eq!(a, run(), "same chain state, same choice");
	let mut distinct = a.clone();
	distinct.sort();
	distinct.dedup();
	assert!(distinct.len() >= 3, "load spreads over devices: {a:?}");
}

#[test]
fn scheduler_stops_at_its_weight_limit() {
	test(|| {
		for i in 0..6 {
			add_device(11 + i, 101 + i, spec(1024, 1));
		}
		let id = upload(1, 1);
		for _ in 0..4 {
			submit(2, id, params(1));
		}
		let step = Market::max_schedule_weight();
		let base = <() as crate::WeightInfo>::hook_base();
		let read = <Test as frame_system::Config>::DbWeight::get().reads(1);
		// The cheapest step there is: one probe, one replica.
		let cheapest = Market::step_weight(crate::Probes { all: 1, removed: 0 }, 1);
		// Room for the base and one scheduling step's worst case, and less than the
		// cheapest step more: a step is begun only when its worst case fits, so one runs
		// per block.
		HookWeightLimit::set(base + read + step + cheapest / 2);
		run_to(2);
		let assigned = (0..4).filter(|t| task(*t).state == TaskState::Assigned).count();
		assert_eq!(assigned, 1);
		run_to(4);
		assert_eq!((0..4).filter(|t| task(*t).state == TaskState::Assigned).count(), 3);
		HookWeightLimit::set(Weight::from_parts(2_000_000_000_000, u64::MAX));
	});
}

#[test]
fn a_slot_whose_round_cannot_end_by_the_deadline_is_not_given() {
	test(|| {
		let id = upload(1, 1);
		// Submitted at block 1: deadline 101, last call 97.
		let t = submit(2, id, params(1));
		assert_eq!(task(t).deadline_at - REVEAL_WINDOW, 97);
		// The only device appears late: assigned at 92, its commit deadline would be
		// 92 + 5 + 1 = 98, after the last call; it would work for nothing.
		run_to(91);
		add_device(11, 101, spec(1024, 1));
		run_to(92);
		assert!(devices_of(t).is_empty(), "not given a slot whose round cannot end in time");
		run_to(97);
		assert_eq!(task(t).state, TaskState::Expired, "expired at its last call");
	});
}

#[test]
fn a_device_still_uncommitted_at_the_last_call_is_punished_as_late() {
	test(|| {
		three_devices();
		let id = upload(1, 1);
		// Deadline 101, last call 97.
		let t = submit(2, id, params(3));
		run_to(2);
		let slots = devices_of(t);
		assert_ok!(Market::record_commit(t, &slots[0]));
		assert_ok!(Market::record_commit(t, &slots[1]));
		// The third times out at 8 and no device replaces it until 104 appears: assigned
		// at 91, its commit deadline is 97, the last call's block, whose timer fires first.
		run_to(90);
		add_device(14, 104, spec(1024, 1));
		run_to(91);
		let late = pallet_devices::Devices::<Test>::get(104).unwrap();
		assert_eq!(task(t).slot_of(&104).map(|s| s.commit_by), Some(97));
		run_to(97);
		assert_eq!(task(t).state, TaskState::Revealing, "two of three reveal");
		let after = pallet_devices::Devices::<Test>::get(104).unwrap();
		assert_eq!(after.reputation.timeouts, late.reputation.timeouts + 1, "a timeout");
		assert_eq!(after.bond, late.bond - late.bond / 100, "and its slash");
	});
}

#[test]
fn a_commit_after_its_commit_deadline_is_refused() {
	test(|| {
		three_devices();
		let id = upload(1, 1);
		let t = submit(2, id, params(1));
		run_to(2);
		let slot = task(t).slots[0].clone();
		// The commit timer has not fired (its block's hook has not run), but the deadline
		// has passed.
		System::set_block_number(slot.commit_by);
		assert_noop!(Market::record_commit(t, &slot.device), Error::<Test>::CommitTooLate);
		System::set_block_number(slot.commit_by - 1);
		assert_ok!(Market::record_commit(t, &slot.device));
	});
}

#[test]
fn probes_that_remove_stale_candidates_are_counted_and_charged_as_such() {
	test(|| {
		three_devices();
		let id = upload(1, 1);
		let t = submit(2, id, params(1));
		// No heartbeat since block 1: every candidate is stale.
		let now = 2 + HEARTBEAT_TIMEOUT;
		System::set_block_number(now);
		let mut info = task(t);
		let step = Market::fill_slots(t, &mut info, now);
		assert_eq!((step.probes.all, step.probes.removed, step.filled), (3, 3, false));
		let time = |removed| Market::step_weight(crate::Probes { all: 3, removed }, 0).ref_time();
		assert!(time(3) > time(0), "a removal costs more than a look");
	});
}

#[test]
fn portable_replicas_share_an_executor_version() {
	test(|| {
		// Six devices of distinct owners and classes: three run executor version 1, three
		// version 2 (fuel costs differ between versions, so their results would too).
		for i in 0..6u64 {
			let version = 1 + (i % 2) as u32;
			let spec = depin_primitives::DeviceSpec { executor_version: version, ..spec(1024, i) };
			add_device(11 + i, 101 + i, spec);
		}
		let id = upload(1, 1);
		let portable = TaskParams { portable: true, ..params(3) };
		let tasks: Vec<u64> = (0..4).map(|_| submit(2, id, portable)).collect();
		run_to(2);
		let version =
			|d: &u64| pallet_devices::Devices::<Test>::get(d).unwrap().spec.executor_version as u64;
		for t in tasks {
			let devices = devices_of(t);
			assert_eq!(devices.len(), 3, "task {t} assigned");
			let versions: Vec<u64> = devices.iter().map(version).collect();
			assert!(versions.iter().all(|v| *v == versions[0]), "task {t}: {versions:?}");
			assert_eq!(task(t).class, Some(versions[0]), "later replicas join the same version");
		}
	});
}

#[test]
fn a_scheduling_step_is_charged_for_its_replicas_and_each_further_probe() {
	use crate::weights::WeightInfo;
	let max = <<Test as crate::Config>::MaxReplicas as frame_support::traits::Get<u32>>::get();
	let max_probes = <<Test as crate::Config>::MaxProbes as frame_support::traits::Get<u32>>::get();
	let probe = <() as WeightInfo>::schedule_probe() / max_probes as u64;
	let shared = Market::step_shared_weight();
	for r in 1..=max {
		// `schedule_assign(r)` measured the probes that found the r devices and the
		// storage a pass shares: neither is charged twice.
		let assign = <() as WeightInfo>::schedule_assign(r) - shared;
		let probes = |all| crate::Probes { all, removed: 0 };
		assert_eq!(Market::step_weight(probes(r), r), assign, "{r} replicas, {r} probes");
		assert_eq!(Market::step_weight(probes(r + 2), r), assign + probe * 2, "{r} replicas");
	}
	// Of the same probes, one more found a device: the step is charged one replica more
	// and one further probe less.
	let all = crate::Probes { all: max, removed: 0 };
	for r in 1..max {
		let one_more =
			<() as WeightInfo>::schedule_assign(r + 1) - <() as WeightInfo>::schedule_assign(r);
		assert_eq!(
			Market::step_weight(all, r + 1),
			Market::step_weight(all, r) + one_more - probe,
			"{r} replicas"
		);
	}
}

#[test]
fn a_step_that_passes_a_task_over_is_charged_its_writes_however_few_its_probes() {
	// One probe among few devices still moves the task to the back of its level: its old
	// and new positions, its queue entry and the task are written.
	let db = <Test as frame_system::Config>::DbWeight::get();
	let one_probe = Market::step_weight(crate::Probes { all: 1, removed: 0 }, 0);
	assert!(one_probe.all_gte(db.reads_writes(2, 4)), "{one_probe:?}");
}

#[test]
fn a_scheduling_pass_charges_the_storage_its_steps_share_once() {
	use crate::weights::WeightInfo;
	use frame_support::traits::Hooks;
	// The weight of a block's hook that assigns `tasks` one-replica tasks, each found by
	// its first probe (every device fits).
	let hook = |tasks: u32| {
		let mut weight = Weight::zero();
		test(|| {
			for i in 0..6 {
				add_device(11 + i, 101 + i, spec(1024, 1));
			}
			let id = upload(1, 1);
			for _ in 0..tasks {
				submit(2, id, params(1));
			}
			System::set_block_number(2);
			weight = Market::on_initialize(2);
			assert_eq!(
				(0..tasks as u64).filter(|t| task(*t).state == TaskState::Assigned).count(),
				tasks as usize
			);
		});
		weight
	};
	let step = <() as WeightInfo>::schedule_assign(1) - Market::step_shared_weight();
	assert_eq!(hook(2) - hook(1), step, "a second step adds its own weight only");
	assert_eq!(hook(3) - hook(2), step);
	// A pass of one step is charged all the benchmark measured of it: the storage its
	// steps share is moved to the pass and the hook, none of it is dropped.
	assert_eq!(
		hook(1) - hook(0),
		<() as WeightInfo>::schedule_assign(1) - Market::hook_shared_weight(),
		"the counters aside, which every hook charges"
	);
}

// ---------------------------------------------------------------- timers

#[test]
fn silent_device_is_released_marked_slashed_and_replaced() {
	test(|| {
		three_devices();
		add_device(14, 104, spec(1024, 1));
		let id = upload(1, 1);
		let t = submit(2, id, params(2));
		run_to(2);
		let slots = devices_of(t);
		let (fast, silent) = (slots[0], slots[1]);
		assert_ok!(Market::record_commit(t, &fast));
		assert_eq!(task(t).state, TaskState::Committing);
		let bond = pallet_devices::Devices::<Test>::get(silent).unwrap().bond;
		// The commit timeout plus one block of execution.
		run_to(2 + COMMIT_TIMEOUT + 1);
		let info = task(t);
		assert!(!devices_of(t).contains(&silent), "silent device released");
		assert_eq!(info.slots.len(), 2, "and replaced at once");
		assert_eq!(info.state, TaskState::Committing);
		let d = pallet_devices::Devices::<Test>::get(silent).unwrap();
		assert_eq!(d.reputation.timeouts, 1);
		assert_eq!(d.bond, bond - bond / 100);
		assert_eq!(d.open_assignments, 0);
		assert!(market_events().contains(&Event::SlotReleased {
			task: t,
			device: silent,
			reason: ReleaseReason::CommitTimeout
		}));
	});
}

#[test]
fn a_steps_devices_share_one_commit_deadline_timer_per_deadline() {
	test(|| {
		add_device(11, 101, spec(1024, 1));
		add_device(12, 102, spec(1024, 1));
		// Half the speed a block of the task's fuel needs: a block more to run it.
		let slow = depin_primitives::DeviceSpec { fuel_per_second: 500, ..spec(1024, 1) };
		add_device(13, 103, slow);
		let id = upload(1, 1);
		let t = submit(2, id, params(3));
		run_to(2);
		let info = task(t);
		let fast_by = info.slot_of(&101).unwrap().commit_by;
		assert_eq!(info.slot_of(&102).unwrap().commit_by, fast_by);
		let slow_by = info.slot_of(&103).unwrap().commit_by;
		assert_eq!(slow_by, fast_by + 1);
		// One timer for the two fast devices, one for the slow one: the wheel holds a
		// timer per step and deadline, not per device.
		let step = crate::Timer::StepCommitDeadline { task: t, assigned_at: 2 };
		let timers_at = |b: u64| Timers::<Test>::get(b).into_inner();
		assert_eq!(timers_at(fast_by), vec![step.clone()]);
		assert_eq!(timers_at(slow_by), vec![step]);
		// At the fast deadline only the fast device that did not commit is released.
		assert_ok!(Market::record_commit(t, &101));
		run_to(fast_by);
		assert_eq!(devices_of(t), vec![101, 103]);
		let timeouts = |d| pallet_devices::Devices::<Test>::get(d).unwrap().reputation.timeouts;
		assert_eq!((timeouts(101), timeouts(102), timeouts(103)), (0, 1, 0));
		// The slow one at its own.
		run_to(slow_by);
		assert_eq!(devices_of(t), vec![101]);
		assert_eq!(timeouts(103), 1);
	});
}

#[test]
fn commit_timeouts_are_charged_their_own_weight_not_the_costliest_timers() {
	use crate::weights::WeightInfo;
	test(|| {
		three_devices();
		let id = upload(1, 1);
		let (a, b) = (submit(2, id, params(2)), submit(2, id, params(2)));
		run_to(2);
		assert_eq!(devices_of(a).len() + devices_of(b).len(), 4, "four commit deadlines due");
		// Room for the hook's fixed costs and exactly four commit timeouts: fewer would
		// fire if each were charged as the costliest kind of timer.
		let commit = <() as WeightInfo>::timer_commit_deadline();
		assert!(Market::max_timer_weight().ref_time() > commit.ref_time());
		// Timers get three quarters of the hook's limit; walking their block costs
		// `timer_block_stale(0)`.
		let block = <() as WeightInfo>::timer_block_stale(0);
		let timers = block.saturating_add(commit.saturating_mul(4));
		HookWeightLimit::set(timers * 4 / 3 + Weight::from_parts(4, 4));
		run_to(2 + COMMIT_TIMEOUT + 1);
		let released = market_events()
			.iter()
			.filter(|e| {
				matches!(e, Event::SlotReleased { reason: ReleaseReason::CommitTimeout, .. })
			})
			.count();
		assert_eq!(released, 4, "all four in their block");
	});
}

#[test]
fn all_commits_open_the_reveal_window_which_verification_closes() {
	test(|| {
		three_devices();
		let id = upload(1, 1);
		let t = submit(2, id, params(2));
		run_to(2);
		for d in devices_of(t) {
			assert_eq!(
				Market::record_commit(t, &d),
				Ok(if d == devices_of(t)[1] {
					TaskState::Revealing
				} else {
					TaskState::Committing
				})
			);
		}
		assert_noop!(Market::record_commit(t, &devices_of(t)[0]), Error::<Test>::WrongState);
		assert_eq!(task(t).reveal_deadline, Some(2 + REVEAL_WINDOW));
		let a = Market::assignments(&devices_of(t)[0]);
		assert_eq!(a[0].phase, depin_primitives::AssignmentPhase::Reveal);
		run_to(2 + REVEAL_WINDOW);
		assert_eq!(REVEAL_TIMEOUTS.with(|r| r.borrow().clone()), vec![t]);
	});
}

#[test]
fn commit_errors() {
	test(|| {
		three_devices();
		let id = upload(1, 1);
		let t = submit(2, id, params(2));
		assert_noop!(Market::record_commit(9, &101), Error::<Test>::UnknownTask);
		assert_noop!(Market::record_commit(t, &101), Error::<Test>::NotAssigned);
		run_to(2);
		let d = devices_of(t)[0];
		assert_ok!(Market::record_commit(t, &d));
		assert_noop!(Market::record_commit(t, &d), Error::<Test>::AlreadyCommitted);
	});
}

#[test]
fn deadline_expires_the_task_and_refunds() {
	test(|| {
		add_device(11, 101, spec(1024, 1));
		let id = upload(1, 1);
		let t = submit(2, id, TaskParams { deadline: 30, ..params(2) });
		let before = Balances::balance(&2);
		run_to(31);
		assert_eq!(task(t).state, TaskState::Expired);
		assert_eq!(escrow_held(2), 0);
		assert_eq!(Balances::balance(&2), before + 4_000);
		assert_eq!(Programs::<Test>::get(id).unwrap().open_tasks, 0);
		assert_eq!(Counters::<Test>::get().tasks.expired, 1);
	});
}

#[test]
fn finished_tasks_are_pruned_after_retention() {
	test(|| {
		let id = upload(1, 1);
		let t = submit(2, id, params(1));
		assert_ok!(Market::cancel_task(RuntimeOrigin::signed(2), t));
		run_to(1 + RETENTION);
		assert!(Tasks::<Test>::get(t).is_none());
		assert!(TaskInputs::<Test>::get(t).is_none());
		assert_eq!(Counters::<Test>::get().tasks, Default::default());
		assert!(market_events()
			.contains(&Event::TaskPruned { task: t, deposit: TASK_DEPOSIT_BASE + 5 }));
	});
}

#[test]
fn a_hook_charges_the_counters_once_however_many_timers_write_them() {
	use crate::weights::WeightInfo;
	use frame_support::traits::Hooks;
	// The hook's weight in the block where `tasks` cancelled tasks are pruned.
	let hook = |tasks: u32| {
		let mut weight = Weight::zero();
		test(|| {
			let id = upload(1, 1);
			for _ in 0..tasks {
				let t = submit(2, id, params(1));
				assert_ok!(Market::cancel_task(RuntimeOrigin::signed(2), t));
			}
			let due = 1 + RETENTION;
			run_to(due - 1);
			System::set_block_number(due);
			weight = Market::on_initialize(due);
			assert_eq!(Tasks::<Test>::iter().count(), 0, "pruned");
		});
		weight
	};
	let prune = <() as WeightInfo>::timer_prune(0) - Market::hook_shared_weight()
		+ Market::line_item_weight();
	assert_eq!(hook(2) - hook(1), prune, "a second prune adds its own weight only");
	assert!(hook(1).all_gte(<() as WeightInfo>::hook_base() + prune));
}

#[test]
fn the_prune_of_a_task_with_an_inline_input_is_charged_only_the_maps_it_writes() {
	test(|| {
		let id = upload(1, 1);
		let t = submit(2, id, params(1));
		assert_ok!(Market::cancel_task(RuntimeOrigin::signed(2), t));
		let used = Market::fire(crate::Timer::Prune(t));
		// The counters it writes are the hook's, charged once per block.
		let counters = Market::hook_shared_weight();
		assert_eq!(used, <() as crate::WeightInfo>::timer_prune(0) - counters);
		assert!(Tasks::<Test>::get(t).is_none());
		// A prune that finds no task is charged a stale timer's read.
		assert_eq!(Market::fire(crate::Timer::Prune(t)), Market::stale_timer_weight());
	});
}

#[test]
fn the_prune_of_a_verified_task_is_charged_for_the_output_it_removes() {
	test(|| {
		let (t, devices) = revealing_task(3);
		let output = vec![7u8; 40];
		assert_ok!(Market::verified(t, result_for(&output, 1), output, &PUBLISHER));
		for d in &devices {
			assert_ok!(Market::pay(t, d, 1));
		}
		assert_ok!(Market::close(t));
		let used = Market::fire(crate::Timer::Prune(t));
		let counters = Market::hook_shared_weight();
		assert_eq!(used, <() as crate::WeightInfo>::timer_prune(40) - counters);
		// Not the largest output's, which only the hook's room for a prune assumes.
		let largest = <() as crate::WeightInfo>::timer_prune(MAX_OUTPUT_LEN) - counters;
		assert!(used.ref_time() < largest.ref_time());
		assert!(Outputs::<Test>::get(t).is_none());
	});
}

// ---------------------------------------------------------------- settlement

fn revealing_task(replicas: u8) -> (u64, Vec<AccountId>) {
	three_devices();
	add_device(14, 104, spec(1024, 1));
	add_device(15, 105, spec(1024, 1));
	let id = upload(1, 1);
	let t = submit(2, id, params(replicas));
	run_to(2);
	let devices = devices_of(t);
	for d in &devices {
		assert_ok!(Market::record_commit(t, d));
	}
	(t, devices)
}

fn result_for(output: &[u8], fuel_used: u64) -> ExecResult {
	ExecResult { exit: 0, output_hash: depin_primitives::output_hash(output), fuel_used }
}

#[test]
fn verified_task_pays_devices_and_refunds_the_rest() {
	test(|| {
		let (t, devices) = revealing_task(3);
		let owners: Vec<_> = task(t).slots.iter().map(|s| s.owner).collect();
		let owner_before: Vec<_> = owners.iter().map(Balances::balance).collect();
		let dapp_before = Balances::balance(&2);
		let fees_before = Balances::balance(&FEE_DESTINATION);
		let result = result_for(b"42", 300);
		assert_ok!(Market::verified(t, result, b"42".to_vec(), &PUBLISHER));
		assert_eq!(task(t).state, TaskState::Verified);
		assert_eq!(Market::output(t), Some(b"42".to_vec()));
		for d in &devices {
			assert_eq!(Market::pay(t, d, 300).map(|p| p.amount), Ok(600));
		}
		assert_ok!(Market::close(t));
		// 600 each: 540 to the owner, the 10 % protocol fee to its destination.
		for (o, before) in owners.iter().zip(owner_before) {
			assert_eq!(Balances::balance(o), before + 540);
		}
		assert_eq!(Balances::balance(&FEE_DESTINATION), fees_before + 180);
		// Escrow 6_000, paid 1_800, the rest back; the output deposit (2 × 2) stays held.
		assert_eq!(Balances::balance(&2), dapp_before + 6_000 - 1_800 - 4);
		assert_eq!(escrow_held(2), 0);
		let info = task(t);
		assert_eq!((info.paid, info.escrow), (1_800, 0));
		assert!(info.finished_at.is_some());
		let credits = CREDITS.with(|c| c.borrow().clone());
		assert_eq!(credits, owners.iter().map(|o| (*o, 600)).collect::<Vec<_>>(), "value paid");
		for d in &devices {
			assert_eq!(pallet_devices::Devices::<Test>::get(d).unwrap().open_assignments, 0);
		}
		// Pruning returns the output deposit.
		run_to(2 + RETENTION);
		assert_eq!(Balances::balance_on_hold(&HoldReason::OutputDeposit.into(), &2), 0);
		assert_eq!(Market::output(t), None);
	});
}

#[test]
fn verified_output_must_match_and_fit() {
	test(|| {
		let (t, _) = revealing_task(2);
		assert_noop!(
			Market::verified(t, result_for(b"42", 1), b"43".to_vec(), &PUBLISHER),
			Error::<Test>::OutputMismatch
		);
		let big = vec![1u8; MAX_OUTPUT_LEN as usize + 1];
		assert_noop!(
			Market::verified(t, result_for(&big, 1), big.clone(), &PUBLISHER),
			Error::<Test>::OutputTooLarge
		);
		assert_ok!(Market::verified(t, result_for(b"42", 1), b"42".to_vec(), &PUBLISHER));
		assert_eq!(Market::output(t), Some(b"42".to_vec()));
		assert_noop!(
			Market::verified(t, result_for(b"42", 1), b"42".to_vec(), &PUBLISHER),
			Error::<Test>::WrongState
		);
	});
}

#[test]
fn payment_is_capped_by_max_fuel_and_escrow() {
	test(|| {
		let (t, devices) = revealing_task(1);
		assert_ok!(Market::verified(t, result_for(b"", 5_000), Vec::new(), &PUBLISHER));
		// fuel_used above max_fuel pays max_fuel.
		assert_eq!(Market::pay(t, &devices[0], 5_000).map(|p| p.amount), Ok(2_000));
		assert_noop!(Market::pay(t, &devices[0], 1), Error::<Test>::EscrowExhausted);
		assert_noop!(Market::pay(t, &999, 1), Error::<Test>::NotAssigned);
	});
}

#[test]
fn escalation_adds_replicas_and_escrow_until_the_limit() {
	test(|| {
		let (t, _) = revealing_task(1);
		assert_ok!(Market::escalate(t));
		let info = task(t);
		assert_eq!((info.state, info.open_slots, info.escalations), (TaskState::Committing, 2, 1));
		assert_eq!(info.escrow, 2_000 * 3);
		assert_eq!(escrow_held(2), 2_000 * 3);
		run_to(3);
		assert_eq!(task(t).slots.len(), 3);
		for d in devices_of(t) {
			let _ = Market::record_commit(t, &d);
		}
		assert_eq!(task(t).state, TaskState::Revealing);
		assert_ok!(Market::escalate(t));
		run_to(4);
		for d in devices_of(t) {
			let _ = Market::record_commit(t, &d);
		}
		assert_noop!(Market::escalate(t), Error::<Test>::NoEscalationLeft);
		assert_ok!(Market::fail(t));
		assert_eq!(task(t).state, TaskState::Failed);
		assert_eq!(escrow_held(2), 0);
	});
}

#[test]
fn settlement_refuses_wrong_states() {
	test(|| {
		let id = upload(1, 1);
		let t = submit(2, id, params(1));
		assert_noop!(
			Market::verified(t, result_for(b"", 1), Vec::new(), &PUBLISHER),
			Error::<Test>::WrongState
		);
		assert_noop!(Market::escalate(t), Error::<Test>::WrongState);
		assert_noop!(Market::close(t), Error::<Test>::WrongState);
		assert_ok!(Market::cancel_task(RuntimeOrigin::signed(2), t));
		assert_noop!(Market::fail(t), Error::<Test>::WrongState);
		assert_noop!(Market::pay(99, &1, 1), Error::<Test>::UnknownTask);
	});
}

#[test]
fn stats_count_devices_programs_and_tasks() {
	test(|| {
		three_devices();
		let id = upload(1, 1);
		submit(2, id, params(1));
		submit(2, id, params(5));
		run_to(2);
		let s = Market::stats();
		// Three online devices and five standby ones that count as capacity.
		assert_eq!((s.devices, s.candidates, s.programs, s.tasks_submitted), (8, 3, 1, 2));
		assert_eq!((s.tasks.queued, s.tasks.assigned), (1, 1));
	});
}

#[test]
fn task_view_reports_progress() {
	test(|| {
		let (t, devices) = revealing_task(2);
		let v = Market::task_view(t).unwrap();
		assert_eq!(v.state, TaskState::Revealing);
		assert_eq!(v.verification.commits, 2);
		assert_eq!(v.slots.len(), 2);
		assert_eq!(v.slots[0].device, devices[0]);
		assert!(Market::task_view(99).is_none());
	});
}

#[test]
fn constants_are_consistent() {
	use frame_support::traits::Hooks;
	new_test_ext().execute_with(<Market as Hooks<u64>>::integrity_test);
}

// ---------------------------------------------------------------- attacks

/// A device of `fuel_per_second` for `owner`.
fn device_of_speed(owner: AccountId, device: AccountId, fuel_per_second: u64) {
	add_device(owner, device, depin_primitives::DeviceSpec { fuel_per_second, ..spec(1024, 1) });
}

#[test]
fn work_a_device_cannot_finish_in_time_is_never_given_to_it() {
	test(|| {
		// 1 000 fuel/s: 30 blocks (the longest execution allowed) run 30 000 fuel.
		device_of_speed(11, 101, 1_000);
		device_of_speed(12, 102, 1_000_000);
		let id = upload(1, 1);
		let heavy = submit(2, id, TaskParams { max_fuel: 1_000_000, ..params(1) });
		run_to(2);
		assert_eq!(devices_of(heavy), vec![102], "only the fast device can finish it");
		// Its commit deadline covers the execution: 1 000 000 fuel at 10⁶ fuel/s is 1 block.
		assert_eq!(task(heavy).slots[0].commit_by, 2 + COMMIT_TIMEOUT + 1);
		let light = submit(2, id, TaskParams { max_fuel: 20_000, ..params(2) });
		run_to(3);
		let info = task(light);
		assert_eq!(info.slots.len(), 2, "both can finish it");
		// The slow device gets the 20 blocks it needs at its declared speed.
		let slow = info.slots.iter().find(|s| s.device == 101).unwrap();
		assert_eq!(slow.commit_by, 3 + COMMIT_TIMEOUT + 20);
		let bond = pallet_devices::Devices::<Test>::get(101).unwrap().bond;
		run_to(3 + COMMIT_TIMEOUT + 19);
		assert!(devices_of(light).contains(&101), "not released before its deadline");
		assert_eq!(pallet_devices::Devices::<Test>::get(101).unwrap().bond, bond);
	});
}

#[test]
fn a_device_declines_without_a_slash_and_the_task_is_offered_again() {
	test(|| {
		three_devices();
		let id = upload(1, 1);
		let t = submit(2, id, params(2));
		run_to(2);
		let d = devices_of(t)[0];
		let bond = pallet_devices::Devices::<Test>::get(d).unwrap().bond;
		assert_noop!(
			Market::decline_task(RuntimeOrigin::signed(d), 99),
			Error::<Test>::UnknownTask
		);
		assert_noop!(
			Market::decline_task(RuntimeOrigin::signed(104), t),
			Error::<Test>::NotAssigned
		);
		let free = Balances::balance(&d);
		assert_ok!(Market::decline_task(RuntimeOrigin::signed(d), t));
		let info = pallet_devices::Devices::<Test>::get(d).unwrap();
		assert_eq!((info.bond, info.reputation.timeouts, info.listed), (bond, 0, true));
		assert_eq!(Balances::balance(&d), free - DECLINE_FEE, "the decline fee, no slash");
		assert_eq!(task(t).faults, 1);
		assert!(market_events().contains(&Event::SlotReleased {
			task: t,
			device: d,
			reason: ReleaseReason::Declined
		}));
		run_to(3);
		assert_eq!(task(t).state, TaskState::Assigned, "offered again");
		let committed = devices_of(t)[0];
		assert_ok!(Market::record_commit(t, &committed));
		assert_noop!(
			Market::decline_task(RuntimeOrigin::signed(committed), t),
			Error::<Test>::AlreadyCommitted
		);
	});
}

#[test]
fn a_task_that_keeps_failing_its_devices_is_abandoned_at_the_submitters_cost() {
	test(|| {
		for i in 0..6 {
			add_device(11 + i, 101 + i, spec(1024, 1));
		}
		let id = upload(1, 1);
		let t = submit(2, id, params(1));
		let escrow_before = Balances::balance(&2);
		let deposit = task(t).deposit;
		let fees = Balances::balance(&FEE_DESTINATION);
		// Every device it reaches declines (the module fails on every host).
		for round in 0..MAX_TASK_FAULTS as u64 {
			run_to(2 + round);
			let d = devices_of(t)[0];
			assert_ok!(Market::decline_task(RuntimeOrigin::signed(d), t));
		}
		let info = task(t);
		assert_eq!((info.state, info.faults), (TaskState::Failed, MAX_TASK_FAULTS as u8));
		assert_eq!(Balances::balance(&2), escrow_before + 1_000 * 2, "escrow back");
		assert_eq!(Balances::balance_on_hold(&HoldReason::TaskDeposit.into(), &2), 0);
		let decline_fees = DECLINE_FEE * MAX_TASK_FAULTS as u64;
		assert_eq!(
			Balances::balance(&FEE_DESTINATION),
			fees + deposit + decline_fees,
			"deposit forfeited, decline fees paid"
		);
		assert!(market_events().contains(&Event::TaskAbandoned {
			task: t,
			faults: MAX_TASK_FAULTS as u8,
			forfeited: deposit
		}));
	});
}

#[test]
fn declines_that_abandon_a_task_cost_the_decliners_more_than_the_dapp_loses() {
	test(|| {
		for i in 0..6 {
			add_device(11 + i, 101 + i, spec(1024, 1));
		}
		let id = upload(1, 1);
		// The largest deposit a task can have.
		let t = submit_with_input(2, id, params(1), vec![7; MAX_INPUT_LEN as usize]);
		let deposit = task(t).deposit;
		let mut decliners_paid = 0;
		for round in 0..MAX_TASK_FAULTS as u64 {
			run_to(2 + round);
			let d = devices_of(t)[0];
			let before = Balances::balance(&d);
			assert_ok!(Market::decline_task(RuntimeOrigin::signed(d), t));
			decliners_paid += before - Balances::balance(&d);
		}
		assert_eq!(task(t).state, TaskState::Failed);
		assert!(
			decliners_paid > deposit,
			"griefing devices paid {decliners_paid}, the dApp lost {deposit}"
		);
	});
}

#[test]
fn a_device_that_cannot_pay_the_decline_fee_keeps_its_slot() {
	test(|| {
		three_devices();
		let id = upload(1, 1);
		let t = submit(2, id, params(1));
		run_to(2);
		let d = devices_of(t)[0];
		let keep = DECLINE_FEE - 1;
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(&d, keep);
		assert_noop!(
			Market::decline_task(RuntimeOrigin::signed(d), t),
			Error::<Test>::CannotPayDeclineFee
		);
		assert_eq!(devices_of(t), vec![d]);
	});
}

#[test]
fn paying_ones_own_devices_earns_no_points() {
	test(|| {
		// Owner 11 submits and owns one of the devices.
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(&11, 1_000_000_000);
		let (t, devices) = {
			three_devices();
			let id = upload(1, 1);
			let t = submit(11, id, params(3));
			run_to(2);
			(t, devices_of(t))
		};
		for d in &devices {
			assert_ok!(Market::record_commit(t, d));
		}
		assert_ok!(Market::verified(t, result_for(b"", 100), Vec::new(), &PUBLISHER));
		for d in &devices {
			assert_ok!(Market::pay(t, d, 100));
		}
		let credits = CREDITS.with(|c| c.borrow().clone());
		assert_eq!(credits.len(), 2, "the submitter's own device earns nothing: {credits:?}");
		assert!(credits.iter().all(|(o, p)| *o != 11 && *p == 200));
	});
}

#[test]
fn a_task_checked_by_one_device_earns_no_points_and_points_are_capped() {
	test(|| {
		let (t, devices) = revealing_task(1);
		assert_ok!(Market::verified(t, result_for(b"", 100), Vec::new(), &PUBLISHER));
		assert_ok!(Market::pay(t, &devices[0], 100));
		assert!(CREDITS.with(|c| c.borrow().is_empty()), "one replica proves nothing");

		MaxPointsPerPayment::set(50);
		let id = upload(1, 2);
		let t = submit(2, id, params(2));
		run_to(3);
		for d in devices_of(t) {
			assert_ok!(Market::record_commit(t, &d));
		}
		assert_ok!(Market::verified(t, result_for(b"", 100), Vec::new(), &PUBLISHER));
		for d in devices_of(t) {
			assert_ok!(Market::pay(t, &d, 100));
		}
		assert!(CREDITS.with(|c| c.borrow().iter().all(|(_, p)| *p == 50)));
		MaxPointsPerPayment::set(u64::MAX);
	});
}

#[test]
fn a_full_wheel_never_makes_an_honest_commit_fail() {
	test(|| {
		three_devices();
		let id = upload(1, 1);
		let t = submit(2, id, params(2));
		run_to(2);
		// An attacker filled every wheel block where the reveal window could end.
		let full: frame_support::BoundedVec<_, _> =
			vec![crate::Timer::TaskDeadline(999); 8].try_into().unwrap();
		for b in 2..40 {
			Timers::<Test>::insert(b, full.clone());
		}
		for d in devices_of(t) {
			assert_ok!(Market::record_commit(t, &d));
		}
		assert_eq!(task(t).state, TaskState::Revealing);
		(2..40).for_each(Timers::<Test>::remove);
		run_to(2 + REVEAL_WINDOW);
		assert_eq!(REVEAL_TIMEOUTS.with(|r| r.borrow().clone()), vec![t], "window closed");
	});
}

#[test]
fn a_commit_deadline_without_room_rolls_the_assignment_back() {
	test(|| {
		three_devices();
		let id = upload(1, 1);
		let t = submit(2, id, params(2));
		// Every block where the commit deadline could go is full.
		let full: frame_support::BoundedVec<_, _> =
			vec![crate::Timer::TaskDeadline(999); 8].try_into().unwrap();
		for b in 2..60 {
			Timers::<Test>::insert(b, full.clone());
		}
		crate::pallet::Counters::<Test>::mutate(|c| c.timer_cursor = None);
		System::set_block_number(2);
		Market::schedule(2, &mut frame_support::weights::WeightMeter::new());
		let info = task(t);
		assert_eq!((info.state, info.slots.len(), info.open_slots), (TaskState::Queued, 0, 2));
		for d in 101..=103 {
			assert_eq!(pallet_devices::Devices::<Test>::get(d).unwrap().open_assignments, 0);
		}
		(2..60).for_each(Timers::<Test>::remove);
	});
}

#[test]
fn task_deadlines_may_fill_only_half_of_a_block() {
	test(|| {
		// MaxTimersPerBlock is 8: four deadlines per block, over the 16 spill blocks.
		let mut accepted = 0u64;
		while Market::push_deadline(31, accepted).is_ok() {
			accepted += 1;
			assert!(accepted <= 200, "deadlines must run out of room");
		}
		assert_eq!(accepted, 4 * crate::timers::TIMER_SPILL_BLOCKS as u64);
		assert_noop!(Market::ensure_deadline_room(31), Error::<Test>::TimersFull);
		// The other half stays for commit deadlines.
		let commit = |task| crate::Timer::CommitDeadline { task, device: 101, assigned_at: 1 };
		for task in 0..4 {
			assert_ok!(Market::push_commit_deadline(31, commit(task)));
		}
		assert_eq!(Timers::<Test>::decode_len(31), Some(8));
		let _ = Timers::<Test>::clear(u32::MAX, None);
		crate::pallet::Counters::<Test>::mutate(|c| c.timer_cursor = None);
	});
}

#[test]
fn timers_of_finished_tasks_cost_one_read_and_leave_the_scheduler_its_share() {
	use crate::weights::WeightInfo;
	test(|| {
		standby_devices(1);
		let id = upload(1, 1);
		MaxOpenTasksPerSubmitter::set(100);
		// Submit-and-cancel spam: 32 stale deadline timers due from block 31 on.
		for i in 0..32u64 {
			let t = submit(2, id, TaskParams { deadline: 30, ..params(1) });
			assert_ok!(Market::cancel_task(RuntimeOrigin::signed(2), t));
			assert_eq!(t, i);
			// The scheduler drops cancelled tasks from the queue.
			Market::schedule(1, &mut frame_support::weights::WeightMeter::new());
		}
		MaxOpenTasksPerSubmitter::set(16);
		let deadline = Market::timer_weight(&crate::Timer::TaskDeadline(0));
		let db: frame_support::weights::RuntimeDbWeight =
			<Test as frame_system::Config>::DbWeight::get();
		let stale = db.reads(1);
		assert!(stale.ref_time() > 0 && deadline.ref_time() > 10 * stale.ref_time());
		// A hook that could fire only three deadlines at their worst case fires all 32
		// stale ones, each charged a read.
		let base = <() as WeightInfo>::hook_base();
		let wheel = db.reads_writes(1, 1);
		HookWeightLimit::set((base + wheel * 40 + deadline * 3) * 4 / 3);
		run_to(31 + 16);
		assert!((31..31 + 16).all(|b| Timers::<Test>::decode_len(b).is_none()), "all fired");
		HookWeightLimit::set(Weight::from_parts(2_000_000_000_000, u64::MAX));
	});
}

#[test]
fn escalation_needs_a_round_that_fits_before_the_deadline() {
	test(|| {
		let (t, _) = revealing_task(2);
		// Deadline 101: at block 95 a new round (5 + 4 blocks) cannot finish.
		run_to(95);
		assert_noop!(Market::escalate(t), Error::<Test>::NoEscalationLeft);
	});
}

#[test]
fn tasks_are_listed_newest_first_page_by_page_and_by_submitter() {
	test(|| {
		let p = upload(1, 1);
		let ids: Vec<u64> =
			(0..5).map(|i| submit(if i % 2 == 0 { 1 } else { 2 }, p, params(1))).collect();
		let listed = |page: &depin_primitives::Page<_, u64>| -> Vec<u64> {
			page.items.iter().map(|t: &depin_primitives::TaskView<_, _, _>| t.id).collect()
		};
		let first = Market::tasks_page(None, None, 2);
		assert_eq!(listed(&first), [ids[4], ids[3]]);
		let second = Market::tasks_page(None, first.next, 2);
		assert_eq!(listed(&second), [ids[2], ids[1]]);
		let last = Market::tasks_page(None, second.next, 2);
		assert_eq!((listed(&last), last.next), (vec![ids[0]], None));
		let alices = Market::tasks_page(Some(&1), None, 10);
		assert_eq!(listed(&alices), [ids[4], ids[2], ids[0]]);
		assert!(Market::tasks_page(Some(&3), None, 10).items.is_empty());
	});
}

#[test]
fn the_queue_is_listed_from_its_head() {
	test(|| {
		let p = upload(1, 1);
		let ids: Vec<u64> = (0..3).map(|_| submit(1, p, params(1))).collect();
		let first = Market::queue_page(0, 2);
		assert_eq!((first.items.clone(), first.next), (ids[..2].to_vec(), Some(2)));
		let rest = Market::queue_page(2, 2);
		assert_eq!((rest.items, rest.next), (ids[2..].to_vec(), None));
	});
}

// ---------------------------------------------------------------- prices

/// A device spec of one core: one assignment at a time.
fn one_core() -> depin_primitives::DeviceSpec {
	depin_primitives::DeviceSpec { cores: 1, ..spec(1024, 1) }
}

/// A 1-replica task bidding `fuel_price`.
fn bid(fuel_price: Balance) -> TaskParams<Balance> {
	TaskParams { fuel_price, ..params(1) }
}

#[test]
fn a_higher_bid_is_served_first_when_devices_are_scarce() {
	test(|| {
		add_device(11, 101, one_core());
		let id = upload(1, 1);
		let low = submit(2, id, bid(2));
		let high = submit(3, id, bid(8));
		run_to(2);
		assert_eq!(devices_of(high), vec![101], "the higher bid gets the one device");
		assert_eq!(task(low).state, TaskState::Queued, "the earlier, lower bid waits");
		// Equal bids are served in order of arrival.
		add_device(12, 102, one_core());
		let later = submit(1, id, bid(2));
		run_to(3);
		assert_eq!(devices_of(low), vec![102]);
		assert_eq!(task(later).state, TaskState::Queued);
	});
}

#[test]
fn a_device_is_never_assigned_below_its_ask() {
	test(|| {
		add_device(11, 101, spec(1024, 1));
		assert_ok!(Devices::set_ask(RuntimeOrigin::signed(11), 101, 5));
		let id = upload(1, 1);
		let cheap = submit(2, id, bid(4));
		run_to(5);
		assert_eq!(task(cheap).state, TaskState::Queued, "4 per fuel is below the ask of 5");
		let fair = submit(3, id, bid(5));
		run_to(6);
		assert_eq!(devices_of(fair), vec![101], "a bid at the ask is served");
		// Another device without an ask takes the cheap task.
		add_device(12, 102, spec(1024, 1));
		run_to(7);
		assert_eq!(devices_of(cheap), vec![102]);
		// Over the whole run, no slot went to a device asking more than its task's bid.
		for t in [cheap, fair] {
			let info = task(t);
			for slot in info.slots.iter() {
				let ask = pallet_devices::Devices::<Test>::get(slot.device).unwrap().ask;
				assert!(ask <= info.params.fuel_price);
			}
		}
	});
}

#[test]
fn an_unservable_high_bid_does_not_block_servable_lower_ones() {
	test(|| {
		three_devices();
		let id = upload(1, 1);
		// More high bids nobody online can fill (5 replicas) than the look-ahead (4).
		let junk: Vec<_> =
			(0..5).map(|_| submit(2, id, TaskParams { fuel_price: 64, ..params(5) })).collect();
		let honest = submit(3, id, bid(2));
		run_to(2);
		assert_eq!(task(honest).state, TaskState::Assigned, "served in the first block");
		assert!(junk.iter().all(|t| task(*t).state == TaskState::Queued));
	});
}

#[test]
fn a_raised_bid_moves_the_task_ahead_and_holds_more_escrow() {
	test(|| {
		let id = upload(1, 1);
		let first = submit(2, id, bid(2));
		let second = submit(3, id, bid(2));
		let held = escrow_held(3);
		assert_noop!(
			Market::bump_task(RuntimeOrigin::signed(2), second, 9),
			Error::<Test>::NotSubmitter
		);
		assert_noop!(
			Market::bump_task(RuntimeOrigin::signed(3), second, 2),
			Error::<Test>::BidNotHigher
		);
		assert_noop!(
			Market::bump_task(RuntimeOrigin::signed(3), 99, 9),
			Error::<Test>::UnknownTask
		);
		assert_noop!(
			Market::bump_task(RuntimeOrigin::signed(3), second, Balance::MAX / 2),
			Error::<Test>::EscrowOverflow
		);
		assert_noop!(
			Market::bump_task(RuntimeOrigin::signed(3), second, 10_000_000),
			Error::<Test>::InsufficientBalance
		);
		// Within its level (2 and 3 share none: 3 is a level up; 2 → 2 is refused above), a
		// raise keeps the task's place; into a higher level it goes ahead of lower bids.
		assert_ok!(Market::bump_task(RuntimeOrigin::signed(3), second, 9));
		assert_eq!(escrow_held(3), held + 1_000 * 7);
		assert_eq!(task(second).params.fuel_price, 9);
		assert!(market_events().contains(&Event::TaskBidRaised {
			task: second,
			fuel_price: 9,
			level: depin_primitives::price_level(9, 1),
			extra_escrow: 7_000,
		}));
		assert_eq!(Market::queue_page(0, 10).items, vec![second, first]);
		check_invariants();
		add_device(11, 101, one_core());
		run_to(2);
		assert_eq!(devices_of(second), vec![101]);
		assert_eq!(task(first).state, TaskState::Queued);
		// Once its devices are assigned, a task is no longer queued.
		assert_noop!(
			Market::bump_task(RuntimeOrigin::signed(3), second, 20),
			Error::<Test>::NotQueued
		);
	});
}

#[test]
fn a_raise_within_a_level_keeps_the_tasks_place() {
	test(|| {
		let id = upload(1, 1);
		let first = submit(2, id, bid(8));
		let second = submit(3, id, bid(8));
		// 8 and 9 are both in the level of 8 (8 ..= 9).
		assert_eq!(depin_primitives::price_level(9, 1), depin_primitives::price_level(8, 1));
		assert_ok!(Market::bump_task(RuntimeOrigin::signed(3), second, 9));
		assert_eq!(Market::queue_page(0, 10).items, vec![first, second]);
	});
}

#[test]
fn the_market_view_matches_the_queue_and_the_asks() {
	test(|| {
		add_device(11, 101, spec(1024, 1));
		assert_ok!(Devices::set_ask(RuntimeOrigin::signed(11), 101, 100));
		let id = upload(1, 1);
		submit(2, id, bid(2));
		submit(3, id, TaskParams { fuel_price: 2, ..params(2) });
		submit(1, id, bid(40));
		let asks = pallet_devices::Pallet::<Test>::listed_asks();
		let view = Market::market_view(asks);
		let level = |p: Balance| depin_primitives::price_level(p as u128, 1);
		let summary: Vec<_> =
			view.levels.iter().map(|l| (l.level, l.tasks, l.replicas, l.devices)).collect();
		assert_eq!(summary, vec![(level(100), 0, 0, 1), (level(40), 1, 1, 0), (level(2), 2, 3, 0)]);
		assert_eq!(view.levels[0].from, 96, "the level of 100 starts at 96");
		assert_eq!(view.median_clearing_price, None);
		// The device lowers its ask; the 40 bid is served in era 0 and the view of era 1
		// reports it as the clearing price.
		run_to(1 + 5);
		assert_ok!(Devices::set_ask(RuntimeOrigin::signed(11), 101, 40));
		run_to(7);
		ERA.with(|e| *e.borrow_mut() = 1);
		let view = Market::market_view(pallet_devices::Pallet::<Test>::listed_asks());
		assert_eq!((view.last_era, view.cleared_replicas), (0, 1));
		assert_eq!(
			view.median_clearing_price,
			Some(depin_primitives::level_floor(level(40), 1) as Balance)
		);
		let queued: u32 = view.levels.iter().map(|l| l.tasks).sum();
		assert_eq!(queued, Market::queue_len());
	});
}

mod sourced_input;
mod stored_input;
mod stored_output;
