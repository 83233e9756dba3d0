//! Timers: a bounded wheel of per-block lists for deadlines that differ per task (task
//! deadlines, commit deadlines), and FIFO lines for those that add a constant delay (ends
//! of reveal windows, pruning), all fired by `on_initialize` under the hook's weight
//! limit, oldest first.
//!
//! A dApp chooses its task's deadline, so task deadlines may fill at most half of a
//! block's list: the other half stays for the commit deadlines the scheduler needs. The
//! FIFO lines never fill up, so a commit (which may open a reveal window) or the end of a
//! task (which schedules its pruning) never fails for want of timer room.

use alloc::vec::Vec;
use depin_primitives::{TaskId, TaskState, VerificationHooks};
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::Get,
	weights::{Weight, WeightMeter},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{One, Saturating};

use crate::{
	pallet::{Config, Counters, Error, LineItems, Pallet, ReleaseReason, Timers},
	weights::WeightInfo,
	Line, Timer, TimerOf,
};

/// Blocks after the intended one where a timer may land when that block's list is full.
pub const TIMER_SPILL_BLOCKS: u32 = 16;
/// Most blocks of the wheel one hook walks (catching up after a stall takes several).
pub const MAX_TIMER_BLOCKS_PER_HOOK: u32 = 64;

impl<T: Config> Pallet<T> {
	/// Most task deadlines in one block's list: half of it.
	fn deadline_cap() -> u32 {
		T::MaxTimersPerBlock::get() / 2
	}

	fn room_at(at: BlockNumberFor<T>, cap: u32) -> u32 {
		cap.saturating_sub(Timers::<T>::decode_len(at).unwrap_or(0) as u32)
	}

	/// Fails with `TimersFull` unless a task deadline fits at `at` or shortly after.
	pub(crate) fn ensure_deadline_room(at: BlockNumberFor<T>) -> DispatchResult {
		let mut block = at;
		for _ in 0..TIMER_SPILL_BLOCKS {
			if Self::room_at(block, Self::deadline_cap()) > 0 {
				return Ok(());
			}
			block = block.saturating_add(One::one());
		}
		Err(Error::<T>::TimersFull.into())
	}

	/// Schedules the deadline of `task` at `at` (or within the spill after it).
	pub(crate) fn push_deadline(at: BlockNumberFor<T>, task: TaskId) -> DispatchResult {
		Self::push_timer(at, Timer::TaskDeadline(task), Self::deadline_cap())
	}

	/// Schedules a commit deadline at `at` (or within the spill after it).
	pub(crate) fn push_commit_deadline(at: BlockNumberFor<T>, timer: TimerOf<T>) -> DispatchResult {
		Self::push_timer(at, timer, T::MaxTimersPerBlock::get())
	}

	/// Schedules `timer` at `at`, or at the first later block (within the spill) whose
	/// list holds fewer than `cap` timers.
	fn push_timer(at: BlockNumberFor<T>, timer: TimerOf<T>, cap: u32) -> DispatchResult {
		let mut block = at;
		for _ in 0..TIMER_SPILL_BLOCKS {
			if Self::room_at(block, cap) > 0 {
				let pushed =
					Timers::<T>::mutate(block, |list| list.try_push(timer.clone()).is_ok());
				ensure!(pushed, Error::<T>::TimersFull);
				Counters::<T>::mutate(|c| {
					if c.timer_cursor.is_none_or(|cursor| block < cursor) {
						c.timer_cursor = Some(block);
					}
				});
				return Ok(());
			}
			block = block.saturating_add(One::one());
		}
		Err(Error::<T>::TimersFull.into())
	}

	/// Adds `task` to `line`, due at `due`. Never fails: a line is an unbounded FIFO whose
	/// length is bounded by the tasks in storage (each paid for by its deposit).
	pub(crate) fn push_line(line: Line, due: BlockNumberFor<T>, task: TaskId) {
		Counters::<T>::mutate(|c| {
			let (_, tail) = c.line_mut(line);
			LineItems::<T>::insert(line, *tail, (due, task));
			*tail = tail.wrapping_add(1);
		});
	}

