//! Stored data: blobs of any size uploaded as chunks (`blobs.store`) and fetched back
//! from a node (`depin_blob`), every byte checked against the hash that names it.
//!
//! - [`Client::put_file`] cuts a file into chunks of at most `Blobs.MaxChunkLen` bytes,
//!   sends each one the chain does not keep yet (several in flight, within what a
//!   transaction pool holds), waits until the chain keeps it, and stores the manifest last:
//!   the blob is complete once its name resolves. Running it again after an interruption
//!   skips what is stored (resume for free). A chunk the chain keeps is sent again only
//!   when it is due for renewal (stored or renewed half a retention period ago or more):
//!   then it is renewed, so that every chunk of a blob put is kept at least about half a
//!   period more.
//! - [`Client::get_file`] fetches the manifest, then every chunk, each checked against its
//!   hash (a mismatch is fetched again), into `OUT.part`, renamed to `OUT` when complete.
//!   Chunks already in `OUT.part` with the right hash are kept: an interrupted download
//!   resumes where it stopped.

use std::{
	collections::VecDeque,
	fs::{File, OpenOptions},
	io::{Read, Seek, SeekFrom, Write},
	path::{Path, PathBuf},
	time::Duration,
};

use codec::Decode;
use depin_primitives::{
	data::{content_hash, ManifestError},
	BlobRef, ChunkPayment, ContentHash, Manifest,
};

use crate::{
	calls,
	client::{map_key, value_key},
	rpc::params,
	types::{AccountId, BlockNumber},
	Client, Error, Signer,
};

/// Why [`fetch_checked`] has no bytes.
#[derive(Debug)]
pub enum CheckedFetchError<E> {
	/// The source does not have them.
	Missing,
	/// Every copy the source gave did not match the hash.
	Corrupt,
	/// The source could not be asked.
	Source(E),
}

/// The bytes `fetch` gives for chunk `hash`, once they match it: asked again on a
/// mismatch (`mismatch` hears of each bad copy), [`ATTEMPTS`] times at most.
pub async fn fetch_checked<E, Fut>(
	hash: &ContentHash,
	mut fetch: impl FnMut() -> Fut,
	mut mismatch: impl FnMut(),
) -> Result<Vec<u8>, CheckedFetchError<E>>
where
	Fut: std::future::Future<Output = Result<Option<Vec<u8>>, E>>,
{
	for _ in 0..ATTEMPTS {
		let bytes =
			fetch().await.map_err(CheckedFetchError::Source)?.ok_or(CheckedFetchError::Missing)?;
		if content_hash(&bytes) == *hash {
			return Ok(bytes);
		}
		mismatch();
		tracing::warn!(chunk = %hex_hash(hash), "a fetched chunk did not match its hash; fetching it again");
	}
	Err(CheckedFetchError::Corrupt)
}

/// Bytes of chunks sent and not yet kept at a time: well within a node's default
/// transaction pool (20 MiB).
const MAX_IN_FLIGHT_BYTES: usize = 12 * 1024 * 1024;
/// Blocks a sent chunk may take to be kept before it is sent again.
const RESEND_AFTER_BLOCKS: BlockNumber = 20;
/// Times a chunk is sent (or fetched) before the transfer gives up.
pub const ATTEMPTS: u32 = 3;
/// Pause between two looks at the chain while chunks are in flight.
const POLL: Duration = Duration::from_millis(250);

/// sc-rpc-api's `author_*` codes of a busy pool: a transaction of the same sender and
/// nonce is there (1014), or the pool is full (1016).
const POOL_BUSY: [i32; 2] = [1014, 1016];

/// The errors the pool refuses a `blobs` transaction for as certain to fail that leave
/// the chunk's state on chain to decide what comes next: it is kept already (another
/// sender stored it first), it is not kept, or it is not due for renewal.
const SETTLED_BY_STATE: [&str; 3] = ["AlreadyStored", "UnknownChunk", "RenewedTooSoon"];

/// The `InvalidTransaction::Custom` code of a pool refusal (`Custom error: N`), if it is
/// one.
fn custom_refusal(error: &Error) -> Option<u8> {
	match error {
		Error::Invalid { code: 1010, data: Some(data), .. } => {
			data.strip_prefix("Custom error: ")?.parse().ok()
		}
		_ => None,
	}
}

