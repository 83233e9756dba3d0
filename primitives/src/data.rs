//! Content-addressed data: blobs of any size as chunks kept in block bodies.
//!
//! A **chunk** is at most [`MAX_CHUNK_LEN`] bytes, stored by one `blobs.store` extrinsic
//! and named by its [`content_hash`]. A **blob** of any size is its chunks plus a
//! [`Manifest`] listing their hashes; the manifest is stored as a chunk too, and the blob is
//! named by the manifest's hash. So a reference to a blob is 32 bytes however large the
//! data, and every byte a reader gets is checked against a hash it already trusts: the
//! manifest against the blob's name, each chunk against the manifest.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// The hash that names a chunk or a blob: `blake2_256` of its bytes.
pub type ContentHash = [u8; 32];

/// The largest chunk one `blobs.store` extrinsic carries: 2 MiB less 1 KiB, so that three
/// of them and their transactions fit the 6 MiB a block gives normal extrinsics.
pub const MAX_CHUNK_LEN: u32 = 2 * 1024 * 1024 - 1024;

/// The hash of a chunk's bytes.
pub fn content_hash(data: &[u8]) -> ContentHash {
	sp_crypto_hashing::blake2_256(data)
}

/// The first bytes of every encoded manifest.
pub const MANIFEST_MAGIC: [u8; 4] = *b"dpnm";
/// The manifest format this code writes and reads.
pub const MANIFEST_VERSION: u8 = 1;

/// The largest blob a manifest can describe: as many chunks as fit in one chunk.
pub const MAX_MANIFEST_CHUNKS: u32 = (MAX_CHUNK_LEN - 64) / 32;

/// Bytes of a stored manifest before its chunk hashes: magic, version, size, chunk length
/// and the shortest compact length prefix.
const MANIFEST_HEADER_LEN: usize = 4 + 1 + 8 + 4 + 1;

/// The length of a stored manifest that lists `chunks` chunks.
pub fn manifest_len(chunks: u64) -> u64 {
	let prefix = <codec::Compact<u64> as codec::CompactLen<u64>>::compact_len(&chunks) as u64;
	(MANIFEST_HEADER_LEN as u64 - 1)
		.saturating_add(prefix)
		.saturating_add(chunks.saturating_mul(32))
}

/// The manifest of a job's output stored as a blob: chunks of [`MAX_CHUNK_LEN`] bytes, so
/// that every replica names the same output with the same manifest.
pub fn output_manifest(output: &[u8]) -> Manifest {
	Manifest::of(output, MAX_CHUNK_LEN)
}

/// The most chunks a manifest of `len` bytes can list (an upper bound, for weights charged
/// before the manifest is read).
pub fn manifest_chunks(len: usize) -> u32 {
	(len.saturating_sub(MANIFEST_HEADER_LEN) / 32).min(u32::MAX as usize) as u32
}

/// The list of a blob's chunks, in order.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct Manifest {
	/// Total size of the blob, in bytes.
	pub size: u64,
	/// Size of every chunk but the last, in bytes (1 ..= [`MAX_CHUNK_LEN`]).
	pub chunk_len: u32,
	/// The hashes of the chunks.
	pub chunks: Vec<ContentHash>,
}

/// Why bytes are not a valid manifest.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ManifestError {
	/// The bytes do not start with [`MANIFEST_MAGIC`].
	NotAManifest,
	/// A manifest of a format this code does not read.
	UnknownVersion(u8),
	/// The bytes after the header do not decode.
	Malformed,
	/// `chunk_len` is 0 or above [`MAX_CHUNK_LEN`].
	BadChunkLen,
	/// The number of chunks does not match `size` and `chunk_len`.
	ChunkCountMismatch,
}

/// A reference to a blob, as dApps and tasks carry it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct BlobRef {
	/// The hash of the blob's manifest.
	pub manifest: ContentHash,
	/// The blob's size in bytes.
	pub size: u64,
}

