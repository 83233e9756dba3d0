//! Constructors of the calls the worker, the CLI and the tests send.

use depin_primitives::{DeviceSpec, ProgramId, TaskId, TaskParams};
use depin_runtime::{AccountId, Balance, RuntimeCall, Signature};

/// `devices.register_device`, with the device key's `consent` ([`crate::Signer::consent`]).
pub fn register_device(device: AccountId, spec: DeviceSpec, consent: Signature) -> RuntimeCall {
	RuntimeCall::Devices(pallet_devices::Call::register_device { device, spec, consent })
}

/// `devices.update_spec`.
pub fn update_spec(device: AccountId, spec: DeviceSpec) -> RuntimeCall {
	RuntimeCall::Devices(pallet_devices::Call::update_spec { device, spec })
}

/// `devices.heartbeat` (signed by the device).
pub fn heartbeat() -> RuntimeCall {
	RuntimeCall::Devices(pallet_devices::Call::heartbeat {})
}

/// `devices.pause`.
pub fn pause(device: AccountId) -> RuntimeCall {
	RuntimeCall::Devices(pallet_devices::Call::pause { device })
}

/// `devices.resume`.
pub fn resume(device: AccountId) -> RuntimeCall {
	RuntimeCall::Devices(pallet_devices::Call::resume { device })
}

/// `devices.deregister`.
pub fn deregister(device: AccountId) -> RuntimeCall {
	RuntimeCall::Devices(pallet_devices::Call::deregister { device })
}

/// `devices.top_up_bond`.
pub fn top_up_bond(device: AccountId) -> RuntimeCall {
	RuntimeCall::Devices(pallet_devices::Call::top_up_bond { device })
}

/// `devices.withdraw_bond`.
pub fn withdraw_bond(device: AccountId) -> RuntimeCall {
	RuntimeCall::Devices(pallet_devices::Call::withdraw_bond { device })
}

/// `market.upload_program`.
pub fn upload_program(code: Vec<u8>) -> RuntimeCall {
	RuntimeCall::Market(pallet_market::Call::upload_program { code })
}

/// `market.remove_program`.
pub fn remove_program(program: ProgramId) -> RuntimeCall {
	RuntimeCall::Market(pallet_market::Call::remove_program { program })
}

/// `market.submit_task`.
pub fn submit_task(program: ProgramId, input: Vec<u8>, params: TaskParams<Balance>) -> RuntimeCall {
	RuntimeCall::Market(pallet_market::Call::submit_task { program, input, params })
}

/// `market.cancel_task`.
pub fn cancel_task(task: TaskId) -> RuntimeCall {
	RuntimeCall::Market(pallet_market::Call::cancel_task { task })
}

/// `market.decline_task` (signed by the device).
pub fn decline_task(task: TaskId) -> RuntimeCall {
	RuntimeCall::Market(pallet_market::Call::decline_task { task })
}

/// `balances.transfer_keep_alive`.
pub fn transfer(dest: AccountId, value: Balance) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive { dest: dest.into(), value })
}

/// `verification.commit` (signed by the device).
pub fn commit(task: TaskId, commitment: depin_primitives::Hash32) -> RuntimeCall {
	RuntimeCall::Verification(pallet_verification::Call::commit { task, commitment })
}

/// `verification.reveal` (signed by the device).
pub fn reveal(
	task: TaskId,
	result: depin_primitives::ExecResult,
	salt: depin_primitives::Salt,
	output: Option<Vec<u8>>,
) -> RuntimeCall {
	RuntimeCall::Verification(pallet_verification::Call::reveal { task, result, salt, output })
}

/// `sudo.sudo_unchecked_weight(system.set_code(code))`: a runtime upgrade, signed by the
/// sudo key. `set_code` alone weighs a whole block; the sudo call charges none of it.
pub fn set_code(code: Vec<u8>) -> RuntimeCall {
	RuntimeCall::Sudo(pallet_sudo::Call::sudo_unchecked_weight {
		call: Box::new(RuntimeCall::System(frame_system::Call::set_code { code })),
		weight: frame_support::weights::Weight::zero(),
	})
}

/// `rewards.claim`.
pub fn claim() -> RuntimeCall {
	RuntimeCall::Rewards(pallet_rewards::Call::claim {})
}
