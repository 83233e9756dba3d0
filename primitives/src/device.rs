//! Devices: what a device offers, its lifecycle and its track record.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{traits::ConstU32, BoundedVec};

use crate::TaskId;

/// Most tasks a device record can list: at least the registry's `MaxCores` (one
/// assignment per core; the registry's `integrity_test` checks it).
pub type MaxDeviceTasks = ConstU32<256>;

/// Identifier of a determinism class: devices of one class (same architecture, same pinned
/// ISA flags, same executor build) produce bit-identical results without NaN
/// canonicalization. Computed by the worker; see `docs/worker.md`.
pub type DeterminismClass = u64;

/// The executor version of this release's worker: its fuel costs and job ABI. Part of the
/// determinism class; the scheduler gives a portable task's replicas one version.
/// 2: host calls cost fuel, iovec arrays are bounded.
/// 3: the stack limit is logical (frame costs counted by code added to the module), the
/// same on every machine.
pub const EXECUTOR_VERSION: u32 = 3;

/// What a device offers, as declared by its owner.
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct DeviceSpec {
	/// CPU cores given to jobs; also the number of jobs the device runs at once.
	pub cores: u16,
	/// Memory for jobs, in MiB.
	pub memory_mib: u32,
	/// Measured executor speed, in fuel units per second.
	pub fuel_per_second: u64,
	/// Version of the worker's executor (job ABI and engine).
	pub executor_version: u32,
	/// The device's determinism class.
	///
	/// In JSON a decimal string: classes are hashes, beyond what a JavaScript number holds.
	#[cfg_attr(feature = "std", serde(with = "crate::serde_decimal"))]
	pub determinism_class: DeterminismClass,
}

/// Where a device is in its lifecycle.
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum DeviceStatus<BlockNumber> {
	/// Takes work while its heartbeat is fresh.
	Active,
	/// Paused by its owner: keeps its bond and running assignments, takes no new work.
	Paused,
	/// Deregistered: takes no work; the bond can be withdrawn from block `unbonded_at`
	/// on, once no assignment is open.
	Unbonding {
		/// First block at which `withdraw_bond` succeeds.
		unbonded_at: BlockNumber,
	},
}

/// A device's track record, updated by verification through [`crate::DeviceRegistry`].
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Reputation {
	/// Results that matched the verified result.
	pub valid: u32,
	/// Results that differed from the verified result.
	pub invalid: u32,
	/// Assignments not answered, or commitments not revealed, in time.
	pub timeouts: u32,
	/// Valid results in a row since the last invalid one.
	pub consecutive_valid: u32,
}

/// How an assignment ended for a device.
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub enum Outcome {
	/// Its result matched the verified result.
	Valid,
	/// Its result differed from the verified result.
	Invalid,
	/// It did not answer (commit or reveal) in time.
	Timeout,
}

impl Reputation {
	/// The record after `outcome`.
	pub fn record(&mut self, outcome: Outcome) {
		match outcome {
			Outcome::Valid => {
				self.valid = self.valid.saturating_add(1);
				self.consecutive_valid = self.consecutive_valid.saturating_add(1);
			}
			Outcome::Invalid => {
				self.invalid = self.invalid.saturating_add(1);
				self.consecutive_valid = 0;
			}
			Outcome::Timeout => self.timeouts = self.timeouts.saturating_add(1),
		}
	}
}

/// Why a device's bond was slashed.
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
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub enum SlashReason {
	/// Revealed a result that differs from the verified one.
	WrongResult,
	/// Did not commit or reveal in time.
	Timeout,
}

