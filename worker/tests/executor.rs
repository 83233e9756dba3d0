//! The executor on its own: results are deterministic (repeated runs, threads, fresh and
//! cached compilation, NaNs, random, clocks) and hostile modules end in their exit value
//! without harming the worker.

use std::{sync::Arc, time::Duration};

use depin_primitives::{exit, program_id};
use depin_worker::executor::{Executor, Job, Mode, Outcome, RunError};

const MIB: u32 = 1;

fn wasm(wat: &str) -> Vec<u8> {
	wat::parse_str(wat).expect("valid WAT")
}

fn job<'a>(code: &'a [u8], input: &'a [u8]) -> Job<'a> {
	Job {
		task: 7,
		program: program_id(code),
		code,
		input: std::sync::Arc::new(input.to_vec()),
		max_fuel: 10_000_000,
		memory_mib: 16 * MIB,
		mode: Mode::Native,
		max_output: 1024,
		wall_limit: Duration::from_secs(30),
	}
}

fn run(executor: &Executor, job: &Job<'_>) -> Outcome {
	executor.run(job).expect("the job ends by itself")
}

use depin_testkit::wasm::REVERSE as ECHO;

#[test]
fn a_job_reads_stdin_and_writes_stdout() {
	let ex = Executor::new(None).unwrap();
	let code = wasm(ECHO);
	let out = run(&ex, &job(&code, b"hello"));
	assert_eq!(out.result.exit, 0);
	assert_eq!(out.output, b"olleh");
	assert_eq!(out.result.output_hash, depin_primitives::output_hash(b"olleh"));
	assert!(out.result.fuel_used > 0);
}

#[test]
fn repeated_runs_and_threads_give_identical_results() {
	let ex = Arc::new(Executor::new(None).unwrap());
	let code = Arc::new(wasm(ECHO));
	let first = run(&ex, &job(&code, b"determinism")).result;
	for _ in 0..5 {
		assert_eq!(run(&ex, &job(&code, b"determinism")).result, first);
	}
	let handles: Vec<_> = (0..8)
		.map(|_| {
			let (ex, code) = (ex.clone(), code.clone());
			std::thread::spawn(move || run(&ex, &job(&code, b"determinism")).result)
		})
		.collect();
	for h in handles {
		assert_eq!(h.join().unwrap(), first);
	}
}

#[test]
fn fresh_and_cached_compilation_give_identical_results() {
	let dir = tempfile::tempdir().unwrap();
	let code = wasm(FLOATS);
	let fresh = {
		let ex = Executor::new(Some(dir.path())).unwrap();
		assert!(ex.prepare(&program_id(&code), &code, Mode::Native), "first time: compiled");
		run(&ex, &job(&code, b"")).result
	};
	let ex = Executor::new(Some(dir.path())).unwrap();
	assert!(
		!ex.prepare(&program_id(&code), &code, Mode::Native),
		"second worker: loaded from disk"
	);
	assert_eq!(run(&ex, &job(&code, b"")).result, fresh);
}

#[test]
fn a_tampered_cache_file_is_not_loaded() {
	let dir = tempfile::tempdir().unwrap();
	let code = wasm(ECHO);
	{
		let ex = Executor::new(Some(dir.path())).unwrap();
		ex.prepare(&program_id(&code), &code, Mode::Native);
	}
	for entry in std::fs::read_dir(dir.path()).unwrap() {
		let path = entry.unwrap().path();
		if path.extension().is_some_and(|e| e == "cwasm") {
			let mut bytes = std::fs::read(&path).unwrap();
			bytes[100] ^= 1;
			std::fs::write(&path, bytes).unwrap();
		}
	}
	let ex = Executor::new(Some(dir.path())).unwrap();
	assert!(ex.prepare(&program_id(&code), &code, Mode::Native), "compiled again");
	assert_eq!(run(&ex, &job(&code, b"ab")).output, b"ba");
}

