//! [`DeviceRegistry`] for the other pallets, and the registry's invariants.

use alloc::vec::Vec;
use depin_primitives::{Candidate, DeviceRegistry, DeviceStatus, Outcome, SlashReason, TaskId};

use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{fungible::BalancedHold, tokens::imbalance::Imbalance, OnUnbalanced},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedInto},
	Perbill,
};

use crate::{
	pallet::{
		CandidateAt, CandidateCount, Config, Devices, Error, Event, HoldReason, Pallet,
		UnlistReason,
	},
	BalanceOf,
};

impl<T: Config> DeviceRegistry<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	type Balance = BalanceOf<T>;

	fn owner_of(device: &T::AccountId) -> Option<T::AccountId> {
		Devices::<T>::get(device).map(|d| d.owner)
	}

	fn device_count() -> u32 {
		crate::pallet::DeviceCount::<T>::get()
	}

	fn candidate_count() -> u32 {
		CandidateCount::<T>::get()
	}

	fn devices_with_memory(memory_mib: u32) -> u32 {
		let tiers = crate::pallet::MemoryTiers::<T>::get();
		tiers[crate::memory_tier(memory_mib)..].iter().fold(0u32, |sum, n| sum.saturating_add(*n))
	}

	fn candidate(index: u32) -> Candidate<T::AccountId> {
		let Some(device) = CandidateAt::<T>::get(index) else { return Candidate::None };
		let Some(mut info) = Devices::<T>::get(&device) else {
			// Unreachable while the invariants hold; heal the index rather than trap.
			let _ = Self::drop_dangling(index);
			return Candidate::Removed;
		};
		let unlisted = if !Self::heartbeat_is_fresh(&info) {
			Some(UnlistReason::Stale)
		} else if !Self::executor_is_supported(info.spec.executor_version) {
			Some(UnlistReason::ExecutorOutdated)
		} else {
			None
		};
		if let Some(reason) = unlisted {
			Self::unlist(&device, &mut info, reason);
			Devices::<T>::insert(&device, info);
			return Candidate::Removed;
		}
		Candidate::Available {
			owner: info.owner.clone(),
			memory_mib: info.spec.memory_mib,
			free_slots: info.free_slots(),
			class: info.spec.determinism_class,
			executor_version: info.spec.executor_version,
			fuel_per_second: info.spec.fuel_per_second,
			ask: info.ask.unique_saturated_into(),
			device,
		}
	}

	fn open_assignment(device: &T::AccountId, task: TaskId) -> DispatchResult {
		Devices::<T>::try_mutate(device, |maybe| {
			let info = maybe.as_mut().ok_or(Error::<T>::NotRegistered)?;
			if info.take_task(task) {
				return Ok(());
			}
			// Refused: say why (only this path scans the list a second time).
			Err(if info.tasks.contains(&task) {
				Error::<T>::AlreadyAssigned
			} else {
				Error::<T>::NoFreeSlot
			}
			.into())
		})
	}

	fn close_assignment(device: &T::AccountId, task: TaskId) -> bool {
		// An assignment already closed leaves the record unwritten.
		Devices::<T>::try_mutate(device, |maybe| {
			let ended = maybe.as_mut().is_some_and(|info| info.end_task(task));
			if ended {
				Ok(())
			} else {
				Err(())
			}
		})
		.is_ok()
	}

	fn assignments(device: &T::AccountId) -> Vec<TaskId> {
		Devices::<T>::get(device).map(|info| info.tasks.into_inner()).unwrap_or_default()
	}

	fn assignment_total() -> u64 {
		Devices::<T>::iter_values().map(|info| info.tasks.len() as u64).sum()
	}

	fn slash(device: &T::AccountId, fraction: Perbill, reason: SlashReason) -> BalanceOf<T> {
		let Some(mut info) = Devices::<T>::get(device) else { return Default::default() };
		let wanted = fraction.mul_floor(info.bond);
		let (credit, _missing) = <T::Currency as BalancedHold<T::AccountId>>::slash(
			&HoldReason::DeviceBond.into(),
			&info.owner,
			wanted,
		);
		let amount = credit.peek();
		T::Slashed::on_unbalanced(credit);
		crate::pallet::TotalSlashed::<T>::mutate(|t| *t = t.saturating_add(amount));
		info.bond = info.bond.saturating_sub(amount);
		if info.listed && !Self::bond_is_enough(&info) {
			Self::unlist(device, &mut info, UnlistReason::BondTooLow);
		}
		let owner = info.owner.clone();
		Devices::<T>::insert(device, info);
		Self::deposit_event(Event::DeviceSlashed { device: device.clone(), owner, amount, reason });
		amount
	}

	fn record_outcome(device: &T::AccountId, outcome: Outcome) {
		let Some(mut info) = Devices::<T>::get(device) else { return };
		info.reputation.record(outcome);
		// A device that let an assignment time out is probably offline: it gets no new
		// work until its next heartbeat.
		if outcome == Outcome::Timeout && info.listed {
			Self::unlist(device, &mut info, UnlistReason::TimedOut);
		}
		Devices::<T>::insert(device, info);
	}
}

