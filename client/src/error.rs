//! Errors of the chain client.

/// What can go wrong talking to a node.
#[derive(Debug, thiserror::Error)]
pub enum Error {
	/// The node could not be reached at all.
	#[error("cannot reach the node at {url}: {reason}. Is `depin-node` running, and is the URL right?")]
	Unreachable {
		/// The URL that was tried.
		url: String,
		/// Why the connection failed.
		reason: String,
	},
	/// The node answered a call with an error, or the connection broke during it.
	#[error("RPC `{method}` failed: {reason}")]
	Rpc {
		/// The JSON-RPC method.
		method: String,
		/// The error reported.
		reason: String,
	},
	/// The node's answer could not be understood.
	#[error("unexpected answer to `{method}`: {reason}")]
	Decode {
		/// The JSON-RPC method.
		method: String,
		/// What did not fit.
		reason: String,
	},
	/// A wait ran out of time.
	#[error("timed out after {seconds} s waiting for {what}")]
	Timeout {
		/// What was awaited.
		what: String,
		/// How long was waited.
		seconds: u64,
	},
}
