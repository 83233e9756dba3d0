//! Test data: bytes that do not repeat within any chunk-sized span, so that every chunk of
//! a generated file is its own (a pattern of period 256 would make chunks equal).

/// A xorshift64 stream from `seed`.
fn xorshift(seed: u64) -> impl FnMut() -> u64 {
	let mut state = 0x2545_f491_4f6c_dd1d ^ seed;
	move || {
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		state
	}
}

/// `len` pseudo-random bytes from `seed` (xorshift64).
pub fn pseudo_random_bytes(len: usize, seed: u64) -> Vec<u8> {
	let mut next = xorshift(seed);
	(0..len).map(|_| next() as u8).collect()
}

/// `len` bytes of English-like text from `seed`: words of a 4 096-word vocabulary, a few
/// very frequent and most rare (as in real text), separated by spaces, punctuation and
/// newlines, some capitalized. A corpus of any size for word-frequency jobs.
pub fn pseudo_random_text(len: usize, seed: u64) -> Vec<u8> {
	const SYLLABLES: [&str; 16] = [
		"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ber", "dan", "fel", "gor", "hin", "jas",
		"qu", "zel",
	];
	let vocabulary: Vec<String> = (0..4096u32)
		.map(|i| {
			let syllables = 1 + (i % 3) as usize;
			(0..syllables).map(|k| SYLLABLES[((i >> (4 * k)) & 15) as usize]).collect()
		})
		.collect();
	let mut next = xorshift(seed);
	let mut out = Vec::with_capacity(len + 32);
	while out.len() < len {
		// u³ skews the choice to the first words of the vocabulary.
		let u = (next() >> 11) as f64 / (1u64 << 53) as f64;
		let word = &vocabulary[(u * u * u * vocabulary.len() as f64) as usize];
		let roll = next() % 64;
		if roll == 0 {
			out.extend(word[..1].to_ascii_uppercase().bytes());
			out.extend(word[1..].bytes());
		} else {
			out.extend(word.bytes());
		}
		out.extend_from_slice(match roll {
			1..=3 => b", ",
			4 => b".\n",
			5 => b"'s ",
			_ => b" ",
		});
	}
	out.truncate(len);
	out
}
