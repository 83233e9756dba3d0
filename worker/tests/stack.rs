//! The logical stack limit: a job overflows at the depth its frame costs give, whatever
//! the machine's native stack, and the instrumentation changes nothing else a module
//! computes.

use std::time::Duration;

use depin_primitives::{exit, program_id};
use depin_worker::executor::{
	depth::{FRAME_BASE, MAX_DEPTH},
	Executor, Instrumentation, Job, Mode, Outcome, RunError,
};

fn wasm(wat: &str) -> Vec<u8> {
	wat::parse_str(wat).expect("valid WAT")
}

fn job(code: &[u8]) -> Job<'_> {
	Job {
		task: 1,
		program: program_id(code),
		code,
		input: Default::default(),
		max_fuel: 1 << 40,
		memory_mib: 16,
		mode: Mode::Native,
		max_output: 1024,
		wall_limit: Duration::from_secs(60),
	}
}

fn run(code: &[u8]) -> Outcome {
	Executor::new(None).unwrap().run(&job(code)).expect("the job ends by itself")
}

/// A module whose `_start` recurses `n` levels below the first call of `$f`; `$f` has
/// one parameter, `extra` i64 locals, and an operand stack two deep.
fn recursion(n: u32, extra: u32) -> Vec<u8> {
	let locals = "(local i64)".repeat(extra as usize);
	wasm(&format!(
		r#"(module (memory (export "memory") 1)
		  (func $f (param $n i32) {locals}
		    (if (local.get $n) (then (call $f (i32.sub (local.get $n) (i32.const 1))))))
		  (func (export "_start") (call $f (i32.const {n}))))"#
	))
}

/// The deepest recursion of [`recursion`] that fits the limit.
fn deepest(extra: u32) -> u32 {
	let start = FRAME_BASE + 1; // `_start`: its one operand
	let f = FRAME_BASE + 1 + extra + 2; // `$f`: its parameter, locals and two operands
									 // `$f` runs `n + 1` times for `n`.
	(MAX_DEPTH - start) / f - 1
}

#[test]
fn a_job_overflows_exactly_where_its_frame_costs_reach_the_limit() {
	for extra in [0, 10, 300] {
		let n = deepest(extra);
		assert_eq!(run(&recursion(n, extra)).result.exit, 0, "{extra} locals, depth {n}");
		let over = run(&recursion(n + 1, extra)).result;
		assert_eq!(over.exit, exit::STACK_OVERFLOW, "{extra} locals, depth {}", n + 1);
		// The same on every run: the overflow is at one instruction.
		assert_eq!(run(&recursion(n + 1, extra)).result, over);
	}
}

#[test]
fn the_callers_stack_does_not_matter() {
	let code = recursion(deepest(0) + 1, 0);
	let on_a_big_stack = run(&code).result;
	// A caller with a small stack (a test thread, a blocking pool) gets the same result:
	// the job runs on a thread of its own.
	let small = std::thread::Builder::new().stack_size(128 * 1024);
	let on_a_small_stack = small.spawn(move || run(&code).result).unwrap().join().unwrap();
	assert_eq!(on_a_small_stack, on_a_big_stack);
	assert_eq!(on_a_small_stack.exit, exit::STACK_OVERFLOW);
}

#[test]
fn every_way_out_of_a_function_gives_its_depth_back() {
	// 100 000 calls leave through `return` in nested blocks, a branch to the function's
	// label, `br_table`, a multi-value end and a tail call, in a loop: a way out that kept
	// its cost would overflow the limit within a few thousand calls.
	let code = wasm(
		r#"(module (memory (export "memory") 1)
		  (type $two (func (param i32) (result i32 i32)))
		  (table 1 funcref) (elem (i32.const 0) $via_br_table)
		  (func $via_return (param i32) (result i32)
		    (block (block (if (local.get 0) (then (return (i32.const 1)))))) (i32.const 0))
		  (func $via_br (param i32) (result i32)
		    (drop (block (result i32) (br_if 1 (i32.const 2) (local.get 0)))) (i32.const 3))
		  (func $via_br_table (param i32) (result i32)
		    (block (result i32)
		      (block (result i32) (br_table 0 1 2 (i32.const 4) (local.get 0)))
		      (i32.add (i32.const 1))))
		  (func $two (type $two) (local.get 0) (i32.const 6))
		  (func $tail (param i32) (result i32) (return_call $via_return (local.get 0)))
		  (func (export "_start") (local $i i32)
		    (loop $again
		      (drop (call $via_return (local.get $i)))
		      (drop (call $via_br (local.get $i)))
		      (drop (call_indirect (param i32) (result i32) (i32.rem_u (local.get $i) (i32.const 3)) (i32.const 0)))
		      (drop (drop (call $two (local.get $i))))
		      (drop (call $tail (local.get $i)))
		      (local.set $i (i32.add (local.get $i) (i32.const 1)))
		      (br_if $again (i32.lt_u (local.get $i) (i32.const 100000))))))"#,
	);
	let out = run(&code);
	assert_eq!(out.result.exit, 0, "{:?}", out.bad_module);
}

#[test]
fn tail_calls_do_not_grow_the_depth() {
	let code = wasm(
		r#"(module (memory (export "memory") 1)
		  (func $count (param i32)
		    (if (local.get 0) (then (return_call $count (i32.sub (local.get 0) (i32.const 1))))))
		  (func (export "_start") (call $count (i32.const 1000000))))"#,
	);
	assert_eq!(run(&code).result.exit, 0);
}

#[test]
fn the_instrumentation_changes_nothing_a_module_computes() {
	// The example job with calls, returns and branches of every kind, with and without
	// the limit: the same output.
	let code = wasm(depin_testkit::wasm::REVERSE);
	let bare = Executor::instrumented(Instrumentation { fuel: true, watchdog: true, depth: false })
		.unwrap();
	let mut j = job(&code);
	j.input = std::sync::Arc::new(b"the stack limit".to_vec());
	let with = Executor::new(None).unwrap().run(&j).unwrap();
	let without = bare.run(&j).unwrap();
	assert_eq!((with.result.exit, &with.output), (0, &b"timil kcats eht".to_vec()));
	assert_eq!((without.result.exit, &without.output), (0, &with.output));
}

#[test]
fn a_job_importing_the_executors_own_function_is_a_bad_module() {
	let code = wasm(
		r#"(module (import "depin" "stack_overflow" (func))
		  (memory (export "memory") 1) (func (export "_start") (call 0)))"#,
	);
	let out = run(&code);
	assert_eq!(out.result.exit, exit::BAD_MODULE);
	assert!(out.bad_module.unwrap().contains("reserved"));
}

#[test]
fn the_native_backstop_is_a_local_failure_not_a_result() {
	// Without the logical limit only the native backstop stops the recursion: the run
	// ends without a result (the worker declines), never with a `STACK_OVERFLOW` whose
	// depth depends on this machine.
	let bare = Executor::instrumented(Instrumentation { fuel: true, watchdog: true, depth: false })
		.unwrap();
	let code = wasm(
		r#"(module (memory (export "memory") 1)
		  (func $f (call $f)) (func (export "_start") (call $f)))"#,
	);
	assert!(matches!(bare.run(&job(&code)), Err(RunError::Internal(_))));
	// With it, the same module has a result.
	assert_eq!(run(&code).result.exit, exit::STACK_OVERFLOW);
}
