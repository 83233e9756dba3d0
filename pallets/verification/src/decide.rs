//! The decision: quorum, payment, slashing, reputation, escalation, failure.

use crate::WeightInfo;
use alloc::vec::Vec;
use depin_primitives::{DeviceRegistry, Outcome, SlashReason, TaskId, TaskSettlement, TaskState};
use frame_support::{traits::Get, weights::Weight};

use crate::pallet::{Config, Event, NoQuorumAction, Pallet, Revealed, Round, Rounds, Verdict};

/// What a commit did, which its actual weight follows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CommitWork {
	/// It was the task's last: the reveal window opened.
	Opened,
	/// It moved the task's state (to `Committing`, the first commit).
	Moved,
	/// It changed no task state (a commit between the first and the last).
	Quiet,
}

impl CommitWork {
	/// What a commit did that found the task in state `before` and left it in `after`.
	pub fn of(before: TaskState, after: TaskState) -> Self {
		if after == TaskState::Revealing {
			CommitWork::Opened
		} else if before != after {
			CommitWork::Moved
		} else {
			CommitWork::Quiet
		}
	}

	/// The weight of a commit that did this.
	pub fn weight<W: crate::WeightInfo>(self) -> Weight {
		match self {
			CommitWork::Opened => W::commit(),
			CommitWork::Moved => W::commit_pending(),
			CommitWork::Quiet => W::commit_quiet(),
		}
	}
}

/// What a reveal did, which its actual weight follows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RevealWork {
	/// It was recorded and decided nothing, after `earlier` reveals of the task.
	Pending {
		/// Reveals of the task before this one.
		earlier: u32,
	},
	/// It came after the verdict: it settled its device (and closed the task of
	/// `replicas` if it was the last one); `unlisted`: it paid an owner already listed in
	/// the era (see [`Settled`]).
	Late {
		/// Replicas of the task.
		replicas: u32,
		/// Whether the payment listed no era for the owner.
		unlisted: bool,
	},
	/// It was the last of `replicas` reveals and no result had a quorum: the round ended
	/// (the task escalated, or failed: charged as the heavier of the two).
	Ended(u32),
}

impl RevealWork {
	/// The weight of a reveal that did this.
	pub fn weight<T: Config>(self) -> Weight {
		match self {
			RevealWork::Pending { earlier } => T::WeightInfo::reveal_pending(earlier),
			RevealWork::Late { replicas, unlisted } => T::WeightInfo::reveal_late(replicas)
				.saturating_sub(Settled::refund::<T>(unlisted as u32)),
			// `reveal(s)` measures an escalation; a failure ends the task like the close of
			// `reveal_late`.
			RevealWork::Ended(replicas) => {
				T::WeightInfo::reveal(replicas).max(T::WeightInfo::reveal_late(replicas))
			}
		}
	}
}

/// What settling the devices of a verdict did, which the actual weight follows.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Settled {
	/// Devices settled.
	pub devices: u32,
	/// Of those, devices paid whose owner was already listed in the era: the benchmarks
	/// pay owners new to the era, whose points list the era for them (one storage read
	/// and write more), so each of these is refunded a read and a write.
	pub unlisted: u32,
	/// Whether every replica had revealed, so settling closed the task. A publication
	/// that leaves the task open for its other replicas' reveals does none of the close's
	/// work (releasing the slots and the escrow left, the prune timer).
	pub closed: bool,
}

impl Settled {
	/// Weight of the reads and writes `unlisted` payments did not make.
	pub fn refund<T: Config>(unlisted: u32) -> Weight {
		T::DbWeight::get().reads_writes(unlisted.into(), unlisted.into())
	}
}

impl<T: Config> Pallet<T> {
	/// The heaviest thing a reveal can do, with an output of `output_len` bytes or none,
	/// charged before it runs.
	pub fn max_reveal_weight(output_len: Option<u32>) -> Weight {
		let s = T::MaxSlots::get();
		let alone = T::WeightInfo::reveal(s)
			.max(T::WeightInfo::reveal_late(s))
			.max(T::WeightInfo::reveal_pending(s));
		match output_len {
			None => alone,
			// No output blob: a reveal on a task with one takes no output (`OutputIsBlob`,
			// one read to tell).
			Some(len) => alone
				.saturating_add(T::WeightInfo::publish_output(len, s))
				.saturating_add(T::DbWeight::get().reads(1)),
		}
	}

	/// The weight of publishing an output of `len` bytes that settled `settled`.
	pub fn publish_weight(len: u32, settled: Settled) -> Weight {
		let published = if settled.closed {
			T::WeightInfo::publish_output(len, settled.devices)
		} else {
			T::WeightInfo::publish_output_open(len, settled.devices)
		};
		published.saturating_sub(Settled::refund::<T>(settled.unlisted))
	}

	/// Pays a device that revealed the verdict with the proof its output gives; slashes
	/// one that revealed another result, or the verdict without that proof (it never held
	/// the output: it copied the result). Returns whether it paid an owner already listed
	/// in the era (see [`Settled`]).
	fn settle_device(
		task: TaskId,
		device: &T::AccountId,
		revealed: &Revealed,
		verdict: &Verdict,
	) -> Result<bool, sp_runtime::DispatchError> {
		let proven = revealed.proof == depin_primitives::output_proof(task, &verdict.key, device);
		if revealed.result == verdict.result && proven {
			let paid = T::Market::pay(task, device, revealed.result.fuel_used)?;
			T::Devices::record_outcome(device, Outcome::Valid);
			return Ok(!paid.listed);
		}
		let slashed =
			T::Devices::slash(device, T::WrongResultSlash::get(), SlashReason::WrongResult);
		T::Devices::record_outcome(device, Outcome::Invalid);
		let device = device.clone();
		Self::deposit_event(if revealed.result == verdict.result {
			Event::ResultUnproven { task, device, slashed }
		} else {
			Event::WrongResult { task, device, slashed }
		});
		Ok(false)
	}

