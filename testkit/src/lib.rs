//! Test harness for process-level tests: starts real `depin-node` (and `depin-worker`)
//! processes on free loopback ports, waits for their RPC, and stops them on drop — also when a test fails
//! (unwinding) and, through `PR_SET_PDEATHSIG`, when the test process itself dies.

pub mod bytes;
pub mod node;
pub mod process;
pub mod wait;
pub mod wasm;
pub mod worker;

pub use bytes::{pseudo_random_bytes, pseudo_random_text};
pub use node::{NodeConfig, TestNode};
pub use process::{binary_path, free_port, ChildProcess};
pub use wait::until;
pub use worker::start_worker;
