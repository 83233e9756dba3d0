//! `depin data put|get|renew|info|export`: data of any size kept by the chain, named by its
//! hash; `export` writes a file's chunks for an HTTP server to serve instead.

use std::{io::IsTerminal, path::PathBuf, time::Instant};

use anyhow::Context;
use clap::Subcommand;
use serde_json::json;

use super::{Global, Output};
use crate::blobs::{hex_hash, Progress};
use depin_primitives::ContentHash;

/// Data commands.
#[derive(Subcommand)]
pub enum DataCommand {
	/// Write a file's chunks and manifest into a directory, each named by its hash in hex,
	/// for an HTTP server to serve as a task's input source (`depin job submit --input FILE
	/// --source 'https://host/path/{hash}'`); nothing goes to the chain. Prints the blob's
	/// name.
	Export {
		/// The file.
		file: PathBuf,
		/// The directory (created if needed).
		dir: PathBuf,
	},
	/// Store a file on chain (in chunks, in block bodies); prints the blob's name. Run it
	/// again after an interruption: what is stored is skipped.
	Put {
		/// The file.
		file: PathBuf,
	},
	/// Fetch a blob into a file, every chunk checked against its hash. Run it again after
	/// an interruption: it resumes from `FILE.part`.
	Get {
		/// The blob's name (0x + 64 hex digits, as `data put` printed it).
		blob: String,
		/// Where to write it.
		#[arg(long)]
		out: PathBuf,
	},
	/// Keep every chunk of a blob that is due for renewal (stored or renewed half a
	/// retention period ago or more) another retention period from now (pays the storage
	/// fee again); says when the others are due.
	Renew {
		/// The blob's name (0x + 64 hex digits).
		blob: String,
	},
	/// Whether the chain keeps every chunk of a blob, and until which block.
	Info {
		/// The blob's name (0x + 64 hex digits).
		blob: String,
	},
}

/// Parses a blob's name.
pub fn parse_hash(s: &str) -> anyhow::Result<ContentHash> {
	let bytes =
		hex::decode(s.trim_start_matches("0x")).context("a blob's name is 0x + 64 hex digits")?;
	bytes.try_into().map_err(|_| anyhow::anyhow!("a blob's name is 0x + 64 hex digits (32 bytes)"))
}

fn mib(bytes: u64) -> f64 {
	bytes as f64 / (1024.0 * 1024.0)
}

/// Prints progress to stderr: one line, rewritten, on a terminal; a line per tenth
/// otherwise.
pub(super) struct Reporter {
	verb: &'static str,
	started: Instant,
	terminal: bool,
	last_tenth: usize,
}

impl Reporter {
	pub(super) fn new(verb: &'static str) -> Self {
		Self {
			verb,
			started: Instant::now(),
			terminal: std::io::stderr().is_terminal(),
			last_tenth: 0,
		}
	}

	pub(super) fn report(&mut self, p: &Progress) {
		let seconds = self.started.elapsed().as_secs_f64().max(1e-3);
		let line = format!(
			"{} {}/{} chunks, {:.1} of {:.1} MiB ({:.1} MiB/s)",
			self.verb,
			p.chunks_done,
			p.chunks_total,
			mib(p.bytes_done),
			mib(p.bytes_total),
			mib(p.bytes_done) / seconds
		);
		if self.terminal {
			eprint!("\r{line}   ");
			if p.chunks_done == p.chunks_total {
				eprintln!();
			}
		} else {
			let tenth = p.chunks_done * 10 / p.chunks_total.max(1);
			if tenth > self.last_tenth || p.chunks_done == p.chunks_total {
				self.last_tenth = tenth;
				eprintln!("{line}");
			}
		}
	}

	fn rate(&self, bytes: u64) -> f64 {
		mib(bytes) / self.started.elapsed().as_secs_f64().max(1e-3)
	}
}

