//! Tasks on inputs the chain does not keep, fetched from sources: what submission checks,
//! what a device that cannot fetch them does, and how such a task fails.

use super::*;
use codec::Encode;
use depin_primitives::{
	data::{MAX_SOURCES, MAX_SOURCE_LEN},
	BlobRef,
};

const SOURCE: &[u8] = b"https://data.example.com/blobs/{hash}";

/// A 2 500-byte blob: three blocks of transfer at 1 000 B/s.
fn input() -> BlobRef {
	BlobRef { manifest: [7; 32], size: 2_500 }
}

/// The program `upload(1, 1)` stores.
fn program() -> ProgramId {
	sp_io::hashing::blake2_256(&code(1))
}

fn submit_sourced(
	sources: Vec<Vec<u8>>,
	p: TaskParams<Balance>,
) -> frame_support::dispatch::DispatchResult {
	Market::submit_sourced_task(RuntimeOrigin::signed(2), program(), input(), sources, p, 0)
}

/// A 3-replica task on sources, assigned to the three devices of `three_devices`.
fn assigned_sourced_task() -> u64 {
	three_devices();
	upload(1, 1);
	assert_ok!(submit_sourced(vec![SOURCE.to_vec()], params(3)));
	run_to(2);
	assert_eq!(task(0).state, TaskState::Assigned);
	0
}

#[test]
fn a_task_on_sources_keeps_its_reference_and_sources_and_gives_devices_the_transfer_time() {
	test(|| {
		three_devices();
		upload(1, 1);
		let mirror = b"http://127.0.0.1:8080/{hash}.bin".to_vec();
		assert_ok!(submit_sourced(vec![SOURCE.to_vec(), mirror.clone()], params(1)));
		assert_eq!(StoredInputs::<Test>::get(0), Some(input()));
		assert_eq!(Market::stored_input(0), Some(input()));
		let kept: Vec<Vec<u8>> =
			InputSources::<Test>::get(0).unwrap().into_iter().map(|s| s.into_inner()).collect();
		assert_eq!(kept, vec![SOURCE.to_vec(), mirror]);
		assert_eq!(task(0).transfer_blocks, 3);
		// The deposit pays for the reference and the sources.
		let stored = (input(), InputSources::<Test>::get(0).unwrap()).encoded_size() as Balance;
		assert_eq!(task(0).deposit, TASK_DEPOSIT_BASE + stored);
	});
}

#[test]
fn sources_nobody_could_fetch_from_are_refused_without_side_effects() {
	test(|| {
		three_devices();
		upload(1, 1);
		let refused = |sources: Vec<&[u8]>, error: Error<Test>| {
			let sources = sources.into_iter().map(|s| s.to_vec()).collect();
			assert_noop!(submit_sourced(sources, params(1)), error);
		};
		refused(vec![], Error::<Test>::NoSources);
		refused(vec![SOURCE; MAX_SOURCES as usize + 1], Error::<Test>::TooManySources);
		refused(vec![b"ftp://example.com/{hash}"], Error::<Test>::InvalidSource);
		refused(vec![b"https://example.com/blob"], Error::<Test>::InvalidSource);
		refused(vec![SOURCE, b"https://example.com/{hash} x"], Error::<Test>::InvalidSource);
		let long = [b"https://".as_slice(), &[b'a'; MAX_SOURCE_LEN as usize], b"{hash}"].concat();
		refused(vec![long.as_slice()], Error::<Test>::InvalidSource);
		let huge = BlobRef { size: Market::max_output_blob() + 1, ..input() };
		let source = vec![SOURCE.to_vec()];
		assert_noop!(
			Market::submit_sourced_task(
				RuntimeOrigin::signed(2),
				program(),
				huge,
				source,
				params(1),
				0
			),
			Error::<Test>::InputTooLarge
		);
	});
}

