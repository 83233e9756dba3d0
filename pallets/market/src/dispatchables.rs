//! The rules of every call: check everything first, then write.

use alloc::vec::Vec;
use codec::Encode;
use depin_primitives::{
	DeviceRegistry, ProgramId, ProgramInfo, TaskId, TaskInfo, TaskParams, TaskState,
};
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation},
		Get,
	},
	BoundedVec,
};
use sp_runtime::{
	traits::{CheckedAdd, CheckedMul, Saturating, Zero},
	DispatchError,
};

use crate::{
	pallet::{
		Config, Counters, Error, Event, HoldReason, InQueue, InputSources, OpenTasks, OutputLimits,
		Pallet, ProgramCode, ProgramCount, Programs, ReleaseReason, SourcesOf, StoredInputs,
		TaskInputs, Tasks, UnavailableReports,
	},
	BalanceOf,
};

/// A task's input as submitted.
enum NewInput<T: Config> {
	/// The bytes, kept in state.
	Inline(BoundedVec<u8, T::MaxInputLen>),
	/// A blob the chain keeps, checked.
	Stored(depin_primitives::BlobRef),
	/// A blob the chain does not keep, and where devices fetch it.
	Sourced(depin_primitives::BlobRef, SourcesOf),
}

impl<T: Config> NewInput<T> {
	/// Bytes it adds to state (what the task deposit pays for).
	fn state_len(&self) -> u32 {
		match self {
			Self::Inline(bytes) => bytes.len() as u32,
			Self::Stored(blob) => blob.encoded_size() as u32,
			Self::Sourced(blob, sources) => (blob, sources).encoded_size() as u32,
		}
	}

	/// Bytes a device fetches before it runs the job.
	fn transfer_len(&self) -> u64 {
		match self {
			Self::Inline(_) => 0,
			Self::Stored(blob) | Self::Sourced(blob, _) => blob.size,
		}
	}
}

/// The first 8 bytes of every Wasm module: `\0asm` and version 1.
const WASM_HEADER: [u8; 8] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

impl<T: Config> Pallet<T> {
	/// Whether `who` can put `amount` on hold without going below the existential deposit.
	pub(crate) fn can_hold(who: &T::AccountId, amount: BalanceOf<T>) -> bool {
		T::Currency::reducible_balance(who, Preservation::Preserve, Fortitude::Polite) >= amount
	}

	/// The deposit of a task with `input_len` bytes of input.
	pub(crate) fn task_deposit(input_len: u32) -> BalanceOf<T> {
		T::TaskDepositPerByte::get()
			.saturating_mul(input_len.into())
			.saturating_add(T::TaskDepositBase::get())
	}

	pub(crate) fn do_upload_program(who: T::AccountId, code: Vec<u8>) -> DispatchResult {
		let len = code.len() as u32;
		let code: BoundedVec<u8, T::MaxProgramLen> =
			code.try_into().map_err(|_| Error::<T>::ProgramTooLarge)?;
		ensure!(code.starts_with(&WASM_HEADER), Error::<T>::NotWasm);
		let program: ProgramId = depin_primitives::program_id(&code);
		ensure!(!Programs::<T>::contains_key(program), Error::<T>::ProgramExists);
		let deposit = T::ProgramDepositPerByte::get()
			.saturating_mul(len.into())
			.saturating_add(T::ProgramDepositBase::get());
		ensure!(Self::can_hold(&who, deposit), Error::<T>::InsufficientBalance);

		T::Currency::hold(&HoldReason::ProgramDeposit.into(), &who, deposit)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		Programs::<T>::insert(
			program,
			ProgramInfo {
				owner: who.clone(),
				len,
				deposit,
				uploaded_at: frame_system::Pallet::<T>::block_number(),
				open_tasks: 0,
			},
		);
		ProgramCode::<T>::insert(program, code);
		ProgramCount::<T>::mutate(|c| *c = c.saturating_add(1));
		Self::deposit_event(Event::ProgramUploaded { program, owner: who, len, deposit });
		Ok(())
	}