/// Runs a data command.
pub async fn run(g: &Global, command: DataCommand) -> anyhow::Result<Output> {
	match command {
		DataCommand::Export { file, dir } => {
			let manifest = crate::export::export_file(&file, &dir)?;
			let name = hex_hash(&depin_primitives::data::content_hash(&manifest.to_bytes()));
			Ok(Output::new(
				vec![
					format!("blob {name}"),
					format!(
						"{} bytes in {} chunks and a manifest written to {}; serve it and pass \
						 --source 'http(s)://HOST/PATH/{{hash}}'",
						manifest.size,
						manifest.chunks.len(),
						dir.display()
					),
				],
				json!({
					"blob": name,
					"cid": depin_primitives::data::chunk_cid(&depin_primitives::data::content_hash(
						&manifest.to_bytes()
					)),
					"size": manifest.size,
					"chunks": manifest.chunks.len(),
					"dir": dir.display().to_string(),
				}),
			))
		}
		DataCommand::Put { file } => {
			let client = g.client().await?;
			let signer = g.signer()?;
			let mut reporter = Reporter::new("stored");
			let mut last = Progress::default();
			let blob = client
				.put_file(&signer, &file, |p| {
					last = *p;
					reporter.report(p);
				})
				.await?;
			let name = hex_hash(&blob.manifest);
			Ok(Output::new(
				vec![
					format!("blob {name}"),
					format!(
						"{} bytes in {} chunks and a manifest: {} sent, {} already stored ({:.1} MiB/s)",
						blob.size,
						last.chunks_total - 1,
						last.chunks_total - last.chunks_skipped,
						last.chunks_skipped,
						reporter.rate(blob.size)
					),
				],
				json!({
					"blob": name,
					"size": blob.size,
					"chunks": last.chunks_total - 1,
					"sent": last.chunks_total - last.chunks_skipped,
					"alreadyStored": last.chunks_skipped,
				}),
			))
		}
		DataCommand::Get { blob, out } => {
			let name = parse_hash(&blob)?;
			let client = g.client().await?;
			let mut reporter = Reporter::new("fetched");
			let mut last = Progress::default();
			let manifest = client
				.get_file(&name, &out, |p| {
					last = *p;
					reporter.report(p);
				})
				.await?;
			Ok(Output::new(
				vec![format!(
					"{}: {} bytes, {} chunks checked ({} already there, {:.1} MiB/s)",
					out.display(),
					manifest.size,
					manifest.chunks.len(),
					last.chunks_skipped,
					reporter.rate(manifest.size)
				)],
				json!({
					"out": out.display().to_string(),
					"size": manifest.size,
					"chunks": manifest.chunks.len(),
					"alreadyThere": last.chunks_skipped,
				}),
			))
		}
		DataCommand::Renew { blob } => {
			let name = parse_hash(&blob)?;
			let client = g.client().await?;
			let outcome = client.renew_blob(&g.signer()?, &name).await?;
			let until =
				client.best_number().await?.saturating_add(client.retention_period().await?);
			let mut text = vec![format!(
				"blob {}: {} chunks renewed, kept to about block {until}",
				hex_hash(&name),
				outcome.renewed
			)];
			if let Some(due) = outcome.due_from {
				text.push(format!(
					"{} chunks stored or renewed less than half a retention period ago are \
					 not due: they can be renewed from block {due}",
					outcome.not_due
				));
			}
			Ok(Output::new(
				text,
				json!({
					"blob": hex_hash(&name),
					"renewed": outcome.renewed,
					"notDue": outcome.not_due,
					"dueFrom": outcome.due_from,
					"keptUntil": until,
				}),
			))
		}
		DataCommand::Info { blob } => {
			let name = parse_hash(&blob)?;
			let client = g.client().await?;
			let manifest = client.manifest(&name).await?;
			let period: u32 = client.retention_period().await?;
			let mut kept_until = None::<u32>;
			let mut missing = Vec::new();
			for hash in std::iter::once(&name).chain(manifest.chunks.iter()) {
				match client.chunk_info(hash).await? {
					Some(info) => {
						let until = info.block.saturating_add(period);
						kept_until = Some(kept_until.map_or(until, |k| k.min(until)));
					}
					None => missing.push(hex_hash(hash)),
				}
			}
			let mut text = vec![format!(
				"blob {}: {} bytes in {} chunks of up to {} bytes",
				hex_hash(&name),
				manifest.size,
				manifest.chunks.len(),
				manifest.chunk_len
			)];
			text.push(match (missing.is_empty(), kept_until) {
				(true, Some(until)) => {
					format!("every chunk kept; the first to go leaves after block {until}")
				}
				_ => format!("{} chunks no longer kept: {}", missing.len(), missing.join(", ")),
			});
			Ok(Output::new(
				text,
				json!({
					"blob": hex_hash(&name),
					"size": manifest.size,
					"chunks": manifest.chunks.len(),
					"chunkLen": manifest.chunk_len,
					"keptUntil": kept_until,
					"missing": missing,
				}),
			))
		}
	}
}
