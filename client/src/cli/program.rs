//! `depin program upload|remove|info`.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Subcommand;
use depin_primitives::{program_id, ProgramId};
use serde_json::json;

use super::{Global, Output};
use crate::{calls, Client, Signer};

/// Program commands.
#[derive(Subcommand)]
pub enum ProgramCommand {
	/// Upload a WASM program (wasm32-wasip1 command module); prints its id.
	Upload {
		/// The `.wasm` file.
		file: PathBuf,
	},
	/// Remove a program you uploaded (no open task may use it); the deposit comes back.
	Remove {
		/// Program id (0x + 64 hex digits).
		id: String,
	},
	/// Whether a program is stored, and its size.
	Info {
		/// Program id (0x + 64 hex digits).
		id: String,
	},
}

/// `0x…` of a program id.
pub fn hex_id(id: &ProgramId) -> String {
	format!("0x{}", hex::encode(id))
}

/// Parses a program id.
pub fn parse_id(s: &str) -> anyhow::Result<ProgramId> {
	let bytes =
		hex::decode(s.trim_start_matches("0x")).context("a program id is 0x + 64 hex digits")?;
	bytes.try_into().map_err(|_| anyhow::anyhow!("a program id is 0x + 64 hex digits (32 bytes)"))
}

/// The chain's length limit `Market.{constant}` (`MaxInputLen`, say), in bytes.
pub async fn max_len(client: &Client, constant: &str) -> anyhow::Result<usize> {
	Ok(client.constant::<u32>("Market", constant).await? as usize)
}

/// Reads a program file and checks what the chain will check.
pub async fn read_program(client: &Client, file: &Path) -> anyhow::Result<Vec<u8>> {
	let code = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
	let max = max_len(client, "MaxProgramLen").await?;
	anyhow::ensure!(
		code.len() <= max,
		"{} is {} bytes; the chain stores programs of at most {} bytes (strip debug info: \
		 `wasm-opt -Oz` or `[profile.release] strip = true`)",
		file.display(),
		code.len(),
		max
	);
	anyhow::ensure!(
		code.starts_with(b"\0asm"),
		"{} is not a WebAssembly module (build it with `--target wasm32-wasip1`)",
		file.display()
	);
	Ok(code)
}

/// Uploads `code` unless the chain has it; returns its id and whether it was uploaded.
pub async fn ensure_uploaded(
	client: &Client,
	signer: &Signer,
	code: Vec<u8>,
) -> anyhow::Result<(ProgramId, bool)> {
	let id = program_id(&code);
	if client.program(&id).await?.is_some() {
		return Ok((id, false));
	}
	client.submit(signer, calls::upload_program(code)).await?;
	Ok((id, true))
}

/// Runs a program command.
pub async fn run(g: &Global, cmd: ProgramCommand) -> anyhow::Result<Output> {
	match cmd {
		ProgramCommand::Upload { file } => {
			let (client, signer) = (g.client().await?, g.signer()?);
			let code = read_program(&client, &file).await?;
			let len = code.len();
			let (id, uploaded) = ensure_uploaded(&client, &signer, code).await?;
			let what = if uploaded { "uploaded" } else { "already stored" };
			Ok(Output::new(
				vec![format!("program {} ({len} bytes) {what}", hex_id(&id))],
				json!({ "program": hex_id(&id), "bytes": len, "uploaded": uploaded }),
			))
		}
		ProgramCommand::Remove { id } => {
			let id = parse_id(&id)?;
			let (client, signer) = (g.client().await?, g.signer()?);
			client.submit(&signer, calls::remove_program(id)).await?;
			Ok(Output::new(
				vec![format!("program {} removed", hex_id(&id))],
				json!({ "removed": hex_id(&id) }),
			))
		}
		ProgramCommand::Info { id } => {
			let id = parse_id(&id)?;
			let code = g.client().await?.program(&id).await?;
			Ok(match code {
				Some(c) => Output::new(
					vec![format!("program {}: {} bytes", hex_id(&id), c.len())],
					json!({ "program": hex_id(&id), "bytes": c.len() }),
				),
				None => {
					Output::new(vec![format!("program {} is not stored", hex_id(&id))], json!(null))
				}
			})
		}
	}
}
