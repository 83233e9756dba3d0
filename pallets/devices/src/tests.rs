//! Tests of the device registry: every call, every error, the candidate index, slashing.

use crate::{
	mock::*,
	pallet::{
		CandidateCount, DeviceCount, Devices as DeviceRecords, Event, HoldReason, OwnerDevices,
		Registrations, UnlistReason,
	},
	Error,
};
use depin_primitives::{
	Candidate, DeviceRegistry, DeviceSpec, DeviceStatus, Outcome, Reputation, SlashReason,
};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::Pays,
	traits::fungible::{Inspect, InspectHold},
};
use sp_runtime::Perbill;

/// `device`'s consent to be registered by `owner`.
fn consent(owner: AccountId, device: AccountId) -> sp_runtime::testing::TestSignature {
	crate::testing::consent::<Test>(owner, device)
}

fn spec() -> DeviceSpec {
	DeviceSpec {
		cores: 2,
		memory_mib: 1024,
		fuel_per_second: 1_000_000,
		executor_version: 1,
		determinism_class: 7,
	}
}

fn register(owner: AccountId, device: AccountId) {
	assert_ok!(Devices::register_device(
		RuntimeOrigin::signed(owner),
		device,
		spec(),
		consent(owner, device)
	));
}

fn register_and_beat(owner: AccountId, device: AccountId) {
	register(owner, device);
	assert_ok!(Devices::heartbeat(RuntimeOrigin::signed(device)));
}

fn held(owner: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::DeviceBond.into(), &owner)
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Devices(e) => Some(e),
			_ => None,
		})
		.expect("a devices event")
}

#[test]
fn register_puts_bond_on_hold_and_records_the_device() {
	test(|| {
		register(1, 101);
		assert_eq!(held(1), MIN_BOND);
		assert_eq!(Balances::balance(&1), 10_000 - MIN_BOND);
		let info = DeviceRecords::<Test>::get(101).unwrap();
		assert_eq!(info.owner, 1);
		assert_eq!(info.status, DeviceStatus::Active);
		assert_eq!(info.bond, MIN_BOND);
		assert_eq!(info.last_heartbeat, None);
		assert!(!info.listed, "not listed before its first heartbeat");
		assert_eq!(info.reputation, Reputation::default());
		assert_eq!(DeviceCount::<Test>::get(), 1);
		assert_eq!(OwnerDevices::<Test>::get(1).into_inner(), vec![101]);
		assert_eq!(last_event(), Event::DeviceRegistered { device: 101, owner: 1, bond: MIN_BOND });
	});
}

#[test]
fn register_rejects_a_known_device() {
	test(|| {
		register(1, 101);
		assert_noop!(
			Devices::register_device(RuntimeOrigin::signed(2), 101, spec(), consent(2, 101)),
			Error::<Test>::AlreadyRegistered
		);
	});
}

#[test]
fn register_rejects_out_of_range_specs() {
	test(|| {
		for bad in [
			DeviceSpec { cores: 0, ..spec() },
			DeviceSpec { cores: 65, ..spec() },
			DeviceSpec { memory_mib: 0, ..spec() },
			DeviceSpec { fuel_per_second: 0, ..spec() },
		] {
			assert_noop!(
				Devices::register_device(RuntimeOrigin::signed(1), 101, bad, consent(1, 101)),
				Error::<Test>::InvalidSpec
			);
		}
	});
}

/// A version nobody ships would make a portable-task group of its declarers' own.
#[test]
fn executor_versions_outside_the_runtimes_range_are_refused() {
	test(|| {
		let newest = depin_primitives::EXECUTOR_VERSION;
		for bad in [0, newest + 1, u32::MAX] {
			let spec = DeviceSpec { executor_version: bad, ..spec() };
			assert_noop!(
				Devices::register_device(RuntimeOrigin::signed(1), 101, spec, consent(1, 101)),
				Error::<Test>::UnsupportedExecutorVersion
			);
		}
		assert_ok!(Devices::register_device(
			RuntimeOrigin::signed(1),
			101,
			spec(),
			consent(1, 101)
		));
		assert_noop!(
			Devices::update_spec(
				RuntimeOrigin::signed(1),
				101,
				DeviceSpec { executor_version: newest + 1, ..spec() }
			),
			Error::<Test>::UnsupportedExecutorVersion
		);
		let current = DeviceSpec { executor_version: newest, ..spec() };
		assert_ok!(Devices::update_spec(RuntimeOrigin::signed(1), 101, current));
	});
}