/// What renewing a blob did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Renewal {
	/// Chunks renewed (the manifest included).
	pub renewed: usize,
	/// Chunks not due for renewal yet: stored or renewed less than half a retention period
	/// ago.
	pub not_due: usize,
	/// The first block at which one of those is due.
	pub due_from: Option<BlockNumber>,
}

/// Where a kept chunk is (`Blobs.Chunks`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode)]
pub struct ChunkInfo {
	/// Its size in bytes.
	pub size: u32,
	/// The block that stored or last renewed it.
	pub block: BlockNumber,
	/// Its position among that block's chunks.
	pub index: u32,
}

/// What went wrong moving data.
#[derive(Debug, thiserror::Error)]
pub enum BlobError {
	/// The chain or the node.
	#[error(transparent)]
	Client(#[from] Error),
	/// A local file.
	#[error("{path}: {source}")]
	Io {
		/// The file.
		path: PathBuf,
		/// The error.
		source: std::io::Error,
	},
	/// No node keeps this chunk (never stored, or past its retention period).
	#[error("the node does not keep chunk {hash} (never stored, or its retention period ended)")]
	Missing {
		/// The chunk's hash.
		hash: String,
	},
	/// A chunk's bytes did not match its hash, every time.
	#[error("chunk {hash} came back {attempts} times with bytes that do not match its hash")]
	Corrupt {
		/// The chunk's hash.
		hash: String,
		/// How often it was fetched.
		attempts: u32,
	},
	/// The hash names a chunk, not a blob's manifest.
	#[error("{hash} is not a blob (its bytes are not a manifest: {reason:?}); `depin data put` prints a blob's name")]
	NotABlob {
		/// The hash given.
		hash: String,
		/// Why the bytes are not a manifest.
		reason: ManifestError,
	},
	/// The chain did not keep a chunk that was sent several times.
	#[error(
		"the chain did not keep chunk {index} ({hash}) after {attempts} attempts: is the \
		 balance enough for the storage fee (`depin balance`)?"
	)]
	NotKept {
		/// The chunk's position in the blob (the manifest is last).
		index: usize,
		/// Its hash.
		hash: String,
		/// How often it was sent.
		attempts: u32,
	},
	/// The file is larger than one manifest can describe.
	#[error("{path} is {size} bytes; a blob holds at most {max} bytes")]
	TooLarge {
		/// The file.
		path: PathBuf,
		/// Its size.
		size: u64,
		/// The largest blob.
		max: u64,
	},
}

/// How far a transfer is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
	/// Chunks done (kept on chain, or fetched and checked).
	pub chunks_done: usize,
	/// Chunks in all (an upload counts its manifest).
	pub chunks_total: usize,
	/// Chunks that needed no transfer (already stored, or already in the partial file).
	pub chunks_skipped: usize,
	/// Bytes done.
	pub bytes_done: u64,
	/// Bytes in all.
	pub bytes_total: u64,
}

/// The hex name of a hash.
pub fn hex_hash(hash: &ContentHash) -> String {
	format!("0x{}", hex::encode(hash))
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> BlobError + '_ {
	move |source| BlobError::Io { path: path.to_path_buf(), source }
}

/// A chunk sent and not yet kept.
struct InFlight {
	index: usize,
	hash: ContentHash,
	data: Vec<u8>,
	sent_at: BlockNumber,
	attempts: u32,
	/// The chain keeps the chunk and it is due for renewal: it is renewed, not stored.
	renew: bool,
}

/// How the chain keeps a chunk, for a transfer that wants it kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Keeping {
	/// Not kept: store it.
	No,
	/// Kept and not due for renewal: kept at least half a retention period more, and
	/// nobody can take its payment over.
	Yes,
	/// Kept, and due for renewal: renew it.
	Due,
}

impl Keeping {
	fn of(info: Option<ChunkInfo>, period: BlockNumber, best: BlockNumber) -> Self {
		match info {
			None => Keeping::No,
			Some(info) if best < renewable_from(info.block, period) => Keeping::Yes,
			Some(_) => Keeping::Due,
		}
	}
}

/// The first block that may renew a chunk stored or renewed at block `stored_at`, for
/// retention period `period` (as `pallet_blobs` counts it).
pub fn renewable_from(stored_at: BlockNumber, period: BlockNumber) -> BlockNumber {
	stored_at.saturating_add(period / 2)
}

