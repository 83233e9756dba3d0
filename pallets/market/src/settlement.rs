//! State changes and balance movements of tasks: state bookkeeping, releasing slots,
//! finishing and pruning tasks, and [`TaskSettlement`] for verification.

use crate::WeightInfo;
use alloc::vec::Vec;
use depin_primitives::{
	DeviceRegistry, ExecResult, Outcome, Payment, RewardSink, SlashReason, SlotView, TaskCounts,
	TaskId, TaskSettlement, TaskState, VerificationHooks,
};
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
		Get,
	},
	weights::Weight,
	BoundedVec,
};
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedInto, Zero},
	DispatchError,
};

use crate::{
	pallet::{
		Config, Counters, Error, Event, HoldReason, InputSources, OpenTasks, OutputLimits, Outputs,
		Pallet, Programs, ReleaseReason, StoredInputs, TaskInputs, Tasks, UnavailableReports,
	},
	BalanceOf, Line, TaskOf,
};

/// The counter of `state` in `counts`.
pub(crate) fn counter(counts: &mut TaskCounts, state: TaskState) -> &mut u32 {
	match state {
		TaskState::Queued => &mut counts.queued,
		TaskState::Assigned => &mut counts.assigned,
		TaskState::Committing => &mut counts.committing,
		TaskState::Revealing => &mut counts.revealing,
		TaskState::Verified => &mut counts.verified,
		TaskState::Failed => &mut counts.failed,
		TaskState::Expired => &mut counts.expired,
		TaskState::Cancelled => &mut counts.cancelled,
	}
}

impl<T: Config> Pallet<T> {
	/// Moves one task from state `from` to `to` in the tasks' state counts.
	pub(crate) fn count_state(from: Option<TaskState>, to: Option<TaskState>) {
		Counters::<T>::mutate(|c| {
			let counts = &mut c.tasks;
			if let Some(from) = from {
				let c = counter(counts, from);
				*c = c.saturating_sub(1);
			}
			if let Some(to) = to {
				let c = counter(counts, to);
				*c = c.saturating_add(1);
			}
		});
	}

	/// Changes `task`'s state (the caller stores the task) and emits the event.
	pub(crate) fn set_state(task_id: TaskId, task: &mut TaskOf<T>, to: TaskState) {
		let from = task.state;
		if from == to {
			return;
		}
		task.state = to;
		Self::count_state(Some(from), Some(to));
		Self::deposit_event(Event::TaskStateChanged { task: task_id, from, to });
	}

	/// Takes `device`'s uncommitted slot away; the caller decides what becomes of the slot.
	/// A commit timeout costs the device a timeout mark and `TimeoutSlash`.
	fn take_slot(
		task_id: TaskId,
		task: &mut TaskOf<T>,
		device: &T::AccountId,
		reason: ReleaseReason,
	) {
		task.slots.retain(|s| &s.device != device);
		T::Devices::close_assignment(device, task_id);
		if reason == ReleaseReason::CommitTimeout {
			T::Devices::record_outcome(device, Outcome::Timeout);
			T::Devices::slash(device, T::TimeoutSlash::get(), SlashReason::Timeout);
		}
		Self::deposit_event(Event::SlotReleased { task: task_id, device: device.clone(), reason });
	}

	/// Takes `device`'s slot away before it committed, and the slot goes back to the head
	/// of the queue (see `take_slot`; a decline paid `DeclineFee` before this). Either is
	/// a fault of the task: at `MaxTaskFaults` the task is abandoned instead of offered
	/// again.
	pub(crate) fn release_slot(
		task_id: TaskId,
		task: &mut TaskOf<T>,
		device: &T::AccountId,
		reason: ReleaseReason,
	) {
		Self::take_slot(task_id, task, device, reason);
		task.faults = task.faults.saturating_add(1);
		if task.faults as u32 >= T::MaxTaskFaults::get() {
			Self::abandon(task_id, task);
			return;
		}
		Self::reopen_slot(task_id, task);
	}

