//! `depin device …`, `depin rewards …`, `depin stats`, `depin transfer`.

use clap::{Args, Subcommand};
use depin_primitives::DeviceSpec;
use serde_json::json;

use super::{Global, Output};
use crate::{
	calls, format_balance, format_price, parse_account, parse_balance, signer::ss58, Device,
};

/// What a device offers.
#[derive(Args, Clone, Debug)]
pub struct SpecArgs {
	/// CPU cores for jobs (and jobs at once).
	#[arg(long, default_value_t = 1)]
	cores: u16,
	/// Memory for jobs, in MiB.
	#[arg(long, default_value_t = 1024)]
	memory_mib: u32,
	/// Executor speed, fuel per second: `depin-worker bench` measures it on the device
	/// and prints the figure. No default: a device declaring more than it does misses
	/// deadlines, one declaring less gets fewer large jobs.
	#[arg(long)]
	fuel_per_second: u64,
	/// Determinism class: `depin-worker class` prints this machine's. No default: a worker
	/// whose registered class differs from its machine's declines native-mode jobs.
	#[arg(long)]
	class: u64,
}

impl SpecArgs {
	fn spec(&self) -> DeviceSpec {
		DeviceSpec {
			cores: self.cores,
			memory_mib: self.memory_mib,
			fuel_per_second: self.fuel_per_second,
			executor_version: depin_primitives::EXECUTOR_VERSION,
			determinism_class: self.class,
		}
	}
}

/// Device commands (signed by the owner, `--suri`).
#[derive(Subcommand)]
pub enum DeviceCommand {
	/// Register a device you own; its bond goes on hold. The device key must consent:
	/// `depin-worker key consent --owner <YOU>` prints `--consent`, or pass the key itself
	/// with `--device-suri`.
	Register {
		/// The device's account (the worker's key; `depin-worker key generate`).
		#[arg(long)]
		device: String,
		/// The device key's consent to your registration (hex, from `depin-worker key
		/// consent`).
		#[arg(long, required_unless_present = "device_suri", conflicts_with = "device_suri")]
		consent: Option<String>,
		/// The device key (secret URI or key file), when you hold it: signs the consent.
		#[arg(long)]
		device_suri: Option<String>,
		#[command(flatten)]
		spec: SpecArgs,
	},
	/// Change a device's spec.
	UpdateSpec {
		/// The device's account.
		#[arg(long)]
		device: String,
		#[command(flatten)]
		spec: SpecArgs,
	},
	/// Show a device.
	Info {
		/// The device's account.
		device: String,
	},
	/// List registered devices (read-only: no key needed).
	List {
		/// Only this owner's devices (SS58 or `0x` hex).
		#[arg(long)]
		owner: Option<String>,
		/// How many devices at most.
		#[arg(long, default_value_t = 50)]
		limit: u32,
	},
	/// Stop giving the device new work.
	Pause {
		/// The device's account.
		device: String,
	},
	/// Give a paused device work again.
	Resume {
		/// The device's account.
		device: String,
	},
	/// Deregister the device; its bond unbonds.
	Deregister {
		/// The device's account.
		device: String,
	},
	/// Take back the bond of a deregistered device after unbonding.
	Withdraw {
		/// The device's account.
		device: String,
	},
	/// Bring a slashed bond back to the full bond (a device whose bond fell below the
	/// listing minimum takes no work until then).
	TopUp {
		/// The device's account.
		device: String,
	},
	/// Set the device's ask: the lowest price per fuel it takes work at (`0.000001` DPN
	/// or `1000planck`; `0` takes any task). It can change once per `AskInterval` blocks;
	/// `depin market` shows the asks and bids of the network.
	SetAsk {
		/// The device's account.
		device: String,
		/// The lowest price per fuel.
		ask: String,
	},
}

/// Rewards commands.
#[derive(Subcommand)]
pub enum RewardsCommand {
	/// Show an owner's rewards (default: the `--suri` account).
	Show {
		/// The owner's account.
		account: Option<String>,
	},
	/// Claim your rewards of closed eras.
	Claim,
}

/// One line per device for listings.
fn device_line(account: &crate::types::AccountId, d: &Device) -> String {
	format!(
		"{}  owner {}  {:?}{}  {} cores {} MiB {} fuel/s  bond {}  ask {}  {} open",
		ss58(account),
		ss58(&d.owner),
		d.status,
		if d.listed { ", taking work" } else { "" },
		d.spec.cores,
		d.spec.memory_mib,
		d.spec.fuel_per_second,
		format_balance(d.bond),
		format_price(d.ask),
		d.open_assignments
	)
}