#[test]
fn register_limits_devices_per_owner_and_network() {
	test(|| {
		for d in 101..101 + MAX_PER_OWNER as u64 {
			register(1, d);
		}
		assert_noop!(
			Devices::register_device(RuntimeOrigin::signed(1), 109, spec(), consent(1, 109)),
			Error::<Test>::TooManyDevices
		);
		for d in 104..104 + (MAX_DEVICES - MAX_PER_OWNER) as u64 {
			register(2, d);
		}
		assert_noop!(
			Devices::register_device(RuntimeOrigin::signed(3), 110, spec(), consent(3, 110)),
			Error::<Test>::NetworkFull
		);
	});
}

#[test]
fn register_needs_the_bond_in_free_balance() {
	test(|| {
		// Owner 5 has exactly MIN_BOND: holding all of it would kill the account.
		assert_noop!(
			Devices::register_device(RuntimeOrigin::signed(5), 101, spec(), consent(5, 101)),
			Error::<Test>::InsufficientBond
		);
	});
}

#[test]
fn update_spec_by_owner_only() {
	test(|| {
		register(1, 101);
		let new = DeviceSpec { cores: 8, ..spec() };
		assert_noop!(
			Devices::update_spec(RuntimeOrigin::signed(2), 101, new),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Devices::update_spec(RuntimeOrigin::signed(1), 102, new),
			Error::<Test>::NotRegistered
		);
		assert_noop!(
			Devices::update_spec(RuntimeOrigin::signed(1), 101, DeviceSpec { cores: 0, ..new }),
			Error::<Test>::InvalidSpec
		);
		assert_ok!(Devices::update_spec(RuntimeOrigin::signed(1), 101, new));
		assert_eq!(DeviceRecords::<Test>::get(101).unwrap().spec, new);
		assert_eq!(last_event(), Event::SpecUpdated { device: 101, spec: new });
	});
}

#[test]
fn first_heartbeat_lists_the_device_and_is_free() {
	test(|| {
		register(1, 101);
		let post = Devices::heartbeat(RuntimeOrigin::signed(101)).unwrap();
		assert_eq!(post.pays_fee, Pays::No);
		let info = DeviceRecords::<Test>::get(101).unwrap();
		assert!(info.listed);
		assert_eq!(info.last_heartbeat, Some(1));
		assert_eq!(CandidateCount::<Test>::get(), 1);
		assert_eq!(last_event(), Event::DeviceListed { device: 101 });
	});
}

#[test]
fn heartbeats_count_once_per_period() {
	test(|| {
		register_and_beat(1, 101);
		run_to(1 + HEARTBEAT_PERIOD - 1);
		assert_noop!(
			Devices::heartbeat(RuntimeOrigin::signed(101)),
			Error::<Test>::HeartbeatTooSoon
		);
		run_to(1 + HEARTBEAT_PERIOD);
		assert_ok!(Devices::heartbeat(RuntimeOrigin::signed(101)));
		assert_eq!(
			DeviceRecords::<Test>::get(101).unwrap().last_heartbeat,
			Some(1 + HEARTBEAT_PERIOD)
		);
	});
}

#[test]
fn heartbeat_from_unknown_or_unbonding_device_fails() {
	test(|| {
		assert_noop!(Devices::heartbeat(RuntimeOrigin::signed(101)), Error::<Test>::NotRegistered);
		register(1, 101);
		assert_ok!(Devices::deregister(RuntimeOrigin::signed(1), 101));
		assert_noop!(
			Devices::heartbeat(RuntimeOrigin::signed(101)),
			Error::<Test>::AlreadyUnbonding
		);
	});
}

#[test]
fn stale_device_is_removed_from_the_index_when_probed() {
	test(|| {
		register_and_beat(1, 101);
		register_and_beat(2, 102);
		run_to(1 + HEARTBEAT_TIMEOUT);
		assert!(matches!(Devices::candidate(0), Candidate::Available { device: 101, .. }));
		run_to(2 + HEARTBEAT_TIMEOUT);
		assert_eq!(Devices::candidate(0), Candidate::Removed);
		assert_eq!(CandidateCount::<Test>::get(), 1);
		assert!(!DeviceRecords::<Test>::get(101).unwrap().listed);
		assert_eq!(
			last_event(),
			Event::DeviceUnlisted { device: 101, reason: UnlistReason::Stale }
		);
		// 102 moved into position 0; it is stale too.
		assert_eq!(Devices::candidate(0), Candidate::Removed);
		assert_eq!(Devices::candidate(0), Candidate::None);
		// A heartbeat lists it again.
		assert_ok!(Devices::heartbeat(RuntimeOrigin::signed(101)));
		assert!(matches!(Devices::candidate(0), Candidate::Available { device: 101, .. }));
	});
}

