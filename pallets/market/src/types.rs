//! Types of the market's storage.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use depin_primitives::{TaskId, TaskInfo};
use frame_support::traits::fungible;
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

use crate::pallet::Config;

/// Balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A task as stored.
pub type TaskOf<T> = TaskInfo<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxSlots,
>;

/// A timer as stored.
pub type TimerOf<T> = Timer<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

/// Something that must happen at a block.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub enum Timer<AccountId, BlockNumber> {
	/// The task's deadline: expire it unless it is finished.
	TaskDeadline(TaskId),
	/// The device assigned at `assigned_at` must have committed by now.
	CommitDeadline {
		/// The task.
		task: TaskId,
		/// The device.
		device: AccountId,
		/// When it was assigned (a later reassignment of the same device is a new timer).
		assigned_at: BlockNumber,
	},
	/// The end of a reveal window of the task.
	RevealDeadline {
		/// The task.
		task: TaskId,
		/// The window's last block, as recorded in the task (an escalation opens a new
		/// window; the old timer then finds a different deadline and does nothing).
		deadline: BlockNumber,
	},
	/// Remove the finished task from storage.
	Prune(TaskId),
}

/// A FIFO timer line: each adds a constant delay to the block an item is added in, so its
/// items fall due in order.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Line {
	/// Ends of reveal windows (`RevealWindow` after the last commit).
	RevealDeadline,
	/// Removal of finished tasks (`TaskRetention` after they finish).
	Prune,
}
