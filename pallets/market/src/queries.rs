//! Read-only views for the runtime API.

use alloc::vec::Vec;
use depin_primitives::{
	AssignmentPhase, AssignmentView, DeviceRegistry, ProgramId, Stats, TaskId, TaskState, TaskView,
	VerificationHooks, VerificationView,
};
use frame_system::pallet_prelude::BlockNumberFor;

use crate::{
	pallet::{
		Config, DeviceTasks, NextTaskId, Outputs, Pallet, ProgramCode, ProgramCount, StateCounts,
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
						let phase = if T::Verification::revealed(task_id, device) {
							AssignmentPhase::Revealed
						} else {
							AssignmentPhase::Reveal
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
		Stats {
			devices: T::Devices::device_count(),
			candidates: T::Devices::candidate_count(),
			programs: ProgramCount::<T>::get(),
			tasks_submitted: NextTaskId::<T>::get(),
			tasks: StateCounts::<T>::get(),
			minted: 0,
			slashed: 0,
		}
	}
}
