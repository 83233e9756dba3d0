//! The queue of waiting tasks and the scheduler that gives them devices.

use alloc::vec::Vec;
use codec::Encode;
use depin_primitives::{
	Candidate, DeterminismClass, DeviceRegistry, RewardSink, Slot, TaskId, TaskState, PRICE_LEVELS,
};
use frame_support::{
	traits::Get,
	weights::{Weight, WeightMeter},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedInto},
	DispatchError, TransactionOutcome,
};

use crate::{
	pallet::{Clearing, Config, Counters, Event, InQueue, Pallet, Queue, Tasks},
	weights::WeightInfo,
	BalanceOf, TaskOf, Timer,
};

/// A device chosen for a slot.
struct Chosen<AccountId, BlockNumber> {
	device: AccountId,
	owner: AccountId,
	/// Its commit deadline: `CommitTimeout` plus the input's transfer time plus its
	/// execution time.
	commit_by: BlockNumber,
}

/// The probes of a scheduling step.
#[derive(Clone, Copy, Debug)]
pub struct Probes {
	/// Candidate positions probed.
	pub all: u32,
	/// Of those, probes that found a stale candidate and removed it from the index.
	pub removed: u32,
}

/// What one scheduling step did.
pub(crate) struct Step {
	/// Whether every open slot of the task got a device.
	pub filled: bool,
	/// Its probes.
	pub probes: Probes,
	/// Devices it tried to assign (kept or rolled back, the work was done); 0 if none.
	pub assigning: u32,
}

/// Blocks a device of `fuel_per_second` needs for `max_fuel`, at blocks of
/// `block_time_ms`: rounded up, at least one.
pub fn execution_blocks(max_fuel: u64, fuel_per_second: u64, block_time_ms: u64) -> u64 {
	let fuel_per_block = (fuel_per_second as u128 * block_time_ms as u128 / 1000).max(1);
	(max_fuel as u128).div_ceil(fuel_per_block).max(1).min(u64::MAX as u128) as u64
}

impl<T: Config> Pallet<T> {
	/// Number of tasks in the queue.
	pub fn queue_len() -> u32 {
		Counters::<T>::get().queue_len()
	}

	/// The price level of a bid of `fuel_price`.
	pub fn level_of(fuel_price: BalanceOf<T>) -> u8 {
		depin_primitives::price_level(
			fuel_price.unique_saturated_into(),
			T::MinFuelPrice::get().unique_saturated_into(),
		)
	}

	/// Appends `task` to the back of its price level unless it is in the queue already.
	pub(crate) fn enqueue_back(task: TaskId, fuel_price: BalanceOf<T>) {
		if InQueue::<T>::contains_key(task) {
			return;
		}
		let level = Self::level_of(fuel_price);
		Counters::<T>::mutate(|c| {
			let q = c.queue.get_mut(level);
			Queue::<T>::insert(level, q.tail, task);
			InQueue::<T>::insert(task, (level, q.tail));
			q.tail = q.tail.wrapping_add(1);
			q.len = q.len.saturating_add(1);
		});
	}

	/// Puts `task` at the head of its price level unless it is in the queue already: a
	/// task that lost a device goes first among its equals.
	pub(crate) fn enqueue_front(task: TaskId, fuel_price: BalanceOf<T>) {
		if InQueue::<T>::contains_key(task) {
			return;
		}
		let level = Self::level_of(fuel_price);
		Counters::<T>::mutate(|c| {
			let q = c.queue.get_mut(level);
			q.head = q.head.wrapping_sub(1);
			Queue::<T>::insert(level, q.head, task);
			InQueue::<T>::insert(task, (level, q.head));
			q.len = q.len.saturating_add(1);
		});
	}

	/// Takes `task` out of the queue, leaving a hole at its position (the scheduler skips
	/// it). Returns whether it was queued.
	pub(crate) fn dequeue(task: TaskId) -> bool {
		let Some((level, pos)) = InQueue::<T>::take(task) else { return false };
		Queue::<T>::remove(level, pos);
		Counters::<T>::mutate(|c| {
			let q = c.queue.get_mut(level);
			q.len = q.len.saturating_sub(1);
		});
		true
	}

