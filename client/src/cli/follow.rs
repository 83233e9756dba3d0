//! Following a task block by block until it ends: a new-heads subscription (not a poll),
//! which reconnects when the node goes away.

use std::{
	io::{IsTerminal, Write},
	time::Duration,
};

use anyhow::Context;
use depin_primitives::TaskState;
use serde_json::Value;
use tokio::time::Instant;

use super::{
	job::{describe, exit_code, task_json},
	Ended, Output,
};
use crate::{rpc::params, Client, Task};

/// How long a lost connection is retried before `follow` gives up.
const RECONNECT: Duration = Duration::from_secs(60);

/// Follows task `id` on `client`'s node until it reaches a final state, printing each
/// state on stderr (a live line on a terminal). After `timeout`, ends with
/// [`exit_code::TIMED_OUT`].
pub async fn follow(first: &Client, id: u64, timeout: Duration) -> anyhow::Result<Task> {
	let started = Instant::now();
	let deadline = started + timeout;
	let tty = std::io::stderr().is_terminal();
	let url = first.rpc().url().to_string();
	let mut reconnected: Option<Client> = None;
	let mut last: Option<TaskState> = None;
	loop {
		let client = reconnected.as_ref().unwrap_or(first);
		let mut heads = client
			.rpc()
			.subscribe::<Value>("chain_subscribeNewHeads", params![], "chain_unsubscribeNewHeads")
			.await?;
		let mut block = client.best_number().await?;
		loop {
			let task = match client.task(id).await {
				Ok(task) => {
					task.with_context(|| format!("task {id} does not exist (or was pruned)"))?
				}
				// The node went away during the read: reconnect, like a closed subscription.
				Err(e) if e.is_connection_error() => break,
				Err(e) => return Err(e.into()),
			};
			let elapsed = started.elapsed().as_secs_f32();
			if tty {
				eprint!("\r{:<12} block {block:<8} {elapsed:>6.1} s ", format!("{:?}", task.state));
				let _ = std::io::stderr().flush();
			} else if last != Some(task.state) {
				eprintln!("task {id}: {:?} at block {block} ({elapsed:.1} s)", task.state);
			}
			last = Some(task.state);
			if task.state.is_final() {
				if tty {
					eprintln!();
				}
				return Ok(task);
			}
			if Instant::now() >= deadline {
				let gave_up = format!(
					"still {:?} after {} s; follow it with `depin job watch {id}`",
					task.state,
					timeout.as_secs()
				);
				let output = Output::new(vec![describe(&task), gave_up], task_json(&task));
				return Err(Ended { code: exit_code::TIMED_OUT, output }.into());
			}
			match tokio::time::timeout_at(deadline, heads.next()).await {
				// Time is up: one last look at the task.
				Err(_) => {}
				Ok(Some(Ok(header))) => {
					block = crate::client::header_number(&header).unwrap_or(block);
				}
				// The subscription ended: the connection is gone.
				Ok(Some(Err(_)) | None) => break,
			}
		}
		eprintln!("\nlost the connection to {url}; reconnecting");
		let wait = RECONNECT.min(deadline.saturating_duration_since(Instant::now()));
		reconnected = Some(
			Client::connect_with_retry(&url, wait)
				.await
				.with_context(|| format!("following task {id}"))?,
		);
	}
}
