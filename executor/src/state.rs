//! The state of one running job: its stdin, stdout and stderr, its random stream and its
//! memory limits.

use wasmtime::ResourceLimiter;

/// Why the host stopped a job. Returned as the error of a host call or limiter, and
/// recognized when the job ends.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HostStop {
	/// The job called `proc_exit`.
	#[error("the job exited with status {0}")]
	Exit(u32),
	/// The job wrote more output than allowed.
	#[error("the job's output exceeds the limit")]
	OutputTooLarge,
	/// The job needed more memory or table space than allowed.
	#[error("the job exceeds its memory limit")]
	MemoryLimit,
	/// The job's call depth passed the logical stack limit.
	#[error("the job overflowed its stack")]
	StackOverflow,
	/// This host failed to give the job memory it was entitled to: a local failure,
	/// never a result (another host would have succeeded).
	#[error("the host failed: {0}")]
	HostFailure(String),
}

/// Block `counter` of the random stream of `seed`: `blake2_256(seed ‖ counter_le)`.
pub fn random_block(seed: &[u8; 32], counter: u64) -> [u8; 32] {
	let mut block = seed.to_vec();
	block.extend_from_slice(&counter.to_le_bytes());
	depin_primitives::output_hash(&block)
}

/// Most table elements a job may hold, over all its tables (8 MiB of references).
pub const MAX_TABLE_ELEMENTS: usize = 1 << 20;

/// State of one job.
pub struct JobState {
	/// Shared with the caller: an input of hundreds of MiB is never copied.
	stdin: std::sync::Arc<Vec<u8>>,
	stdin_pos: usize,
	stdout: Vec<u8>,
	stdout_cap: usize,
	stderr: Vec<u8>,
	stderr_cap: usize,
	random_seed: [u8; 32],
	random_counter: u64,
	random_buf: [u8; 32],
	random_used: usize,
	memory_limit: usize,
	/// Set when the limiter refused growth (a refused `memory.grow` returns -1 to the
	/// job without trapping; this makes it a deterministic `MEMORY_LIMIT` end).
	pub(crate) memory_refused: bool,
	/// Whether the memory growth under way stays within the module's own maximum: if it
	/// fails anyway, the host failed, not the module.
	growth_allowed: bool,
	/// Elements of all the job's tables.
	table_elements: usize,
}

impl JobState {
	/// A job reading `stdin`, with `max_output` bytes of stdout, `max_log` of stderr,
	/// `memory_limit` bytes of linear memory, and random bytes derived from `seed`.
	pub fn new(
		stdin: std::sync::Arc<Vec<u8>>,
		max_output: usize,
		max_log: usize,
		memory_limit: usize,
		seed: [u8; 32],
	) -> Self {
		Self {
			stdin,
			stdin_pos: 0,
			stdout: Vec::new(),
			stdout_cap: max_output,
			stderr: Vec::new(),
			stderr_cap: max_log,
			random_seed: seed,
			random_counter: 0,
			random_buf: [0; 32],
			random_used: 32,
			memory_limit,
			memory_refused: false,
			growth_allowed: false,
			table_elements: 0,
		}
	}

	/// Copies stdin into `buf`; returns the number of bytes copied (0 at the end).
	pub fn read_stdin(&mut self, buf: &mut [u8]) -> usize {
		let rest = &self.stdin[self.stdin_pos..];
		let n = rest.len().min(buf.len());
		buf[..n].copy_from_slice(&rest[..n]);
		self.stdin_pos += n;
		n
	}

	/// Appends to stdout, or stops the job when the output would exceed its limit.
	pub fn write_stdout(&mut self, bytes: &[u8]) -> Result<(), HostStop> {
		if self.stdout.len() + bytes.len() > self.stdout_cap {
			return Err(HostStop::OutputTooLarge);
		}
		self.stdout.extend_from_slice(bytes);
		Ok(())
	}

	/// Appends to stderr up to its limit; the rest is dropped.
	pub fn write_stderr(&mut self, bytes: &[u8]) {
		let room = self.stderr_cap.saturating_sub(self.stderr.len());
		self.stderr.extend_from_slice(&bytes[..bytes.len().min(room)]);
	}

