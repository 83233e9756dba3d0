//! # Rewards
//!
//! Verified work earns compute points; each era mints a fixed budget split by points.
//!
//! - The market credits points — the value paid for verified work — to the owner of every
//!   paid device ([`depin_primitives::RewardSink`]), for the current era.
//! - When an era of `EraLength` blocks ends, `EraInflation` is minted, but never more than
//!   `MintRatio` of the era's points: `TreasuryShare` to the treasury account, the rest to
//!   the pallet's pot, to be shared pro rata by points. An era without points mints
//!   nothing. Since the market charges a protocol fee of at least `MintRatio` on every
//!   payment, paying one's own devices never mints more than it costs. Ending an era is
//!   O(1): nothing loops over owners.
//! - Payout is pull-based: `claim` settles the caller's closed eras (at most
//!   `MaxUnclaimedEras`) and transfers the amount from the pot. An owner with more
//!   unclaimed eras has its oldest settled automatically when it earns in a new one.
//! - Fees for the work itself (escrow → devices) move in the market; this pallet only
//!   adds the minted part and its accounting (`TotalMinted`, `TotalClaimed`).
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod eras;
#[cfg(feature = "upgrade-rehearsal")]
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

use frame_support::traits::fungible;

/// Balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, Mutate},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;

	/// The in-code storage version.
	#[cfg(not(feature = "upgrade-rehearsal"))]
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);
	/// The in-code storage version of the upgrade rehearsal (`migrations::v2`).
	#[cfg(feature = "upgrade-rehearsal")]
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of era rewards.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency minted and paid.
		type Currency: Inspect<Self::AccountId> + Mutate<Self::AccountId>;

		/// Id of the pot account that holds minted, unclaimed rewards.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Receives `TreasuryShare` of each era's mint.
		type TreasuryAccount: Get<Self::AccountId>;

		/// Blocks per era.
		#[pallet::constant]
		type EraLength: Get<BlockNumberFor<Self>>;

		/// Minted at the end of each era with points.
		#[pallet::constant]
		type EraInflation: Get<BalanceOf<Self>>;

		/// Most an era mints per unit of value paid in it (its points): bounds what paying
		/// oneself can mint. At most the market's `ProtocolFee`.
		#[pallet::constant]
		type MintRatio: Get<Perbill>;

		/// Share of each era's mint that goes to the treasury.
		#[pallet::constant]
		type TreasuryShare: Get<Perbill>;

		/// Most closed eras an owner can have unclaimed before the oldest is settled.
		#[pallet::constant]
		type MaxUnclaimedEras: Get<u32>;

		/// Weights of calls and hooks, from the benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// A closed era with points, until every owner in it has been settled.
	#[derive(
		Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
	)]
	pub struct EraReward<Balance> {
		/// Minted for owners.
		pub pool: Balance,
		/// Points earned in the era.
		pub points: u128,
		/// Owners not yet settled.
		pub owners_left: u32,
		/// The era (storage version 2, the upgrade rehearsal's: a field its migration adds).
		#[cfg(feature = "upgrade-rehearsal")]
		pub era: u32,
	}

	/// The current era.
	#[pallet::storage]
	pub type CurrentEra<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Block at which the current era started.
	#[pallet::storage]
	pub type EraStartedAt<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// Points of the current era so far, and owners that earned them.
	#[pallet::storage]
	pub type EraTotals<T: Config> = StorageMap<_, Twox64Concat, u32, (u128, u32), ValueQuery>;

	/// Points of each owner in each era, until settled.
	#[pallet::storage]
	pub type Points<T: Config> =
		StorageDoubleMap<_, Twox64Concat, u32, Blake2_128Concat, T::AccountId, u64, ValueQuery>;

	/// Closed eras with points, until all their owners are settled.
	#[pallet::storage]
	pub type EraRewards<T: Config> = StorageMap<_, Twox64Concat, u32, EraReward<BalanceOf<T>>>;

	/// Eras in which each owner has points not yet settled, oldest first.
	#[pallet::storage]
	pub type OwnerEras<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<u32, T::MaxUnclaimedEras>,
		ValueQuery,
	>;

	/// Settled, unclaimed rewards of each owner.
	#[pallet::storage]
	pub type Accrued<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, BalanceOf<T>, ValueQuery>;

	/// Everything this pallet ever minted.
	#[pallet::storage]
	pub type TotalMinted<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Everything ever claimed from the pot.
	#[pallet::storage]
	pub type TotalClaimed<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Events of era rewards.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An era ended with points: `pool` minted for owners, `treasury` for the treasury.
		EraRewarded { era: u32, pool: BalanceOf<T>, treasury: BalanceOf<T>, points: u128 },
		/// An era ended without points: nothing minted.
		EraEndedEmpty { era: u32 },
		/// An owner claimed rewards.
		RewardsClaimed { owner: T::AccountId, amount: BalanceOf<T> },
		/// The upgrade rehearsal's migration gave `eras` stored era rewards their era (an
		/// event clients built before it do not know).
		#[cfg(feature = "upgrade-rehearsal")]
		EraRewardsMigrated { eras: u32 },
	}

	/// Errors of era rewards.
	#[pallet::error]
	pub enum Error<T> {
		/// The caller has no settled reward to claim.
		NothingToClaim,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::maybe_end_era(now)
		}

		fn integrity_test() {
			assert!(!T::EraLength::get().is_zero(), "EraLength must be positive");
			assert!(T::MaxUnclaimedEras::get() >= 1, "MaxUnclaimedEras must be positive");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Pays the caller's rewards of every closed era from the pot.
		#[pallet::call_index(0)]
		pub fn claim(origin: OriginFor<T>) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_claim(owner)
		}
	}
}
