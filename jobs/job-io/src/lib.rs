//! What every example job needs: its whole stdin, whitespace-separated numbers, a clean
//! exit with a message on bad input, and a random seed (from the job's seeded WASI stream
//! on devices; from `DEPIN_JOB_SEED` natively, so native runs can reproduce a task).

use std::io::{Read, Write};

pub mod text;

/// Reads all of stdin.
pub fn input() -> Vec<u8> {
	let mut buf = Vec::new();
	if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
		fail(&format!("cannot read input: {e}"));
	}
	buf
}

/// Stops the job with exit status 2 and `message` on stderr.
pub fn fail(message: &str) -> ! {
	eprintln!("error: {message}");
	std::process::exit(2)
}

/// The input as whitespace-separated tokens.
pub fn tokens(input: &[u8]) -> Vec<&str> {
	match std::str::from_utf8(input) {
		Ok(s) => s.split_whitespace().collect(),
		Err(_) => fail("input is not UTF-8 text"),
	}
}

/// Parses token `i` as `T`, or fails with `what`.
pub fn number<T: std::str::FromStr>(tokens: &[&str], i: usize, what: &str) -> T {
	tokens
		.get(i)
		.and_then(|t| t.parse().ok())
		.unwrap_or_else(|| fail(&format!("expected {what} at position {}", i + 1)))
}

/// Writes `bytes` to stdout.
pub fn output(bytes: &[u8]) {
	let mut out = std::io::stdout().lock();
	if out.write_all(bytes).and_then(|_| out.flush()).is_err() {
		std::process::exit(3);
	}
}

#[cfg(target_os = "wasi")]
#[link(wasm_import_module = "wasi_snapshot_preview1")]
extern "C" {
	#[link_name = "random_get"]
	fn wasi_random_get(buf: *mut u8, len: usize) -> u16;
}

/// 32 bytes of the job's random stream (the same on every replica of a task).
pub fn seed() -> [u8; 32] {
	let mut seed = [0u8; 32];
	#[cfg(target_os = "wasi")]
	{
		// SAFETY: the host writes exactly `len` bytes into the buffer.
		let errno = unsafe { wasi_random_get(seed.as_mut_ptr(), seed.len()) };
		if errno != 0 {
			fail("random_get failed");
		}
	}
	#[cfg(not(target_os = "wasi"))]
	{
		let hex = std::env::var("DEPIN_JOB_SEED")
			.unwrap_or_else(|_| fail("set DEPIN_JOB_SEED (64 hex digits) to run natively"));
		for (i, byte) in seed.iter_mut().enumerate() {
			*byte = hex
				.get(2 * i..2 * i + 2)
				.and_then(|h| u8::from_str_radix(h, 16).ok())
				.unwrap_or_else(|| fail("DEPIN_JOB_SEED must be 64 hex digits"));
		}
	}
	seed
}

/// A small, fast, deterministic generator (xoshiro256**).
pub struct Rng([u64; 4]);

impl Rng {
	/// Seeded from 32 bytes.
	pub fn new(seed: [u8; 32]) -> Self {
		let mut s = [0u64; 4];
		for (i, w) in s.iter_mut().enumerate() {
			*w = u64::from_le_bytes(seed[8 * i..8 * i + 8].try_into().unwrap_or([0; 8]));
		}
		if s == [0; 4] {
			s[0] = 1;
		}
		Self(s)
	}

	/// The next 64 random bits.
	pub fn next_u64(&mut self) -> u64 {
		let s = &mut self.0;
		let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
		let t = s[1] << 17;
		s[2] ^= s[0];
		s[3] ^= s[1];
		s[1] ^= s[2];
		s[0] ^= s[3];
		s[2] ^= t;
		s[3] = s[3].rotate_left(45);
		result
	}

	/// A float in [0, 1).
	pub fn next_f64(&mut self) -> f64 {
		(self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
	}
}