fn device_lines(d: &Device) -> Vec<String> {
	let r = d.reputation;
	vec![
		format!("owner          {}", ss58(&d.owner)),
		format!(
			"status         {:?}{}",
			d.status,
			if d.listed { ", taking work" } else { ", not taking work" }
		),
		format!(
			"spec           {} cores, {} MiB, {} fuel/s, class {}",
			d.spec.cores, d.spec.memory_mib, d.spec.fuel_per_second, d.spec.determinism_class
		),
		format!("bond           {}", format_balance(d.bond)),
		format!("ask            {} per fuel", format_price(d.ask)),
		format!("assignments    {} open", d.open_assignments),
		format!(
			"last heartbeat {}",
			d.last_heartbeat.map_or("never".into(), |b| format!("block {b}"))
		),
		format!(
			"reputation     {} valid, {} invalid, {} timeouts, {} valid in a row",
			r.valid, r.invalid, r.timeouts, r.consecutive_valid
		),
	]
}

/// Parses a device's consent: the hex of its 64-byte sr25519 signature.
fn parse_consent(hex: &str) -> anyhow::Result<crate::types::Signature> {
	let bytes = hex::decode(hex.trim_start_matches("0x"))
		.map_err(|e| anyhow::anyhow!("--consent {hex}: not hex ({e})"))?;
	let raw: [u8; 64] = bytes.try_into().map_err(|b: Vec<u8>| {
		anyhow::anyhow!(
			"--consent: expected the 64 bytes `depin-worker key consent` prints, got {}",
			b.len()
		)
	})?;
	Ok(sp_core::sr25519::Signature::from_raw(raw).into())
}

/// Runs a device command.
pub async fn run(g: &Global, cmd: DeviceCommand) -> anyhow::Result<Output> {
	let client = g.client().await?;
	let (call, done) = match cmd {
		DeviceCommand::Info { device } => {
			let account = parse_account(&device)?;
			return Ok(match client.device(&account).await? {
				Some(d) => Output::new(device_lines(&d), serde_json::to_value(&d)?),
				None => {
					Output::new(vec![format!("device {device} is not registered")], json!(null))
				}
			});
		}
		DeviceCommand::List { owner, limit } => {
			let owner = owner.as_deref().map(parse_account).transpose()?;
			let (mut devices, mut after) = (Vec::new(), None);
			while (devices.len() as u32) < limit {
				let page = client
					.devices(owner.as_ref(), after.as_ref(), limit - devices.len() as u32)
					.await?;
				devices.extend(page.items);
				match page.next {
					Some(next) => after = Some(next),
					None => break,
				}
			}
			let text = if devices.is_empty() {
				vec!["no devices".to_string()]
			} else {
				devices.iter().map(|(account, d)| device_line(account, d)).collect()
			};
			let json: Vec<_> = devices
				.iter()
				.map(|(account, d)| json!({ "device": ss58(account), "info": d }))
				.collect();
			return Ok(Output::new(text, json!(json)));
		}
		DeviceCommand::Register { device, consent, device_suri, spec } => {
			let account = parse_account(&device)?;
			let owner = g.signer()?.account().clone();
			let consent = match (consent, device_suri) {
				(Some(hex), _) => parse_consent(&hex)?,
				(None, Some(suri)) => {
					let key = crate::Signer::from_suri_or_file(&suri)?;
					anyhow::ensure!(
						key.account() == &account,
						"--device-suri is the key of {}, not of --device {device}",
						key.address()
					);
					key.consent(
						&owner,
						&client.genesis(),
						client.registrations(key.account()).await?,
					)
				}
				(None, None) => anyhow::bail!("pass --consent or --device-suri"),
			};
			(
				calls::register_device(account, spec.spec(), consent),
				format!("device {device} registered; start its worker"),
			)
		}
		DeviceCommand::UpdateSpec { device, spec } => (
			calls::update_spec(parse_account(&device)?, spec.spec()),
			format!("device {device} updated"),
		),
		DeviceCommand::SetAsk { device, ask } => {
			let ask = parse_balance(&ask).map_err(|e| anyhow::anyhow!("ask {e}"))?;
			(
				calls::set_ask(parse_account(&device)?, ask),
				format!("device {device} asks {} per fuel", format_price(ask)),
			)
		}
		DeviceCommand::TopUp { device } => (
			calls::top_up_bond(parse_account(&device)?),
			format!("device {device}: bond topped up"),
		),
		DeviceCommand::Pause { device } => {
			(calls::pause(parse_account(&device)?), format!("device {device} paused"))
		}
		DeviceCommand::Resume { device } => {
			(calls::resume(parse_account(&device)?), format!("device {device} resumed"))
		}
		DeviceCommand::Deregister { device } => (
			calls::deregister(parse_account(&device)?),
			format!("device {device} deregistered; its bond unbonds"),
		),
		DeviceCommand::Withdraw { device } => (
			calls::withdraw_bond(parse_account(&device)?),
			format!("bond of device {device} returned"),
		),
	};
	let receipt = client.submit(&g.signer()?, call).await?;
	Ok(Output::new(vec![done.clone()], json!({ "ok": done, "block": receipt.block_hash })))
}

