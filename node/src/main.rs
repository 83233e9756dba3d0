//! `depin-node`: the validator node of the DePIN compute chain.
//!
//! `--dev` runs a single self-sealing node (manual seal on a timer, instant finality);
//! `--chain local` and custom chain specs run Aura block production with GRANDPA finality.
#![warn(missing_docs)]
// The errors returned throughout are `sc_cli::Error` and `sc_service::Error`, as the
// node framework defines them.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
