//! Test data: bytes that do not repeat within any chunk-sized span, so that every chunk of
//! a generated file is its own (a pattern of period 256 would make chunks equal).

/// `len` pseudo-random bytes from `seed` (xorshift64).
pub fn pseudo_random_bytes(len: usize, seed: u64) -> Vec<u8> {
	let mut state = 0x2545_f491_4f6c_dd1d ^ seed;
	(0..len)
		.map(|_| {
			state ^= state << 13;
			state ^= state >> 7;
			state ^= state << 17;
			state as u8
		})
		.collect()
}