/// Produces NaNs of several kinds and writes their bit patterns.
const FLOATS: &str = r#"
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (f64.store (i32.const 100) (f64.div (f64.const 0) (f64.const 0)))
    (f64.store (i32.const 108) (f64.sqrt (f64.const -1)))
    (f64.store (i32.const 116) (f64.mul (f64.const -inf) (f64.const 0)))
    (f32.store (i32.const 124) (f32.sub (f32.const inf) (f32.const inf)))
    (f64.store (i32.const 128) (f64.add (f64.const nan:0x4) (f64.const 1)))
    (i32.store (i32.const 0) (i32.const 100))
    (i32.store (i32.const 4) (i32.const 36))
    (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
"#;

#[test]
fn nan_producing_code_is_identical_across_runs_and_modes() {
	let ex = Executor::new(None).unwrap();
	let code = wasm(FLOATS);
	let native = run(&ex, &job(&code, b""));
	assert_eq!(native.output.len(), 36);
	for _ in 0..3 {
		assert_eq!(run(&ex, &job(&code, b"")).result, native.result);
	}
	let portable_job = Job { mode: Mode::Portable, ..job(&code, b"") };
	let portable = run(&ex, &portable_job);
	// Portable mode writes canonical NaNs only: 0x7ff8000000000000 / 0x7fc00000.
	let canonical64 = 0x7ff8_0000_0000_0000u64.to_le_bytes();
	assert_eq!(&portable.output[0..8], &canonical64);
	assert_eq!(&portable.output[8..16], &canonical64);
	assert_eq!(&portable.output[24..28], &0x7fc0_0000u32.to_le_bytes());
	assert_eq!(run(&ex, &portable_job).result, portable.result);
}

/// Writes 16 random bytes, then the clock, then exits with status 3.
const RANDOM_CLOCK_EXIT: &str = r#"
(module
  (import "wasi_snapshot_preview1" "random_get" (func $random (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (drop (call $random (i32.const 100) (i32.const 16)))
    (drop (call $clock (i32.const 0) (i64.const 1) (i32.const 116)))
    (i32.store (i32.const 0) (i32.const 100))
    (i32.store (i32.const 4) (i32.const 24))
    (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (call $exit (i32.const 3))))
"#;

#[test]
fn random_is_seeded_by_the_task_and_clocks_are_fixed() {
	let ex = Executor::new(None).unwrap();
	let code = wasm(RANDOM_CLOCK_EXIT);
	let a = run(&ex, &job(&code, b""));
	assert_eq!(a.result.exit, 3, "proc_exit status is the exit value");
	assert_eq!(a.output, run(&ex, &job(&code, b"")).output, "same task, same random bytes");
	let other = run(&ex, &Job { task: 8, ..job(&code, b"") });
	assert_ne!(a.output[..16], other.output[..16], "another task, other random bytes");
	assert_eq!(a.output[16..], other.output[16..], "the clock is fixed");
	assert_eq!(
		u64::from_le_bytes(a.output[16..24].try_into().unwrap()),
		depin_worker::executor::wasi::FIXED_TIME_NS
	);
}

fn exit_of(wat_or_bytes: &[u8], tweak: impl FnOnce(&mut Job<'_>)) -> u32 {
	let ex = Executor::new(None).unwrap();
	let mut j = job(wat_or_bytes, b"");
	tweak(&mut j);
	let out = run(&ex, &j);
	// The worker is still healthy afterwards.
	let echo = wasm(ECHO);
	assert_eq!(run(&ex, &job(&echo, b"ok")).output, b"ko");
	out.result.exit
}

#[test]
fn an_infinite_loop_runs_out_of_fuel() {
	let code =
		wasm(r#"(module (memory (export "memory") 1) (func (export "_start") (loop $l (br $l))))"#);
	let ex = Executor::new(None).unwrap();
	let out = run(&ex, &job(&code, b""));
	assert_eq!(out.result.exit, exit::OUT_OF_FUEL);
	assert_eq!(out.result.fuel_used, 10_000_000, "all fuel used");
}

#[test]
fn a_memory_grow_bomb_hits_the_memory_limit() {
	let code = wasm(
		r#"(module (memory (export "memory") 1)
		   (func (export "_start") (loop $l (drop (memory.grow (i32.const 16))) (br $l))))"#,
	);
	assert_eq!(exit_of(&code, |_| {}), exit::MEMORY_LIMIT);
}

#[test]
fn an_initial_memory_above_the_limit_hits_the_memory_limit() {
	let code = wasm(r#"(module (memory (export "memory") 1000) (func (export "_start")))"#);
	assert_eq!(exit_of(&code, |j| j.memory_mib = 16), exit::MEMORY_LIMIT);
}

#[test]
fn deep_recursion_overflows_the_stack() {
	let code = wasm(
		r#"(module (memory (export "memory") 1)
		   (func $f (param i64) (result i64) (i64.add (call $f (local.get 0)) (i64.const 1)))
		   (func (export "_start") (drop (call $f (i64.const 0)))))"#,
	);
	assert_eq!(exit_of(&code, |j| j.max_fuel = u64::MAX / 2), exit::STACK_OVERFLOW);
}

#[test]
fn huge_output_is_output_too_large() {
	let code = wasm(
		r#"(module
		  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
		  (memory (export "memory") 1)
		  (func (export "_start")
		    (i32.store (i32.const 0) (i32.const 64)) (i32.store (i32.const 4) (i32.const 512))
		    (loop $l (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))) (br $l))))"#,
	);
	assert_eq!(exit_of(&code, |_| {}), exit::OUTPUT_TOO_LARGE);
}

#[test]
fn malformed_bytes_are_a_bad_module() {
	let ex = Executor::new(None).unwrap();
	let garbage = b"\0asm\x01\0\0\0garbage".to_vec();
	let out = run(&ex, &job(&garbage, b""));
	assert_eq!(out.result.exit, exit::BAD_MODULE);
	assert!(out.bad_module.is_some());
	assert_eq!(out.result.fuel_used, 0);
}

#[test]
fn forbidden_imports_and_missing_start_are_a_bad_module() {
	let forbidden = wasm(
		r#"(module (import "env" "open_socket" (func)) (memory (export "memory") 1) (func (export "_start")))"#,
	);
	assert_eq!(exit_of(&forbidden, |_| {}), exit::BAD_MODULE);
	let wrong_type = wasm(
		r#"(module (import "wasi_snapshot_preview1" "fd_write" (func (param i32)))
		   (memory (export "memory") 1) (func (export "_start")))"#,
	);
	assert_eq!(exit_of(&wrong_type, |_| {}), exit::BAD_MODULE);
	let no_start = wasm(r#"(module (memory (export "memory") 1))"#);
	assert_eq!(exit_of(&no_start, |_| {}), exit::BAD_MODULE);
	let imported_memory = wasm(
		r#"(module (import "wasi_snapshot_preview1" "memory" (memory 1)) (func (export "_start")))"#,
	);
	assert_eq!(exit_of(&imported_memory, |_| {}), exit::BAD_MODULE);
}

#[test]
fn unreachable_traps() {
	let code =
		wasm(r#"(module (memory (export "memory") 1) (func (export "_start") unreachable))"#);
	assert_eq!(exit_of(&code, |_| {}), exit::TRAP);
}

#[test]
fn unsupported_wasi_calls_answer_enosys_deterministically() {
	// path_open → ENOSYS (52), written as the exit status.
	let code = wasm(
		r#"(module
		  (import "wasi_snapshot_preview1" "path_open"
		    (func $open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
		  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
		  (memory (export "memory") 1)
		  (func (export "_start")
		    (call $exit (call $open (i32.const 3) (i32.const 0) (i32.const 0) (i32.const 0)
		      (i32.const 0) (i64.const 0) (i64.const 0) (i32.const 0) (i32.const 0)))))"#,
	);
	assert_eq!(exit_of(&code, |_| {}), 52);
}

#[test]
fn the_watchdog_gives_up_without_a_result() {
	let ex = Executor::new(None).unwrap();
	let code =
		wasm(r#"(module (memory (export "memory") 1) (func (export "_start") (loop $l (br $l))))"#);
	let j =
		Job { max_fuel: u64::MAX / 2, wall_limit: Duration::from_millis(200), ..job(&code, b"") };
	match ex.run(&j) {
		Err(RunError::GaveUp(after)) => assert!(after >= Duration::from_millis(150)),
		other => panic!("expected a give-up, got {other:?}"),
	}
	let echo = wasm(ECHO);
	assert_eq!(run(&ex, &job(&echo, b"still")).output, b"llits");
}

#[test]
fn the_determinism_class_is_stable_for_this_build() {
	let a = Executor::new(None).unwrap().determinism_class();
	let b = Executor::new(None).unwrap().determinism_class();
	assert_eq!(a, b);
	assert_ne!(a, 0);
}

/// A module that calls `random_get` on 64 KiB in an endless loop.
const RANDOM_FLOOD: &str = r#"(module
  (import "wasi_snapshot_preview1" "random_get" (func $r (param i32 i32) (result i32)))
  (memory (export "memory") 2)
  (func (export "_start") (loop $l (drop (call $r (i32.const 0) (i32.const 65536))) (br $l))))"#;

#[test]
fn a_host_call_flood_runs_out_of_fuel_instead_of_running_on() {
	// 10⁸ fuel: ~0.1 s of ordinary code. Charged 8 fuel per random byte, the flood ends
	// after ~190 calls; at one fuel per call it hashed 64 KiB per fuel and the watchdog
	// (2 s here) gave up with no result, which every replica would then miss.
	let ex = Executor::new(None).unwrap();
	let code = wasm(RANDOM_FLOOD);
	let mut j = job(&code, b"");
	j.max_fuel = 100_000_000;
	j.wall_limit = Duration::from_secs(2);
	let out = ex.run(&j).expect("ends by fuel, not by the watchdog");
	assert_eq!((out.result.exit, out.result.fuel_used), (exit::OUT_OF_FUEL, j.max_fuel));
	assert_eq!(ex.run(&j).unwrap().result, out.result, "deterministic");
}

#[test]
fn an_iovec_array_longer_than_iov_max_is_refused() {
	// fd_write of `count` empty iovecs to stdout; the module exits with the errno.
	let write = |count: u32| {
		wasm(&format!(
			r#"(module
			  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
			  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
			  (memory (export "memory") 16)
			  (func (export "_start")
			    (call $exit (call $w (i32.const 1) (i32.const 16) (i32.const {count}) (i32.const 0)))))"#
		))
	};
	assert_eq!(exit_of(&write(100_000), |_| {}), 28, "EINVAL");
	assert_eq!(exit_of(&write(1024), |_| {}), 0, "SUCCESS at IOV_MAX");
}

#[test]
fn host_calls_cost_fuel_by_the_bytes_they_move() {
	use depin_worker::executor::wasi::cost;
	// One fd_write of `len` bytes to stderr (the log, not the output).
	let write = |len: u32| {
		wasm(&format!(
			r#"(module
			  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
			  (memory (export "memory") 2)
			  (func (export "_start")
			    (i32.store (i32.const 0) (i32.const 64)) (i32.store (i32.const 4) (i32.const {len}))
			    (drop (call $w (i32.const 2) (i32.const 0) (i32.const 1) (i32.const 8)))))"#
		))
	};
	let ex = Executor::new(None).unwrap();
	let fuel = |len| run(&ex, &job(&write(len), b"")).result.fuel_used;
	assert_eq!(fuel(60_000) - fuel(0), 60_000 * cost::BYTE);
}

#[test]
fn compiling_counts_against_the_wall_clock_limit() {
	// A module that takes well over a millisecond to compile, given one millisecond: the
	// worker gives up (no result) instead of running it with a fresh allowance.
	let functions = "(func (result i32) (i32.const 1))".repeat(2000);
	let code = wasm(&format!(
		r#"(module (memory (export "memory") 1) {functions} (func (export "_start")))"#
	));
	let ex = Executor::new(None).unwrap();
	let mut j = job(&code, b"");
	j.wall_limit = Duration::from_millis(1);
	assert!(matches!(ex.run(&j), Err(RunError::GaveUp(_))));
	// Compiled now and cached: the next run has its whole limit for the job.
	j.wall_limit = Duration::from_secs(30);
	assert_eq!(run(&ex, &j).result.exit, 0);
}
