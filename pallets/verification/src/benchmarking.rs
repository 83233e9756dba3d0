//! Benchmarks of `commit`, `reveal` and the hooks at their worst case (v2 syntax).

use super::*;
use crate::pallet::{Call, Config, Pallet, Revealed, Rounds};
use alloc::{vec, vec::Vec};
use depin_primitives::{
	commitment, output_hash, output_key, output_proof, ExecResult, Hash32, Salt, TaskFactory,
	TaskId, TaskSettlement, TaskState, VerificationHooks,
};
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;

fn salt() -> Salt {
	[7; 32]
}

/// The output every good result hashes.
fn output(len: u32) -> Vec<u8> {
	vec![1u8; len as usize]
}

fn good(len: u32) -> ExecResult {
	ExecResult { exit: 0, output_hash: output_hash(&output(len)), fuel_used: 1_000 }
}

/// The `n`-th of results that all differ from each other and from `good`.
fn bad_n(n: u32) -> ExecResult {
	ExecResult { exit: 1, output_hash: [0; 32], fuel_used: 1 + n as u64 }
}

/// `device`'s output proof in `task` for an output of `len` bytes.
fn proof<T: Config>(task: TaskId, len: u32, device: &T::AccountId) -> Hash32 {
	output_proof(task, &output_key(&output(len)), device)
}

/// A task with `results.len()` devices, all committed to `results[i]` (proofs of an
/// output of `len` bytes).
fn committed<T: Config>(results: &[ExecResult], len: u32) -> (TaskId, Vec<T::AccountId>) {
	let (task, devices) = T::BenchmarkHelper::assigned_task(results.len() as u32).unwrap();
	for (d, r) in devices.iter().zip(results) {
		let c = commitment(task, r, &proof::<T>(task, len, d), &salt(), d);
		Pallet::<T>::do_commit(d.clone(), task, c).unwrap();
	}
	(task, devices)
}

/// Reveals the first `n` of `devices`' committed `results`.
fn reveal_first<T: Config>(
	task: TaskId,
	devices: &[T::AccountId],
	results: &[ExecResult],
	len: u32,
	n: usize,
) {
	for (d, r) in devices.iter().zip(results).take(n) {
		Pallet::<T>::do_reveal(d.clone(), task, *r, proof::<T>(task, len, d), salt()).unwrap();
	}
}

/// `device`'s commitment in `task` to the good result of an empty output.
fn good_commitment<T: Config>(task: TaskId, device: &T::AccountId) -> Hash32 {
	commitment(task, &good(0), &proof::<T>(task, 0, device), &salt(), device)
}

/// A task of `max_replicas` devices, the first `n` of which committed.
fn partly_committed<T: Config>(n: usize) -> (TaskId, Vec<T::AccountId>) {
	let replicas = T::BenchmarkHelper::max_replicas();
	let (task, devices) = T::BenchmarkHelper::assigned_task(replicas).unwrap();
	for d in &devices[..n] {
		Pallet::<T>::do_commit(d.clone(), task, good_commitment::<T>(task, d)).unwrap();
	}
	(task, devices)
}

