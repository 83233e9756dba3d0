//! Paged listing of devices for the runtime API.

use alloc::vec::Vec;
use depin_primitives::{Page, MAX_PAGE};

use crate::{
	pallet::{CandidateAt, CandidateCount, Config, Devices, OwnerDevices, Pallet},
	BalanceOf, DeviceOf,
};

impl<T: Config> Pallet<T> {
	/// The ask and free slots of every device in the candidate index (listed for work),
	/// for the market's price view: O(listed devices), for the runtime API only.
	pub fn listed_asks() -> Vec<(BalanceOf<T>, u16)> {
		(0..CandidateCount::<T>::get())
			.filter_map(|pos| {
				let device = CandidateAt::<T>::get(pos)?;
				let info = Devices::<T>::get(device)?;
				Some((info.ask, info.free_slots()))
			})
			.collect()
	}

	/// Registered devices after `after` (in the registry's order, or in `owner`'s list of
	/// devices when given), at most `limit` (≤ `MAX_PAGE`).
	pub fn devices_page(
		owner: Option<&T::AccountId>,
		after: Option<&T::AccountId>,
		limit: u32,
	) -> Page<(T::AccountId, DeviceOf<T>), T::AccountId> {
		let limit = limit.min(MAX_PAGE) as usize;
		// One more than asked for tells whether there is a next page.
		let mut items: Vec<(T::AccountId, DeviceOf<T>)> = match owner {
			Some(owner) => {
				let devices = OwnerDevices::<T>::get(owner);
				let from =
					after.and_then(|a| devices.iter().position(|d| d == a)).map_or(0, |i| i + 1);
				devices
					.iter()
					.skip(from)
					.filter_map(|d| Some((d.clone(), Devices::<T>::get(d)?)))
					.take(limit + 1)
					.collect()
			}
			None => match after {
				Some(after) => Devices::<T>::iter_from(Devices::<T>::hashed_key_for(after))
					.take(limit + 1)
					.collect(),
				None => Devices::<T>::iter().take(limit + 1).collect(),
			},
		};
		let more = items.len() > limit;
		items.truncate(limit);
		let next = if more { items.last().map(|(d, _)| d.clone()) } else { None };
		Page { items, next }
	}
}
