//! FRAME runtime of the DePIN compute chain.
//!
//! Pallets: system, timestamp, Aura + GRANDPA consensus, balances (with fungible holds),
//! transaction payment, sudo, and the compute pallets: devices (registry), market
//! (programs, tasks, scheduler, settlement), verification (commit-reveal, quorum,
//! slashing) and rewards (era minting, claims). Configuration lives in [`configs`], the runtime
//! APIs in [`apis`], genesis presets in [`genesis_config_presets`].
#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`/`impl_runtime_apis` expand to large items.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

/// The upgrade rehearsal: this runtime's next version as the upgrade test enacts it on a
/// running network (feature `upgrade-rehearsal`: `spec_version` + 1, the rewards pallet's
/// migration to storage version 2). `WASM_BINARY` is `None` unless the build ran with
/// `DEPIN_BUILD_UPGRADE_REHEARSAL` set, as `scripts/` build it.
#[cfg(feature = "std")]
pub mod upgrade_rehearsal {
	include!(concat!(env!("OUT_DIR"), "/upgrade_rehearsal_wasm.rs"));
}

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
#[cfg(test)]
mod tests;
pub mod weights;

use alloc::{borrow::Cow, vec::Vec};
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types, used by the node where it must not depend on runtime details.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as sp_runtime::traits::Hash>::Output;
}

impl_opaque_keys! {
	/// Session keys of a validator.
	pub struct SessionKeys {
		/// Block authoring key.
		pub aura: Aura,
		/// Finality voting key.
		pub grandpa: Grandpa,
	}
}

/// Declares [`VERSION`] with `spec_version` `$spec` (`runtime_version` reads literals only).
macro_rules! runtime_version {
	($spec:tt) => {
		/// Version of this runtime. Bump `spec_version` on every logic change and
		/// `transaction_version` whenever call indices or the transaction extensions change.
		#[sp_version::runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: Cow::Borrowed("depin"),
			impl_name: Cow::Borrowed("depin-node"),
			authoring_version: 1,
			spec_version: $spec,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 2,
			system_version: 1,
		};
	};
}
#[cfg(not(feature = "upgrade-rehearsal"))]
runtime_version!(100);
#[cfg(feature = "upgrade-rehearsal")]
runtime_version!(101);

/// Block production target: one block per Aura slot, in milliseconds.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
/// Aura slot duration in milliseconds. Cannot change once the chain runs.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks per minute at the target block time.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour at the target block time.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day at the target block time.
pub const DAYS: BlockNumber = HOURS * 24;

/// One token, in the smallest unit (12 decimals).
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a token.
pub const MILLI_UNIT: Balance = 1_000_000_000;
/// A millionth of a token.
pub const MICRO_UNIT: Balance = 1_000_000;
/// Existential deposit.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// Transaction signature (sr25519, ed25519 or ecdsa).
pub type Signature = MultiSignature;
/// Account id: the public key of the signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balance of an account.
pub type Balance = u128;
/// Transaction counter of an account.
pub type Nonce = u32;
/// Block and state hash.
pub type Hash = sp_core::H256;
/// Block number.
pub type BlockNumber = u32;
/// The address format of extrinsics.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// Block with justifications.
pub type SignedBlock = generic::SignedBlock<Block>;

/// The transaction extensions, in order. Clients building extrinsics by hand must encode
/// exactly this tuple (see `depin-client`).
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	// Lets a signer (a hardware wallet, Polkadot Vault) check the metadata it decoded the
	// call with: the Wasm embeds the metadata hash (`runtime/build.rs`).
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The transaction extensions of a signed extrinsic with `nonce`, valid for `era`, asking
/// the runtime to check the metadata hash the signer used if `check_metadata_hash`, and
/// tipping nothing: what a wallet or a device builds.
pub fn tx_extension(era: generic::Era, nonce: Nonce, check_metadata_hash: bool) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(era),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::new(check_metadata_hash),
		frame_system::WeightReclaim::new(),
	)
}

/// Extrinsic as it appears in a block.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations, each run once, when the pallet's stored version asks for it
/// (a chain that started at the current version skips them).
#[cfg(not(feature = "upgrade-rehearsal"))]
type Migrations = (
	pallet_market::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_market::migrations::v3::MigrateV2ToV3<Runtime>,
	pallet_market::migrations::v4::MigrateV3ToV4<Runtime>,
	pallet_verification::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_devices::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_devices::migrations::v3::MigrateV2ToV3<Runtime, MarketDeviceTasks>,
);
/// The upgrade rehearsal's migrations.
#[cfg(feature = "upgrade-rehearsal")]
type Migrations = (
	pallet_market::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_market::migrations::v3::MigrateV2ToV3<Runtime>,
	pallet_market::migrations::v4::MigrateV3ToV4<Runtime>,
	pallet_verification::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_devices::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_devices::migrations::v3::MigrateV2ToV3<Runtime, MarketDeviceTasks>,
	pallet_rewards::migrations::v2::MigrateV1ToV2<Runtime>,
);

/// Where the registry's migration to version 3 takes each device's task list from: the
/// market's `DeviceTasks`, which it empties.
pub struct MarketDeviceTasks;

impl pallet_devices::migrations::v3::TaskLists<AccountId> for MarketDeviceTasks {
	fn take(device: &AccountId) -> alloc::vec::Vec<depin_primitives::TaskId> {
		pallet_market::migrations::device_tasks::take::<Runtime>(device)
	}

	fn clear() -> u64 {
		pallet_market::migrations::device_tasks::clear::<Runtime>()
	}
}

/// Dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(10)]
	pub type Devices = pallet_devices;
	#[runtime::pallet_index(11)]
	pub type Market = pallet_market;
	#[runtime::pallet_index(12)]
	pub type Verification = pallet_verification;
	#[runtime::pallet_index(13)]
	pub type Rewards = pallet_rewards;
	#[runtime::pallet_index(14)]
	pub type Blobs = pallet_blobs;
}
