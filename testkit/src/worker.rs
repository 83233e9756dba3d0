//! A `depin-worker run` process for tests.

use std::{path::Path, process::Command};

use crate::process::{binary_path, ChildProcess};

/// Starts `depin-worker run` against `url` with the device key `suri`, keeping its state
/// in `state_dir` and its log in `state_dir/worker.log`. `extra` adds flags.
pub fn start_worker(url: &str, suri: &str, state_dir: &Path, extra: &[&str]) -> ChildProcess {
	std::fs::create_dir_all(state_dir).expect("state dir");
	let mut cmd = Command::new(binary_path("depin-worker"));
	cmd.arg("run")
		.args(["--url", url, "--suri", suri])
		.arg("--state-dir")
		.arg(state_dir)
		.args(extra)
		.env("DEPIN_LOG", "info");
	let log = state_dir.join("worker.log");
	ChildProcess::spawn(&format!("depin-worker {suri}"), cmd, &log).expect("spawn depin-worker")
}
