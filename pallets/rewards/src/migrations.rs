//! Storage migrations of the rewards pallet.
//!
//! `v2` is the rehearsal of a runtime upgrade (feature `upgrade-rehearsal`): compiled only
//! into the runtime the upgrade test enacts on a running network, it is a real versioned
//! migration — every stored `EraReward` gains its era — with `try-runtime` checks before
//! and after, and an event that clients built before it do not know.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

use crate::{BalanceOf, Config, EraReward, EraRewards, Event, Pallet};

/// Version 1 → 2: `EraReward` gains `era`.
pub mod v2 {
	use super::*;

	/// `EraReward` as storage version 1 keeps it.
	#[derive(Encode, Decode)]
	pub struct EraRewardV1<Balance> {
		/// Minted for owners.
		pub pool: Balance,
		/// Points earned in the era.
		pub points: u128,
		/// Owners not yet settled.
		pub owners_left: u32,
	}

	/// Gives every stored era reward its era. Unversioned: use [`MigrateV1ToV2`].
	pub struct AddEraToEraRewards<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for AddEraToEraRewards<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut migrated = 0u32;
			EraRewards::<T>::translate::<EraRewardV1<BalanceOf<T>>, _>(|era, old| {
				migrated += 1;
				Some(EraReward {
					pool: old.pool,
					points: old.points,
					owners_left: old.owners_left,
					era,
				})
			});
			Pallet::<T>::deposit_event(Event::EraRewardsMigrated { eras: migrated });
			// Closed eras are kept only until settled: at most `MaxUnclaimedEras` per owner,
			// a few in all.
			T::DbWeight::get().reads_writes(migrated as u64 + 1, migrated as u64 + 1)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			// The keys only: the values are still in the old format.
			Ok((EraRewards::<T>::iter_keys().count() as u32).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = u32::decode(&mut &state[..])
				.map_err(|_| sp_runtime::TryRuntimeError::Other("pre_upgrade state"))?;
			let mut after = 0u32;
			for (era, reward) in EraRewards::<T>::iter() {
				frame_support::ensure!(reward.era == era, "an era reward without its era");
				after += 1;
			}
			frame_support::ensure!(after == before, "era rewards lost in the migration");
			Ok(())
		}
	}

	/// [`AddEraToEraRewards`], run only when the pallet's storage version is 1, which it
	/// then sets to 2.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		AddEraToEraRewards<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

#[cfg(all(test, feature = "try-runtime"))]
mod tests {
	use codec::Encode;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	use super::v2::*;
	use crate::mock::*;

	#[test]
	fn version_1_era_rewards_gain_their_era_once() {
		new_test_ext().execute_with(|| {
			StorageVersion::new(1).put::<Rewards>();
			for era in [3u32, 7] {
				let old: EraRewardV1<crate::BalanceOf<Test>> =
					EraRewardV1 { pool: (10 * era).into(), points: 5, owners_left: 2 };
				let key = crate::EraRewards::<Test>::hashed_key_for(era);
				frame_support::storage::unhashed::put_raw(&key, &old.encode());
			}
			// pre_upgrade, the migration, post_upgrade.
			MigrateV1ToV2::<Test>::try_on_runtime_upgrade(true).unwrap();
			assert_eq!(Rewards::on_chain_storage_version(), 2);
			let reward = crate::EraRewards::<Test>::get(7).unwrap();
			assert_eq!((reward.era, reward.pool, reward.owners_left), (7, 70, 2));
			System::assert_has_event(crate::Event::<Test>::EraRewardsMigrated { eras: 2 }.into());
			// A second run is a no-op: the version is 2 already.
			let weight = MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(crate::EraRewards::<Test>::iter().count(), 2);
			assert!(weight.ref_time() < 100_000_000);
		});
	}
}