	/// Takes `device`'s slot away because it could fetch the task's input from none of its
	/// sources, the `reporters`-th owner to say so: not a fault of the task. At as many
	/// reports as replicas the task fails, its deposit forfeited (the submitter named
	/// sources nobody could fetch from); otherwise the slot goes back to the queue.
	pub(crate) fn report_slot(
		task_id: TaskId,
		task: &mut TaskOf<T>,
		device: &T::AccountId,
		reporters: u32,
	) {
		Self::take_slot(task_id, task, device, ReleaseReason::InputUnavailable);
		if reporters >= task.params.replicas as u32 {
			let forfeited = Self::forfeit_deposit(task);
			Self::deposit_event(Event::InputUnavailable { task: task_id, reporters, forfeited });
			Self::finish(task_id, task, TaskState::Failed);
			return;
		}
		Self::reopen_slot(task_id, task);
	}

	/// Offers a slot of `task` taken away before its commitment again, at the head of the
	/// queue.
	fn reopen_slot(task_id: TaskId, task: &mut TaskOf<T>) {
		task.open_slots = task.open_slots.saturating_add(1);
		let to = if task.slots.iter().any(|s| s.committed) {
			TaskState::Committing
		} else {
			TaskState::Queued
		};
		Self::set_state(task_id, task, to);
		Self::enqueue_front(task_id, task.params.fuel_price);
	}

	/// Opens the reveal window of `task` now (see `reveal_window`).
	fn open_reveal_window(task_id: TaskId, task: &mut TaskOf<T>) {
		let end = frame_system::Pallet::<T>::block_number()
			.saturating_add(Self::reveal_window(task.transfer_blocks));
		Self::push_line(Line::RevealDeadline, end, task_id);
		task.reveal_deadline = Some(end);
		Self::set_state(task_id, task, TaskState::Revealing);
	}

	/// At a task's last call, with enough commitments for a quorum: the open slots are
	/// never filled, and the committed devices reveal. A device still uncommitted has
	/// missed its commit deadline (every slot's falls at or before the last call), even if
	/// the last call fired before its commit timer in the same block: it is punished as a
	/// commit timeout, and its slot stays open. The quorum stays a majority of every
	/// replica asked for.
	pub(crate) fn reveal_what_was_committed(task_id: TaskId, task: &mut TaskOf<T>) {
		let late: Vec<T::AccountId> =
			task.slots.iter().filter(|s| !s.committed).map(|s| s.device.clone()).collect();
		for device in late {
			Self::take_slot(task_id, task, &device, ReleaseReason::CommitTimeout);
			task.open_slots = task.open_slots.saturating_add(1);
		}
		Self::open_reveal_window(task_id, task);
	}

	/// Ends a task that reached `MaxTaskFaults`: `Failed`, escrow back to the submitter,
	/// and its deposit forfeited to `FeeDestination`, so a dApp that submits work nobody
	/// can run pays for the devices' time it wasted.
	fn abandon(task_id: TaskId, task: &mut TaskOf<T>) {
		let forfeited = Self::forfeit_deposit(task);
		Self::deposit_event(Event::TaskAbandoned { task: task_id, faults: task.faults, forfeited });
		Self::finish(task_id, task, TaskState::Failed);
	}

	/// Moves `task`'s deposit to `FeeDestination`; returns how much moved.
	fn forfeit_deposit(task: &mut TaskOf<T>) -> BalanceOf<T> {
		let forfeited = T::Currency::transfer_on_hold(
			&HoldReason::TaskDeposit.into(),
			&task.submitter,
			&T::FeeDestination::get(),
			task.deposit,
			Precision::BestEffort,
			Restriction::Free,
			Fortitude::Force,
		)
		.unwrap_or_else(|_| {
			frame_support::defensive!("a task's deposit is on hold");
			Zero::zero()
		});
		task.deposit = Zero::zero();
		forfeited
	}

	/// Ends `task` in state `to`: frees its devices, refunds the remaining escrow, and
	/// schedules its pruning. The caller stores the task.
	pub(crate) fn finish(task_id: TaskId, task: &mut TaskOf<T>, to: TaskState) {
		let reason = if to == TaskState::Cancelled {
			ReleaseReason::Cancelled
		} else {
			ReleaseReason::TaskEnded
		};
		for slot in task.slots.iter() {
			// A paid device's assignment was closed with its payment: only read.
			T::Devices::close_assignment(&slot.device, task_id);
			if reason == ReleaseReason::Cancelled {
				Self::deposit_event(Event::SlotReleased {
					task: task_id,
					device: slot.device.clone(),
					reason,
				});
			}
		}
		task.open_slots = 0;
		Self::refund(task_id, task);
		Programs::<T>::mutate(task.program, |p| {
			if let Some(p) = p {
				p.open_tasks = p.open_tasks.saturating_sub(1);
			}
		});
		OpenTasks::<T>::mutate_exists(&task.submitter, |open| {
			*open = open.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
		});
		let now = frame_system::Pallet::<T>::block_number();
		task.finished_at = Some(now);
		task.reveal_deadline = None;
		Self::set_state(task_id, task, to);
		Self::push_line(Line::Prune, now.saturating_add(T::TaskRetention::get()), task_id);
		T::Verification::on_task_finished(task_id);
	}

