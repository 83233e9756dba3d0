//! Benchmarks of every call and of the hook's steps at their worst case (v2 syntax).

use super::*;
use crate::pallet::{
	Call, Config, Counters, InputSources, OutputLimits, Pallet, Programs, StoredInputs, Tasks,
	Timers, UnavailableReports,
};
use alloc::vec;
use depin_primitives::{
	DeviceFactory, DeviceSpec, ExecResult, ProgramId, TaskParams, TaskSettlement, TaskState,
};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, Get, Hooks},
	weights::WeightMeter,
};
use frame_system::RawOrigin;
use sp_runtime::traits::{One, Saturating};

const WASM_HEADER: [u8; 8] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, rich::<T>());
	who
}

/// Enough for any deposit and escrow of the benchmarks: 10¹⁵ units.
pub(crate) fn rich<T: Config>() -> BalanceOf<T> {
	BalanceOf::<T>::from(1_000_000_000u32).saturating_mul(1_000_000u32.into())
}

fn code_of_len(len: u32, tag: u32) -> vec::Vec<u8> {
	let mut code = WASM_HEADER.to_vec();
	code.extend_from_slice(&tag.to_le_bytes());
	code.resize(len.max(12) as usize, 0);
	code
}

fn program<T: Config>(owner: &T::AccountId) -> ProgramId {
	let code = code_of_len(1024, 0);
	let id = sp_io::hashing::blake2_256(&code);
	Pallet::<T>::do_upload_program(owner.clone(), code).unwrap();
	id
}

fn params<T: Config>(replicas: u32) -> TaskParams<BalanceOf<T>> {
	TaskParams {
		max_fuel: 1_000_000,
		fuel_price: T::MinFuelPrice::get().max(One::one()),
		replicas: replicas as u8,
		memory_mib: 64,
		deadline: T::MaxDeadline::get(),
		portable: false,
	}
}

/// A device with the most cores, so that its record (all cores but one busy, see
/// `make_candidate`) is the largest a probe reads.
fn spec<T: Config>(fuel_per_second: u64) -> DeviceSpec {
	DeviceSpec {
		cores: T::BenchmarkHelper::max_cores(),
		memory_mib: 1024,
		fuel_per_second,
		executor_version: depin_primitives::EXECUTOR_VERSION,
		determinism_class: 1,
	}
}

/// `count` candidates of distinct owners; the first `good` are fast enough for the
/// benchmarks' tasks, the others far too slow (so the scheduler probes them in vain).
fn candidates<T: Config>(count: u32, good: u32) {
	for i in 0..count {
		let owner: T::AccountId = account("owner", i, 0);
		let device: T::AccountId = account("device", i, 0);
		let speed = if i < good { 1_000_000_000 } else { 1 };
		let spec = spec::<T>(speed);
		T::BenchmarkHelper::make_candidate(&owner, &device, spec).unwrap();
		// The worst case this module's weights assume: the candidate's record at its largest.
		let held = <T::Devices as depin_primitives::DeviceRegistry<_, _>>::assignments(&device);
		assert_eq!(held.len(), spec.cores as usize - 1);
	}
}

/// Registered devices the scheduling benchmarks probe among: 10 000 (fewer if
/// `MaxDevices` is smaller). A probe's cost grows with the registry only through the
/// depth of the state trie, which the runtime's database weight carries (measured by
/// `benchmark storage` on a state with `MaxDevices` devices). Among 100 000 devices this
/// harness's in-memory state made the same 64 probes take 3.4 to 30 ms between repeats,
/// against ±8 % among 10 000 (docs/benchmarks.md, section 3).
fn step_devices<T: Config>() -> u32 {
	T::BenchmarkHelper::max_devices().min(10_000).max(T::MaxProbes::get())
}

