//! The rules of every call: check everything first, then write.

use depin_primitives::{DeviceInfo, DeviceSpec, DeviceStatus, Reputation};
use frame_support::{
	ensure,
	pallet_prelude::DispatchResult,
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::{Fortitude, Precision, Preservation},
		Get,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, Verify, Zero},
	DispatchError,
};

use crate::{
	pallet::{
		Config, DeviceCount, Devices, Error, Event, HoldReason, OwnerDevices, Pallet, UnlistReason,
	},
	BalanceOf, DeviceOf,
};

impl<T: Config> Pallet<T> {
	fn ensure_valid_spec(spec: &DeviceSpec) -> DispatchResult {
		ensure!(
			spec.cores >= 1
				&& spec.cores <= T::MaxCores::get()
				&& spec.memory_mib >= 1
				&& spec.fuel_per_second >= 1,
			Error::<T>::InvalidSpec
		);
		ensure!(
			Self::executor_is_supported(spec.executor_version),
			Error::<T>::UnsupportedExecutorVersion
		);
		Ok(())
	}

	/// Puts `amount` of `owner`'s balance on hold as bond, keeping the account alive; the
	/// last fallible step of a call, so nothing is written when it fails.
	fn hold_bond(owner: &T::AccountId, amount: crate::BalanceOf<T>) -> DispatchResult {
		let holdable =
			T::Currency::reducible_balance(owner, Preservation::Preserve, Fortitude::Polite);
		ensure!(holdable >= amount, Error::<T>::InsufficientBond);
		T::Currency::hold(&HoldReason::DeviceBond.into(), owner, amount)
			.map_err(|_| Error::<T>::InsufficientBond.into())
	}

	/// Counts a device of `memory_mib` in (or out of) `MemoryTiers`.
	fn count_memory(memory_mib: u32, add: bool) {
		crate::pallet::MemoryTiers::<T>::mutate(|tiers| {
			let n = &mut tiers[crate::memory_tier(memory_mib)];
			*n = if add { n.saturating_add(1) } else { n.saturating_sub(1) };
		});
	}

	/// Fails with `InvalidConsent` unless `consent` is `device`'s signature of its
	/// registration by `owner` on this chain.
	pub(crate) fn ensure_consent(
		owner: &T::AccountId,
		device: &T::AccountId,
		consent: &T::DeviceSignature,
	) -> DispatchResult {
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		let registrations = crate::pallet::Registrations::<T>::get(device);
		let payload = depin_primitives::device_consent_payload(owner, &genesis, registrations);
		ensure!(consent.verify(&payload[..], device), Error::<T>::InvalidConsent);
		Ok(())
	}

	/// The device record, if `owner` owns it.
	pub(crate) fn owned_device(
		owner: &T::AccountId,
		device: &T::AccountId,
	) -> Result<DeviceOf<T>, DispatchError> {
		let info = Devices::<T>::get(device).ok_or(Error::<T>::NotRegistered)?;
		ensure!(&info.owner == owner, Error::<T>::NotOwner);
		Ok(info)
	}

	pub(crate) fn do_register(
		owner: T::AccountId,
		device: T::AccountId,
		spec: DeviceSpec,
	) -> DispatchResult {
		ensure!(!Devices::<T>::contains_key(&device), Error::<T>::AlreadyRegistered);
		Self::ensure_valid_spec(&spec)?;
		let count = DeviceCount::<T>::get();
		ensure!(count < T::MaxDevices::get(), Error::<T>::NetworkFull);
		let mut owned = OwnerDevices::<T>::get(&owner);
		owned.try_push(device.clone()).map_err(|_| Error::<T>::TooManyDevices)?;
		let bond = T::MinBond::get();
		Self::hold_bond(&owner, bond)?;
		let now = frame_system::Pallet::<T>::block_number();
		Devices::<T>::insert(
			&device,
			DeviceInfo {
				owner: owner.clone(),
				spec,
				status: DeviceStatus::Active,
				bond,
				registered_at: now,
				// The first heartbeat lists the device.
				last_heartbeat: None,
				listed: false,
				open_assignments: 0,
				reputation: Reputation::default(),
				ask: Zero::zero(),
				ask_changed_at: None,
				tasks: Default::default(),
			},
		);
		OwnerDevices::<T>::insert(&owner, owned);
		DeviceCount::<T>::put(count.saturating_add(1));
		Self::count_memory(spec.memory_mib, true);
		Self::deposit_event(Event::DeviceRegistered { device, owner, bond });
		Ok(())
	}

	pub(crate) fn do_update_spec(
		owner: T::AccountId,
		device: T::AccountId,
		spec: DeviceSpec,
	) -> DispatchResult {
		let mut info = Self::owned_device(&owner, &device)?;
		Self::ensure_valid_spec(&spec)?;
		if !matches!(info.status, DeviceStatus::Unbonding { .. }) {
			Self::count_memory(info.spec.memory_mib, false);
			Self::count_memory(spec.memory_mib, true);
		}
		info.spec = spec;
		Devices::<T>::insert(&device, info);
		Self::deposit_event(Event::SpecUpdated { device, spec });
		Ok(())
	}

