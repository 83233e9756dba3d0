//! The `DepinApi` runtime API: everything clients read about devices, tasks and programs.
//! Any Substrate client calls it through `state_call`; the node's `depin_*` JSON-RPC
//! methods are a thin layer over it.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;

use crate::{ExecResult, ProgramId, Slot, TaskId, TaskParams, TaskState};
// Used by the `DepinApi` declaration only.
#[cfg(feature = "runtime-api")]
use {crate::DeviceInfo, codec::Codec};

/// What a device has to do for one of its assignments.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum AssignmentPhase {
	/// Run the job and commit to the result.
	Commit,
	/// Committed; waiting for the other replicas to commit.
	WaitingForOthers,
	/// Reveal the committed result.
	Reveal,
	/// Revealed; waiting for the decision.
	Revealed,
	/// Revealed a result that has a quorum: publish its output
	/// (`verification.publish_output`), which verifies the task and settles its devices.
	/// One device is `designated` to publish first; the others publish if it has not
	/// after a short grace (the first publication wins, later ones fail and pay a fee).
	Publish {
		/// Whether this device is the one asked to publish first.
		designated: bool,
	},
}

/// One assignment of a device, with everything needed to run it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct AssignmentView<BlockNumber> {
	/// The task.
	pub task: TaskId,
	/// The program to run.
	#[cfg_attr(feature = "std", serde(with = "crate::serde_hex"))]
	pub program: ProgramId,
	/// The task input (the job's stdin).
	#[cfg_attr(feature = "std", serde(with = "crate::serde_hex"))]
	pub input: Vec<u8>,
	/// Fuel limit.
	pub max_fuel: u64,
	/// Memory limit of the job, in MiB.
	pub memory_mib: u32,
	/// Whether to run in portable (NaN-canonicalizing) mode.
	pub portable: bool,
	/// What the device has to do now.
	pub phase: AssignmentPhase,
	/// Last block for the current phase's answer (commit or reveal).
	pub deadline: BlockNumber,
	/// Replicas the task asks for now (its quorum is `replicas / 2 + 1`).
	pub replicas: u32,
	/// In the reveal phase, the results revealed so far: a device whose reveal completes a
	/// quorum attaches its output to it, which verifies the task at once. Empty otherwise.
	pub revealed: Vec<crate::ExecResult>,
}

impl<BlockNumber> AssignmentView<BlockNumber> {
	/// Whether revealing `result` now completes the task's quorum (see
	/// [`crate::completes_quorum`]).
	pub fn completes_quorum(&self, result: &ExecResult) -> bool {
		crate::completes_quorum(&self.revealed, self.replicas, result)
	}
}

/// Verification progress of a task.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct VerificationView<BlockNumber> {
	/// Commitments received.
	pub commits: u32,
	/// Reveals received.
	pub reveals: u32,
	/// End of the reveal window, while revealing.
	pub reveal_deadline: Option<BlockNumber>,
}

/// A task as clients see it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct TaskView<AccountId, Balance, BlockNumber> {
	/// The task id.
	pub id: TaskId,
	/// Who submitted it.
	pub submitter: AccountId,
	/// The program.
	#[cfg_attr(feature = "std", serde(with = "crate::serde_hex"))]
	pub program: ProgramId,
	/// Submitted parameters.
	pub params: TaskParams<Balance>,
	/// Lifecycle state.
	pub state: TaskState,
	/// Escrow still on hold.
	#[cfg_attr(
		feature = "std",
		serde(with = "crate::serde_decimal", bound = "Balance: crate::Decimal")
	)]
	pub escrow: Balance,
	/// Paid to devices so far.
	#[cfg_attr(
		feature = "std",
		serde(with = "crate::serde_decimal", bound = "Balance: crate::Decimal")
	)]
	pub paid: Balance,
	/// Block of submission.
	pub submitted_at: BlockNumber,
	/// Last block at which it can be verified.
	pub deadline_at: BlockNumber,
	/// Devices holding a slot.
	pub slots: Vec<Slot<AccountId, BlockNumber>>,
	/// Slots waiting for a device.
	pub open_slots: u8,
	/// Replicas added for lack of quorum.
	pub escalations: u8,
	/// The verified result.
	pub result: Option<ExecResult>,
	/// Whether the verified output bytes are stored (see `output`).
	pub has_output: bool,
	/// Block at which it reached its final state.
	pub finished_at: Option<BlockNumber>,
	/// Verification progress.
	pub verification: VerificationView<BlockNumber>,
}

/// Number of tasks in each state (final states count until the task is pruned).
#[derive(
	Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo, codec::MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct TaskCounts {
	/// Waiting for devices.
	pub queued: u32,
	/// All slots held, no commit yet.
	pub assigned: u32,
	/// Commits arriving.
	pub committing: u32,
	/// Reveals arriving.
	pub revealing: u32,
	/// Verified (until pruned).
	pub verified: u32,
	/// Failed (until pruned).
	pub failed: u32,
	/// Expired (until pruned).
	pub expired: u32,
	/// Cancelled (until pruned).
	pub cancelled: u32,
}