impl Client {
	/// Where the chain keeps chunk `hash`, if it does.
	pub async fn chunk_info(&self, hash: &ContentHash) -> Result<Option<ChunkInfo>, Error> {
		self.chunk_record("Chunks", hash).await
	}

	/// Who stored chunk `hash` or last renewed it, and whether a task's output blob paid
	/// that back (`Blobs.Payers`).
	pub async fn chunk_payment(
		&self,
		hash: &ContentHash,
	) -> Result<Option<ChunkPayment<AccountId>>, Error> {
		self.chunk_record("Payers", hash).await
	}

	/// The record `Blobs.<item>` keeps for chunk `hash`, if any.
	async fn chunk_record<V: Decode>(
		&self,
		item: &str,
		hash: &ContentHash,
	) -> Result<Option<V>, Error> {
		self.chain_metadata(None).await?.check_storage("Blobs", item)?;
		let key = map_key("Blobs", item, hash);
		self.storage(&key, None)
			.await?
			.map(|bytes| {
				V::decode(&mut &bytes[..]).map_err(|e| Error::Decode {
					method: format!("Blobs.{item}"),
					reason: e.to_string(),
				})
			})
			.transpose()
	}

	/// Blocks a chunk is kept after the block that stored or renewed it.
	pub async fn retention_period(&self) -> Result<BlockNumber, Error> {
		self.chain_metadata(None).await?.check_storage("Blobs", "RetentionPeriod")?;
		match self.storage(&value_key("Blobs", "RetentionPeriod"), None).await? {
			Some(bytes) => BlockNumber::decode(&mut &bytes[..]).map_err(|e| Error::Decode {
				method: "Blobs.RetentionPeriod".into(),
				reason: e.to_string(),
			}),
			None => self.constant("Blobs", "DefaultRetentionPeriod").await,
		}
	}

	/// The bytes of chunk `hash` from the node's database, unchecked; `None` when the node
	/// does not keep it.
	pub async fn blob_bytes(&self, hash: &ContentHash) -> Result<Option<Vec<u8>>, Error> {
		let value: Option<String> = self.rpc().call("depin_blob", params![hex_hash(hash)]).await?;
		value
			.map(|v| {
				hex::decode(v.trim_start_matches("0x")).map_err(|e| Error::Decode {
					method: "depin_blob".into(),
					reason: e.to_string(),
				})
			})
			.transpose()
	}

	/// The bytes of chunk `hash`, checked against it (fetched again on a mismatch).
	pub async fn fetch_chunk(&self, hash: &ContentHash) -> Result<Vec<u8>, BlobError> {
		fetch_checked(hash, || self.blob_bytes(hash), || {}).await.map_err(|e| match e {
			CheckedFetchError::Missing => BlobError::Missing { hash: hex_hash(hash) },
			CheckedFetchError::Corrupt => {
				BlobError::Corrupt { hash: hex_hash(hash), attempts: ATTEMPTS }
			}
			CheckedFetchError::Source(e) => e.into(),
		})
	}

	/// The manifest of blob `name`.
	pub async fn manifest(&self, name: &ContentHash) -> Result<Manifest, BlobError> {
		let bytes = self.fetch_chunk(name).await?;
		Manifest::from_bytes(&bytes)
			.map_err(|reason| BlobError::NotABlob { hash: hex_hash(name), reason })
	}

	/// Stores the file at `path` as a blob (see the module's documentation) and returns its
	/// reference; `progress` hears of every chunk done.
	pub async fn put_file(
		&self,
		signer: &Signer,
		path: &Path,
		progress: impl FnMut(&Progress),
	) -> Result<BlobRef, BlobError> {
		let chunk_len: u32 = self.constant("Blobs", "MaxChunkLen").await?;
		let mut file = File::open(path).map_err(io_error(path))?;
		let size = file.metadata().map_err(io_error(path))?.len();
		let max = u64::from(depin_primitives::data::MAX_MANIFEST_CHUNKS) * u64::from(chunk_len);
		if size > max {
			return Err(BlobError::TooLarge { path: path.to_path_buf(), size, max });
		}
		let read = |len: usize| {
			let mut data = vec![0; len];
			file.read_exact(&mut data).map_err(io_error(path))?;
			Ok(data)
		};
		self.put_chunks(signer, size, chunk_len, read, progress).await
	}

