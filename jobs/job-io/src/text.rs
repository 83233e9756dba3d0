//! Words of a text corpus of any size, read a block at a time: what `word-count` counts
//! and `tokenize` turns into token ids.
//!
//! A word is a run of ASCII letters, digits and apostrophes, lowercased; every other byte
//! (UTF-8 text included) separates words, so any input is valid. Runs longer than
//! [`MAX_WORD`] are cut (a hostile input cannot make one word take all memory).

use std::io::Read;

/// Longest word kept as itself; longer runs are cut to it.
pub const MAX_WORD: usize = 64;

/// Bytes read from stdin at a time.
const BLOCK: usize = 1 << 20;

fn is_word_byte(b: u8) -> bool {
	b.is_ascii_alphanumeric() || b == b'\''
}

/// Splits blocks of text into words, a word running across block ends included.
pub struct Words {
	word: [u8; MAX_WORD],
	len: usize,
}

impl Default for Words {
	fn default() -> Self {
		Self { word: [0; MAX_WORD], len: 0 }
	}
}

impl Words {
	/// Calls `each` with every word that ends in `block`.
	pub fn feed(&mut self, block: &[u8], mut each: impl FnMut(&[u8])) {
		for &b in block {
			if is_word_byte(b) {
				if self.len < MAX_WORD {
					self.word[self.len] = b.to_ascii_lowercase();
					self.len += 1;
				}
			} else {
				self.end(&mut each);
			}
		}
	}

	/// Calls `each` with the word the text ends with, if any.
	pub fn end(&mut self, mut each: impl FnMut(&[u8])) {
		if self.len > 0 {
			each(&self.word[..self.len]);
			self.len = 0;
		}
	}
}

/// Calls `each` with every word of stdin, in order, reading a block at a time.
pub fn stdin_words(mut each: impl FnMut(&[u8])) {
	let mut words = Words::default();
	let mut block = vec![0u8; BLOCK];
	let mut stdin = std::io::stdin().lock();
	loop {
		match stdin.read(&mut block) {
			Ok(0) => break,
			Ok(n) => words.feed(&block[..n], &mut each),
			Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
			Err(e) => crate::fail(&format!("cannot read input: {e}")),
		}
	}
	words.end(each);
}

/// FNV-1a: a fast hash of short keys.
#[derive(Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
	fn finish(&self) -> u64 {
		self.0
	}

	fn write(&mut self, bytes: &[u8]) {
		let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
		for &b in bytes {
			h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
		}
		self.0 = h;
	}
}

/// The FNV-1a hash of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
	use std::hash::Hasher;
	let mut h = Fnv::default();
	h.write(bytes);
	h.finish()
}

#[cfg(test)]
mod tests {
	use super::*;

	fn words(text: &[u8], block: usize) -> Vec<Vec<u8>> {
		let mut splitter = Words::default();
		let mut out = Vec::new();
		for part in text.chunks(block.max(1)) {
			splitter.feed(part, |w| out.push(w.to_vec()));
		}
		splitter.end(|w| out.push(w.to_vec()));
		out
	}

	#[test]
	fn words_split_across_blocks_come_once() {
		let text = b"The cat's hat; the CAT's hat.\nthe end";
		let whole = words(text, text.len());
		let expected: Vec<&[u8]> =
			vec![b"the", b"cat's", b"hat", b"the", b"cat's", b"hat", b"the", b"end"];
		assert_eq!(whole, expected);
		for block in 1..text.len() {
			assert_eq!(words(text, block), whole, "blocks of {block}");
		}
	}

	#[test]
	fn any_bytes_are_valid_and_long_runs_are_cut() {
		let mut text = vec![0xff, b'a', 0xc3, 0xa9, b'a', b' '];
		text.extend(std::iter::repeat(b'z').take(1000));
		let found = words(&text, 7);
		assert_eq!(found.len(), 3);
		assert_eq!(found[2].len(), MAX_WORD);
	}

	#[test]
	fn fnv1a_matches_its_reference_values() {
		assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
		assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
	}
}
