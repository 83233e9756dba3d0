//! The traits through which the pallets know each other. The runtime wires them together;
//! each pallet's mock implements the ones it uses in a few lines.
//!
//! ```text
//!   devices ◄── DeviceRegistry ──  market  ── VerificationHooks ──► verification
//!                                    ▲                                   │
//!                                    └──────── TaskSettlement ───────────┘
//!   rewards ◄── RewardSink ───────── market (when it pays a device)
//! ```

use codec::{Codec, Decode, DecodeWithMemTracking, Encode, EncodeLike, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{DispatchError, DispatchResult, Perbill, Weight};

use crate::{DeterminismClass, ExecResult, Outcome, SlashReason, TaskId, TaskState};

/// A candidate device from the scheduler's index.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Candidate<AccountId> {
	/// The device can take work now.
	Available {
		/// The device.
		device: AccountId,
		/// Its owner (replicas of one task never share an owner).
		owner: AccountId,
		/// Memory offered for jobs, in MiB.
		memory_mib: u32,
		/// Slots left for new assignments.
		free_slots: u16,
		/// Its determinism class.
		class: DeterminismClass,
		/// Its executor version (fuel costs and job ABI): portable replicas must share it.
		executor_version: u32,
		/// Its declared executor speed, in fuel per second.
		fuel_per_second: u64,
		/// Its ask: the lowest price per fuel it takes work at.
		ask: u128,
	},
	/// The entry was stale (heartbeat too old) and has been removed from the index; the
	/// entry at this index is now a different device.
	Removed,
	/// No entry at this index.
	None,
}

/// What a balance type of the traits below is: what FRAME calls a `Parameter` (codec,
/// type information, equality, `Debug`), bounded in size, copyable, with a zero default.
/// (`frame_support::Parameter` is not used: this crate does not depend on
/// `frame-support`, so that clients build without it.)
pub trait BalanceParameter:
	Codec
	+ DecodeWithMemTracking
	+ EncodeLike
	+ Clone
	+ Eq
	+ core::fmt::Debug
	+ scale_info::TypeInfo
	+ MaxEncodedLen
	+ Default
	+ Copy
{
}

impl<T> BalanceParameter for T where
	T: Codec
		+ DecodeWithMemTracking
		+ EncodeLike
		+ Clone
		+ Eq
		+ core::fmt::Debug
		+ scale_info::TypeInfo
		+ MaxEncodedLen
		+ Default
		+ Copy
{
}

/// The device registry, as the market and verification see it.
pub trait DeviceRegistry<AccountId, BlockNumber> {
	/// The balance type of bonds.
	type Balance: BalanceParameter;

	/// Owner of `device`, if registered.
	fn owner_of(device: &AccountId) -> Option<AccountId>;

	/// Number of registered devices.
	fn device_count() -> u32;

	/// Number of entries in the index of candidate devices.
	fn candidate_count() -> u32;

	/// Number of registered devices that are not unbonding and offer at least
	/// `memory_mib` of memory (counted by power-of-two tiers, so it may include a few
	/// devices of the same tier with less memory: an upper bound). O(1).
	fn devices_with_memory(memory_mib: u32) -> u32;

	/// The candidate at `index` of the index. A stale entry is removed (swap-remove) and
	/// reported as [`Candidate::Removed`]. O(1).
	fn candidate(index: u32) -> Candidate<AccountId>;

	/// `device` takes an assignment to `task`. Fails if it has no free slot, already
	/// holds one in `task`, or is gone.
	fn open_assignment(device: &AccountId, task: TaskId) -> DispatchResult;

	/// `device` is done with its assignment to `task`; false if it held none (it was
	/// already closed, or the device is gone).
	fn close_assignment(device: &AccountId, task: TaskId) -> bool;

	/// The tasks `device` holds an open assignment in, oldest first.
	fn assignments(device: &AccountId) -> alloc::vec::Vec<TaskId>;

