//! Stored data for jobs: blobs fetched once from a source (the node's `depin_blob`),
//! every chunk checked against its hash, kept in a size-capped cache shared by every job
//! on the device.
//!
//! - The cache is a directory of chunk files named by their hash. A chunk is written to a
//!   temporary file and renamed when complete, so the cache only ever holds whole chunks:
//!   a fetch interrupted by a crash resumes with the chunks already there.
//! - A chunk read from the cache is checked again (a damaged disk is not a result); a chunk
//!   from the source that does not match its hash is fetched again, [`ATTEMPTS`] times.
//! - When the cache holds more than its capacity, the least recently used chunks go first.

use std::{
	collections::HashMap,
	future::Future,
	io::Write,
	path::{Path, PathBuf},
	sync::Mutex,
	time::SystemTime,
};

use depin_client::blobs::{fetch_checked, CheckedFetchError};
use depin_primitives::{
	data::{content_hash, ManifestError},
	BlobRef, ContentHash, Manifest,
};

/// Times a chunk is fetched before it counts as corrupt at its source.
pub use depin_client::blobs::ATTEMPTS;

/// Where chunks come from.
pub trait ChunkSource: Sync {
	/// The bytes stored under `hash` (unchecked), or `None` when the source does not have
	/// them; `Err` when the source could not be asked.
	fn chunk(
		&self,
		hash: &ContentHash,
	) -> impl Future<Output = Result<Option<Vec<u8>>, String>> + Send;
}

impl ChunkSource for depin_client::Client {
	async fn chunk(&self, hash: &ContentHash) -> Result<Option<Vec<u8>>, String> {
		self.blob_bytes(hash).await.map_err(|e| e.to_string())
	}
}

/// Why a blob could not be had.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
	/// No source has this chunk.
	#[error("no source has chunk 0x{}", hex::encode(.0))]
	Unavailable(ContentHash),
	/// The source's bytes never matched the hash.
	#[error("chunk 0x{} came back {ATTEMPTS} times with bytes that do not match its hash", hex::encode(.0))]
	Corrupt(ContentHash),
	/// The blob's manifest is not one.
	#[error("the blob's manifest is malformed: {0:?}")]
	BadManifest(ManifestError),
	/// The manifest describes another size than the reference.
	#[error("the blob is {found} bytes, not the {expected} its reference says")]
	SizeMismatch {
		/// The reference's size.
		expected: u64,
		/// The manifest's.
		found: u64,
	},
	/// The blob does not fit in the cache.
	#[error("the blob is {size} bytes; the data cache holds {capacity}")]
	TooLarge {
		/// The blob's size.
		size: u64,
		/// The cache's capacity.
		capacity: u64,
	},
	/// The source could not be asked (the node is unreachable, say): worth a retry.
	#[error("the data source failed: {0}")]
	Source(String),
	/// The cache directory.
	#[error("data cache: {0}")]
	Io(#[from] std::io::Error),
}

impl FetchError {
	/// Whether the data itself is missing or wrong (not this device's fault, and not
	/// cured by waiting), as opposed to a failure of this device or its node.
	pub fn is_data_fault(&self) -> bool {
		matches!(
			self,
			Self::Unavailable(_)
				| Self::Corrupt(_)
				| Self::BadManifest(_)
				| Self::SizeMismatch { .. }
		)
	}
}

/// A cached chunk.
struct Entry {
	size: u64,
	used: u64,
}

/// The cache's index: which chunks it holds, how large, how recently used.
#[derive(Default)]
struct Index {
	entries: HashMap<ContentHash, Entry>,
	total: u64,
	clock: u64,
}

impl Index {
	fn touch(&mut self, hash: &ContentHash) {
		self.clock += 1;
		if let Some(entry) = self.entries.get_mut(hash) {
			entry.used = self.clock;
		}
	}