	fn refund(task_id: TaskId, task: &mut TaskOf<T>) {
		if task.escrow.is_zero() {
			return;
		}
		let amount = T::Currency::release(
			&HoldReason::TaskEscrow.into(),
			&task.submitter,
			task.escrow,
			Precision::BestEffort,
		)
		.unwrap_or_default();
		task.escrow = Zero::zero();
		Self::deposit_event(Event::EscrowRefunded {
			task: task_id,
			submitter: task.submitter.clone(),
			amount,
		});
	}

	/// Removes a finished task and its input and output, and returns their deposits.
	/// Returns the weight it used, or `None` if there was no finished task. A task with an
	/// inline input and no output limit — the common case — holds no entry in the maps of
	/// stored data, which are then only read: it is charged `timer_prune`, any other
	/// `timer_prune_stored`, both for the length of the output it removed (reading it is
	/// most of a prune's computation when it is large).
	pub(crate) fn prune(task_id: TaskId) -> Option<Weight> {
		let task = Tasks::<T>::get(task_id)?;
		if task.finished_at.is_none() {
			frame_support::defensive!("pruning an unfinished task");
			return None;
		}
		let release = |reason: HoldReason, amount: BalanceOf<T>| {
			if !amount.is_zero() {
				let _ = T::Currency::release(
					&reason.into(),
					&task.submitter,
					amount,
					Precision::BestEffort,
				);
			}
		};
		let output_len = Outputs::<T>::take(task_id).map_or(0, |(output, deposit)| {
			release(HoldReason::OutputDeposit, deposit);
			output.len() as u32
		});
		release(HoldReason::TaskDeposit, task.deposit);
		Tasks::<T>::remove(task_id);
		TaskInputs::<T>::remove(task_id);
		// `take` writes only an entry that exists. Sources, and reports about them, exist
		// only beside a stored input (`try_state` checks it).
		let stored = StoredInputs::<T>::take(task_id).is_some();
		if stored {
			InputSources::<T>::remove(task_id);
			UnavailableReports::<T>::remove(task_id);
		}
		let limited = OutputLimits::<T>::take(task_id).is_some();
		Self::count_state(Some(task.state), None);
		Self::deposit_event(Event::TaskPruned { task: task_id, deposit: task.deposit });
		Some(if stored || limited {
			T::WeightInfo::timer_prune_stored(output_len)
		} else {
			T::WeightInfo::timer_prune(output_len)
		})
	}

	fn open_task(task_id: TaskId) -> Result<TaskOf<T>, DispatchError> {
		let task = Tasks::<T>::get(task_id).ok_or(Error::<T>::UnknownTask)?;
		ensure!(task.finished_at.is_none(), Error::<T>::WrongState);
		Ok(task)
	}

	/// Compute points a payment of `amount` to `owner` earns in `task`: the value paid,
	/// capped by `MaxPointsPerPayment`; none when the submitter pays its own account, or
	/// when the task asked for fewer than `MinRewardedReplicas` replicas (a result nobody
	/// checked). Era inflation is bounded by points times the mint ratio, and every point
	/// cost `ProtocolFee` of its value: paying oneself never mints more than it costs.
	fn points_for(task: &TaskOf<T>, owner: &T::AccountId, amount: BalanceOf<T>) -> u64 {
		if owner == &task.submitter || (task.params.replicas as u32) < T::MinRewardedReplicas::get()
		{
			return 0;
		}
		let value: u64 = amount.unique_saturated_into();
		value.min(T::MaxPointsPerPayment::get())
	}