impl<T: Config> Pallet<T> {
	/// Removes an index entry whose device record is missing.
	fn drop_dangling(index: u32) -> Option<()> {
		let last = CandidateCount::<T>::get().checked_sub(1)?;
		if index != last {
			let moved = CandidateAt::<T>::get(last)?;
			CandidateAt::<T>::insert(index, &moved);
			crate::pallet::CandidatePos::<T>::insert(&moved, index);
		}
		CandidateAt::<T>::remove(last);
		CandidateCount::<T>::put(last);
		Some(())
	}

	/// The registry's invariants:
	/// - the candidate index is dense, its two maps agree, and it holds exactly the
	///   devices marked `listed`, all of them `Active`;
	/// - `DeviceCount` and `OwnerDevices` agree with `Devices`;
	/// - each owner's `DeviceBond` hold equals the sum of its devices' bonds;
	/// - `MemoryTiers` counts the devices that are not unbonding by memory tier;
	/// - a device's assignment count is the length of its task list, which has no
	///   duplicates.
	///
	/// Iterates all of the pallet's storage: for `try-runtime` and tests, never on chain.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use crate::pallet::{CandidatePos, DeviceCount, OwnerDevices};
		use frame_support::traits::fungible::InspectHold;
		use sp_runtime::traits::Zero;

		let count = CandidateCount::<T>::get();
		for pos in 0..count {
			let device = CandidateAt::<T>::get(pos).ok_or("candidate index has a hole")?;
			ensure!(CandidatePos::<T>::get(&device) == Some(pos), "index maps disagree");
			let info = Devices::<T>::get(&device).ok_or("listed device is not registered")?;
			ensure!(info.listed, "indexed device not marked listed");
			ensure!(info.status == DeviceStatus::Active, "indexed device is not active");
			ensure!(Self::bond_is_enough(&info), "indexed device's bond is below MinListedBond");
		}
		ensure!(CandidateAt::<T>::iter().count() as u32 == count, "index longer than its count");
		ensure!(CandidatePos::<T>::iter().count() as u32 == count, "positions longer than count");

		let mut devices = 0u32;
		let mut tiers = [0u32; 32];
		let mut bonds = alloc::collections::BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (device, info) in Devices::<T>::iter() {
			devices += 1;
			ensure!(info.listed == CandidatePos::<T>::contains_key(&device), "listed flag wrong");
			ensure!(
				OwnerDevices::<T>::get(&info.owner).contains(&device),
				"device missing from its owner's list"
			);
			ensure!(
				info.open_assignments as usize == info.tasks.len(),
				"assignment count differs from the task list"
			);
			let mut tasks = info.tasks.to_vec();
			tasks.sort_unstable();
			tasks.dedup();
			ensure!(tasks.len() == info.tasks.len(), "a task is listed twice for a device");
			let sum = bonds.entry(info.owner.clone()).or_insert_with(Zero::zero);
			*sum = sum.saturating_add(info.bond);
			if !matches!(info.status, DeviceStatus::Unbonding { .. }) {
				tiers[crate::memory_tier(info.spec.memory_mib)] += 1;
			}
		}
		ensure!(crate::pallet::MemoryTiers::<T>::get() == tiers, "MemoryTiers differ");
		ensure!(DeviceCount::<T>::get() == devices, "DeviceCount is wrong");
		let listed: u32 = OwnerDevices::<T>::iter().map(|(_, l)| l.len() as u32).sum();
		ensure!(listed == devices, "OwnerDevices lists unknown devices");
		for (owner, sum) in bonds {
			let held = T::Currency::balance_on_hold(&HoldReason::DeviceBond.into(), &owner);
			ensure!(held == sum, "bond hold differs from the sum of device bonds");
		}
		Ok(())
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> depin_primitives::DeviceFactory<T::AccountId> for Pallet<T> {
	fn max_devices() -> u32 {
		use frame_support::traits::Get;
		T::MaxDevices::get()
	}

	fn make_candidate(
		owner: &T::AccountId,
		device: &T::AccountId,
		spec: depin_primitives::DeviceSpec,
	) -> DispatchResult {
		use frame_support::traits::{fungible::Mutate, Get};
		let funds = T::MinBond::get().saturating_mul(1_000u32.into());
		T::Currency::set_balance(owner, funds);
		Self::do_register(owner.clone(), device.clone(), spec)?;
		Self::do_heartbeat(device.clone())?;
		Self::hold_filler_tasks(device, spec.cores.saturating_sub(1));
		Ok(())
	}

	fn max_cores() -> u16 {
		use frame_support::traits::Get;
		T::MaxCores::get()
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> Pallet<T> {
	/// Gives `device` assignments to `count` tasks that do not exist (as many as its free
	/// slots take), with ids from the top of the range, clear of those benchmarks create:
	/// the record of a busy device, for the benchmarks' worst cases.
	pub fn hold_filler_tasks(device: &T::AccountId, count: u16) {
		Devices::<T>::mutate(device, |maybe| {
			if let Some(info) = maybe {
				for i in 0..count {
					info.take_task(TaskId::MAX - TaskId::from(i));
				}
			}
		});
	}
}