/// A runtime upgrade that raises `MinExecutorVersion` leaves older devices registered and
/// listed; the scheduler's probe unlists each one it meets, and it is listed again only
/// after its owner declares a supported version (its heartbeat is refused until then).
#[test]
fn a_device_below_a_raised_minimum_executor_version_takes_no_new_work() {
	test(|| {
		register_and_beat(1, 101);
		let current = DeviceSpec { executor_version: 2, ..spec() };
		assert_ok!(Devices::register_device(
			RuntimeOrigin::signed(2),
			102,
			current,
			consent(2, 102)
		));
		assert_ok!(Devices::heartbeat(RuntimeOrigin::signed(102)));
		MinExecutorVersion::set(2);

		assert_eq!(Devices::candidate(0), Candidate::Removed);
		assert!(!DeviceRecords::<Test>::get(101).unwrap().listed);
		assert_eq!(
			last_event(),
			Event::DeviceUnlisted { device: 101, reason: UnlistReason::ExecutorOutdated }
		);
		// The supported device moved into its place and still takes work.
		assert!(matches!(Devices::candidate(0), Candidate::Available { device: 102, .. }));
		assert_eq!(CandidateCount::<Test>::get(), 1);

		run_to(1 + HEARTBEAT_PERIOD);
		assert_noop!(
			Devices::heartbeat(RuntimeOrigin::signed(101)),
			Error::<Test>::UnsupportedExecutorVersion
		);
		// Neither a top-up nor a resume lists it.
		assert_ok!(Devices::pause(RuntimeOrigin::signed(1), 101));
		assert_ok!(Devices::resume(RuntimeOrigin::signed(1), 101));
		assert!(!DeviceRecords::<Test>::get(101).unwrap().listed);
		assert_ok!(Devices::update_spec(RuntimeOrigin::signed(1), 101, current));
		assert_ok!(Devices::heartbeat(RuntimeOrigin::signed(101)));
		assert!(DeviceRecords::<Test>::get(101).unwrap().listed);
		MinExecutorVersion::set(1);
	});
}

#[test]
fn candidate_reports_what_the_scheduler_needs() {
	test(|| {
		register_and_beat(1, 101);
		assert_eq!(
			Devices::candidate(0),
			Candidate::Available {
				device: 101,
				owner: 1,
				memory_mib: 1024,
				free_slots: 2,
				class: 7,
				executor_version: 1,
				fuel_per_second: 1_000_000,
				ask: 0,
			}
		);
		assert_eq!(Devices::candidate(1), Candidate::None);
		assert_eq!(Devices::candidate_count(), 1);
	});
}

#[test]
fn pause_and_resume() {
	test(|| {
		register_and_beat(1, 101);
		assert_noop!(Devices::pause(RuntimeOrigin::signed(2), 101), Error::<Test>::NotOwner);
		assert_noop!(Devices::resume(RuntimeOrigin::signed(1), 101), Error::<Test>::NotPaused);
		assert_ok!(Devices::pause(RuntimeOrigin::signed(1), 101));
		assert_eq!(DeviceRecords::<Test>::get(101).unwrap().status, DeviceStatus::Paused);
		assert_eq!(CandidateCount::<Test>::get(), 0);
		assert_noop!(Devices::pause(RuntimeOrigin::signed(1), 101), Error::<Test>::NotActive);
		// A paused device keeps heartbeating without being listed.
		run_to(1 + HEARTBEAT_PERIOD);
		assert_ok!(Devices::heartbeat(RuntimeOrigin::signed(101)));
		assert_eq!(CandidateCount::<Test>::get(), 0);
		assert_ok!(Devices::resume(RuntimeOrigin::signed(1), 101));
		assert_eq!(DeviceRecords::<Test>::get(101).unwrap().status, DeviceStatus::Active);
		assert_eq!(CandidateCount::<Test>::get(), 1, "fresh heartbeat: listed at once");
		assert_eq!(last_event(), Event::DeviceResumed { device: 101 });
	});
}

