//! `word-count`: word frequencies of a text corpus of any size (a stored input of hundreds
//! of MiB), read from stdin a block at a time.
//!
//! A word is a run of ASCII letters, digits and apostrophes, lowercased; every other byte
//! (UTF-8 text included) separates words, so any input is valid. Output: a line
//! `words <total> distinct <distinct>`, then the 100 most frequent words as `<count>
//! <word>`, most frequent first, ties in byte order of the word.

use std::{collections::HashMap, hash::BuildHasherDefault};

use job_io::text::{stdin_words, Fnv};

/// Lines of frequent words in the output.
const TOP: usize = 100;

/// Counts of every word seen so far. FNV-1a hashes the map: its order never reaches the
/// output (it is sorted), so the hash needs no protection against crafted inputs beyond
/// what bounded word lengths give.
#[derive(Default)]
struct Counter {
	counts: HashMap<Vec<u8>, u64, BuildHasherDefault<Fnv>>,
	total: u64,
}

impl Counter {
	fn add(&mut self, word: &[u8]) {
		self.total += 1;
		match self.counts.get_mut(word) {
			Some(count) => *count += 1,
			None => {
				self.counts.insert(word.to_vec(), 1);
			}
		}
	}

	fn report(self) -> String {
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
	stdin_words(|word| counter.add(word));
	job_io::output(counter.report().as_bytes());
}

#[cfg(test)]
mod tests {
	use super::*;
	use job_io::text::Words;

	fn count(text: &[u8], block: usize) -> String {
		let (mut words, mut c) = (Words::default(), Counter::default());
		for part in text.chunks(block.max(1)) {
			words.feed(part, |w| c.add(w));
		}
		words.end(|w| c.add(w));
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
		assert!(report.lines().nth(2).unwrap().len() == 2 + job_io::text::MAX_WORD);
	}
}
