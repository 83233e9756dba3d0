//! The worker's settings: command-line flags, environment variables (`DEPIN_*`) and an
//! optional TOML file, in that order of precedence.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Default node URL.
pub const DEFAULT_URL: &str = "ws://127.0.0.1:9944";

/// Default capacity of the stored-data cache, in MiB.
pub const DEFAULT_DATA_CACHE_MIB: u64 = 4096;

/// Default seconds running jobs get after a stop signal.
pub const DEFAULT_SHUTDOWN_GRACE_SECS: u64 = 30;

/// A test-only misbehaviour, refused on any chain but a development chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fault {
	/// Commit and reveal a wrong result for every job.
	WrongResult,
}

/// Flags of `depin-worker run`. Every flag can also come from the environment or from the
/// `--config` file (same names, with `_` for `-`).
#[derive(clap::Args, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RunArgs {
	/// Node WebSocket URL [default: ws://127.0.0.1:9944].
	#[arg(long, env = "DEPIN_URL")]
	pub url: Option<String>,
	/// The device key: a secret URI (`//Dave`, a mnemonic) or a file holding one (mode
	/// 0600).
	#[arg(long, env = "DEPIN_SURI", hide_env_values = true)]
	pub suri: Option<String>,
	/// Jobs run in parallel [default: the device's cores].
	#[arg(long, env = "DEPIN_WORKER_SLOTS")]
	pub slots: Option<u16>,
	/// Where compiled modules are cached [default: STATE_DIR/cache].
	#[arg(long, env = "DEPIN_WORKER_CACHE_DIR")]
	pub cache_dir: Option<PathBuf>,
	/// Where stored job inputs are cached [default: STATE_DIR/data].
	#[arg(long, env = "DEPIN_WORKER_DATA_DIR")]
	pub data_dir: Option<PathBuf>,
	/// Most MiB of stored inputs the cache keeps, least recently used going first; also
	/// the largest stored input this device takes [default: 4096].
	#[arg(long, env = "DEPIN_WORKER_DATA_CACHE_MIB")]
	pub data_cache_mib: Option<u64>,
	/// Where the worker keeps its journal of commitments and its earnings
	/// [default: ~/.local/share/depin-worker/DEVICE].
	#[arg(long, env = "DEPIN_WORKER_STATE_DIR")]
	pub state_dir: Option<PathBuf>,
	/// Serve Prometheus metrics on this port (on 127.0.0.1 unless `--metrics-external`).
	#[arg(long, env = "DEPIN_WORKER_METRICS_PORT")]
	pub metrics_port: Option<u16>,
	/// Serve the metrics on every interface, for a Prometheus server on another machine.
	#[arg(long, env = "DEPIN_WORKER_METRICS_EXTERNAL")]
	#[serde(default)]
	pub metrics_external: bool,
	/// The owner this device works for (SS58 or `0x` hex): the worker refuses to run for
	/// a device registered by anyone else.
	#[arg(long, env = "DEPIN_WORKER_OWNER")]
	pub owner: Option<String>,
	/// Seconds running jobs get to finish and commit after SIGINT/SIGTERM [default: 30];
	/// a job still running then is abandoned (it has no result to lose).
	#[arg(long, env = "DEPIN_WORKER_SHUTDOWN_GRACE")]
	pub shutdown_grace: Option<u64>,
	/// A TOML file with any of these settings.
	#[arg(long, env = "DEPIN_WORKER_CONFIG")]
	#[serde(skip)]
	pub config: Option<PathBuf>,
	/// Test-only misbehaviour (development chains only).
	#[arg(long, value_enum, hide = true)]
	pub fault: Option<Fault>,
}

