//! Errors of the chain client. Each message says what went wrong and, where it can,
//! what to do about it.

/// What can go wrong talking to a node.
#[derive(Debug, thiserror::Error)]
pub enum Error {
	/// The node could not be reached at all.
	#[error(
		"cannot reach the node at {url}: {reason}. Is `depin-node` running, and is the URL right?"
	)]
	Unreachable {
		/// The URL that was tried.
		url: String,
		/// Why the connection failed.
		reason: String,
	},
	/// A call failed without an answer from the node: the connection broke during it, or
	/// the client could not make it.
	#[error("RPC `{method}` failed: {reason}")]
	Rpc {
		/// The JSON-RPC method.
		method: String,
		/// The error reported.
		reason: String,
		/// The connection is gone (a fresh one may succeed).
		lost: bool,
	},
	/// The node answered a call with a JSON-RPC error object.
	#[error("`{method}` refused by the node: {message}{}", detail(data))]
	Refused {
		/// The JSON-RPC method.
		method: String,
		/// The JSON-RPC error code (`author_*` codes: 1010 invalid transaction, …).
		code: i32,
		/// The error's message.
		message: String,
		/// The error's data, if any.
		data: Option<String>,
	},
	/// The node's answer could not be understood.
	#[error("unexpected answer to `{method}`: {reason}")]
	Decode {
		/// The JSON-RPC method.
		method: String,
		/// What did not fit.
		reason: String,
	},
	/// The chain runs a runtime this client does not understand.
	#[error("incompatible chain: {0}. Use a depin client built for this chain's runtime.")]
	IncompatibleRuntime(String),
	/// The secret URI or key file could not be used.
	#[error("bad signing key: {0}")]
	BadKey(String),
	/// An account given as text is neither SS58 nor 32 bytes of `0x` hex.
	#[error("bad account {account}: {reason}")]
	BadAccount {
		/// The text given.
		account: String,
		/// What is wrong with it.
		reason: String,
	},
	/// The transaction pool refused the transaction.
	#[error("transaction refused by the node: {message}{}", detail(data))]
	Invalid {
		/// The JSON-RPC error code (sc-rpc-api's `author_*` codes).
		code: i32,
		/// The error's message.
		message: String,
		/// The error's data: for an invalid transaction, why (`Transaction is outdated`).
		data: Option<String>,
	},
	/// The transaction was included but its call failed.
	#[error("{pallet}.{error}: {docs}")]
	Dispatch {
		/// The pallet that refused it.
		pallet: String,
		/// The error's name.
		error: String,
		/// The error's documentation.
		docs: String,
	},
	/// The transaction was dropped or replaced before inclusion.
	#[error("transaction was not included: {0}")]
	NotIncluded(String),
	/// A wait ran out of time.
	#[error("timed out after {seconds} s waiting for {what}")]
	Timeout {
		/// What was awaited.
		what: String,
		/// How long was waited.
		seconds: u64,
	},
}

fn detail(data: &Option<String>) -> String {
	data.as_deref().map(|d| format!(": {d}")).unwrap_or_default()
}

impl Error {
	/// A stable name of the kind of error, for scripts (`--json` prints it as
	/// `{"error": {"kind": …, "message": …}}`).
	pub fn kind(&self) -> &'static str {
		match self {
			Error::Unreachable { .. } => "unreachable",
			Error::Rpc { .. } => "rpc",
			Error::Refused { .. } => "refused",
			Error::Decode { .. } => "decode",
			Error::IncompatibleRuntime(_) => "incompatible_runtime",
			Error::BadKey(_) => "bad_key",
			Error::BadAccount { .. } => "bad_account",
			Error::Invalid { .. } => "invalid_transaction",
			Error::Dispatch { .. } => "dispatch",
			Error::NotIncluded(_) => "not_included",
			Error::Timeout { .. } => "timeout",
		}
	}

	/// Whether a retry on a fresh connection may succeed (the node went away).
	pub fn is_connection_error(&self) -> bool {
		match self {
			Error::Unreachable { .. } => true,
			Error::Rpc { lost, .. } => *lost,
			_ => false,
		}
	}
}
