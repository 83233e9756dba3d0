//! The events this client reads, and how to read one from an [`EventRecord`].
//!
//! Each type mirrors one event of the pinned metadata field for field; the tests of
//! [`crate::compat`] check each against it. An event of the chain is only handed out
//! when its shape equals the pinned one ([`crate::compat::ChainMetadata::events`]).

use codec::{Decode, Encode};
use depin_primitives::{ExecResult, ProgramId, TaskId};
use sp_runtime::DispatchError;

use crate::types::{AccountId, Balance, Hash, Phase};

/// An event of a block whose shape this client knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventRecord {
	/// When in the block it happened.
	pub phase: Phase,
	/// Its pallet's name (`Market`).
	pub pallet: String,
	/// Its name (`TaskSubmitted`).
	pub name: String,
	/// Its fields, SCALE-encoded.
	pub fields: Vec<u8>,
	/// Its topics.
	pub topics: Vec<Hash>,
}

impl EventRecord {
	/// Whether it is event `pallet.name`.
	pub fn is(&self, pallet: &str, name: &str) -> bool {
		self.pallet == pallet && self.name == name
	}

	/// The event as `E`, if it is one.
	pub fn as_event<E: StaticEvent>(&self) -> Option<E> {
		if !self.is(E::PALLET, E::EVENT) {
			return None;
		}
		E::decode(&mut &self.fields[..]).ok()
	}
}

/// An event type of the chain's runtime.
pub trait StaticEvent: Decode {
	/// Its pallet's name.
	const PALLET: &'static str;
	/// Its name.
	const EVENT: &'static str;
}

macro_rules! event {
	($pallet:literal, $event:ident) => {
		impl StaticEvent for $event {
			const PALLET: &'static str = $pallet;
			const EVENT: &'static str = stringify!($event);
		}
	};
}

/// `System.ExtrinsicFailed`: a transaction's call failed. Only its first field is read
/// (the dispatch information after it is not).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct ExtrinsicFailed {
	/// Why it failed.
	pub dispatch_error: DispatchError,
}
event!("System", ExtrinsicFailed);

/// `TransactionPayment.TransactionFeePaid`: the fee a transaction's signer paid.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct TransactionFeePaid {
	/// The signer.
	pub who: AccountId,
	/// The fee, tip included.
	pub actual_fee: Balance,
	/// The tip.
	pub tip: Balance,
}
event!("TransactionPayment", TransactionFeePaid);

/// `Sudo.Sudid`: the outcome of a call dispatched by the sudo key.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct Sudid {
	/// The dispatched call's outcome.
	pub sudo_result: Result<(), DispatchError>,
}
event!("Sudo", Sudid);

/// `Market.TaskSubmitted`.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct TaskSubmitted {
	/// The new task.
	pub task: TaskId,
	/// Who submitted it.
	pub submitter: AccountId,
	/// Its program.
	pub program: ProgramId,
	/// The escrow put on hold for it.
	pub escrow: Balance,
	/// The deposit put on hold for it.
	pub deposit: Balance,
}
event!("Market", TaskSubmitted);

/// `Market.DevicePaid`: a device was paid for a verified result.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct DevicePaid {
	/// The task.
	pub task: TaskId,
	/// The device.
	pub device: AccountId,
	/// Its owner, who was paid.
	pub owner: AccountId,
	/// Fuel its run used.
	pub fuel_used: u64,
	/// The payment to the owner.
	pub amount: Balance,
	/// The part of `amount` that went to the protocol.
	pub fee: Balance,
	/// Points credited for the era.
	pub points: u64,
}
event!("Market", DevicePaid);

/// `Verification.TaskVerified`: a task's result is final.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct TaskVerified {
	/// The task.
	pub task: TaskId,
	/// Its result.
	pub result: ExecResult,
	/// How many replicas agreed on it.
	pub agreeing: u32,
}
event!("Verification", TaskVerified);

/// `Rewards.RewardsClaimed`.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct RewardsClaimed {
	/// Who claimed.
	pub owner: AccountId,
	/// What was paid out.
	pub amount: Balance,
}
event!("Rewards", RewardsClaimed);