	/// Fills `buf` from the job's random stream (see [`random_block`]), the same on every
	/// replica.
	pub fn fill_random(&mut self, buf: &mut [u8]) {
		for b in buf.iter_mut() {
			if self.random_used == 32 {
				self.random_buf = random_block(&self.random_seed, self.random_counter);
				self.random_counter += 1;
				self.random_used = 0;
			}
			*b = self.random_buf[self.random_used];
			self.random_used += 1;
		}
	}

	/// The output and the log.
	pub fn into_output(self) -> (Vec<u8>, Vec<u8>) {
		(self.stdout, self.stderr)
	}
}

impl ResourceLimiter for JobState {
	fn memory_growing(
		&mut self,
		_current: usize,
		desired: usize,
		maximum: Option<usize>,
	) -> anyhow::Result<bool> {
		if desired > self.memory_limit {
			self.memory_refused = true;
			return Err(HostStop::MemoryLimit.into());
		}
		// Past the module's own maximum, `memory.grow` returns -1 on every host.
		self.growth_allowed = maximum.is_none_or(|max| desired <= max);
		Ok(true)
	}

	fn memory_grow_failed(&mut self, error: anyhow::Error) -> anyhow::Result<()> {
		if self.growth_allowed {
			// The job is entitled to this memory (within its limit and the module's
			// maximum): returning -1 here only would make this host's result differ.
			return Err(HostStop::HostFailure(format!("memory growth failed: {error}")).into());
		}
		Ok(())
	}

	fn table_growing(
		&mut self,
		current: usize,
		desired: usize,
		_maximum: Option<usize>,
	) -> anyhow::Result<bool> {
		// Called for every table's initial size too: the limit is on all tables together.
		let total = self.table_elements + desired.saturating_sub(current);
		if total > MAX_TABLE_ELEMENTS {
			return Err(HostStop::MemoryLimit.into());
		}
		self.table_elements = total;
		Ok(true)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use wasmtime::ResourceLimiter;

	const PAGE: usize = 65_536;

	fn state() -> JobState {
		JobState::new(Default::default(), 0, 0, 16 * PAGE, [0; 32])
	}

	#[test]
	fn a_growth_past_the_modules_maximum_fails_the_same_everywhere() {
		let mut s = state();
		assert!(s.memory_growing(PAGE, 3 * PAGE, Some(2 * PAGE)).unwrap());
		// wasmtime refuses it and tells the limiter: -1 for the job, on every host.
		assert!(s.memory_grow_failed(anyhow::anyhow!("Memory maximum size exceeded")).is_ok());
	}

	#[test]
	fn a_growth_the_host_could_not_provide_is_a_local_failure() {
		let mut s = state();
		assert!(s.memory_growing(PAGE, 3 * PAGE, None).unwrap());
		let err = s.memory_grow_failed(anyhow::anyhow!("mmap failed")).unwrap_err();
		assert!(matches!(err.downcast_ref::<HostStop>(), Some(HostStop::HostFailure(_))));
	}

	#[test]
	fn the_table_limit_is_on_all_tables_together() {
		let mut s = state();
		assert!(s.table_growing(0, MAX_TABLE_ELEMENTS / 2, None).unwrap());
		assert!(s.table_growing(0, MAX_TABLE_ELEMENTS / 2, None).unwrap());
		let err = s.table_growing(MAX_TABLE_ELEMENTS / 2, MAX_TABLE_ELEMENTS / 2 + 1, None);
		assert!(matches!(err.unwrap_err().downcast_ref::<HostStop>(), Some(HostStop::MemoryLimit)));
	}

	#[test]
	fn a_growth_past_the_jobs_limit_is_memory_limit() {
		let mut s = state();
		let err = s.memory_growing(PAGE, 17 * PAGE, None).unwrap_err();
		assert!(matches!(err.downcast_ref::<HostStop>(), Some(HostStop::MemoryLimit)));
		assert!(s.memory_refused);
	}
}
