//! What the worker remembers besides its journal: what the device earned.

use std::{
	path::{Path, PathBuf},
	sync::Mutex,
};

use serde::{Deserialize, Serialize};

/// The persisted numbers.
#[derive(Default, Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Earnings {
	/// Paid to the owner for this device's verified work, in the smallest unit.
	pub earned: u128,
	/// The last block counted.
	pub last_block: u32,
}

/// `earnings.json` in the state directory.
pub struct State {
	path: PathBuf,
	earnings: Mutex<Earnings>,
}

impl State {
	/// Opens the state in `dir` (missing or unreadable: starts from zero).
	pub fn open(dir: &Path) -> Self {
		let path = dir.join("earnings.json");
		Self { earnings: Mutex::new(Self::read(dir)), path }
	}

	/// Reads the earnings stored in `dir`.
	pub fn read(dir: &Path) -> Earnings {
		std::fs::read(dir.join("earnings.json"))
			.ok()
			.and_then(|b| serde_json::from_slice(&b).ok())
			.unwrap_or_default()
	}

	/// Total earned.
	pub fn earned(&self) -> u128 {
		self.earnings.lock().unwrap_or_else(|e| e.into_inner()).earned
	}

	/// Adds `amount` earned in `block` (once per block); returns the new total.
	pub fn add_earned(&self, amount: u128, block: u32) -> u128 {
		let mut e = self.earnings.lock().unwrap_or_else(|e| e.into_inner());
		if block > e.last_block {
			e.earned += amount;
			e.last_block = block;
			let tmp = self.path.with_extension("tmp");
			let written = serde_json::to_vec(&*e)
				.map_err(std::io::Error::other)
				.and_then(|bytes| std::fs::write(&tmp, bytes))
				.and_then(|_| std::fs::rename(&tmp, &self.path));
			if let Err(err) = written {
				tracing::warn!("cannot save earnings: {err}");
			}
		}
		e.earned
	}
}
