//! `matmul`: multiplies two square f64 matrices.
//!
//! Input: `n`, then the n×n entries of A, then those of B (row-major, whitespace
//! separated; `NaN` and `inf` allowed).
//! Output: the n×n product, one row per line, and a final line `bits <hex>`: an FNV-1a
//! hash of the exact bit patterns, so NaN payloads and signs are compared too.

fn main() {
	let input = job_io::input();
	let t = job_io::tokens(&input);
	let n: usize = job_io::number(&t, 0, "the matrix size n");
	if n == 0 || n > 512 || t.len() != 1 + 2 * n * n {
		job_io::fail(&format!("expected n (1..=512) and 2·n² = {} numbers", 2 * n * n));
	}
	let read = |offset: usize| -> Vec<f64> {
		(0..n * n).map(|i| job_io::number(&t, offset + i, "a number")).collect()
	};
	let (a, b) = (read(1), read(1 + n * n));
	let mut c = vec![0.0f64; n * n];
	for i in 0..n {
		for k in 0..n {
			let aik = a[i * n + k];
			for j in 0..n {
				c[i * n + j] += aik * b[k * n + j];
			}
		}
	}
	let mut out = String::new();
	let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
	for i in 0..n {
		let row: Vec<String> = (0..n).map(|j| format!("{:e}", c[i * n + j])).collect();
		out.push_str(&row.join(" "));
		out.push('\n');
	}
	for v in &c {
		for byte in v.to_bits().to_le_bytes() {
			hash = (hash ^ byte as u64).wrapping_mul(0x0100_0000_01b3);
		}
	}
	out.push_str(&format!("bits {hash:016x}\n"));
	job_io::output(out.as_bytes());
}