#[test]
fn resume_of_a_stale_device_waits_for_its_heartbeat() {
	test(|| {
		register_and_beat(1, 101);
		assert_ok!(Devices::pause(RuntimeOrigin::signed(1), 101));
		run_to(2 + HEARTBEAT_TIMEOUT);
		assert_ok!(Devices::resume(RuntimeOrigin::signed(1), 101));
		assert_eq!(CandidateCount::<Test>::get(), 0);
		assert_ok!(Devices::heartbeat(RuntimeOrigin::signed(101)));
		assert_eq!(CandidateCount::<Test>::get(), 1);
	});
}

#[test]
fn a_consent_is_good_for_one_registration() {
	test(|| {
		// Owner 1 registers device 101, which later leaves.
		let first = consent(1, 101);
		assert_ok!(Devices::register_device(RuntimeOrigin::signed(1), 101, spec(), first.clone()));
		assert_eq!(Registrations::<Test>::get(101), 1);
		assert_ok!(Devices::deregister(RuntimeOrigin::signed(1), 101));
		run_to(1 + UNBONDING_PERIOD);
		assert_ok!(Devices::withdraw_bond(RuntimeOrigin::signed(1), 101));
		// The former owner cannot take the device back with the consent it once used …
		assert_noop!(
			Devices::register_device(RuntimeOrigin::signed(1), 101, spec(), first),
			Error::<Test>::InvalidConsent
		);
		// … while the device's new consent (to anyone) works, once.
		let second = consent(2, 101);
		assert_ok!(Devices::register_device(RuntimeOrigin::signed(2), 101, spec(), second));
		assert_eq!((Devices::owner_of(&101), Registrations::<Test>::get(101)), (Some(2), 2));
	});
}

#[test]
fn deregister_then_withdraw_after_unbonding() {
	test(|| {
		register_and_beat(1, 101);
		assert_noop!(
			Devices::withdraw_bond(RuntimeOrigin::signed(1), 101),
			Error::<Test>::NotUnbonding
		);
		assert_noop!(Devices::deregister(RuntimeOrigin::signed(2), 101), Error::<Test>::NotOwner);
		assert_ok!(Devices::deregister(RuntimeOrigin::signed(1), 101));
		let unbonded_at = 1 + UNBONDING_PERIOD;
		assert_eq!(last_event(), Event::DeviceDeregistered { device: 101, unbonded_at });
		assert_eq!(CandidateCount::<Test>::get(), 0);
		assert_noop!(
			Devices::deregister(RuntimeOrigin::signed(1), 101),
			Error::<Test>::AlreadyUnbonding
		);
		assert_noop!(Devices::pause(RuntimeOrigin::signed(1), 101), Error::<Test>::NotActive);
		run_to(unbonded_at - 1);
		assert_noop!(
			Devices::withdraw_bond(RuntimeOrigin::signed(1), 101),
			Error::<Test>::StillUnbonding
		);
		run_to(unbonded_at);
		assert_noop!(
			Devices::withdraw_bond(RuntimeOrigin::signed(2), 101),
			Error::<Test>::NotOwner
		);
		assert_ok!(Devices::withdraw_bond(RuntimeOrigin::signed(1), 101));
		assert_eq!(held(1), 0);
		assert_eq!(Balances::balance(&1), 10_000);
		assert!(DeviceRecords::<Test>::get(101).is_none());
		assert_eq!(DeviceCount::<Test>::get(), 0);
		assert!(!OwnerDevices::<Test>::contains_key(1));
		assert_eq!(last_event(), Event::BondWithdrawn { device: 101, owner: 1, amount: MIN_BOND });
	});
}

#[test]
fn withdraw_waits_for_open_assignments() {
	test(|| {
		register_and_beat(1, 101);
		assert_ok!(Devices::open_assignment(&101, 7));
		assert_ok!(Devices::deregister(RuntimeOrigin::signed(1), 101));
		run_to(1 + UNBONDING_PERIOD);
		assert_noop!(
			Devices::withdraw_bond(RuntimeOrigin::signed(1), 101),
			Error::<Test>::AssignmentsOpen
		);
		assert!(Devices::close_assignment(&101, 7));
		assert_ok!(Devices::withdraw_bond(RuntimeOrigin::signed(1), 101));
	});
}

