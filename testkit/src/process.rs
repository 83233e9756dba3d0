//! Child processes that cannot outlive the test that started them.

use std::{
	fs::File,
	io::{Read, Seek, SeekFrom},
	net::TcpListener,
	os::unix::process::CommandExt,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

/// How long a process gets to exit after SIGTERM before it is killed.
const TERM_GRACE: Duration = Duration::from_secs(10);

/// A free TCP port on 127.0.0.1 (bound once and released; good enough for tests).
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0")
		.and_then(|l| l.local_addr())
		.map(|a| a.port())
		.expect("no free loopback port")
}

/// Path of a binary of this workspace, built into the same target directory as the
/// running program: next to it (`target/<profile>/<name>`), or one level up for a test
/// (`target/<profile>/deps/<test>`).
pub fn binary_path(name: &str) -> PathBuf {
	let exe = std::env::current_exe().expect("current executable");
	let dir = exe.parent().expect("executable directory");
	let beside = dir.join(name);
	if beside.exists() {
		return beside;
	}
	let path = dir.parent().unwrap_or(dir).join(name);
	assert!(
		path.exists(),
		"{} is missing: build it first with `cargo build --release -p {name}` \
		 (scripts/test.sh does)",
		path.display()
	);
	path
}

/// The environment variable naming a directory where every child process's log is copied
/// when the process is dropped (the test's temporary directory is removed with it).
pub const KEEP_LOGS_ENV: &str = "DEPIN_TEST_LOGS";

/// A running child process with its output in a log file. Dropping it stops it: SIGTERM,
/// then SIGKILL after a grace period. If the test is panicking, the end of the log is
/// printed to help diagnose the failure; with [`KEEP_LOGS_ENV`] set, the whole log is kept.
pub struct ChildProcess {
	name: String,
	child: Child,
	log_path: PathBuf,
}

impl ChildProcess {
	/// Spawns `command` with stdout and stderr appended to `log_path`. The process gets
	/// SIGKILL if the test process dies.
	pub fn spawn(name: &str, mut command: Command, log_path: &Path) -> std::io::Result<Self> {
		let log = File::options().create(true).append(true).open(log_path)?;
		command.stdin(Stdio::null()).stdout(log.try_clone()?).stderr(log);
		// SAFETY: `prctl` is async-signal-safe and touches no memory of the parent.
		unsafe {
			command.pre_exec(|| {
				if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 {
					return Err(std::io::Error::last_os_error());
				}
				Ok(())
			});
		}
		let child = command.spawn()?;
		Ok(Self { name: name.to_string(), child, log_path: log_path.to_path_buf() })
	}

	/// The process id.
	pub fn pid(&self) -> u32 {
		self.child.id()
	}

	/// Whether the process is still running.
	pub fn is_running(&mut self) -> bool {
		matches!(self.child.try_wait(), Ok(None))
	}

	/// The log file.
	pub fn log_path(&self) -> &Path {
		&self.log_path
	}

	/// The last `max_bytes` of the log.
	pub fn log_tail(&self, max_bytes: u64) -> String {
		let mut out = String::new();
		if let Ok(mut f) = File::open(&self.log_path) {
			let len = f.metadata().map(|m| m.len()).unwrap_or(0);
			let _ = f.seek(SeekFrom::Start(len.saturating_sub(max_bytes)));
			let mut bytes = Vec::new();
			let _ = f.read_to_end(&mut bytes);
			out = String::from_utf8_lossy(&bytes).into_owned();
		}
		out
	}

	/// Copies the log to the directory [`KEEP_LOGS_ENV`] names, if it is set, as
	/// `<name>-<pid>.log` (the name's `/` become `_`).
	fn keep_log(&self) {
		let Some(dir) = std::env::var_os(KEEP_LOGS_ENV) else { return };
		let name = format!("{}-{}.log", self.name.replace(['/', ' '], "_"), self.pid());
		let kept = std::fs::create_dir_all(&dir)
			.and_then(|_| std::fs::copy(&self.log_path, Path::new(&dir).join(&name)));
		if let Err(e) = kept {
			eprintln!("cannot keep the log of {} in {}: {e}", self.name, dir.to_string_lossy());
		}
	}

	/// Sends `signal` to the process.
	pub fn signal(&self, signal: i32) {
		// SAFETY: plain syscall on our own child's pid.
		unsafe {
			libc::kill(self.child.id() as i32, signal);
		}
	}

	/// Kills the process at once (SIGKILL) and reaps it, as a crash would.
	pub fn kill_hard(&mut self) {
		self.signal(libc::SIGKILL);
		let _ = self.child.wait();
	}

	/// Stops the process: SIGTERM, wait up to the grace period, then SIGKILL. Returns the
	/// exit status if it exited by itself.
	pub fn stop(&mut self) -> Option<std::process::ExitStatus> {
		if let Ok(Some(status)) = self.child.try_wait() {
			return Some(status);
		}
		self.signal(libc::SIGTERM);
		let start = Instant::now();
		while start.elapsed() < TERM_GRACE {
			if let Ok(Some(status)) = self.child.try_wait() {
				return Some(status);
			}
			std::thread::sleep(Duration::from_millis(50));
		}
		self.kill_hard();
		None
	}
}

impl Drop for ChildProcess {
	fn drop(&mut self) {
		self.stop();
		if std::thread::panicking() {
			eprintln!(
				"----- last lines of {} ({}) -----\n{}\n-----",
				self.name,
				self.log_path.display(),
				self.log_tail(8 * 1024)
			);
		}
		self.keep_log();
	}
}
