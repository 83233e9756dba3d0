//! Compiled modules on disk, so a restarted worker does not compile again. Files are
//! authenticated with a key only this worker knows: a file it did not write is never
//! loaded (deserializing compiled code runs it unchecked). At most [`MAX_ENTRIES`] files
//! are kept, the least recently written removed first; the key and every file are written
//! to a temporary name and renamed, so a crash never leaves half a file behind.

use std::{
	fs,
	io::{Read, Write},
	os::unix::fs::{OpenOptionsExt, PermissionsExt},
	path::{Path, PathBuf},
};

use depin_primitives::ProgramId;
use wasmtime::{Engine, Module};

use super::engine::{compatibility_digest, Mode};

const KEY_FILE: &str = "cache.key";
const MAC_LEN: usize = 32;
/// Most compiled modules kept on disk.
pub const MAX_ENTRIES: usize = 1024;
const EXTENSION: &str = "cwasm";

/// A directory of compiled modules.
pub struct DiskCache {
	dir: PathBuf,
	key: [u8; 32],
	max_entries: usize,
}

fn mac(key: &[u8; 32], bytes: &[u8]) -> [u8; MAC_LEN] {
	let hash = blake2b_simd::Params::new().hash_length(MAC_LEN).key(key).hash(bytes);
	let mut out = [0u8; MAC_LEN];
	out.copy_from_slice(hash.as_bytes());
	out
}

/// Writes `bytes` to `path` through a temporary file (mode 0600) and a rename.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
	let tmp = path.with_extension("tmp");
	let mut f =
		fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(&tmp)?;
	f.write_all(bytes)?;
	f.sync_all()?;
	fs::rename(&tmp, path)
}

/// The cache's key: read, or made anew when missing or short (the cached files then fail
/// their tags and are compiled again).
fn read_or_create_key(dir: &Path) -> std::io::Result<[u8; 32]> {
	let path = dir.join(KEY_FILE);
	let mut key = [0u8; 32];
	match fs::read(&path) {
		Ok(bytes) if bytes.len() == key.len() => {
			key.copy_from_slice(&bytes);
			return Ok(key);
		}
		Ok(_) => tracing::warn!(path = %path.display(), "replacing a damaged cache key"),
		Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
		Err(e) => return Err(e),
	}
	fs::File::open("/dev/urandom")?.read_exact(&mut key)?;
	write_atomically(&path, &key)?;
	Ok(key)
}

impl DiskCache {
	/// Opens (creating) the cache directory `dir`, readable by the owner only.
	pub fn open(dir: &Path) -> std::io::Result<Self> {
		Self::open_with_limit(dir, MAX_ENTRIES)
	}

	/// Opens `dir` keeping at most `max_entries` modules.
	pub fn open_with_limit(dir: &Path, max_entries: usize) -> std::io::Result<Self> {
		fs::create_dir_all(dir)?;
		fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
		let key = read_or_create_key(dir)?;
		Ok(Self { dir: dir.to_path_buf(), key, max_entries: max_entries.max(1) })
	}

	/// Removes the least recently written modules beyond `max_entries`.
	fn evict(&self) -> std::io::Result<()> {
		let mut files: Vec<(std::time::SystemTime, PathBuf)> = fs::read_dir(&self.dir)?
			.filter_map(|e| e.ok())
			.map(|e| e.path())
			.filter(|p| p.extension().is_some_and(|x| x == EXTENSION))
			.filter_map(|p| Some((fs::metadata(&p).ok()?.modified().ok()?, p)))
			.collect();
		if files.len() <= self.max_entries {
			return Ok(());
		}
		files.sort();
		for (_, path) in &files[..files.len() - self.max_entries] {
			fs::remove_file(path)?;
		}
		Ok(())
	}

	fn path(&self, engine: &Engine, program: &ProgramId, mode: Mode) -> PathBuf {
		let compat = compatibility_digest(engine);
		let name = format!("{}-{}-{}", hex(program), mode.name(), hex(&compat[..8]));
		self.dir.join(name).with_extension(EXTENSION)
	}

	/// The compiled module of `program`, if this worker stored it for this engine.
	pub fn load(&self, engine: &Engine, program: &ProgramId, mode: Mode) -> Option<Module> {
		let bytes = fs::read(self.path(engine, program, mode)).ok()?;
		let split = bytes.len().checked_sub(MAC_LEN)?;
		let (code, tag) = bytes.split_at(split);
		if mac(&self.key, code) != tag {
			tracing::warn!(program = %hex(program), "ignoring a cached module with a bad tag");
			return None;
		}
		// SAFETY: the tag proves this worker wrote `code` with `Module::serialize` for an
		// engine with the same compatibility digest (in the file name); wasmtime checks
		// the engine compatibility again.
		unsafe { Module::deserialize(engine, code) }.ok()
	}

	/// Stores the compiled module of `program` (best effort: a failure only costs a
	/// compilation later).
	pub fn store(&self, engine: &Engine, program: &ProgramId, mode: Mode, module: &Module) {
		let result = (|| -> anyhow::Result<()> {
			let mut bytes = module.serialize()?;
			let tag = mac(&self.key, &bytes);
			bytes.extend_from_slice(&tag);
			write_atomically(&self.path(engine, program, mode), &bytes)?;
			self.evict()?;
			Ok(())
		})();
		if let Err(e) = result {
			tracing::warn!(program = %hex(program), "could not cache a compiled module: {e}");
		}
	}
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_damaged_key_is_replaced() {
		let dir = tempfile::tempdir().unwrap();
		fs::write(dir.path().join(KEY_FILE), b"short").unwrap();
		let cache = DiskCache::open(dir.path()).expect("opens despite the damaged key");
		assert_eq!(fs::read(dir.path().join(KEY_FILE)).unwrap(), cache.key);
		assert_eq!(DiskCache::open(dir.path()).unwrap().key, cache.key, "kept from now on");
	}

	#[test]
	fn the_oldest_modules_are_evicted_beyond_the_limit() {
		let dir = tempfile::tempdir().unwrap();
		let cache = DiskCache::open_with_limit(dir.path(), 2).unwrap();
		let engine = Engine::default();
		let module = Module::new(&engine, b"\0asm\x01\0\0\0").unwrap();
		for program in 0..4u8 {
			cache.store(&engine, &[program; 32], Mode::Native, &module);
			// Distinct modification times.
			std::thread::sleep(std::time::Duration::from_millis(20));
		}
		let cached = |p: u8| cache.load(&engine, &[p; 32], Mode::Native).is_some();
		assert_eq!([0, 1, 2, 3].map(cached), [false, false, true, true]);
	}
}