	pub(crate) fn do_set_ask(
		owner: T::AccountId,
		device: T::AccountId,
		ask: BalanceOf<T>,
	) -> DispatchResult {
		let mut info = Self::owned_device(&owner, &device)?;
		let now = frame_system::Pallet::<T>::block_number();
		if let Some(last) = info.ask_changed_at {
			ensure!(now >= last.saturating_add(T::AskInterval::get()), Error::<T>::AskTooSoon);
		}
		info.ask = ask;
		info.ask_changed_at = Some(now);
		Devices::<T>::insert(&device, info);
		Self::deposit_event(Event::AskChanged { device, ask });
		Ok(())
	}

	pub(crate) fn do_heartbeat(device: T::AccountId) -> DispatchResult {
		let mut info = Devices::<T>::get(&device).ok_or(Error::<T>::NotRegistered)?;
		ensure!(
			!matches!(info.status, DeviceStatus::Unbonding { .. }),
			Error::<T>::AlreadyUnbonding
		);
		// A device the runtime no longer supports would never be listed: say so.
		ensure!(
			Self::executor_is_supported(info.spec.executor_version),
			Error::<T>::UnsupportedExecutorVersion
		);
		let now = frame_system::Pallet::<T>::block_number();
		if let Some(last) = info.last_heartbeat {
			ensure!(
				now >= last.saturating_add(T::HeartbeatPeriod::get()),
				Error::<T>::HeartbeatTooSoon
			);
		}
		info.last_heartbeat = Some(now);
		if info.status == DeviceStatus::Active && !info.listed {
			Self::list(&device, &mut info);
		}
		Devices::<T>::insert(&device, info);
		Ok(())
	}

	pub(crate) fn do_pause(owner: T::AccountId, device: T::AccountId) -> DispatchResult {
		let mut info = Self::owned_device(&owner, &device)?;
		ensure!(info.status == DeviceStatus::Active, Error::<T>::NotActive);
		info.status = DeviceStatus::Paused;
		if info.listed {
			Self::unlist(&device, &mut info, UnlistReason::Paused);
		}
		Devices::<T>::insert(&device, info);
		Self::deposit_event(Event::DevicePaused { device });
		Ok(())
	}

	pub(crate) fn do_resume(owner: T::AccountId, device: T::AccountId) -> DispatchResult {
		let mut info = Self::owned_device(&owner, &device)?;
		ensure!(info.status == DeviceStatus::Paused, Error::<T>::NotPaused);
		info.status = DeviceStatus::Active;
		if Self::heartbeat_is_fresh(&info) {
			Self::list(&device, &mut info);
		}
		Devices::<T>::insert(&device, info);
		Self::deposit_event(Event::DeviceResumed { device });
		Ok(())
	}

	pub(crate) fn do_deregister(owner: T::AccountId, device: T::AccountId) -> DispatchResult {
		let mut info = Self::owned_device(&owner, &device)?;
		ensure!(
			!matches!(info.status, DeviceStatus::Unbonding { .. }),
			Error::<T>::AlreadyUnbonding
		);
		let unbonded_at =
			frame_system::Pallet::<T>::block_number().saturating_add(T::UnbondingPeriod::get());
		info.status = DeviceStatus::Unbonding { unbonded_at };
		Self::count_memory(info.spec.memory_mib, false);
		if info.listed {
			Self::unlist(&device, &mut info, UnlistReason::Deregistered);
		}
		Devices::<T>::insert(&device, info);
		Self::deposit_event(Event::DeviceDeregistered { device, unbonded_at });
		Ok(())
	}

	pub(crate) fn do_top_up_bond(owner: T::AccountId, device: T::AccountId) -> DispatchResult {
		let mut info = Self::owned_device(&owner, &device)?;
		let amount = T::MinBond::get().saturating_sub(info.bond);
		ensure!(!amount.is_zero(), Error::<T>::BondFull);
		Self::hold_bond(&owner, amount)?;
		info.bond = info.bond.saturating_add(amount);
		if info.status == DeviceStatus::Active && Self::heartbeat_is_fresh(&info) {
			Self::list(&device, &mut info);
		}
		Devices::<T>::insert(&device, info);
		Self::deposit_event(Event::BondToppedUp { device, amount });
		Ok(())
	}

	pub(crate) fn do_withdraw_bond(owner: T::AccountId, device: T::AccountId) -> DispatchResult {
		let info = Self::owned_device(&owner, &device)?;
		let DeviceStatus::Unbonding { unbonded_at } = info.status else {
			return Err(Error::<T>::NotUnbonding.into());
		};
		ensure!(
			frame_system::Pallet::<T>::block_number() >= unbonded_at,
			Error::<T>::StillUnbonding
		);
		ensure!(info.tasks.is_empty(), Error::<T>::AssignmentsOpen);

		let amount = T::Currency::release(
			&HoldReason::DeviceBond.into(),
			&owner,
			info.bond,
			Precision::BestEffort,
		)?;
		Devices::<T>::remove(&device);
		OwnerDevices::<T>::mutate_exists(&owner, |owned| {
			if let Some(list) = owned {
				list.retain(|d| d != &device);
				if list.is_empty() {
					*owned = None;
				}
			}
		});
		DeviceCount::<T>::mutate(|c| *c = c.saturating_sub(1));
		Self::deposit_event(Event::BondWithdrawn { device, owner, amount });
		Ok(())
	}
}
