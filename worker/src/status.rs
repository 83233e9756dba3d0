//! `depin-worker status`: what the device is doing and what it has earned, as lines for
//! people or as one JSON object for scripts (balances as decimal strings).

use depin_client::{
	primitives::RewardsView,
	types::{Balance, BlockNumber},
	Assignment, Client, Device, Signer,
};
use serde::Serialize;

use crate::daemon::{journal::Journal, state::State};

/// What `depin-worker status` reports.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
	/// The device account (SS58).
	pub device: String,
	/// The device's record on chain, if it is registered.
	pub registered: Option<Device>,
	/// Its owner's era rewards, if it is registered.
	pub owner_rewards: Option<RewardsView<Balance, BlockNumber>>,
	/// Its open assignments.
	pub assignments: Vec<Assignment>,
	/// Paid for this device's verified work, as counted by this worker.
	#[serde(with = "depin_client::primitives::serde_decimal")]
	pub earned: Balance,
	/// Journaled results awaiting reveal or settlement.
	pub journaled: usize,
}

/// Reads the report of `device` from the chain at `url` and its worker's `state_dir`.
pub async fn report(
	url: &str,
	device: &Signer,
	state_dir: &std::path::Path,
) -> anyhow::Result<Report> {
	let client = Client::connect(url).await?;
	let registered = client.device(device.account()).await?;
	let owner_rewards = match &registered {
		Some(info) => Some(client.rewards(&info.owner).await?),
		None => None,
	};
	Ok(Report {
		device: device.address(),
		registered,
		owner_rewards,
		assignments: client.assignments(device.account()).await?,
		earned: State::read(state_dir).earned,
		journaled: Journal::open(&state_dir.join("journal"))?.tasks().len(),
	})
}

impl Report {
	/// The lines for people.
	pub fn lines(&self) -> Vec<String> {
		let mut lines = vec![format!("device {}", self.device)];
		match &self.registered {
			None => lines.push("  not registered on this chain".into()),
			Some(info) => {
				let r = info.reputation;
				lines.push(format!(
					"  owner            {}",
					depin_client::signer::ss58(&info.owner)
				));
				lines.push(format!(
					"  status           {:?}, {}",
					info.status,
					if info.listed {
						"taking work"
					} else {
						"not taking work (no recent heartbeat, paused or timed out)"
					}
				));
				lines.push(format!(
					"  spec             {} cores, {} MiB, {} fuel/s, class {}",
					info.spec.cores,
					info.spec.memory_mib,
					info.spec.fuel_per_second,
					info.spec.determinism_class
				));
				lines.push(format!(
					"  bond             {}",
					depin_client::format_balance(info.bond)
				));
				lines.push(format!(
					"  last heartbeat   {}",
					info.last_heartbeat.map_or("never".into(), |b| format!("block {b}"))
				));
				lines.push(format!(
					"  reputation       {} valid, {} invalid, {} timeouts, {} in a row",
					r.valid, r.invalid, r.timeouts, r.consecutive_valid
				));
			}
		}
		if let Some(rewards) = &self.owner_rewards {
			lines.push(format!(
				"  owner rewards    {} claimable, {} points in era {}",
				depin_client::format_balance(rewards.claimable),
				rewards.era_points,
				rewards.era
			));
		}
		lines.push(format!("assignments ({})", self.assignments.len()));
		for a in &self.assignments {
			lines.push(format!("  task {:>6}  {:?} until block {}", a.task, a.phase, a.deadline));
		}
		lines.push(format!(
			"earned by this device: {} (counted by this worker)",
			depin_client::format_balance(self.earned)
		));
		lines.push(format!("journaled results awaiting reveal or settlement: {}", self.journaled));
		lines
	}
}