	/// Removes the head of `level` (a task or a hole).
	fn dequeue_front(level: u8) {
		Counters::<T>::mutate(|c| {
			let q = c.queue.get_mut(level);
			if let Some(task) = Queue::<T>::take(level, q.head) {
				InQueue::<T>::remove(task);
				q.len = q.len.saturating_sub(1);
			}
			q.head = q.head.wrapping_add(1);
		});
	}

	/// Worst-case weight of one scheduling step: `MaxProbes` probes, every one the costlier
	/// kind, then `MaxReplicas` assignments. The registry's size enters through the
	/// database weight, measured on a state with `MaxDevices` devices.
	pub(crate) fn max_schedule_weight() -> Weight {
		T::WeightInfo::schedule_probe()
			.max(T::WeightInfo::schedule_probe_stale())
			.saturating_add(T::WeightInfo::schedule_assign(T::MaxReplicas::get()))
	}

	/// Storage every scheduling step of a block touches, which reaches the database once
	/// per block however many steps touch it: the candidate count, the parent hash and the
	/// current era (read), the market's counters and clearing record (read and written).
	/// `schedule_assign` measured a pass of one step, so its reads and writes include them:
	/// a step is charged without them, a pass charges them once — the counters with the
	/// hook (`hook_shared_weight`), the rest in `schedule` (`pass_shared_weight`).
	pub fn step_shared_weight() -> Weight {
		T::DbWeight::get().reads_writes(5, 2)
	}

	/// What a scheduling pass charges once for the storage its steps share, besides what
	/// the hook charges (see `step_shared_weight`).
	pub fn pass_shared_weight() -> Weight {
		Self::step_shared_weight().saturating_sub(Self::hook_shared_weight())
	}

	/// Weight of a step that made `probes` and tried to assign `assigned` devices, without
	/// the storage its pass shares (`pass_shared_weight`).
	/// `schedule_assign(r)` measured a step whose `r` probes each found a device, so a
	/// step that assigns is charged that and each further probe; one that assigns nothing,
	/// each probe it made (the probe benchmarks make `MaxProbes`, of fresh or of stale
	/// candidates) and its own reads and writes.
	pub fn step_weight(probes: Probes, assigned: u32) -> Weight {
		let max_probes = T::MaxProbes::get().max(1) as u64;
		let fresh = probes.all.saturating_sub(probes.removed);
		let fresh_probe = T::WeightInfo::schedule_probe() / max_probes;
		let stale = (T::WeightInfo::schedule_probe_stale() / max_probes)
			.saturating_mul(probes.removed.into());
		if assigned == 0 {
			// And the step's own storage however few its probes: the task's position read
			// and moved to the back of its level, the task read and written.
			return fresh_probe
				.saturating_mul(fresh.max(1).into())
				.saturating_add(stale)
				.saturating_add(T::DbWeight::get().reads_writes(2, 4));
		}
		T::WeightInfo::schedule_assign(assigned)
			.saturating_sub(Self::step_shared_weight())
			.saturating_add(fresh_probe.saturating_mul(fresh.saturating_sub(assigned).into()))
			.saturating_add(stale)
	}

