//! The market's invariants, checked by `try_state` and after every step of the tests.

use alloc::collections::{BTreeMap, BTreeSet};
use depin_primitives::{DeviceRegistry, TaskCounts, TaskState};
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{Saturating, Zero};

use crate::{
	pallet::{
		Config, Counters, HoldReason, InQueue, InputSources, LineItems, OpenTasks, OutputLimits,
		Outputs, Pallet, ProgramCode, ProgramCount, Programs, Queue, StoredInputs, TaskInputs,
		Tasks, Timers, UnavailableReports,
	},
	BalanceOf, Line, Timer,
};

/// Every timer that will still fire, by kind.
struct LiveTimers<AccountId, BlockNumber> {
	deadlines: BTreeSet<u64>,
	commits: BTreeSet<(AccountId, u64, BlockNumber)>,
	/// Step commit deadlines: (task, assigned at, block it fires in).
	step_commits: BTreeSet<(u64, BlockNumber, BlockNumber)>,
	reveals: BTreeSet<(u64, BlockNumber)>,
	prunes: BTreeSet<u64>,
}

impl<T: Config> Pallet<T> {
	/// - Each submitter's `TaskEscrow` hold equals the escrow of its unfinished tasks; a
	///   finished task holds no escrow (it was paid out or refunded, never both).
	/// - `Counters.tasks` counts the stored tasks by state.
	/// - Every unfinished task with open slots is queued; the queue has no holes and
	///   `InQueue` mirrors it.
	/// - The devices' task lists (the registry's records) hold exactly the slots of
	///   unfinished tasks but those paid (a verified task's paid devices are free of it).
	/// - Each program's `open_tasks` counts its unfinished tasks; program deposits are on
	///   hold; `ProgramCount` is right; every task has an input.
	/// - Output deposits are on hold; each submitter's `TaskDeposit` hold equals the
	///   deposits of its stored tasks, and `OpenTasks` counts its unfinished tasks.
	/// - Every unfinished task has its deadline in the wheel, every uncommitted slot its
	///   commit deadline (its own, or its step's in a block at or after the slot's
	///   deadline), a revealing task its reveal deadline in the FIFO line, and every
	///   finished task its pruning in the FIFO line; FIFO lines have no holes and fall due
	///   in order.
	/// - Owners within a task are distinct; an unfinished task's escrow plus what it paid
	///   is exactly the escrow it put on hold (submission plus escalations).
	///
	/// Iterates all of the pallet's storage: for `try-runtime` and tests, never on chain.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut escrow = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut output_deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut counts = TaskCounts::default();
		let mut open_by_program = BTreeMap::<[u8; 32], u32>::new();
		let mut slots = BTreeSet::<(T::AccountId, u64)>::new();
		// Slots whose device still holds the assignment.
		let mut still_held = 0usize;
		let mut task_deposits = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut open_tasks = BTreeMap::<T::AccountId, u32>::new();
		let timers = Self::live_timers()?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			StoredInputs::<T>::iter_keys().all(Tasks::<T>::contains_key),
			"stored input of no task"
		);
		ensure!(
			OutputLimits::<T>::iter_keys().all(Tasks::<T>::contains_key),
			"output limit of no task"
		);
		ensure!(
			InputSources::<T>::iter_keys().all(StoredInputs::<T>::contains_key),
			"input sources of no stored input"
		);
		ensure!(
			UnavailableReports::<T>::iter_keys().all(InputSources::<T>::contains_key),
			"unavailability reports of no input sources"
		);
		for (id, task) in Tasks::<T>::iter() {
			let d = task_deposits.entry(task.submitter.clone()).or_insert_with(Zero::zero);
			*d = d.saturating_add(task.deposit);
			let mut owners = BTreeSet::new();
			ensure!(task.slots.iter().all(|s| owners.insert(s.owner.clone())), "owners repeat");
			let inline = TaskInputs::<T>::get(id).ok_or("task without input")?;
			let (output_limit, output_fee) = OutputLimits::<T>::get(id).unwrap_or_default();
			match StoredInputs::<T>::get(id) {
				Some(blob) => {
					ensure!(inline.is_empty(), "stored input beside inline bytes");
					ensure!(
						task.transfer_blocks
							== Self::transfer_blocks(blob.size.saturating_add(output_limit)),
						"transfer time disagrees with the stored input and output"
					);
				}
				None => {
					ensure!(task.transfer_blocks == 0, "transfer time without stored input");
					ensure!(output_limit == 0, "an output blob without a stored input");
				}
			}
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
				ensure!(timers.prunes.contains(&id), "finished task is never pruned");
				continue;
			}
			*open_tasks.entry(task.submitter.clone()).or_default() += 1;
			// After its last call a task is revealing, and its reveal window ends it.
			let revealing = matches!(task.state, TaskState::Revealing | TaskState::Verified);
			ensure!(
				timers.deadlines.contains(&id) || revealing,
				"open task without its deadline timer"
			);
			for slot in task.slots.iter().filter(|s| !s.committed) {
				// Its own timer, or its step's that fires when its deadline has come.
				let step_timer = timers
					.step_commits
					.range((id, slot.assigned_at, slot.commit_by)..)
					.next()
					.is_some_and(|(t, at, _)| *t == id && *at == slot.assigned_at);
				ensure!(
					step_timer
						|| timers.commits.contains(&(slot.device.clone(), id, slot.assigned_at)),
					"uncommitted slot without its commit deadline"
				);
				ensure!(
					slot.commit_by <= Self::last_call_at(task.deadline_at, task.transfer_blocks),
					"a slot whose round cannot end by the deadline"
				);
			}
			// (Once the window's end has fired, verification moves the task on.)
			if let Some(deadline) = task.reveal_deadline.filter(|d| *d > now) {
				ensure!(timers.reveals.contains(&(id, deadline)), "reveal window never ends");
			}
			let replicas = (task.params.replicas as u32).saturating_add(
				(task.escalations as u32).saturating_mul(<T as Config>::EscalationReplicas::get()),
			);
			let held = Self::escrow_for(&task.params, replicas)
				.map_err(|_| "escrow overflows")?
				.saturating_add(output_fee);
			ensure!(task.escrow.saturating_add(task.paid) == held, "escrow + paid ≠ escrow held");
			ensure!(
				!task.state.is_final() || task.state == TaskState::Verified,
				"final task unfinished"
			);
			*open_by_program.entry(task.program).or_default() += 1;
			if task.open_slots > 0 && !revealing {
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
				// A paid device's assignment ended with its payment, which only a verified
				// task makes.
				let listed = T::Devices::assignments(&slot.device).contains(&id);
				ensure!(
					listed || task.state == TaskState::Verified,
					"slot missing from its device's tasks"
				);
				still_held += listed as usize;
			}
		}
		ensure!(Counters::<T>::get().tasks == counts, "state counts differ from the tasks");
		ensure!(
			T::Devices::assignment_total() == still_held as u64,
			"devices list slots of finished or unknown tasks"
		);

		let levels = Counters::<T>::get().queue;
		let mut queued = BTreeSet::new();
		let mut entries = 0u32;
		for level in 0..depin_primitives::PRICE_LEVELS as u8 {
			let q = levels.get(level);
			let mut live = 0u32;
			for i in 0..q.span() {
				let pos = q.head.wrapping_add(i);
				// Holes are positions a task left when its bid was raised.
				let Some(id) = Queue::<T>::get(level, pos) else { continue };
				live += 1;
				ensure!(queued.insert(id), "task queued twice");
				ensure!(
					InQueue::<T>::get(id) == Some((level, pos)),
					"InQueue differs from the queue"
				);
			}
			ensure!(live == q.len, "a level's length differs from its tasks");
			entries += live;
		}
		ensure!(InQueue::<T>::iter().count() == queued.len(), "InQueue differs from the queue");
		ensure!(Queue::<T>::iter().count() as u32 == entries, "queue entries outside head..tail");

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
		for (who, amount) in task_deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::TaskDeposit.into(), &who);
			ensure!(held == amount, "task deposit hold differs");
		}
		ensure!(
			OpenTasks::<T>::iter().all(|(who, n)| open_tasks.get(&who) == Some(&n)),
			"OpenTasks counts finished or unknown tasks"
		);
		ensure!(
			OpenTasks::<T>::iter().count() == open_tasks.len(),
			"a submitter's open tasks are not counted"
		);
		for (who, amount) in output_deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::OutputDeposit.into(), &who);
			ensure!(held == amount, "output deposit hold differs");
		}
		Ok(())
	}

	/// The timers in the wheel and the FIFO lines; fails if a line has a hole or falls due
	/// out of order, or the wheel holds a kind that belongs in a line.
	fn live_timers(
	) -> Result<LiveTimers<T::AccountId, BlockNumberFor<T>>, sp_runtime::TryRuntimeError> {
		let mut live = LiveTimers {
			deadlines: BTreeSet::new(),
			commits: BTreeSet::new(),
			step_commits: BTreeSet::new(),
			reveals: BTreeSet::new(),
			prunes: BTreeSet::new(),
		};
		for (block, list) in Timers::<T>::iter() {
			for timer in list {
				match timer {
					Timer::TaskDeadline(id) => {
						live.deadlines.insert(id);
					}
					Timer::CommitDeadline { task, device, assigned_at } => {
						live.commits.insert((device, task, assigned_at));
					}
					Timer::StepCommitDeadline { task, assigned_at } => {
						live.step_commits.insert((task, assigned_at, block));
					}
					_ => return Err("a FIFO line's timer in the wheel".into()),
				}
			}
		}
		for line in [Line::RevealDeadline, Line::Prune] {
			let (head, tail) = Counters::<T>::get().line(line);
			let len = tail.wrapping_sub(head);
			let mut last_due = None;
			for i in 0..len {
				let (due, task) =
					LineItems::<T>::get(line, head.wrapping_add(i)).ok_or("hole in a line")?;
				ensure!(last_due.is_none_or(|last| last <= due), "a line falls due out of order");
				last_due = Some(due);
				match line {
					Line::RevealDeadline => live.reveals.insert((task, due)),
					Line::Prune => live.prunes.insert(task),
				};
			}
			let stored = LineItems::<T>::iter_prefix(line).count() as u32;
			ensure!(stored == len, "line items outside head..tail");
		}
		Ok(live)
	}
}
