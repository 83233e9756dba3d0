//! What the runtime charges, from its generated weights: the scheduler per assignment at
//! several device counts, and the whole life of one verified 3-replica task against one
//! `transfer_keep_alive`. No node runs: these are the weights blocks are filled by.

use std::fmt::Write;

use depin_runtime::{configs::RuntimeBlockWeights, Runtime};
use frame_support::{dispatch::DispatchClass, weights::Weight};
use pallet_balances::WeightInfo as _;
use pallet_market::WeightInfo as _;
use pallet_verification::{RevealWork, Settled, WeightInfo as _};

type MarketWeights = <Runtime as pallet_market::Config>::WeightInfo;
type VerificationWeights = <Runtime as pallet_verification::Config>::WeightInfo;
type BalancesWeights = <Runtime as pallet_balances::Config>::WeightInfo;
type Verification = pallet_verification::Pallet<Runtime>;
type DbWeight = <Runtime as frame_system::Config>::DbWeight;

/// Replicas of the task the figures are for.
const REPLICAS: u32 = 3;
/// Candidate positions a 3-replica task's scheduling step probes on a network of
/// distinct owners: one per replica when every probe fits, a few more when some do not.
const PROBES: u32 = 5;
/// Input bytes of the task.
const INPUT: u32 = 32;
/// Output bytes of the task, attached to the reveal that completes the quorum.
const OUTPUT: u32 = 32;

/// A weight's computation time in milliseconds.
fn ms(w: Weight) -> f64 {
	w.ref_time() as f64 / 1e9
}

/// A weight's computation time in microseconds.
fn us(w: Weight) -> f64 {
	w.ref_time() as f64 / 1e6
}

/// The weight of one scheduling step that assigns `REPLICAS` devices after `probes`
/// probes, in a block of many steps: the storage a pass shares is charged once per block
/// (`pallet_market::Pallet::pass_shared_weight`), not per step.
fn step(probes: u32) -> Weight {
	let probes = pallet_market::Probes { all: probes, removed: 0 };
	pallet_market::Pallet::<Runtime>::step_weight(probes, REPLICAS)
}

/// What a signed extrinsic is charged besides its call, as the chain charges it: the base
/// weight of an extrinsic and the runtime's transaction extensions (nonce, era, payment,
/// weight checks, metadata hash) — the same for a transfer and for each market call.
fn per_extrinsic() -> Weight {
	use sp_runtime::traits::TransactionExtension;
	let base = RuntimeBlockWeights::get().get(DispatchClass::Normal).base_extrinsic;
	let extensions = depin_runtime::tx_extension(sp_runtime::generic::Era::mortal(64, 0), 0, false);
	let call =
		depin_runtime::RuntimeCall::System(frame_system::Call::remark { remark: Vec::new() });
	base + extensions.weight(&call)
}

/// One part of what a verified task is charged.
struct Part {
	label: String,
	weight: Weight,
	/// Whether the target's own list of parts (submit, assignments, commits, reveals,
	/// settlement) names it: the timers and the prune of a finished task it leaves out.
	in_target_list: bool,
}

impl Part {
	fn listed(label: &str, weight: Weight) -> Self {
		Part { label: label.to_owned(), weight, in_target_list: true }
	}

	fn unlisted(label: String, weight: Weight) -> Self {
		Part { label, weight, in_target_list: false }
	}
}

/// Every weight one verified task is charged: its transactions (each with what every
/// signed extrinsic is charged) and its part of the hooks.
fn task_parts() -> Vec<Part> {
	let base = per_extrinsic();
	let stale = pallet_market::Pallet::<Runtime>::stale_timer_weight();
	let line_item = pallet_market::Pallet::<Runtime>::line_item_weight();
	let r = REPLICAS as u64;
	vec![
		Part::listed("submit_task", MarketWeights::submit_task(INPUT) + base),
		Part::listed("scheduling step (in a pass of many)", step(PROBES)),
		Part::listed(
			"3 × commit (the first moves the task to Committing, the last opens the reveal window)",
			VerificationWeights::commit_pending()
				+ VerificationWeights::commit_quiet() * (r - 2)
				+ VerificationWeights::commit()
				+ base * r,
		),
		Part::listed(
			"3 × reveal (the first waits; the second completes the quorum with the output, \
			 verifies and settles 2; the third settles itself and closes the task; owners \
			 already listed in the era)",
			RevealWork::Pending { earlier: 0 }.weight::<Runtime>()
				+ RevealWork::Pending { earlier: 1 }.weight::<Runtime>()
				+ Verification::publish_weight(
					OUTPUT,
					Settled { devices: 2, unlisted: 2, closed: false },
				) + RevealWork::Late { replicas: REPLICAS, unlisted: true }.weight::<Runtime>()
				+ base * r,
		),
		Part::unlisted(
			"timers of a finished task (deadline, its step's commit deadline, reveal end, the \
			 last off its line)"
				.to_owned(),
			stale * 3 + line_item,
		),
		Part::unlisted(
			format!(
				"prune of a {OUTPUT}-byte output (off its line; the counters it writes are the \
				 hook's)"
			),
			MarketWeights::timer_prune(OUTPUT)
				- pallet_market::Pallet::<Runtime>::hook_shared_weight()
				+ line_item,
		),
	]
}

