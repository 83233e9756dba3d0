//! # Result verification
//!
//! Assigned devices commit to their result, then reveal it; a quorum of identical results,
//! backed by the published output, verifies a task.
//!
//! - `commit(task, commitment)`: `commitment = blake2_256(domain ‖ task ‖ SCALE(result) ‖
//!   proof ‖ salt ‖ device)` ([`depin_primitives::commitment`]), where `proof =
//!   output_proof(task, output_key(output), device)` can only be made from the output's
//!   bytes. The reveal phase opens when every replica has committed (the market keeps the
//!   clock: a device that does not commit within `CommitTimeout` loses its slot to
//!   another device).
//! - `reveal(task, result, proof, salt, output)`: checked against the commitment. It
//!   publishes the result (its `output_hash`); the output only on the reveal that gives
//!   the result its quorum (`replicas / 2 + 1` identical results), which then verifies the
//!   task — on any other reveal the output is refused with the reveal.
//! - `publish_output(task, output)`: when a quorum came without its output, anyone holding
//!   it publishes it: the task is `Verified` and stores the output for the dApp. Before a
//!   quorum no output is on chain, so a device added by an escalation, which commits after
//!   the earlier reveals are public, sees only hashes: it can copy a result but not make
//!   its proof.
//! - **Settlement**, at the publication, and for late reveals until the window ends:
//!   every device with the verified result and the right proof is paid
//!   `fuel_used × price` and gets a valid mark; a device with the verified result but
//!   another proof (it never held the output: a copier) or with another result loses
//!   `WrongResultSlash` of its bond and its streak; commitments never revealed cost
//!   `WrongResultSlash` (withholding once the majority is visible must not be cheaper
//!   than lying).
//! - **No verdict when the reveal window ends** (no quorum, or nobody published the
//!   output of the one with a quorum) → more replicas (up to the market's
//!   `MaxEscalations`, and only while a round fits before the deadline), then `Failed`:
//!   escrow back, nobody paid, nobody slashed for a wrong result (there is none);
//!   unrevealed commitments cost `RevealTimeoutSlash`. The same happens at once when
//!   every replica revealed and no result has a quorum.
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
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use decide::{CommitWork, RevealWork, Settled};
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use depin_primitives::{DeviceRegistry, ExecResult, Hash32, Salt, TaskId, TaskSettlement};
	use frame_support::dispatch::PostDispatchInfo;
	use frame_support::pallet_prelude::*;
	use frame_support::{DebugNoBound, DefaultNoBound};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

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

	/// Each task's commit–reveal round: every commitment, what was revealed against it,
	/// and the verdict once its output is published. One record per task, removed when
	/// the task finishes.
	#[pallet::storage]
	pub type Rounds<T: Config> = StorageMap<_, Twox64Concat, TaskId, Round<T>>;

	/// A task's commit–reveal round. Entries are in commit order; an escalation adds
	/// entries to the same round (earlier reveals count toward the new quorum), and a
	/// commitment never revealed is dropped when its window ends.
	#[derive(
		CloneNoBound,
		PartialEqNoBound,
		EqNoBound,
		DebugNoBound,
		Encode,
		Decode,
		DecodeWithMemTracking,
		TypeInfo,
		MaxEncodedLen,
		DefaultNoBound,
	)]
	#[scale_info(skip_type_params(T))]
	pub struct Round<T: Config> {
		/// One entry per committed device, at most `MaxSlots`.
		pub entries: BoundedVec<Entry<T::AccountId>, T::MaxSlots>,
		/// The verified result and its output's key, once published, with the block it was
		/// given in.
		pub verdict: Option<(Verdict, BlockNumberFor<T>)>,
	}

	/// One device's commitment in a round, and what it revealed.
	#[derive(
		Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
	)]
	pub struct Entry<AccountId> {
		/// The committed device.
		pub device: AccountId,
		/// Its commitment.
		pub commitment: Hash32,
		/// Its reveal, once made.
		pub revealed: Option<Revealed>,
	}

	impl<T: Config> Round<T> {
		/// `device`'s entry.
		pub fn entry(&self, device: &T::AccountId) -> Option<&Entry<T::AccountId>> {
			self.entries.iter().find(|e| &e.device == device)
		}

		/// What `device` revealed, if it did.
		pub fn revealed(&self, device: &T::AccountId) -> Option<Revealed> {
			self.entry(device).and_then(|e| e.revealed)
		}

		/// The devices that revealed, in commit order, with what they revealed.
		pub fn reveals(&self) -> impl Iterator<Item = (&T::AccountId, Revealed)> + '_ {
			self.entries.iter().filter_map(|e| e.revealed.map(|r| (&e.device, r)))
		}

		/// How many devices revealed.
		pub fn reveal_count(&self) -> u32 {
			self.reveals().count() as u32
		}

		/// The result most devices revealed, and how many did (a result with a quorum is
		/// the only one with a majority, so it is this one).
		pub fn leading_result(&self) -> Option<(ExecResult, u32)> {
			let mut counts: alloc::vec::Vec<(ExecResult, u32)> = alloc::vec::Vec::new();
			for (_, revealed) in self.reveals() {
				match counts.iter_mut().find(|(r, _)| *r == revealed.result) {
					Some((_, n)) => *n = n.saturating_add(1),
					None => counts.push((revealed.result, 1)),
				}
			}
			counts.into_iter().max_by_key(|(_, n)| *n)
		}

		/// The result with a quorum of reveals among `replicas`, and how many revealed it.
		pub fn quorum_result(&self, replicas: u32) -> Option<(ExecResult, u32)> {
			self.leading_result().filter(|(_, n)| *n >= depin_primitives::quorum(replicas))
		}
	}

	/// What a device revealed.
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
	pub struct Revealed {
		/// Its result.
		pub result: ExecResult,
		/// Its output proof (`depin_primitives::output_proof`), checked at publication.
		pub proof: Hash32,
	}

	/// A verified result.
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
	pub struct Verdict {
		/// The result a quorum revealed.
		pub result: ExecResult,
		/// `depin_primitives::output_key` of its published output.
		pub key: Hash32,
	}

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
		/// A device revealed the verified result without the proof its output gives: it
		/// never held the output (it copied a revealed result).
		ResultUnproven { task: TaskId, device: T::AccountId, slashed: BalanceOf<T> },
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
		/// The result, proof and salt do not match the commitment.
		CommitmentMismatch,
		/// The result claims more fuel than the task allows.
		InvalidResult,
		/// The output is larger than `MaxOutputLen`.
		OutputTooLarge,
		/// No result with this output's hash has a quorum of reveals in the task (or the
		/// task has no reveals).
		NoQuorumForOutput,
		/// The task is verified: its output is published already.
		AlreadyVerified,
		/// The task's round holds `MaxSlots` commitments already (the market never gives a
		/// task more slots than that).
		RoundFull,
		/// A reveal carried an output for a task whose output is a blob: its manifest is
		/// published with `publish_output` once the chunks are stored.
		OutputIsBlob,
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
		/// `commitment = depin_primitives::commitment(task, result, proof, salt, device)`
		/// with `proof = depin_primitives::output_proof(task, output_key(output), device)`.
		/// Free when accepted. Charged as the commit that opens the reveal window (the
		/// task's last), then for what it did: that, moving the task to `Committing` (the
		/// first), or neither.
		#[pallet::call_index(0)]
		pub fn commit(
			origin: OriginFor<T>,
			task: TaskId,
			commitment: Hash32,
		) -> DispatchResultWithPostInfo {
			let device = ensure_signed(origin)?;
			let weight = Self::do_commit(device, task, commitment)?.weight::<T::WeightInfo>();
			Ok(PostDispatchInfo { actual_weight: Some(weight), pays_fee: Pays::No })
		}

		/// Reveals the committed `result`, its output `proof` and the `salt`. Free when
		/// accepted; may settle the caller (a late reveal of a verified task) or end the
		/// round (every replica revealed and no result has a quorum). A reveal that gives
		/// its result a quorum may carry the `output` (bounded by `MaxOutputLen`): it then
		/// publishes it at once, as `publish_output` would; carried by a reveal that does
		/// not complete a quorum, the output is refused with the reveal
		/// (`NoQuorumForOutput`). After a verdict the output is ignored; from the block after
		/// the verdict's on, the reveal then pays its transaction fee, as any extrinsic of
		/// its length does (devices that raced to complete the same quorum in one block pay
		/// nothing). A task whose output is a blob takes no output on a reveal
		/// (`OutputIsBlob`). Charged for the heaviest of those, then for what it did.
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::max_reveal_weight(output.as_ref().map(|o| o.len() as u32)))]
		pub fn reveal(
			origin: OriginFor<T>,
			task: TaskId,
			result: ExecResult,
			proof: Hash32,
			salt: Salt,
			output: Option<alloc::vec::Vec<u8>>,
		) -> DispatchResultWithPostInfo {
			let device = ensure_signed(origin)?;
			let blob_checked = if output.is_some() {
				ensure!(!T::Market::has_output_blob(task), Error::<T>::OutputIsBlob);
				T::DbWeight::get().reads(1)
			} else {
				Weight::zero()
			};
			// Read first: the reveal may close the task and remove its verdict.
			let verified_at = Rounds::<T>::get(task).and_then(|r| r.verdict.map(|(_, at)| at));
			let mut weight = Self::do_reveal(device.clone(), task, result, proof, salt)?
				.weight::<T>()
				.saturating_add(blob_checked);
			let pays_fee = match (output, verified_at) {
				(Some(output), None) => {
					let len = output.len() as u32;
					// No output blob here (checked above): `verified` used no more weight.
					let (settled, _) = Self::do_publish_output(&device, task, output)?;
					weight = weight.saturating_add(Self::publish_weight(len, settled));
					Pays::No
				}
				// An output nobody needs any more took block space for nothing.
				(Some(_), Some(at)) if at < frame_system::Pallet::<T>::block_number() => Pays::Yes,
				_ => Pays::No,
			};
			Ok(PostDispatchInfo { actual_weight: Some(weight), pays_fee })
		}

		/// Publishes the output of the result of `task` that has a quorum of reveals
		/// (bounded by `MaxOutputLen`): the task is `Verified`, the output is stored for the
		/// dApp, and every device that revealed is settled against it. Anyone holding the
		/// output may publish it. A task whose output is a blob takes the blob's manifest,
		/// once its chunks are stored (`blobs.store`), and pays back whoever stored them.
		/// Free when it verifies the task, and charged for settling `MaxSlots` devices
		/// and checking an output blob of the most chunks, then for what it did.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::publish_output(
			output.len() as u32,
			T::MaxSlots::get(),
		).saturating_add(T::Market::max_output_blob_weight()))]
		pub fn publish_output(
			origin: OriginFor<T>,
			task: TaskId,
			output: alloc::vec::Vec<u8>,
		) -> DispatchResultWithPostInfo {
			let publisher = ensure_signed(origin)?;
			let len = output.len() as u32;
			let (settled, blob) = Self::do_publish_output(&publisher, task, output)?;
			Ok(PostDispatchInfo {
				actual_weight: Some(Self::publish_weight(len, settled).saturating_add(blob)),
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
