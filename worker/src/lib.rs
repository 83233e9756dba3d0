//! `depin-worker`: the program device owners run.
//!
//! - [`data`]: stored data for jobs, fetched once, checked by hash, cached.
//! - [`executor`]: runs WASM jobs deterministically and safely; usable without a chain
//!   (the `depin-executor` crate, which the node shares).
//! - [`daemon`]: follows the chain, heartbeats, runs assigned jobs, commits and reveals,
//!   with a crash-safe journal, metrics and clean shutdown.
//! - [`keys`], [`status`], [`speed`]: the `key`, `status` and `bench` subcommands.

pub mod daemon;
pub mod data;
pub use depin_executor as executor;
pub mod keys;
pub mod speed;
pub mod status;