	/// Worst-case weight of firing `timer`, by its kind: a commit timeout (the common
	/// timer under load) costs a fraction of a deadline that may end in a verification
	/// decision, and is charged only that.
	pub(crate) fn timer_weight(timer: &TimerOf<T>) -> Weight {
		match timer {
			Timer::TaskDeadline(_) => Self::deciding(T::WeightInfo::timer_task_deadline()),
			Timer::CommitDeadline { .. } => T::WeightInfo::timer_commit_deadline(),
			Timer::StepCommitDeadline { .. } => {
				T::WeightInfo::timer_commit_deadline().saturating_mul(T::MaxSlots::get().into())
			}
			Timer::RevealDeadline { .. } => Self::deciding(T::WeightInfo::timer_reveal_deadline()),
			Timer::Prune(_) => Self::max_prune_weight(),
		}
	}

	/// Weight of a timer that finds its task gone or past the moment it was set for (it
	/// reads the task): the per-timer part of a block of such timers, as benchmarked up to
	/// a full list (`timer_block_stale`).
	pub fn stale_timer_weight() -> Weight {
		T::WeightInfo::timer_block_stale(1).saturating_sub(T::WeightInfo::timer_block_stale(0))
	}

	/// Storage every hook reads and writes, charged once by `hook_base`: the market's
	/// counters. The benchmarks of timers and of the
	/// scheduling step measured them too; within a hook they reach the database once, so
	/// what the hook runs is charged without them.
	pub fn hook_shared_weight() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}

	/// Weight of taking a due item off a FIFO line (reading and removing it), besides
	/// firing its timer.
	pub fn line_item_weight() -> Weight {
		T::DbWeight::get().reads_writes(1, 1)
	}

	/// Weight of walking one block of the wheel, its timers aside: reading and removing its
	/// list and moving the cursor (`timer_block_stale` without timers, and without the
	/// counters the hook charges once).
	fn timer_block_weight() -> Weight {
		T::WeightInfo::timer_block_stale(0).saturating_sub(Self::hook_shared_weight())
	}

	/// Worst-case weight of a prune: a task with stored data, or one without, and the
	/// largest output.
	fn max_prune_weight() -> Weight {
		let len = T::MaxOutputLen::get();
		T::WeightInfo::timer_prune(len).max(T::WeightInfo::timer_prune_stored(len))
	}

	/// A deadline's own weight plus the verification decision it may trigger.
	fn deciding(own: Weight) -> Weight {
		own.saturating_add(T::Verification::max_hook_weight())
	}

	/// Worst-case weight of firing any one timer.
	pub(crate) fn max_timer_weight() -> Weight {
		T::WeightInfo::timer_commit_deadline()
			.max(Self::max_prune_weight())
			.max(Self::deciding(T::WeightInfo::timer_reveal_deadline()))
			.max(Self::deciding(T::WeightInfo::timer_task_deadline()))
	}

	/// Part of `HookWeightLimit` kept for scheduling, whatever the timers need: a quarter.
	pub(crate) fn schedule_reserve() -> Weight {
		T::HookWeightLimit::get() / 4
	}

	/// Most weight timers may use in one hook: the limit less the scheduling reserve.
	pub(crate) fn timer_budget() -> Weight {
		T::HookWeightLimit::get().saturating_sub(Self::schedule_reserve())
	}

	/// `on_initialize`: fire due timers, then schedule, within `HookWeightLimit`. Timers
	/// use at most `timer_budget`, so a flood of them cannot stop the scheduler.
	pub(crate) fn run_hooks(now: BlockNumberFor<T>) -> Weight {
		let mut meter = WeightMeter::with_limit(T::HookWeightLimit::get());
		meter.consume(T::WeightInfo::hook_base());
		let mut timers = WeightMeter::with_limit(Self::timer_budget());
		Self::fire_lines(now, &mut timers);
		Self::fire_timers(now, &mut timers);
		meter.consume(timers.consumed());
		Self::schedule(now, &mut meter);
		meter.consumed()
	}

	/// Fires a timer if `meter` allows what it may cost now — its kind's worst case, but
	/// for a step's commit deadline a release per device it would release — and charges
	/// what it really cost.
	fn try_fire(timer: TimerOf<T>, meter: &mut WeightMeter) -> bool {
		if let Timer::StepCommitDeadline { task, assigned_at } = timer {
			let late = LateSlots::<T>::find(task, assigned_at);
			if !meter.can_consume(late.weight()) {
				return false;
			}
			meter.consume(late.release());
			return true;
		}
		if !meter.can_consume(Self::timer_weight(&timer)) {
			return false;
		}
		meter.consume(Self::fire(timer));
		true
	}

	/// Fires the due items of every FIFO line.
	fn fire_lines(now: BlockNumberFor<T>, meter: &mut WeightMeter) {
		for line in [Line::RevealDeadline, Line::Prune] {
			let (mut head, tail) = Counters::<T>::get().line(line);
			while head != tail {
				let Some((due, task)) = LineItems::<T>::get(line, head) else {
					frame_support::defensive!("hole in a timer line");
					head = head.wrapping_add(1);
					continue;
				};
				if due > now || !meter.can_consume(Self::line_item_weight()) {
					break;
				}
				let timer = match line {
					Line::RevealDeadline => Timer::RevealDeadline { task, deadline: due },
					Line::Prune => Timer::Prune(task),
				};
				if !Self::try_fire(timer, meter) {
					break;
				}
				meter.consume(Self::line_item_weight());
				LineItems::<T>::remove(line, head);
				head = head.wrapping_add(1);
			}
			// Only the head moved here; firing may have added items at the tail.
			Counters::<T>::mutate(|c| c.line_mut(line).0 = head);
		}
	}

	/// Fires the due timers of the wheel, block by block from the cursor, as far as `meter`
	/// allows.
	pub(crate) fn fire_timers(now: BlockNumberFor<T>, meter: &mut WeightMeter) {
		let Some(mut cursor) = Counters::<T>::get().timer_cursor else { return };
		let per_block = Self::timer_block_weight();
		let mut walked = 0;
		while cursor <= now && walked < MAX_TIMER_BLOCKS_PER_HOOK {
			if meter.try_consume(per_block).is_err() {
				break;
			}
			let mut list = Timers::<T>::take(cursor).into_inner();
			let mut fired = 0;
			while fired < list.len() && Self::try_fire(list[fired].clone(), meter) {
				fired += 1;
			}
			if fired < list.len() {
				// Out of weight: the rest fires next block.
				list.drain(..fired);
				let rest: frame_support::BoundedVec<_, T::MaxTimersPerBlock> =
					list.try_into().unwrap_or_else(|_| {
						frame_support::defensive!("a shorter list no longer fits");
						Default::default()
					});
				Timers::<T>::insert(cursor, rest);
				break;
			}
			cursor = cursor.saturating_add(One::one());
			walked += 1;
		}
		Counters::<T>::mutate(|c| c.timer_cursor = Some(cursor));
	}

	/// Fires `timer`; returns the weight it used (its kind's worst case when it acted — for
	/// a prune, the worst case of the task's kind — a single read when it found nothing to
	/// do), without the counters the hook charges once (`hook_shared_weight`).
	pub(crate) fn fire(timer: TimerOf<T>) -> Weight {
		// The timers whose benchmarks read and write the counters; a reveal deadline's
		// own weight is one read, its decision the verification pallet's.
		let shared = match timer {
			Timer::RevealDeadline { .. } => Weight::zero(),
			_ => Self::hook_shared_weight(),
		};
		let used = Self::timer_weight(&timer).saturating_sub(shared);
		let acted = match timer {
			Timer::TaskDeadline(task_id) => Self::last_call(task_id),
			Timer::CommitDeadline { task: task_id, device, assigned_at } => {
				let Some(mut task) = crate::pallet::Tasks::<T>::get(task_id) else {
					return Self::stale_timer_weight();
				};
				let late = !task.state.is_final()
					&& task
						.slot_of(&device)
						.is_some_and(|s| s.assigned_at == assigned_at && !s.committed);
				if late {
					Self::release_slot(task_id, &mut task, &device, ReleaseReason::CommitTimeout);
					crate::pallet::Tasks::<T>::insert(task_id, task);
				}
				late
			}
			Timer::RevealDeadline { task: task_id, deadline } => {
				let Some(task) = crate::pallet::Tasks::<T>::get(task_id) else {
					return Self::stale_timer_weight();
				};
				let current = task.finished_at.is_none() && task.reveal_deadline == Some(deadline);
				if current {
					T::Verification::on_reveal_timeout(task_id);
				}
				current
			}
			Timer::Prune(task_id) => {
				return Self::prune(task_id)
					.map(|w| w.saturating_sub(shared))
					.unwrap_or_else(Self::stale_timer_weight)
			}
			Timer::StepCommitDeadline { task, assigned_at } => {
				return LateSlots::<T>::find(task, assigned_at).release()
			}
		};
		if acted {
			used
		} else {
			Self::stale_timer_weight()
		}
	}

	/// When the deadline timer of a task due at `deadline_at`, with `transfer_blocks` of
	/// data transfer, fires: its *last call*, one reveal window (`reveal_window`) before the
	/// deadline, the last moment a reveal window can open and still end by the deadline.
	pub(crate) fn last_call_at(
		deadline_at: BlockNumberFor<T>,
		transfer_blocks: u32,
	) -> BlockNumberFor<T> {
		deadline_at.saturating_sub(Self::reveal_window(transfer_blocks))
	}

	/// The reveal window of a task with `transfer_blocks` of data transfer: `RevealWindow`,
	/// plus the transfer time, in which the device that publishes an output blob stores it.
	pub(crate) fn reveal_window(transfer_blocks: u32) -> BlockNumberFor<T> {
		T::RevealWindow::get().saturating_add(transfer_blocks.into())
	}

	/// The last call of `task_id` (see `last_call_at`). A task already revealing is left to
	/// its window, which ends by the deadline and decides (no slot commits after its
	/// commit deadline, and no slot is given whose round cannot end by the deadline). A
	/// task whose committed devices can still form a quorum takes no more devices and
	/// opens its reveal window for them, so their work is verified and paid rather than
	/// lost; any other task expires with a refund. Returns whether it acted.
	fn last_call(task_id: TaskId) -> bool {
		let Some(mut task) = crate::pallet::Tasks::<T>::get(task_id) else { return false };
		if task.finished_at.is_some()
			|| matches!(task.state, TaskState::Revealing | TaskState::Verified)
		{
			return false;
		}
		if task.committed() >= depin_primitives::quorum(task.replicas()) {
			Self::reveal_what_was_committed(task_id, &mut task);
		} else {
			Self::finish(task_id, &mut task, TaskState::Expired);
		}
		crate::pallet::Tasks::<T>::insert(task_id, task);
		true
	}
}