	/// Open assignments of every registered device together. Iterates the registry: for
	/// invariant checks only.
	fn assignment_total() -> u64;

	/// Slashes `fraction` of `device`'s bond for `reason`; returns the amount slashed. The
	/// slashed funds go where the registry's configuration says.
	fn slash(device: &AccountId, fraction: Perbill, reason: SlashReason) -> Self::Balance;

	/// Records how an assignment ended in `device`'s reputation.
	fn record_outcome(device: &AccountId, outcome: Outcome);
}

/// What verification learns about a device's slot in a task.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SlotView {
	/// State of the task.
	pub task_state: TaskState,
	/// Whether this device already committed.
	pub committed: bool,
	/// Replicas the task asks for now (slots held plus open).
	pub replicas: u32,
	/// Fuel limit of the task.
	pub max_fuel: u64,
}

/// The market's side of verification: task state changes and balance movements.
pub trait TaskSettlement<AccountId> {
	/// The balance type of payments.
	type Balance: BalanceParameter;

	/// `device`'s slot in `task`, if it holds one.
	fn slot(task: TaskId, device: &AccountId) -> Option<SlotView>;

	/// Replicas `task` asks for now (slots held plus open), if it exists.
	fn replicas(task: TaskId) -> Option<u32>;

	/// `device` committed in `task`. Returns the task's new state: `Revealing` once every
	/// slot has committed (the market then starts the reveal window).
	fn record_commit(task: TaskId, device: &AccountId) -> Result<TaskState, DispatchError>;

	/// A quorum agreed on `result` and `publisher` published its `output`: the task is
	/// `Verified`. `output` must hash to `result.output_hash` and fit `MaxOutputLen`; it is
	/// stored for the dApp when the storage deposit can be paid, else only the hash is
	/// kept. A task whose output is a blob takes the blob's manifest as `output`: every
	/// chunk must be kept, and whoever stored them is paid what that cost. Returns the
	/// weight it used beyond an output kept in state (at most
	/// [`Self::max_output_blob_weight`]).
	fn verified(
		task: TaskId,
		result: ExecResult,
		output: alloc::vec::Vec<u8>,
		publisher: &AccountId,
	) -> Result<Weight, DispatchError>;

	/// The most weight `verified` uses beyond an output kept in state (checking and paying
	/// for an output blob of the most chunks).
	fn max_output_blob_weight() -> Weight;

	/// Whether `task`'s output is a blob (it has an output limit): its manifest is
	/// published by `publish_output` once the chunks are stored, never carried by a
	/// reveal. One storage read.
	fn has_output_blob(task: TaskId) -> bool;

	/// Pays `device` for `fuel_used` out of the task's escrow and credits its owner's
	/// compute points (the value paid, unless the task cannot earn points: see the
	/// market's reward rules). Returns the amount paid and whether the credit listed the
	/// era for the owner (see [`RewardSink::credit`]).
	fn pay(
		task: TaskId,
		device: &AccountId,
		fuel_used: u64,
	) -> Result<Payment<Self::Balance>, DispatchError>;

	/// No quorum: add replicas. Fails when the escalation limit is reached or the
	/// submitter cannot cover the extra escrow; the caller then fails the task.
	fn escalate(task: TaskId) -> DispatchResult;

	/// No quorum and no escalation left: `Failed`, escrow back to the submitter.
	fn fail(task: TaskId) -> DispatchResult;

	/// Verification of a `Verified` task is complete: release its devices and refund the
	/// rest of the escrow.
	fn close(task: TaskId) -> DispatchResult;
}