	/// Gives devices to queued tasks, highest price level first and each level in order of
	/// arrival, while `meter` allows a step's worst case; each step is charged for what it
	/// really did (`step_weight`), the storage its steps share once per pass
	/// (`pass_shared_weight`). A task that cannot get all the devices it needs now goes to
	/// the back of its level. The tasks passed over so are bounded per block by
	/// `MaxLookahead`, but every level gets at least one: unservable tasks never block the
	/// tasks behind them, nor the lower bids below them, and a block passes over at most
	/// `MaxLookahead + PRICE_LEVELS` tasks.
	pub(crate) fn schedule(now: BlockNumberFor<T>, meter: &mut WeightMeter) {
		// A step's worst case, with the storage its pass shares.
		let step = Self::max_schedule_weight();
		// The counters are the hook's (`hook_shared_weight`).
		let mut shared_charged = false;
		let mut passed_over = 0u32;
		let levels = Counters::<T>::get().queue;
		for level in (0..PRICE_LEVELS as u8).rev() {
			// Each position is looked at once per block at most.
			let mut left = levels.get(level).span();
			let mut passed_here = 0u32;
			while left > 0
				&& (passed_over < T::MaxLookahead::get() || passed_here == 0)
				&& meter.can_consume(step)
			{
				left -= 1;
				if !shared_charged {
					meter.consume(Self::pass_shared_weight());
					shared_charged = true;
				}
				if !Self::schedule_head(level, now, meter) {
					passed_over += 1;
					passed_here += 1;
				}
			}
			if !meter.can_consume(step) {
				break;
			}
		}
	}

	/// Looks at the head of `level`: drops it if it is a hole or takes no devices, else
	/// tries to fill its open slots. Returns false if the task was passed over (it could
	/// not get its devices now and went to the back of its level).
	fn schedule_head(level: u8, now: BlockNumberFor<T>, meter: &mut WeightMeter) -> bool {
		// The counters are the pass's (`pass_shared_weight`); a step that tries to fill
		// slots is charged its reads and writes in `step_weight`, one that drops the head
		// here the head's position and task.
		let head = Counters::<T>::get().queue.get(level).head;
		let Some(task_id) = Queue::<T>::get(level, head) else {
			// A task whose bid was raised into another level left this position.
			meter.consume(T::DbWeight::get().reads_writes(1, 1));
			Self::dequeue_front(level);
			return true;
		};
		let dropped = T::DbWeight::get().reads_writes(2, 2);
		let Some(mut task) = Tasks::<T>::get(task_id) else {
			meter.consume(dropped);
			Self::dequeue_front(level);
			return true;
		};
		// Only tasks that take devices: not final, and not revealing after their last call.
		let takes_devices =
			matches!(task.state, TaskState::Queued | TaskState::Assigned | TaskState::Committing);
		if !takes_devices || task.open_slots == 0 {
			meter.consume(dropped);
			Self::dequeue_front(level);
			return true;
		}
		let Step { filled, probes, assigning } = Self::fill_slots(task_id, &mut task, now);
		meter.consume(Self::step_weight(probes, assigning));
		Self::dequeue_front(level);
		if !filled {
			// Not enough eligible devices now: let the tasks behind it go first.
			Self::enqueue_back(task_id, task.params.fuel_price);
		}
		Tasks::<T>::insert(task_id, task);
		filled
	}

	/// Seed of the device choice for `task`: the parent hash and the task id.
	fn seed(task: TaskId) -> u32 {
		let parent = frame_system::Pallet::<T>::parent_hash();
		let hash = sp_io::hashing::blake2_256(&(parent, task).encode());
		u32::from_le_bytes([hash[0], hash[1], hash[2], hash[3]])
	}

