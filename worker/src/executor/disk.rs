//! Compiled modules on disk, so a restarted worker does not compile again. Files are
//! authenticated with a key only this worker knows: a file it did not write is never
//! loaded (deserializing compiled code runs it unchecked).

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

/// A directory of compiled modules.
pub struct DiskCache {
	dir: PathBuf,
	key: [u8; 32],
}

fn mac(key: &[u8; 32], bytes: &[u8]) -> [u8; MAC_LEN] {
	let hash = blake2b_simd::Params::new().hash_length(MAC_LEN).key(key).hash(bytes);
	let mut out = [0u8; MAC_LEN];
	out.copy_from_slice(hash.as_bytes());
	out
}

fn read_or_create_key(dir: &Path) -> std::io::Result<[u8; 32]> {
	let path = dir.join(KEY_FILE);
	let mut key = [0u8; 32];
	match fs::File::open(&path) {
		Ok(mut f) => {
			f.read_exact(&mut key)?;
		}
		Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
			fs::File::open("/dev/urandom")?.read_exact(&mut key)?;
			let mut f =
				fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&path)?;
			f.write_all(&key)?;
			f.sync_all()?;
		}
		Err(e) => return Err(e),
	}
	Ok(key)
}

impl DiskCache {
	/// Opens (creating) the cache directory `dir`, readable by the owner only.
	pub fn open(dir: &Path) -> std::io::Result<Self> {
		fs::create_dir_all(dir)?;
		fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
		let key = read_or_create_key(dir)?;
		Ok(Self { dir: dir.to_path_buf(), key })
	}

	fn path(&self, engine: &Engine, program: &ProgramId, mode: Mode) -> PathBuf {
		let compat = compatibility_digest(engine);
		self.dir.join(format!("{}-{}-{}.cwasm", hex(program), mode.name(), hex(&compat[..8])))
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
			let path = self.path(engine, program, mode);
			let tmp = path.with_extension("tmp");
			let mut f = fs::OpenOptions::new()
				.write(true)
				.create(true)
				.truncate(true)
				.mode(0o600)
				.open(&tmp)?;
			f.write_all(&bytes)?;
			f.sync_all()?;
			fs::rename(&tmp, &path)?;
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