/// A registered device.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct DeviceInfo<AccountId, Balance, BlockNumber> {
	/// The account that registered the device and holds its bond.
	pub owner: AccountId,
	/// What the device offers.
	pub spec: DeviceSpec,
	/// Lifecycle state.
	pub status: DeviceStatus<BlockNumber>,
	/// Bond currently on hold for this device (less after slashes).
	#[cfg_attr(
		feature = "std",
		serde(with = "crate::serde_decimal", bound = "Balance: crate::Decimal")
	)]
	pub bond: Balance,
	/// Block of registration.
	pub registered_at: BlockNumber,
	/// Block of the last counted heartbeat; `None` before the first.
	pub last_heartbeat: Option<BlockNumber>,
	/// Whether the device is in the scheduler's index of candidates.
	pub listed: bool,
	/// Assignments the device holds now (at most `spec.cores`): the length of `tasks`.
	pub open_assignments: u16,
	/// Track record.
	pub reputation: Reputation,
	/// The device's ask: the lowest price per fuel it takes work at. The scheduler never
	/// gives it a task whose `fuel_price` (the task's bid) is lower. Zero at registration:
	/// any task.
	#[cfg_attr(
		feature = "std",
		serde(with = "crate::serde_decimal", bound = "Balance: crate::Decimal")
	)]
	pub ask: Balance,
	/// Block of the last change of the ask, which may change once per the registry's
	/// `AskInterval`; `None` if it never changed.
	pub ask_changed_at: Option<BlockNumber>,
	/// The tasks the device holds a slot in and has not been paid for yet (a payment ends
	/// the device's work on a task), oldest first. In the record the scheduler and the
	/// payment write anyway, so that taking or ending an assignment writes one entry.
	#[cfg_attr(feature = "std", serde(default))]
	pub tasks: BoundedVec<TaskId, MaxDeviceTasks>,
}

impl<AccountId, Balance, BlockNumber> DeviceInfo<AccountId, Balance, BlockNumber> {
	/// Slots left for new assignments.
	pub fn free_slots(&self) -> u16 {
		// From the list itself: `open_assignments` only mirrors its length.
		self.spec.cores.saturating_sub(self.tasks.len() as u16)
	}

	/// Gives the device an assignment to `task`; false, and nothing changes, if it has no
	/// free slot (or already holds one in `task`).
	pub fn take_task(&mut self, task: TaskId) -> bool {
		if self.free_slots() == 0
			|| self.tasks.contains(&task)
			|| self.tasks.try_push(task).is_err()
		{
			return false;
		}
		self.open_assignments = self.tasks.len() as u16;
		true
	}

	/// Ends the device's assignment to `task`; false if it held none.
	pub fn end_task(&mut self, task: TaskId) -> bool {
		let held = self.tasks.len();
		self.tasks.retain(|t| *t != task);
		self.open_assignments = self.tasks.len() as u16;
		self.tasks.len() != held
	}
}

/// Domain tag of a device key's consent to be registered by an owner.
pub const DEVICE_CONSENT_DOMAIN: &[u8; 24] = b"depin/device-consent/v2\0";

/// What a device key signs to consent to its registration number `registrations` (how
/// many times the key was registered before) by `owner` on the chain whose genesis block
/// hash is `genesis`: `DEVICE_CONSENT_DOMAIN ‖ SCALE(genesis) ‖ SCALE(owner) ‖
/// SCALE(registrations)`. Nobody else can register the device (a registration front-run
/// with another owner has no valid consent), and a consent is good for one registration:
/// a former owner cannot register the device again with the consent it once used.
pub fn device_consent_payload<AccountId: codec::Encode, Hash: codec::Encode>(
	owner: &AccountId,
	genesis: &Hash,
	registrations: u32,
) -> alloc::vec::Vec<u8> {
	let mut payload = DEVICE_CONSENT_DOMAIN.to_vec();
	genesis.encode_to(&mut payload);
	owner.encode_to(&mut payload);
	registrations.encode_to(&mut payload);
	payload
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_spec_in_json_is_camel_case_with_its_class_as_a_decimal_string() {
		let spec = DeviceSpec {
			cores: 2,
			memory_mib: 2048,
			fuel_per_second: 1_600_000_000,
			executor_version: 3,
			// Above 2⁵³: a JavaScript number would round it.
			determinism_class: 2_595_806_979_216_148_155,
		};
		let json = serde_json::to_value(spec).unwrap();
		assert_eq!(
			json,
			serde_json::json!({
				"cores": 2,
				"memoryMib": 2048,
				"fuelPerSecond": 1_600_000_000u64,
				"executorVersion": 3,
				"determinismClass": "2595806979216148155",
			})
		);
		assert_eq!(serde_json::from_value::<DeviceSpec>(json).unwrap(), spec);
	}
}
