//! A `depin-node` process for tests, reachable over JSON-RPC.

use std::{
	path::PathBuf,
	process::Command,
	time::{Duration, Instant},
};

use depin_client::{rpc::params, Rpc};
use serde_json::Value;

use crate::process::{binary_path, free_port, ChildProcess};

/// How long a node gets to open its RPC port after start (it compiles the runtime first).
const RPC_STARTUP_TIMEOUT: Duration = Duration::from_secs(90);

/// Which chain a test node runs.
#[derive(Clone, Debug)]
pub enum Chain {
	/// `--dev`: self-sealing, one block per `block_time_ms`.
	Dev {
		/// Block interval in milliseconds.
		block_time_ms: u64,
	},
	/// `--chain local` as the named validator (`alice`, `bob`, …).
	LocalValidator {
		/// Lower-case well-known name.
		name: String,
	},
}

/// How to start a test node.
#[derive(Clone, Debug)]
pub struct NodeConfig {
	/// The chain.
	pub chain: Chain,
	/// Multiaddresses of peers to connect to.
	pub bootnodes: Vec<String>,
	/// Extra command-line arguments.
	pub extra_args: Vec<String>,
}

impl NodeConfig {
	/// A `--dev` node sealing a block every `block_time_ms`.
	pub fn dev(block_time_ms: u64) -> Self {
		Self { chain: Chain::Dev { block_time_ms }, bootnodes: vec![], extra_args: vec![] }
	}

	/// A `--chain local` validator.
	pub fn local_validator(name: &str) -> Self {
		Self {
			chain: Chain::LocalValidator { name: name.to_string() },
			bootnodes: vec![],
			extra_args: vec![],
		}
	}
}

/// A running node with an open RPC connection. Dropping it stops the process and removes
/// its data directory.
pub struct TestNode {
	/// The RPC connection.
	pub rpc: Rpc,
	/// JSON-RPC port (WebSocket and HTTP).
	pub rpc_port: u16,
	/// libp2p port.
	pub p2p_port: u16,
	/// Prometheus port.
	pub prometheus_port: u16,
	config: NodeConfig,
	node_key: String,
	process: ChildProcess,
	// Declared last: removed after the process is stopped.
	dir: tempfile::TempDir,
}

fn random_node_key() -> String {
	// The key only has to differ between nodes of one test; time and pid are enough.
	let nanos = std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.as_nanos())
		.unwrap_or(0);
	format!("{:032x}{:032x}", nanos, (std::process::id() as u128) << 64 | (free_port() as u128))
}

/// The well-known name a node of `chain` is logged as.
fn node_name(chain: &Chain) -> String {
	match chain {
		Chain::Dev { .. } => "dev".to_string(),
		Chain::LocalValidator { name } => name.clone(),
	}
}

impl TestNode {
	/// Starts a node and waits until its RPC answers.
	pub async fn start(config: NodeConfig) -> Self {
		let dir = tempfile::tempdir().expect("temporary directory");
		let (rpc_port, p2p_port, prometheus_port) = (free_port(), free_port(), free_port());
		let node_key = random_node_key();
		let (process, rpc) =
			spawn(&config, dir.path(), &node_key, [rpc_port, p2p_port, prometheus_port]).await;
		Self { rpc, rpc_port, p2p_port, prometheus_port, config, node_key, process, dir }
	}

	/// Stops the node (SIGTERM, then SIGKILL after a grace period) and starts it again on
	/// the same ports and database; waits until its RPC answers. Connections to the old
	/// process are lost.
	pub async fn restart(&mut self) {
		self.process.stop();
		let ports = [self.rpc_port, self.p2p_port, self.prometheus_port];
		let (process, rpc) = spawn(&self.config, self.dir.path(), &self.node_key, ports).await;
		(self.process, self.rpc) = (process, rpc);
	}

	/// WebSocket URL of the RPC.
	pub fn ws_url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	/// The node's data directory.
	pub fn dir(&self) -> PathBuf {
		self.dir.path().to_path_buf()
	}

	/// The process.
	pub fn process(&mut self) -> &mut ChildProcess {
		&mut self.process
	}