	/// Stores `data` as a blob in chunks of `chunk_len` bytes (the chain's `MaxChunkLen` at
	/// most) and returns its reference; `progress` hears of every chunk done. Chunks the
	/// chain keeps and that are not due for renewal are not sent again; those due are
	/// renewed. Afterwards every chunk is kept at least about half a retention period more.
	pub async fn put_bytes(
		&self,
		signer: &Signer,
		data: &[u8],
		chunk_len: u32,
		progress: impl FnMut(&Progress),
	) -> Result<BlobRef, BlobError> {
		let mut rest = data;
		let read = |len: usize| {
			let (chunk, tail) = rest.split_at(len.min(rest.len()));
			rest = tail;
			Ok(chunk.to_vec())
		};
		self.put_chunks(signer, data.len() as u64, chunk_len, read, progress).await
	}

	/// Stores a blob of `size` bytes whose chunks of `chunk_len` bytes `read` gives in
	/// order (asked for each chunk's length), then its manifest; chunks kept and due for
	/// renewal are renewed, chunks kept and not due are left as they are.
	async fn put_chunks(
		&self,
		signer: &Signer,
		size: u64,
		chunk_len: u32,
		mut read: impl FnMut(usize) -> Result<Vec<u8>, BlobError>,
		mut progress: impl FnMut(&Progress),
	) -> Result<BlobRef, BlobError> {
		let chunks = Manifest::chunk_count(size, chunk_len) as usize;
		let mut state =
			Progress { chunks_total: chunks + 1, bytes_total: size, ..Default::default() };
		let mut hashes = Vec::with_capacity(chunks);
		let mut uploader = Uploader::new(self, signer, self.retention_period().await?);
		for index in 0..chunks {
			let len = (size - index as u64 * u64::from(chunk_len)).min(u64::from(chunk_len));
			let data = read(len as usize)?;
			let hash = content_hash(&data);
			hashes.push(hash);
			uploader.send(index, hash, data, &mut state, &mut progress).await?;
		}
		let manifest = Manifest { size, chunk_len, chunks: hashes };
		let bytes = manifest.to_bytes();
		let name = content_hash(&bytes);
		uploader.send(chunks, name, bytes, &mut state, &mut progress).await?;
		uploader.finish(&mut state, &mut progress).await?;
		Ok(manifest.blob_ref())
	}

	/// Fetches every chunk of blob `name`, each checked, into memory.
	pub async fn get_bytes(&self, name: &ContentHash) -> Result<Vec<u8>, BlobError> {
		let manifest = self.manifest(name).await?;
		let mut data = Vec::with_capacity(manifest.size as usize);
		for hash in &manifest.chunks {
			data.extend_from_slice(&self.fetch_chunk(hash).await?);
		}
		if data.len() as u64 != manifest.size {
			return Err(BlobError::Corrupt { hash: hex_hash(name), attempts: 1 });
		}
		Ok(data)
	}

	/// Sends a `blobs` transaction without waiting. A refusal the chunk's state on chain
	/// settles (`SETTLED_BY_STATE`: another sender stored or renewed it first, say) is not
	/// an error: the caller looks at the chunk.
	async fn send_chunk_call(
		&self,
		signer: &Signer,
		call: crate::calls::Call,
	) -> Result<(), Error> {
		let Err(e) = self.submit_nowait(signer, call).await else { return Ok(()) };
		let metadata = self.chain_metadata(None).await?;
		let refusal = custom_refusal(&e).and_then(|code| metadata.blobs_refusal(code));
		if refusal.is_some_and(|name| SETTLED_BY_STATE.contains(&name.as_str())) {
			self.forget_nonce(signer);
			return Ok(());
		}
		Err(e)
	}

