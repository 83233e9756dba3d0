//! Era accounting: crediting points, ending eras (minting), settling and claiming.

use depin_primitives::RewardSink;
use frame_support::{
	ensure,
	pallet_prelude::{DispatchResult, Weight},
	traits::{
		fungible::{Inspect, Mutate},
		tokens::Preservation,
		Get,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{AccountIdConversion, Saturating, UniqueSaturatedFrom, UniqueSaturatedInto, Zero},
	Rounding,
};

use crate::{
	pallet::{
		Accrued, Config, CurrentEra, EraReward, EraRewards, EraStartedAt, EraTotals, Error, Event,
		OwnerEras, Pallet, Points, TotalClaimed, TotalMinted,
	},
	weights::WeightInfo,
	BalanceOf,
};

impl<T: Config> Pallet<T> {
	/// The pot holding minted, unclaimed rewards.
	pub fn pot() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// Ends the current era if it has run `EraLength` blocks.
	pub(crate) fn maybe_end_era(now: BlockNumberFor<T>) -> Weight {
		if now < EraStartedAt::<T>::get().saturating_add(T::EraLength::get()) {
			return T::WeightInfo::on_initialize_idle();
		}
		let era = CurrentEra::<T>::get();
		let (points, owners) = EraTotals::<T>::take(era);
		if points == 0 {
			Self::deposit_event(Event::EraEndedEmpty { era });
		} else {
			let value = BalanceOf::<T>::unique_saturated_from(points);
			let inflation = T::EraInflation::get().min(T::MintRatio::get() * value);
			let treasury = T::TreasuryShare::get() * inflation;
			let pool = inflation.saturating_sub(treasury);
			let minted_treasury =
				T::Currency::mint_into(&T::TreasuryAccount::get(), treasury).unwrap_or_default();
			let minted_pool = T::Currency::mint_into(&Self::pot(), pool).unwrap_or_default();
			TotalMinted::<T>::mutate(|m| {
				*m = m.saturating_add(minted_treasury).saturating_add(minted_pool)
			});
			EraRewards::<T>::insert(
				era,
				EraReward {
					pool: minted_pool,
					points,
					owners_left: owners,
					#[cfg(feature = "upgrade-rehearsal")]
					era,
				},
			);
			Self::deposit_event(Event::EraRewarded {
				era,
				pool: minted_pool,
				treasury: minted_treasury,
				points,
			});
		}
		CurrentEra::<T>::put(era.saturating_add(1));
		EraStartedAt::<T>::put(now);
		T::WeightInfo::on_initialize_era_end()
	}

	/// `owner`'s share of closed `era`, moved into `Accrued`.
	fn settle(owner: &T::AccountId, era: u32) {
		let points = Points::<T>::take(era, owner);
		let Some(mut reward) = EraRewards::<T>::get(era) else { return };
		let pool: u128 = reward.pool.unique_saturated_into();
		let share =
			multiply_by_rational_with_rounding(pool, points as u128, reward.points, Rounding::Down)
				.unwrap_or(0);
		Accrued::<T>::mutate(owner, |a| {
			*a = a.saturating_add(BalanceOf::<T>::unique_saturated_from(share))
		});
		reward.owners_left = reward.owners_left.saturating_sub(1);
		if reward.owners_left == 0 {
			EraRewards::<T>::remove(era);
		} else {
			EraRewards::<T>::insert(era, reward);
		}
	}

	/// Settles every closed era of `owner`.
	fn settle_closed(owner: &T::AccountId) {
		let current = CurrentEra::<T>::get();
		let mut eras = OwnerEras::<T>::get(owner);
		let closed: alloc::vec::Vec<u32> = eras.iter().copied().filter(|e| *e < current).collect();
		for era in &closed {
			Self::settle(owner, *era);
		}
		eras.retain(|e| *e >= current);
		if eras.is_empty() {
			OwnerEras::<T>::remove(owner);
		} else {
			OwnerEras::<T>::insert(owner, eras);
		}
	}

	pub(crate) fn do_claim(owner: T::AccountId) -> DispatchResult {
		Self::settle_closed(&owner);
		let amount = Accrued::<T>::get(&owner);
		ensure!(!amount.is_zero(), Error::<T>::NothingToClaim);
		T::Currency::transfer(&Self::pot(), &owner, amount, Preservation::Expendable)?;
		Accrued::<T>::remove(&owner);
		TotalClaimed::<T>::mutate(|c| *c = c.saturating_add(amount));
		Self::deposit_event(Event::RewardsClaimed { owner, amount });
		Ok(())
	}

	/// What `owner` could claim now, its points in the current era, the current era and
	/// the block at which it ends.
	pub fn rewards_of(owner: &T::AccountId) -> (BalanceOf<T>, u64, u32, BlockNumberFor<T>) {
		let current = CurrentEra::<T>::get();
		let mut claimable = Accrued::<T>::get(owner);
		for era in OwnerEras::<T>::get(owner).into_iter().filter(|e| *e < current) {
			if let Some(r) = EraRewards::<T>::get(era) {
				let points = Points::<T>::get(era, owner) as u128;
				let pool: u128 = r.pool.unique_saturated_into();
				let share =
					multiply_by_rational_with_rounding(pool, points, r.points, Rounding::Down)
						.unwrap_or(0);
				claimable = claimable.saturating_add(BalanceOf::<T>::unique_saturated_from(share));
			}
		}
		let ends_at = EraStartedAt::<T>::get().saturating_add(T::EraLength::get());
		(claimable, Points::<T>::get(current, owner), current, ends_at)
	}

	/// The pallet's invariants:
	/// - the pot holds at least every minted, unclaimed owner reward (rounding dust stays);
	/// - every owner's listed era has its points and is the current era or has a reward
	///   record; `owners_left` counts the owners still listing the era;
	/// - an owner has points in the current era exactly when it lists the era.
	///
	/// Iterates all of the pallet's storage: for `try-runtime` and tests, never on chain.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::BTreeMap;
		let current = CurrentEra::<T>::get();
		let mut listing = BTreeMap::<u32, u32>::new();
		let mut owed: BalanceOf<T> = Zero::zero();
		for (owner, eras) in OwnerEras::<T>::iter() {
			for era in eras {
				*listing.entry(era).or_default() += 1;
				if era < current {
					let r = EraRewards::<T>::get(era).ok_or("listed era has no reward record")?;
					let points = Points::<T>::get(era, &owner) as u128;
					let pool: u128 = r.pool.unique_saturated_into();
					let share =
						multiply_by_rational_with_rounding(pool, points, r.points, Rounding::Down)
							.unwrap_or(0);
					owed = owed.saturating_add(BalanceOf::<T>::unique_saturated_from(share));
				}
			}
		}
		for (era, r) in EraRewards::<T>::iter() {
			ensure!(
				listing.get(&era).copied().unwrap_or(0) == r.owners_left,
				"owners_left is wrong"
			);
		}
		for (_, a) in Accrued::<T>::iter() {
			owed = owed.saturating_add(a);
		}
		ensure!(T::Currency::balance(&Self::pot()) >= owed, "pot holds less than is owed");
		let (mut points, mut owners) = (0u128, 0u32);
		for (owner, n) in Points::<T>::iter_prefix(current) {
			// `credit` reads an owner's eras only for its first points of the era.
			ensure!(n > 0, "zero points stored in the current era");
			ensure!(
				OwnerEras::<T>::get(&owner).contains(&current),
				"an owner with points does not list the current era"
			);
			points = points.saturating_add(n as u128);
			owners = owners.saturating_add(1);
		}
		ensure!(
			listing.get(&current).copied().unwrap_or(0) == owners,
			"an owner lists the current era without points in it"
		);
		ensure!(EraTotals::<T>::get(current) == (points, owners), "era totals ≠ Σ points");
		Ok(())
	}
}

impl<T: Config> RewardSink<T::AccountId> for Pallet<T> {
	fn current_era() -> u32 {
		CurrentEra::<T>::get()
	}

	fn credit(owner: &T::AccountId, points: u64) -> bool {
		if points == 0 {
			return false;
		}
		let era = CurrentEra::<T>::get();
		// An owner with points in the era lists it (`try_state` checks it): its list of
		// eras is read only when it earns its first points of the era.
		let earlier = Points::<T>::get(era, owner);
		let new_owner = earlier == 0;
		if new_owner {
			let mut eras = OwnerEras::<T>::get(owner);
			if eras.is_full() {
				// The oldest listed era is closed (only the current one can be open).
				let oldest = eras.remove(0);
				Self::settle(owner, oldest);
			}
			// Cannot fail: there is room now.
			let _ = eras.try_push(era);
			OwnerEras::<T>::insert(owner, eras);
		}
		Points::<T>::insert(era, owner, earlier.saturating_add(points));
		EraTotals::<T>::mutate(era, |(total, owners)| {
			*total = total.saturating_add(points as u128);
			if new_owner {
				*owners = owners.saturating_add(1);
			}
		});
		new_owner
	}
}