/// The report, as Markdown.
pub fn run() -> anyhow::Result<String> {
	let mut out = String::new();
	writeln!(out, "### What the runtime charges (from its weights)\n")?;
	writeln!(
		out,
		"At any number of registered devices up to `MaxDevices`: the registry's size enters \
		 through the database weight ({:.1} µs per read, {:.1} µs per write), measured on a \
		 state with `MaxDevices` devices.\n",
		us(DbWeight::get().reads(1)),
		us(DbWeight::get().writes(1)),
	)?;
	writeln!(
		out,
		"| probes of the step (3-replica task) | charged per assignment | replicas per block \
		 (the whole hook: a quarter of a block) |"
	)?;
	writeln!(out, "| ---: | ---: | ---: |")?;
	let share: Weight = <Runtime as pallet_market::Config>::HookWeightLimit::get();
	for probes in [REPLICAS, PROBES, 2 * PROBES] {
		let per = step(probes) / REPLICAS as u64;
		writeln!(
			out,
			"| {probes} | {:.3} ms | {} |",
			ms(per),
			share.ref_time() / per.ref_time().max(1)
		)?;
	}
	let overhead = per_extrinsic();
	let transfer = BalancesWeights::transfer_keep_alive() + overhead;
	writeln!(
		out,
		"\nOne verified 3-replica task, against one `transfer_keep_alive` \
		 ({:.3} ms with what every signed extrinsic is charged besides its call: {:.3} ms of \
		 base weight and transaction extensions):\n",
		ms(transfer),
		ms(overhead)
	)?;
	writeln!(out, "| part | weight | transfers |")?;
	writeln!(out, "| --- | ---: | ---: |")?;
	let parts = task_parts();
	for Part { label, weight, .. } in &parts {
		let w = *weight;
		writeln!(out, "| {label} | {:.3} ms | {:.1}× |", ms(w), ms(w) / ms(transfer))?;
	}
	let total = parts.iter().fold(Weight::zero(), |sum, p| sum + p.weight);
	let listed =
		parts.iter().filter(|p| p.in_target_list).fold(Weight::zero(), |sum, p| sum + p.weight);
	writeln!(
		out,
		"| **total** | **{:.3} ms** | **{:.2}×** |",
		ms(total),
		ms(total) / ms(transfer)
	)?;
	writeln!(
		out,
		"| the target's list alone (submit, assignments, commits, reveals, settlement) | \
		 {:.3} ms | {:.2}× |",
		ms(listed),
		ms(listed) / ms(transfer)
	)?;
	write_heartbeats(&mut out, overhead)?;
	Ok(out)
}

/// What a heartbeat is charged, and the share of the heartbeats' budget (a third of what
/// normal transactions may fill) that every device's heartbeat takes at `MaxDevices`.
fn write_heartbeats(out: &mut String, overhead: Weight) -> anyhow::Result<()> {
	use frame_support::{dispatch::GetDispatchInfo, traits::Get};
	let call = depin_runtime::RuntimeCall::Devices(pallet_devices::Call::heartbeat {});
	let one = call.get_dispatch_info().call_weight + overhead;
	let normal = RuntimeBlockWeights::get().get(DispatchClass::Normal).max_total;
	let budget = normal.unwrap_or(Weight::MAX).ref_time() / 3;
	let devices: u32 = <Runtime as pallet_devices::Config>::MaxDevices::get();
	let period: u32 = <Runtime as pallet_devices::Config>::HeartbeatPeriod::get();
	let per_block = (devices as u64).div_ceil(period as u64);
	writeln!(
		out,
		"\nA heartbeat is charged {:.3} ms; {devices} devices each beating every {period} \
		 blocks send {per_block} per block: {:.0} % of a third of the normal block weight.",
		ms(one),
		100.0 * (per_block * one.ref_time()) as f64 / budget.max(1) as f64,
	)?;
	Ok(())
}