#[test]
fn assignments_are_limited_by_cores() {
	test(|| {
		register_and_beat(1, 101);
		assert_ok!(Devices::open_assignment(&101, 7));
		assert_ok!(Devices::open_assignment(&101, 8));
		assert_noop!(Devices::open_assignment(&101, 9), Error::<Test>::NoFreeSlot);
		assert!(matches!(Devices::candidate(0), Candidate::Available { free_slots: 0, .. }));
		assert!(Devices::close_assignment(&101, 7));
		assert!(matches!(Devices::candidate(0), Candidate::Available { free_slots: 1, .. }));
		assert_noop!(Devices::open_assignment(&999, 9), Error::<Test>::NotRegistered);
	});
}

#[test]
fn a_device_record_lists_its_open_tasks_oldest_first_once_each() {
	test(|| {
		register_and_beat(1, 101);
		assert_ok!(Devices::open_assignment(&101, 8));
		assert_noop!(Devices::open_assignment(&101, 8), Error::<Test>::AlreadyAssigned);
		assert_ok!(Devices::open_assignment(&101, 7));
		assert_eq!(Devices::assignments(&101), vec![8, 7]);
		assert_eq!(DeviceRecords::<Test>::get(101).unwrap().open_assignments, 2);
		assert_eq!(Devices::assignment_total(), 2);
		assert!(Devices::close_assignment(&101, 8));
		assert_eq!(Devices::assignments(&101), vec![7]);
		assert_eq!(DeviceRecords::<Test>::get(101).unwrap().open_assignments, 1);
		// An assignment already closed, or of a device not registered, is not held.
		assert!(!Devices::close_assignment(&101, 8));
		assert!(!Devices::close_assignment(&999, 7));
		assert_eq!(Devices::assignments(&999), Vec::<u64>::new());
	});
}

#[test]
fn try_state_finds_a_task_list_that_differs_from_its_count() {
	test(|| {
		register_and_beat(1, 101);
		assert_ok!(Devices::open_assignment(&101, 7));
		assert_ok!(Devices::do_try_state());
		DeviceRecords::<Test>::mutate(101, |d| d.as_mut().unwrap().open_assignments = 2);
		assert_eq!(
			Devices::do_try_state(),
			Err("assignment count differs from the task list".into())
		);
		DeviceRecords::<Test>::mutate(101, |d| {
			let d = d.as_mut().unwrap();
			d.tasks = vec![7, 7].try_into().unwrap();
		});
		assert_eq!(Devices::do_try_state(), Err("a task is listed twice for a device".into()));
		DeviceRecords::<Test>::mutate(101, |d| {
			let d = d.as_mut().unwrap();
			d.tasks = vec![7].try_into().unwrap();
			d.open_assignments = 1;
		});
	});
}

#[test]
fn slash_takes_a_fraction_of_the_bond_and_burns_it() {
	test(|| {
		register_and_beat(1, 101);
		let issuance = Balances::total_issuance();
		let slashed = Devices::slash(&101, Perbill::from_percent(10), SlashReason::WrongResult);
		assert_eq!(slashed, MIN_BOND / 10);
		assert_eq!(held(1), MIN_BOND - slashed);
		assert_eq!(DeviceRecords::<Test>::get(101).unwrap().bond, MIN_BOND - slashed);
		assert_eq!(Balances::total_issuance(), issuance - slashed);
		assert_eq!(
			last_event(),
			Event::DeviceSlashed {
				device: 101,
				owner: 1,
				amount: slashed,
				reason: SlashReason::WrongResult
			}
		);
		// The rest still comes back on withdrawal.
		assert_ok!(Devices::deregister(RuntimeOrigin::signed(1), 101));
		run_to(1 + UNBONDING_PERIOD);
		assert_ok!(Devices::withdraw_bond(RuntimeOrigin::signed(1), 101));
		assert_eq!(Balances::balance(&1), 10_000 - slashed);
	});
}

#[test]
fn slash_of_an_unknown_device_is_zero() {
	test(|| {
		assert_eq!(Devices::slash(&999, Perbill::one(), SlashReason::Timeout), 0);
	});
}

