//! The device's memory, shared by the jobs it runs at once: a job starts only when the
//! memory its task may use is free, so concurrent jobs never ask the host for more than
//! the device offers (the chain checks each task against the device, not their sum).

use std::sync::Arc;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Memory in MiB, taken by running jobs and given back when they end.
#[derive(Clone, Debug)]
pub struct MemoryBudget {
	free: Arc<Semaphore>,
	total: u32,
}

impl MemoryBudget {
	/// A budget of `total_mib`.
	pub fn new(total_mib: u32) -> Self {
		Self { free: Arc::new(Semaphore::new(total_mib as usize)), total: total_mib }
	}

	/// Takes `mib` for a job now, or `None` while running jobs hold too much of it. A job
	/// asking more than the whole budget takes all of it (the chain gave it to this device,
	/// so the device offers at least that much).
	pub fn try_take(&self, mib: u32) -> Option<OwnedSemaphorePermit> {
		self.free.clone().try_acquire_many_owned(mib.min(self.total)).ok()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn jobs_share_the_devices_memory() {
		let budget = MemoryBudget::new(1024);
		let a = budget.try_take(512).expect("free");
		let b = budget.try_take(512).expect("free");
		assert!(budget.try_take(1).is_none(), "all taken");
		drop(a);
		assert!(budget.try_take(600).is_none(), "512 free");
		assert!(budget.try_take(512).is_some());
		drop(b);
		assert!(budget.try_take(4096).is_some(), "at most the whole budget");
	}
}
