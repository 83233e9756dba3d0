//! `depin-client`: the one chain client of the DePIN compute chain.
//!
//! It connects to a node over JSON-RPC (WebSocket), and grows here into signing,
//! nonce tracking, extrinsic submission and runtime-API queries. The worker and the
//! `depin` CLI are thin layers over it.

pub mod error;
pub mod rpc;

pub use error::Error;
pub use rpc::Rpc;
