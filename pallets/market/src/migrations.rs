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

	use super::v3::{CountersV2 as Counters, MarketCountersV2 as MarketCounters};
	use crate::{Config, Line, Pallet};

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
			let c = Counters::<T>::get().ok_or("no counters")?;
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

/// Version 2 → 3: the queue becomes one FIFO per price level. Every queued task moves, in
/// its order, to the back of the level of its bid; the queue's ends move from the counters'
/// `queue_head` and `queue_tail` to their per-level ends.
pub mod v3 {
	use codec::{Decode, Encode};
	use depin_primitives::{TaskCounts, TaskId};
	use frame_support::{
		migrations::VersionedMigration,
		storage_alias,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		Twox64Concat,
	};
	use frame_system::pallet_prelude::BlockNumberFor;

	use crate::{Config, Counters, MarketCounters, Pallet, QueueLevels, Tasks};

	/// The counters as version 2 keeps them.
	#[derive(Encode, Decode)]
	pub struct MarketCountersV2<BlockNumber> {
		pub next_task_id: TaskId,
		pub queue_head: u32,
		pub queue_tail: u32,
		pub timer_cursor: Option<BlockNumber>,
		pub reveal_line: (u32, u32),
		pub prune_line: (u32, u32),
		pub tasks: TaskCounts,
	}

	/// Version 2's counters.
	#[storage_alias]
	pub type CountersV2<T: Config> = StorageValue<Pallet<T>, MarketCountersV2<BlockNumberFor<T>>>;
	/// Version 2's queue: position → task.
	#[storage_alias]
	pub type Queue<T: Config> = StorageMap<Pallet<T>, Twox64Concat, u32, TaskId>;
	/// Version 2's queue membership.
	#[storage_alias]
	pub type InQueue<T: Config> = StorageMap<Pallet<T>, Twox64Concat, TaskId, ()>;

	/// Moves the queue into price levels. Unversioned: use [`MigrateV2ToV3`].
	///
	/// One block for the whole queue: `MaxQueueLen` (10 000 in the runtime) bounds it at
	/// about 1.7 s of weight (3 reads and 4 writes per task).
	pub struct QueueByPrice<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for QueueByPrice<T> {
		fn on_runtime_upgrade() -> Weight {
			let Some(old) = CountersV2::<T>::get() else {
				return T::DbWeight::get().reads(1);
			};
			let mut queued = alloc::vec::Vec::new();
			for i in 0..old.queue_tail.wrapping_sub(old.queue_head) {
				if let Some(task) = Queue::<T>::take(old.queue_head.wrapping_add(i)) {
					queued.push(task);
				}
			}
			// Entries outside head..tail (none while the invariants held) and the old
			// membership go; the new queue is built below.
			let _ = Queue::<T>::clear(u32::MAX, None);
			let _ = InQueue::<T>::clear(u32::MAX, None);
			Counters::<T>::put(MarketCounters {
				next_task_id: old.next_task_id,
				queue: QueueLevels::default(),
				timer_cursor: old.timer_cursor,
				reveal_line: old.reveal_line,
				prune_line: old.prune_line,
				tasks: old.tasks,
			});
			let moved = queued.len() as u64;
			for task in queued {
				if let Some(info) = Tasks::<T>::get(task) {
					Pallet::<T>::enqueue_back(task, info.params.fuel_price);
				}
			}
			T::DbWeight::get().reads_writes(1 + 3 * moved, 1 + 4 * moved)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			let old = CountersV2::<T>::get().unwrap_or(MarketCountersV2 {
				next_task_id: 0,
				queue_head: 0,
				queue_tail: 0,
				timer_cursor: None,
				reveal_line: (0, 0),
				prune_line: (0, 0),
				tasks: Default::default(),
			});
			let queued: alloc::vec::Vec<TaskId> = (0..old.queue_tail.wrapping_sub(old.queue_head))
				.filter_map(|i| Queue::<T>::get(old.queue_head.wrapping_add(i)))
				.filter(|t| Tasks::<T>::contains_key(t))
				.collect();
			Ok((old.next_task_id, queued).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let (next, queued) = <(TaskId, alloc::vec::Vec<TaskId>)>::decode(&mut &state[..])
				.map_err(|_| sp_runtime::TryRuntimeError::Other("pre_upgrade state"))?;
			frame_support::ensure!(Counters::<T>::get().next_task_id == next, "next task id lost");
			frame_support::ensure!(
				Counters::<T>::get().queue_len() as usize == queued.len(),
				"queued tasks lost"
			);
			for task in queued {
				let (level, pos) = crate::InQueue::<T>::get(task).ok_or("a queued task left")?;
				frame_support::ensure!(
					crate::Queue::<T>::get(level, pos) == Some(task),
					"queue and membership differ"
				);
			}
			Ok(())
		}
	}

