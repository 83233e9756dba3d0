//! `mandelbrot`: renders a region of the Mandelbrot set as a grayscale PNG.
//!
//! Input: `width height x_min y_min x_max y_max max_iter`. Output: the PNG file.

mod png;

fn main() {
	let input = job_io::input();
	let t = job_io::tokens(&input);
	let (w, h): (u32, u32) = (job_io::number(&t, 0, "width"), job_io::number(&t, 1, "height"));
	let (x0, y0, x1, y1): (f64, f64, f64, f64) = (
		job_io::number(&t, 2, "x_min"),
		job_io::number(&t, 3, "y_min"),
		job_io::number(&t, 4, "x_max"),
		job_io::number(&t, 5, "y_max"),
	);
	let max_iter: u32 = job_io::number(&t, 6, "max_iter");
	if w == 0 || h == 0 || w as u64 * h as u64 > 4_000_000 || max_iter == 0 {
		job_io::fail("width × height must be in 1..=4000000 and max_iter positive");
	}
	let mut pixels = Vec::with_capacity((w * h) as usize);
	for py in 0..h {
		let ci = y0 + (y1 - y0) * py as f64 / h as f64;
		for px in 0..w {
			let cr = x0 + (x1 - x0) * px as f64 / w as f64;
			let (mut zr, mut zi, mut i) = (0.0f64, 0.0f64, 0u32);
			while i < max_iter && zr * zr + zi * zi <= 4.0 {
				let t = zr * zr - zi * zi + cr;
				zi = 2.0 * zr * zi + ci;
				zr = t;
				i += 1;
			}
			pixels.push(if i == max_iter { 0 } else { (255 - (i * 255 / max_iter)) as u8 });
		}
	}
	job_io::output(&png::encode_gray(w, h, &pixels));
}
