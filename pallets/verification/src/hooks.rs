//! [`VerificationHooks`] for the market, and the pallet's invariants.

use depin_primitives::{TaskId, TaskSettlement, VerificationHooks};
use frame_support::{traits::Get, weights::Weight};

use crate::{
	pallet::{Config, Pallet, Rounds},
	weights::WeightInfo,
};

impl<T: Config> VerificationHooks<T::AccountId> for Pallet<T> {
	fn on_reveal_timeout(task: TaskId) -> Weight {
		Self::reveal_window_ended(task);
		T::WeightInfo::on_reveal_timeout(T::MaxSlots::get())
	}

	fn on_task_finished(task: TaskId) -> Weight {
		Rounds::<T>::remove(task);
		T::WeightInfo::on_task_finished(T::MaxSlots::get())
	}

	fn max_hook_weight() -> Weight {
		let s = T::MaxSlots::get();
		T::WeightInfo::on_reveal_timeout(s).max(T::WeightInfo::on_task_finished(s))
	}

	fn revealed(task: TaskId, device: &T::AccountId) -> bool {
		Rounds::<T>::get(task).is_some_and(|r| r.revealed(device).is_some())
	}

	fn reveal_count(task: TaskId) -> u32 {
		Rounds::<T>::get(task).map_or(0, |r| r.reveal_count())
	}

	/// The device designated to publish is the first to commit of those that revealed the
	/// result with a quorum.
	fn publish_turn(task: TaskId, device: &T::AccountId) -> Option<bool> {
		let round = Rounds::<T>::get(task)?;
		if round.verdict.is_some() {
			return None;
		}
		let mine = round.revealed(device)?.result;
		let (leading, _) = round.quorum_result(T::Market::replicas(task)?)?;
		if leading != mine {
			return None;
		}
		let first = round.reveals().find(|(_, r)| r.result == mine);
		Some(first.is_some_and(|(d, _)| d == device))
	}

	fn revealed_results(task: TaskId) -> alloc::vec::Vec<depin_primitives::ExecResult> {
		Rounds::<T>::get(task)
			.map(|r| r.reveals().map(|(_, r)| r.result).collect())
			.unwrap_or_default()
	}
}

impl<T: Config> Pallet<T> {
	/// The pallet's invariants: in every round, each device commits once and holds a
	/// committed slot of the task in the market, and a verdict exists only with a quorum of
	/// reveals of its result.
	///
	/// Iterates all of the pallet's storage: for `try-runtime` and tests, never on chain.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::ensure;
		for (task, round) in Rounds::<T>::iter() {
			for (i, entry) in round.entries.iter().enumerate() {
				let again = round.entries.iter().skip(i + 1).any(|e| e.device == entry.device);
				ensure!(!again, "a device committed twice in one round");
				let slot = T::Market::slot(task, &entry.device);
				ensure!(slot.is_some_and(|s| s.committed), "a commitment without a committed slot");
			}
			if let Some((verdict, _)) = round.verdict {
				let agreeing =
					round.reveals().filter(|(_, r)| r.result == verdict.result).count() as u32;
				let replicas = T::Market::replicas(task).unwrap_or(u32::MAX);
				ensure!(agreeing >= depin_primitives::quorum(replicas), "verdict without a quorum");
			}
		}
		Ok(())
	}
}