/// Runs a rewards command.
pub async fn rewards(g: &Global, cmd: RewardsCommand) -> anyhow::Result<Output> {
	let client = g.client().await?;
	match cmd {
		RewardsCommand::Show { account } => {
			let account = match account {
				Some(a) => parse_account(&a)?,
				None => g.signer()?.account().clone(),
			};
			let r = client.rewards(&account).await?;
			Ok(Output::new(
				vec![
					format!("account        {}", ss58(&account)),
					format!("claimable      {}", format_balance(r.claimable)),
					format!(
						"current era    {} (ends at block {}), {} points so far",
						r.era, r.era_ends_at, r.era_points
					),
				],
				serde_json::to_value(r)?,
			))
		}
		RewardsCommand::Claim => {
			let signer = g.signer()?;
			let before = client.free_balance(signer.account()).await?;
			client.submit(&signer, calls::claim()).await?;
			let after = client.free_balance(signer.account()).await?;
			let gained = after.saturating_sub(before);
			Ok(Output::new(
				vec![format!("claimed; balance +{} (after the fee)", format_balance(gained))],
				json!({ "balanceBefore": before.to_string(), "balanceAfter": after.to_string() }),
			))
		}
	}
}

/// `depin stats`.
pub async fn stats(g: &Global) -> anyhow::Result<Output> {
	let client = g.client().await?;
	let s = client.stats().await?;
	let t = s.tasks;
	let block = client.best_number().await?;
	Ok(Output::new(
		vec![
			format!("block          {block}"),
			format!("devices        {} registered, {} taking work", s.devices, s.candidates),
			format!("programs       {}", s.programs),
			format!(
				"tasks          {} submitted; {} queued, {} assigned, {} committing, {} revealing",
				s.tasks_submitted, t.queued, t.assigned, t.committing, t.revealing
			),
			format!(
				"finished       {} verified, {} failed, {} expired, {} cancelled (until pruned)",
				t.verified, t.failed, t.expired, t.cancelled
			),
			format!("minted         {}", format_balance(s.minted)),
			format!("slashed        {}", format_balance(s.slashed)),
			format!("issuance       {}", format_balance(client.total_issuance().await?)),
		],
		serde_json::to_value(s)?,
	))
}

/// `depin transfer TO AMOUNT`.
pub async fn transfer(g: &Global, to: &str, amount: &str) -> anyhow::Result<Output> {
	let dest = parse_account(to)?;
	let value = parse_balance(amount).map_err(|e| anyhow::anyhow!("amount {e}"))?;
	let client = g.client().await?;
	client.submit(&g.signer()?, calls::transfer(dest, value)).await?;
	Ok(Output::new(
		vec![format!("sent {} to {to}", format_balance(value))],
		json!({ "to": to, "amount": value.to_string() }),
	))
}

/// `depin balance [ACCOUNT]`.
pub async fn balance(g: &Global, account: Option<&str>) -> anyhow::Result<Output> {
	let account = match account {
		Some(a) => parse_account(a)?,
		None => g.signer()?.account().clone(),
	};
	let data = g.client().await?.account(&account).await?.data;
	Ok(Output::new(
		vec![format!(
			"{}: {} free, {} held",
			ss58(&account),
			format_balance(data.free),
			format_balance(data.reserved)
		)],
		json!({ "account": ss58(&account), "free": data.free.to_string(), "held": data.reserved.to_string() }),
	))
}