	/// [`QueueByPrice`], run only when the pallet's storage version is 2, which it then
	/// sets to 3.
	pub type MigrateV2ToV3<T> =
		VersionedMigration<2, 3, QueueByPrice<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}

/// Version 3 → 4: a task records the blocks its devices are given to fetch a stored input
/// (`TaskInfo::transfer_blocks`, the last field). Tasks from before have inline inputs:
/// they get 0.
pub mod v4 {
	use codec::Decode;
	use frame_support::{
		migrations::VersionedMigration,
		storage::unhashed,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};

	use crate::{Config, Pallet, TaskOf, Tasks};

	/// Appends `transfer_blocks: 0` to every stored task. Unversioned: use
	/// [`MigrateV3ToV4`].
	///
	/// One block for every task: tasks leave state `TaskRetention` after they finish, so
	/// the live ones (at most `MaxQueueLen` queued plus those assigned) bound it.
	pub struct TransferTime<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for TransferTime<T> {
		fn on_runtime_upgrade() -> Weight {
			let ids: alloc::vec::Vec<_> = Tasks::<T>::iter_keys().collect();
			let mut moved = 0u64;
			for id in &ids {
				let key = Tasks::<T>::hashed_key_for(id);
				let Some(mut raw) = unhashed::get_raw(&key) else { continue };
				// The new last field, a `u32` 0, encodes as four zero bytes.
				raw.extend_from_slice(&[0; 4]);
				match TaskOf::<T>::decode(&mut &raw[..]) {
					Ok(task) => {
						Tasks::<T>::insert(id, task);
						moved += 1;
					}
					Err(_) => {
						frame_support::defensive!("a stored task does not decode");
					}
				}
			}
			let n = ids.len() as u64;
			T::DbWeight::get().reads_writes(2 * n, moved)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			Ok((Tasks::<T>::iter_keys().count() as u64).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let before = u64::decode(&mut &state[..])
				.map_err(|_| sp_runtime::TryRuntimeError::Other("pre_upgrade state"))?;
			let after = Tasks::<T>::iter_values().filter(|t| t.transfer_blocks == 0).count();
			frame_support::ensure!(after as u64 == before, "a task was lost or misread");
			Ok(())
		}
	}

	/// [`TransferTime`], run only when the pallet's storage version is 3, which it then
	/// sets to 4.
	pub type MigrateV3ToV4<T> =
		VersionedMigration<3, 4, TransferTime<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}

/// The devices' task lists moved into the registry's records (the registry's storage
/// version 3): the market's `DeviceTasks`, which kept them before, is read out and removed
/// by that migration through these functions (the runtime wires them in).
pub mod device_tasks {
	use alloc::vec::Vec;
	use depin_primitives::TaskId;
	use frame_support::{
		pallet_prelude::ValueQuery, storage_alias, traits::ConstU32, Blake2_128Concat, BoundedVec,
	};

	use crate::{Config, Pallet};

	/// `DeviceTasks` as the market kept it: device → tasks it held a slot in and was not
	/// paid for yet, oldest first.
	#[storage_alias(pallet_name)]
	pub type DeviceTasks<T: Config> = StorageMap<
		Pallet<T>,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		BoundedVec<TaskId, ConstU32<256>>,
		ValueQuery,
	>;

	/// Takes `device`'s list out of `DeviceTasks`.
	pub fn take<T: Config>(device: &T::AccountId) -> Vec<TaskId> {
		DeviceTasks::<T>::take(device).into_inner()
	}

	/// Removes what is left of `DeviceTasks`; returns how many lists it removed.
	pub fn clear<T: Config>() -> u64 {
		DeviceTasks::<T>::clear(u32::MAX, None).unique as u64
	}
}

#[cfg(test)]
mod tests {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	use super::{v2::*, v3::MarketCountersV2};
	use crate::{mock::*, Line};

	type Counters = super::v3::CountersV2<Test>;

