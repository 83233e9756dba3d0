//! Tests of era rewards: points, minting, pro-rata split, treasury share, claims.

use crate::{mock::*, pallet::*, Error};
use depin_primitives::RewardSink;
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Rewards(e) => Some(e),
			_ => None,
		})
		.collect()
}

#[test]
fn a_credit_says_whether_it_listed_the_era_for_the_owner() {
	test(|| {
		assert!(Rewards::credit(&1, 10), "the owner's first points in era 0");
		assert!(!Rewards::credit(&1, 10), "already listed");
		assert!(Rewards::credit(&2, 10), "another owner");
		assert!(!Rewards::credit(&3, 0), "no points, nothing listed");
		assert_eq!(OwnerEras::<Test>::get(3).len(), 0);
		run_to(1 + ERA_LENGTH);
		assert!(Rewards::credit(&1, 10), "the first points in era 1");
	});
}

#[test]
fn a_credit_to_an_owner_listed_in_the_era_does_not_read_its_eras() {
	test(|| {
		assert!(Rewards::credit(&1, 10));
		// Its list of eras made unreadable: a credit that read it would take the owner
		// for new in the era and list the era again over it.
		let key = OwnerEras::<Test>::hashed_key_for(1);
		let listed = frame_support::storage::unhashed::get_raw(&key).unwrap();
		frame_support::storage::unhashed::put_raw(&key, &[0xff]);
		assert!(!Rewards::credit(&1, 5), "its points say it lists the era");
		assert_eq!(frame_support::storage::unhashed::get_raw(&key), Some(vec![0xff]));
		assert_eq!(Points::<Test>::get(0, 1), 15);
		assert_eq!(EraTotals::<Test>::get(0), (15, 1));
		frame_support::storage::unhashed::put_raw(&key, &listed);
	});
}

#[test]
fn try_state_finds_points_and_listings_of_the_current_era_that_differ() {
	test(|| {
		assert!(Rewards::credit(&1, 10));
		let eras = OwnerEras::<Test>::take(1);
		assert!(Rewards::do_try_state().is_err(), "points without the listing");
		OwnerEras::<Test>::insert(1, eras);
		let points = Points::<Test>::take(0, 1);
		EraTotals::<Test>::insert(0, (0, 0));
		assert!(Rewards::do_try_state().is_err(), "a listing without points");
		Points::<Test>::insert(0, 1, points);
		EraTotals::<Test>::insert(0, (10, 1));
	});
}

#[test]
fn era_with_points_mints_inflation_split_by_points() {
	test(|| {
		let issuance = Balances::total_issuance();
		Rewards::credit(&1, 30_000);
		Rewards::credit(&2, 10_000);
		Rewards::credit(&1, 20_000);
		run_to(1 + ERA_LENGTH);
		assert_eq!(CurrentEra::<Test>::get(), 1);
		assert_eq!(Balances::total_issuance(), issuance + INFLATION);
		assert_eq!(TotalMinted::<Test>::get(), INFLATION);
		assert_eq!(Balances::balance(&TREASURY), 1_000);
		assert_eq!(Balances::balance(&Rewards::pot()), 9_000);
		assert!(events().contains(&Event::EraRewarded {
			era: 0,
			pool: 9_000,
			treasury: 1_000,
			points: 60_000
		}));
		// 500 of 600 points, 100 of 600.
		assert_eq!(Rewards::rewards_of(&1).0, 7_500);
		assert_eq!(Rewards::rewards_of(&2).0, 1_500);
		assert_ok!(Rewards::claim(RuntimeOrigin::signed(1)));
		assert_ok!(Rewards::claim(RuntimeOrigin::signed(2)));
		assert_eq!(Balances::balance(&1), 100 + 7_500);
		assert_eq!(Balances::balance(&2), 100 + 1_500);
		assert_eq!(TotalClaimed::<Test>::get(), 9_000);
		assert!(events().contains(&Event::RewardsClaimed { owner: 1, amount: 7_500 }));
		assert!(EraRewards::<Test>::get(0).is_none(), "settled eras are pruned");
	});
}

