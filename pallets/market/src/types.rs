//! Types of the market's storage.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use depin_primitives::{TaskId, TaskInfo, PRICE_LEVELS};
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
	/// The device assigned at `assigned_at` must have committed by now. (One per device,
	/// as earlier runtimes scheduled them; still fired. The scheduler now schedules
	/// `StepCommitDeadline`.)
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
	/// The devices given slots of the task at `assigned_at` must have committed by their
	/// commit deadlines: each one still uncommitted whose deadline has come is released.
	/// One per scheduling step and commit deadline (a step's devices share one when they
	/// run at the same speed), so the wheel holds a timer per step, not per device.
	StepCommitDeadline {
		/// The task.
		task: TaskId,
		/// When the step gave the slots.
		assigned_at: BlockNumber,
	},
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

/// The FIFO of one price level of the queue.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct LevelQueue {
	/// Position of the head.
	pub head: u32,
	/// Position after the tail.
	pub tail: u32,
	/// Tasks in the level: the positions between head and tail, less the holes a task
	/// left when its bid was raised into another level.
	pub len: u32,
}

impl LevelQueue {
	/// Positions between head and tail, holes included.
	pub fn span(&self) -> u32 {
		self.tail.wrapping_sub(self.head)
	}
}

/// The queue's price levels, lowest first (see [`depin_primitives::price_level`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct QueueLevels(pub [LevelQueue; PRICE_LEVELS]);

impl Default for QueueLevels {
	fn default() -> Self {
		Self([LevelQueue::default(); PRICE_LEVELS])
	}
}

impl QueueLevels {
	/// Level `level`.
	pub fn get(&self, level: u8) -> &LevelQueue {
		&self.0[(level as usize).min(PRICE_LEVELS - 1)]
	}

	/// Level `level`, to change.
	pub fn get_mut(&mut self, level: u8) -> &mut LevelQueue {
		&mut self.0[(level as usize).min(PRICE_LEVELS - 1)]
	}
}

/// Replicas assigned per price level in the current era and the one before: the market's
/// clearing prices (written by the scheduler, at most once per block).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct ClearingCounts {
	/// The era of `current`.
	pub era: u32,
	/// Replicas assigned per level in `era`.
	pub current: [u32; PRICE_LEVELS],
	/// Replicas assigned per level in the era before `era`.
	pub last: [u32; PRICE_LEVELS],
}

impl Default for ClearingCounts {
	fn default() -> Self {
		Self { era: 0, current: [0; PRICE_LEVELS], last: [0; PRICE_LEVELS] }
	}
}

impl ClearingCounts {
	/// Counts `replicas` assigned at `level` in `era`; a new era moves the current counts
	/// to `last` (or clears both after a gap).
	pub fn record(&mut self, era: u32, level: u8, replicas: u32) {
		if era != self.era {
			self.last =
				if era == self.era.saturating_add(1) { self.current } else { [0; PRICE_LEVELS] };
			self.current = [0; PRICE_LEVELS];
			self.era = era;
		}
		let count = &mut self.current[(level as usize).min(PRICE_LEVELS - 1)];
		*count = count.saturating_add(replicas);
	}

	/// The counts of the era before `era`, as seen in `era`.
	pub fn last_of(&self, era: u32) -> [u32; PRICE_LEVELS] {
		if era == self.era {
			self.last
		} else if era == self.era.saturating_add(1) {
			self.current
		} else {
			[0; PRICE_LEVELS]
		}
	}

	/// The level of the median replica in `counts`, if any.
	pub fn median(counts: &[u32; PRICE_LEVELS]) -> Option<u8> {
		let total: u64 = counts.iter().map(|c| *c as u64).sum();
		if total == 0 {
			return None;
		}
		let mut seen = 0u64;
		for (level, count) in counts.iter().enumerate() {
			seen += *count as u64;
			if 2 * seen >= total {
				return Some(level as u8);
			}
		}
		None
	}
}

/// The market's counters and cursors, kept in one value: a submission, an assignment or the
/// end of a task moves several of them at once, and one value is one storage write.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct MarketCounters<BlockNumber> {
	/// Id of the next task.
	pub next_task_id: TaskId,
	/// The queue: one FIFO per price level.
	pub queue: QueueLevels,
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
		self.queue.0.iter().fold(0u32, |n, l| n.saturating_add(l.len))
	}
}