	#[test]
	fn version_3_tasks_get_no_transfer_time_once() {
		use codec::Encode;
		new_test_ext().execute_with(|| {
			let code = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 7];
			Market::upload_program(RuntimeOrigin::signed(1), code.to_vec()).unwrap();
			standby_devices(1);
			let params = depin_primitives::TaskParams {
				max_fuel: 1_000,
				fuel_price: 2,
				replicas: 1,
				memory_mib: 256,
				deadline: 100,
				portable: false,
			};
			let program = depin_primitives::program_id(&code);
			Market::submit_task(RuntimeOrigin::signed(1), program, b"in".to_vec(), params).unwrap();
			let task = crate::Tasks::<Test>::get(0).unwrap();
			// Version 3 stored the task without its last field.
			let mut old = task.encode();
			old.truncate(old.len() - 4);
			frame_support::storage::unhashed::put_raw(
				&crate::Tasks::<Test>::hashed_key_for(0),
				&old,
			);
			assert!(crate::Tasks::<Test>::try_get(0).is_err(), "version 3 does not decode");
			StorageVersion::new(3).put::<Market>();
			super::v4::MigrateV3ToV4::<Test>::on_runtime_upgrade();
			assert_eq!(crate::Tasks::<Test>::get(0).map(|t| t.encode()), Some(task.encode()));
			assert_eq!(Market::on_chain_storage_version(), StorageVersion::new(4));
			Market::do_try_state().unwrap();
		});
	}

	#[test]
	fn version_1_counters_move_into_one_value_once() {
		new_test_ext().execute_with(|| {
			StorageVersion::new(1).put::<Market>();
			crate::Counters::<Test>::kill();
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
			let c: MarketCountersV2<u64> = Counters::get().unwrap();
			assert_eq!(
				(c.next_task_id, c.queue_head, c.queue_tail, c.timer_cursor),
				(42, 3, 9, Some(17))
			);
			assert_eq!((c.reveal_line, c.prune_line), ((1, 2), (5, 8)));
			assert_eq!((c.tasks.queued, c.tasks.verified), (6, 2));
			assert!(!NextTaskId::<Test>::exists() && !LineEnds::<Test>::contains_key(Line::Prune));
			// A second run is a no-op: the version is 2 already.
			Counters::mutate(|c| c.as_mut().unwrap().next_task_id = 50);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(Counters::get().unwrap().next_task_id, 50);
		});
	}

	#[test]
	fn version_2_queue_moves_into_price_levels_in_order_once() {
		use super::v3::{InQueue as InQueueV2, MigrateV2ToV3, Queue as QueueV2};
		use depin_primitives::TaskParams;
		new_test_ext().execute_with(|| {
			// Three queued tasks bidding 2, 9 and 2, submitted in that order.
			let code = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 7];
			Market::upload_program(RuntimeOrigin::signed(1), code.to_vec()).unwrap();
			let program = depin_primitives::program_id(&code);
			standby_devices(1);
			for price in [2, 9, 2] {
				let params = TaskParams {
					max_fuel: 1_000,
					fuel_price: price,
					replicas: 1,
					memory_mib: 256,
					deadline: 100,
					portable: false,
				};
				Market::submit_task(RuntimeOrigin::signed(2), program, vec![], params).unwrap();
			}
			// The same queue as version 2 kept it: positions 5, 6, 7 of one FIFO.
			let now = crate::Counters::<Test>::get();
			let _ = crate::Queue::<Test>::clear(u32::MAX, None);
			let _ = crate::InQueue::<Test>::clear(u32::MAX, None);
			crate::Counters::<Test>::kill();
			Counters::put(MarketCountersV2 {
				next_task_id: now.next_task_id,
				queue_head: 5,
				queue_tail: 8,
				timer_cursor: now.timer_cursor,
				reveal_line: now.reveal_line,
				prune_line: now.prune_line,
				tasks: now.tasks,
			});
			for (pos, task) in [(5u32, 0u64), (6, 1), (7, 2)] {
				QueueV2::<Test>::insert(pos, task);
				InQueueV2::<Test>::insert(task, ());
			}
			StorageVersion::new(2).put::<Market>();
			#[cfg(feature = "try-runtime")]
			MigrateV2ToV3::<Test>::try_on_runtime_upgrade(true).unwrap();
			#[cfg(not(feature = "try-runtime"))]
			MigrateV2ToV3::<Test>::on_runtime_upgrade();
			assert_eq!(Market::on_chain_storage_version(), 3);
			// Served by price, then in order: 1 (bids 9), then 0 and 2.
			assert_eq!(Market::queue_page(0, 10).items, vec![1, 0, 2]);
			assert_eq!(Market::queue_len(), 3);
			assert_eq!(crate::Counters::<Test>::get().next_task_id, 3);
			check_invariants();
			// A second run is a no-op: the version is 3 already.
			MigrateV2ToV3::<Test>::on_runtime_upgrade();
			assert_eq!(Market::queue_page(0, 10).items, vec![1, 0, 2]);
		});
	}
}