/// Network-wide numbers.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Stats {
	/// Registered devices.
	pub devices: u32,
	/// Devices in the scheduler's index (active, heartbeat seen recently).
	pub candidates: u32,
	/// Stored programs.
	pub programs: u32,
	/// Tasks ever submitted.
	pub tasks_submitted: u64,
	/// Tasks by state.
	pub tasks: TaskCounts,
	/// Minted as era rewards, ever (smallest unit).
	#[cfg_attr(feature = "std", serde(with = "crate::serde_decimal"))]
	pub minted: u128,
	/// Slashed from bonds and burned, ever (smallest unit).
	#[cfg_attr(feature = "std", serde(with = "crate::serde_decimal"))]
	pub slashed: u128,
}

/// The era rewards of an account.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct RewardsView<Balance, BlockNumber> {
	/// Claimable now (closed eras).
	#[cfg_attr(
		feature = "std",
		serde(with = "crate::serde_decimal", bound = "Balance: crate::Decimal")
	)]
	pub claimable: Balance,
	/// Compute points earned in the current era.
	pub era_points: u64,
	/// The current era.
	pub era: u32,
	/// Block at which the current era ends.
	pub era_ends_at: BlockNumber,
}

/// Most items one paged query returns.
pub const MAX_PAGE: u32 = 100;
/// Most entries one paged query looks at (a filtered query may return fewer items than
/// asked for, with `next` set, after looking at this many).
pub const MAX_PAGE_SCAN: u32 = 1_000;

/// One page of a listing: its items, and where the next page starts (`None`: the end).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub struct Page<Item, Cursor> {
	/// The items, in the listing's order.
	pub items: Vec<Item>,
	/// The cursor to pass for the next page.
	pub next: Option<Cursor>,
}

// The declaration needs `sp-api` (feature `runtime-api`, which the runtime and the node
// enable); clients read the API through `state_call` with the types above and build
// without it.
#[cfg(feature = "runtime-api")]
sp_api::decl_runtime_apis! {
	/// Queries of the DePIN compute chain. Version 2 added the paged listings (`tasks`,
	/// `devices`, `queue`), version 3 the market's prices (`market`), version 4 stored
	/// inputs and outputs (`stored_input`, `output_limit`).
	#[api_version(4)]
	pub trait DepinApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// A registered device.
		fn device(device: AccountId) -> Option<DeviceInfo<AccountId, Balance, BlockNumber>>;
		/// The open assignments of a device, oldest first.
		fn assignments(device: AccountId) -> Vec<AssignmentView<BlockNumber>>;
		/// A task.
		fn task(task: TaskId) -> Option<TaskView<AccountId, Balance, BlockNumber>>;
		/// The code of a program.
		fn program(program: ProgramId) -> Option<Vec<u8>>;
		/// The verified output bytes of a task, when a revealer attached them.
		fn output(task: TaskId) -> Option<Vec<u8>>;
		/// Network-wide numbers.
		fn stats() -> Stats;
		/// The era rewards of an account (a device owner).
		fn rewards(account: AccountId) -> RewardsView<Balance, BlockNumber>;
		/// Tasks newest first, with ids below `before` (from the newest if `None`), at most
		/// `limit` (≤ [`MAX_PAGE`]); with `submitter`, only that account's. Looks at
		/// [`MAX_PAGE_SCAN`] ids at most; `next` is the `before` of the next page.
		fn tasks(
			submitter: Option<AccountId>,
			before: Option<TaskId>,
			limit: u32,
		) -> Page<TaskView<AccountId, Balance, BlockNumber>, TaskId>;
		/// Registered devices with their accounts, after `after` in the registry's order, at
		/// most `limit` (≤ [`MAX_PAGE`]); with `owner`, only that owner's. `next` is the
		/// `after` of the next page.
		fn devices(
			owner: Option<AccountId>,
			after: Option<AccountId>,
			limit: u32,
		) -> Page<(AccountId, DeviceInfo<AccountId, Balance, BlockNumber>), AccountId>;
		/// The task queue from position `start` (0: its head), at most `limit` (≤
		/// [`MAX_PAGE`]) task ids; `next` is the `start` of the next page.
		fn queue(start: u32, limit: u32) -> Page<TaskId, u32>;
		/// The market by price level: queued bids, listed asks, and the last era's
		/// median clearing price.
		fn market() -> crate::MarketView<Balance>;
		/// The blob a task reads instead of an inline input (its assignments then carry
		/// an empty `input`), if it has one.
		#[api_version(4)]
		fn stored_input(task: TaskId) -> Option<crate::BlobRef>;
		/// The most bytes a task's output may have when it is a blob (the task's result
		/// then names the blob's manifest, and the output kept in state is that manifest);
		/// `None` for an output kept in state.
		#[api_version(4)]
		fn output_limit(task: TaskId) -> Option<u64>;
	}
}