impl Manifest {
	/// The manifest of `data` cut into chunks of `chunk_len` bytes (the last may be shorter;
	/// empty data has no chunks).
	pub fn of(data: &[u8], chunk_len: u32) -> Self {
		let chunk_len = chunk_len.clamp(1, MAX_CHUNK_LEN);
		let chunks = data.chunks(chunk_len as usize).map(content_hash).collect();
		Self { size: data.len() as u64, chunk_len, chunks }
	}

	/// The number of chunks a blob of `size` bytes has with chunks of `chunk_len` bytes.
	pub fn chunk_count(size: u64, chunk_len: u32) -> u64 {
		size.div_ceil(u64::from(chunk_len.max(1)))
	}

	/// The byte range of chunk `index` within the blob.
	pub fn chunk_range(&self, index: usize) -> core::ops::Range<u64> {
		let start = (index as u64).saturating_mul(u64::from(self.chunk_len));
		let end = start.saturating_add(u64::from(self.chunk_len)).min(self.size);
		start.min(end)..end
	}

	/// The manifest as stored: magic, version, then the SCALE encoding.
	pub fn to_bytes(&self) -> Vec<u8> {
		let mut out = Vec::with_capacity(5 + 16 + 32 * self.chunks.len());
		out.extend_from_slice(&MANIFEST_MAGIC);
		out.push(MANIFEST_VERSION);
		self.encode_to(&mut out);
		out
	}

	/// Reads and checks a stored manifest.
	pub fn from_bytes(bytes: &[u8]) -> Result<Self, ManifestError> {
		let rest = bytes.strip_prefix(&MANIFEST_MAGIC).ok_or(ManifestError::NotAManifest)?;
		let (&version, mut rest) = rest.split_first().ok_or(ManifestError::NotAManifest)?;
		if version != MANIFEST_VERSION {
			return Err(ManifestError::UnknownVersion(version));
		}
		let manifest = Self::decode(&mut rest).map_err(|_| ManifestError::Malformed)?;
		if !rest.is_empty() {
			return Err(ManifestError::Malformed);
		}
		if manifest.chunk_len == 0 || manifest.chunk_len > MAX_CHUNK_LEN {
			return Err(ManifestError::BadChunkLen);
		}
		if Self::chunk_count(manifest.size, manifest.chunk_len) != manifest.chunks.len() as u64 {
			return Err(ManifestError::ChunkCountMismatch);
		}
		Ok(manifest)
	}

