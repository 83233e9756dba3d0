//! `depin-client`: the one chain client of the DePIN compute chain.
//!
//! - [`Rpc`]: a JSON-RPC (WebSocket) connection with typed calls and subscriptions.
//! - [`Client`]: the chain's identity and runtime version (checked to be compatible),
//!   storage reads, `DepinApi` queries ([`api`]), signed transactions with nonce tracking
//!   and receipts ([`tx`]), and failed calls turned into named, documented errors.
//! - [`Signer`]: sr25519 keys from a secret URI or a private key file.
//! - [`blobs`]: data of any size stored as chunks and fetched back, checked by hash.
//! - [`calls`]: constructors of the calls of the compute pallets; [`events`]: the events
//!   it reads; [`types`]: the chain's basic types.
//! - [`compat`]: the chain's own metadata against the pinned one
//!   (`client/metadata/depin.scale`): the client depends on no runtime crate.
//!
//! The worker and the `depin` CLI are thin layers over it.

pub mod api;
pub mod blobs;
pub mod calls;
pub mod cli;
pub mod client;
pub mod compat;
pub mod dispatch_error;
pub mod error;
pub mod events;
pub mod export;
pub mod rpc;
pub mod signer;
pub mod tx;
pub mod types;
pub mod units;

pub use api::{Assignment, Device, Task};
pub use client::Client;
pub use depin_primitives as primitives;
pub use error::Error;
pub use rpc::Rpc;
pub use signer::{parse_account, Signer};
pub use tx::Receipt;
pub use units::{format_balance, format_price, parse_balance};