#[test]
fn a_device_that_cannot_fetch_the_input_gives_its_slot_up_for_nothing_once() {
	test(|| {
		let t = assigned_sourced_task();
		let devices = devices_of(t);
		let (balance, total) = (Balances::balance(&devices[0]), Balances::total_balance(&11));
		assert_ok!(Market::report_input_unavailable(RuntimeOrigin::signed(devices[0]), t));
		System::assert_has_event(
			Event::SlotReleased {
				task: t,
				device: devices[0],
				reason: ReleaseReason::InputUnavailable,
			}
			.into(),
		);
		let info = task(t);
		assert_eq!((info.open_slots, info.faults, info.state), (1, 0, TaskState::Queued));
		assert_eq!(Balances::balance(&devices[0]), balance, "no fee");
		assert_eq!(Balances::total_balance(&11), total, "no slash");
		let owner = 11; // of devices[0]
		assert_eq!(UnavailableReports::<Test>::get(t).into_inner(), vec![owner]);
		// Given the slot again, the same owner cannot report twice.
		run_to(3);
		assert!(devices_of(t).contains(&devices[0]));
		assert_noop!(
			Market::report_input_unavailable(RuntimeOrigin::signed(devices[0]), t),
			Error::<Test>::AlreadyReported
		);
	});
}

#[test]
fn reports_are_refused_from_others_after_a_commitment_and_for_kept_inputs() {
	test(|| {
		let t = assigned_sourced_task();
		let devices = devices_of(t);
		let report =
			|who: AccountId, t| Market::report_input_unavailable(RuntimeOrigin::signed(who), t);
		assert_noop!(report(devices[0], 9), Error::<Test>::UnknownTask);
		assert_noop!(report(101_000, t), Error::<Test>::NotAssigned);
		assert_ok!(Market::record_commit(t, &devices[1]));
		assert_noop!(report(devices[1], t), Error::<Test>::AlreadyCommitted);
		// A task on an inline input.
		standby_devices(1);
		let inline = submit(2, program(), params(1));
		run_to(3);
		let device = devices_of(inline)[0];
		assert_noop!(report(device, inline), Error::<Test>::NotFromSources);
	});
}

#[test]
fn as_many_owners_as_replicas_reporting_fail_the_task_at_its_submitter_s_cost_only() {
	test(|| {
		let t = assigned_sourced_task();
		let devices = devices_of(t);
		let deposit = task(t).deposit;
		let totals: Vec<_> = [11, 12, 13].iter().map(Balances::total_balance).collect();
		let dapp = Balances::total_balance(&2);
		for device in &devices {
			assert_ok!(Market::report_input_unavailable(RuntimeOrigin::signed(*device), t));
		}
		assert_eq!(task(t).state, TaskState::Failed);
		System::assert_has_event(
			Event::InputUnavailable { task: t, reporters: 3, forfeited: deposit }.into(),
		);
		assert_eq!(escrow_held(2), 0, "the escrow is refunded");
		assert_eq!(Balances::total_balance(&2), dapp - deposit, "the deposit is forfeited");
		let after: Vec<_> = [11, 12, 13].iter().map(Balances::total_balance).collect();
		assert_eq!(after, totals, "no device owner lost anything");
		// Everything of it leaves state with the task.
		run_to(2 + RETENTION + 1);
		assert!(Tasks::<Test>::get(t).is_none());
		assert!(InputSources::<Test>::get(t).is_none());
		assert!(UnavailableReports::<Test>::get(t).is_empty());
		assert!(StoredInputs::<Test>::get(t).is_none());
	});
}

#[test]
fn the_prune_of_a_task_on_sources_removes_its_sources_and_reports_and_is_charged_for_them() {
	test(|| {
		let t = assigned_sourced_task();
		for device in devices_of(t) {
			assert_ok!(Market::report_input_unavailable(RuntimeOrigin::signed(device), t));
		}
		assert_eq!(task(t).state, TaskState::Failed);
		assert!(UnavailableReports::<Test>::contains_key(t));
		let used = Market::fire(crate::Timer::Prune(t));
		let counters = Market::hook_shared_weight();
		assert_eq!(used, <() as crate::WeightInfo>::timer_prune_stored(0) - counters);
		assert!(Tasks::<Test>::get(t).is_none());
		assert!(StoredInputs::<Test>::get(t).is_none());
		assert!(InputSources::<Test>::get(t).is_none());
		assert!(!UnavailableReports::<Test>::contains_key(t));
	});
}
