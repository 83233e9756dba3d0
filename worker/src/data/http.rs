//! Chunks from HTTP sources: a task's input the chain does not keep, fetched from the URL
//! templates the task names (`Market.InputSources`, `{hash}` replaced by the chunk's hash
//! in hex, `{cid}` by its IPFS CID). Every byte is still checked against its hash by the cache
//! ([`super::BlobCache::chunk`]): a source can only withhold data, not change it.

use std::{
	sync::atomic::{AtomicUsize, Ordering},
	time::Duration,
};

use depin_primitives::{
	data::{source_url, MAX_CHUNK_LEN},
	ContentHash,
};
use http_body_util::{BodyExt, Empty, Limited};
use hyper::body::Bytes;
use hyper_util::{client::legacy::Client, rt::TokioExecutor};

use super::ChunkSource;

/// How long one request may take, body included: a 2 MiB chunk at 70 KiB/s.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

type Https = hyper_rustls::HttpsConnector<hyper_util::client::legacy::connect::HttpConnector>;

/// A pool of HTTP(S) connections for input sources, HTTPS checked against the system's
/// root certificates. Built once per worker (loading the roots reads them from disk) and
/// cloned, cheaply, into each task's [`HttpSources`]: connections to a source are kept
/// for the next task that names it.
#[derive(Clone)]
pub struct HttpClient(Client<Https, Empty<Bytes>>);

impl HttpClient {
	/// A client with the system's root certificates.
	pub fn new() -> std::io::Result<Self> {
		let https = hyper_rustls::HttpsConnectorBuilder::new()
			.with_native_roots()?
			.https_or_http()
			.enable_http1()
			.build();
		Ok(Self(Client::builder(TokioExecutor::new()).build(https)))
	}
}

/// A task's sources, tried in turn: each fetch starts with the next source, so that a
/// chunk that came back damaged is asked of another source next time.
pub struct HttpSources {
	sources: Vec<String>,
	next: AtomicUsize,
	client: HttpClient,
}

impl HttpSources {
	/// Sources `sources` (URL templates that `check_source` accepts), asked with `client`.
	pub fn new(client: HttpClient, sources: Vec<String>) -> Self {
		Self { sources, next: AtomicUsize::new(0), client }
	}

	/// The bytes at `url`: `Ok(None)` for a 404 or 410; at most `MAX_CHUNK_LEN` bytes
	/// (a longer body is a source's fault: cut, so that its hash does not match).
	async fn get(&self, url: &str) -> Result<Option<Vec<u8>>, String> {
		let uri: hyper::Uri = url.parse().map_err(|e| format!("{url}: {e}"))?;
		let request = async {
			let response = self.client.0.get(uri).await.map_err(|e| format!("{url}: {e}"))?;
			let status = response.status();
			if status == hyper::StatusCode::NOT_FOUND || status == hyper::StatusCode::GONE {
				return Ok(None);
			}
			if !status.is_success() {
				return Err(format!("{url}: HTTP {status}"));
			}
			let limited = Limited::new(response.into_body(), MAX_CHUNK_LEN as usize);
			match limited.collect().await {
				Ok(body) => Ok(Some(body.to_bytes().to_vec())),
				// Too long: not the chunk (the cache counts a mismatch and asks again).
				Err(e) if e.is::<http_body_util::LengthLimitError>() => Ok(Some(Vec::new())),
				Err(e) => Err(format!("{url}: {e}")),
			}
		};
		tokio::time::timeout(REQUEST_TIMEOUT, request)
			.await
			.map_err(|_| format!("{url}: no answer within {}s", REQUEST_TIMEOUT.as_secs()))?
	}
}

impl ChunkSource for HttpSources {
	/// The first source's answer that has the chunk; `None` when every source says it
	/// does not have it; the last error when none answered with it and one failed.
	async fn chunk(&self, hash: &ContentHash) -> Result<Option<Vec<u8>>, String> {
		let start = self.next.fetch_add(1, Ordering::Relaxed);
		let mut failure = None;
		for i in 0..self.sources.len() {
			let source = &self.sources[(start + i) % self.sources.len()];
			match self.get(&source_url(source, hash)).await {
				Ok(Some(bytes)) => return Ok(Some(bytes)),
				Ok(None) => {}
				Err(e) => {
					tracing::warn!("input source failed: {e}");
					failure = Some(e);
				}
			}
		}
		failure.map_or(Ok(None), Err)
	}
}
