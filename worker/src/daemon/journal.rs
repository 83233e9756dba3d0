//! The journal of results the worker committed to. An entry (salt, result, output) is on
//! disk, synced, before its commitment is sent, so a worker killed at any moment reveals
//! after a restart, and never computes or commits a task twice. An output blob's bytes
//! are on disk beside its entry (`task-N.out`), synced before the entry, until the task
//! ends: the entry holds the blob's manifest, which is what the chain sees as the output.

use std::{
	collections::HashSet,
	fs,
	future::Future,
	io::Write,
	os::unix::fs::OpenOptionsExt,
	path::{Path, PathBuf},
};

use depin_primitives::{ExecResult, Salt, TaskId};
use serde::{Deserialize, Serialize};

/// What the worker committed to for one task.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
	/// The task.
	pub task: TaskId,
	/// The salt of the commitment.
	#[serde(with = "depin_primitives::serde_hex")]
	pub salt: Salt,
	/// The result.
	pub result: ExecResult,
	/// The output: its proof goes into the commitment and the reveal, and it is
	/// published once its result has a quorum. For an output blob, the blob's manifest.
	#[serde(with = "depin_primitives::serde_hex")]
	pub output: Vec<u8>,
	/// Whether the output is a blob: `output` is its manifest, and its bytes are in the
	/// journal (`Journal::output_blob`), stored before the manifest is published.
	#[serde(default)]
	pub blob: bool,
}

impl Entry {
	/// `device`'s proof that it holds this output (`depin_primitives::output_proof`).
	pub fn proof(&self, device: &depin_client::types::AccountId) -> depin_primitives::Hash32 {
		let key = depin_primitives::output_key(&self.output);
		depin_primitives::output_proof(self.task, &key, device)
	}
}

/// The journaled tasks whose entries may go: assigned to the device neither at the best
/// block (`best`) nor at the finalized one (`finalized`, read only if the best block lacks
/// some). A syncing node or a reorg can show a best block without a task whose result
/// must still be revealed; the finalized block cannot.
pub async fn ended<F, Fut, E>(
	journaled: Vec<TaskId>,
	best: &HashSet<TaskId>,
	finalized: F,
) -> Result<Vec<TaskId>, E>
where
	F: FnOnce() -> Fut,
	Fut: Future<Output = Result<HashSet<TaskId>, E>>,
{
	let gone: Vec<TaskId> = journaled.into_iter().filter(|t| !best.contains(t)).collect();
	if gone.is_empty() {
		return Ok(gone);
	}
	let finalized = finalized().await?;
	Ok(gone.into_iter().filter(|t| !finalized.contains(t)).collect())
}

/// A directory of entries, one file per task.
pub struct Journal {
	dir: PathBuf,
}

impl Journal {
	/// Opens (creating) the journal in `dir`.
	pub fn open(dir: &Path) -> std::io::Result<Self> {
		fs::create_dir_all(dir)?;
		Ok(Self { dir: dir.to_path_buf() })
	}

	fn path(&self, task: TaskId) -> PathBuf {
		self.dir.join(format!("task-{task}.json"))
	}

	fn blob_path(&self, task: TaskId) -> PathBuf {
		self.dir.join(format!("task-{task}.out"))
	}

	/// Writes `entry` durably: temporary file, fsync, rename, fsync of the directory.
	pub fn record(&self, entry: &Entry) -> std::io::Result<()> {
		self.write_durably(&self.path(entry.task), &serde_json::to_vec(entry)?)
	}

	/// Writes the bytes of `task`'s output blob durably, before its entry.
	pub fn record_output_blob(&self, task: TaskId, bytes: &[u8]) -> std::io::Result<()> {
		self.write_durably(&self.blob_path(task), bytes)
	}

	/// The bytes of `task`'s output blob.
	pub fn output_blob(&self, task: TaskId) -> std::io::Result<Vec<u8>> {
		fs::read(self.blob_path(task))
	}

