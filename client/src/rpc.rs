//! JSON-RPC connection to a node, with typed requests and connection retries.

use std::time::Duration;

use jsonrpsee::{
	core::{
		client::{ClientT, Subscription, SubscriptionClientT},
		params::ArrayParams,
	},
	ws_client::{WsClient, WsClientBuilder},
};
use serde::de::DeserializeOwned;

use crate::Error;

/// Maximum size of one JSON-RPC message: program code travels through it.
const MAX_MESSAGE_BYTES: u32 = 64 * 1024 * 1024;
/// Time allowed for one request.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// A WebSocket JSON-RPC connection to one node.
pub struct Rpc {
	url: String,
	client: WsClient,
}

impl Rpc {
	/// Connects once.
	pub async fn connect(url: &str) -> Result<Self, Error> {
		let client = WsClientBuilder::default()
			.max_request_size(MAX_MESSAGE_BYTES)
			.max_response_size(MAX_MESSAGE_BYTES)
			.request_timeout(REQUEST_TIMEOUT)
			.build(url)
			.await
			.map_err(|e| Error::Unreachable { url: url.to_string(), reason: e.to_string() })?;
		Ok(Self { url: url.to_string(), client })
	}

	/// Connects, retrying with exponential backoff (100 ms doubling, at most 2 s between
	/// attempts) until `timeout` has passed.
	pub async fn connect_with_retry(url: &str, timeout: Duration) -> Result<Self, Error> {
		let deadline = tokio::time::Instant::now() + timeout;
		let mut backoff = Duration::from_millis(100);
		loop {
			match Self::connect(url).await {
				Ok(rpc) => return Ok(rpc),
				Err(e) if tokio::time::Instant::now() + backoff >= deadline => return Err(e),
				Err(_) => {
					tokio::time::sleep(backoff).await;
					backoff = (backoff * 2).min(Duration::from_secs(2));
				}
			}
		}
	}

	/// The URL this connection was opened with.
	pub fn url(&self) -> &str {
		&self.url
	}

	/// Whether the connection is still open.
	pub fn is_connected(&self) -> bool {
		self.client.is_connected()
	}

	/// Calls `method` with positional `params` and decodes the result.
	pub async fn call<T: DeserializeOwned>(
		&self,
		method: &str,
		params: ArrayParams,
	) -> Result<T, Error> {
		self.client.request(method, params).await.map_err(|e| match e {
			jsonrpsee::core::ClientError::ParseError(e) => {
				Error::Decode { method: method.to_string(), reason: e.to_string() }
			}
			e => error(method, e),
		})
	}
}

impl Rpc {
	/// Subscribes to `method`; `unsubscribe` is the method that ends it.
	pub async fn subscribe<T: DeserializeOwned>(
		&self,
		method: &str,
		params: ArrayParams,
		unsubscribe: &str,
	) -> Result<Subscription<T>, Error> {
		self.client.subscribe(method, params, unsubscribe).await.map_err(|e| error(method, e))
	}
}

/// The [`Error`] of a failed call of `method`: the node's error object when it answered
/// with one, else the connection's failure.
fn error(method: &str, e: jsonrpsee::core::ClientError) -> Error {
	match e {
		jsonrpsee::core::ClientError::Call(object) => Error::Refused {
			method: method.to_string(),
			code: object.code(),
			message: object.message().to_string(),
			// A string's text without its JSON quotes; other data as JSON.
			data: object.data().map(|raw| {
				serde_json::from_str::<String>(raw.get()).unwrap_or_else(|_| raw.get().to_string())
			}),
		},
		e => {
			use jsonrpsee::core::ClientError::{RestartNeeded, Transport};
			let lost = matches!(e, RestartNeeded(_) | Transport(_));
			Error::Rpc { method: method.to_string(), reason: e.to_string(), lost }
		}
	}
}

/// Builds positional JSON-RPC parameters: `params![a, b]`.
pub use jsonrpsee::rpc_params as params;

#[cfg(test)]
mod tests {
	use std::sync::Arc;

	use jsonrpsee::{core::ClientError, types::ErrorObjectOwned};

	use super::*;

	#[test]
	fn a_lost_connection_is_told_from_an_answer_by_the_errors_kind() {
		let gone = error("m", ClientError::RestartNeeded(Arc::new(ClientError::RequestTimeout)));
		assert!(gone.is_connection_error(), "{gone}");
		let transport = error("m", ClientError::Transport("socket closed".into()));
		assert!(transport.is_connection_error());
		// Words in a message decide nothing.
		let custom = error("m", ClientError::Custom("connection closed".into()));
		assert!(!custom.is_connection_error());
		let answer =
			ErrorObjectOwned::owned(1010, "Invalid Transaction", Some("Transaction is outdated"));
		match error("author_submitExtrinsic", ClientError::Call(answer)) {
			Error::Refused { code, data, .. } => {
				assert_eq!((code, data.as_deref()), (1010, Some("Transaction is outdated")))
			}
			other => panic!("{other:?}"),
		}
	}
}
