//! Prices in the task market: the price levels the queue is ordered by, and the market
//! view clients read (queued bids and listed asks per level, the last era's clearing
//! price).
//!
//! A task's `fuel_price` is its bid; a device's ask is the lowest price per fuel it takes
//! work at. The queue serves the highest price level first and, within a level, in order
//! of arrival. Levels are quarter octaves above the chain's lowest price (`MinFuelPrice`):
//! level `4k + j` holds prices from `(4 + j) · 2^k / 4` times the lowest price, so two bids
//! in one level differ by less than 19 %. Level `PRICE_LEVELS - 1` holds everything from
//! 2¹⁶ · 0.875 ≈ 57 000 times the lowest price up.

use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;

/// Price levels of the queue.
pub const PRICE_LEVELS: usize = 64;

/// The price level of `price` on a chain whose lowest price is `min_price`.
pub fn price_level(price: u128, min_price: u128) -> u8 {
	let q = price / min_price.max(1);
	let Some(octave) = q.checked_ilog2() else { return 0 };
	// The two bits after the leading one: which quarter of the octave.
	let quarter = if octave >= 2 { (q >> (octave - 2)) & 3 } else { (q << (2 - octave)) & 3 };
	let level = 4 * octave as u128 + quarter;
	level.min(PRICE_LEVELS as u128 - 1) as u8
}

/// The lowest price of `level` (the inverse of [`price_level`] at the level's start).
pub fn level_floor(level: u8, min_price: u128) -> u128 {
	let level = (level as u32).min(PRICE_LEVELS as u32 - 1);
	let (octave, quarter) = (level / 4, (level % 4) as u128);
	let q = ((4 + quarter) << octave) >> 2;
	q.max(1).saturating_mul(min_price.max(1))
}

/// One price level of the market view.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct PriceLevelView<Balance> {
	/// The level (0 = the chain's lowest price).
	pub level: u8,
	/// The lowest price per fuel of the level.
	#[cfg_attr(
		feature = "std",
		serde(with = "crate::serde_decimal", bound = "Balance: crate::Decimal")
	)]
	pub from: Balance,
	/// Queued tasks bidding at this level.
	pub tasks: u32,
	/// Replicas those tasks still wait for.
	pub replicas: u32,
	/// Devices listed for work asking at this level.
	pub devices: u32,
	/// Free slots of those devices.
	pub free_slots: u32,
}

/// The market as clients see it: demand and supply per price level, and what cleared.
#[derive(Clone, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct MarketView<Balance> {
	/// The chain's lowest price per fuel (`MinFuelPrice`).
	#[cfg_attr(
		feature = "std",
		serde(with = "crate::serde_decimal", bound = "Balance: crate::Decimal")
	)]
	pub min_fuel_price: Balance,
	/// Levels with queued tasks or listed devices, highest price first.
	pub levels: Vec<PriceLevelView<Balance>>,
	/// The era the clearing figures are of (the one before the current era).
	pub last_era: u32,
	/// Replicas assigned in that era.
	pub cleared_replicas: u32,
	/// The lowest price of the level holding the median replica assigned in that era
	/// (weighted by replica): the median clearing price per fuel, within a level. `None`
	/// if nothing was assigned.
	#[cfg_attr(
		feature = "std",
		serde(with = "crate::serde_decimal::option", bound = "Balance: crate::Decimal")
	)]
	pub median_clearing_price: Option<Balance>,
}

impl<Balance: Copy + Into<u128>> MarketView<Balance> {
	/// A bid for a task of `replicas` replicas that is likely to be served soon: the
	/// higher of the last era's median clearing price and the lowest price at which
	/// listed devices with free slots could take every replica (the top of that level, so
	/// that every device of it asks no more), and at least the chain's lowest price.
	pub fn suggested_price(&self, replicas: u32) -> u128 {
		let min = self.min_fuel_price.into();
		let mut free = 0u32;
		let mut supply = None;
		for level in self.levels.iter().rev() {
			free = free.saturating_add(level.free_slots.min(level.devices));
			if free >= replicas && level.devices > 0 {
				supply = Some(level_floor(level.level.saturating_add(1), min).saturating_sub(1));
				break;
			}
		}
		let supply = supply.unwrap_or(min);
		let clearing = self.median_clearing_price.map_or(min, Into::into);
		supply.max(clearing).max(min)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn levels_are_quarter_octaves_above_the_lowest_price() {
		assert_eq!(price_level(0, 1), 0);
		assert_eq!(price_level(1, 1), 0);
		assert_eq!(price_level(2, 1), 4);
		assert_eq!(price_level(3, 1), 6);
		assert_eq!(price_level(4, 1), 8);
		assert_eq!((price_level(5, 1), price_level(6, 1), price_level(7, 1)), (9, 10, 11));
		assert_eq!(price_level(1000, 1), 39);
		assert_eq!(price_level(1000, 10), price_level(100, 1));
		assert_eq!(price_level(u128::MAX, 1), PRICE_LEVELS as u8 - 1);
		// A higher price never has a lower level, and each level starts at its floor.
		let mut last = 0;
		for price in 1..200_000u128 {
			let level = price_level(price, 1);
			assert!(level >= last, "price {price}");
			if level > last {
				assert_eq!(level_floor(level, 1), price, "level {level}");
			}
			last = level;
		}
	}

	#[test]
	fn a_suggested_price_covers_the_replicas_and_the_clearing_price() {
		let level = |level: u8, devices: u32| PriceLevelView::<u128> {
			level,
			from: level_floor(level, 1),
			devices,
			free_slots: devices,
			..Default::default()
		};
		let mut view = MarketView::<u128> {
			min_fuel_price: 1,
			levels: alloc::vec![level(40, 2), level(39, 1)],
			..Default::default()
		};
		// Three replicas need the devices of level 40 too: the top of level 40.
		assert_eq!(view.suggested_price(3), level_floor(41, 1) - 1);
		assert_eq!(view.suggested_price(1), level_floor(40, 1) - 1);
		view.median_clearing_price = Some(5_000);
		assert_eq!(view.suggested_price(1), 5_000);
		// Too few devices anywhere: the clearing price (or the lowest price) still stands.
		view.median_clearing_price = None;
		assert_eq!(view.suggested_price(9), 1);
	}
}
