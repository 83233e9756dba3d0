//! `depin-node`: the validator node of the DePIN compute chain.
//!
//! `--dev` runs a single self-sealing node (manual seal on a timer, instant finality);
//! `--chain local` and custom chain specs run Aura block production with GRANDPA finality.
#![warn(missing_docs)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
