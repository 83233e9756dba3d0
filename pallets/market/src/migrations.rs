//! Storage migrations of the market pallet.

/// Version 1 → 2: the market's six counters and cursors (`NextTaskId`, `QueueHead`,
/// `QueueTail`, `TimerCursor`, `LineEnds`, `StateCounts`) become one value,
/// [`Counters`](crate::Counters).
pub mod v2 {
	use depin_primitives::{TaskCounts, TaskId};
	use frame_support::{
		migrations::VersionedMigration,
		storage_alias,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		Twox64Concat,
	};
	use frame_system::pallet_prelude::BlockNumberFor;

	use crate::{Config, Counters, Line, MarketCounters, Pallet};

	/// Version 1's id of the next task.
	#[storage_alias]
	pub type NextTaskId<T: Config> = StorageValue<Pallet<T>, TaskId>;
	/// Version 1's queue head.
	#[storage_alias]
	pub type QueueHead<T: Config> = StorageValue<Pallet<T>, u32>;
	/// Version 1's queue tail.
	#[storage_alias]
	pub type QueueTail<T: Config> = StorageValue<Pallet<T>, u32>;
	/// Version 1's timer cursor.
	#[storage_alias]
	pub type TimerCursor<T: Config> = StorageValue<Pallet<T>, BlockNumberFor<T>>;
	/// Version 1's ends of the timer lines.
	#[storage_alias]
	pub type LineEnds<T: Config> = StorageMap<Pallet<T>, Twox64Concat, Line, (u32, u32)>;
	/// Version 1's task counts by state.
	#[storage_alias]
	pub type StateCounts<T: Config> = StorageValue<Pallet<T>, TaskCounts>;

	/// Moves the six values into [`Counters`]. Unversioned: use [`MigrateV1ToV2`].
	pub struct MergeCounters<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for MergeCounters<T> {
		fn on_runtime_upgrade() -> Weight {
			let counters = MarketCounters {
				next_task_id: NextTaskId::<T>::take().unwrap_or_default(),
				queue_head: QueueHead::<T>::take().unwrap_or_default(),
				queue_tail: QueueTail::<T>::take().unwrap_or_default(),
				timer_cursor: TimerCursor::<T>::take(),
				reveal_line: LineEnds::<T>::take(Line::RevealDeadline).unwrap_or_default(),
				prune_line: LineEnds::<T>::take(Line::Prune).unwrap_or_default(),
				tasks: StateCounts::<T>::take().unwrap_or_default(),
			};
			Counters::<T>::put(counters);
			T::DbWeight::get().reads_writes(7, 8)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			let old = (
				NextTaskId::<T>::get().unwrap_or_default(),
				QueueTail::<T>::get().unwrap_or_default(),
				LineEnds::<T>::get(Line::Prune).unwrap_or_default(),
				StateCounts::<T>::get().unwrap_or_default(),
			);
			Ok(old.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let (next, tail, prune, counts) =
				<(TaskId, u32, (u32, u32), TaskCounts)>::decode(&mut &state[..])
					.map_err(|_| sp_runtime::TryRuntimeError::Other("pre_upgrade state"))?;
			let c = Counters::<T>::get();
			frame_support::ensure!(c.next_task_id == next, "next task id lost");
			frame_support::ensure!(c.queue_tail == tail, "queue tail lost");
			frame_support::ensure!(c.prune_line == prune, "prune line lost");
			frame_support::ensure!(c.tasks == counts, "task counts lost");
			frame_support::ensure!(!NextTaskId::<T>::exists(), "old value left");
			Ok(())
		}
	}

	/// [`MergeCounters`], run only when the pallet's storage version is 1, which it then
	/// sets to 2.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		MergeCounters<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

#[cfg(test)]
mod tests {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	use super::v2::*;
	use crate::{mock::*, Counters, Line};

	#[test]
	fn version_1_counters_move_into_one_value_once() {
		new_test_ext().execute_with(|| {
			StorageVersion::new(1).put::<Market>();
			Counters::<Test>::kill();
			NextTaskId::<Test>::put(42);
			QueueHead::<Test>::put(3);
			QueueTail::<Test>::put(9);
			TimerCursor::<Test>::put(17);
			LineEnds::<Test>::insert(Line::RevealDeadline, (1, 2));
			LineEnds::<Test>::insert(Line::Prune, (5, 8));
			StateCounts::<Test>::put(depin_primitives::TaskCounts {
				queued: 6,
				verified: 2,
				..Default::default()
			});
			// With `try-runtime`: pre_upgrade, the migration, post_upgrade.
			#[cfg(feature = "try-runtime")]
			MigrateV1ToV2::<Test>::try_on_runtime_upgrade(true).unwrap();
			#[cfg(not(feature = "try-runtime"))]
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(Market::on_chain_storage_version(), 2);
			let c = Counters::<Test>::get();
			assert_eq!(
				(c.next_task_id, c.queue_head, c.queue_tail, c.timer_cursor),
				(42, 3, 9, Some(17))
			);
			assert_eq!((c.reveal_line, c.prune_line), ((1, 2), (5, 8)));
			assert_eq!((c.tasks.queued, c.tasks.verified, c.queue_len()), (6, 2, 6));
			assert!(!NextTaskId::<Test>::exists() && !LineEnds::<Test>::contains_key(Line::Prune));
			// A second run is a no-op: the version is 2 already.
			Counters::<Test>::mutate(|c| c.next_task_id = 50);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(Counters::<Test>::get().next_task_id, 50);
		});
	}
}
