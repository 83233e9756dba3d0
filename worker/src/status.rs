//! `depin-worker status`: what the device is doing and what it has earned.

use depin_client::{Client, Signer};

use crate::daemon::{journal::Journal, state::State};

/// The lines `depin-worker status` prints.
pub async fn status(
	url: &str,
	device: &Signer,
	state_dir: &std::path::Path,
) -> anyhow::Result<Vec<String>> {
	let client = Client::connect(url).await?;
	let mut lines = vec![format!("device {}", device.address())];
	match client.device(device.account()).await? {
		None => lines.push("  not registered on this chain".into()),
		Some(info) => {
			let r = info.reputation;
			lines.push(format!("  owner            {}", depin_client::signer::ss58(&info.owner)));
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
			lines.push(format!("  bond             {}", depin_client::format_balance(info.bond)));
			lines.push(format!(
				"  last heartbeat   {}",
				info.last_heartbeat.map_or("never".into(), |b| format!("block {b}"))
			));
			lines.push(format!(
				"  reputation       {} valid, {} invalid, {} timeouts, {} in a row",
				r.valid, r.invalid, r.timeouts, r.consecutive_valid
			));
			let rewards = client.rewards(&info.owner).await?;
			lines.push(format!(
				"  owner rewards    {} claimable, {} points in era {}",
				depin_client::format_balance(rewards.claimable),
				rewards.era_points,
				rewards.era
			));
		}
	}
	let assignments = client.assignments(device.account()).await?;
	lines.push(format!("assignments ({})", assignments.len()));
	for a in assignments {
		lines.push(format!("  task {:>6}  {:?} until block {}", a.task, a.phase, a.deadline));
	}
	let earnings = State::read(state_dir);
	lines.push(format!(
		"earned by this device: {} (counted by this worker)",
		depin_client::format_balance(earnings.earned)
	));
	let journaled = Journal::open(&state_dir.join("journal"))?.tasks().len();
	lines.push(format!("journaled results awaiting reveal or settlement: {journaled}"));
	Ok(lines)
}