	/// The reference naming this blob.
	pub fn blob_ref(&self) -> BlobRef {
		BlobRef { manifest: content_hash(&self.to_bytes()), size: self.size }
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn manifest_len_is_the_length_of_the_stored_manifest() {
		for count in [0usize, 1, 63, 64, 65, 300, 16_384, 16_385] {
			let manifest =
				Manifest { size: count as u64, chunk_len: 1, chunks: vec![[3; 32]; count] };
			assert_eq!(manifest_len(count as u64), manifest.to_bytes().len() as u64, "{count}");
		}
	}

	#[test]
	fn manifest_chunks_bounds_what_a_manifest_of_that_length_lists() {
		for count in [0usize, 1, 2, 63, 64, 128, 1000] {
			let manifest = Manifest::of(&vec![7u8; count * 3], 3);
			let len = manifest.to_bytes().len();
			assert!(manifest_chunks(len) as usize >= count, "{count} chunks in {len} bytes");
			assert!(manifest_chunks(len) as usize <= count + 1, "{count} chunks in {len} bytes");
		}
		assert_eq!(manifest_chunks(0), 0);
	}

	#[test]
	fn manifest_round_trips_and_names_the_blob() {
		let data: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
		let m = Manifest::of(&data, 4096);
		assert_eq!(m.chunks.len(), 3);
		assert_eq!(m.chunks[2], content_hash(&data[8192..]));
		assert_eq!(m.chunk_range(2), 8192..10_000);
		let bytes = m.to_bytes();
		assert_eq!(Manifest::from_bytes(&bytes), Ok(m.clone()));
		assert_eq!(m.blob_ref(), BlobRef { manifest: content_hash(&bytes), size: 10_000 });
	}

	#[test]
	fn empty_data_has_no_chunks() {
		let m = Manifest::of(&[], 4096);
		assert!(m.chunks.is_empty());
		assert_eq!(Manifest::from_bytes(&m.to_bytes()), Ok(m));
	}

	#[test]
	fn every_malformed_manifest_is_refused() {
		let m = Manifest::of(&[7u8; 100], 10);
		let good = m.to_bytes();
		assert_eq!(Manifest::from_bytes(b"nope"), Err(ManifestError::NotAManifest));
		assert_eq!(Manifest::from_bytes(&MANIFEST_MAGIC), Err(ManifestError::NotAManifest));
		let mut v2 = good.clone();
		v2[4] = 2;
		assert_eq!(Manifest::from_bytes(&v2), Err(ManifestError::UnknownVersion(2)));
		assert_eq!(Manifest::from_bytes(&good[..good.len() - 1]), Err(ManifestError::Malformed));
		let mut trailing = good.clone();
		trailing.push(0);
		assert_eq!(Manifest::from_bytes(&trailing), Err(ManifestError::Malformed));
		let zero = Manifest { chunk_len: 0, ..m.clone() };
		assert_eq!(Manifest::from_bytes(&zero.to_bytes()), Err(ManifestError::BadChunkLen));
		let big = Manifest { chunk_len: MAX_CHUNK_LEN + 1, ..m.clone() };
		assert_eq!(Manifest::from_bytes(&big.to_bytes()), Err(ManifestError::BadChunkLen));
		let short = Manifest { size: 101, ..m };
		assert_eq!(Manifest::from_bytes(&short.to_bytes()), Err(ManifestError::ChunkCountMismatch));
	}

	#[test]
	fn the_largest_manifest_fits_in_a_chunk() {
		let m = Manifest {
			size: u64::from(MAX_MANIFEST_CHUNKS) * u64::from(MAX_CHUNK_LEN),
			chunk_len: MAX_CHUNK_LEN,
			chunks: alloc::vec![[0u8; 32]; MAX_MANIFEST_CHUNKS as usize],
		};
		assert!(m.to_bytes().len() <= MAX_CHUNK_LEN as usize);
	}
}

/// Most sources a task's external input may name.
pub const MAX_SOURCES: u32 = 4;
/// Longest source, in bytes.
pub const MAX_SOURCE_LEN: u32 = 256;
/// What a source puts in place of a chunk's name: its hash in 64 lowercase hex digits.
pub const SOURCE_HASH_PLACEHOLDER: &str = "{hash}";
/// Or its IPFS CID ([`chunk_cid`]), for IPFS gateways (`https://gateway/ipfs/{cid}`).
pub const SOURCE_CID_PLACEHOLDER: &str = "{cid}";

/// Why a source is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceError {
	/// Longer than [`MAX_SOURCE_LEN`].
	TooLong,
	/// Not `http://` or `https://`.
	Scheme,
	/// A byte that is not printable ASCII (spaces included).
	Unprintable,
	/// Not exactly one `{hash}` or `{cid}`.
	Placeholder,
}

/// Checks that `source` is a URL template a worker can fetch a chunk from: `http://` or
/// `https://`, printable ASCII without spaces, at most [`MAX_SOURCE_LEN`] bytes, and
/// exactly one `{hash}` (where the chunk's hash goes in hex, e.g.
/// `https://data.example.com/blobs/{hash}`) or `{cid}` (its IPFS CID, e.g.
/// `https://ipfs.io/ipfs/{cid}`).
pub fn check_source(source: &[u8]) -> Result<(), SourceError> {
	if source.len() > MAX_SOURCE_LEN as usize {
		return Err(SourceError::TooLong);
	}
	if !source.starts_with(b"http://") && !source.starts_with(b"https://") {
		return Err(SourceError::Scheme);
	}
	if !source.iter().all(|b| (0x21..=0x7e).contains(b)) {
		return Err(SourceError::Unprintable);
	}
	let count = |marker: &str| {
		let marker = marker.as_bytes();
		source.windows(marker.len()).filter(|w| *w == marker).count()
	};
	if count(SOURCE_HASH_PLACEHOLDER) + count(SOURCE_CID_PLACEHOLDER) != 1 {
		return Err(SourceError::Placeholder);
	}
	Ok(())
}

