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
/// Output bytes of the task, attached to the reveal that completes the quorum (the
/// prune's label in `task_parts` names them).
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
	let extensions: depin_runtime::TxExtension = (
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(sp_runtime::generic::Era::mortal(64, 0)),
		frame_system::CheckNonce::from(0),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		frame_system::WeightReclaim::new(),
	);
	let call =
		depin_runtime::RuntimeCall::System(frame_system::Call::remark { remark: Vec::new() });
	base + extensions.weight(&call)
}

/// Every weight one verified task is charged, with a label: its transactions (each with
/// what every signed extrinsic is charged) and its part of the hooks.
fn task_parts() -> Vec<(&'static str, Weight)> {
	let base = per_extrinsic();
	let stale = pallet_market::Pallet::<Runtime>::stale_timer_weight();
	let line_item = pallet_market::Pallet::<Runtime>::line_item_weight();
	let r = REPLICAS as u64;
	vec![
		("submit_task", MarketWeights::submit_task(INPUT) + base),
		("scheduling step (in a pass of many)", step(PROBES)),
		(
			"3 × commit (the first moves the task to Committing, the last opens the reveal window)",
			VerificationWeights::commit_pending()
				+ VerificationWeights::commit_quiet() * (r - 2)
				+ VerificationWeights::commit()
				+ base * r,
		),
		(
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
		(
			"timers of a finished task (deadline, its step's commit deadline, reveal end, the \
			 last off its line)",
			stale * 3 + line_item,
		),
		(
			"prune of a 32-byte output (off its line; the counters it writes are the hook's)",
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
	let mut total = Weight::zero();
	for (label, w) in task_parts() {
		total += w;
		writeln!(out, "| {label} | {:.3} ms | {:.1}× |", ms(w), ms(w) / ms(transfer))?;
	}
	writeln!(
		out,
		"| **total** | **{:.3} ms** | **{:.1}×** |",
		ms(total),
		ms(total) / ms(transfer)
	)?;
	Ok(out)
}
