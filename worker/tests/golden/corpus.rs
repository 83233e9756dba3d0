//! The golden corpus: small modules (and the example jobs, as checked-in binaries) with
//! the job parameters each runs with. Their results are recorded in `vectors.txt`.

use depin_worker::executor::{
	depth::{FRAME_BASE, MAX_DEPTH, MAX_FUNCTIONS, MAX_FUNCTION_BYTES, MAX_TABLES},
	Mode,
};

/// One module run one way.
pub struct Vector {
	/// Unique name; `native-nan-*` vectors hold only on the architecture that recorded
	/// them (NaN payloads are the CPU's in native mode).
	pub name: String,
	pub code: Vec<u8>,
	pub input: Vec<u8>,
	pub max_fuel: u64,
	pub memory_mib: u32,
	pub mode: Mode,
	pub max_output: usize,
}

fn vector(name: impl Into<String>, code: Vec<u8>) -> Vector {
	Vector {
		name: name.into(),
		code,
		input: Vec::new(),
		max_fuel: 10_000_000,
		memory_mib: 16,
		mode: Mode::Native,
		max_output: 4096,
	}
}

fn wasm(wat: &str) -> Vec<u8> {
	wat::parse_str(wat).unwrap_or_else(|e| panic!("corpus WAT: {e}\n{wat}"))
}

/// A WASI command: `$out(ptr, len)` writes memory to stdout, `$out32`/`$out64` a value
/// (little endian). Memory 0..32 is the helpers' scratch; `body` may use 1024 onwards.
fn command(memory: &str, body: &str) -> Vec<u8> {
	wasm(&format!(
		r#"(module
		  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
		  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
		  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
		  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
		  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
		  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
		  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
		  (import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
		  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
		  (memory (export "memory") {memory})
		  (table 4 funcref) (elem (i32.const 2) $out32)
		  (type $void (func))
		  (type $int (func (result i32)))
		  (func $out (param $ptr i32) (param $len i32)
		    (i32.store (i32.const 0) (local.get $ptr)) (i32.store (i32.const 4) (local.get $len))
		    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
		  (func $out32 (param i32) (i32.store (i32.const 16) (local.get 0)) (call $out (i32.const 16) (i32.const 4)))
		  (func $out64 (param i64) (i64.store (i32.const 16) (local.get 0)) (call $out (i32.const 16) (i32.const 8)))
		  (func (export "_start") {body}))"#
	))
}

/// Stack overflow at several depths and frame sizes: the deepest recursion that fits,
/// and one deeper, for three frame sizes; and a mutual recursion through a table.
fn stack() -> Vec<Vector> {
	let mut v = Vec::new();
	for extra in [0u32, 10, 300] {
		let start = FRAME_BASE + 1;
		let f = FRAME_BASE + 1 + extra + 2;
		let deepest = (MAX_DEPTH - start) / f - 1;
		for n in [deepest, deepest + 1] {
			let locals = "(local i64)".repeat(extra as usize);
			let code = wasm(&format!(
				r#"(module (memory (export "memory") 1)
				  (func $f (param $n i32) {locals}
				    (if (local.get $n) (then (call $f (i32.sub (local.get $n) (i32.const 1))))))
				  (func (export "_start") (call $f (i32.const {n}))))"#
			));
			let mut vec = vector(format!("stack-{extra}-locals-depth-{n}"), code);
			vec.max_fuel = 1 << 30;
			v.push(vec);
		}
	}
	let code = wasm(
		r#"(module (memory (export "memory") 1)
		  (type $t (func (param i64) (result i64)))
		  (table 2 funcref) (elem (i32.const 0) $a $b)
		  (func $a (type $t) (i64.add (call_indirect (type $t) (local.get 0) (i32.const 1)) (i64.const 1)))
		  (func $b (type $t) (local v128) (i64.mul (call_indirect (type $t) (local.get 0) (i32.const 0)) (i64.const 3)))
		  (func (export "_start") (drop (call $a (i64.const 5)))))"#,
	);
	let mut vec = vector("stack-mutual-recursion-through-a-table", code);
	vec.max_fuel = 1 << 30;
	v.push(vec);
	v
}