/// The URL of chunk `hash` at `source` (a template [`check_source`] accepts).
#[cfg(feature = "std")]
pub fn source_url(source: &str, hash: &ContentHash) -> String {
	let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
	source.replacen(SOURCE_HASH_PLACEHOLDER, &hex, 1).replacen(
		SOURCE_CID_PLACEHOLDER,
		&chunk_cid(hash),
		1,
	)
}

/// The IPFS CID of a chunk named `hash`: version 1, codec `raw` (0x55), multihash
/// `blake2b-256` (0xb220), in lowercase base32 (`bafk2bza…`) — the CID under which the
/// node's `--ipfs-server` (bitswap) offers the chunk, and which an IPFS gateway serves
/// for the chunk's bytes added with that hash.
#[cfg(feature = "std")]
pub fn chunk_cid(hash: &ContentHash) -> String {
	const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
	// CID v1, raw codec, blake2b-256 (varint 0xb220), 32-byte digest.
	let bytes = [&[0x01, 0x55, 0xa0, 0xe4, 0x02, 0x20][..], &hash[..]].concat();
	let mut out = String::from("b");
	let (mut buffer, mut bits) = (0u32, 0u32);
	for byte in bytes {
		buffer = (buffer << 8) | u32::from(byte);
		bits += 8;
		while bits >= 5 {
			bits -= 5;
			out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
		}
	}
	if bits > 0 {
		out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
	}
	out
}

#[cfg(test)]
mod source_tests {
	use super::*;

	#[test]
	fn sources_are_http_templates_with_one_hash() {
		assert_eq!(check_source(b"https://example.com/blobs/{hash}"), Ok(()));
		assert_eq!(check_source(b"http://127.0.0.1:8080/{hash}.bin"), Ok(()));
		assert_eq!(check_source(b"ftp://example.com/{hash}"), Err(SourceError::Scheme));
		assert_eq!(check_source(b"https://example.com/"), Err(SourceError::Placeholder));
		assert_eq!(
			check_source(b"https://example.com/{hash}/{hash}"),
			Err(SourceError::Placeholder)
		);
		assert_eq!(check_source(b"https://example.com/a b/{hash}"), Err(SourceError::Unprintable));
		let long = [b"https://".as_slice(), &[b'a'; 250], b"{hash}"].concat();
		assert_eq!(check_source(&long), Err(SourceError::TooLong));
	}

	#[test]
	fn a_chunk_s_cid_is_raw_blake2b_256_in_base32() {
		// The CID of the empty chunk, as `ipfs add --cid-version 1 --hash blake2b-256
		// --raw-leaves` of an empty file gives it.
		let empty = content_hash(b"");
		let cid = chunk_cid(&empty);
		// Computed apart: multibase "b" + RFC 4648 base32 of 01 55 a0e402 20 <digest>.
		assert_eq!(cid, "bafk2bzaceahfouoae3suhmxivmxlayez3kq5dzo7i53y654h7kvultprf7r2q");
		assert_eq!(check_source(b"https://ipfs.io/ipfs/{cid}"), Ok(()));
		assert_eq!(check_source(b"https://x.org/{cid}/{hash}"), Err(SourceError::Placeholder));
		assert_eq!(
			source_url("https://ipfs.io/ipfs/{cid}", &empty),
			format!("https://ipfs.io/ipfs/{cid}")
		);
	}

	#[test]
	fn a_source_url_names_the_chunk_in_hex() {
		let url = source_url("https://x.org/{hash}?v=1", &[0xab; 32]);
		assert_eq!(url, format!("https://x.org/{}?v=1", "ab".repeat(32)));
	}
}