#[test]
fn era_without_points_mints_nothing() {
	test(|| {
		let issuance = Balances::total_issuance();
		run_to(1 + 3 * ERA_LENGTH);
		assert_eq!(CurrentEra::<Test>::get(), 3);
		assert_eq!(Balances::total_issuance(), issuance);
		assert!(events().contains(&Event::EraEndedEmpty { era: 0 }));
	});
}

#[test]
fn points_count_only_after_their_era_closes() {
	test(|| {
		Rewards::credit(&1, 10);
		let (claimable, points, era, ends_at) = Rewards::rewards_of(&1);
		assert_eq!((claimable, points, era, ends_at), (0, 10, 0, ERA_LENGTH));
		assert_noop!(Rewards::claim(RuntimeOrigin::signed(1)), Error::<Test>::NothingToClaim);
	});
}

#[test]
fn claim_without_anything_fails() {
	test(|| {
		assert_noop!(Rewards::claim(RuntimeOrigin::signed(3)), Error::<Test>::NothingToClaim);
	});
}

#[test]
fn claims_accumulate_over_eras() {
	test(|| {
		Rewards::credit(&1, INFLATION);
		run_to(1 + ERA_LENGTH);
		Rewards::credit(&1, INFLATION);
		Rewards::credit(&2, INFLATION);
		run_to(1 + 2 * ERA_LENGTH);
		assert_eq!(Rewards::rewards_of(&1).0, 9_000 + 4_500);
		assert_ok!(Rewards::claim(RuntimeOrigin::signed(1)));
		assert_eq!(Balances::balance(&1), 100 + 13_500);
		assert_noop!(Rewards::claim(RuntimeOrigin::signed(1)), Error::<Test>::NothingToClaim);
	});
}

#[test]
fn an_owner_with_too_many_unclaimed_eras_has_the_oldest_settled() {
	test(|| {
		for era in 0..MAX_UNCLAIMED + 2 {
			Rewards::credit(&1, INFLATION);
			run_to(1 + (era as u64 + 1) * ERA_LENGTH);
		}
		assert!(OwnerEras::<Test>::get(1).len() as u32 <= MAX_UNCLAIMED);
		assert!(Accrued::<Test>::get(1) > 0, "oldest eras moved to Accrued");
		let expected = 9_000 * (MAX_UNCLAIMED as u64 + 2);
		assert_eq!(Rewards::rewards_of(&1).0, expected);
		assert_ok!(Rewards::claim(RuntimeOrigin::signed(1)));
		assert_eq!(Balances::balance(&1), 100 + expected);
	});
}

#[test]
fn zero_points_are_ignored() {
	test(|| {
		Rewards::credit(&1, 0);
		assert!(OwnerEras::<Test>::get(1).is_empty());
		run_to(1 + ERA_LENGTH);
		assert!(events().contains(&Event::EraEndedEmpty { era: 0 }));
	});
}

#[test]
fn constants_are_consistent() {
	use frame_support::traits::Hooks;
	new_test_ext().execute_with(<Rewards as Hooks<u64>>::integrity_test);
}

#[test]
fn an_era_mints_at_most_the_mint_ratio_of_the_value_paid_in_it() {
	test(|| {
		MintRatio::set(sp_runtime::Perbill::from_percent(10));
		let issuance = Balances::total_issuance();
		// 20 000 paid: at most 2 000 minted, although the era budget is 10 000.
		Rewards::credit(&1, 20_000);
		run_to(1 + ERA_LENGTH);
		assert_eq!(Balances::total_issuance(), issuance + 2_000);
		assert_eq!(Balances::balance(&TREASURY), 200);
		assert_eq!(Rewards::rewards_of(&1).0, 1_800);
		// 200 000 paid: the budget binds.
		Rewards::credit(&1, 200_000);
		run_to(1 + 2 * ERA_LENGTH);
		assert_eq!(Balances::total_issuance(), issuance + 2_000 + INFLATION);
		MintRatio::set(sp_runtime::Perbill::one());
	});
}
