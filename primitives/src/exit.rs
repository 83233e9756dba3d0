//! `exit` values of a job result.
//!
//! `0..=255` is the job's own WASI exit status (`proc_exit`, or 0 when `_start` returns).
//! The values from 256 on report how the executor ended the job. Every value is
//! deterministic: replicas of one class get the same value for the same job.

/// The job used all of its fuel.
pub const OUT_OF_FUEL: u32 = 256;
/// The job trapped (`unreachable`, out-of-bounds access, division by zero, …).
pub const TRAP: u32 = 257;
/// The job tried to grow memory or tables beyond the device limit.
pub const MEMORY_LIMIT: u32 = 258;
/// The job wrote more output than `MaxOutputLen`.
pub const OUTPUT_TOO_LARGE: u32 = 259;
/// The module is not a valid job: malformed Wasm, a forbidden import, no `_start`.
pub const BAD_MODULE: u32 = 260;
/// The job exhausted the Wasm call stack (deep recursion).
pub const STACK_OVERFLOW: u32 = 261;

/// A short name of an exit value, for logs and the CLI.
pub fn describe(exit: u32) -> &'static str {
	match exit {
		0 => "success",
		1..=255 => "exited with an error status",
		OUT_OF_FUEL => "out of fuel",
		TRAP => "trapped",
		MEMORY_LIMIT => "memory limit",
		OUTPUT_TOO_LARGE => "output too large",
		BAD_MODULE => "bad module",
		STACK_OVERFLOW => "stack overflow",
		_ => "unknown",
	}
}