#[test]
fn outcomes_update_reputation() {
	test(|| {
		register(1, 101);
		Devices::record_outcome(&101, Outcome::Valid);
		Devices::record_outcome(&101, Outcome::Valid);
		Devices::record_outcome(&101, Outcome::Timeout);
		assert_eq!(
			DeviceRecords::<Test>::get(101).unwrap().reputation,
			Reputation { valid: 2, invalid: 0, timeouts: 1, consecutive_valid: 2 }
		);
		Devices::record_outcome(&101, Outcome::Invalid);
		assert_eq!(
			DeviceRecords::<Test>::get(101).unwrap().reputation,
			Reputation { valid: 2, invalid: 1, timeouts: 1, consecutive_valid: 0 }
		);
		assert_eq!(Devices::owner_of(&101), Some(1));
		assert_eq!(Devices::owner_of(&102), None);
	});
}

#[test]
fn index_stays_dense_through_many_changes() {
	test(|| {
		for (owner, dev) in [(1, 101), (2, 102), (3, 103), (4, 104)] {
			register_and_beat(owner, dev);
		}
		assert_ok!(Devices::pause(RuntimeOrigin::signed(2), 102));
		assert_ok!(Devices::deregister(RuntimeOrigin::signed(1), 101));
		assert_ok!(Devices::resume(RuntimeOrigin::signed(2), 102));
		assert_eq!(CandidateCount::<Test>::get(), 3);
		Devices::do_try_state().unwrap();
	});
}

#[test]
fn constants_are_consistent() {
	use frame_support::traits::Hooks;
	new_test_ext().execute_with(|| {
		<Devices as Hooks<u64>>::integrity_test();
	});
}

#[test]
fn capacity_by_memory_counts_devices_that_are_not_unbonding() {
	test(|| {
		let with = |mib| <Devices as DeviceRegistry<_, _>>::devices_with_memory(mib);
		assert_eq!(with(1), 0);
		register_and_beat(1, 101);
		assert_ok!(Devices::register_device(
			RuntimeOrigin::signed(1),
			102,
			DeviceSpec { memory_mib: 4096, ..spec() },
			consent(1, 102)
		));
		// 1024 MiB and 4096 MiB (registered, no heartbeat yet: still capacity). Tiers are
		// powers of two, so 1025 MiB still counts the 1024 MiB device: an upper bound.
		assert_eq!((with(1), with(1024), with(1025), with(2048), with(8192)), (2, 2, 2, 1, 0));
		assert_ok!(Devices::update_spec(
			RuntimeOrigin::signed(1),
			102,
			DeviceSpec { memory_mib: 512, ..spec() }
		));
		assert_eq!((with(512), with(1024), with(4096)), (2, 1, 0));
		assert_ok!(Devices::deregister(RuntimeOrigin::signed(1), 101));
		assert_eq!((with(512), with(1024)), (1, 0));
		// The spec of an unbonding device no longer counts.
		assert_ok!(Devices::update_spec(RuntimeOrigin::signed(1), 101, spec()));
		assert_eq!(with(1024), 0);
	});
}

#[test]
fn a_device_is_registered_only_with_its_keys_consent_to_that_owner() {
	test(|| {
		// An attacker front-runs the owner's registration with a consent made for the owner,
		// with a forged one, or with one for another chain.
		let for_owner = consent(1, 101);
		assert_noop!(
			Devices::register_device(RuntimeOrigin::signed(2), 101, spec(), for_owner.clone()),
			Error::<Test>::InvalidConsent
		);
		let forged = sp_runtime::testing::TestSignature(
			2,
			depin_primitives::device_consent_payload(&2u64, &System::block_hash(0), 0),
		);
		assert_noop!(
			Devices::register_device(RuntimeOrigin::signed(2), 101, spec(), forged),
			Error::<Test>::InvalidConsent
		);
		let other_chain = sp_runtime::testing::TestSignature(
			101,
			depin_primitives::device_consent_payload(&1u64, &sp_core::H256::repeat_byte(7), 0),
		);
		assert_noop!(
			Devices::register_device(RuntimeOrigin::signed(1), 101, spec(), other_chain),
			Error::<Test>::InvalidConsent
		);
		assert_ok!(Devices::register_device(RuntimeOrigin::signed(1), 101, spec(), for_owner));
		assert_eq!(Devices::owner_of(&101), Some(1));
	});
}