/// Memory growth to and past the job's limit and the module's maximum.
fn memory() -> Vec<Vector> {
	let grow = |pages: u32| format!("(call $out32 (memory.grow (i32.const {pages})))");
	vec![
		// 16 MiB = 256 pages: from 1 page, 255 more fit, 256 do not.
		vector("memory-grow-to-the-limit", command("1", &grow(255))),
		vector("memory-grow-past-the-limit", command("1", &grow(256))),
		vector("memory-grow-past-the-module-maximum", command("1 2", &grow(2))),
		vector("memory-initial-above-the-limit", command("300", "")),
		vector(
			"memory-grow-by-one-page-until-refused",
			command(
				"1",
				"(loop $l (br_if $l (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))
				 (call $out32 (memory.size))",
			),
		),
		vector(
			"memory-tables-within-the-element-limit",
			wasm(
				r#"(module (memory (export "memory") 1) (table 500000 funcref) (table 500000 funcref)
			  (func (export "_start")))"#,
			),
		),
		vector(
			"memory-tables-past-the-element-limit",
			wasm(
				r#"(module (memory (export "memory") 1) (table 600000 funcref) (table 600000 funcref)
			  (func (export "_start")))"#,
			),
		),
		vector(
			"memory-table-grow-past-the-element-limit",
			command("1", "(call $out32 (table.grow (ref.null func) (i32.const 1048576)))"),
		),
		vector(
			"memory-fill-out-of-bounds",
			command("1", "(memory.fill (i32.const 65000) (i32.const 7) (i32.const 1000))"),
		),
	]
}

/// NaN payloads through every float operation that can produce one, in both modes.
fn nans() -> Vec<Vector> {
	// Signalling and quiet NaNs with payloads, of both signs, and an ordinary number.
	let f32_in = ["0x7fa00001", "0xffc00123", "0x3f800000"];
	let f64_in = ["0x7ff4000000000001", "0xfff8000000000123", "0x3ff0000000000000"];
	let f32 = |i: usize| format!("(f32.reinterpret_i32 (i32.const {}))", f32_in[i]);
	let f64 = |i: usize| format!("(f64.reinterpret_i64 (i64.const {}))", f64_in[i]);
	let mut ops: Vec<(String, String)> = Vec::new();
	for op in ["add", "sub", "mul", "div", "min", "max", "copysign"] {
		let mut b32 = String::new();
		let mut b64 = String::new();
		for (x, y) in [(0, 2), (2, 0), (0, 1), (1, 0)] {
			b32 += &format!("(call $out32 (i32.reinterpret_f32 (f32.{op} {} {})))", f32(x), f32(y));
			b64 += &format!("(call $out64 (i64.reinterpret_f64 (f64.{op} {} {})))", f64(x), f64(y));
		}
		ops.push((format!("f32-{op}"), b32));
		ops.push((format!("f64-{op}"), b64));
	}
	for op in ["sqrt", "ceil", "floor", "trunc", "nearest", "neg", "abs"] {
		let mut b32 = String::new();
		let mut b64 = String::new();
		for x in [0, 1] {
			b32 += &format!("(call $out32 (i32.reinterpret_f32 (f32.{op} {})))", f32(x));
			b64 += &format!("(call $out64 (i64.reinterpret_f64 (f64.{op} {})))", f64(x));
		}
		ops.push((format!("f32-{op}"), b32));
		ops.push((format!("f64-{op}"), b64));
	}
	let sqrt_neg = "(call $out32 (i32.reinterpret_f32 (f32.sqrt (f32.const -1))))\
	                (call $out64 (i64.reinterpret_f64 (f64.div (f64.const 0) (f64.const 0))))";
	ops.push(("fresh-nans".into(), sqrt_neg.into()));
	let convert = format!(
		"(call $out64 (i64.reinterpret_f64 (f64.promote_f32 {})))\
		 (call $out64 (i64.reinterpret_f64 (f64.promote_f32 {})))\
		 (call $out32 (i32.reinterpret_f32 (f32.demote_f64 {})))\
		 (call $out32 (i32.reinterpret_f32 (f32.demote_f64 {})))",
		f32(0),
		f32(1),
		f64(0),
		f64(1)
	);
	ops.push(("promote-demote".into(), convert));
	let simd = |ty: &str, lane: &str, op: &str, a: &str, b: &str| {
		format!(
			"(v128.store (i32.const 1024) ({ty}.{op} ({ty}.splat {a}) ({ty}.splat {b})))\
			 (call $out (i32.const 1024) (i32.const 16))",
		) + lane
	};
	for op in ["add", "mul", "div", "min", "max", "pmin"] {
		ops.push((format!("f32x4-{op}"), simd("f32x4", "", op, &f32(0), &f32(1))));
		ops.push((format!("f64x2-{op}"), simd("f64x2", "", op, &f64(0), &f64(2))));
	}
	ops.push((
		"f32x4-sqrt".into(),
		format!(
			"(v128.store (i32.const 1024) (f32x4.sqrt (f32x4.splat {})))\
			 (call $out (i32.const 1024) (i32.const 16))",
			f32(0)
		),
	));
	let mut v = Vec::new();
	for (name, body) in ops {
		let code = command("1", &body);
		let mut portable = vector(format!("portable-nan-{name}"), code.clone());
		portable.mode = Mode::Portable;
		v.push(portable);
		v.push(vector(format!("native-nan-{name}"), code));
	}
	v
}

