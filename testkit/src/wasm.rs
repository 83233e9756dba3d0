//! Small WebAssembly programs (text format) shared by the tests.

/// Reads stdin (up to 1 KiB) and writes it back reversed, then ends with status 0.
pub const REVERSE: &str = r#"
(module
  (import "wasi_snapshot_preview1" "fd_read" (func $read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (local $n i32) (local $i i32)
    ;; iovec at 0: buf 1024, len 1024; nread at 16
    (i32.store (i32.const 0) (i32.const 1024))
    (i32.store (i32.const 4) (i32.const 1024))
    (drop (call $read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 16)))
    (local.set $n (i32.load (i32.const 16)))
    ;; reverse into 4096
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (i32.store8 (i32.add (i32.const 4096) (local.get $i))
        (i32.load8_u (i32.sub (i32.add (i32.const 1023) (local.get $n)) (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l)))
    (i32.store (i32.const 32) (i32.const 4096))
    (i32.store (i32.const 36) (local.get $n))
    (drop (call $write (i32.const 1) (i32.const 32) (i32.const 1) (i32.const 48)))))
"#;