	pub(crate) fn do_remove_program(who: T::AccountId, program: ProgramId) -> DispatchResult {
		let info = Programs::<T>::get(program).ok_or(Error::<T>::UnknownProgram)?;
		ensure!(info.owner == who, Error::<T>::NotProgramOwner);
		ensure!(info.open_tasks == 0, Error::<T>::ProgramInUse);
		T::Currency::release(
			&HoldReason::ProgramDeposit.into(),
			&who,
			info.deposit,
			Precision::BestEffort,
		)?;
		Programs::<T>::remove(program);
		ProgramCode::<T>::remove(program);
		ProgramCount::<T>::mutate(|c| *c = c.saturating_sub(1));
		Self::deposit_event(Event::ProgramRemoved { program, owner: who });
		Ok(())
	}

	/// Checks `params` against the limits; returns the escrow they need.
	pub(crate) fn escrow_for(
		params: &TaskParams<BalanceOf<T>>,
		replicas: u32,
	) -> Result<BalanceOf<T>, DispatchError> {
		let fuel: BalanceOf<T> =
			params.max_fuel.try_into().map_err(|_| Error::<T>::EscrowOverflow)?;
		let per_replica = fuel.checked_mul(&params.fuel_price).ok_or(Error::<T>::EscrowOverflow)?;
		Ok(per_replica.checked_mul(&replicas.into()).ok_or(Error::<T>::EscrowOverflow)?)
	}

	fn ensure_valid_params(params: &TaskParams<BalanceOf<T>>) -> DispatchResult {
		ensure!(
			params.replicas >= 1 && params.replicas as u32 <= T::MaxReplicas::get(),
			Error::<T>::InvalidReplicas
		);
		ensure!(
			params.max_fuel >= 1 && params.max_fuel <= T::MaxFuel::get(),
			Error::<T>::InvalidFuel
		);
		ensure!(params.fuel_price >= T::MinFuelPrice::get(), Error::<T>::FuelPriceTooLow);
		ensure!(
			params.memory_mib >= 1 && params.memory_mib <= T::MaxJobMemoryMib::get(),
			Error::<T>::InvalidMemory
		);
		ensure!(
			params.deadline >= T::MinDeadline::get() && params.deadline <= T::MaxDeadline::get(),
			Error::<T>::InvalidDeadline
		);
		Ok(())
	}

	pub(crate) fn do_submit_task(
		who: T::AccountId,
		program: ProgramId,
		input: Vec<u8>,
		params: TaskParams<BalanceOf<T>>,
	) -> DispatchResult {
		let input: BoundedVec<u8, T::MaxInputLen> =
			input.try_into().map_err(|_| Error::<T>::InputTooLarge)?;
		Self::submit(who, program, NewInput::Inline(input), params, 0)
	}

	pub(crate) fn do_submit_stored_task(
		who: T::AccountId,
		program: ProgramId,
		manifest: Vec<u8>,
		params: TaskParams<BalanceOf<T>>,
		output_limit: u64,
	) -> DispatchResult {
		Self::ensure_valid_params(&params)?;
		ensure!(output_limit <= Self::max_output_blob(), Error::<T>::InvalidOutputLimit);
		let deadline_at =
			frame_system::Pallet::<T>::block_number().saturating_add(params.deadline.into());
		let blob = Self::check_stored_input(&manifest, deadline_at)?;
		Self::submit(who, program, NewInput::Stored(blob), params, output_limit)
	}

	/// Submits a task on blob `input`, fetched from `sources`: checks the sources and the
	/// blob's size (at most what `MaxBlobChunks` chunks hold), then as any task.
	pub(crate) fn do_submit_sourced_task(
		who: T::AccountId,
		program: ProgramId,
		input: depin_primitives::BlobRef,
		sources: Vec<Vec<u8>>,
		params: TaskParams<BalanceOf<T>>,
		output_limit: u64,
	) -> DispatchResult {
		Self::ensure_valid_params(&params)?;
		ensure!(output_limit <= Self::max_output_blob(), Error::<T>::InvalidOutputLimit);
		ensure!(input.size <= Self::max_output_blob(), Error::<T>::InputTooLarge);
		ensure!(!sources.is_empty(), Error::<T>::NoSources);
		ensure!(
			sources.len() <= depin_primitives::data::MAX_SOURCES as usize,
			Error::<T>::TooManySources
		);
		let mut checked = SourcesOf::new();
		for source in sources {
			depin_primitives::data::check_source(&source).map_err(|_| Error::<T>::InvalidSource)?;
			let source = BoundedVec::try_from(source).map_err(|_| Error::<T>::InvalidSource)?;
			checked.try_push(source).map_err(|_| Error::<T>::TooManySources)?;
		}
		Self::submit(who, program, NewInput::Sourced(input, checked), params, output_limit)
	}

