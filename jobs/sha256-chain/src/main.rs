//! `sha256-chain`: hashes its input with SHA-256 N times.
//!
//! Input: the iteration count N on the first line, then the data (the rest of the input).
//! Output: the final digest in hex and a newline.

use sha2::{Digest, Sha256};

fn main() {
	let input = job_io::input();
	let split = input.iter().position(|&b| b == b'\n').unwrap_or(input.len());
	let rounds: u64 = std::str::from_utf8(&input[..split])
		.ok()
		.and_then(|s| s.trim().parse().ok())
		.unwrap_or_else(|| job_io::fail("the first line must be the number of rounds"));
	let data = input.get(split + 1..).unwrap_or(&[]);
	let mut digest: [u8; 32] = Sha256::digest(data).into();
	for _ in 1..rounds {
		digest = Sha256::digest(digest).into();
	}
	let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
	job_io::output(format!("{hex}\n").as_bytes());
}