/// Calls from the market into verification.
pub trait VerificationHooks<AccountId> {
	/// The reveal window of `task` ended: decide with the reveals in. Returns the weight.
	fn on_reveal_timeout(task: TaskId) -> Weight;
	/// `task` reached a final state; its verification data can be removed. Returns the
	/// weight.
	fn on_task_finished(task: TaskId) -> Weight;
	/// Upper bound of the weight of either hook.
	fn max_hook_weight() -> Weight;
	/// Whether `device` revealed its result in `task`.
	fn revealed(task: TaskId, device: &AccountId) -> bool;
	/// Number of reveals received in `task`.
	fn reveal_count(task: TaskId) -> u32;
	/// Whether `device` should publish the output of `task` now: `Some(designated)` when
	/// it revealed a result that has a quorum and no output is published yet.
	fn publish_turn(task: TaskId, device: &AccountId) -> Option<bool>;
	/// The results revealed in `task` so far (at most `MaxSlots`).
	fn revealed_results(task: TaskId) -> alloc::vec::Vec<ExecResult>;
}

impl<AccountId> VerificationHooks<AccountId> for () {
	fn on_reveal_timeout(_: TaskId) -> Weight {
		Weight::zero()
	}
	fn on_task_finished(_: TaskId) -> Weight {
		Weight::zero()
	}
	fn max_hook_weight() -> Weight {
		Weight::zero()
	}
	fn revealed(_: TaskId, _: &AccountId) -> bool {
		false
	}
	fn reveal_count(_: TaskId) -> u32 {
		0
	}
	fn publish_turn(_: TaskId, _: &AccountId) -> Option<bool> {
		None
	}
	fn revealed_results(_: TaskId) -> alloc::vec::Vec<ExecResult> {
		alloc::vec::Vec::new()
	}
}

/// What [`TaskSettlement::pay`] did.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Payment<Balance> {
	/// Paid out of the escrow (the owner's share and the protocol fee).
	pub amount: Balance,
	/// Whether the owner's points listed the era for it: one storage read and one write
	/// more than a payment to an owner already listed in the era, or one without points
	/// (the payer's benchmark measures the listing; a payment without it is refunded them).
	pub listed: bool,
}

/// Receives compute points for verified work.
pub trait RewardSink<AccountId> {
	/// Credits `points` (the value paid for verified work, in the smallest balance unit,
	/// saturated to `u64`) to `owner` for the current era. Returns whether it listed the
	/// era among the owner's (its first points in the era: one more storage read and
	/// write).
	fn credit(owner: &AccountId, points: u64) -> bool;

	/// The current era (the market keeps its clearing prices per era).
	fn current_era() -> u32 {
		0
	}
}

impl<AccountId> RewardSink<AccountId> for () {
	fn credit(_: &AccountId, _: u64) -> bool {
		false
	}
}

/// Creates device keys and their consent to a registration; used by the device
/// registry's benchmarks only.
pub trait ConsentFactory<AccountId, Signature> {
	/// A new device account (number `index`) and its signature of `payload`.
	fn device_consenting(index: u32, payload: &[u8]) -> (AccountId, Signature);
}

/// A chunk the chain keeps.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct KeptChunk<BlockNumber> {
	/// Its size in bytes.
	pub size: u32,
	/// The block that stored it or last renewed it.
	pub stored_at: BlockNumber,
	/// The first block that may renew it: half a retention period after `stored_at`.
	/// Until then nobody can take over paying for it.
	pub renewable_from: BlockNumber,
	/// The last block it is kept to.
	pub kept_until: BlockNumber,
}

/// Who paid for keeping a chunk the last time, and how.
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
pub struct ChunkPayment<AccountId> {
	/// The account that stored the chunk, or last renewed it.
	pub payer: AccountId,
	/// It renewed the chunk (and paid a renewal's fee), rather than storing it.
	pub renewed: bool,
	/// A task's output blob listing the chunk has paid it back already: a payment is paid
	/// back once, however many outputs list the chunk.
	pub repaid: bool,
}

/// The chain's stored data, as the market sees it: which chunks are kept, how large, since
/// and until when, who paid for keeping them, and what keeping a chunk costs. Implemented
/// by the blobs pallet.
pub trait StoredData<AccountId, BlockNumber, Balance> {
	/// The chunk named `hash`, if it is kept.
	fn kept(hash: &crate::data::ContentHash) -> Option<KeptChunk<BlockNumber>>;

