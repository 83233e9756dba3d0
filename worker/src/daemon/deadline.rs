//! How long a job may run: long enough for its fuel at the device's speed, and never past
//! the moment its commitment can still reach a block before the slot's commit deadline.
//! A job that cannot finish in time is better declined (a small fee) than left to miss
//! the deadline (a slash); and a job given up on is declined at once if it comes back.

use std::time::{Duration, Instant};

/// Blocks kept for a commitment (or a decline) to be included: submitted while block
/// `n` is the best, it lands in `n + 1` at the earliest, and the commit deadline's own
/// block is already too late; one more block for a busy transaction pool.
pub const COMMIT_BLOCKS: u32 = 3;
/// Shortest wall-clock limit granted for the fuel a job may burn.
const MIN_FUEL_LIMIT: Duration = Duration::from_secs(60);
/// The fuel limit allows this many times the time the declared speed needs.
const FUEL_LIMIT_FACTOR: u64 = 10;

/// Measures the chain's block interval from the blocks the worker sees.
#[derive(Debug, Default)]
pub struct BlockClock {
	last: Option<(u32, Instant)>,
	interval: Option<Duration>,
}

impl BlockClock {
	/// Records that block `number` was seen at `at`.
	pub fn observe(&mut self, number: u32, at: Instant) {
		if let Some((last, seen)) = self.last {
			if number <= last {
				return;
			}
			let blocks = number - last;
			let sample = at.saturating_duration_since(seen) / blocks;
			// A moving average that follows a change of pace within a few blocks.
			self.interval = Some(match self.interval {
				Some(avg) => (avg * 3 + sample) / 4,
				None => sample,
			});
		}
		self.last = Some((number, at));
	}

	/// The measured block interval, once two blocks were seen.
	pub fn interval(&self) -> Option<Duration> {
		self.interval
	}
}

/// Why a job gets no time at all.
#[derive(Debug, PartialEq, Eq)]
pub struct TooLate {
	/// The slot's commit deadline.
	pub deadline: u32,
	/// The best block when the job would start.
	pub best: u32,
}

/// The wall-clock limit of a job of `max_fuel` on a device of `fuel_per_second`, whose
/// commitment must be in a block before `deadline`, with `best` the best block and
/// `interval` the measured block interval (unknown at start: then only the fuel limit
/// applies). `Err` when no commitment made from now on can be in time.
pub fn wall_limit(
	max_fuel: u64,
	fuel_per_second: u64,
	deadline: u32,
	best: u32,
	interval: Option<Duration>,
) -> Result<Duration, TooLate> {
	let seconds = FUEL_LIMIT_FACTOR.saturating_mul(max_fuel) / fuel_per_second.max(1);
	let fuel_limit = Duration::from_secs(seconds).max(MIN_FUEL_LIMIT);
	let blocks_left = deadline.saturating_sub(best.saturating_add(COMMIT_BLOCKS));
	if blocks_left == 0 {
		return Err(TooLate { deadline, best });
	}
	Ok(match interval {
		Some(interval) => fuel_limit.min(interval * blocks_left),
		None => fuel_limit,
	})
}

/// Most tasks [`GaveUp`] remembers; the oldest is forgotten first.
const GAVE_UP_MAX: usize = 1024;

/// The tasks whose jobs this worker gave up on (too slow, too late, or the host failed),
/// most recent last, at most [`GAVE_UP_MAX`].
#[derive(Debug, Default)]
pub struct GaveUp(std::collections::VecDeque<u64>);

impl GaveUp {
	/// Remembers `task`.
	pub fn insert(&mut self, task: u64) {
		if self.contains(task) {
			return;
		}
		if self.0.len() == GAVE_UP_MAX {
			self.0.pop_front();
		}
		self.0.push_back(task);
	}

	/// Whether the worker gave up on `task`.
	pub fn contains(&self, task: u64) -> bool {
		self.0.contains(&task)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn given_up_tasks_are_remembered_up_to_a_bound() {
		let mut gave_up = GaveUp::default();
		for task in 0..GAVE_UP_MAX as u64 + 1 {
			gave_up.insert(task);
			gave_up.insert(task);
		}
		assert!(!gave_up.contains(0), "the oldest is forgotten");
		assert!(gave_up.contains(1) && gave_up.contains(GAVE_UP_MAX as u64));
		assert_eq!(gave_up.0.len(), GAVE_UP_MAX);
	}

	#[test]
	fn the_clock_follows_the_block_interval() {
		let mut clock = BlockClock::default();
		let t0 = Instant::now();
		assert_eq!(clock.interval(), None);
		clock.observe(10, t0);
		assert_eq!(clock.interval(), None, "one block says nothing");
		clock.observe(12, t0 + Duration::from_secs(12));
		assert_eq!(clock.interval(), Some(Duration::from_secs(6)), "two blocks in 12 s");
		clock.observe(12, t0 + Duration::from_secs(20));
		assert_eq!(clock.interval(), Some(Duration::from_secs(6)), "a repeated head is ignored");
		clock.observe(13, t0 + Duration::from_secs(14));
		assert_eq!(clock.interval(), Some(Duration::from_millis(5_000)), "(3 × 6 + 2) / 4");
	}

	#[test]
	fn a_job_never_runs_past_the_time_its_commitment_needs() {
		let second = Some(Duration::from_secs(1));
		// 10⁹ fuel at 10⁹ fuel/s: 10 s by fuel, at least 60 s.
		assert_eq!(wall_limit(1_000_000_000, 1_000_000_000, 1_000, 100, None), Ok(MIN_FUEL_LIMIT));
		// 30 blocks of 1 s left, less the three kept for the commitment.
		assert_eq!(
			wall_limit(1_000_000_000, 1_000_000_000, 130, 100, second),
			Ok(Duration::from_secs(27))
		);
		// Plenty of blocks: the fuel limit.
		assert_eq!(
			wall_limit(100_000_000_000, 1_000_000_000, 10_000, 100, second),
			Ok(Duration::from_secs(1_000))
		);
		// The commitment could not be in time: decline instead of running.
		assert_eq!(
			wall_limit(1, 1_000_000_000, 103, 100, second),
			Err(TooLate { deadline: 103, best: 100 })
		);
		assert!(wall_limit(1, 1_000_000_000, 104, 100, second).is_ok(), "one block left");
		assert!(wall_limit(1, 1, 50, 100, None).is_err(), "deadline already passed");
	}
}
