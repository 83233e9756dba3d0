//! `depin runtime`: the chain's runtime version, and enacting a runtime upgrade.

use std::path::PathBuf;

use anyhow::Context;
use clap::Subcommand;
use serde_json::json;

use super::{Global, Output};
use crate::calls;

/// Runtime commands.
#[derive(Subcommand)]
pub enum RuntimeCommand {
	/// The runtime version the chain runs now.
	Version,
	/// Replaces the chain's runtime (`sudo(system.set_code)`; `--suri` is the sudo key).
	/// The chain refuses a runtime of another name or without a higher `spec_version`.
	Upgrade {
		/// The new runtime: `depin_runtime.compact.compressed.wasm` of its build.
		wasm: PathBuf,
	},
}

/// Runs a runtime command.
pub async fn run(g: &Global, command: RuntimeCommand) -> anyhow::Result<Output> {
	match command {
		RuntimeCommand::Version => {
			let client = g.client().await?;
			let v = client.versions();
			Ok(Output::new(
				vec![format!(
					"spec_version {}, transaction_version {}",
					v.spec_version, v.transaction_version
				)],
				json!({ "specVersion": v.spec_version, "transactionVersion": v.transaction_version }),
			))
		}
		RuntimeCommand::Upgrade { wasm } => upgrade(g, &wasm).await,
	}
}

async fn upgrade(g: &Global, wasm: &std::path::Path) -> anyhow::Result<Output> {
	let code = std::fs::read(wasm)
		.with_context(|| format!("cannot read the runtime {}", wasm.display()))?;
	anyhow::ensure!(!code.is_empty(), "{} is empty", wasm.display());
	let signer = g.signer()?;
	let client = g.client().await?;
	let before = client.versions();
	let receipt = client.submit(&signer, calls::set_code(code)).await?;
	// Sudo reports the inner call's failure in its event, not as a failed transaction.
	client.sudo_result(&receipt).await?;
	let after = client.refresh_versions().await?;
	Ok(Output::new(
		vec![format!(
			"runtime upgraded in block {:?}: spec_version {} → {}",
			receipt.block_hash, before.spec_version, after.spec_version
		)],
		json!({
			"block": receipt.block_hash,
			"specVersionBefore": before.spec_version,
			"specVersion": after.spec_version,
		}),
	))
}
