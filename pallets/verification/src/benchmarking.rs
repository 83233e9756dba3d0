//! Benchmarks of `commit`, `reveal` and the hooks at their worst case (v2 syntax).

use super::*;
use crate::pallet::{Call, Commitments, Config, Pallet, Reveals};
use alloc::{vec, vec::Vec};
use depin_primitives::{
	commitment, output_hash, ExecResult, Salt, TaskFactory, TaskId, TaskSettlement,
	VerificationHooks,
};
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;

fn salt() -> Salt {
	[7; 32]
}

fn good(output: &[u8]) -> ExecResult {
	ExecResult { exit: 0, output_hash: output_hash(output), fuel_used: 1_000 }
}

fn bad() -> ExecResult {
	bad_n(0)
}

/// The `n`-th of results that all differ from each other and from `good`.
fn bad_n(n: u32) -> ExecResult {
	ExecResult { exit: 1, output_hash: [0; 32], fuel_used: 1 + n as u64 }
}

/// A task with `replicas` devices, all committed to `results[i]`.
fn committed<T: Config>(results: &[ExecResult]) -> (TaskId, Vec<T::AccountId>) {
	let (task, devices) = T::BenchmarkHelper::assigned_task(results.len() as u32).unwrap();
	for (d, r) in devices.iter().zip(results) {
		Pallet::<T>::do_commit(d.clone(), task, commitment(task, r, &salt(), d)).unwrap();
	}
	(task, devices)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The last commit of a full task: it opens the reveal window.
	#[benchmark]
	fn commit() {
		let replicas = T::BenchmarkHelper::max_replicas();
		let (task, devices) = T::BenchmarkHelper::assigned_task(replicas).unwrap();
		let r = good(b"");
		for d in &devices[1..] {
			Pallet::<T>::do_commit(d.clone(), task, commitment(task, &r, &salt(), d)).unwrap();
		}
		let last = devices[0].clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), task, commitment(task, &r, &salt(), &last));
		assert!(Commitments::<T>::contains_key(task, &last));
	}

	/// The reveal that completes a quorum of `s` replicas with an output of `l` bytes:
	/// verifies, settles all `s` devices, and closes the task.
	#[benchmark]
	fn reveal(
		l: Linear<0, { T::MaxOutputLen::get() }>,
		s: Linear<1, { T::BenchmarkHelper::max_replicas() }>,
	) {
		let output = vec![1u8; l as usize];
		let ok = good(&output);
		let quorum = s / 2 + 1;
		// The first s-1 results: quorum-1 good, the rest bad; the last one decides.
		let results: Vec<ExecResult> =
			(0..s).map(|i| if i + 1 < quorum || i + 1 == s { ok } else { bad() }).collect();
		let (task, devices) = committed::<T>(&results);
		for (d, r) in devices.iter().zip(&results).take(s as usize - 1) {
			Pallet::<T>::do_reveal(d.clone(), task, *r, salt(), None).unwrap();
		}
		let last = devices[s as usize - 1].clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), task, ok, salt(), Some(output));
		// Verified and closed: its verification data is gone already.
		let state = T::Market::slot(task, &last).map(|s| s.task_state);
		assert_eq!(state, Some(depin_primitives::TaskState::Verified));
	}

	/// A reveal that decides nothing, with an output of `l` bytes, after `s` reveals that
	/// all differ from it and from each other: it checks, counts agreeing reveals and waits.
	#[benchmark]
	fn reveal_pending(
		l: Linear<0, { T::MaxOutputLen::get() }>,
		s: Linear<0, { T::BenchmarkHelper::max_replicas() - 2 }>,
	) {
		let output = vec![1u8; l as usize];
		let ok = good(&output);
		// `s` distinct wrong results, this one, and one more replica still to reveal.
		let mut results: Vec<ExecResult> = (0..s).map(bad_n).collect();
		results.push(ok);
		results.push(ok);
		let (task, devices) = committed::<T>(&results);
		for (d, r) in devices.iter().zip(&results).take(s as usize) {
			Pallet::<T>::do_reveal(d.clone(), task, *r, salt(), None).unwrap();
		}
		let device = devices[s as usize].clone();
		#[extrinsic_call]
		reveal(RawOrigin::Signed(device.clone()), task, ok, salt(), Some(output));
		assert!(Reveals::<T>::contains_key(task, &device));
		assert!(!crate::pallet::Verdicts::<T>::contains_key(task), "decided nothing");
	}

	/// A reveal window that ends with `s` commitments and no reveal: all punished, and
	/// the task escalates.
	#[benchmark]
	fn on_reveal_timeout(s: Linear<1, { T::BenchmarkHelper::max_replicas() }>) {
		let results = vec![good(b""); s as usize];
		let (task, _) = committed::<T>(&results);
		#[block]
		{
			<Pallet<T> as VerificationHooks<T::AccountId>>::on_reveal_timeout(task);
		}
	}

	/// Clearing `s` commitments and reveals of a finished task.
	#[benchmark]
	fn on_task_finished(s: Linear<1, { T::BenchmarkHelper::max_replicas() }>) {
		let results = vec![good(b""); s as usize];
		let (task, devices) = committed::<T>(&results);
		for d in &devices {
			Reveals::<T>::insert(task, d, good(b""));
		}
		#[block]
		{
			<Pallet<T> as VerificationHooks<T::AccountId>>::on_task_finished(task);
		}
		assert!(Commitments::<T>::iter_prefix(task).next().is_none());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
