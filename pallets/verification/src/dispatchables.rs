//! The rules of `commit`, `reveal` and `publish_output`: check everything first, then
//! write.

use alloc::vec::Vec;
use depin_primitives::{ExecResult, Hash32, Salt, TaskId, TaskSettlement, TaskState};
use frame_support::{ensure, traits::Get};

use crate::pallet::{Config, Entry, Error, Event, Pallet, Revealed, Rounds};

impl<T: Config> Pallet<T> {
	/// Checks and records a commitment; returns what it did (whether it opened the reveal
	/// window, moved the task's state, or neither).
	pub(crate) fn do_commit(
		device: T::AccountId,
		task: TaskId,
		commitment: Hash32,
	) -> Result<crate::decide::CommitWork, sp_runtime::DispatchError> {
		let slot = T::Market::slot(task, &device).ok_or(Error::<T>::NotAssigned)?;
		ensure!(!slot.committed, Error::<T>::AlreadyCommitted);
		ensure!(
			matches!(
				slot.task_state,
				TaskState::Queued | TaskState::Assigned | TaskState::Committing
			),
			Error::<T>::CommitClosed
		);
		// The market's `committed` flag, checked above, is the round's entry (an invariant).
		let mut round = Rounds::<T>::get(task).unwrap_or_default();
		let entry = Entry { device: device.clone(), commitment, revealed: None };
		round.entries.try_push(entry).map_err(|_| Error::<T>::RoundFull)?;
		let state = T::Market::record_commit(task, &device)?;
		Rounds::<T>::insert(task, round);
		Self::deposit_event(Event::ResultCommitted { task, device });
		Ok(crate::decide::CommitWork::of(slot.task_state, state))
	}

	/// Checks and records a reveal; returns what it did (see `after_reveal`).
	pub(crate) fn do_reveal(
		device: T::AccountId,
		task: TaskId,
		result: ExecResult,
		proof: Hash32,
		salt: Salt,
	) -> Result<crate::decide::RevealWork, sp_runtime::DispatchError> {
		let slot = T::Market::slot(task, &device).ok_or(Error::<T>::NotAssigned)?;
		let mut round = Rounds::<T>::get(task).ok_or(Error::<T>::NotCommitted)?;
		let entry = round
			.entries
			.iter_mut()
			.find(|e| e.device == device)
			.ok_or(Error::<T>::NotCommitted)?;
		ensure!(entry.revealed.is_none(), Error::<T>::AlreadyRevealed);
		ensure!(
			matches!(slot.task_state, TaskState::Revealing | TaskState::Verified),
			Error::<T>::RevealNotOpen
		);
		ensure!(
			depin_primitives::commitment(task, &result, &proof, &salt, &device) == entry.commitment,
			Error::<T>::CommitmentMismatch
		);
		ensure!(result.fuel_used <= slot.max_fuel, Error::<T>::InvalidResult);

		let revealed = Revealed { result, proof };
		entry.revealed = Some(revealed);
		// Stored before anything is decided: settlement may close the task, which removes it.
		Rounds::<T>::insert(task, &round);
		Self::deposit_event(Event::ResultRevealed { task, device: device.clone(), result });
		Self::after_reveal(task, &device, revealed, slot.replicas, round)
	}

	/// Checks and records the publication of `output` by `publisher`: it must hash to the
	/// `output_hash` of a result that has a quorum of reveals in `task`. Verifies the task
	/// and settles every device that revealed; returns what settling did, and the weight
	/// the market used for an output blob.
	pub(crate) fn do_publish_output(
		publisher: &T::AccountId,
		task: TaskId,
		output: Vec<u8>,
	) -> Result<(crate::decide::Settled, frame_support::weights::Weight), sp_runtime::DispatchError>
	{
		let round = Rounds::<T>::get(task);
		ensure!(round.as_ref().is_none_or(|r| r.verdict.is_none()), Error::<T>::AlreadyVerified);
		ensure!(output.len() as u32 <= T::MaxOutputLen::get(), Error::<T>::OutputTooLarge);
		let replicas = T::Market::replicas(task).ok_or(Error::<T>::NoQuorumForOutput)?;
		let round = round.ok_or(Error::<T>::NoQuorumForOutput)?;
		let hash = depin_primitives::output_hash(&output);
		let (result, agreeing) = round
			.quorum_result(replicas)
			.filter(|(r, _)| r.output_hash == hash)
			.ok_or(Error::<T>::NoQuorumForOutput)?;
		let key = depin_primitives::output_key(&output);
		let blob_weight = T::Market::verified(task, result, output, publisher)?;
		Self::deposit_event(Event::TaskVerified { task, result, agreeing });
		let settled =
			Self::settle_all(task, crate::pallet::Verdict { result, key }, replicas, round)?;
		Ok((settled, blob_weight))
	}
}
