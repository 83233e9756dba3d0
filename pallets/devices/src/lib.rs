//! # Device registry
//!
//! Owners register the machines that run jobs. A device is identified by the worker's own
//! account (the key `depin-worker` signs with); its owner is the account that registered
//! it and whose bond (`MinBond`, a fungible hold) backs it. The registration carries the
//! device key's signature of [`depin_primitives::device_consent_payload`] (the owner, the
//! chain's genesis hash and how many times the key was registered before): nobody can
//! register a device whose key did not consent to that owner, and a consent is used up by
//! its registration.
//!
//! - A device takes work only while it is `Active` and its heartbeat is fresh: it enters
//!   the scheduler's *candidate index* with a heartbeat and leaves it when paused,
//!   deregistered, or found stale by the scheduler.
//! - Heartbeats count at most once per `HeartbeatPeriod`; a counted heartbeat is free.
//! - `deregister` starts unbonding; `withdraw_bond` returns the bond after
//!   `UnbondingPeriod` once no assignment is open.
//! - Other pallets use the registry through [`depin_primitives::DeviceRegistry`]: candidate
//!   lookup, assignment slots, slashing and reputation.
//!
//! The candidate index is a dense array (`CandidateAt`, `CandidatePos`, `CandidateCount`):
//! the scheduler probes it at random positions in O(1) each, so the cost of an assignment
//! does not grow with the number of registered devices.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod candidates;
mod dispatchables;
pub mod migrations;
#[cfg(test)]
mod mock;
mod queries;
mod registry;
#[cfg(feature = "std")]
pub mod testing;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

use depin_primitives::{DeviceInfo, DeviceSpec};
use frame_support::traits::fungible;
use frame_system::pallet_prelude::BlockNumberFor;

/// Balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// Negative imbalance created by slashing a bond.
pub type CreditOf<T> =
	fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;
/// The memory tier of `memory_mib`: ⌊log₂ memory_mib⌋ (0 for 0).
pub fn memory_tier(memory_mib: u32) -> usize {
	memory_mib.checked_ilog2().unwrap_or(0) as usize
}

