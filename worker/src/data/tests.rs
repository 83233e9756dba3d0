//! The data cache against a source that counts, loses and damages chunks.

use super::*;
use depin_testkit::pseudo_random_bytes;
use std::{
	collections::HashSet,
	sync::atomic::{AtomicU32, Ordering},
};

/// Chunks by hash; `damaged_once` are served wrong the first time they are asked for,
/// `damaged` always; every request is counted.
#[derive(Default)]
struct Source {
	chunks: HashMap<ContentHash, Vec<u8>>,
	damaged_once: Mutex<HashSet<ContentHash>>,
	damaged: HashSet<ContentHash>,
	requests: AtomicU32,
}

impl ChunkSource for Source {
	async fn chunk(&self, hash: &ContentHash) -> Result<Option<Vec<u8>>, String> {
		self.requests.fetch_add(1, Ordering::SeqCst);
		let mut bytes = self.chunks.get(hash).cloned();
		let once = self.damaged_once.lock().unwrap().remove(hash);
		if once || self.damaged.contains(hash) {
			if let Some(b) = bytes.as_mut() {
				b[0] ^= 1;
			}
		}
		Ok(bytes)
	}
}

impl Source {
	/// Stores `data` as a blob of `chunk_len`-byte chunks; returns its reference and
	/// manifest.
	fn put(&mut self, data: &[u8], chunk_len: u32) -> (BlobRef, Manifest) {
		let manifest = Manifest::of(data, chunk_len);
		for (i, piece) in data.chunks(chunk_len as usize).enumerate() {
			self.chunks.insert(manifest.chunks[i], piece.to_vec());
		}
		let bytes = manifest.to_bytes();
		self.chunks.insert(content_hash(&bytes), bytes);
		(manifest.blob_ref(), manifest)
	}

	fn requests(&self) -> u32 {
		self.requests.load(Ordering::SeqCst)
	}
}

fn files(dir: &Path) -> usize {
	std::fs::read_dir(dir).unwrap().count()
}

#[tokio::test]
async fn a_blob_is_fetched_once_and_then_served_from_the_cache() {
	let dir = tempfile::tempdir().unwrap();
	let mut source = Source::default();
	let bytes = pseudo_random_bytes(10_000, 1);
	let (blob, _) = source.put(&bytes, 4096);
	let cache = BlobCache::open(dir.path(), 1 << 20).unwrap();
	assert_eq!(cache.blob(&source, &blob).await.unwrap(), bytes);
	assert_eq!(source.requests(), 4, "the manifest and three chunks");
	assert_eq!(cache.blob(&source, &blob).await.unwrap(), bytes);
	assert_eq!(source.requests(), 4, "nothing fetched the second time");
	assert_eq!(cache.stats().hits, 4);
	// A new cache on the same directory (a restarted worker) has them too.
	let reopened = BlobCache::open(dir.path(), 1 << 20).unwrap();
	assert_eq!(reopened.blob(&source, &blob).await.unwrap(), bytes);
	assert_eq!(source.requests(), 4);
}

#[tokio::test]
async fn an_interrupted_fetch_resumes_with_the_chunks_it_has() {
	let dir = tempfile::tempdir().unwrap();
	let mut source = Source::default();
	let bytes = pseudo_random_bytes(20_000, 2);
	let (blob, manifest) = source.put(&bytes, 4096);
	// A crash left two whole chunks and an unfinished write.
	for (i, hash) in manifest.chunks.iter().enumerate().take(2) {
		let range = manifest.chunk_range(i);
		std::fs::write(
			dir.path().join(hex::encode(hash)),
			&bytes[range.start as usize..range.end as usize],
		)
		.unwrap();
	}
	std::fs::write(dir.path().join("abc.123.tmp"), b"half").unwrap();
	let cache = BlobCache::open(dir.path(), 1 << 20).unwrap();
	assert!(!dir.path().join("abc.123.tmp").exists(), "unfinished writes are removed");
	assert_eq!(cache.blob(&source, &blob).await.unwrap(), bytes);
	assert_eq!(source.requests(), 1 + 3, "the manifest and the three missing chunks");
}

#[tokio::test]
async fn a_damaged_chunk_from_the_source_is_fetched_again() {
	let dir = tempfile::tempdir().unwrap();
	let mut source = Source::default();
	let bytes = pseudo_random_bytes(9_000, 3);
	let (blob, manifest) = source.put(&bytes, 4096);
	source.damaged_once.lock().unwrap().insert(manifest.chunks[1]);
	let cache = BlobCache::open(dir.path(), 1 << 20).unwrap();
	assert_eq!(cache.blob(&source, &blob).await.unwrap(), bytes);
	assert_eq!(cache.stats().mismatches, 1);
	assert_eq!(source.requests(), 5);
}

