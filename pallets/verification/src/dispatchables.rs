//! The rules of `commit` and `reveal`: check everything first, then write.

use alloc::vec::Vec;
use depin_primitives::{ExecResult, Hash32, Salt, TaskId, TaskSettlement, TaskState};
use frame_support::{ensure, pallet_prelude::DispatchResult, traits::Get};

use crate::pallet::{Commitments, Config, Error, Event, Pallet, RevealCount, Reveals};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_commit(
		device: T::AccountId,
		task: TaskId,
		commitment: Hash32,
	) -> DispatchResult {
		let slot = T::Market::slot(task, &device).ok_or(Error::<T>::NotAssigned)?;
		ensure!(!slot.committed, Error::<T>::AlreadyCommitted);
		ensure!(
			matches!(
				slot.task_state,
				TaskState::Queued | TaskState::Assigned | TaskState::Committing
			),
			Error::<T>::CommitClosed
		);
		T::Market::record_commit(task, &device)?;
		Commitments::<T>::insert(task, &device, commitment);
		Self::deposit_event(Event::ResultCommitted { task, device });
		Ok(())
	}

	/// Checks and records a reveal; returns what it did (see `after_reveal`).
	pub(crate) fn do_reveal(
		device: T::AccountId,
		task: TaskId,
		result: ExecResult,
		salt: Salt,
		output: Option<Vec<u8>>,
	) -> Result<crate::decide::RevealWork, sp_runtime::DispatchError> {
		let slot = T::Market::slot(task, &device).ok_or(Error::<T>::NotAssigned)?;
		let commitment = Commitments::<T>::get(task, &device).ok_or(Error::<T>::NotCommitted)?;
		ensure!(!Reveals::<T>::contains_key(task, &device), Error::<T>::AlreadyRevealed);
		ensure!(
			matches!(slot.task_state, TaskState::Revealing | TaskState::Verified),
			Error::<T>::RevealNotOpen
		);
		ensure!(
			depin_primitives::commitment(task, &result, &salt, &device) == commitment,
			Error::<T>::CommitmentMismatch
		);
		ensure!(result.fuel_used <= slot.max_fuel, Error::<T>::InvalidResult);
		if let Some(output) = &output {
			ensure!(output.len() as u32 <= T::MaxOutputLen::get(), Error::<T>::OutputTooLarge);
			ensure!(
				depin_primitives::output_hash(output) == result.output_hash,
				Error::<T>::OutputMismatch
			);
		}

		Reveals::<T>::insert(task, &device, result);
		RevealCount::<T>::mutate(task, |c| *c = c.saturating_add(1));
		Self::deposit_event(Event::ResultRevealed { task, device: device.clone(), result });
		Self::after_reveal(task, &device, result, output, slot.replicas)
	}
}