	/// Submits a task whose input is checked, with an output blob of at most `output_limit`
	/// bytes (0: an output in state): every other check, then the writes.
	fn submit(
		who: T::AccountId,
		program: ProgramId,
		input: NewInput<T>,
		params: TaskParams<BalanceOf<T>>,
		output_limit: u64,
	) -> DispatchResult {
		let mut program_info = Programs::<T>::get(program).ok_or(Error::<T>::UnknownProgram)?;
		Self::ensure_valid_params(&params)?;
		ensure!(
			T::Devices::devices_with_memory(params.memory_mib) >= params.replicas as u32,
			Error::<T>::NoCapableDevices
		);
		let open = OpenTasks::<T>::get(&who);
		ensure!(open < T::MaxOpenTasksPerSubmitter::get(), Error::<T>::TooManyOpenTasks);
		let output_fee = Self::output_fee(output_limit);
		let escrow = Self::escrow_for(&params, params.replicas as u32)?
			.checked_add(&output_fee)
			.ok_or(Error::<T>::EscrowOverflow)?;
		let limit_len =
			if output_limit > 0 { (output_limit, output_fee).encoded_size() as u32 } else { 0 };
		let deposit = Self::task_deposit(input.state_len().saturating_add(limit_len));
		let transfer_blocks =
			Self::transfer_blocks(input.transfer_len().saturating_add(output_limit));
		// The transfers lengthen both the commit deadlines and the reveal window: the
		// deadline must leave a round after them.
		ensure!(
			params.deadline.saturating_sub(transfer_blocks.saturating_mul(2))
				>= T::MinDeadline::get(),
			Error::<T>::InvalidDeadline
		);
		let total = escrow.checked_add(&deposit).ok_or(Error::<T>::EscrowOverflow)?;
		ensure!(Self::can_hold(&who, total), Error::<T>::InsufficientBalance);
		ensure!(Self::queue_len() < T::MaxQueueLen::get(), Error::<T>::QueueFull);
		let now = frame_system::Pallet::<T>::block_number();
		let deadline_at = now.saturating_add(params.deadline.into());
		let task: TaskId = Counters::<T>::get().next_task_id;
		// The last fallible step before writing: a full timer wheel refuses the task.
		let last_call = Self::last_call_at(deadline_at, transfer_blocks);
		Self::ensure_deadline_room(last_call)?;

		T::Currency::hold(&HoldReason::TaskEscrow.into(), &who, escrow)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		T::Currency::hold(&HoldReason::TaskDeposit.into(), &who, deposit)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		Self::push_deadline(last_call, task)?;
		OpenTasks::<T>::insert(&who, open.saturating_add(1));
		program_info.open_tasks = program_info.open_tasks.saturating_add(1);
		Programs::<T>::insert(program, program_info);
		Counters::<T>::mutate(|c| c.next_task_id = task.saturating_add(1));
		match input {
			NewInput::Inline(bytes) => TaskInputs::<T>::insert(task, bytes),
			NewInput::Stored(blob) => {
				TaskInputs::<T>::insert(task, BoundedVec::new());
				StoredInputs::<T>::insert(task, blob);
			}
			NewInput::Sourced(blob, sources) => {
				TaskInputs::<T>::insert(task, BoundedVec::new());
				StoredInputs::<T>::insert(task, blob);
				InputSources::<T>::insert(task, sources);
			}
		}
		if output_limit > 0 {
			OutputLimits::<T>::insert(task, (output_limit, output_fee));
		}
		Tasks::<T>::insert(
			task,
			TaskInfo {
				submitter: who.clone(),
				program,
				params,
				state: TaskState::Queued,
				escrow,
				deposit,
				paid: Zero::zero(),
				submitted_at: now,
				deadline_at,
				slots: BoundedVec::new(),
				open_slots: params.replicas,
				escalations: 0,
				faults: 0,
				reveal_deadline: None,
				class: None,
				result: None,
				finished_at: None,
				transfer_blocks,
			},
		);
		Self::count_state(None, Some(TaskState::Queued));
		Self::enqueue_back(task, params.fuel_price);
		Self::deposit_event(Event::TaskSubmitted {
			task,
			submitter: who,
			program,
			escrow,
			deposit,
		});
		Ok(())
	}

