//! `monte-carlo-pi`: estimates π from random points in the unit square.
//!
//! Input: the number of samples. Randomness: the job's seeded stream (identical on every
//! replica of a task). Output: `pi <estimate> samples <n> inside <k>`.

fn main() {
	let input = job_io::input();
	let t = job_io::tokens(&input);
	let samples: u64 = job_io::number(&t, 0, "the number of samples");
	let mut rng = job_io::Rng::new(job_io::seed());
	let mut inside = 0u64;
	for _ in 0..samples {
		let (x, y) = (rng.next_f64(), rng.next_f64());
		if x * x + y * y < 1.0 {
			inside += 1;
		}
	}
	let pi = if samples == 0 { 0.0 } else { 4.0 * inside as f64 / samples as f64 };
	job_io::output(format!("pi {pi} samples {samples} inside {inside}\n").as_bytes());
}
