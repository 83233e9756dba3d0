//! `primes`: counts the primes below N with a sieve of Eratosthenes.
//!
//! Input: N (at most 500 000 000). Output: `primes below <N>: <count>`.

fn main() {
	let input = job_io::input();
	let t = job_io::tokens(&input);
	let n: usize = job_io::number(&t, 0, "N");
	if n > 500_000_000 {
		job_io::fail("N must be at most 500000000");
	}
	let mut composite = vec![false; n.max(2)];
	let mut count = 0usize;
	for i in 2..n {
		if !composite[i] {
			count += 1;
			let mut j = i.saturating_mul(i);
			while j < n {
				composite[j] = true;
				j += i;
			}
		}
	}
	job_io::output(format!("primes below {n}: {count}\n").as_bytes());
}
