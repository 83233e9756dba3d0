//! Compiling and checking job modules, with an in-memory cache of ready-to-instantiate
//! modules (and the disk cache behind it).

use std::{
	collections::{HashMap, VecDeque},
	sync::{Arc, Mutex},
};

use depin_primitives::ProgramId;
use wasmtime::{Engine, ExternType, InstancePre, Linker, Module};

use super::{depth, disk::DiskCache, engine::Mode, state::JobState};

/// Most compiled modules kept in memory.
pub const MEMORY_CACHE_ENTRIES: usize = 128;

/// A program ready to run, or the reason it cannot run.
pub enum Compiled {
	/// Linked against the WASI host; instantiates per job.
	Ready(InstancePre<JobState>),
	/// Not a valid job module: every run ends with `BAD_MODULE`.
	Bad(String),
	/// A valid module this host failed to compile (resources, an internal error): a
	/// local failure, never cached and never a result.
	Failed(String),
}

impl Compiled {
	/// Whether the same program would compile the same way again (so it may be cached).
	pub fn is_settled(&self) -> bool {
		!matches!(self, Compiled::Failed(_))
	}
}

/// What a failure of `Module::new` on `code` means: `Bad` if the module is invalid (the
/// same on every host), `Failed` if it is valid and this host could not compile it.
fn compile_failure(engine: &Engine, code: &[u8], error: anyhow::Error) -> Compiled {
	match Module::validate(engine, code) {
		Err(invalid) => Compiled::Bad(format!("invalid module: {invalid}")),
		Ok(()) => Compiled::Failed(format!("cannot compile a valid module on this host: {error}")),
	}
}

/// Checks that `module` is a WASI command: only preview 1 function imports (the linker
/// checks names and types; the executor's own import is added by [`depth::instrument`],
/// which refuses modules that import it themselves) and a `_start` function taking and
/// returning nothing.
fn check_shape(module: &Module) -> Result<(), String> {
	for import in module.imports() {
		if import.module() != super::wasi::MODULE && import.module() != depth::MODULE {
			return Err(format!("forbidden import {}::{}", import.module(), import.name()));
		}
		if !matches!(import.ty(), ExternType::Func(_)) {
			return Err(format!("import {} is not a function", import.name()));
		}
	}
	match module.get_export("_start") {
		Some(ExternType::Func(f)) if f.params().len() == 0 && f.results().len() == 0 => {}
		_ => return Err("no `_start` function of type () -> ()".into()),
	}
	match module.get_export("memory") {
		Some(ExternType::Memory(_)) => Ok(()),
		_ => Err("no exported `memory`".into()),
	}
}

/// Compiles `code`, with the logical stack limit added if `depth`.
fn compile_fresh(engine: &Engine, code: &[u8], depth: bool) -> Result<Module, Compiled> {
	let instrumented;
	let code_to_compile = if depth {
		instrumented = match depth::instrument(code) {
			Ok(c) => c,
			Err(refused) => return Err(Compiled::Bad(refused.to_string())),
		};
		&instrumented[..]
	} else {
		code
	};
	Module::new(engine, code_to_compile).map_err(|e| compile_failure(engine, code, e))
}

/// Compiles (or loads) and links `code`, the program `key`; `depth` adds the logical
/// stack limit. Returns whether it was compiled now (not loaded).
pub fn compile(
	engine: &Engine,
	linker: &Linker<JobState>,
	disk: Option<&DiskCache>,
	key: (&ProgramId, Mode),
	code: &[u8],
	depth: bool,
) -> (Compiled, bool) {
	let (program, mode) = key;
	let loaded = disk.and_then(|d| d.load(engine, program, mode));
	let fresh = loaded.is_none();
	let module = match loaded {
		Some(m) => m,
		None => match compile_fresh(engine, code, depth) {
			Ok(m) => m,
			Err(failed) => return (failed, true),
		},
	};
	if let Err(reason) = check_shape(&module) {
		return (Compiled::Bad(reason), fresh);
	}
	match linker.instantiate_pre(&module) {
		Ok(pre) => {
			if fresh {
				if let Some(d) = disk {
					d.store(engine, program, mode, &module);
				}
			}
			(Compiled::Ready(pre), fresh)
		}
		Err(e) => (Compiled::Bad(format!("cannot link: {e}")), fresh),
	}
}

/// What the memory cache is keyed by: a program compiled for one mode.
type CacheKey = (ProgramId, Mode);

/// The cached programs, and their keys oldest first.
type CacheEntries = (HashMap<CacheKey, Arc<Compiled>>, VecDeque<CacheKey>);

/// Compiled programs by id and mode, oldest evicted first.
#[derive(Default)]
pub struct MemoryCache {
	entries: Mutex<CacheEntries>,
}

impl MemoryCache {
	/// The cached entry.
	pub fn get(&self, key: &CacheKey) -> Option<Arc<Compiled>> {
		self.entries.lock().unwrap_or_else(|e| e.into_inner()).0.get(key).cloned()
	}

	/// Caches `compiled`.
	pub fn insert(&self, key: CacheKey, compiled: Arc<Compiled>) {
		let mut guard = self.entries.lock().unwrap_or_else(|e| e.into_inner());
		let (map, order) = &mut *guard;
		if map.insert(key, compiled).is_none() {
			order.push_back(key);
		}
		while order.len() > MEMORY_CACHE_ENTRIES {
			if let Some(old) = order.pop_front() {
				map.remove(&old);
			}
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn only_invalid_modules_are_bad_and_host_failures_are_not_cached() {
		let engine = Engine::default();
		let garbage = b"\0asm\x01\0\0\0garbage";
		let bad = compile_failure(&engine, garbage, anyhow::anyhow!("parse error"));
		assert!(matches!(bad, Compiled::Bad(_)) && bad.is_settled());
		// A valid module whose compilation failed here (out of memory, say).
		let valid = b"\0asm\x01\0\0\0";
		let failed = compile_failure(&engine, valid, anyhow::anyhow!("mmap failed"));
		assert!(matches!(failed, Compiled::Failed(_)) && !failed.is_settled());
	}
}