	/// Keeps every chunk of blob `name` (its manifest included) that is due for renewal
	/// another retention period from now: one `blobs.renew` per chunk, all sent at once,
	/// then waits until the chain records each renewal. Chunks stored or renewed less than
	/// half a period ago are not due (the chain refuses to renew them) and are counted.
	pub async fn renew_blob(
		&self,
		signer: &Signer,
		name: &ContentHash,
	) -> Result<Renewal, BlobError> {
		let manifest = self.manifest(name).await?;
		let period = self.retention_period().await?;
		let start = self.best_number().await?;
		let hashes: Vec<ContentHash> =
			std::iter::once(*name).chain(manifest.chunks.iter().copied()).collect();
		let mut outcome = Renewal::default();
		let mut waiting = Vec::new();
		for hash in &hashes {
			let info = self.chunk_info(hash).await?;
			match (Keeping::of(info, period, start), info) {
				(Keeping::No, _) => return Err(BlobError::Missing { hash: hex_hash(hash) }),
				(Keeping::Yes, Some(info)) => {
					let due = renewable_from(info.block, period);
					outcome.not_due += 1;
					outcome.due_from = Some(outcome.due_from.map_or(due, |d| d.min(due)));
				}
				_ => {
					self.send_chunk_call(signer, calls::renew_chunk(*hash)).await?;
					waiting.push(*hash);
				}
			}
		}
		outcome.renewed = waiting.len();
		while !waiting.is_empty() {
			let best = self.best_number().await?;
			let mut still = Vec::with_capacity(waiting.len());
			for hash in waiting {
				match self.chunk_info(&hash).await? {
					Some(info) if info.block > start => {}
					Some(_) if best.saturating_sub(start) < RESEND_AFTER_BLOCKS => still.push(hash),
					_ => {
						let index = hashes.iter().position(|h| *h == hash).unwrap_or(0);
						return Err(BlobError::NotKept {
							index,
							hash: hex_hash(&hash),
							attempts: 1,
						});
					}
				}
			}
			waiting = still;
			if !waiting.is_empty() {
				tokio::time::sleep(POLL).await;
			}
		}
		Ok(outcome)
	}

	/// Fetches blob `name` into `out` (see the module's documentation); `progress` hears of
	/// every chunk done.
	pub async fn get_file(
		&self,
		name: &ContentHash,
		out: &Path,
		mut progress: impl FnMut(&Progress),
	) -> Result<Manifest, BlobError> {
		let manifest = self.manifest(name).await?;
		let part = partial_path(out);
		// Only a partial file left by an earlier run can hold chunks already.
		let resuming = part.exists();
		let mut file = OpenOptions::new()
			.read(true)
			.write(true)
			.create(true)
			.truncate(false)
			.open(&part)
			.map_err(io_error(&part))?;
		file.set_len(manifest.size).map_err(io_error(&part))?;
		let mut state = Progress {
			chunks_total: manifest.chunks.len(),
			bytes_total: manifest.size,
			..Default::default()
		};
		for (index, hash) in manifest.chunks.iter().enumerate() {
			let range = manifest.chunk_range(index);
			let mut have = vec![0; (range.end - range.start) as usize];
			if resuming {
				file.seek(SeekFrom::Start(range.start)).map_err(io_error(&part))?;
				file.read_exact(&mut have).map_err(io_error(&part))?;
			}
			if resuming && content_hash(&have) == *hash {
				state.chunks_skipped += 1;
			} else {
				let bytes = self.fetch_chunk(hash).await?;
				if bytes.len() != have.len() {
					return Err(BlobError::Corrupt { hash: hex_hash(hash), attempts: 1 });
				}
				file.seek(SeekFrom::Start(range.start)).map_err(io_error(&part))?;
				file.write_all(&bytes).map_err(io_error(&part))?;
			}
			state.chunks_done += 1;
			state.bytes_done = range.end;
			progress(&state);
		}
		file.sync_all().map_err(io_error(&part))?;
		std::fs::rename(&part, out).map_err(io_error(out))?;
		Ok(manifest)
	}
}

/// `OUT.part`: where a download is written until it is complete.
pub fn partial_path(out: &Path) -> PathBuf {
	let mut name = out.file_name().map(|n| n.to_os_string()).unwrap_or_default();
	name.push(".part");
	out.with_file_name(name)
}

/// Sends chunks, several in flight, and waits until the chain keeps them.
struct Uploader<'a> {
	client: &'a Client,
	signer: &'a Signer,
	/// The chain's retention period.
	period: BlockNumber,
	in_flight: VecDeque<InFlight>,
	in_flight_bytes: usize,
	seen_block: BlockNumber,
}

impl<'a> Uploader<'a> {
	fn new(client: &'a Client, signer: &'a Signer, period: BlockNumber) -> Self {
		let (in_flight, in_flight_bytes, seen_block) = (VecDeque::new(), 0, 0);
		Self { client, signer, period, in_flight, in_flight_bytes, seen_block }
	}

	/// How the chain keeps chunk `hash` at best block `best`.
	async fn kept(&self, hash: &ContentHash, best: BlockNumber) -> Result<Keeping, Error> {
		let info = self.client.chunk_info(hash).await?;
		Ok(Keeping::of(info, self.period, best))
	}

