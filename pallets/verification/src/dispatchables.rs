//! The rules of `commit`, `reveal` and `publish_output`: check everything first, then
//! write.

use alloc::vec::Vec;
use depin_primitives::{ExecResult, Hash32, Salt, TaskId, TaskSettlement, TaskState};
use frame_support::{ensure, traits::Get};

use crate::pallet::{
	Commitments, Config, Error, Event, Pallet, RevealCount, Revealed, Reveals, Verdicts,
};

impl<T: Config> Pallet<T> {
	/// Checks and records a commitment; returns the task's state after it (`Revealing`
	/// when it was the last commit the task waited for).
	pub(crate) fn do_commit(
		device: T::AccountId,
		task: TaskId,
		commitment: Hash32,
	) -> Result<TaskState, sp_runtime::DispatchError> {
		let slot = T::Market::slot(task, &device).ok_or(Error::<T>::NotAssigned)?;
		ensure!(!slot.committed, Error::<T>::AlreadyCommitted);
		ensure!(
			matches!(
				slot.task_state,
				TaskState::Queued | TaskState::Assigned | TaskState::Committing
			),
			Error::<T>::CommitClosed
		);
		let state = T::Market::record_commit(task, &device)?;
		Commitments::<T>::insert(task, &device, commitment);
		Self::deposit_event(Event::ResultCommitted { task, device });
		Ok(state)
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
		let commitment = Commitments::<T>::get(task, &device).ok_or(Error::<T>::NotCommitted)?;
		ensure!(!Reveals::<T>::contains_key(task, &device), Error::<T>::AlreadyRevealed);
		ensure!(
			matches!(slot.task_state, TaskState::Revealing | TaskState::Verified),
			Error::<T>::RevealNotOpen
		);
		ensure!(
			depin_primitives::commitment(task, &result, &proof, &salt, &device) == commitment,
			Error::<T>::CommitmentMismatch
		);
		ensure!(result.fuel_used <= slot.max_fuel, Error::<T>::InvalidResult);

		let revealed = Revealed { result, proof };
		Reveals::<T>::insert(task, &device, revealed);
		RevealCount::<T>::mutate(task, |c| *c = c.saturating_add(1));
		Self::deposit_event(Event::ResultRevealed { task, device: device.clone(), result });
		Self::after_reveal(task, &device, revealed, slot.replicas)
	}

	/// Checks and records the publication of `output`: it must hash to the `output_hash`
	/// of a result that has a quorum of reveals in `task`. Verifies the task and settles
	/// every device that revealed; returns how many.
	pub(crate) fn do_publish_output(
		task: TaskId,
		output: Vec<u8>,
	) -> Result<u32, sp_runtime::DispatchError> {
		ensure!(!Verdicts::<T>::contains_key(task), Error::<T>::AlreadyVerified);
		ensure!(output.len() as u32 <= T::MaxOutputLen::get(), Error::<T>::OutputTooLarge);
		let replicas = T::Market::replicas(task).ok_or(Error::<T>::NoQuorumForOutput)?;
		let hash = depin_primitives::output_hash(&output);
		let (result, agreeing) = Self::quorum_result(task, replicas)
			.filter(|(r, _)| r.output_hash == hash)
			.ok_or(Error::<T>::NoQuorumForOutput)?;
		let key = depin_primitives::output_key(&output);
		T::Market::verified(task, result, output)?;
		Self::deposit_event(Event::TaskVerified { task, result, agreeing });
		Self::settle_all(task, crate::pallet::Verdict { result, key }, replicas)
	}
}
