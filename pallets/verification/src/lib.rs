//! # Result verification
//!
//! Assigned devices commit to their result, then reveal it; a quorum of identical results
//! verifies a task.
//!
//! - `commit(task, commitment)`: `commitment = blake2_256(domain ‖ task ‖ SCALE(result) ‖
//!   salt ‖ device)` ([`depin_primitives::commitment`]).
//!   Nobody can copy a result they cannot see. The reveal phase opens when every replica
//!   has committed (the market keeps the clock: a device that does not commit within
//!   `CommitTimeout` loses its slot to another device).
//! - `reveal(task, result, salt, output)`: checked against the commitment; `output`, when
//!   attached, must hash to `result.output_hash`.
//! - **Decision**, in the reveal that completes a quorum (`replicas / 2 + 1` identical
//!   results), or when the reveal window ends:
//!   - quorum → `Verified`: every device with that result is paid `fuel_used × price`
//!     and gets a valid mark; every device with another result loses `WrongResultSlash`
//!     of its bond and its streak; late reveals are settled the same way until the
//!     window ends, and commitments never revealed cost `WrongResultSlash` (withholding
//!     once the majority is visible must not be cheaper than lying).
//!   - no quorum → more replicas (up to the market's `MaxEscalations`, and only while a
//!     round fits before the deadline), then `Failed`: escrow back, nobody paid, nobody
//!     slashed for a wrong result (there is none); unrevealed commitments cost
//!     `RevealTimeoutSlash`.
//! - A trap, out-of-fuel or bad-module result is an ordinary result: replicas that agree
//!   on it are verified and paid.
//!
//! All work is bounded by the task's slots (`MaxSlots`).
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod decide;
mod dispatchables;
mod hooks;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use depin_primitives::{DeviceRegistry, ExecResult, Hash32, Salt, TaskId, TaskSettlement};
	use frame_support::dispatch::PostDispatchInfo;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of result verification.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The market: task state and settlement.
		type Market: TaskSettlement<Self::AccountId>;

		/// The device registry: slashing and reputation.
		type Devices: DeviceRegistry<Self::AccountId, BlockNumberFor<Self>>;

		/// Largest output attached to a reveal (the market's `MaxOutputLen`).
		#[pallet::constant]
		type MaxOutputLen: Get<u32>;

		/// Most replicas of a task (the market's `MaxSlots`): bounds all per-task loops.
		#[pallet::constant]
		type MaxSlots: Get<u32>;

		/// Share of the bond slashed for revealing a result other than the verified one.
		#[pallet::constant]
		type WrongResultSlash: Get<Perbill>;

		/// Share of the bond slashed for a commitment never revealed.
		#[pallet::constant]
		type RevealTimeoutSlash: Get<Perbill>;

		/// Weights of calls and hooks, from the benchmarks.
		type WeightInfo: WeightInfo;

		/// Creates tasks with assigned devices for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: depin_primitives::TaskFactory<Self::AccountId>;
	}

	/// Commitments, by task and device.
	#[pallet::storage]
	pub type Commitments<T: Config> =
		StorageDoubleMap<_, Twox64Concat, TaskId, Blake2_128Concat, T::AccountId, Hash32>;

	/// Revealed results, by task and device.
	#[pallet::storage]
	pub type Reveals<T: Config> =
		StorageDoubleMap<_, Twox64Concat, TaskId, Blake2_128Concat, T::AccountId, ExecResult>;

	/// Number of reveals of each task.
	#[pallet::storage]
	pub type RevealCount<T: Config> = StorageMap<_, Twox64Concat, TaskId, u32, ValueQuery>;

	/// The verified result of a task whose reveal window is still open for late reveals.
	#[pallet::storage]
	pub type Verdicts<T: Config> = StorageMap<_, Twox64Concat, TaskId, ExecResult>;

	/// How a decision went.
	#[derive(
		Clone,
		Copy,
		PartialEq,
		Eq,
		Debug,
		Encode,
		Decode,
		DecodeWithMemTracking,
		TypeInfo,
		MaxEncodedLen,
	)]
	pub enum NoQuorumAction {
		/// More replicas were asked for.
		Escalated,
		/// The task failed.
		Failed,
	}

	/// Events of result verification.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A device committed to a result.
		ResultCommitted { task: TaskId, device: T::AccountId },
		/// A device revealed its result.
		ResultRevealed { task: TaskId, device: T::AccountId, result: ExecResult },
		/// A quorum of `agreeing` devices verified `result`.
		TaskVerified { task: TaskId, result: ExecResult, agreeing: u32 },
		/// A device's revealed result differs from the verified one.
		WrongResult { task: TaskId, device: T::AccountId, slashed: BalanceOf<T> },
		/// A device committed but did not reveal in time.
		RevealMissed { task: TaskId, device: T::AccountId, slashed: BalanceOf<T> },
		/// The reveals did not reach a quorum.
		NoQuorum { task: TaskId, reveals: u32, replicas: u32, action: NoQuorumAction },
	}

	/// Errors of result verification.
	#[pallet::error]
	pub enum Error<T> {
		/// The caller holds no slot in this task.
		NotAssigned,
		/// The caller already committed in this task.
		AlreadyCommitted,
		/// The task does not take commitments now.
		CommitClosed,
		/// The caller has no commitment to reveal in this task.
		NotCommitted,
		/// The reveal phase has not started (other replicas have not committed yet).
		RevealNotOpen,
		/// The caller already revealed in this task.
		AlreadyRevealed,
		/// The result and salt do not match the commitment.
		CommitmentMismatch,
		/// The result claims more fuel than the task allows.
		InvalidResult,
		/// The output is larger than `MaxOutputLen`.
		OutputTooLarge,
		/// The output does not hash to the result's `output_hash`.
		OutputMismatch,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxSlots::get() >= 1, "MaxSlots must be positive");
			assert!(
				T::RevealTimeoutSlash::get() <= T::WrongResultSlash::get(),
				"a missing reveal must not cost more than a wrong result"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Commits the calling device to a result of `task` without revealing it:
		/// `commitment = depin_primitives::commitment(task, result, salt, device)`. Free
		/// when accepted.
		#[pallet::call_index(0)]
		pub fn commit(
			origin: OriginFor<T>,
			task: TaskId,
			commitment: Hash32,
		) -> DispatchResultWithPostInfo {
			let device = ensure_signed(origin)?;
			Self::do_commit(device, task, commitment)?;
			Ok(Pays::No.into())
		}

		/// Reveals the committed `result` and `salt`, with the job's output attached
		/// (bounded by `MaxOutputLen`) so the verified output can be stored for the dApp.
		/// Free when accepted; may decide the task. Charged for settling `MaxSlots`
		/// devices, then for what it did: a reveal that decides nothing costs a fraction.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::reveal(
			output.as_ref().map_or(0, |o| o.len() as u32),
			T::MaxSlots::get(),
		))]
		pub fn reveal(
			origin: OriginFor<T>,
			task: TaskId,
			result: ExecResult,
			salt: Salt,
			output: Option<alloc::vec::Vec<u8>>,
		) -> DispatchResultWithPostInfo {
			let device = ensure_signed(origin)?;
			let len = output.as_ref().map_or(0, |o| o.len() as u32);
			let work = Self::do_reveal(device, task, result, salt, output)?;
			Ok(PostDispatchInfo {
				actual_weight: Some(work.weight::<T::WeightInfo>(len)),
				pays_fee: Pays::No,
			})
		}
	}

	/// Balance type of slashes.
	pub type BalanceOf<T> = <<T as Config>::Devices as DeviceRegistry<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
	>>::Balance;
}
