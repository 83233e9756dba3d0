//! Programs and tasks: what a dApp submits and how a task moves through its lifecycle.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{traits::Get, BoundedVec};

use crate::{ExecResult, ProgramId};

/// A stored program.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ProgramInfo<AccountId, Balance, BlockNumber> {
	/// Who uploaded it and holds its deposit.
	pub owner: AccountId,
	/// Code length in bytes.
	pub len: u32,
	/// Deposit on hold for its storage.
	#[cfg_attr(
		feature = "std",
		serde(with = "crate::serde_decimal", bound = "Balance: crate::Decimal")
	)]
	pub deposit: Balance,
	/// Block of upload.
	pub uploaded_at: BlockNumber,
	/// Tasks using it that are not finished; it cannot be removed while non-zero.
	pub open_tasks: u32,
}

/// What a dApp asks for when it submits a task.
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct TaskParams<Balance> {
	/// Fuel limit of one run.
	pub max_fuel: u64,
	/// Price of one unit of fuel, paid to each device with a verified result.
	#[cfg_attr(
		feature = "std",
		serde(with = "crate::serde_decimal", bound = "Balance: crate::Decimal")
	)]
	pub fuel_price: Balance,
	/// Devices that run the task independently (1..=MaxReplicas).
	pub replicas: u8,
	/// Memory limit of the job, in MiB: the same on every replica (so running out of it
	/// is deterministic); only devices offering at least this much are assigned.
	pub memory_mib: u32,
	/// Blocks after submission by which the task must be verified, or it expires.
	pub deadline: u32,
	/// Run in portable mode (NaN canonicalization) so devices of any determinism class can
	/// be compared; otherwise all replicas come from one class and run at native speed.
	pub portable: bool,
}

/// Lifecycle state of a task.
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub enum TaskState {
	/// Waiting for devices.
	Queued,
	/// Every slot has a device; nobody has committed yet.
	Assigned,
	/// Some devices have committed.
	Committing,
	/// Every device committed; reveals are being collected.
	Revealing,
	/// A quorum of identical results was revealed (final).
	Verified,
	/// No quorum even after escalation; escrow refunded (final).
	Failed,
	/// The deadline passed first; escrow refunded (final).
	Expired,
	/// Cancelled by the submitter before any device took a slot; escrow refunded (final).
	Cancelled,
}

impl TaskState {
	/// Whether the task has reached a final state.
	pub fn is_final(self) -> bool {
		matches!(self, Self::Verified | Self::Failed | Self::Expired | Self::Cancelled)
	}
}

/// One replica slot of a task that a device holds.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Slot<AccountId, BlockNumber> {
	/// The device.
	pub device: AccountId,
	/// Its owner (paid for its verified work; replicas never share an owner).
	pub owner: AccountId,
	/// When it was assigned.
	pub assigned_at: BlockNumber,
	/// Its commit deadline: the commitment must be in an earlier block. The assignment
	/// block plus the base `CommitTimeout` plus the time the device's declared speed needs
	/// for `max_fuel`.
	pub commit_by: BlockNumber,
	/// Whether it committed.
	pub committed: bool,
}

/// A task.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
#[cfg_attr(
	feature = "std",
	serde(bound(
		serialize = "AccountId: serde::Serialize, Balance: serde::Serialize, BlockNumber: serde::Serialize",
		deserialize = "AccountId: serde::Deserialize<'de>, Balance: serde::Deserialize<'de>, BlockNumber: serde::Deserialize<'de>"
	))
)]
#[scale_info(skip_type_params(MaxSlots))]
pub struct TaskInfo<AccountId, Balance, BlockNumber, MaxSlots: Get<u32>> {
	/// Who submitted (and pays for) the task.
	pub submitter: AccountId,
	/// The program to run.
	#[cfg_attr(feature = "std", serde(with = "crate::serde_hex"))]
	pub program: ProgramId,
	/// The submitter's parameters.
	pub params: TaskParams<Balance>,
	/// Lifecycle state.
	pub state: TaskState,
	/// Escrow still on hold for this task.
	#[cfg_attr(
		feature = "std",
		serde(with = "crate::serde_decimal", bound = "Balance: crate::Decimal")
	)]
	pub escrow: Balance,
	/// Storage deposit on hold for the task and its input, returned when the task is
	/// pruned (forfeited if the task is abandoned after repeated faults).
	#[cfg_attr(
		feature = "std",
		serde(with = "crate::serde_decimal", bound = "Balance: crate::Decimal")
	)]
	pub deposit: Balance,
	/// Paid to devices so far.
	#[cfg_attr(
		feature = "std",
		serde(with = "crate::serde_decimal", bound = "Balance: crate::Decimal")
	)]
	pub paid: Balance,
	/// Block of submission.
	pub submitted_at: BlockNumber,
	/// Last block at which the task can still be verified.
	pub deadline_at: BlockNumber,
	/// Devices holding a slot now.
	pub slots: BoundedVec<Slot<AccountId, BlockNumber>, MaxSlots>,
	/// Slots waiting for a device.
	pub open_slots: u8,
	/// Replicas added because no quorum was reached.
	pub escalations: u8,
	/// Slots given up on this task: commit timeouts and declines. The task is abandoned
	/// when it reaches the market's `MaxTaskFaults`.
	pub faults: u8,
	/// Last block of the reveal window, while revealing.
	pub reveal_deadline: Option<BlockNumber>,
	/// What every replica shares, set by the first assignment: the determinism class for
	/// a task that is not portable, the executor version for a portable one (fuel costs
	/// differ between versions, so replicas of different versions would disagree).
	pub class: Option<crate::DeterminismClass>,
	/// The verified result, once there is one.
	pub result: Option<ExecResult>,
	/// Block at which the task reached its final state.
	pub finished_at: Option<BlockNumber>,
	/// Blocks a device is given to fetch the task's stored input, on top of its execution
	/// time (0 for an inline input).
	pub transfer_blocks: u32,
}

/// Identical results needed to verify a task with `replicas` replicas: a strict majority.
pub fn quorum(replicas: u32) -> u32 {
	replicas / 2 + 1
}

/// Whether revealing `result`, after `revealed`, completes the quorum of a task of
/// `replicas` (the reveal that may carry the output).
pub fn completes_quorum(
	revealed: &[crate::ExecResult],
	replicas: u32,
	result: &crate::ExecResult,
) -> bool {
	let agreeing = revealed.iter().filter(|r| *r == result).count() as u32;
	agreeing.saturating_add(1) == quorum(replicas)
}

impl<AccountId: PartialEq, Balance, BlockNumber, MaxSlots: Get<u32>>
	TaskInfo<AccountId, Balance, BlockNumber, MaxSlots>
{
	/// The slot `device` holds, if any.
	pub fn slot_of(&self, device: &AccountId) -> Option<&Slot<AccountId, BlockNumber>> {
		self.slots.iter().find(|s| &s.device == device)
	}

	/// Total replicas asked for so far (slots held plus open).
	pub fn replicas(&self) -> u32 {
		self.slots.len() as u32 + self.open_slots as u32
	}

	/// Whether every held slot has committed and no slot is open.
	pub fn all_committed(&self) -> bool {
		self.open_slots == 0 && self.slots.iter().all(|s| s.committed)
	}

	/// Slots whose device committed.
	pub fn committed(&self) -> u32 {
		self.slots.iter().filter(|s| s.committed).count() as u32
	}
}