/// A device record as stored.
pub type DeviceOf<T> =
	DeviceInfo<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use depin_primitives::SlashReason;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{BalancedHold, Inspect, Mutate, MutateHold},
			OnUnbalanced,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{IdentifyAccount, Verify};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the device registry.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency bonds are held in.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ BalancedHold<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Where slashed bonds go (e.g. a treasury account; `()` burns them).
		type Slashed: OnUnbalanced<CreditOf<Self>>;

		/// Bond put on hold for each device.
		#[pallet::constant]
		type MinBond: Get<BalanceOf<Self>>;

		/// Least bond a device must hold to be listed for work. A slash that takes the bond
		/// below it unlists the device until its owner tops the bond up (`top_up_bond`), so
		/// a repeat liar cannot keep working on a shrinking bond.
		#[pallet::constant]
		type MinListedBond: Get<BalanceOf<Self>>;

		/// Most devices one owner can have registered.
		#[pallet::constant]
		type MaxDevicesPerOwner: Get<u32>;

		/// Most devices the network can have registered (bounds the candidate index).
		#[pallet::constant]
		type MaxDevices: Get<u32>;

		/// Most cores a device can declare (and so most assignments it runs at once).
		#[pallet::constant]
		type MaxCores: Get<u16>;

		/// Oldest executor version (job ABI and engine, `DeviceSpec::executor_version`) a
		/// device may declare. Together with `MaxExecutorVersion` it is the runtime's list
		/// of the executors workers really ship: portable tasks take all replicas from one
		/// executor version, so a version nobody else runs would give its declarers every
		/// replica of the tasks that group serves.
		#[pallet::constant]
		type MinExecutorVersion: Get<u32>;

		/// Newest executor version a device may declare.
		#[pallet::constant]
		type MaxExecutorVersion: Get<u32>;

		/// Minimum blocks between two counted heartbeats.
		#[pallet::constant]
		type HeartbeatPeriod: Get<BlockNumberFor<Self>>;

		/// A device whose last heartbeat is older than this many blocks gets no new work.
		#[pallet::constant]
		type HeartbeatTimeout: Get<BlockNumberFor<Self>>;

		/// Blocks between `deregister` and the earliest `withdraw_bond`.
		#[pallet::constant]
		type UnbondingPeriod: Get<BlockNumberFor<Self>>;

		/// Fewest blocks between two changes of a device's ask (`set_ask`): an ask that
		/// moves every block would let an owner follow each bid as it arrives, and dApps
		/// could not read the going price.
		#[pallet::constant]
		type AskInterval: Get<BlockNumberFor<Self>>;

		/// The signature of a device key consenting to its registration.
		type DeviceSignature: Parameter
			+ Verify<Signer: IdentifyAccount<AccountId = Self::AccountId>>;

		/// Weights of the calls, from the benchmarks.
		type WeightInfo: WeightInfo;

		/// Creates consenting device keys for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: depin_primitives::ConsentFactory<
			Self::AccountId,
			Self::DeviceSignature,
		>;
	}

	/// Reasons for putting funds on hold.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The bond backing a registered device.
		#[codec(index = 0)]
		DeviceBond,
	}

	/// Registered devices, by device account.
	#[pallet::storage]
	pub type Devices<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, DeviceOf<T>>;

	/// The devices of each owner.
	#[pallet::storage]
	pub type OwnerDevices<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<T::AccountId, T::MaxDevicesPerOwner>,
		ValueQuery,
	>;

	/// Number of registered devices.
	#[pallet::storage]
	pub type DeviceCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// How many times each device key has been registered: part of what its consent signs,
	/// so a consent is good for one registration. Kept after the device leaves (one small
	/// entry per key ever registered, paid for by its registration's fee).
	#[pallet::storage]
	pub type Registrations<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Total ever slashed from bonds (for the issuance invariant: slashed funds go to
	/// `Slashed`, which the runtime burns).
	#[pallet::storage]
	pub type TotalSlashed<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	/// Registered devices that are not unbonding, by memory tier: entry `i` counts the
	/// devices offering `2^i ..= 2^(i+1) - 1` MiB. Lets the market refuse at submission a
	/// task that no device could ever serve, in O(1).
	#[pallet::storage]
	pub type MemoryTiers<T: Config> = StorageValue<_, [u32; 32], ValueQuery>;

	/// Number of devices in the candidate index.
	#[pallet::storage]
	pub type CandidateCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The candidate index: position → device, dense in `0..CandidateCount`.
	#[pallet::storage]
	pub type CandidateAt<T: Config> = StorageMap<_, Twox64Concat, u32, T::AccountId>;

	/// The candidate index: device → position.
	#[pallet::storage]
	pub type CandidatePos<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32>;

	/// Why a device left the candidate index.
	#[derive(
		Clone,
		Copy,
		PartialEq,
		Eq,
		Debug,
		Encode,
		Decode,
		DecodeWithMemTracking,
		TypeInfo,
		MaxEncodedLen,
	)]
	pub enum UnlistReason {
		/// No heartbeat within `HeartbeatTimeout`.
		Stale,
		/// Paused by its owner.
		Paused,
		/// Deregistered by its owner.
		Deregistered,
		/// Let an assignment time out; listed again by its next heartbeat.
		TimedOut,
		/// Slashed below `MinListedBond`; listed again once the bond is topped up.
		BondTooLow,
		/// Its executor version fell below `MinExecutorVersion` (raised by a runtime
		/// upgrade); listed again by a heartbeat once its owner updates the spec.
		ExecutorOutdated,
	}

	/// Events of the device registry.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A device was registered and its bond put on hold.
		DeviceRegistered { device: T::AccountId, owner: T::AccountId, bond: BalanceOf<T> },
		/// A device's spec was changed by its owner.
		SpecUpdated { device: T::AccountId, spec: DeviceSpec },
		/// A device's owner set its ask: the lowest price per fuel it takes work at.
		AskChanged { device: T::AccountId, ask: BalanceOf<T> },
		/// A device entered the candidate index (its heartbeat is fresh and it is active).
		DeviceListed { device: T::AccountId },
		/// A device left the candidate index.
		DeviceUnlisted { device: T::AccountId, reason: UnlistReason },
		/// A device was paused by its owner.
		DevicePaused { device: T::AccountId },
		/// A device was resumed by its owner.
		DeviceResumed { device: T::AccountId },
		/// A device was deregistered; its bond can be withdrawn from `unbonded_at`.
		DeviceDeregistered { device: T::AccountId, unbonded_at: BlockNumberFor<T> },
		/// An owner put `amount` more on hold for a device's bond, back to `MinBond`.
		BondToppedUp { device: T::AccountId, amount: BalanceOf<T> },
		/// A deregistered device's bond went back to its owner; the device is gone.
		BondWithdrawn { device: T::AccountId, owner: T::AccountId, amount: BalanceOf<T> },
		/// Part of a device's bond was slashed.
		DeviceSlashed {
			device: T::AccountId,
			owner: T::AccountId,
			amount: BalanceOf<T>,
			reason: SlashReason,
		},
	}

	/// Errors of the device registry.
	#[pallet::error]
	pub enum Error<T> {
		/// The device account is already registered.
		AlreadyRegistered,
		/// No device is registered under this account.
		NotRegistered,
		/// The consent is not the device key's signature of the registration by this owner
		/// on this chain.
		InvalidConsent,
		/// The caller is not the device's owner.
		NotOwner,
		/// The spec is out of range: 1..=MaxCores cores, at least 1 MiB of memory and
		/// 1 fuel/s.
		InvalidSpec,
		/// The owner already has `MaxDevicesPerOwner` devices.
		TooManyDevices,
		/// The network already has `MaxDevices` devices.
		NetworkFull,
		/// The owner's free balance cannot cover the bond.
		InsufficientBond,
		/// A heartbeat was already counted within the last `HeartbeatPeriod` blocks.
		HeartbeatTooSoon,
		/// The device is not active.
		NotActive,
		/// The device is not paused.
		NotPaused,
		/// The device is already deregistered.
		AlreadyUnbonding,
		/// The device has not been deregistered.
		NotUnbonding,
		/// The unbonding period has not ended.
		StillUnbonding,
		/// The device still holds assignments.
		AssignmentsOpen,
		/// The device has no free slot for another assignment.
		NoFreeSlot,
		/// The device's bond is already `MinBond`.
		BondFull,
		/// The executor version is not in `MinExecutorVersion..=MaxExecutorVersion`: the
		/// worker is older than this chain supports, or not a release of it.
		UnsupportedExecutorVersion,
		/// The ask changed less than `AskInterval` blocks ago.
		AskTooSoon,
		/// The device already holds an assignment in the task.
		AlreadyAssigned,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxDevicesPerOwner::get() > 0, "MaxDevicesPerOwner must be positive");
			assert!(T::MaxDevices::get() > 0, "MaxDevices must be positive");
			assert!(T::MaxCores::get() > 0, "MaxCores must be positive");
			assert!(
				T::MaxCores::get() as u32 <= <depin_primitives::MaxDeviceTasks as Get<u32>>::get(),
				"a device record must have room for one task per core"
			);
			assert!(
				T::MinExecutorVersion::get() <= T::MaxExecutorVersion::get(),
				"MinExecutorVersion must not exceed MaxExecutorVersion"
			);
			assert!(
				T::HeartbeatPeriod::get() < T::HeartbeatTimeout::get(),
				"a device heartbeating every HeartbeatPeriod must never look stale"
			);
			assert!(T::MinListedBond::get() <= T::MinBond::get(), "MinListedBond above MinBond");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Registers `device` (the worker's account) with `spec`, owned by the caller, and
		/// puts `MinBond` of the caller's balance on hold. `consent` is the device key's
		/// signature of `device_consent_payload(caller, genesis hash, Registrations(device))`
		/// (`depin-worker key consent` prints it); it is used up by the registration. The
		/// device takes work after its first heartbeat.
		#[pallet::call_index(0)]
		pub fn register_device(
			origin: OriginFor<T>,
			device: T::AccountId,
			spec: DeviceSpec,
			consent: T::DeviceSignature,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::ensure_consent(&owner, &device, &consent)?;
			Self::do_register(owner, device.clone(), spec)?;
			Registrations::<T>::mutate(&device, |n| *n = n.saturating_add(1));
			Ok(())
		}

		/// Changes the spec of one of the caller's devices.
		#[pallet::call_index(1)]
		pub fn update_spec(
			origin: OriginFor<T>,
			device: T::AccountId,
			spec: DeviceSpec,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_update_spec(owner, device, spec)
		}

		/// Proves the calling device is alive. Counted at most once per `HeartbeatPeriod`;
		/// a counted heartbeat is free of fees and (re-)lists an active device. Refused
		/// (`UnsupportedExecutorVersion`) for a device whose executor version the runtime no
		/// longer supports: its owner updates the spec first.
		#[pallet::call_index(2)]
		pub fn heartbeat(origin: OriginFor<T>) -> DispatchResultWithPostInfo {
			let device = ensure_signed(origin)?;
			Self::do_heartbeat(device)?;
			Ok(Pays::No.into())
		}

		/// Stops new work for one of the caller's devices; open assignments continue.
		#[pallet::call_index(3)]
		pub fn pause(origin: OriginFor<T>, device: T::AccountId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_pause(owner, device)
		}

		/// Lets a paused device take work again (after its next heartbeat if stale).
		#[pallet::call_index(4)]
		pub fn resume(origin: OriginFor<T>, device: T::AccountId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_resume(owner, device)
		}

		/// Deregisters one of the caller's devices: it takes no more work, and its bond can
		/// be withdrawn after `UnbondingPeriod` blocks once its assignments are closed.
		#[pallet::call_index(5)]
		pub fn deregister(origin: OriginFor<T>, device: T::AccountId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_deregister(owner, device)
		}

		/// Returns the bond of a deregistered device to its owner and forgets the device.
		#[pallet::call_index(6)]
		pub fn withdraw_bond(origin: OriginFor<T>, device: T::AccountId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_withdraw_bond(owner, device)
		}

		/// Puts more of the caller's balance on hold for one of its devices, bringing a
		/// slashed bond back to `MinBond`; an active device with a fresh heartbeat is listed
		/// again.
		#[pallet::call_index(7)]
		pub fn top_up_bond(origin: OriginFor<T>, device: T::AccountId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_top_up_bond(owner, device)
		}

		/// Sets the ask of one of the caller's devices: the lowest price per fuel it takes
		/// work at. The scheduler never gives the device a task that bids less; tasks
		/// already assigned keep their price. At most once per `AskInterval` blocks.
		#[pallet::call_index(8)]
		pub fn set_ask(
			origin: OriginFor<T>,
			device: T::AccountId,
			ask: BalanceOf<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_set_ask(owner, device, ask)
		}
	}
}
