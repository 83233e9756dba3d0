//! [`VerificationHooks`] for the market, and the pallet's invariants.

use depin_primitives::{TaskId, TaskSettlement, VerificationHooks};
use frame_support::{traits::Get, weights::Weight};

use crate::{
	pallet::{Commitments, Config, Pallet, RevealCount, Reveals, Verdicts},
	weights::WeightInfo,
};

impl<T: Config> VerificationHooks<T::AccountId> for Pallet<T> {
	fn on_reveal_timeout(task: TaskId) -> Weight {
		Self::reveal_window_ended(task);
		T::WeightInfo::on_reveal_timeout(T::MaxSlots::get())
	}

	fn on_task_finished(task: TaskId) -> Weight {
		let limit = T::MaxSlots::get();
		let _ = Commitments::<T>::clear_prefix(task, limit, None);
		let _ = Reveals::<T>::clear_prefix(task, limit, None);
		RevealCount::<T>::remove(task);
		Verdicts::<T>::remove(task);
		T::WeightInfo::on_task_finished(limit)
	}

	fn max_hook_weight() -> Weight {
		let s = T::MaxSlots::get();
		T::WeightInfo::on_reveal_timeout(s).max(T::WeightInfo::on_task_finished(s))
	}

	fn revealed(task: TaskId, device: &T::AccountId) -> bool {
		Reveals::<T>::contains_key(task, device)
	}

	fn reveal_count(task: TaskId) -> u32 {
		RevealCount::<T>::get(task)
	}

	/// The device designated to publish is the first, in storage order, of those that
	/// revealed the result with a quorum. Reads every reveal of the task: for runtime-API
	/// queries, never on chain.
	fn publish_turn(task: TaskId, device: &T::AccountId) -> Option<bool> {
		if Verdicts::<T>::contains_key(task) {
			return None;
		}
		let mine = Reveals::<T>::get(task, device)?.result;
		let (leading, _) = Self::quorum_result(task, T::Market::replicas(task)?)?;
		if leading != mine {
			return None;
		}
		let first = Reveals::<T>::iter_prefix(task).find(|(_, r)| r.result == mine);
		Some(first.is_some_and(|(d, _)| &d == device))
	}

	fn revealed_results(task: TaskId) -> alloc::vec::Vec<depin_primitives::ExecResult> {
		Reveals::<T>::iter_prefix_values(task)
			.take(T::MaxSlots::get() as usize)
			.map(|r| r.result)
			.collect()
	}
}

impl<T: Config> Pallet<T> {
	/// The pallet's invariants: every reveal has a commitment, `RevealCount` counts the
	/// reveals, every task with data holds at most `MaxSlots` commitments, and a verdict
	/// exists only for a task with a quorum of reveals of its result.
	///
	/// Iterates all of the pallet's storage: for `try-runtime` and tests, never on chain.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::BTreeMap;
		use frame_support::ensure;
		let mut reveals = BTreeMap::<TaskId, u32>::new();
		for (task, device, _) in Reveals::<T>::iter() {
			ensure!(Commitments::<T>::contains_key(task, &device), "reveal without commitment");
			*reveals.entry(task).or_default() += 1;
		}
		for (task, count) in RevealCount::<T>::iter() {
			ensure!(reveals.get(&task).copied().unwrap_or(0) == count, "RevealCount is wrong");
		}
		let mut commits = BTreeMap::<TaskId, u32>::new();
		for (task, _, _) in Commitments::<T>::iter() {
			*commits.entry(task).or_default() += 1;
		}
		ensure!(commits.values().all(|c| *c <= T::MaxSlots::get()), "too many commitments");
		for (task, verdict) in Verdicts::<T>::iter() {
			let agreeing = Reveals::<T>::iter_prefix_values(task)
				.filter(|r| r.result == verdict.result)
				.count() as u32;
			let replicas = T::Market::replicas(task).unwrap_or(u32::MAX);
			ensure!(agreeing >= depin_primitives::quorum(replicas), "verdict without a quorum");
		}
		Ok(())
	}
}
