//! The candidate index: a dense array of the devices that may take new work, with O(1)
//! insertion, swap-removal and lookup by position.

use frame_support::traits::Get;
use sp_runtime::traits::Saturating;

use crate::{
	pallet::{CandidateAt, CandidateCount, CandidatePos, Config, Event, Pallet, UnlistReason},
	DeviceOf,
};

impl<T: Config> Pallet<T> {
	/// Whether `info`'s last heartbeat is recent enough for new work.
	pub(crate) fn heartbeat_is_fresh(info: &DeviceOf<T>) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		info.last_heartbeat
			.is_some_and(|last| now <= last.saturating_add(T::HeartbeatTimeout::get()))
	}

	/// Whether `info`'s bond is enough to be listed.
	pub(crate) fn bond_is_enough(info: &DeviceOf<T>) -> bool {
		info.bond >= T::MinListedBond::get()
	}

	/// Whether the runtime supports executor `version`
	/// (`MinExecutorVersion..=MaxExecutorVersion`). A runtime upgrade that raises the
	/// minimum leaves older devices registered; they take no new work until their owners
	/// update the spec.
	pub(crate) fn executor_is_supported(version: u32) -> bool {
		(T::MinExecutorVersion::get()..=T::MaxExecutorVersion::get()).contains(&version)
	}

	/// Appends `device` to the index and marks `info` listed, if its bond is enough and its
	/// executor version supported. The caller stores `info`.
	pub(crate) fn list(device: &T::AccountId, info: &mut DeviceOf<T>) {
		if info.listed
			|| !Self::bond_is_enough(info)
			|| !Self::executor_is_supported(info.spec.executor_version)
		{
			return;
		}
		let pos = CandidateCount::<T>::get();
		CandidateAt::<T>::insert(pos, device);
		CandidatePos::<T>::insert(device, pos);
		CandidateCount::<T>::put(pos.saturating_add(1));
		info.listed = true;
		Self::deposit_event(Event::DeviceListed { device: device.clone() });
	}

	/// Removes `device` from the index (the last entry takes its place) and marks `info`
	/// unlisted. The caller stores `info`.
	pub(crate) fn unlist(device: &T::AccountId, info: &mut DeviceOf<T>, reason: UnlistReason) {
		info.listed = false;
		let Some(pos) = CandidatePos::<T>::take(device) else { return };
		let last = CandidateCount::<T>::get().saturating_sub(1);
		if pos != last {
			if let Some(moved) = CandidateAt::<T>::get(last) {
				CandidateAt::<T>::insert(pos, &moved);
				CandidatePos::<T>::insert(&moved, pos);
			}
		}
		CandidateAt::<T>::remove(last);
		CandidateCount::<T>::put(last);
		Self::deposit_event(Event::DeviceUnlisted { device: device.clone(), reason });
	}
}