	/// Marks the payment that keeps chunk `hash` as paid back and returns it — if the chunk
	/// was stored or renewed at block `since` or later, its payer is known, and it was not
	/// paid back before.
	fn claim_repayment(
		hash: &crate::data::ContentHash,
		since: BlockNumber,
	) -> Option<ChunkPayment<AccountId>>;

	/// What storing a chunk of `size` bytes costs its sender (see the implementation for
	/// what it counts).
	fn fee(size: u32) -> Balance;

	/// What renewing a chunk of `size` bytes costs its sender.
	fn renew_fee(size: u32) -> Balance;

	/// The fee of storing a blob of `size` bytes in chunks of [`crate::data::MAX_CHUNK_LEN`]
	/// bytes, its manifest included: what the device that stores a task's output spends.
	fn blob_fee(size: u64) -> Balance
	where
		Balance: sp_runtime::Saturating + From<u32>,
	{
		let chunk_len = u64::from(crate::data::MAX_CHUNK_LEN);
		let full = size / chunk_len;
		let rest = (size % chunk_len) as u32;
		let chunks = full + u64::from(rest > 0);
		let full_fee = Self::fee(crate::data::MAX_CHUNK_LEN)
			.saturating_mul(Balance::from(full.min(u64::from(u32::MAX)) as u32));
		let rest_fee = if rest > 0 { Self::fee(rest) } else { Balance::from(0u32) };
		let manifest = crate::data::manifest_len(chunks).min(u64::from(u32::MAX)) as u32;
		full_fee.saturating_add(rest_fee).saturating_add(Self::fee(manifest))
	}
}

/// A chain that keeps no data: every stored input is refused, and storing is free.
impl<AccountId, BlockNumber, Balance: Default> StoredData<AccountId, BlockNumber, Balance> for () {
	fn kept(_: &crate::data::ContentHash) -> Option<KeptChunk<BlockNumber>> {
		None
	}
	fn claim_repayment(
		_: &crate::data::ContentHash,
		_: BlockNumber,
	) -> Option<ChunkPayment<AccountId>> {
		None
	}
	fn fee(_: u32) -> Balance {
		Balance::default()
	}
	fn renew_fee(_: u32) -> Balance {
		Balance::default()
	}
}

/// Records chunks as kept without storing them (benchmarks cannot index block bodies);
/// used by the market's benchmarks only.
pub trait StoredDataFactory<AccountId> {
	/// Records `hash` as kept, with `size` bytes, for a retention period from now, stored
	/// by `payer`.
	fn keep(hash: crate::data::ContentHash, size: u32, payer: &AccountId);
}

impl<AccountId> StoredDataFactory<AccountId> for () {
	fn keep(_: crate::data::ContentHash, _: u32, _: &AccountId) {}
}

/// Creates ready-to-assign devices; used by the market's benchmarks only.
pub trait DeviceFactory<AccountId> {
	/// The most devices the registry takes.
	fn max_devices() -> u32;

	/// The most cores a device can declare (and so the most tasks its record lists).
	fn max_cores() -> u16;

	/// Funds `owner`, registers `device` with `spec` and lists it as a candidate holding
	/// assignments on all its cores but one: with `max_cores` cores, the largest record
	/// a device the scheduler can still assign has (the tasks it holds do not exist).
	fn make_candidate(
		owner: &AccountId,
		device: &AccountId,
		spec: crate::DeviceSpec,
	) -> DispatchResult;
}

/// Creates tasks with devices assigned; used by verification's benchmarks only.
pub trait TaskFactory<AccountId> {
	/// The most replicas a task can have.
	fn max_replicas() -> u32;

	/// A task with `replicas` devices of distinct owners assigned and no commit yet.
	fn assigned_task(
		replicas: u32,
	) -> Result<(TaskId, alloc::vec::Vec<AccountId>), sp_runtime::DispatchError>;
}
