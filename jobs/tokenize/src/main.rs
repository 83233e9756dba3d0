//! `tokenize`: a text corpus of any size as token ids, as a language model is trained on
//! them with the hashing trick (no vocabulary to ship). Every word, as `word-count`
//! splits them (`job_io::text`), becomes the little-endian `u16` of its FNV-1a hash modulo
//! 65 536, in order: two bytes of output per word, streamed to stdout a block at a time —
//! a 256 MiB corpus makes about 90 MiB of tokens.

use std::io::Write;

use job_io::text::{fnv1a, stdin_words};

/// Bytes of tokens written at a time.
const BLOCK: usize = 1 << 20;

/// The token id of `word`.
fn token(word: &[u8]) -> u16 {
	fnv1a(word) as u16
}

/// Writes tokens to `out` a block at a time.
struct Tokens<W: Write> {
	out: W,
	block: Vec<u8>,
}

impl<W: Write> Tokens<W> {
	fn new(out: W) -> Self {
		Self { out, block: Vec::with_capacity(BLOCK) }
	}

	fn push(&mut self, word: &[u8]) {
		self.block.extend_from_slice(&token(word).to_le_bytes());
		if self.block.len() >= BLOCK {
			self.flush();
		}
	}

	fn flush(&mut self) {
		if self.out.write_all(&self.block).and_then(|_| self.out.flush()).is_err() {
			// The output limit is reached (or stdout is gone): the executor reports it.
			std::process::exit(3);
		}
		self.block.clear();
	}
}

fn main() {
	let mut tokens = Tokens::new(std::io::stdout().lock());
	stdin_words(|word| tokens.push(word));
	tokens.flush();
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn every_word_is_two_bytes_in_order_and_cases_agree() {
		let mut out = Vec::new();
		{
			let mut tokens = Tokens::new(&mut out);
			let mut words = job_io::text::Words::default();
			words.feed(b"The cat, the CAT; a", |w| tokens.push(w));
			words.end(|w| tokens.push(w));
			tokens.flush();
		}
		let ids: Vec<u16> = out.chunks(2).map(|p| u16::from_le_bytes([p[0], p[1]])).collect();
		assert_eq!(ids.len(), 5);
		assert_eq!((ids[0], ids[1]), (ids[2], ids[3]), "case does not change a token");
		assert_ne!(ids[0], ids[1]);
		assert_eq!(ids[4], 0xec8c, "the low 16 bits of FNV-1a(\"a\")");
	}
}
