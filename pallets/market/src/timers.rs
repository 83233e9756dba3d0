//! The timer wheel: per-block lists of things that must happen, fired by `on_initialize`
//! under the hook's weight limit, oldest first.

use depin_primitives::{TaskState, VerificationHooks};
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::Get,
	weights::{Weight, WeightMeter},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::{One, Saturating};

use crate::{
	pallet::{Config, Error, Pallet, ReleaseReason, TimerCursor, Timers},
	weights::WeightInfo,
	Timer, TimerOf,
};

/// Blocks after the intended one where a timer may land when that block's list is full.
pub const TIMER_SPILL_BLOCKS: u32 = 16;
/// Most blocks of the wheel one hook walks (catching up after a stall takes several).
pub const MAX_TIMER_BLOCKS_PER_HOOK: u32 = 64;

impl<T: Config> Pallet<T> {
	fn room_at(at: BlockNumberFor<T>) -> u32 {
		T::MaxTimersPerBlock::get().saturating_sub(Timers::<T>::decode_len(at).unwrap_or(0) as u32)
	}

	/// Whether `n` timers fit at `at` or the spill blocks after it.
	pub(crate) fn timers_fit(at: BlockNumberFor<T>, n: usize) -> bool {
		let mut room = 0u32;
		let mut block = at;
		for _ in 0..TIMER_SPILL_BLOCKS {
			room = room.saturating_add(Self::room_at(block));
			if room as usize >= n {
				return true;
			}
			block = block.saturating_add(One::one());
		}
		false
	}

	/// Fails with `TimersFull` unless a timer fits at `at` or shortly after.
	pub(crate) fn ensure_timer_room(at: BlockNumberFor<T>) -> DispatchResult {
		ensure!(Self::timers_fit(at, 1), Error::<T>::TimersFull);
		Ok(())
	}

	/// Schedules `timer` at `at`, or at the first later block (within the spill) with room.
	pub(crate) fn push_timer(at: BlockNumberFor<T>, timer: TimerOf<T>) -> DispatchResult {
		let mut block = at;
		for _ in 0..TIMER_SPILL_BLOCKS {
			let pushed = Timers::<T>::mutate(block, |list| list.try_push(timer.clone()).is_ok());
			if pushed {
				TimerCursor::<T>::mutate(|c| {
					if c.is_none_or(|c| block < c) {
						*c = Some(block);
					}
				});
				return Ok(());
			}
			block = block.saturating_add(One::one());
		}
		Err(Error::<T>::TimersFull.into())
	}

	/// Worst-case weight of firing `timer`, by its kind: a commit timeout (the common
	/// timer under load) costs a fraction of a deadline that may end in a verification
	/// decision, and is charged only that.
	pub(crate) fn timer_weight(timer: &TimerOf<T>) -> Weight {
		match timer {
			Timer::TaskDeadline(_) => Self::deciding(T::WeightInfo::timer_task_deadline()),
			Timer::CommitDeadline { .. } => T::WeightInfo::timer_commit_deadline(),
			Timer::RevealDeadline { .. } => Self::deciding(T::WeightInfo::timer_reveal_deadline()),
			Timer::Prune(_) => T::WeightInfo::timer_prune(),
		}
	}

	/// A deadline's own weight plus the verification decision it may trigger.
	fn deciding(own: Weight) -> Weight {
		own.saturating_add(T::Verification::max_hook_weight())
	}

	/// Worst-case weight of firing any one timer.
	pub(crate) fn max_timer_weight() -> Weight {
		T::WeightInfo::timer_commit_deadline()
			.max(T::WeightInfo::timer_prune())
			.max(Self::deciding(T::WeightInfo::timer_reveal_deadline()))
			.max(Self::deciding(T::WeightInfo::timer_task_deadline()))
	}

	/// `on_initialize`: fire due timers, then schedule, within `HookWeightLimit`.
	pub(crate) fn run_hooks(now: BlockNumberFor<T>) -> Weight {
		let mut meter = WeightMeter::with_limit(T::HookWeightLimit::get());
		meter.consume(T::WeightInfo::hook_base());
		Self::fire_timers(now, &mut meter);
		Self::schedule(now, &mut meter);
		meter.consumed()
	}

	fn fire_timers(now: BlockNumberFor<T>, meter: &mut WeightMeter) {
		let Some(mut cursor) = TimerCursor::<T>::get() else { return };
		let per_block = T::DbWeight::get().reads_writes(1, 1);
		let mut walked = 0;
		while cursor <= now && walked < MAX_TIMER_BLOCKS_PER_HOOK {
			if meter.try_consume(per_block).is_err() {
				break;
			}
			let mut list = Timers::<T>::take(cursor).into_inner();
			let mut fired = 0;
			while fired < list.len() && meter.try_consume(Self::timer_weight(&list[fired])).is_ok()
			{
				Self::fire(list[fired].clone());
				fired += 1;
			}
			if fired < list.len() {
				// Out of weight: the rest fires next block.
				list.drain(..fired);
				let rest: frame_support::BoundedVec<_, T::MaxTimersPerBlock> =
					list.try_into().unwrap_or_default();
				Timers::<T>::insert(cursor, rest);
				break;
			}
			cursor = cursor.saturating_add(One::one());
			walked += 1;
		}
		TimerCursor::<T>::put(cursor);
	}

	pub(crate) fn fire(timer: TimerOf<T>) {
		match timer {
			Timer::TaskDeadline(task_id) => {
				let Some(mut task) = crate::pallet::Tasks::<T>::get(task_id) else { return };
				if task.finished_at.is_some() {
					return;
				}
				if task.state == TaskState::Verified {
					// Verified but late reveals still open: let verification close it.
					T::Verification::on_reveal_timeout(task_id);
					return;
				}
				Self::finish(task_id, &mut task, TaskState::Expired);
				crate::pallet::Tasks::<T>::insert(task_id, task);
			}
			Timer::CommitDeadline { task: task_id, device, assigned_at } => {
				let Some(mut task) = crate::pallet::Tasks::<T>::get(task_id) else { return };
				let late = !task.state.is_final()
					&& task
						.slot_of(&device)
						.is_some_and(|s| s.assigned_at == assigned_at && !s.committed);
				if late {
					Self::release_slot(task_id, &mut task, &device, ReleaseReason::CommitTimeout);
					crate::pallet::Tasks::<T>::insert(task_id, task);
				}
			}
			Timer::RevealDeadline { task: task_id, deadline } => {
				let Some(task) = crate::pallet::Tasks::<T>::get(task_id) else { return };
				if task.finished_at.is_none() && task.reveal_deadline == Some(deadline) {
					T::Verification::on_reveal_timeout(task_id);
				}
			}
			Timer::Prune(task_id) => Self::prune(task_id),
		}
	}
}