	fn insert(&mut self, hash: ContentHash, size: u64) {
		self.clock += 1;
		if let Some(old) = self.entries.insert(hash, Entry { size, used: self.clock }) {
			self.total -= old.size;
		}
		self.total += size;
	}

	fn remove(&mut self, hash: &ContentHash) {
		if let Some(old) = self.entries.remove(hash) {
			self.total -= old.size;
		}
	}

	/// The least recently used chunks to drop so that the rest fits `capacity`.
	fn victims(&self, capacity: u64) -> Vec<ContentHash> {
		if self.total <= capacity {
			return Vec::new();
		}
		let mut by_age: Vec<_> = self.entries.iter().map(|(h, e)| (e.used, *h, e.size)).collect();
		by_age.sort_unstable();
		let mut excess = self.total - capacity;
		let mut out = Vec::new();
		for (_, hash, size) in by_age {
			if excess == 0 {
				break;
			}
			out.push(hash);
			excess = excess.saturating_sub(size);
		}
		out
	}
}

/// Counts of what a cache did, for logs and tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CacheStats {
	/// Chunks served from the cache.
	pub hits: u64,
	/// Chunks fetched from the source (each successful fetch once).
	pub fetched: u64,
	/// Fetches whose bytes did not match their hash.
	pub mismatches: u64,
	/// Cached chunks found damaged and dropped.
	pub damaged: u64,
	/// Chunks dropped to stay within the capacity.
	pub evicted: u64,
}

/// The device's cache of stored data.
pub struct BlobCache {
	dir: PathBuf,
	capacity: u64,
	index: Mutex<Index>,
	stats: Mutex<CacheStats>,
}

fn hash_of_name(name: &str) -> Option<ContentHash> {
	hex::decode(name).ok()?.try_into().ok()
}

impl BlobCache {
	/// Opens (or creates) the cache in `dir`, holding at most `capacity` bytes. Chunks
	/// already there are kept, oldest-modified first to go; unfinished writes are removed.
	pub fn open(dir: &Path, capacity: u64) -> std::io::Result<Self> {
		std::fs::create_dir_all(dir)?;
		let mut found = Vec::new();
		for entry in std::fs::read_dir(dir)? {
			let entry = entry?;
			let name = entry.file_name().to_string_lossy().into_owned();
			match hash_of_name(&name) {
				Some(hash) => {
					let meta = entry.metadata()?;
					let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
					found.push((modified, hash, meta.len()));
				}
				None if name.ends_with(".tmp") => std::fs::remove_file(entry.path())?,
				None => {}
			}
		}
		found.sort_unstable();
		let mut index = Index::default();
		for (_, hash, size) in found {
			index.insert(hash, size);
		}
		let cache = Self {
			dir: dir.to_path_buf(),
			capacity,
			index: Mutex::new(index),
			stats: Mutex::default(),
		};
		cache.evict();
		Ok(cache)
	}

	/// What the cache did so far.
	pub fn stats(&self) -> CacheStats {
		*self.stats.lock().unwrap_or_else(|e| e.into_inner())
	}

	/// Bytes the cache holds.
	pub fn size(&self) -> u64 {
		self.index.lock().unwrap_or_else(|e| e.into_inner()).total
	}

	fn count(&self, f: impl FnOnce(&mut CacheStats)) {
		f(&mut self.stats.lock().unwrap_or_else(|e| e.into_inner()));
	}

	fn path(&self, hash: &ContentHash) -> PathBuf {
		self.dir.join(hex::encode(hash))
	}