#[test]
fn a_device_slashed_below_the_listed_minimum_works_again_only_after_a_top_up() {
	test(|| {
		register_and_beat(1, 101);
		let wrong = SlashReason::WrongResult;
		let tenth = Perbill::from_percent(10);
		// One wrong result (10 %) leaves 90 % ≥ 85 %: still listed.
		Devices::slash(&101, tenth, wrong);
		assert!(DeviceRecords::<Test>::get(101).unwrap().listed);
		// A second one leaves 81 %: unlisted, and a heartbeat does not list it again.
		Devices::slash(&101, tenth, wrong);
		let info = DeviceRecords::<Test>::get(101).unwrap();
		assert!(!info.listed);
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Devices(Event::DeviceUnlisted {
				device: 101,
				reason: UnlistReason::BondTooLow
			})));
		run_to(1 + HEARTBEAT_PERIOD);
		assert_ok!(Devices::heartbeat(RuntimeOrigin::signed(101)));
		assert!(!DeviceRecords::<Test>::get(101).unwrap().listed);
		// Only the owner tops up, back to the full bond, and the device is listed again.
		assert_noop!(Devices::top_up_bond(RuntimeOrigin::signed(2), 101), Error::<Test>::NotOwner);
		assert_ok!(Devices::top_up_bond(RuntimeOrigin::signed(1), 101));
		let info = DeviceRecords::<Test>::get(101).unwrap();
		assert_eq!(info.bond, MIN_BOND);
		assert!(info.listed);
		assert_noop!(Devices::top_up_bond(RuntimeOrigin::signed(1), 101), Error::<Test>::BondFull);
	});
}

#[test]
fn devices_are_listed_page_by_page_and_by_owner() {
	test(|| {
		for d in [101, 102, 103] {
			register(1, d);
		}
		register(2, 104);
		// An owner's devices in their order, two per page.
		let first = Devices::devices_page(Some(&1), None, 2);
		assert_eq!(first.items.iter().map(|(d, _)| *d).collect::<Vec<_>>(), [101, 102]);
		assert_eq!(first.next, Some(102));
		let second = Devices::devices_page(Some(&1), first.next.as_ref(), 2);
		assert_eq!(second.items.iter().map(|(d, _)| *d).collect::<Vec<_>>(), [103]);
		assert_eq!(second.next, None);
		assert!(second.items.iter().all(|(_, info)| info.owner == 1));
		// Every device once over all pages, whatever the registry's order.
		let (mut all, mut after) = (Vec::new(), None);
		loop {
			let page = Devices::devices_page(None, after.as_ref(), 3);
			all.extend(page.items.iter().map(|(d, _)| *d));
			match page.next {
				Some(next) => after = Some(next),
				None => break,
			}
		}
		all.sort();
		assert_eq!(all, [101, 102, 103, 104]);
		// A page is never larger than MAX_PAGE.
		assert_eq!(Devices::devices_page(None, None, u32::MAX).items.len(), 4);
	});
}

#[test]
fn an_owner_sets_its_devices_ask_at_most_once_per_interval() {
	test(|| {
		register_and_beat(1, 101);
		assert_eq!(DeviceRecords::<Test>::get(101).unwrap().ask, 0);
		assert_noop!(Devices::set_ask(RuntimeOrigin::signed(2), 101, 5), Error::<Test>::NotOwner);
		assert_noop!(
			Devices::set_ask(RuntimeOrigin::signed(1), 109, 5),
			Error::<Test>::NotRegistered
		);
		assert_ok!(Devices::set_ask(RuntimeOrigin::signed(1), 101, 5));
		assert_eq!(last_event(), Event::AskChanged { device: 101, ask: 5 });
		let info = DeviceRecords::<Test>::get(101).unwrap();
		assert_eq!((info.ask, info.ask_changed_at), (5, Some(1)));
		// The candidate index shows the ask to the scheduler.
		assert!(matches!(Devices::candidate(0), Candidate::Available { device: 101, ask: 5, .. }));
		// Once per `AskInterval`.
		run_to(ASK_INTERVAL);
		assert_noop!(Devices::set_ask(RuntimeOrigin::signed(1), 101, 9), Error::<Test>::AskTooSoon);
		run_to(1 + ASK_INTERVAL);
		assert_ok!(Devices::set_ask(RuntimeOrigin::signed(1), 101, 0));
		assert_eq!(DeviceRecords::<Test>::get(101).unwrap().ask, 0);
	});
}
