//! Shared vocabulary of the DePIN compute chain: identifiers, device and task types, the
//! result of a job and its commitment, the job exit codes, the traits through which the
//! pallets talk to each other, and the `DepinApi` runtime API (its declaration with feature
//! `runtime-api`).
//!
//! Everything here is `no_std` and SCALE-encoded; with `std` the types also (de)serialize
//! to JSON for the node's `depin_*` RPC.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod api;
pub mod data;
pub mod device;
pub mod exit;
pub mod market;
pub mod result;
#[cfg(feature = "std")]
pub mod serde_decimal;
#[cfg(feature = "std")]
pub mod serde_hex;
pub mod task;
pub mod traits;

pub use api::*;
pub use data::{BlobRef, ContentHash, Manifest};
pub use device::*;
pub use market::*;
pub use result::*;
#[cfg(feature = "std")]
pub use serde_decimal::Decimal;
pub use task::*;
pub use traits::*;

/// Identifier of a program: `blake2_256` of its Wasm code.
pub type ProgramId = [u8; 32];
/// The id of a program: `blake2_256` of its code.
pub fn program_id(code: &[u8]) -> ProgramId {
	sp_crypto_hashing::blake2_256(code)
}

/// Identifier of a task: sequential from 0.
pub type TaskId = u64;
/// A 32-byte hash.
pub type Hash32 = [u8; 32];