/// A verified and closed task with an `output_len`-byte output, due for its prune; with `stored`,
/// it also has every entry a task with stored data can have (a sourced input, reports
/// about its sources, an output limit).
fn finished_task<T: Config>(stored: bool, output_len: u32) -> u64 {
	let task = assigned_task::<T>();
	let info = Tasks::<T>::get(task).unwrap();
	let devices: vec::Vec<_> = info.slots.iter().map(|s| s.device.clone()).collect();
	for d in &devices {
		Pallet::<T>::record_commit(task, d).unwrap();
	}
	let output = vec![1u8; output_len as usize];
	let result =
		ExecResult { exit: 0, output_hash: depin_primitives::output_hash(&output), fuel_used: 1 };
	Pallet::<T>::verified(task, result, output, &devices[0]).unwrap();
	Pallet::<T>::close(task).unwrap();
	if stored {
		StoredInputs::<T>::insert(task, depin_primitives::BlobRef { manifest: [7; 32], size: 1 });
		let source =
			frame_support::BoundedVec::try_from(b"https://a.example/{hash}".to_vec()).unwrap();
		InputSources::<T>::insert(task, frame_support::BoundedVec::try_from(vec![source]).unwrap());
		let owners: vec::Vec<_> = info.slots.iter().map(|s| s.owner.clone()).collect();
		UnavailableReports::<T>::insert(task, frame_support::BoundedVec::try_from(owners).unwrap());
		OutputLimits::<T>::insert(task, (1u64, BalanceOf::<T>::from(1u32)));
	}
	task
}