	/// Checks the output blob `manifest` of `task_id` (see `check_output_blob`: no chunk due
	/// for renewal) and pays back, out of the escrow, whoever stored or renewed its chunks
	/// since the reveal window opened what that cost (`claim_storage_owed`), within the
	/// `held` storage fee and the escrow left; returns the weight used. Whoever publishes is
	/// paid nothing for it: copying the manifest of a blob someone else stored earns nothing.
	fn pay_for_output_blob(
		task_id: TaskId,
		task: &mut TaskOf<T>,
		manifest: &[u8],
		(limit, held): (u64, BalanceOf<T>),
		publisher: &T::AccountId,
	) -> Result<Weight, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let opened = task
			.reveal_deadline
			.map_or(now, |end| end.saturating_sub(Self::reveal_window(task.transfer_blocks)));
		let listed = Self::check_output_blob(manifest, limit)?;
		let name = depin_primitives::data::content_hash(manifest);
		let owed = Self::claim_storage_owed(&name, manifest.len(), &listed, opened);
		let fee = Self::repay_storage(task_id, task, owed, held)?;
		Self::deposit_event(Event::OutputBlobStored {
			task: task_id,
			publisher: publisher.clone(),
			manifest: name,
			size: listed.size,
			fee,
		});
		Ok(T::WeightInfo::submit_stored_task(listed.chunks.len() as u32)
			.saturating_add(T::WeightInfo::repay_output_storage(listed.chunks.len() as u32 + 1)))
	}

	/// Pays each account what it is `owed` for storing an output blob of `task_id`, in
	/// account order, out of the escrow and within `held`; returns the total paid.
	pub(crate) fn repay_storage(
		task_id: TaskId,
		task: &mut TaskOf<T>,
		owed: alloc::collections::BTreeMap<T::AccountId, BalanceOf<T>>,
		held: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let mut budget = held.min(task.escrow);
		let mut paid = BalanceOf::<T>::zero();
		for (payer, amount) in owed {
			let amount = amount.min(budget);
			if amount.is_zero() {
				continue;
			}
			Self::move_escrow(&task.submitter, &payer, amount)?;
			budget = budget.saturating_sub(amount);
			paid = paid.saturating_add(amount);
			Self::deposit_event(Event::StorageRepaid { task: task_id, payer, amount });
		}
		task.escrow = task.escrow.saturating_sub(paid);
		task.paid = task.paid.saturating_add(paid);
		Ok(paid)
	}

	/// Moves `value` of `submitter`'s task escrow (on hold) to `to`.
	fn move_escrow(
		submitter: &T::AccountId,
		to: &T::AccountId,
		value: BalanceOf<T>,
	) -> DispatchResult {
		if !value.is_zero() {
			T::Currency::transfer_on_hold(
				&HoldReason::TaskEscrow.into(),
				submitter,
				to,
				value,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)?;
		}
		Ok(())
	}

	/// Stores `output` with a deposit from the submitter's free balance, if it can pay.
	fn store_output(task_id: TaskId, task: &TaskOf<T>, output: Vec<u8>) -> DispatchResult {
		let len = output.len() as u32;
		let output: BoundedVec<u8, T::MaxOutputLen> =
			output.try_into().map_err(|_| Error::<T>::OutputTooLarge)?;
		let deposit = T::OutputDepositPerByte::get().saturating_mul(len.into());
		let held = Self::can_hold(&task.submitter, deposit)
			&& T::Currency::hold(&HoldReason::OutputDeposit.into(), &task.submitter, deposit)
				.is_ok();
		if held {
			Outputs::<T>::insert(task_id, (output, deposit));
		} else {
			Self::deposit_event(Event::OutputNotStored { task: task_id, len });
		}
		Ok(())
	}
}

impl<T: Config> TaskSettlement<T::AccountId> for Pallet<T> {
	type Balance = BalanceOf<T>;

	fn slot(task_id: TaskId, device: &T::AccountId) -> Option<SlotView> {
		let task = Tasks::<T>::get(task_id)?;
		let slot = task.slot_of(device)?;
		Some(SlotView {
			task_state: task.state,
			committed: slot.committed,
			replicas: task.replicas(),
			max_fuel: task.params.max_fuel,
		})
	}

	fn replicas(task_id: TaskId) -> Option<u32> {
		Tasks::<T>::get(task_id).map(|t| t.replicas())
	}

