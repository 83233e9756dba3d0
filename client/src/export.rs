//! Blobs the chain does not keep: a file cut into chunks as `depin data put` cuts it, its
//! manifest computed here, and the chunks and manifest written to a directory as files
//! named by their hash (64 lowercase hex digits), which any HTTP server can serve as a
//! task's input source (`market.submit_sourced_task`, a source such as
//! `https://host/blobs/{hash}`).

use std::{
	fs::File,
	io::Read,
	path::{Path, PathBuf},
};

use depin_primitives::{
	data::{content_hash, MAX_CHUNK_LEN},
	ContentHash, Manifest,
};

use crate::blobs::BlobError;

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> BlobError + '_ {
	move |source| BlobError::Io { path: path.to_path_buf(), source }
}

/// The manifest of the file at `path` in chunks of `MAX_CHUNK_LEN` bytes, handing each
/// chunk to `each` (with its hash) as it is read; the file is read once, a chunk at a time.
pub fn file_manifest(
	path: &Path,
	mut each: impl FnMut(&ContentHash, &[u8]) -> Result<(), BlobError>,
) -> Result<Manifest, BlobError> {
	let mut file = File::open(path).map_err(io_error(path))?;
	let size = file.metadata().map_err(io_error(path))?.len();
	let chunk_len = MAX_CHUNK_LEN;
	let mut chunks = Vec::new();
	let mut rest = size;
	while rest > 0 {
		let mut data = vec![0; rest.min(u64::from(chunk_len)) as usize];
		file.read_exact(&mut data).map_err(io_error(path))?;
		let hash = content_hash(&data);
		each(&hash, &data)?;
		chunks.push(hash);
		rest -= data.len() as u64;
	}
	Ok(Manifest { size, chunk_len, chunks })
}

/// The file name a chunk or manifest named `hash` has in an exported directory (what a
/// source's `{hash}` becomes).
pub fn file_name(hash: &ContentHash) -> String {
	hex::encode(hash)
}

/// Writes the chunks and the manifest of the file at `path` into `dir` (created if
/// needed), each named by its hash; returns the manifest. A chunk already there is
/// written again (a damaged copy is replaced).
pub fn export_file(path: &Path, dir: &Path) -> Result<Manifest, BlobError> {
	std::fs::create_dir_all(dir).map_err(io_error(dir))?;
	let write = |hash: &ContentHash, data: &[u8]| {
		let out: PathBuf = dir.join(file_name(hash));
		std::fs::write(&out, data).map_err(io_error(&out))
	};
	let manifest = file_manifest(path, write)?;
	let bytes = manifest.to_bytes();
	write(&content_hash(&bytes), &bytes)?;
	Ok(manifest)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn an_exported_file_is_its_chunks_and_manifest_by_hash() {
		let dir = tempfile::tempdir().unwrap();
		let data: Vec<u8> = (0..MAX_CHUNK_LEN as usize + 10).map(|i| (i % 251) as u8).collect();
		let input = dir.path().join("input.bin");
		std::fs::write(&input, &data).unwrap();
		let out = dir.path().join("blobs");
		let manifest = export_file(&input, &out).unwrap();
		assert_eq!(manifest, Manifest::of(&data, MAX_CHUNK_LEN), "the cut `data put` makes");
		let name = content_hash(&manifest.to_bytes());
		assert_eq!(std::fs::read(out.join(file_name(&name))).unwrap(), manifest.to_bytes());
		let mut joined = Vec::new();
		for hash in &manifest.chunks {
			joined.extend(std::fs::read(out.join(file_name(hash))).unwrap());
		}
		assert_eq!(joined, data);
		let missing = dir.path().join("missing.bin");
		assert!(matches!(export_file(&missing, &out), Err(BlobError::Io { .. })));
	}
}