	/// The node's libp2p address, for `--bootnodes` of another node.
	pub async fn multiaddr(&self) -> String {
		let peer_id: String =
			self.rpc.call("system_localPeerId", params![]).await.expect("system_localPeerId");
		format!("/ip4/127.0.0.1/tcp/{}/p2p/{peer_id}", self.p2p_port)
	}

	/// Number of the best block.
	pub async fn best_number(&self) -> u64 {
		let header: Value =
			self.rpc.call("chain_getHeader", params![]).await.expect("chain_getHeader");
		header_number(&header)
	}

	/// Number of the last finalized block.
	pub async fn finalized_number(&self) -> u64 {
		let hash: Value =
			self.rpc.call("chain_getFinalizedHead", params![]).await.expect("finalized head");
		let header: Value =
			self.rpc.call("chain_getHeader", params![hash]).await.expect("finalized header");
		header_number(&header)
	}

	/// Waits until the best (or finalized) block number reaches `target`, polling every
	/// 200 ms; panics with the node's log after `timeout`.
	async fn wait_for(&self, finalized: bool, target: u64, timeout: Duration) -> u64 {
		let start = Instant::now();
		loop {
			let n =
				if finalized { self.finalized_number().await } else { self.best_number().await };
			if n >= target {
				return n;
			}
			if start.elapsed() > timeout {
				let what = if finalized { "finalized block" } else { "best block" };
				panic!(
					"{what} stayed at {n} < {target} for {timeout:?}\n{}",
					self.process.log_tail(8192)
				);
			}
			tokio::time::sleep(Duration::from_millis(200)).await;
		}
	}

	/// Waits until the best block number reaches `target`.
	pub async fn wait_for_best(&self, target: u64, timeout: Duration) -> u64 {
		self.wait_for(false, target, timeout).await
	}

	/// Waits until the finalized block number reaches `target`.
	pub async fn wait_for_finalized(&self, target: u64, timeout: Duration) -> u64 {
		self.wait_for(true, target, timeout).await
	}
}

/// Starts `depin-node` for `config` in `dir` on ports `[rpc, p2p, prometheus]` and waits
/// until its RPC answers.
async fn spawn(
	config: &NodeConfig,
	dir: &std::path::Path,
	node_key: &str,
	[rpc_port, p2p_port, prometheus_port]: [u16; 3],
) -> (ChildProcess, Rpc) {
	let mut cmd = Command::new(binary_path("depin-node"));
	cmd.arg("--base-path")
		.arg(dir.join("data"))
		.args(["--rpc-port", &rpc_port.to_string()])
		.args(["--prometheus-port", &prometheus_port.to_string()])
		.args(["--no-telemetry", "--no-mdns", "--rpc-cors", "all"])
		.args(["--listen-addr", &format!("/ip4/127.0.0.1/tcp/{p2p_port}")])
		.args(["--node-key", node_key]);
	match &config.chain {
		Chain::Dev { block_time_ms } => {
			cmd.args(["--dev", "--dev-block-time", &block_time_ms.to_string()]);
		}
		Chain::LocalValidator { name } => {
			cmd.args(["--chain", "local", "--validator", &format!("--{name}")]);
			cmd.arg("--allow-private-ip");
		}
	}
	for b in &config.bootnodes {
		cmd.args(["--bootnodes", b]);
	}
	cmd.args(&config.extra_args);

	let name = node_name(&config.chain);
	let log = dir.join(format!("{name}.log"));
	let mut process =
		ChildProcess::spawn(&format!("depin-node {name}"), cmd, &log).expect("spawn depin-node");
	let url = format!("ws://127.0.0.1:{rpc_port}");
	let start = Instant::now();
	loop {
		if let Ok(rpc) = Rpc::connect(&url).await {
			return (process, rpc);
		}
		if !process.is_running() {
			panic!("depin-node exited during startup:\n{}", process.log_tail(8192));
		}
		if start.elapsed() > RPC_STARTUP_TIMEOUT {
			panic!(
				"node RPC did not come up in {RPC_STARTUP_TIMEOUT:?}\n{}",
				process.log_tail(8192)
			);
		}
		tokio::time::sleep(Duration::from_millis(100)).await;
	}
}

/// The `number` of a header in JSON (a hex string).
pub fn header_number(header: &Value) -> u64 {
	let hex = header["number"].as_str().expect("header has a number");
	u64::from_str_radix(hex.trim_start_matches("0x"), 16).expect("hex block number")
}
