//! Read-only views for the runtime API.

use alloc::vec::Vec;
use depin_primitives::{
	AssignmentPhase, AssignmentView, DeviceRegistry, Page, ProgramId, Stats, TaskId, TaskState,
	TaskView, VerificationHooks, VerificationView, MAX_PAGE, MAX_PAGE_SCAN,
};
use frame_system::pallet_prelude::BlockNumberFor;

use crate::{
	pallet::{
		Config, Counters, DeviceTasks, Outputs, Pallet, ProgramCode, ProgramCount, Queue,
		TaskInputs, Tasks,
	},
	BalanceOf,
};

impl<T: Config> Pallet<T> {
	/// A task as clients see it.
	pub fn task_view(
		task_id: TaskId,
	) -> Option<TaskView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let task = Tasks::<T>::get(task_id)?;
		let commits = task.slots.iter().filter(|s| s.committed).count() as u32;
		Some(TaskView {
			id: task_id,
			submitter: task.submitter,
			program: task.program,
			params: task.params,
			state: task.state,
			escrow: task.escrow,
			paid: task.paid,
			submitted_at: task.submitted_at,
			deadline_at: task.deadline_at,
			slots: task.slots.into_inner(),
			open_slots: task.open_slots,
			escalations: task.escalations,
			result: task.result,
			has_output: Outputs::<T>::contains_key(task_id),
			finished_at: task.finished_at,
			verification: VerificationView {
				commits,
				reveals: T::Verification::reveal_count(task_id),
				reveal_deadline: task.reveal_deadline,
			},
		})
	}

	/// What `device` has to do, one entry per task it holds a slot in, oldest first.
	pub fn assignments(device: &T::AccountId) -> Vec<AssignmentView<BlockNumberFor<T>>> {
		DeviceTasks::<T>::get(device)
			.into_iter()
			.filter_map(|task_id| {
				let task = Tasks::<T>::get(task_id)?;
				let slot = task.slot_of(device)?;
				let (phase, deadline) = match (task.state, slot.committed) {
					(_, false) => (AssignmentPhase::Commit, slot.commit_by),
					(TaskState::Revealing | TaskState::Verified, true) => {
						let phase = if !T::Verification::revealed(task_id, device) {
							AssignmentPhase::Reveal
						} else if let Some(designated) =
							T::Verification::publish_turn(task_id, device)
						{
							AssignmentPhase::Publish { designated }
						} else {
							AssignmentPhase::Revealed
						};
						(phase, task.reveal_deadline.unwrap_or(task.deadline_at))
					}
					(_, true) => (AssignmentPhase::WaitingForOthers, task.deadline_at),
				};
				Some(AssignmentView {
					task: task_id,
					program: task.program,
					input: TaskInputs::<T>::get(task_id)
						.map(|i| i.into_inner())
						.unwrap_or_default(),
					max_fuel: task.params.max_fuel,
					memory_mib: task.params.memory_mib,
					portable: task.params.portable,
					phase,
					deadline,
					replicas: task.replicas(),
					revealed: if phase == AssignmentPhase::Reveal {
						T::Verification::revealed_results(task_id)
					} else {
						Vec::new()
					},
				})
			})
			.collect()
	}

	/// The code of a program.
	pub fn program_code(program: ProgramId) -> Option<Vec<u8>> {
		ProgramCode::<T>::get(program).map(|c| c.into_inner())
	}

	/// The stored output of a verified task.
	pub fn output(task_id: TaskId) -> Option<Vec<u8>> {
		Outputs::<T>::get(task_id).map(|(o, _)| o.into_inner())
	}

	/// Network-wide numbers known to the market (the runtime adds minted and slashed).
	pub fn stats() -> Stats {
		let counters = Counters::<T>::get();
		Stats {
			devices: T::Devices::device_count(),
			candidates: T::Devices::candidate_count(),
			programs: ProgramCount::<T>::get(),
			tasks_submitted: counters.next_task_id,
			tasks: counters.tasks,
			minted: 0,
			slashed: 0,
		}
	}
}

/// A task as clients see it.
pub type TaskViewOf<T> =
	TaskView<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

/// Paged listings for the runtime API (bounded by `MAX_PAGE` and `MAX_PAGE_SCAN`).
impl<T: Config> Pallet<T> {
	/// Tasks newest first with ids below `before`, at most `limit`; only `submitter`'s if
	/// given. Looks at `MAX_PAGE_SCAN` ids at most.
	pub fn tasks_page(
		submitter: Option<&T::AccountId>,
		before: Option<TaskId>,
		limit: u32,
	) -> Page<TaskViewOf<T>, TaskId> {
		let limit = limit.min(MAX_PAGE) as usize;
		let mut id = before.unwrap_or_else(|| Counters::<T>::get().next_task_id);
		let mut items = Vec::new();
		let mut scanned = 0;
		while id > 0 && items.len() < limit && scanned < MAX_PAGE_SCAN {
			id -= 1;
			scanned += 1;
			let Some(view) = Self::task_view(id) else { continue };
			if submitter.is_none_or(|s| *s == view.submitter) {
				items.push(view);
			}
		}
		Page { items, next: (id > 0).then_some(id) }
	}

	/// The queue's task ids from position `start` (0: the head), at most `limit`.
	pub fn queue_page(start: u32, limit: u32) -> Page<TaskId, u32> {
		let counters = Counters::<T>::get();
		let (head, len) = (counters.queue_head, counters.queue_len());
		let end = start.saturating_add(limit.min(MAX_PAGE)).min(len);
		let items = (start..end).filter_map(|i| Queue::<T>::get(head.wrapping_add(i))).collect();
		Page { items, next: (end < len).then_some(end) }
	}
}
