//! Read-only views for the runtime API.

use alloc::vec::Vec;
use depin_primitives::{
	AssignmentPhase, AssignmentView, DeviceRegistry, MarketView, Page, PriceLevelView, ProgramId,
	RewardSink, Stats, TaskId, TaskState, TaskView, VerificationHooks, VerificationView, MAX_PAGE,
	MAX_PAGE_SCAN, PRICE_LEVELS,
};
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::UniqueSaturatedInto;

use crate::{
	pallet::{
		Clearing, Config, Counters, Outputs, Pallet, ProgramCode, ProgramCount, Queue,
		StoredInputs, TaskInputs, Tasks,
	},
	BalanceOf, ClearingCounts,
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
		T::Devices::assignments(device)
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

	/// The blob a task reads instead of an inline input, if it has one.
	pub fn stored_input(task_id: TaskId) -> Option<depin_primitives::BlobRef> {
		StoredInputs::<T>::get(task_id)
	}

	/// The most bytes a task's output blob may have, if its output is a blob.
	pub fn output_limit(task_id: TaskId) -> Option<u64> {
		crate::pallet::OutputLimits::<T>::get(task_id).map(|(limit, _)| limit)
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

	/// The queued task ids in the order the scheduler serves them (highest price level
	/// first, each level from its head), from the `start`-th (0: the next served), at most
	/// `limit`.
	pub fn queue_page(start: u32, limit: u32) -> Page<TaskId, u32> {
		let levels = Counters::<T>::get().queue;
		let len = levels.0.iter().fold(0u32, |n, l| n.saturating_add(l.len));
		let end = start.saturating_add(limit.min(MAX_PAGE)).min(len);
		let items = (0..PRICE_LEVELS as u8)
			.rev()
			.flat_map(|level| {
				let q = *levels.get(level);
				(0..q.span()).filter_map(move |i| Queue::<T>::get(level, q.head.wrapping_add(i)))
			})
			.skip(start as usize)
			.take(end.saturating_sub(start) as usize)
			.collect();
		Page { items, next: (end < len).then_some(end) }
	}

	/// Queued tasks and the replicas they wait for, per price level (lowest first).
	pub fn queued_demand() -> [(u32, u32); PRICE_LEVELS] {
		let levels = Counters::<T>::get().queue;
		let mut demand = [(0u32, 0u32); PRICE_LEVELS];
		for (level, (tasks, replicas)) in demand.iter_mut().enumerate() {
			let q = levels.get(level as u8);
			for i in 0..q.span() {
				let Some(id) = Queue::<T>::get(level as u8, q.head.wrapping_add(i)) else {
					continue;
				};
				let Some(task) = Tasks::<T>::get(id) else { continue };
				*tasks += 1;
				*replicas = replicas.saturating_add(task.open_slots as u32);
			}
		}
		demand
	}

	/// The market view: queued bids and listed asks (`asks`: each listed device's ask and
	/// free slots, from the registry) per price level, and the last era's clearing price.
	pub fn market_view(
		asks: impl IntoIterator<Item = (BalanceOf<T>, u16)>,
	) -> MarketView<BalanceOf<T>> {
		let min = T::MinFuelPrice::get();
		let mut supply = [(0u32, 0u32); PRICE_LEVELS];
		for (ask, free) in asks {
			// An ask below the lowest price takes any task: the lowest level.
			let (devices, slots) = &mut supply[Self::level_of(ask.max(min)) as usize];
			*devices += 1;
			*slots = slots.saturating_add(free as u32);
		}
		let demand = Self::queued_demand();
		let levels = (0..PRICE_LEVELS)
			.rev()
			.filter(|l| demand[*l] != (0, 0) || supply[*l] != (0, 0))
			.map(|l| PriceLevelView {
				level: l as u8,
				from: Self::level_price(l as u8),
				tasks: demand[l].0,
				replicas: demand[l].1,
				devices: supply[l].0,
				free_slots: supply[l].1,
			})
			.collect();
		let era = T::Rewards::current_era();
		let last = Clearing::<T>::get().last_of(era);
		MarketView {
			min_fuel_price: min,
			levels,
			last_era: era.saturating_sub(1),
			cleared_replicas: last.iter().fold(0u32, |n, c| n.saturating_add(*c)),
			median_clearing_price: ClearingCounts::median(&last).map(Self::level_price),
		}
	}

	/// The lowest price of price level `level`.
	pub fn level_price(level: u8) -> BalanceOf<T> {
		let min: u128 = T::MinFuelPrice::get().unique_saturated_into();
		depin_primitives::level_floor(level, min).unique_saturated_into()
	}
}
