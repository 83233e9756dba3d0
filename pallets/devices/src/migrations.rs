//! Storage migrations of the device registry.

/// Version 1 → 2: every device record gains its ask (zero: any task) and the block the ask
/// last changed (none).
pub mod v2 {
	use codec::{Decode, Encode};
	use depin_primitives::{DeviceSpec, DeviceStatus, Reputation};
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use sp_runtime::traits::Zero;

	use crate::{BalanceOf, Config, Pallet};

	/// The registry's records in the layout of version 2.
	pub mod old {
		use super::*;

		#[frame_support::storage_alias]
		pub type Devices<T: Config> = StorageMap<
			Pallet<T>,
			frame_support::Blake2_128Concat,
			<T as frame_system::Config>::AccountId,
			DeviceInfoV2<
				<T as frame_system::Config>::AccountId,
				BalanceOf<T>,
				frame_system::pallet_prelude::BlockNumberFor<T>,
			>,
		>;
	}

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

	/// A device record as storage version 2 keeps it: version 1's and the ask.
	#[derive(Encode, Decode)]
	pub struct DeviceInfoV2<AccountId, Balance, BlockNumber> {
		pub owner: AccountId,
		pub spec: DeviceSpec,
		pub status: DeviceStatus<BlockNumber>,
		pub bond: Balance,
		pub registered_at: BlockNumber,
		pub last_heartbeat: Option<BlockNumber>,
		pub listed: bool,
		pub open_assignments: u16,
		pub reputation: Reputation,
		pub ask: Balance,
		pub ask_changed_at: Option<BlockNumber>,
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
			old::Devices::<T>::translate::<
				DeviceInfoV1<
					T::AccountId,
					BalanceOf<T>,
					frame_system::pallet_prelude::BlockNumberFor<T>,
				>,
				_,
			>(|_, old| {
				migrated += 1;
				Some(DeviceInfoV2 {
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
			Ok((old::Devices::<T>::iter_keys().count() as u32).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = u32::decode(&mut &state[..])
				.map_err(|_| sp_runtime::TryRuntimeError::Other("pre_upgrade state"))?;
			let after = old::Devices::<T>::iter().count() as u32;
			frame_support::ensure!(before == after, "a device record did not decode");
			Ok(())
		}
	}

	/// [`AddAsk`], run only when the pallet's storage version is 1, which it then sets to 2.
	pub type MigrateV1ToV2<T> =
		VersionedMigration<1, 2, AddAsk<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}

/// Version 2 → 3: every device record lists the tasks the device holds an assignment in
/// (the market kept those lists apart, in `Market::DeviceTasks`).
pub mod v3 {
	use alloc::vec::Vec;
	#[cfg(feature = "try-runtime")]
	use codec::{Decode, Encode};
	use depin_primitives::{DeviceInfo, TaskId};
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		BoundedVec,
	};

	use super::v2::DeviceInfoV2;
	use crate::{pallet::Devices, Config, Pallet};

	/// Where the task lists were kept before version 3.
	pub trait TaskLists<AccountId> {
		/// Takes `device`'s list out of where it was kept, oldest task first.
		fn take(device: &AccountId) -> Vec<TaskId>;
		/// Removes whatever is left where the lists were kept (lists of devices no longer
		/// registered); returns how many were removed.
		fn clear() -> u64;
	}

	/// No lists: every record gets an empty one.
	impl<AccountId> TaskLists<AccountId> for () {
		fn take(_: &AccountId) -> Vec<TaskId> {
			Vec::new()
		}
		fn clear() -> u64 {
			0
		}
	}

	/// Gives every device record its task list, from `L`. Unversioned: use
	/// [`MigrateV2ToV3`]. One block for all records, as [`super::v2::AddAsk`].
	pub struct AddTasks<T, L>(core::marker::PhantomData<(T, L)>);

	impl<T: Config, L: TaskLists<T::AccountId>> UncheckedOnRuntimeUpgrade for AddTasks<T, L> {
		fn on_runtime_upgrade() -> Weight {
			let mut migrated = 0u64;
			Devices::<T>::translate::<
				DeviceInfoV2<
					T::AccountId,
					crate::BalanceOf<T>,
					frame_system::pallet_prelude::BlockNumberFor<T>,
				>,
				_,
			>(|device, old| {
				migrated += 1;
				let held = L::take(&device);
				if held.len() != old.open_assignments as usize {
					frame_support::defensive!("a device's task list and count differ");
				}
				let tasks = BoundedVec::truncate_from(held);
				Some(DeviceInfo {
					owner: old.owner,
					spec: old.spec,
					status: old.status,
					bond: old.bond,
					registered_at: old.registered_at,
					last_heartbeat: old.last_heartbeat,
					listed: old.listed,
					open_assignments: tasks.len() as u16,
					reputation: old.reputation,
					ask: old.ask,
					ask_changed_at: old.ask_changed_at,
					tasks,
				})
			});
			let cleared = L::clear();
			// Each record and its list read and written, the leftovers removed.
			T::DbWeight::get().reads_writes(2 * migrated + 1, 2 * migrated + cleared + 1)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
			let assignments: u64 = super::v2::old::Devices::<T>::iter_values()
				.map(|d| d.open_assignments as u64)
				.sum();
			Ok((Devices::<T>::iter_keys().count() as u32, assignments).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let (count, assignments) = <(u32, u64)>::decode(&mut &state[..])
				.map_err(|_| sp_runtime::TryRuntimeError::Other("pre_upgrade state"))?;
			let after: Vec<_> = Devices::<T>::iter_values().collect();
			frame_support::ensure!(after.len() as u32 == count, "a device record did not decode");
			let listed: u64 = after.iter().map(|d| d.tasks.len() as u64).sum();
			frame_support::ensure!(listed == assignments, "a device lost or gained assignments");
			Ok(())
		}
	}

	/// [`AddTasks`], run only when the pallet's storage version is 2, which it then sets
	/// to 3.
	pub type MigrateV2ToV3<T, L> =
		VersionedMigration<2, 3, AddTasks<T, L>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}

#[cfg(test)]
mod tests {
	use frame_support::{
		storage::unhashed,
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	};

	use super::v2::*;
	use crate::{mock::*, pallet::Devices as DeviceRecords};
	use alloc::{vec, vec::Vec};

	#[test]
	fn version_1_device_records_gain_a_zero_ask_once() {
		new_test_ext().execute_with(|| {
			let device = 101;
			register(device);
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
			let migrated = old::Devices::<Test>::get(device).unwrap();
			assert_eq!((migrated.ask, migrated.ask_changed_at), (0, None));
			assert_eq!((migrated.owner, migrated.open_assignments), (1, 2));
			// A second run is a no-op: the version is 2 already.
			old::Devices::<Test>::mutate(device, |d| d.as_mut().unwrap().ask = 7);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(old::Devices::<Test>::get(device).unwrap().ask, 7);
		});
	}

	/// The lists version 3 takes over: device 101 held tasks 5 and 9; one list of a
	/// device no longer registered is left over.
	struct Lists;

	impl super::v3::TaskLists<u64> for Lists {
		fn take(device: &u64) -> Vec<depin_primitives::TaskId> {
			if *device == 101 {
				vec![5, 9]
			} else {
				Vec::new()
			}
		}
		fn clear() -> u64 {
			1
		}
	}

	#[test]
	fn version_2_device_records_take_over_their_task_lists_once() {
		new_test_ext().execute_with(|| {
			let device = 101;
			register(device);
			let now = DeviceRecords::<Test>::get(device).unwrap();
			let v2 = DeviceInfoV2 {
				owner: now.owner,
				spec: now.spec,
				status: now.status,
				bond: now.bond,
				registered_at: now.registered_at,
				last_heartbeat: now.last_heartbeat,
				listed: now.listed,
				open_assignments: 2,
				reputation: now.reputation,
				ask: 3,
				ask_changed_at: Some(1),
			};
			old::Devices::<Test>::insert(device, v2);
			assert!(DeviceRecords::<Test>::get(device).is_none(), "the old record does not decode");
			StorageVersion::new(2).put::<Devices>();
			#[cfg(feature = "try-runtime")]
			super::v3::MigrateV2ToV3::<Test, Lists>::try_on_runtime_upgrade(true).unwrap();
			#[cfg(not(feature = "try-runtime"))]
			super::v3::MigrateV2ToV3::<Test, Lists>::on_runtime_upgrade();
			assert_eq!(Devices::on_chain_storage_version(), 3);
			let migrated = DeviceRecords::<Test>::get(device).unwrap();
			assert_eq!(migrated.tasks.into_inner(), vec![5, 9]);
			assert_eq!((migrated.open_assignments, migrated.ask, migrated.owner), (2, 3, 1));
			// A second run is a no-op: the version is 3 already.
			DeviceRecords::<Test>::mutate(device, |d| d.as_mut().unwrap().end_task(5));
			super::v3::MigrateV2ToV3::<Test, Lists>::on_runtime_upgrade();
			assert_eq!(DeviceRecords::<Test>::get(device).unwrap().tasks.into_inner(), vec![9]);
		});
	}

	/// Registers `device` for owner 1.
	fn register(device: u64) {
		let spec = depin_primitives::DeviceSpec {
			cores: 2,
			memory_mib: 1024,
			fuel_per_second: 1_000_000,
			executor_version: 1,
			determinism_class: 7,
		};
		let consent = crate::testing::consent::<Test>(1, device);
		Devices::register_device(RuntimeOrigin::signed(1), device, spec, consent).unwrap();
	}
}