/// Every setting but the device key's secret, which is never printed.
impl std::fmt::Debug for RunArgs {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.debug_struct("RunArgs")
			.field("url", &self.url)
			.field("suri", &self.suri.as_ref().map(|_| "<secret>"))
			.field("slots", &self.slots)
			.field("cache_dir", &self.cache_dir)
			.field("data_dir", &self.data_dir)
			.field("data_cache_mib", &self.data_cache_mib)
			.field("state_dir", &self.state_dir)
			.field("metrics_port", &self.metrics_port)
			.field("metrics_external", &self.metrics_external)
			.field("owner", &self.owner)
			.field("shutdown_grace", &self.shutdown_grace)
			.field("config", &self.config)
			.field("fault", &self.fault)
			.finish()
	}
}

impl RunArgs {
	/// These flags, with unset values taken from the `--config` file if there is one.
	pub fn resolve(self) -> anyhow::Result<Self> {
		let Some(path) = self.config.clone() else { return Ok(self) };
		let file = Self::from_file(&path)?;
		Ok(Self {
			url: self.url.or(file.url),
			suri: self.suri.or(file.suri),
			slots: self.slots.or(file.slots),
			cache_dir: self.cache_dir.or(file.cache_dir),
			data_dir: self.data_dir.or(file.data_dir),
			data_cache_mib: self.data_cache_mib.or(file.data_cache_mib),
			state_dir: self.state_dir.or(file.state_dir),
			metrics_port: self.metrics_port.or(file.metrics_port),
			metrics_external: self.metrics_external || file.metrics_external,
			owner: self.owner.or(file.owner),
			shutdown_grace: self.shutdown_grace.or(file.shutdown_grace),
			config: self.config,
			fault: self.fault.or(file.fault),
		})
	}

	fn from_file(path: &Path) -> anyhow::Result<Self> {
		let text = std::fs::read_to_string(path)
			.map_err(|e| anyhow::anyhow!("cannot read config file {}: {e}", path.display()))?;
		toml::from_str(&text).map_err(|e| anyhow::anyhow!("config file {}: {e}", path.display()))
	}

	/// The node URL.
	pub fn url(&self) -> &str {
		self.url.as_deref().unwrap_or(DEFAULT_URL)
	}

	/// The stored-data cache's capacity in bytes.
	pub fn data_cache_bytes(&self) -> u64 {
		self.data_cache_mib.unwrap_or(DEFAULT_DATA_CACHE_MIB).saturating_mul(1 << 20)
	}

	/// How long running jobs get after a stop signal.
	pub fn shutdown_grace(&self) -> std::time::Duration {
		std::time::Duration::from_secs(self.shutdown_grace.unwrap_or(DEFAULT_SHUTDOWN_GRACE_SECS))
	}
}

/// The default state directory of `device`.
pub fn default_state_dir(device: &str) -> PathBuf {
	let base = std::env::var_os("XDG_DATA_HOME")
		.map(PathBuf::from)
		.or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
		.unwrap_or_else(|| PathBuf::from("."));
	base.join("depin-worker").join(device)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn flags_win_over_the_file() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("worker.toml");
		std::fs::write(&path, "url = \"ws://file:1\"\nslots = 3\nmetrics-port = 9100\n").unwrap();
		let args =
			RunArgs { slots: Some(5), config: Some(path), ..Default::default() }.resolve().unwrap();
		assert_eq!(args.url(), "ws://file:1");
		assert_eq!(args.slots, Some(5));
		assert_eq!(args.metrics_port, Some(9100));
	}

	#[test]
	fn the_device_secret_is_never_printed() {
		let args = RunArgs { suri: Some("//Secret".into()), ..Default::default() };
		let printed = format!("{args:?}");
		assert!(!printed.contains("Secret") && printed.contains("<secret>"), "{printed}");
	}

	#[test]
	fn unknown_keys_in_the_file_are_errors() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("worker.toml");
		std::fs::write(&path, "slotz = 3\n").unwrap();
		let err = RunArgs { config: Some(path), ..Default::default() }.resolve().unwrap_err();
		assert!(err.to_string().contains("slotz"), "{err}");
	}
}