/// Floods of host calls: each runs out of fuel, or is refused, in bounded work.
fn host_floods() -> Vec<Vector> {
	vec![
		vector(
			"flood-random-get-whole-memory",
			command(
				"16",
				"(loop $l (drop (call $random_get (i32.const 0) (i32.const 1048576))) (br $l))",
			),
		),
		vector(
			"flood-random-get-one-byte",
			command("1", "(loop $l (drop (call $random_get (i32.const 0) (i32.const 1))) (br $l))"),
		),
		vector(
			"flood-iovec-bomb",
			// 8192 iovecs of length 0: more than IOV_MAX, refused with EINVAL each time.
			command(
				"1",
				"(local $i i32)
				 (call $out32 (call $fd_write (i32.const 1) (i32.const 1024) (i32.const 8192) (i32.const 8)))
				 (loop $l (drop (call $fd_write (i32.const 1) (i32.const 1024) (i32.const 1024) (i32.const 8)))
				   (br $l))",
			),
		),
		{
			// Reads the input one byte at a time, echoing each.
			let mut v = vector(
				"flood-tiny-reads",
				command(
					"1",
					"(i32.store (i32.const 32) (i32.const 1024)) (i32.store (i32.const 36) (i32.const 1))
					 (block $done (loop $l
					   (drop (call $fd_read (i32.const 0) (i32.const 32) (i32.const 1) (i32.const 40)))
					   (br_if $done (i32.eqz (i32.load (i32.const 40))))
					   (call $out (i32.const 1024) (i32.const 1))
					   (br $l)))",
				),
			);
			v.input = (0..=255u8).cycle().take(3000).collect();
			v
		},
	]
}

/// Output at and past the cap; a big log, which is not part of the result.
fn output() -> Vec<Vector> {
	let write = |n: u32, fd: u32| {
		format!(
			"(memory.fill (i32.const 1024) (i32.const 65) (i32.const {n}))
			 (i32.store (i32.const 0) (i32.const 1024)) (i32.store (i32.const 4) (i32.const {n}))
			 (drop (call $fd_write (i32.const {fd}) (i32.const 0) (i32.const 1) (i32.const 8)))"
		)
	};
	vec![
		vector("output-at-the-cap", command("1", &write(4096, 1))),
		vector("output-past-the-cap", command("1", &write(4097, 1))),
		vector("output-log-is-not-a-result", command("1", &write(60000, 2))),
	]
}

