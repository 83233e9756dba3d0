//! The chain's basic types, as its runtime defines them (the pinned metadata's types; the
//! tests of [`crate::compat`] check each against it).

use codec::{Decode, Encode};

/// A signature: the runtime's `MultiSignature` (this client signs with sr25519).
pub type Signature = sp_runtime::MultiSignature;
/// An account: a 32-byte public key.
pub type AccountId = sp_runtime::AccountId32;
/// A token amount in planck.
pub type Balance = u128;
/// An account's transaction counter.
pub type Nonce = u32;
/// A block or state hash.
pub type Hash = sp_core::H256;
/// A block number.
pub type BlockNumber = u32;
/// The address of a transaction's sender or a transfer's recipient.
pub type Address = sp_runtime::MultiAddress<AccountId, ()>;

/// An account's record (`System.Account`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode)]
pub struct AccountInfo {
	/// Transactions the account sent.
	pub nonce: Nonce,
	/// Modules that need the account to exist.
	pub consumers: u32,
	/// Reasons the account may exist.
	pub providers: u32,
	/// Sufficient reasons the account may exist.
	pub sufficients: u32,
	/// Its balances.
	pub data: AccountData,
}

/// An account's balances (`pallet_balances::AccountData`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Encode, Decode)]
pub struct AccountData {
	/// Spendable, or usable for holds and freezes.
	pub free: Balance,
	/// On hold (device bonds, program deposits, escrow).
	pub reserved: Balance,
	/// Frozen: may not be spent below this.
	pub frozen: Balance,
	/// The pallet's internal flags.
	pub flags: u128,
}

/// When in its block an event happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
pub enum Phase {
	/// While applying the extrinsic at this index.
	ApplyExtrinsic(u32),
	/// After the last extrinsic.
	Finalization,
	/// Before the first extrinsic.
	Initialization,
}
