//! Storage migrations of the verification pallet.

/// Version 1 → 2: a task's commitments, reveals, reveal count and verdict, kept in four
/// maps, become one [`Round`](crate::Round) per task (one write per commit and reveal, one
/// removal when the task finishes).
pub mod v2 {
	use alloc::collections::BTreeMap;
	use depin_primitives::{Hash32, TaskId};
	use frame_support::{
		migrations::VersionedMigration,
		storage_alias,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		Blake2_128Concat, Twox64Concat,
	};

	use crate::{Config, Entry, Pallet, Revealed, Round, Rounds, Verdict};

	/// Version 1's commitments, by task and device.
	#[storage_alias]
	pub type Commitments<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Twox64Concat,
		TaskId,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		Hash32,
	>;

	/// Version 1's reveals, by task and device.
	#[storage_alias]
	pub type Reveals<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Twox64Concat,
		TaskId,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		Revealed,
	>;

	/// Version 1's reveal counts.
	#[storage_alias]
	pub type RevealCount<T: Config> = StorageMap<Pallet<T>, Twox64Concat, TaskId, u32>;

	/// Version 1's verdicts.
	#[storage_alias]
	pub type Verdicts<T: Config> = StorageMap<Pallet<T>, Twox64Concat, TaskId, Verdict>;

	/// Moves every task's commitments (with their reveals) and verdict into its round.
	/// Unversioned: use [`MigrateV1ToV2`].
	///
	/// Its work is the verification data of the tasks in flight (at most `MaxSlots` entries
	/// each); entries beyond `MaxSlots` in one task, which version 1 never stored, are
	/// dropped with an error log. Within a round the order is the old storage order, which
	/// only decides which revealer is designated to publish first; a migrated verdict
	/// counts as given at block zero.
	pub struct MergeIntoRounds<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for MergeIntoRounds<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut rounds = BTreeMap::<TaskId, Round<T>>::new();
			let mut moved = 0u64;
			for (task, device, commitment) in Commitments::<T>::drain() {
				let revealed = Reveals::<T>::take(task, &device);
				let entry = Entry { device, commitment, revealed };
				if rounds.entry(task).or_default().entries.try_push(entry).is_err() {
					log::error!(target: "runtime::verification", "task {task}: round full");
				}
				moved += 1;
			}
			let mut verdicts = 0u64;
			for (task, verdict) in Verdicts::<T>::drain() {
				let given_at = sp_runtime::traits::Zero::zero();
				rounds.entry(task).or_default().verdict = Some((verdict, given_at));
				verdicts += 1;
			}
			// Every reveal had its commitment (version 1's invariant) and was taken above;
			// reveal counts are now counted from the round.
			let cleared = Reveals::<T>::clear(u32::MAX, None).unique as u64
				+ RevealCount::<T>::clear(u32::MAX, None).unique as u64;
			let written = rounds.len() as u64;
			for (task, round) in rounds {
				Rounds::<T>::insert(task, round);
			}
			let reads = 2 * moved + verdicts + cleared;
			let writes = 2 * moved + verdicts + cleared + written;
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			let commitments = Commitments::<T>::iter().count() as u32;
			let reveals = Reveals::<T>::iter().count() as u32;
			let verdicts = Verdicts::<T>::iter().count() as u32;
			Ok((commitments, reveals, verdicts).encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let (commitments, reveals, verdicts) = <(u32, u32, u32)>::decode(&mut &state[..])
				.map_err(|_| sp_runtime::TryRuntimeError::Other("pre_upgrade state"))?;
			let (mut entries, mut revealed, mut decided) = (0u32, 0u32, 0u32);
			for (_, round) in Rounds::<T>::iter() {
				entries += round.entries.len() as u32;
				revealed += round.reveal_count();
				decided += round.verdict.is_some() as u32;
			}
			frame_support::ensure!(entries == commitments, "commitments lost");
			frame_support::ensure!(revealed == reveals, "reveals lost");
			frame_support::ensure!(decided == verdicts, "verdicts lost");
			frame_support::ensure!(Commitments::<T>::iter().next().is_none(), "old data left");
			Pallet::<T>::do_try_state()
		}
	}

	/// [`MergeIntoRounds`], run only when the pallet's storage version is 1, which it then
	/// sets to 2.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		MergeIntoRounds<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

#[cfg(test)]
mod tests {
	use depin_primitives::{ExecResult, TaskSettlement};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	use super::v2::*;
	use crate::{mock::*, Revealed, Rounds, Verdict};

	#[test]
	fn version_1_commitments_reveals_and_verdicts_move_into_rounds_once() {
		new_test_ext().execute_with(|| {
			devices(4);
			let task = submit(3);
			let other_task = submit(1);
			run_to(2);
			let devs = slots(task);
			let other_dev = slots(other_task)[0];
			// The market's side of the commitments written below.
			for (t, d) in devs.iter().map(|d| (task, *d)).chain([(other_task, other_dev)]) {
				<Market as TaskSettlement<AccountId>>::record_commit(t, &d).unwrap();
			}
			StorageVersion::new(1).put::<Verification>();
			let result = ExecResult { exit: 0, output_hash: [3; 32], fuel_used: 9 };
			let revealed = Revealed { result, proof: [4; 32] };
			for d in &devs {
				Commitments::<Test>::insert(task, d, [*d as u8; 32]);
			}
			Commitments::<Test>::insert(other_task, other_dev, [1; 32]);
			Reveals::<Test>::insert(task, devs[0], revealed);
			Reveals::<Test>::insert(task, devs[1], revealed);
			RevealCount::<Test>::insert(task, 2);
			Verdicts::<Test>::insert(task, Verdict { result, key: [5; 32] });
			// With `try-runtime`: pre_upgrade, the migration, post_upgrade.
			#[cfg(feature = "try-runtime")]
			MigrateV1ToV2::<Test>::try_on_runtime_upgrade(true).unwrap();
			#[cfg(not(feature = "try-runtime"))]
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(Verification::on_chain_storage_version(), 2);
			let round = Rounds::<Test>::get(task).unwrap();
			assert_eq!(round.entries.len(), 3);
			assert_eq!(round.entry(&devs[2]).map(|e| e.commitment), Some([devs[2] as u8; 32]));
			assert_eq!(
				(round.revealed(&devs[0]), round.revealed(&devs[2])),
				(Some(revealed), None)
			);
			assert_eq!(round.verdict.map(|(v, at)| (v.key, at)), Some(([5; 32], 0)));
			let other = Rounds::<Test>::get(other_task).unwrap();
			assert_eq!((other.entries.len(), other.verdict), (1, None));
			assert_eq!(RevealCount::<Test>::iter().count(), 0);
			// A second run is a no-op: the version is 2 already.
			Rounds::<Test>::remove(other_task);
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert!(!Rounds::<Test>::contains_key(other_task));
		});
	}
}