/// The slots a step's commit deadline finds late: given at its step, not committed, their
/// deadline come. The task is read once, to weigh the timer and to fire it.
struct LateSlots<T: Config> {
	task_id: TaskId,
	task: Option<crate::TaskOf<T>>,
	devices: Vec<T::AccountId>,
}

impl<T: Config> LateSlots<T> {
	/// Reads `task_id` and finds its slots given at `assigned_at` that are late now (none
	/// once the task is final or gone).
	fn find(task_id: TaskId, assigned_at: BlockNumberFor<T>) -> Self {
		let task = crate::pallet::Tasks::<T>::get(task_id);
		let now = frame_system::Pallet::<T>::block_number();
		let devices = task
			.as_ref()
			.filter(|t| !t.state.is_final())
			.map(|t| {
				t.slots
					.iter()
					.filter(|s| s.assigned_at == assigned_at && !s.committed && s.commit_by <= now)
					.map(|s| s.device.clone())
					.collect()
			})
			.unwrap_or_default();
		Self { task_id, task, devices }
	}

	/// What releasing them costs: a commit timeout per device, less the counters the
	/// hook charges; a stale timer's read if none.
	fn weight(&self) -> Weight {
		if self.devices.is_empty() {
			return Pallet::<T>::stale_timer_weight();
		}
		T::WeightInfo::timer_commit_deadline()
			.saturating_mul(self.devices.len() as u64)
			.saturating_sub(Pallet::<T>::hook_shared_weight())
	}

	/// Releases each device (timeout mark, slash, slot back to the queue) until the task
	/// ends (too many faults abandon it); returns the weight used.
	fn release(self) -> Weight {
		let weight = self.weight();
		let Some(mut task) = self.task else { return weight };
		if self.devices.is_empty() {
			return weight;
		}
		for device in &self.devices {
			if task.state.is_final() {
				break;
			}
			Pallet::<T>::release_slot(
				self.task_id,
				&mut task,
				device,
				ReleaseReason::CommitTimeout,
			);
		}
		crate::pallet::Tasks::<T>::insert(self.task_id, task);
		weight
	}
}