/// A task with `MaxReplicas` assigned slots.
fn assigned_task<T: Config>() -> u64 {
	let replicas = T::MaxReplicas::get();
	candidates::<T>(replicas, replicas);
	let dapp = funded::<T>("dapp", 0);
	let p = program::<T>(&dapp);
	Pallet::<T>::do_submit_task(dapp, p, vec![0; 32], params::<T>(replicas)).unwrap();
	let now = frame_system::Pallet::<T>::block_number();
	let mut meter = WeightMeter::new();
	Pallet::<T>::schedule(now, &mut meter);
	assert_eq!(Tasks::<T>::get(0).unwrap().state, TaskState::Assigned);
	0
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn upload_program(l: Linear<12, { T::MaxProgramLen::get() }>) {
		let who = funded::<T>("dapp", 0);
		let code = code_of_len(l, 1);
		let id = sp_io::hashing::blake2_256(&code);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), code);
		assert!(Programs::<T>::contains_key(id));
	}

	#[benchmark]
	fn remove_program() {
		let who = funded::<T>("dapp", 0);
		let id = program::<T>(&who);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), id);
		assert!(!Programs::<T>::contains_key(id));
	}

	#[benchmark]
	fn submit_task(l: Linear<0, { T::MaxInputLen::get() }>) {
		// Registered devices that could serve it (submission checks the capacity).
		candidates::<T>(T::MaxReplicas::get(), 0);
		let who = funded::<T>("dapp", 0);
		let id = program::<T>(&who);
		let p = params::<T>(T::MaxReplicas::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(who), id, vec![7u8; l as usize], p);
		assert!(Tasks::<T>::contains_key(0));
	}

	/// A task on a stored input of `n` chunks, with an output blob: every chunk's record is
	/// read, and the output limit written.
	#[benchmark]
	fn submit_stored_task(n: Linear<0, { T::MaxBlobChunks::get() }>) {
		use depin_primitives::{data::MAX_CHUNK_LEN, Manifest, StoredDataFactory};
		candidates::<T>(T::MaxReplicas::get(), 0);
		let who = funded::<T>("dapp", 0);
		let id = program::<T>(&who);
		// Chunks of at most a second's transfer, so that any number fits a deadline (the
		// weight does not depend on their size).
		let chunk_len = T::MinTransferRate::get().clamp(1, MAX_CHUNK_LEN);
		let chunks: vec::Vec<_> =
			(0..n).map(|i| sp_io::hashing::blake2_256(&i.to_le_bytes())).collect();
		for chunk in &chunks {
			T::DataHelper::keep(*chunk, chunk_len, &who);
		}
		let manifest = Manifest { size: n as u64 * chunk_len as u64, chunk_len, chunks };
		let bytes = manifest.to_bytes();
		T::DataHelper::keep(sp_io::hashing::blake2_256(&bytes), bytes.len() as u32, &who);
		let output_limit = u64::from(chunk_len);
		let transfer = Pallet::<T>::transfer_blocks(manifest.size + output_limit);
		let p = TaskParams { deadline: T::MinDeadline::get() + 2 * transfer, ..params::<T>(1) };
		#[extrinsic_call]
		_(RawOrigin::Signed(who), id, bytes, p, output_limit);
		assert_eq!(Tasks::<T>::get(0).unwrap().transfer_blocks, transfer);
		assert_eq!(OutputLimits::<T>::get(0).map(|(limit, _)| limit), Some(output_limit));
	}

	/// A task on a blob from the most sources, each of the longest, with an output blob.
	#[benchmark]
	fn submit_sourced_task() {
		use depin_primitives::data::{MAX_SOURCES, MAX_SOURCE_LEN};
		candidates::<T>(T::MaxReplicas::get(), 0);
		let who = funded::<T>("dapp", 0);
		let id = program::<T>(&who);
		let size = u64::from(T::MinTransferRate::get());
		let input = depin_primitives::BlobRef { manifest: [7; 32], size };
		let mut source = b"https://".to_vec();
		source.resize(MAX_SOURCE_LEN as usize - 6, b'a');
		source.extend_from_slice(b"{hash}");
		let sources = vec![source; MAX_SOURCES as usize];
		let output_limit = size;
		let transfer = Pallet::<T>::transfer_blocks(size + output_limit);
		let p = TaskParams { deadline: T::MinDeadline::get() + 2 * transfer, ..params::<T>(1) };
		#[extrinsic_call]
		_(RawOrigin::Signed(who), id, input, sources, p, output_limit);
		assert_eq!(InputSources::<T>::get(0).map(|s| s.len()), Some(MAX_SOURCES as usize));
	}

	/// The report that fails a task on sources: every other owner reported already, and
	/// the task ends, freeing every slot.
	#[benchmark]
	fn report_input_unavailable() {
		let task = assigned_task::<T>();
		let info = Tasks::<T>::get(task).unwrap();
		StoredInputs::<T>::insert(task, depin_primitives::BlobRef { manifest: [7; 32], size: 1 });
		let source =
			frame_support::BoundedVec::try_from(b"https://a.example/{hash}".to_vec()).unwrap();
		InputSources::<T>::insert(task, frame_support::BoundedVec::try_from(vec![source]).unwrap());
		let others: vec::Vec<_> = info.slots.iter().skip(1).map(|s| s.owner.clone()).collect();
		UnavailableReports::<T>::insert(task, frame_support::BoundedVec::try_from(others).unwrap());
		let device = info.slots[0].device.clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(device), task);
		assert_eq!(Tasks::<T>::get(task).unwrap().state, TaskState::Failed);
	}

	/// Paying back the storage of an output blob whose `p` chunks (its manifest included)
	/// each had another payer: one chunk read, one payment claimed and one escrow transfer
	/// per chunk.
	#[benchmark]
	fn repay_output_storage(p: Linear<1, { T::MaxBlobChunks::get() + 1 }>) {
		use depin_primitives::{Manifest, StoredDataFactory};
		use frame_support::traits::fungible::MutateHold;
		let task_id = assigned_task::<T>();
		let mut task = Tasks::<T>::get(task_id).unwrap();
		// An escrow that pays every chunk in full.
		let held = rich::<T>() / 4u32.into();
		T::Currency::hold(&HoldReason::TaskEscrow.into(), &task.submitter, held).unwrap();
		task.escrow = task.escrow.saturating_add(held);
		let chunk_len = 1024;
		let chunks: vec::Vec<_> =
			(1..p).map(|i| sp_io::hashing::blake2_256(&i.to_le_bytes())).collect();
		for (i, chunk) in chunks.iter().enumerate() {
			T::DataHelper::keep(*chunk, chunk_len, &funded::<T>("payer", i as u32));
		}
		let manifest = Manifest { size: (p - 1) as u64 * chunk_len as u64, chunk_len, chunks };
		let bytes = manifest.to_bytes();
		let name = sp_io::hashing::blake2_256(&bytes);
		T::DataHelper::keep(name, bytes.len() as u32, &funded::<T>("payer", p));
		let paid;
		#[block]
		{
			let owed = Pallet::<T>::claim_storage_owed(&name, bytes.len(), &manifest, 0u32.into());
			paid = Pallet::<T>::repay_storage(task_id, &mut task, owed, held).unwrap();
		}
		assert!(paid > BalanceOf::<T>::from(0u32));
		// The last in account order is paid too: every payer was.
		let payers = (0..p - 1).chain(core::iter::once(p));
		let last = payers.map(|i| account::<T::AccountId>("payer", i, 0)).max().unwrap();
		let balance = <T::Currency as frame_support::traits::fungible::Inspect<_>>::balance;
		assert!(balance(&last) > rich::<T>(), "every payer is paid");
	}

	/// Cancelling a queued task (a task any device holds a slot of cannot be cancelled).
	#[benchmark]
	fn cancel_task() {
		let replicas = T::MaxReplicas::get();
		candidates::<T>(replicas, 0);
		let who = funded::<T>("dapp", 0);
		let p = program::<T>(&who);
		Pallet::<T>::do_submit_task(who.clone(), p, vec![0; 32], params::<T>(replicas)).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), 0);
		assert_eq!(Tasks::<T>::get(0).unwrap().state, TaskState::Cancelled);
	}

	/// A raise into a higher price level (the task leaves its position and joins the back
	/// of the new level), for a task of every replica.
	#[benchmark]
	fn bump_task() {
		let replicas = T::MaxReplicas::get();
		candidates::<T>(replicas, 0);
		let who = funded::<T>("dapp", 0);
		let p = program::<T>(&who);
		let task = params::<T>(replicas);
		Pallet::<T>::do_submit_task(who.clone(), p, vec![0; 32], task).unwrap();
		let raised = task.fuel_price.saturating_mul(4u32.into());
		#[extrinsic_call]
		_(RawOrigin::Signed(who), 0, raised);
		assert_eq!(Tasks::<T>::get(0).unwrap().params.fuel_price, raised);
		assert_ne!(Pallet::<T>::level_of(raised), Pallet::<T>::level_of(task.fuel_price));
	}

	/// A decline that is the task's last allowed fault: it abandons the task.
	#[benchmark]
	fn decline_task() {
		let task = assigned_task::<T>();
		Tasks::<T>::mutate(task, |t| {
			if let Some(t) = t {
				t.faults = (T::MaxTaskFaults::get() - 1) as u8;
			}
		});
		let device = Tasks::<T>::get(task).unwrap().slots[0].device.clone();
		T::Currency::set_balance(&device, rich::<T>());
		#[extrinsic_call]
		_(RawOrigin::Signed(device), task);
		assert_eq!(Tasks::<T>::get(task).unwrap().state, TaskState::Failed);
	}

	/// One scheduling step that probes `MaxProbes` candidates among `step_devices` devices
	/// and finds none fit (too slow for the task): the probing half of a step's worst case.
	#[benchmark]
	fn schedule_probe() {
		let d = step_devices::<T>();
		candidates::<T>(d, 0);
		let dapp = funded::<T>("dapp", 0);
		let p = program::<T>(&dapp);
		Pallet::<T>::do_submit_task(dapp, p, vec![0; 32], params::<T>(T::MaxReplicas::get()))
			.unwrap();
		let now = frame_system::Pallet::<T>::block_number();
		let mut meter = WeightMeter::new();
		#[block]
		{
			Pallet::<T>::schedule(now, &mut meter);
		}
		assert_eq!(Tasks::<T>::get(0).unwrap().state, TaskState::Queued);
	}

	/// One scheduling step whose `MaxProbes` probes among `step_devices` devices all find
	/// a stale candidate (its heartbeat older than any timeout) and remove it from the
	/// index.
	#[benchmark]
	fn schedule_probe_stale() {
		let d = step_devices::<T>();
		candidates::<T>(d, d);
		// Every heartbeat is now older than any heartbeat timeout.
		let later = frame_system::Pallet::<T>::block_number() + 10_000_000u32.into();
		frame_system::Pallet::<T>::set_block_number(later);
		let dapp = funded::<T>("dapp", 0);
		let p = program::<T>(&dapp);
		Pallet::<T>::do_submit_task(dapp, p, vec![0; 32], params::<T>(T::MaxReplicas::get()))
			.unwrap();
		let mut meter = WeightMeter::new();
		#[block]
		{
			Pallet::<T>::schedule(later, &mut meter);
		}
		let left = <T::Devices as depin_primitives::DeviceRegistry<_, _>>::candidate_count();
		assert_eq!(left, d - T::MaxProbes::get());
		assert_eq!(Tasks::<T>::get(0).unwrap().state, TaskState::Queued);
	}

	/// One scheduling step that assigns `r` devices among `step_devices` candidates: the
	/// assigning part of a step, charged for the replicas it assigned.
	#[benchmark]
	fn schedule_assign(r: Linear<1, { T::MaxReplicas::get() }>) {
		let d = step_devices::<T>();
		candidates::<T>(d, d);
		let dapp = funded::<T>("dapp", 0);
		let p = program::<T>(&dapp);
		Pallet::<T>::do_submit_task(dapp, p, vec![0; 32], params::<T>(r)).unwrap();
		let now = frame_system::Pallet::<T>::block_number();
		let mut meter = WeightMeter::new();
		#[block]
		{
			Pallet::<T>::schedule(now, &mut meter);
		}
		assert_eq!(Tasks::<T>::get(0).unwrap().state, TaskState::Assigned);
	}

	#[benchmark]
	fn timer_task_deadline() {
		let task = assigned_task::<T>();
		#[block]
		{
			Pallet::<T>::fire(Timer::TaskDeadline(task));
		}
		assert_eq!(Tasks::<T>::get(task).unwrap().state, TaskState::Expired);
	}

	/// A step's commit deadline that releases one device (the others committed): its
	/// timeout mark and slash, the slot back to the queue. A timer that releases several
	/// is charged this per device.
	#[benchmark]
	fn timer_commit_deadline() {
		let task = assigned_task::<T>();
		let mut record = Tasks::<T>::get(task).unwrap();
		for slot in record.slots.iter_mut().skip(1) {
			slot.committed = true;
		}
		let slot = record.slots[0].clone();
		Tasks::<T>::insert(task, record);
		frame_system::Pallet::<T>::set_block_number(slot.commit_by);
		#[block]
		{
			Pallet::<T>::fire(Timer::StepCommitDeadline { task, assigned_at: slot.assigned_at });
		}
		assert!(Tasks::<T>::get(task).unwrap().slot_of(&slot.device).is_none());
	}

	#[benchmark]
	fn timer_reveal_deadline() {
		let task = assigned_task::<T>();
		let deadline = frame_system::Pallet::<T>::block_number();
		#[block]
		{
			// The market's part: a task whose window is not this one does nothing else.
			Pallet::<T>::fire(Timer::RevealDeadline { task, deadline });
		}
	}

	/// The prune of a verified task with an inline input and an `l`-byte output: the
	/// common case, whose maps of stored data are only read.
	#[benchmark]
	fn timer_prune(l: Linear<0, { T::MaxOutputLen::get() }>) {
		let task = finished_task::<T>(false, l);
		#[block]
		{
			Pallet::<T>::fire(Timer::Prune(task));
		}
		assert!(!Tasks::<T>::contains_key(task));
	}

	/// The prune of a verified task with a sourced input, reports about its sources, an
	/// output limit and an `l`-byte output: every map of the task written.
	#[benchmark]
	fn timer_prune_stored(l: Linear<0, { T::MaxOutputLen::get() }>) {
		let task = finished_task::<T>(true, l);
		#[block]
		{
			Pallet::<T>::fire(Timer::Prune(task));
		}
		assert!(!Tasks::<T>::contains_key(task));
		assert!(!UnavailableReports::<T>::contains_key(task));
		assert!(!OutputLimits::<T>::contains_key(task));
	}

	/// One block of the timer wheel holding `n` timers that find nothing to do, each
	/// reading its own task (the commit deadlines of slots that were given again, say):
	/// what a flood of cheap calls leaves behind, up to a full list (`MaxTimersPerBlock`).
	/// Its slope is what a moot timer is charged, its base what each block walked is.
	#[benchmark]
	fn timer_block_stale(n: Linear<0, { T::MaxTimersPerBlock::get() }>) {
		let task = assigned_task::<T>();
		let record = Tasks::<T>::get(task).unwrap();
		let slot = record.slots[0].clone();
		let mut timers = vec::Vec::new();
		for id in (task + 1)..=(task + n as u64) {
			// Distinct tasks: each timer reads a record of its own.
			Tasks::<T>::insert(id, &record);
			timers.push(Timer::StepCommitDeadline {
				task: id,
				assigned_at: slot.assigned_at.saturating_add(One::one()),
			});
		}
		let now = frame_system::Pallet::<T>::block_number();
		let list: frame_support::BoundedVec<_, T::MaxTimersPerBlock> = timers.try_into().unwrap();
		Timers::<T>::insert(now, list);
		Counters::<T>::mutate(|c| c.timer_cursor = Some(now));
		let mut meter = WeightMeter::new();
		#[block]
		{
			Pallet::<T>::fire_timers(now, &mut meter);
		}
		assert!(!Timers::<T>::contains_key(now));
		assert!(Tasks::<T>::get(task + n as u64).unwrap().slot_of(&slot.device).is_some());
	}

	#[benchmark]
	fn hook_base() {
		let now = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