#[tokio::test]
async fn a_chunk_damaged_at_every_source_or_missing_is_a_data_fault() {
	let dir = tempfile::tempdir().unwrap();
	let mut source = Source::default();
	let bytes = pseudo_random_bytes(9_000, 4);
	let (blob, manifest) = source.put(&bytes, 4096);
	source.damaged.insert(manifest.chunks[2]);
	let cache = BlobCache::open(dir.path(), 1 << 20).unwrap();
	let err = cache.blob(&source, &blob).await.unwrap_err();
	assert!(matches!(err, FetchError::Corrupt(h) if h == manifest.chunks[2]), "{err}");
	assert!(err.is_data_fault());
	assert!(!dir.path().join(hex::encode(manifest.chunks[2])).exists(), "nothing damaged is kept");

	source.damaged.clear();
	source.chunks.remove(&manifest.chunks[2]);
	let err = cache.blob(&source, &blob).await.unwrap_err();
	assert!(matches!(err, FetchError::Unavailable(h) if h == manifest.chunks[2]), "{err}");
	assert!(err.is_data_fault());
	assert!(!FetchError::Source("connection refused".into()).is_data_fault());
}

#[tokio::test]
async fn a_damaged_cached_chunk_is_dropped_and_fetched_again() {
	let dir = tempfile::tempdir().unwrap();
	let mut source = Source::default();
	let bytes = pseudo_random_bytes(5_000, 5);
	let (blob, manifest) = source.put(&bytes, 4096);
	let cache = BlobCache::open(dir.path(), 1 << 20).unwrap();
	cache.blob(&source, &blob).await.unwrap();
	std::fs::write(dir.path().join(hex::encode(manifest.chunks[0])), b"bit rot").unwrap();
	assert_eq!(cache.blob(&source, &blob).await.unwrap(), bytes);
	assert_eq!(cache.stats().damaged, 1);
	assert_eq!(source.requests(), 3 + 1);
}

#[tokio::test]
async fn the_cache_stays_within_its_capacity_dropping_the_least_recently_used() {
	let dir = tempfile::tempdir().unwrap();
	let mut source = Source::default();
	let (a, manifest_a) = source.put(&pseudo_random_bytes(8_192, 6), 4096);
	let (b, _) = source.put(&pseudo_random_bytes(8_192, 7), 4096);
	let capacity = 12_000;
	let cache = BlobCache::open(dir.path(), capacity).unwrap();
	cache.blob(&source, &a).await.unwrap();
	cache.blob(&source, &b).await.unwrap();
	assert!(cache.size() <= capacity, "{} bytes cached", cache.size());
	assert!(cache.stats().evicted >= 2);
	assert!(
		!dir.path().join(hex::encode(manifest_a.chunks[0])).exists(),
		"the oldest chunk went first"
	);
	assert_eq!(files(dir.path()) as u64, cache.index.lock().unwrap().entries.len() as u64);
	// A blob larger than the cache is refused before anything is fetched.
	let requests = source.requests();
	let (big, _) = source.put(&pseudo_random_bytes(20_000, 8), 4096);
	assert!(matches!(cache.blob(&source, &big).await, Err(FetchError::TooLarge { .. })));
	assert_eq!(source.requests(), requests);
	// Reopened with a smaller capacity, the cache shrinks at once.
	let small = BlobCache::open(dir.path(), 5_000).unwrap();
	assert!(small.size() <= 5_000);
}

#[tokio::test]
async fn a_manifest_that_disagrees_with_the_reference_is_refused() {
	let dir = tempfile::tempdir().unwrap();
	let mut source = Source::default();
	let (blob, manifest) = source.put(&pseudo_random_bytes(3_000, 9), 1024);
	let cache = BlobCache::open(dir.path(), 1 << 20).unwrap();
	let wrong_size = BlobRef { size: 2_999, ..blob };
	assert!(matches!(
		cache.blob(&source, &wrong_size).await,
		Err(FetchError::SizeMismatch { expected: 2_999, found: 3_000 })
	));
	let not_a_manifest = BlobRef { manifest: manifest.chunks[0], size: 1024 };
	let err = cache.blob(&source, &not_a_manifest).await.unwrap_err();
	assert!(matches!(err, FetchError::BadManifest(ManifestError::NotAManifest)), "{err}");
	assert!(err.is_data_fault());
}
