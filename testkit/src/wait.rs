//! Waiting for a condition that other processes make true.

use std::time::Duration;

/// Checks `check` every 100 ms until it holds; fails the test naming `what` after `secs`
/// seconds.
pub async fn until<F, Fut>(what: &str, secs: u64, mut check: F)
where
	F: FnMut() -> Fut,
	Fut: std::future::Future<Output = bool>,
{
	let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
	while !check().await {
		assert!(tokio::time::Instant::now() < deadline, "timed out waiting for {what}");
		tokio::time::sleep(Duration::from_millis(100)).await;
	}
}
