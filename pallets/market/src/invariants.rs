//! The market's invariants, checked by `try_state` and after every step of the tests.

use alloc::collections::{BTreeMap, BTreeSet};
use depin_primitives::{TaskCounts, TaskState};
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use sp_runtime::traits::{Saturating, Zero};

use crate::{
	pallet::{
		Config, DeviceTasks, HoldReason, InQueue, Outputs, Pallet, ProgramCode, ProgramCount,
		Programs, Queue, QueueHead, StateCounts, TaskInputs, Tasks,
	},
	BalanceOf,
};

impl<T: Config> Pallet<T> {
	/// - Each submitter's `TaskEscrow` hold equals the escrow of its unfinished tasks; a
	///   finished task holds no escrow (it was paid out or refunded, never both).
	/// - `StateCounts` counts the stored tasks by state.
	/// - Every unfinished task with open slots is queued; the queue has no holes and
	///   `InQueue` mirrors it.
	/// - `DeviceTasks` lists exactly the slots of unfinished tasks.
	/// - Each program's `open_tasks` counts its unfinished tasks; program deposits are on
	///   hold; `ProgramCount` is right; every task has an input.
	/// - Output deposits are on hold.
	///
	/// Iterates all of the pallet's storage: for `try-runtime` and tests, never on chain.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut escrow = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut output_deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut counts = TaskCounts::default();
		let mut open_by_program = BTreeMap::<[u8; 32], u32>::new();
		let mut slots = BTreeSet::<(T::AccountId, u64)>::new();
		for (id, task) in Tasks::<T>::iter() {
			ensure!(TaskInputs::<T>::contains_key(id), "task without input");
			let c = crate::settlement::counter(&mut counts, task.state);
			*c += 1;
			if let Some((_, deposit)) = Outputs::<T>::get(id) {
				let d = output_deposits.entry(task.submitter.clone()).or_insert_with(Zero::zero);
				*d = d.saturating_add(deposit);
			}
			let e = escrow.entry(task.submitter.clone()).or_insert_with(Zero::zero);
			*e = e.saturating_add(task.escrow);
			if task.finished_at.is_some() {
				ensure!(task.escrow.is_zero(), "finished task still holds escrow");
				ensure!(task.open_slots == 0, "finished task has open slots");
				continue;
			}
			ensure!(
				!task.state.is_final() || task.state == TaskState::Verified,
				"final task unfinished"
			);
			*open_by_program.entry(task.program).or_default() += 1;
			if task.open_slots > 0 {
				ensure!(InQueue::<T>::contains_key(id), "task with open slots is not queued");
			}
			ensure!(
				task.replicas() <= <T as Config>::MaxSlots::get(),
				"task asks for more replicas than slots"
			);
			for slot in task.slots.iter() {
				ensure!(
					slots.insert((slot.device.clone(), id)),
					"device holds two slots of a task"
				);
				ensure!(
					DeviceTasks::<T>::get(&slot.device).contains(&id),
					"slot missing from DeviceTasks"
				);
			}
		}
		ensure!(StateCounts::<T>::get() == counts, "StateCounts differ from the tasks");
		let listed: usize = DeviceTasks::<T>::iter().map(|(_, l)| l.len()).sum();
		ensure!(listed == slots.len(), "DeviceTasks lists slots of finished or unknown tasks");

		let len = Self::queue_len();
		let head = QueueHead::<T>::get();
		let mut queued = BTreeSet::new();
		for i in 0..len {
			let id = Queue::<T>::get(head.wrapping_add(i)).ok_or("hole in the queue")?;
			ensure!(queued.insert(id), "task queued twice");
		}
		ensure!(InQueue::<T>::iter().count() == queued.len(), "InQueue differs from the queue");
		ensure!(Queue::<T>::iter().count() as u32 == len, "queue entries outside head..tail");

		let mut deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut programs = 0u32;
		for (id, info) in Programs::<T>::iter() {
			programs += 1;
			ensure!(ProgramCode::<T>::contains_key(id), "program without code");
			ensure!(
				info.open_tasks == open_by_program.get(&id).copied().unwrap_or(0),
				"program open_tasks is wrong"
			);
			let d = deposits.entry(info.owner.clone()).or_insert_with(Zero::zero);
			*d = d.saturating_add(info.deposit);
		}
		ensure!(ProgramCount::<T>::get() == programs, "ProgramCount is wrong");
		ensure!(ProgramCode::<T>::iter_keys().count() as u32 == programs, "code without program");

		for (who, amount) in escrow {
			let held = T::Currency::balance_on_hold(&HoldReason::TaskEscrow.into(), &who);
			ensure!(held == amount, "escrow hold differs from the open tasks' escrow");
		}
		for (who, amount) in deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::ProgramDeposit.into(), &who);
			ensure!(held == amount, "program deposit hold differs");
		}
		for (who, amount) in output_deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::OutputDeposit.into(), &who);
			ensure!(held == amount, "output deposit hold differs");
		}
		Ok(())
	}
}
