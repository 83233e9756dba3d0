//! The decision: quorum, payment, slashing, reputation, escalation, failure.

use alloc::vec::Vec;
pub use depin_primitives::quorum;
use depin_primitives::{DeviceRegistry, ExecResult, Outcome, SlashReason, TaskId, TaskSettlement};
use frame_support::{pallet_prelude::DispatchResult, traits::Get};

use crate::pallet::{
	Commitments, Config, Event, NoQuorumAction, Pallet, RevealCount, Reveals, Verdicts,
};

/// What a reveal did, which its actual weight follows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RevealWork {
	/// It was recorded and decided nothing, after `earlier` reveals of the task.
	Pending {
		/// Reveals of the task before this one.
		earlier: u32,
	},
	/// It settled this many devices, or ended the task or its round (charged as settling
	/// every replica).
	Settled(u32),
}

impl RevealWork {
	/// Devices settled (none while pending).
	pub fn settled(self) -> u32 {
		match self {
			RevealWork::Pending { .. } => 0,
			RevealWork::Settled(n) => n,
		}
	}

	/// The weight of a reveal with an `output_len`-byte output that did this.
	pub fn weight<W: crate::WeightInfo>(self, output_len: u32) -> frame_support::weights::Weight {
		match self {
			RevealWork::Pending { earlier } => W::reveal_pending(output_len, earlier),
			RevealWork::Settled(n) => W::reveal(output_len, n),
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Pays a device whose result matches the verdict, or slashes one whose result does not.
	fn settle_device(
		task: TaskId,
		device: &T::AccountId,
		result: &ExecResult,
		verdict: &ExecResult,
	) -> DispatchResult {
		if result == verdict {
			T::Market::pay(task, device, result.fuel_used)?;
			T::Devices::record_outcome(device, Outcome::Valid);
		} else {
			let slashed =
				T::Devices::slash(device, T::WrongResultSlash::get(), SlashReason::WrongResult);
			T::Devices::record_outcome(device, Outcome::Invalid);
			Self::deposit_event(Event::WrongResult { task, device: device.clone(), slashed });
		}
		Ok(())
	}

	/// After `device` revealed `result`: settle it against an existing verdict, or verify
	/// the task if `result` now has a quorum; close the task once every replica revealed.
	/// Returns what the call did, for its actual weight.
	pub(crate) fn after_reveal(
		task: TaskId,
		device: &T::AccountId,
		result: ExecResult,
		output: Option<Vec<u8>>,
		replicas: u32,
	) -> Result<RevealWork, sp_runtime::DispatchError> {
		let reveals = RevealCount::<T>::get(task);
		let mut work = RevealWork::Pending { earlier: reveals.saturating_sub(1) };
		if let Some(verdict) = Verdicts::<T>::get(task) {
			work = RevealWork::Settled(1);
			Self::settle_device(task, device, &result, &verdict)?;
			if let Some(output) = output.filter(|_| result == verdict) {
				T::Market::attach_output(task, output)?;
			}
		} else {
			let agreeing =
				Reveals::<T>::iter_prefix_values(task).filter(|r| *r == result).count() as u32;
			if agreeing >= quorum(replicas) {
				T::Market::verified(task, result, output)?;
				Verdicts::<T>::insert(task, result);
				let revealed: Vec<_> = Reveals::<T>::iter_prefix(task).collect();
				for (d, r) in revealed.iter() {
					Self::settle_device(task, d, r, &result)?;
				}
				work = RevealWork::Settled(revealed.len() as u32);
				Self::deposit_event(Event::TaskVerified { task, result, agreeing });
			}
		}
		if reveals >= replicas {
			if Verdicts::<T>::contains_key(task) {
				T::Market::close(task)?;
				work = RevealWork::Settled(work.settled().max(1));
			} else {
				Self::no_quorum(task, reveals, replicas);
				work = RevealWork::Settled(replicas);
			}
		}
		Ok(work)
	}

	/// Devices that committed but did not reveal: timeout mark and a slash. Without a
	/// verdict the slash is `RevealTimeoutSlash` (the device may just have gone offline);
	/// once a verdict exists it is `WrongResultSlash` (at least as much), because a device
	/// that saw the majority and kept its answer back must gain nothing over revealing a
	/// wrong one. Their commitments are dropped, so an escalated round does not punish
	/// them twice.
	pub(crate) fn punish_missing_reveals(task: TaskId) {
		let missing: Vec<T::AccountId> = Commitments::<T>::iter_key_prefix(task)
			.filter(|d| !Reveals::<T>::contains_key(task, d))
			.take(T::MaxSlots::get() as usize)
			.collect();
		// `integrity_test` keeps `RevealTimeoutSlash ≤ WrongResultSlash`.
		let share = if Verdicts::<T>::contains_key(task) {
			T::WrongResultSlash::get()
		} else {
			T::RevealTimeoutSlash::get()
		};
		for device in missing {
			Commitments::<T>::remove(task, &device);
			let slashed = T::Devices::slash(&device, share, SlashReason::Timeout);
			T::Devices::record_outcome(&device, Outcome::Timeout);
			Self::deposit_event(Event::RevealMissed { task, device, slashed });
		}
	}

	/// No quorum: more replicas if the market allows, else the task fails.
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

	/// The reveal window of `task` ended.
	pub(crate) fn reveal_window_ended(task: TaskId) {
		Self::punish_missing_reveals(task);
		if Verdicts::<T>::contains_key(task) {
			if let Err(e) = T::Market::close(task) {
				log::error!(target: "runtime::verification", "closing task {task}: {e:?}");
			}
			return;
		}
		let Some(replicas) = T::Market::replicas(task) else { return };
		Self::no_quorum(task, RevealCount::<T>::get(task), replicas);
	}
}
