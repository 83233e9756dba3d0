//! Storage migrations of the device registry.

/// Version 1 → 2: every device record gains its ask (zero: any task) and the block the ask
/// last changed (none).
pub mod v2 {
	use codec::{Decode, Encode};
	use depin_primitives::{DeviceInfo, DeviceSpec, DeviceStatus, Reputation};
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use sp_runtime::traits::Zero;

	use crate::{pallet::Devices, BalanceOf, Config, Pallet};

	/// A device record as storage version 1 keeps it.
	#[derive(Encode, Decode)]
	pub struct DeviceInfoV1<AccountId, Balance, BlockNumber> {
		pub owner: AccountId,
		pub spec: DeviceSpec,
		pub status: DeviceStatus<BlockNumber>,
		pub bond: Balance,
		pub registered_at: BlockNumber,
		pub last_heartbeat: Option<BlockNumber>,
		pub listed: bool,
		pub open_assignments: u16,
		pub reputation: Reputation,
	}

	/// Gives every device record an ask. Unversioned: use [`MigrateV1ToV2`].
	///
	/// One block for all records: `MaxDevices` (100 000 in the runtime) bounds it at about
	/// 6 s of weight with ParityDB's 8 µs read and 50 µs write, which a chain with that many
	/// devices would migrate in steps instead.
	pub struct AddAsk<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for AddAsk<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut migrated = 0u64;
			Devices::<T>::translate::<
				DeviceInfoV1<
					T::AccountId,
					BalanceOf<T>,
					frame_system::pallet_prelude::BlockNumberFor<T>,
				>,
				_,
			>(|_, old| {
				migrated += 1;
				Some(DeviceInfo {
					owner: old.owner,
					spec: old.spec,
					status: old.status,
					bond: old.bond,
					registered_at: old.registered_at,
					last_heartbeat: old.last_heartbeat,
					listed: old.listed,
					open_assignments: old.open_assignments,
					reputation: old.reputation,
					ask: Zero::zero(),
					ask_changed_at: None,
				})
			});
			T::DbWeight::get().reads_writes(migrated + 1, migrated + 1)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			// The keys only: the values are still in the old format.
			Ok((Devices::<T>::iter_keys().count() as u32).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = u32::decode(&mut &state[..])
				.map_err(|_| sp_runtime::TryRuntimeError::Other("pre_upgrade state"))?;
			let after = Devices::<T>::iter().count() as u32;
			frame_support::ensure!(before == after, "a device record did not decode");
			Ok(())
		}
	}

	/// [`AddAsk`], run only when the pallet's storage version is 1, which it then sets to 2.
	pub type MigrateV1ToV2<T> =
		VersionedMigration<1, 2, AddAsk<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}

#[cfg(test)]
mod tests {
	use frame_support::{
		storage::unhashed,
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	};

	use super::v2::*;
	use crate::{mock::*, pallet::Devices as DeviceRecords};

	#[test]
	fn version_1_device_records_gain_a_zero_ask_once() {
		new_test_ext().execute_with(|| {
			let device = 101;
			let spec = depin_primitives::DeviceSpec {
				cores: 2,
				memory_mib: 1024,
				fuel_per_second: 1_000_000,
				executor_version: 1,
				determinism_class: 7,
			};
			let consent = crate::testing::consent::<Test>(1, device);
			Devices::register_device(RuntimeOrigin::signed(1), device, spec, consent).unwrap();
			let now = DeviceRecords::<Test>::get(device).unwrap();
			// The record as version 1 stored it: the same fields without the ask.
			let old = DeviceInfoV1 {
				owner: now.owner,
				spec: now.spec,
				status: now.status,
				bond: now.bond,
				registered_at: now.registered_at,
				last_heartbeat: now.last_heartbeat,
				listed: now.listed,
				open_assignments: 2,
				reputation: now.reputation,
			};
			let key = DeviceRecords::<Test>::hashed_key_for(device);
			unhashed::put_raw(&key, &codec::Encode::encode(&old));
			assert!(DeviceRecords::<Test>::get(device).is_none(), "the old record does not decode");
			StorageVersion::new(1).put::<Devices>();
			#[cfg(feature = "try-runtime")]
			MigrateV1ToV2::<Test>::try_on_runtime_upgrade(true).unwrap();
			#[cfg(not(feature = "try-runtime"))]
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(Devices::on_chain_storage_version(), 2);
			let migrated = DeviceRecords::<Test>::get(device).unwrap();
			assert_eq!((migrated.ask, migrated.ask_changed_at), (0, None));
			assert_eq!((migrated.owner, migrated.open_assignments), (1, 2));
			// A second run is a no-op: the version is 2 already.
			Devices::set_ask(RuntimeOrigin::signed(1), device, 7).unwrap();
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(DeviceRecords::<Test>::get(device).unwrap().ask, 7);
		});
	}
}