	/// Finds devices for every open slot of `task` and assigns them, or assigns none.
	/// Probes at most `MaxProbes` positions of the candidate index. A task takes all its
	/// replicas from one group — one determinism class, or for a portable task one
	/// executor version (fuel costs differ between versions) — the first group to offer
	/// enough devices wins, and later replicas (replacements, escalations) join it.
	pub(crate) fn fill_slots(
		task_id: TaskId,
		task: &mut TaskOf<T>,
		now: BlockNumberFor<T>,
	) -> Step {
		let wanted = task.open_slots as usize;
		let portable = task.params.portable;
		// Candidates per group: class, or executor version for a portable task.
		type Group<A, B> = (DeterminismClass, Vec<Chosen<A, B>>);
		let mut groups: Vec<Group<T::AccountId, BlockNumberFor<T>>> = Vec::new();
		let start = Self::seed(task_id);
		let mut step = 0u32;
		let mut probes = Probes { all: 0, removed: 0 };
		let last_call = Self::last_call_at(task.deadline_at, task.transfer_blocks);
		let mut found = None;
		let bid: u128 = task.params.fuel_price.unique_saturated_into();
		// The walk's stride, recomputed only when a stale device left the index.
		let (mut walked_count, mut walk_stride) = (0, 1);
		while found.is_none() && probes.all < T::MaxProbes::get() {
			let count = T::Devices::candidate_count();
			if step >= count {
				break;
			}
			if count != walked_count {
				(walked_count, walk_stride) = (count, stride(count));
			}
			probes.all += 1;
			let index = probe_position(start, walk_stride, step, count);
			let candidate = T::Devices::candidate(index);
			let (device, owner, memory_mib, free_slots, group_key, speed, ask) = match candidate {
				// Another device moved into this position: look at it next.
				Candidate::Removed => {
					probes.removed += 1;
					continue;
				}
				Candidate::None => {
					step += 1;
					continue;
				}
				Candidate::Available {
					device,
					owner,
					memory_mib,
					free_slots,
					class,
					executor_version,
					fuel_per_second,
					ask,
				} => {
					// What replicas must share: the class, or for a portable task the
					// executor version (its fuel costs).
					let key = if portable { executor_version as u64 } else { class };
					(device, owner, memory_mib, free_slots, key, fuel_per_second, ask)
				}
			};
			step += 1;
			let group_ok = task.class.is_none_or(|c| c == group_key);
			let owner_holds_slot = task.slots.iter().any(|s| s.owner == owner);
			// A free slot (fewer assignments than cores) also means room in the record's
			// task list (the registry's `integrity_test`): the probe reads no more than the
			// candidate.
			// A device too slow to finish `max_fuel` within `MaxExecutionBlocks` is never
			// given the task: it would miss its commit deadline through no fault of its own.
			let run_blocks =
				execution_blocks(task.params.max_fuel, speed, T::MinBlockTimeMs::get());
			// A device never works below its ask.
			if free_slots == 0
				|| ask > bid || memory_mib < task.params.memory_mib
				|| run_blocks > T::MaxExecutionBlocks::get() as u64
				|| !group_ok || owner_holds_slot
			{
				continue;
			}
			// A stored input's transfer is the chain's to allow for, not the device's risk.
			let commit_by = now
				.saturating_add(T::CommitTimeout::get())
				.saturating_add(task.transfer_blocks.into())
				.saturating_add((run_blocks as u32).into());
			// A device whose round could not end by the deadline would work for nothing.
			if commit_by > last_call {
				continue;
			}
			let group = match groups.iter().position(|(k, _)| *k == group_key) {
				Some(i) => i,
				None => {
					groups.push((group_key, Vec::new()));
					groups.len() - 1
				}
			};
			let members = &mut groups[group].1;
			if members.iter().any(|c| c.owner == owner) {
				continue;
			}
			members.push(Chosen { device, owner, commit_by });
			if members.len() == wanted {
				found = Some(group);
			}
		}
		let Some(group) = found else {
			return Step { filled: false, probes, assigning: 0 };
		};
		let (class, chosen) = groups.swap_remove(group);

		// All or nothing: if a chosen device cannot take the slot after all, or its commit
		// deadline finds no timer room, nothing of this step stays (registry, index,
		// timers, events, the task's slots).
		let saved = (task.slots.clone(), task.open_slots, task.class);
		task.class = Some(class);
		let assigned = frame_support::storage::with_transaction(|| {
			if Self::assign_chosen(task_id, task, chosen, now) {
				TransactionOutcome::Commit(Ok::<_, DispatchError>(true))
			} else {
				TransactionOutcome::Rollback(Ok(false))
			}
		})
		.unwrap_or(false);
		if !assigned {
			(task.slots, task.open_slots, task.class) = saved;
			return Step { filled: false, probes, assigning: wanted as u32 };
		}
		if task.open_slots == 0 && task.state == TaskState::Queued {
			Self::set_state(task_id, task, TaskState::Assigned);
		}
		let level = Self::level_of(task.params.fuel_price);
		Clearing::<T>::mutate(|c| c.record(T::Rewards::current_era(), level, wanted as u32));
		Step { filled: task.open_slots == 0, probes, assigning: wanted as u32 }
	}

