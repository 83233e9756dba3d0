//! `word-count`: word frequencies of a text corpus of any size (a stored input of hundreds
//! of MiB), read from stdin a block at a time.
//!
//! A word is a run of ASCII letters, digits and apostrophes, lowercased; every other byte
//! (UTF-8 text included) separates words, so any input is valid. Output: a line
//! `words <total> distinct <distinct>`, then the 100 most frequent words as `<count>
//! <word>`, most frequent first, ties in byte order of the word.

use std::{
	collections::HashMap,
	hash::{BuildHasherDefault, Hasher},
	io::Read,
};

/// Lines of frequent words in the output.
const TOP: usize = 100;

/// Longest word counted as itself; longer runs are cut (a hostile input cannot make one
/// word take all memory).
const MAX_WORD: usize = 64;

/// FNV-1a: a fast hash of short keys. The map's order never reaches the output (it is
/// sorted), so the hash needs no protection against crafted inputs beyond what bounded
/// word lengths give.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
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

fn is_word_byte(b: u8) -> bool {
	b.is_ascii_alphanumeric() || b == b'\''
}

/// Counts of every word seen so far, with the word being read across block ends.
struct Counter {
	counts: HashMap<Vec<u8>, u64, BuildHasherDefault<Fnv>>,
	word: [u8; MAX_WORD],
	len: usize,
	total: u64,
}

impl Default for Counter {
	fn default() -> Self {
		Self { counts: HashMap::default(), word: [0; MAX_WORD], len: 0, total: 0 }
	}
}

impl Counter {
	fn feed(&mut self, block: &[u8]) {
		for &b in block {
			if is_word_byte(b) {
				if self.len < MAX_WORD {
					self.word[self.len] = b.to_ascii_lowercase();
					self.len += 1;
				}
			} else {
				self.end_word();
			}
		}
	}

	fn end_word(&mut self) {
		if self.len == 0 {
			return;
		}
		let word = &self.word[..self.len];
		self.total += 1;
		match self.counts.get_mut(word) {
			Some(count) => *count += 1,
			None => {
				self.counts.insert(word.to_vec(), 1);
			}
		}
		self.len = 0;
	}

	fn report(mut self) -> String {
		self.end_word();
		let mut words: Vec<(&Vec<u8>, &u64)> = self.counts.iter().collect();
		words.sort_unstable_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
		let mut out = format!("words {} distinct {}\n", self.total, self.counts.len());
		for (word, count) in words.into_iter().take(TOP) {
			// Word bytes are ASCII by construction.
			out.push_str(&format!("{count} {}\n", String::from_utf8_lossy(word)));
		}
		out
	}
}

fn main() {
	let mut counter = Counter::default();
	let mut block = vec![0u8; 1 << 20];
	let mut stdin = std::io::stdin().lock();
	loop {
		match stdin.read(&mut block) {
			Ok(0) => break,
			Ok(n) => counter.feed(&block[..n]),
			Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
			Err(e) => job_io::fail(&format!("cannot read input: {e}")),
		}
	}
	job_io::output(counter.report().as_bytes());
}

#[cfg(test)]
mod tests {
	use super::*;

	fn count(text: &[u8], block: usize) -> String {
		let mut c = Counter::default();
		for part in text.chunks(block.max(1)) {
			c.feed(part);
		}
		c.report()
	}

	#[test]
	fn words_split_across_blocks_count_once() {
		let text = b"The cat's hat; the CAT's hat.\nthe end";
		let whole = count(text, text.len());
		assert_eq!(whole, "words 8 distinct 4\n3 the\n2 cat's\n2 hat\n1 end\n");
		for block in 1..text.len() {
			assert_eq!(count(text, block), whole, "blocks of {block}");
		}
	}

	#[test]
	fn any_bytes_are_valid_and_long_runs_are_cut() {
		let mut text = vec![0xff, b'a', 0xc3, 0xa9, b'a', b' '];
		text.extend(std::iter::repeat(b'z').take(1000));
		let report = count(&text, 7);
		assert!(report.starts_with("words 3 distinct 2\n2 a\n1 "), "{report}");
		assert!(report.lines().nth(2).unwrap().len() == 2 + MAX_WORD);
	}
}