	fn record_commit(task_id: TaskId, device: &T::AccountId) -> Result<TaskState, DispatchError> {
		let mut task = Self::open_task(task_id)?;
		ensure!(
			matches!(task.state, TaskState::Queued | TaskState::Assigned | TaskState::Committing),
			Error::<T>::WrongState
		);
		let slot =
			task.slots.iter_mut().find(|s| &s.device == device).ok_or(Error::<T>::NotAssigned)?;
		ensure!(!slot.committed, Error::<T>::AlreadyCommitted);
		// The commit deadline's block is too late (its timer fires as that block begins),
		// even when the timer fires later than that.
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < slot.commit_by, Error::<T>::CommitTooLate);
		slot.committed = true;
		if task.all_committed() {
			Self::open_reveal_window(task_id, &mut task);
		} else {
			Self::set_state(task_id, &mut task, TaskState::Committing);
		}
		let state = task.state;
		Tasks::<T>::insert(task_id, task);
		Self::deposit_event(Event::Committed { task: task_id, device: device.clone() });
		Ok(state)
	}

	fn verified(
		task_id: TaskId,
		result: ExecResult,
		output: Vec<u8>,
		publisher: &T::AccountId,
	) -> Result<Weight, DispatchError> {
		let mut task = Self::open_task(task_id)?;
		ensure!(task.state == TaskState::Revealing, Error::<T>::WrongState);
		ensure!(output.len() as u32 <= T::MaxOutputLen::get(), Error::<T>::OutputTooLarge);
		ensure!(
			depin_primitives::output_hash(&output) == result.output_hash,
			Error::<T>::OutputMismatch
		);
		let weight = match OutputLimits::<T>::get(task_id) {
			Some((limit, held)) => {
				Self::pay_for_output_blob(task_id, &mut task, &output, (limit, held), publisher)?
			}
			None => Weight::zero(),
		};
		Self::store_output(task_id, &task, output)?;
		task.result = Some(result);
		Self::set_state(task_id, &mut task, TaskState::Verified);
		Tasks::<T>::insert(task_id, task);
		Ok(weight)
	}

	fn has_output_blob(task_id: TaskId) -> bool {
		OutputLimits::<T>::contains_key(task_id)
	}

	fn max_output_blob_weight() -> Weight {
		let chunks = T::MaxBlobChunks::get();
		T::WeightInfo::submit_stored_task(chunks)
			.saturating_add(T::WeightInfo::repay_output_storage(chunks.saturating_add(1)))
	}

	fn pay(
		task_id: TaskId,
		device: &T::AccountId,
		fuel_used: u64,
	) -> Result<Payment<BalanceOf<T>>, DispatchError> {
		let mut task = Self::open_task(task_id)?;
		let owner = task.slot_of(device).ok_or(Error::<T>::NotAssigned)?.owner.clone();
		let fuel = fuel_used.min(task.params.max_fuel);
		let fuel_balance: BalanceOf<T> = fuel.try_into().map_err(|_| Error::<T>::EscrowOverflow)?;
		let amount = fuel_balance.saturating_mul(task.params.fuel_price);
		ensure!(amount <= task.escrow, Error::<T>::EscrowExhausted);
		let fee = T::ProtocolFee::get() * amount;
		let to_owner = amount.saturating_sub(fee);
		let move_escrow = |to: &T::AccountId, value| Self::move_escrow(&task.submitter, to, value);
		move_escrow(&owner, to_owner)?;
		move_escrow(&T::FeeDestination::get(), fee)?;
		let points = Self::points_for(&task, &owner, amount);
		task.escrow = task.escrow.saturating_sub(amount);
		task.paid = task.paid.saturating_add(amount);
		Tasks::<T>::insert(task_id, task);
		// Its work on the task is done: the device takes new work now, not when the task's
		// last replica has revealed.
		T::Devices::close_assignment(device, task_id);
		let listed = points > 0 && T::Rewards::credit(&owner, points);
		Self::deposit_event(Event::DevicePaid {
			task: task_id,
			device: device.clone(),
			owner,
			fuel_used: fuel,
			amount: to_owner,
			fee,
			points,
		});
		Ok(Payment { amount, listed })
	}

	fn escalate(task_id: TaskId) -> DispatchResult {
		let mut task = Self::open_task(task_id)?;
		ensure!(task.state == TaskState::Revealing, Error::<T>::WrongState);
		ensure!((task.escalations as u32) < T::MaxEscalations::get(), Error::<T>::NoEscalationLeft);
		// Another round must be able to finish before the deadline.
		let round_end = frame_system::Pallet::<T>::block_number()
			.saturating_add(T::CommitTimeout::get())
			.saturating_add(task.transfer_blocks.into())
			.saturating_add(Self::reveal_window(task.transfer_blocks));
		ensure!(round_end <= task.deadline_at, Error::<T>::NoEscalationLeft);
		let extra = T::EscalationReplicas::get();
		let extra_escrow = Self::escrow_for(&task.params, extra)?;
		ensure!(Self::can_hold(&task.submitter, extra_escrow), Error::<T>::InsufficientBalance);
		T::Currency::hold(&HoldReason::TaskEscrow.into(), &task.submitter, extra_escrow)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		task.escrow = task.escrow.saturating_add(extra_escrow);
		task.open_slots = task.open_slots.saturating_add(extra as u8);
		task.escalations = task.escalations.saturating_add(1);
		task.reveal_deadline = None;
		Self::set_state(task_id, &mut task, TaskState::Committing);
		let replicas = task.replicas();
		Self::enqueue_front(task_id, task.params.fuel_price);
		Tasks::<T>::insert(task_id, task);
		Self::deposit_event(Event::TaskEscalated { task: task_id, replicas, extra_escrow });
		Ok(())
	}

	fn fail(task_id: TaskId) -> DispatchResult {
		let mut task = Self::open_task(task_id)?;
		Self::finish(task_id, &mut task, TaskState::Failed);
		Tasks::<T>::insert(task_id, task);
		Ok(())
	}

	fn close(task_id: TaskId) -> DispatchResult {
		let mut task = Self::open_task(task_id)?;
		ensure!(task.state == TaskState::Verified, Error::<T>::WrongState);
		Self::finish(task_id, &mut task, TaskState::Verified);
		Tasks::<T>::insert(task_id, task);
		Ok(())
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> depin_primitives::TaskFactory<T::AccountId> for Pallet<T> {
	fn max_replicas() -> u32 {
		T::MaxReplicas::get()
	}

	fn assigned_task(replicas: u32) -> Result<(TaskId, Vec<T::AccountId>), DispatchError> {
		use depin_primitives::{DeviceFactory, DeviceSpec, TaskParams};
		use frame_support::traits::fungible::Mutate;
		use sp_runtime::traits::One;

		for i in 0..replicas {
			let owner: T::AccountId = frame_benchmarking::account("task-owner", i, 0);
			let device: T::AccountId = frame_benchmarking::account("task-device", i, 0);
			let spec = DeviceSpec {
				cores: T::BenchmarkHelper::max_cores(),
				memory_mib: 4096,
				fuel_per_second: 1_000_000,
				executor_version: depin_primitives::EXECUTOR_VERSION,
				determinism_class: 1,
			};
			T::BenchmarkHelper::make_candidate(&owner, &device, spec)?;
		}
		let dapp: T::AccountId = frame_benchmarking::account("task-dapp", 0, 0);
		T::Currency::set_balance(
			&dapp,
			BalanceOf::<T>::from(1_000_000_000u32).saturating_mul(1_000_000u32.into()),
		);
		let mut code = alloc::vec![0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
		code.extend_from_slice(&crate::pallet::Counters::<T>::get().next_task_id.to_le_bytes());
		let program = depin_primitives::program_id(&code);
		if !Programs::<T>::contains_key(program) {
			Self::do_upload_program(dapp.clone(), code)?;
		}
		let params = TaskParams {
			max_fuel: 1_000_000,
			fuel_price: T::MinFuelPrice::get().max(One::one()),
			replicas: replicas as u8,
			memory_mib: 64,
			deadline: T::MaxDeadline::get(),
			portable: false,
		};
		let task = crate::pallet::Counters::<T>::get().next_task_id;
		Self::do_submit_task(dapp, program, alloc::vec![1, 2, 3], params)?;
		let now = frame_system::Pallet::<T>::block_number();
		Self::schedule(now, &mut frame_support::weights::WeightMeter::new());
		let devices = Tasks::<T>::get(task)
			.ok_or(Error::<T>::UnknownTask)?
			.slots
			.iter()
			.map(|s| s.device.clone())
			.collect();
		Ok((task, devices))
	}
}