	/// The bytes of blob `blob`: its manifest, then every chunk, from the cache or
	/// `source`.
	pub async fn blob(
		&self,
		source: &impl ChunkSource,
		blob: &BlobRef,
	) -> Result<Vec<u8>, FetchError> {
		if blob.size > self.capacity {
			return Err(FetchError::TooLarge { size: blob.size, capacity: self.capacity });
		}
		let manifest = Manifest::from_bytes(&self.chunk(source, &blob.manifest).await?)
			.map_err(FetchError::BadManifest)?;
		if manifest.size != blob.size {
			return Err(FetchError::SizeMismatch { expected: blob.size, found: manifest.size });
		}
		let mut out = Vec::with_capacity(blob.size as usize);
		for (index, hash) in manifest.chunks.iter().enumerate() {
			let bytes = self.chunk(source, hash).await?;
			let range = manifest.chunk_range(index);
			if bytes.len() as u64 != range.end - range.start {
				return Err(FetchError::SizeMismatch {
					expected: blob.size,
					found: out.len() as u64 + bytes.len() as u64,
				});
			}
			out.extend_from_slice(&bytes);
		}
		Ok(out)
	}

	/// The bytes of chunk `hash`, checked, from the cache or `source`.
	pub async fn chunk(
		&self,
		source: &impl ChunkSource,
		hash: &ContentHash,
	) -> Result<Vec<u8>, FetchError> {
		if let Some(bytes) = self.cached(hash)? {
			return Ok(bytes);
		}
		let bytes =
			fetch_checked(hash, || source.chunk(hash), || self.count(|s| s.mismatches += 1))
				.await
				.map_err(|e| match e {
					CheckedFetchError::Missing => FetchError::Unavailable(*hash),
					CheckedFetchError::Corrupt => FetchError::Corrupt(*hash),
					CheckedFetchError::Source(e) => FetchError::Source(e),
				})?;
		self.count(|s| s.fetched += 1);
		self.store(hash, &bytes)?;
		Ok(bytes)
	}

	/// A cached chunk, checked; a damaged one is dropped.
	fn cached(&self, hash: &ContentHash) -> Result<Option<Vec<u8>>, FetchError> {
		let path = self.path(hash);
		let bytes = match std::fs::read(&path) {
			Ok(bytes) => bytes,
			Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
				self.index.lock().unwrap_or_else(|e| e.into_inner()).remove(hash);
				return Ok(None);
			}
			Err(e) => return Err(e.into()),
		};
		let mut index = self.index.lock().unwrap_or_else(|e| e.into_inner());
		if content_hash(&bytes) != *hash {
			index.remove(hash);
			drop(index);
			self.count(|s| s.damaged += 1);
			tracing::warn!(chunk = %hex::encode(hash), "a cached chunk was damaged; fetching it again");
			std::fs::remove_file(&path)?;
			return Ok(None);
		}
		index.touch(hash);
		drop(index);
		self.count(|s| s.hits += 1);
		Ok(Some(bytes))
	}

	/// Writes a checked chunk: to a temporary file, synced, then renamed into place.
	fn store(&self, hash: &ContentHash, bytes: &[u8]) -> Result<(), FetchError> {
		let unique = std::process::id() as u64
			^ SystemTime::now()
				.duration_since(SystemTime::UNIX_EPOCH)
				.map_or(0, |d| d.as_nanos() as u64);
		let tmp = self.dir.join(format!("{}.{unique:x}.tmp", hex::encode(hash)));
		let mut file = std::fs::File::create(&tmp)?;
		file.write_all(bytes)?;
		file.sync_all()?;
		std::fs::rename(&tmp, self.path(hash))?;
		self.index.lock().unwrap_or_else(|e| e.into_inner()).insert(*hash, bytes.len() as u64);
		self.evict();
		Ok(())
	}

	/// Drops the least recently used chunks beyond the capacity.
	fn evict(&self) {
		let mut index = self.index.lock().unwrap_or_else(|e| e.into_inner());
		for hash in index.victims(self.capacity) {
			index.remove(&hash);
			if let Err(e) = std::fs::remove_file(self.path(&hash)) {
				tracing::warn!(chunk = %hex::encode(hash), error = %e, "cannot remove a cached chunk");
			}
			self.count(|s| s.evicted += 1);
		}
	}
}

pub mod http;
#[cfg(test)]
mod tests;