	fn write_durably(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
		let tmp = path.with_extension("tmp");
		let mut f = fs::OpenOptions::new()
			.write(true)
			.create(true)
			.truncate(true)
			.mode(0o600)
			.open(&tmp)?;
		f.write_all(bytes)?;
		f.sync_all()?;
		fs::rename(&tmp, path)?;
		fs::File::open(&self.dir)?.sync_all()
	}

	/// The entry of `task`.
	pub fn get(&self, task: TaskId) -> Option<Entry> {
		let bytes = fs::read(self.path(task)).ok()?;
		match serde_json::from_slice(&bytes) {
			Ok(e) => Some(e),
			Err(e) => {
				tracing::error!(task, "unreadable journal entry: {e}");
				None
			}
		}
	}

	/// The tasks with an entry, from the file names alone.
	pub fn tasks(&self) -> Vec<TaskId> {
		let Ok(dir) = fs::read_dir(&self.dir) else { return Vec::new() };
		dir.filter_map(|e| {
			let name = e.ok()?.file_name().into_string().ok()?;
			name.strip_prefix("task-")?.strip_suffix(".json")?.parse().ok()
		})
		.collect()
	}

	/// Forgets `task` (it ended on chain).
	pub fn remove(&self, task: TaskId) {
		let _ = fs::remove_file(self.path(task));
		let _ = fs::remove_file(self.blob_path(task));
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[tokio::test]
	async fn an_entry_goes_only_when_the_finalized_block_has_no_task_either() {
		let best: HashSet<TaskId> = [1].into();
		// Task 2 is missing from the best block (a syncing node, a reorg) but assigned at the
		// finalized block: its result must still be revealed. Task 3 ended.
		let finalized = || async { Ok::<_, ()>([2].into()) };
		assert_eq!(ended(vec![1, 2, 3], &best, finalized).await, Ok(vec![3]));
		// Nothing missing from the best block: the finalized block is not even read.
		let unread = ended(vec![1], &best, || async { Err(()) }).await.unwrap();
		assert!(unread.is_empty());
	}

	#[test]
	fn entries_survive_reopening_and_can_be_removed() {
		let dir = tempfile::tempdir().unwrap();
		let entry = Entry {
			task: 42,
			salt: [9; 32],
			result: ExecResult { exit: 0, output_hash: [1; 32], fuel_used: 77 },
			output: b"manifest".to_vec(),
			blob: true,
		};
		let journal = Journal::open(dir.path()).unwrap();
		journal.record_output_blob(42, b"the blob's bytes").unwrap();
		journal.record(&entry).unwrap();
		let journal = Journal::open(dir.path()).unwrap();
		assert_eq!(journal.get(42), Some(entry.clone()));
		assert_eq!(journal.output_blob(42).unwrap(), b"the blob's bytes");
		assert_eq!(journal.tasks(), vec![42], "the blob's file is not an entry");
		journal.remove(42);
		assert!(journal.tasks().is_empty());
		assert!(journal.output_blob(42).is_err(), "the blob's bytes go with the entry");
	}

	#[test]
	fn entries_written_before_output_blobs_existed_read_as_outputs_in_state() {
		let json = r#"{"task":7,"salt":"0x0000000000000000000000000000000000000000000000000000000000000000","result":{"exit":0,"outputHash":"0x0101010101010101010101010101010101010101010101010101010101010101","fuelUsed":5},"output":"0x6f6b"}"#;
		let entry: Entry = serde_json::from_str(json).unwrap();
		assert_eq!((entry.output.as_slice(), entry.blob), (&b"ok"[..], false));
	}

	#[test]
	fn entries_of_workers_that_recorded_the_publish_phase_still_read() {
		let json = r#"{"task":7,"salt":"0x0000000000000000000000000000000000000000000000000000000000000000","result":{"exit":0,"outputHash":"0x0101010101010101010101010101010101010101010101010101010101010101","fuelUsed":5},"output":"0x6f6b","blob":true,"publish_since":12}"#;
		let entry: Entry = serde_json::from_str(json).unwrap();
		assert_eq!((entry.output.as_slice(), entry.blob), (&b"ok"[..], true));
	}
}