	/// Sends chunk `index` unless the chain keeps it and it is not due for renewal (renews
	/// it if it is due), after waiting for room in flight.
	async fn send(
		&mut self,
		index: usize,
		hash: ContentHash,
		data: Vec<u8>,
		state: &mut Progress,
		progress: &mut impl FnMut(&Progress),
	) -> Result<(), BlobError> {
		let best = self.client.best_number().await?;
		let kept = self.kept(&hash, best).await?;
		if kept == Keeping::Yes {
			state.chunks_skipped += 1;
			self.done(data.len(), index, state, progress);
			return Ok(());
		}
		while !self.in_flight.is_empty() && self.in_flight_bytes + data.len() > MAX_IN_FLIGHT_BYTES
		{
			self.settle(state, progress).await?;
		}
		let sent_at = self.client.best_number().await?;
		self.in_flight_bytes += data.len();
		let renew = kept == Keeping::Due;
		let chunk = InFlight { index, hash, data, sent_at, attempts: 0, renew };
		self.in_flight.push_back(self.transmit(chunk).await?);
		Ok(())
	}

	/// Waits until every chunk in flight is kept.
	async fn finish(
		&mut self,
		state: &mut Progress,
		progress: &mut impl FnMut(&Progress),
	) -> Result<(), BlobError> {
		while !self.in_flight.is_empty() {
			self.settle(state, progress).await?;
		}
		Ok(())
	}

	/// Signs and sends `chunk`'s transaction; a busy pool is waited out. A transaction the
	/// pool refuses as certain to fail (another sender stored the chunk first, say) is not
	/// an error: the chunk's state on chain decides when it settles.
	async fn transmit(&self, mut chunk: InFlight) -> Result<InFlight, BlobError> {
		chunk.attempts += 1;
		loop {
			let call = if chunk.renew {
				calls::renew_chunk(chunk.hash)
			} else {
				calls::store_chunk(chunk.data.clone())
			};
			match self.client.send_chunk_call(self.signer, call).await {
				Ok(()) => return Ok(chunk),
				Err(Error::Invalid { code, .. }) if POOL_BUSY.contains(&code) => {
					self.client.forget_nonce(self.signer);
					tokio::time::sleep(Duration::from_secs(1)).await;
				}
				Err(e) => return Err(e.into()),
			}
		}
	}

	/// Waits for a new block, then retires the chunks the chain keeps and sends again
	/// those that took too long.
	async fn settle(
		&mut self,
		state: &mut Progress,
		progress: &mut impl FnMut(&Progress),
	) -> Result<(), BlobError> {
		let best = loop {
			let best = self.client.best_number().await?;
			if best > self.seen_block {
				break best;
			}
			tokio::time::sleep(POLL).await;
		};
		self.seen_block = best;
		let mut waiting = VecDeque::with_capacity(self.in_flight.len());
		let mut resend = false;
		while let Some(mut chunk) = self.in_flight.pop_front() {
			let kept = self.kept(&chunk.hash, best).await?;
			if kept == Keeping::Yes {
				self.in_flight_bytes -= chunk.data.len();
				self.done(chunk.data.len(), chunk.index, state, progress);
			} else if best.saturating_sub(chunk.sent_at) >= RESEND_AFTER_BLOCKS {
				if chunk.attempts >= ATTEMPTS {
					return Err(BlobError::NotKept {
						index: chunk.index,
						hash: hex_hash(&chunk.hash),
						attempts: chunk.attempts,
					});
				}
				resend = true;
				// Stored again if it left the chain meanwhile, renewed if it is kept.
				chunk.renew = kept == Keeping::Due;
				waiting.push_back(InFlight { sent_at: best, ..chunk });
			} else {
				waiting.push_back(chunk);
			}
		}
		if resend {
			// A lost transaction leaves a gap in the nonces: sign everything waiting again.
			self.client.forget_nonce(self.signer);
			let mut again = VecDeque::with_capacity(waiting.len());
			for chunk in waiting {
				again.push_back(self.transmit(chunk).await?);
			}
			waiting = again;
		}
		self.in_flight = waiting;
		Ok(())
	}

	fn done(
		&self,
		len: usize,
		index: usize,
		state: &mut Progress,
		progress: &mut impl FnMut(&Progress),
	) {
		state.chunks_done += 1;
		if index < state.chunks_total - 1 {
			state.bytes_done += len as u64;
		}
		progress(state);
	}
}