	/// Gives each chosen device a slot of `task`, and schedules one commit deadline timer
	/// per distinct deadline among them; false if a device cannot take its slot or a timer
	/// finds no room (the caller rolls the step back).
	fn assign_chosen(
		task_id: TaskId,
		task: &mut TaskOf<T>,
		chosen: Vec<Chosen<T::AccountId, BlockNumberFor<T>>>,
		now: BlockNumberFor<T>,
	) -> bool {
		let mut deadlines: Vec<BlockNumberFor<T>> = Vec::new();
		for Chosen { device, owner, commit_by } in chosen {
			if T::Devices::open_assignment(&device, task_id).is_err() {
				frame_support::defensive!("a candidate with a free slot has none");
				return false;
			}
			let slot = Slot {
				device: device.clone(),
				owner,
				assigned_at: now,
				commit_by,
				committed: false,
			};
			if task.slots.try_push(slot).is_err() {
				frame_support::defensive!("no room for a slot whose bounds were checked");
				return false;
			}
			if !deadlines.contains(&commit_by) {
				deadlines.push(commit_by);
			}
			task.open_slots = task.open_slots.saturating_sub(1);
			Self::deposit_event(Event::TaskAssigned { task: task_id, device });
		}
		deadlines.into_iter().all(|commit_by| {
			let timer = Timer::StepCommitDeadline { task: task_id, assigned_at: now };
			// A full wheel around this deadline: try again in a later block.
			Self::push_commit_deadline(commit_by, timer).is_ok()
		})
	}
}

/// The `step`-th position of a probe walk over `count` candidates.
fn probe_position(start: u32, stride: u32, step: u32, count: u32) -> u32 {
	((start as u64 + step as u64 * stride as u64) % count as u64) as u32
}

/// The stride of a probe walk over `count` candidates: about `count / φ` (the golden
/// ratio), which spreads successive probes evenly over the whole index, so that devices
/// listed one after another (an owner's fleet starting at once) never fill a task's
/// probes with a single owner; and coprime to `count`, so `count` steps visit every
/// position once.
fn stride(count: u32) -> u32 {
	if count <= 2 {
		return 1;
	}
	// 2³² / φ ≈ 2 654 435 769.
	let mut candidate = ((count as u64 * 2_654_435_769) >> 32).max(1) as u32;
	// Among 64 consecutive numbers one is coprime to any count this index can reach.
	for _ in 0..64 {
		if gcd(candidate, count) == 1 {
			return candidate;
		}
		candidate = candidate % (count - 1) + 1;
	}
	1
}

fn gcd(mut a: u32, mut b: u32) -> u32 {
	while b != 0 {
		(a, b) = (b, a % b);
	}
	a
}

#[cfg(test)]
mod walk_tests {
	use super::*;

	#[test]
	fn a_walk_visits_every_position_once() {
		for count in [1u32, 2, 3, 10, 64, 97, 1000, 1024, 10_000] {
			for start in [0u32, 1, 7, 12_345, u32::MAX] {
				let stride = stride(count);
				let mut seen = alloc::vec![false; count as usize];
				for step in 0..count {
					let p = probe_position(start, stride, step, count);
					assert!(!seen[p as usize], "count {count} start {start}: {p} twice");
					seen[p as usize] = true;
				}
			}
		}
	}

	#[test]
	fn a_walk_leaves_an_owners_block_of_devices_at_once() {
		// Candidates listed in blocks of 64 per owner: from any start, the first three
		// probes reach three different blocks.
		for count in [1000u32, 4096, 10_000] {
			let stride = stride(count);
			for start in 0..count {
				let blocks: alloc::collections::BTreeSet<u32> =
					(0..3).map(|step| probe_position(start, stride, step, count) / 64).collect();
				assert_eq!(blocks.len(), 3, "count {count} start {start}");
			}
		}
	}
}