	pub(crate) fn do_cancel_task(who: T::AccountId, task_id: TaskId) -> DispatchResult {
		let mut task = Tasks::<T>::get(task_id).ok_or(Error::<T>::UnknownTask)?;
		ensure!(task.submitter == who, Error::<T>::NotSubmitter);
		// Once a device holds a slot it may be running the job: cancelling then would take
		// its work for nothing.
		ensure!(
			task.state == TaskState::Queued && task.slots.is_empty(),
			Error::<T>::NotCancellable
		);
		Self::finish(task_id, &mut task, TaskState::Cancelled);
		Tasks::<T>::insert(task_id, task);
		Ok(())
	}

	pub(crate) fn do_bump_task(
		who: T::AccountId,
		task_id: TaskId,
		fuel_price: BalanceOf<T>,
	) -> DispatchResult {
		let mut task = Tasks::<T>::get(task_id).ok_or(Error::<T>::UnknownTask)?;
		ensure!(task.submitter == who, Error::<T>::NotSubmitter);
		let (old_level, _) = InQueue::<T>::get(task_id).ok_or(Error::<T>::NotQueued)?;
		ensure!(task.finished_at.is_none(), Error::<T>::NotQueued);
		ensure!(fuel_price > task.params.fuel_price, Error::<T>::BidNotHigher);
		// Every replica the task holds or waits for is paid at the new price.
		let raised = TaskParams { fuel_price, ..task.params };
		let replicas = task.replicas();
		let extra = Self::escrow_for(&raised, replicas)?
			.saturating_sub(Self::escrow_for(&task.params, replicas)?);
		ensure!(Self::can_hold(&who, extra), Error::<T>::InsufficientBalance);
		T::Currency::hold(&HoldReason::TaskEscrow.into(), &who, extra)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		task.escrow = task.escrow.saturating_add(extra);
		task.params = raised;
		let level = Self::level_of(fuel_price);
		if level != old_level {
			Self::dequeue(task_id);
			Self::enqueue_back(task_id, fuel_price);
		}
		Tasks::<T>::insert(task_id, task);
		Self::deposit_event(Event::TaskBidRaised {
			task: task_id,
			fuel_price,
			level,
			extra_escrow: extra,
		});
		Ok(())
	}

	pub(crate) fn do_decline_task(device: T::AccountId, task_id: TaskId) -> DispatchResult {
		let mut task = Tasks::<T>::get(task_id).ok_or(Error::<T>::UnknownTask)?;
		ensure!(!task.state.is_final(), Error::<T>::WrongState);
		let slot = task.slot_of(&device).ok_or(Error::<T>::NotAssigned)?;
		ensure!(!slot.committed, Error::<T>::AlreadyCommitted);
		// The last fallible step: the device pays for leaving the assignment.
		T::Currency::transfer(
			&device,
			&T::FeeDestination::get(),
			T::DeclineFee::get(),
			Preservation::Preserve,
		)
		.map_err(|_| Error::<T>::CannotPayDeclineFee)?;
		Self::release_slot(task_id, &mut task, &device, ReleaseReason::Declined);
		Tasks::<T>::insert(task_id, task);
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// `device` could fetch the input of `task_id` from none of its sources: its slot goes
	/// back to the queue (no fee, no fault), its owner's report is recorded, and the task
	/// fails once owners as many as its replicas have reported.
	pub(crate) fn do_report_input_unavailable(
		device: T::AccountId,
		task_id: TaskId,
	) -> DispatchResult {
		let mut task = Tasks::<T>::get(task_id).ok_or(Error::<T>::UnknownTask)?;
		ensure!(!task.state.is_final(), Error::<T>::WrongState);
		ensure!(InputSources::<T>::contains_key(task_id), Error::<T>::NotFromSources);
		let slot = task.slot_of(&device).ok_or(Error::<T>::NotAssigned)?;
		ensure!(!slot.committed, Error::<T>::AlreadyCommitted);
		let owner = slot.owner.clone();
		let mut reports = UnavailableReports::<T>::get(task_id);
		ensure!(!reports.contains(&owner), Error::<T>::AlreadyReported);
		// At most one report per replica: the task fails at `replicas` reports.
		reports.try_push(owner).map_err(|_| Error::<T>::AlreadyReported)?;
		let reporters = reports.len() as u32;
		UnavailableReports::<T>::insert(task_id, reports);
		Self::report_slot(task_id, &mut task, &device, reporters);
		Tasks::<T>::insert(task_id, task);
		Ok(())
	}
}