/// WASI calls at their edges: faults, partial reads, args, environment, clocks, exits.
fn wasi_edges() -> Vec<Vector> {
	let mut partial = vector(
		"wasi-partial-reads",
		command(
			"1",
			"(i32.store (i32.const 32) (i32.const 1024)) (i32.store (i32.const 36) (i32.const 5))
			 (call $out32 (call $fd_read (i32.const 0) (i32.const 32) (i32.const 1) (i32.const 40)))
			 (call $out32 (i32.load (i32.const 40)))
			 (call $out32 (call $fd_read (i32.const 0) (i32.const 32) (i32.const 1) (i32.const 40)))
			 (call $out32 (i32.load (i32.const 40)))
			 (call $out32 (call $fd_read (i32.const 0) (i32.const 32) (i32.const 1) (i32.const 40)))
			 (call $out32 (i32.load (i32.const 40)))
			 (call $out (i32.const 1024) (i32.const 5))",
		),
	);
	partial.input = b"partial".to_vec();
	vec![
		vector(
			"wasi-fd-write-iovec-out-of-bounds",
			command("1", "(call $out32 (call $fd_write (i32.const 1) (i32.const 65532) (i32.const 2) (i32.const 8)))"),
		),
		vector(
			"wasi-fd-write-buffer-out-of-bounds",
			command(
				"1",
				"(i32.store (i32.const 32) (i32.const 65000)) (i32.store (i32.const 36) (i32.const 1000))
				 (call $out32 (call $fd_write (i32.const 1) (i32.const 32) (i32.const 1) (i32.const 8)))",
			),
		),
		vector(
			"wasi-fd-write-bad-descriptor",
			command("1", "(call $out32 (call $fd_write (i32.const 9) (i32.const 0) (i32.const 1) (i32.const 8)))"),
		),
		partial,
		vector(
			"wasi-args",
			command(
				"1",
				"(call $out32 (call $args_sizes_get (i32.const 1024) (i32.const 1028)))
				 (call $out (i32.const 1024) (i32.const 8))
				 (call $out32 (call $args_get (i32.const 1100) (i32.const 1200)))
				 (call $out (i32.const 1200) (i32.const 4))
				 (call $out32 (call $args_get (i32.const 65534) (i32.const 1200)))",
			),
		),
		vector(
			"wasi-environ",
			command(
				"1",
				"(call $out32 (call $environ_sizes_get (i32.const 1024) (i32.const 1028)))
				 (call $out (i32.const 1024) (i32.const 8))",
			),
		),
		vector(
			"wasi-clocks",
			command(
				"1",
				"(call $out32 (call $clock_time_get (i32.const 0) (i64.const 1) (i32.const 1024)))
				 (call $out (i32.const 1024) (i32.const 8))
				 (call $out32 (call $clock_time_get (i32.const 1) (i64.const 1) (i32.const 1024)))
				 (call $out32 (call $clock_time_get (i32.const 0) (i64.const 1) (i32.const 65535)))",
			),
		),
		vector(
			"wasi-random-get-out-of-bounds",
			command("1", "(call $out32 (call $random_get (i32.const 65530) (i32.const 100)))"),
		),
		vector(
			"wasi-random-stream",
			command(
				"1",
				"(drop (call $random_get (i32.const 1024) (i32.const 40)))
				 (drop (call $random_get (i32.const 1064) (i32.const 3)))
				 (call $out (i32.const 1024) (i32.const 43))",
			),
		),
		vector(
			"wasi-unsupported-call",
			command(
				"1",
				"(call $out32 (call $path_open (i32.const 3) (i32.const 0) (i32.const 1024) (i32.const 4)
				   (i32.const 0) (i64.const 0) (i64.const 0) (i32.const 0) (i32.const 1100)))",
			),
		),
		vector("wasi-exit-status", command("1", "(call $out32 (i32.const 7)) (call $exit (i32.const 3))")),
		vector("wasi-exit-status-above-255", command("1", "(call $exit (i32.const 300))")),
	]
}

/// Every kind of trap, and the fuel limit.
fn traps() -> Vec<Vector> {
	let trap = |name: &str, body: &str| vector(format!("trap-{name}"), command("1", body));
	vec![
		trap("unreachable", "(unreachable)"),
		trap("integer-divide-by-zero", "(drop (i32.div_u (i32.const 1) (i32.const 0)))"),
		trap("integer-overflow", "(drop (i32.div_s (i32.const 0x80000000) (i32.const -1)))"),
		trap("invalid-conversion", "(drop (i32.trunc_f32_s (f32.const nan)))"),
		trap("conversion-overflow", "(drop (i64.trunc_f64_u (f64.const -1)))"),
		trap("memory-out-of-bounds", "(drop (i64.load (i32.const 65530)))"),
		trap("indirect-call-to-null", "(drop (call_indirect (type $int) (i32.const 0)))"),
		trap("table-out-of-bounds", "(call_indirect (type $void) (i32.const 9))"),
		trap("indirect-call-type-mismatch", "(call_indirect (type $void) (i32.const 2))"),
		{
			let mut v = vector(
				"fuel-infinite-loop",
				command("1", "(call $out32 (i32.const 1)) (loop $l (br $l))"),
			);
			v.max_fuel = 1_000_000;
			v
		},
		vector(
			"fuel-counted-loop",
			command(
				"1",
				"(local $i i32) (loop $l (local.set $i (i32.add (local.get $i) (i32.const 1)))
				   (br_if $l (i32.lt_u (local.get $i) (i32.const 100000))))
				 (call $out32 (local.get $i))",
			),
		),
	]
}