	/// The output of the verdict's result was published: records the verdict, settles every
	/// device that revealed, and closes the task if every replica has. Returns how many
	/// devices it settled.
	pub(crate) fn settle_all(
		task: TaskId,
		verdict: Verdict,
		replicas: u32,
		mut round: Round<T>,
	) -> Result<Settled, sp_runtime::DispatchError> {
		round.verdict = Some((verdict, frame_system::Pallet::<T>::block_number()));
		Rounds::<T>::insert(task, &round);
		let mut settled = Settled::default();
		for (device, r) in round.reveals() {
			let unlisted = Self::settle_device(task, device, &r, &verdict)?;
			settled.devices = settled.devices.saturating_add(1);
			settled.unlisted = settled.unlisted.saturating_add(unlisted as u32);
		}
		if settled.devices >= replicas {
			T::Market::close(task)?;
			settled.closed = true;
		}
		Ok(settled)
	}

	/// After `device` revealed: settle it against an existing verdict, or, once every
	/// replica has revealed and no result has a quorum, end the round. A result with a
	/// quorum waits for its output to be published. `round` is the task's round with this
	/// reveal, as stored. Returns what the call did, for its actual weight.
	pub(crate) fn after_reveal(
		task: TaskId,
		device: &T::AccountId,
		revealed: Revealed,
		replicas: u32,
		round: Round<T>,
	) -> Result<RevealWork, sp_runtime::DispatchError> {
		let reveals = round.reveal_count();
		if let Some((verdict, _)) = round.verdict {
			let unlisted = Self::settle_device(task, device, &revealed, &verdict)?;
			if reveals >= replicas {
				T::Market::close(task)?;
			}
			return Ok(RevealWork::Late { replicas, unlisted });
		}
		let earlier = reveals.saturating_sub(1);
		if reveals < replicas {
			return Ok(RevealWork::Pending { earlier });
		}
		if round.quorum_result(replicas).is_some() {
			return Ok(RevealWork::Pending { earlier });
		}
		Self::no_quorum(task, reveals, replicas);
		Ok(RevealWork::Ended(replicas))
	}

	/// Devices that committed but did not reveal: timeout mark and a slash. Without a
	/// verdict the slash is `RevealTimeoutSlash` (the device may just have gone offline);
	/// once a verdict exists it is `WrongResultSlash` (at least as much), because a device
	/// that saw the majority and kept its answer back must gain nothing over revealing a
	/// wrong one. Their commitments are dropped, so an escalated round does not punish
	/// them twice. Returns the task's round as it stays (`None` if it has none).
	pub(crate) fn punish_missing_reveals(task: TaskId) -> Option<Round<T>> {
		let mut round = Rounds::<T>::get(task)?;
		let missing: Vec<T::AccountId> = round
			.entries
			.iter()
			.filter(|e| e.revealed.is_none())
			.map(|e| e.device.clone())
			.collect();
		if missing.is_empty() {
			return Some(round);
		}
		round.entries.retain(|e| e.revealed.is_some());
		Rounds::<T>::insert(task, &round);
		// `integrity_test` keeps `RevealTimeoutSlash ≤ WrongResultSlash`.
		let share = if round.verdict.is_some() {
			T::WrongResultSlash::get()
		} else {
			T::RevealTimeoutSlash::get()
		};
		for device in missing {
			let slashed = T::Devices::slash(&device, share, SlashReason::Timeout);
			T::Devices::record_outcome(&device, Outcome::Timeout);
			Self::deposit_event(Event::RevealMissed { task, device, slashed });
		}
		Some(round)
	}

	/// No verdict: more replicas if the market allows, else the task fails.
	pub(crate) fn no_quorum(task: TaskId, reveals: u32, replicas: u32) {
		let action = if T::Market::escalate(task).is_ok() {
			NoQuorumAction::Escalated
		} else {
			if let Err(e) = T::Market::fail(task) {
				log::error!(target: "runtime::verification", "failing task {task}: {e:?}");
			}
			NoQuorumAction::Failed
		};
		Self::deposit_event(Event::NoQuorum { task, reveals, replicas, action });
	}

	/// The reveal window of `task` ended. Without a verdict — no quorum, or a quorum whose
	/// output nobody published — the round ends as if no result had a quorum: revealed
	/// devices are neither paid nor slashed, and their reveals count in the next round.
	pub(crate) fn reveal_window_ended(task: TaskId) {
		let round = Self::punish_missing_reveals(task);
		if round.as_ref().is_some_and(|r| r.verdict.is_some()) {
			if let Err(e) = T::Market::close(task) {
				log::error!(target: "runtime::verification", "closing task {task}: {e:?}");
			}
			return;
		}
		let Some(replicas) = T::Market::replicas(task) else { return };
		let reveals = round.map_or(0, |r| r.reveal_count());
		Self::no_quorum(task, reveals, replicas);
	}
}
