//! When each assignment waiting for a slot was first seen, for the queue-wait metric.

use std::{
	collections::HashMap,
	sync::Mutex,
	time::{Duration, Instant},
};

use depin_client::primitives::TaskId;

/// Most assignments remembered; beyond it the oldest sightings are forgotten (a task
/// reassigned elsewhere is never started here, and nothing else removes it).
const MAX_WAITING: usize = 4096;

/// First sightings of assignments not started yet.
#[derive(Default)]
pub struct Waiting(Mutex<HashMap<TaskId, Instant>>);

impl Waiting {
	/// Notes that `task` waits (from now, unless it already did).
	pub fn seen(&self, task: TaskId) {
		let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
		if map.len() >= MAX_WAITING && !map.contains_key(&task) {
			let cutoff = map.values().copied().min();
			map.retain(|_, t| Some(*t) != cutoff);
		}
		map.entry(task).or_insert_with(Instant::now);
	}

	/// `task` no longer waits: how long it did, if it was seen.
	pub fn done(&self, task: TaskId) -> Option<Duration> {
		self.0.lock().unwrap_or_else(|e| e.into_inner()).remove(&task).map(|t| t.elapsed())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_wait_counts_from_the_first_sighting_and_is_bounded() {
		let w = Waiting::default();
		w.seen(1);
		std::thread::sleep(Duration::from_millis(20));
		w.seen(1);
		assert!(w.done(1).unwrap() >= Duration::from_millis(20));
		assert_eq!(w.done(1), None);
		for task in 0..(MAX_WAITING as u64 + 10) {
			w.seen(task);
		}
		assert!(w.0.lock().unwrap().len() <= MAX_WAITING);
	}
}