/// `device`'s commitment is in `task`'s round, and the task is in `state`.
fn assert_committed<T: Config>(task: TaskId, device: &T::AccountId, state: TaskState) {
	assert!(Rounds::<T>::get(task).is_some_and(|r| r.entry(device).is_some()));
	assert_eq!(T::Market::slot(task, device).map(|s| s.task_state), Some(state));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The last commit of a full task: it opens the reveal window.
	#[benchmark]
	fn commit() {
		let replicas = T::BenchmarkHelper::max_replicas() as usize;
		let (task, devices) = partly_committed::<T>(replicas - 1);
		let last = devices[replicas - 1].clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), task, good_commitment::<T>(task, &last));
		assert_committed::<T>(task, &last, TaskState::Revealing);
	}

	/// The first commit of a full task: it moves the task to `Committing` but opens no
	/// reveal window.
	#[benchmark]
	fn commit_pending() {
		let (task, devices) = partly_committed::<T>(0);
		let first = devices[0].clone();
		#[extrinsic_call]
		commit(RawOrigin::Signed(first.clone()), task, good_commitment::<T>(task, &first));
		assert_committed::<T>(task, &first, TaskState::Committing);
	}

	/// A commit between the first and the last: it changes no task state.
	#[benchmark]
	fn commit_quiet() {
		let (task, devices) = partly_committed::<T>(1);
		let second = devices[1].clone();
		#[extrinsic_call]
		commit(RawOrigin::Signed(second.clone()), task, good_commitment::<T>(task, &second));
		assert_committed::<T>(task, &second, TaskState::Committing);
	}

	/// The last of `s` reveals, all different: no result has a quorum, so the round ends
	/// (the task escalates or fails).
	#[benchmark]
	fn reveal(s: Linear<2, { T::BenchmarkHelper::max_replicas() }>) {
		let results: Vec<ExecResult> = (0..s).map(bad_n).collect();
		let (task, devices) = committed::<T>(&results, 0);
		reveal_first::<T>(task, &devices, &results, 0, s as usize - 1);
		let last = devices[s as usize - 1].clone();
		let r = results[s as usize - 1];
		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), task, r, proof::<T>(task, 0, &last), salt(), None);
		let state = T::Market::slot(task, &last).map(|s| s.task_state);
		assert_ne!(state, Some(TaskState::Revealing), "the round ended");
	}

	/// The last reveal of a verified task of `s` replicas: it settles its device and
	/// closes the task (with fewer than 3 replicas every reveal is needed for a quorum,
	/// so none comes late).
	#[benchmark]
	fn reveal_late(s: Linear<3, { T::BenchmarkHelper::max_replicas() }>) {
		let results = vec![good(0); s as usize];
		let (task, devices) = committed::<T>(&results, 0);
		reveal_first::<T>(task, &devices, &results, 0, s as usize - 1);
		Pallet::<T>::do_publish_output(&devices[0], task, output(0)).unwrap();
		let last = devices[s as usize - 1].clone();
		#[extrinsic_call]
		reveal(
			RawOrigin::Signed(last.clone()),
			task,
			good(0),
			proof::<T>(task, 0, &last),
			salt(),
			None,
		);
		assert!(!Rounds::<T>::contains_key(task), "closed");
	}

	/// The last of `s + 1` reveals, when a result has a quorum: it finds it and waits for
	/// its output to be published.
	#[benchmark]
	fn reveal_pending(s: Linear<0, { T::BenchmarkHelper::max_replicas() - 1 }>) {
		let replicas = s + 1;
		let agreeing = depin_primitives::quorum(replicas);
		let results: Vec<ExecResult> = (0..replicas)
			.map(|i| if i + agreeing >= replicas { good(0) } else { bad_n(i) })
			.collect();
		let (task, devices) = committed::<T>(&results, 0);
		reveal_first::<T>(task, &devices, &results, 0, s as usize);
		let device = devices[s as usize].clone();
		#[extrinsic_call]
		reveal(
			RawOrigin::Signed(device.clone()),
			task,
			good(0),
			proof::<T>(task, 0, &device),
			salt(),
			None,
		);
		let round = Rounds::<T>::get(task).expect("the task's round");
		assert!(round.revealed(&device).is_some());
		assert!(round.verdict.is_none(), "decided nothing");
	}

	/// The publication of an `l`-byte output for a task whose `s` replicas all revealed
	/// its result: verifies, settles all `s` devices, and closes the task.
	#[benchmark]
	fn publish_output(
		l: Linear<0, { T::MaxOutputLen::get() }>,
		s: Linear<1, { T::BenchmarkHelper::max_replicas() }>,
	) {
		let results = vec![good(l); s as usize];
		let (task, devices) = committed::<T>(&results, l);
		reveal_first::<T>(task, &devices, &results, l, s as usize);
		#[extrinsic_call]
		_(RawOrigin::Signed(devices[0].clone()), task, output(l));
		let state = T::Market::slot(task, &devices[0]).map(|s| s.task_state);
		assert_eq!(state, Some(TaskState::Verified));
	}

	/// The publication of an `l`-byte output for a task of `s + 1` replicas whose first
	/// `s` revealed its result, a quorum: verifies and settles the `s` devices; the task
	/// stays open for the last replica's reveal.
	#[benchmark]
	fn publish_output_open(
		l: Linear<0, { T::MaxOutputLen::get() }>,
		s: Linear<2, { T::BenchmarkHelper::max_replicas() - 1 }>,
	) {
		let results = vec![good(l); s as usize + 1];
		let (task, devices) = committed::<T>(&results, l);
		reveal_first::<T>(task, &devices, &results, l, s as usize);
		#[extrinsic_call]
		publish_output(RawOrigin::Signed(devices[0].clone()), task, output(l));
		let round = Rounds::<T>::get(task).expect("the task stays open");
		assert!(round.verdict.is_some(), "verified");
		assert!(round.revealed(&devices[s as usize]).is_none());
	}

	/// A reveal window that ends with `s` commitments and no reveal: all punished, and
	/// the task escalates.
	#[benchmark]
	fn on_reveal_timeout(s: Linear<1, { T::BenchmarkHelper::max_replicas() }>) {
		let results = vec![good(0); s as usize];
		let (task, _) = committed::<T>(&results, 0);
		#[block]
		{
			<Pallet<T> as VerificationHooks<T::AccountId>>::on_reveal_timeout(task);
		}
	}

	/// Clearing `s` commitments and reveals of a finished task.
	#[benchmark]
	fn on_task_finished(s: Linear<1, { T::BenchmarkHelper::max_replicas() }>) {
		let results = vec![good(0); s as usize];
		let (task, _) = committed::<T>(&results, 0);
		let revealed = Revealed { result: good(0), proof: [0; 32] };
		Rounds::<T>::mutate(task, |round| {
			for entry in round.as_mut().expect("committed").entries.iter_mut() {
				entry.revealed = Some(revealed);
			}
		});
		#[block]
		{
			<Pallet<T> as VerificationHooks<T::AccountId>>::on_task_finished(task);
		}
		assert!(!Rounds::<T>::contains_key(task));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