/// Modules that are not jobs.
fn bad_modules() -> Vec<Vector> {
	vec![
		vector("bad-module-malformed", b"\0asm\x01\0\0\0garbage".to_vec()),
		vector(
			"bad-module-forbidden-import",
			wasm(
				r#"(module (import "env" "f" (func)) (memory (export "memory") 1) (func (export "_start")))"#,
			),
		),
		vector("bad-module-no-start", wasm(r#"(module (memory (export "memory") 1))"#)),
		vector(
			"bad-module-too-many-functions",
			wasm(&format!(
				r#"(module (memory (export "memory") 1) {} (func (export "_start")))"#,
				"(func)".repeat(MAX_FUNCTIONS as usize)
			)),
		),
		vector(
			"bad-module-function-too-large",
			wasm(&format!(
				r#"(module (memory (export "memory") 1) (func (export "_start") {}))"#,
				"nop ".repeat(MAX_FUNCTION_BYTES + 1)
			)),
		),
		vector(
			"bad-module-too-many-tables",
			wasm(&format!(
				r#"(module (memory (export "memory") 1) {} (func (export "_start")))"#,
				"(table 1 funcref)".repeat(MAX_TABLES as usize + 1)
			)),
		),
		vector(
			"bad-module-reserved-import",
			wasm(
				r#"(module (import "depin" "stack_overflow" (func)) (memory (export "memory") 1) (func (export "_start")))"#,
			),
		),
	]
}

/// The example jobs, as checked-in binaries (so the vectors do not depend on the Rust
/// toolchain that builds `jobs/`), with small inputs.
fn example_jobs() -> Vec<Vector> {
	let dir = crate::crate_dir().join("tests/golden/jobs");
	[
		("primes", "20000"),
		("sha256-chain", "1000\nDePIN"),
		("matmul", "3 1 2 3 4 5 6 7 8 9 9 8 7 6 5 4 3 2 1"),
		("mandelbrot", "64 48 -2.2 -1.2 1.0 1.2 100"),
		("monte-carlo-pi", "20000"),
	]
	.into_iter()
	.map(|(job, input)| {
		let code = std::fs::read(dir.join(format!("{job}.wasm"))).expect("checked-in job");
		let mut v = vector(format!("job-{job}"), code);
		v.input = input.as_bytes().to_vec();
		v.max_fuel = 10_000_000_000;
		v.memory_mib = 64;
		v.max_output = 1 << 20;
		v
	})
	.chain(on_text(&dir))
	.collect()
}

/// 3 MiB of text: an input larger than a stored chunk (2 MiB), which a device reads as the
/// bytes of a blob, streamed in 1 MiB blocks.
fn text() -> Vec<u8> {
	let mut text = String::new();
	let mut i = 0u64;
	while text.len() < 3 << 20 {
		text += &format!("the {} cat's Hat {}, ", i % 1_000, i % 7);
		i += 1;
	}
	text.into_bytes()
}

/// The jobs on a text corpus: `word-count` (a small output) and `tokenize` (an output of
/// 1.4 MiB, above what the chain keeps in state: an output blob).
fn on_text(dir: &std::path::Path) -> Vec<Vector> {
	[("word-count", 1 << 20), ("tokenize", 2 << 20)]
		.into_iter()
		.map(|(job, max_output)| {
			let code = std::fs::read(dir.join(format!("{job}.wasm"))).expect("checked-in job");
			let mut v = vector(format!("job-{job}"), code);
			v.input = text();
			v.max_fuel = 10_000_000_000;
			v.memory_mib = 64;
			v.max_output = max_output;
			v
		})
		.collect()
}

/// The whole corpus, in the order of `vectors.txt`.
pub fn all() -> Vec<Vector> {
	[
		stack(),
		memory(),
		nans(),
		host_floods(),
		output(),
		wasi_edges(),
		traps(),
		bad_modules(),
		example_jobs(),
	]
	.into_iter()
	.flatten()
	.collect()
}
