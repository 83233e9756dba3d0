//! What `depin job submit` gives a job as input: bytes in the task when they fit the
//! chain's inline limit, otherwise a blob the chain keeps (stored first if need be).

use std::{io::Read, path::PathBuf};

use anyhow::Context;
use depin_primitives::{BlobRef, ContentHash, ProgramId, TaskParams};
use serde_json::{json, Value};

use super::data::{parse_hash, Reporter};
use crate::{blobs::hex_hash, calls, calls::Call, types::Balance, Client, Signer};

/// Where the input comes from, read as far as choosing inline or stored needs.
pub enum InputSource {
	/// Bytes that fit the inline limit.
	Inline(Vec<u8>),
	/// A file too large to go inline: stored as a blob at submission.
	File(PathBuf),
	/// A blob the chain keeps already, by name.
	Blob(ContentHash),
	/// A file that devices fetch from sources (URL templates): not uploaded.
	Sourced(PathBuf, Vec<String>),
}

/// The input as the task carries it.
pub enum TaskInput {
	/// In the task.
	Inline(Vec<u8>),
	/// A kept blob: its manifest's bytes and its reference.
	Stored { manifest: Vec<u8>, blob: BlobRef },
	/// A blob the chain does not keep, and where devices fetch it.
	Sourced { blob: BlobRef, sources: Vec<String> },
}

impl InputSource {
	/// `--input FILE` fetched from `--source`s: each checked as the chain checks it.
	pub fn sourced(input: Option<&PathBuf>, sources: Vec<String>) -> anyhow::Result<Self> {
		let path = input.context("--source needs --input FILE")?;
		anyhow::ensure!(path.as_os_str() != "-", "--source needs --input FILE, not stdin");
		for source in &sources {
			depin_primitives::data::check_source(source.as_bytes()).map_err(|e| {
				anyhow::anyhow!(
					"--source {source}: {e:?}; a source is an http:// or https:// URL of at \
					 most 256 printable characters with exactly one {{hash}} or {{cid}}"
				)
			})?;
		}
		Ok(Self::Sourced(path.clone(), sources))
	}

	/// `--input` (a file, `-` for stdin, none for empty) or `--input-blob`; `max` is the
	/// chain's inline limit. Stdin above the limit is refused (store it with `depin data
	/// put` first): it cannot be read twice.
	pub fn choose(
		input: Option<&PathBuf>,
		input_blob: Option<&str>,
		max: usize,
	) -> anyhow::Result<Self> {
		if let Some(name) = input_blob {
			return Ok(Self::Blob(parse_hash(name).context("--input-blob")?));
		}
		let Some(path) = input else { return Ok(Self::Inline(Vec::new())) };
		if path.as_os_str() == "-" {
			let mut bytes = Vec::new();
			std::io::stdin().read_to_end(&mut bytes)?;
			anyhow::ensure!(
				bytes.len() <= max,
				"the input on stdin is {} bytes, above the chain's inline limit of {max}: \
				 store it with `depin data put FILE` and pass --input-blob, or pass --input FILE",
				bytes.len()
			);
			return Ok(Self::Inline(bytes));
		}
		let size = std::fs::metadata(path)
			.with_context(|| format!("cannot read {}", path.display()))?
			.len();
		if size > max as u64 {
			return Ok(Self::File(path.clone()));
		}
		let bytes =
			std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
		Ok(Self::Inline(bytes))
	}

	/// The input as the task will carry it: a large file is stored now (progress on
	/// stderr); a named blob must be kept by the chain. With `stored`, for a task whose
	/// output is a blob (such a task names a stored input), small inputs are stored too.
	pub async fn resolve(
		self,
		client: &Client,
		signer: &Signer,
		stored: bool,
	) -> anyhow::Result<TaskInput> {
		let name = match self {
			Self::Sourced(path, sources) => {
				let manifest = crate::export::file_manifest(&path, |_, _| Ok(()))?;
				return Ok(TaskInput::Sourced { blob: manifest.blob_ref(), sources });
			}
			Self::Inline(bytes) if !stored => return Ok(TaskInput::Inline(bytes)),
			Self::Inline(bytes) => {
				let chunk_len: u32 = client.constant("Blobs", "MaxChunkLen").await?;
				let mut reporter = Reporter::new("stored");
				let blob =
					client.put_bytes(signer, &bytes, chunk_len, |p| reporter.report(p)).await?;
				blob.manifest
			}
			Self::Blob(name) => name,
			Self::File(path) => {
				let mut reporter = Reporter::new("stored");
				let blob = client.put_file(signer, &path, |p| reporter.report(p)).await?;
				blob.manifest
			}
		};
		let manifest = client.fetch_chunk(&name).await?;
		let blob = depin_primitives::Manifest::from_bytes(&manifest)
			.map_err(|reason| {
				anyhow::anyhow!("blob {} is not a manifest: {reason:?}", hex_hash(&name))
			})?
			.blob_ref();
		Ok(TaskInput::Stored { manifest, blob })
	}
}

impl TaskInput {
	/// The call submitting a task on this input, whose output is a blob of at most
	/// `output_limit` bytes (0: kept in state; an inline input has no other).
	pub fn submit_call(
		self,
		program: ProgramId,
		params: TaskParams<Balance>,
		output_limit: u64,
	) -> Call {
		match self {
			Self::Inline(bytes) => calls::submit_task(program, bytes, params),
			Self::Stored { manifest, .. } => {
				calls::submit_stored_task(program, manifest, params, output_limit)
			}
			Self::Sourced { blob, sources } => {
				let sources = sources.into_iter().map(String::into_bytes).collect();
				calls::submit_sourced_task(program, blob, sources, params, output_limit)
			}
		}
	}

	/// How the input is described in `--json` output.
	pub fn describe(&self) -> Value {
		match self {
			Self::Inline(bytes) => json!({ "inline": bytes.len() }),
			Self::Stored { blob, .. } => {
				json!({ "blob": hex_hash(&blob.manifest), "size": blob.size })
			}
			Self::Sourced { blob, sources } => json!({
				"blob": hex_hash(&blob.manifest),
				"size": blob.size,
				"sources": sources,
			}),
		}
	}
}
