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

/// The market's counters and cursors, kept in one value: a submission, an assignment or the
/// end of a task moves several of them at once, and one value is one storage write.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct MarketCounters<BlockNumber> {
	/// Id of the next task.
	pub next_task_id: TaskId,
	/// Position of the queue's head.
	pub queue_head: u32,
	/// Position after the queue's tail.
	pub queue_tail: u32,
	/// The earliest block of the timer wheel whose timers may not all have fired yet.
	pub timer_cursor: Option<BlockNumber>,
	/// Head and tail (one past the last item) of the reveal-deadline line.
	pub reveal_line: (u32, u32),
	/// Head and tail (one past the last item) of the prune line.
	pub prune_line: (u32, u32),
	/// Number of stored tasks in each state.
	pub tasks: depin_primitives::TaskCounts,
}

impl<BlockNumber> MarketCounters<BlockNumber> {
	/// Head and tail of `line`.
	pub fn line(&self, line: Line) -> (u32, u32) {
		match line {
			Line::RevealDeadline => self.reveal_line,
			Line::Prune => self.prune_line,
		}
	}

	/// Head and tail of `line`, to change.
	pub fn line_mut(&mut self, line: Line) -> &mut (u32, u32) {
		match line {
			Line::RevealDeadline => &mut self.reveal_line,
			Line::Prune => &mut self.prune_line,
		}
	}

	/// Tasks in the queue.
	pub fn queue_len(&self) -> u32 {
		self.queue_tail.wrapping_sub(self.queue_head)
	}
}
