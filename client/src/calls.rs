//! The calls the worker, the CLI and the tests send.
//!
//! A [`Call`] is named (pallet and call) and carries its arguments SCALE-encoded as the
//! pinned metadata (`client/metadata/depin.scale`) describes them; its indices are looked
//! up in the chain's own metadata when it is signed ([`crate::compat`]), and it is refused
//! if the chain's call takes other arguments. The tests of this module check every
//! constructor against the pinned metadata, and the e2e crate's `client_encoding` test
//! against the runtime's own `RuntimeCall`.

use codec::{Compact, Encode};
use depin_primitives::{DeviceSpec, ExecResult, Hash32, ProgramId, Salt, TaskId, TaskParams};

use crate::types::{AccountId, Address, Balance, Signature};

/// A call of the chain's runtime.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
	pallet: &'static str,
	name: &'static str,
	args: Vec<Arg>,
}

/// A part of a call's arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Arg {
	/// Arguments SCALE-encoded.
	Encoded(Vec<u8>),
	/// A call passed as an argument (to `sudo`), encoded with the chain's indices.
	Call(Call),
}

impl Call {
	/// Call `pallet.name` with `args` (a tuple of all its arguments, in order).
	fn new(pallet: &'static str, name: &'static str, args: impl Encode) -> Self {
		Self { pallet, name, args: vec![Arg::Encoded(args.encode())] }
	}

	/// The pallet's name, as in the metadata (`Market`).
	pub fn pallet(&self) -> &'static str {
		self.pallet
	}

	/// The call's name, as in the metadata (`submit_task`).
	pub fn name(&self) -> &'static str {
		self.name
	}

	/// Its arguments, in order.
	pub(crate) fn args(&self) -> &[Arg] {
		&self.args
	}
}

impl std::fmt::Display for Call {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "{}.{}", self.pallet, self.name)
	}
}

/// `devices.register_device`, with the device key's `consent` ([`crate::Signer::consent`]).
pub fn register_device(device: AccountId, spec: DeviceSpec, consent: Signature) -> Call {
	Call::new("Devices", "register_device", (device, spec, consent))
}

/// `devices.update_spec`.
pub fn update_spec(device: AccountId, spec: DeviceSpec) -> Call {
	Call::new("Devices", "update_spec", (device, spec))
}

/// `devices.heartbeat` (signed by the device).
pub fn heartbeat() -> Call {
	Call::new("Devices", "heartbeat", ())
}

/// `devices.pause`.
pub fn pause(device: AccountId) -> Call {
	Call::new("Devices", "pause", device)
}

/// `devices.resume`.
pub fn resume(device: AccountId) -> Call {
	Call::new("Devices", "resume", device)
}

/// `devices.deregister`.
pub fn deregister(device: AccountId) -> Call {
	Call::new("Devices", "deregister", device)
}

/// `devices.top_up_bond`.
pub fn top_up_bond(device: AccountId) -> Call {
	Call::new("Devices", "top_up_bond", device)
}

/// `devices.set_ask`: the lowest price per fuel the device takes work at.
pub fn set_ask(device: AccountId, ask: Balance) -> Call {
	Call::new("Devices", "set_ask", (device, ask))
}

/// `devices.withdraw_bond`.
pub fn withdraw_bond(device: AccountId) -> Call {
	Call::new("Devices", "withdraw_bond", device)
}

/// `market.upload_program`.
pub fn upload_program(code: Vec<u8>) -> Call {
	Call::new("Market", "upload_program", code)
}

/// `market.remove_program`.
pub fn remove_program(program: ProgramId) -> Call {
	Call::new("Market", "remove_program", program)
}

/// `market.submit_task`.
pub fn submit_task(program: ProgramId, input: Vec<u8>, params: TaskParams<Balance>) -> Call {
	Call::new("Market", "submit_task", (program, input, params))
}

/// `market.submit_stored_task`: a task on a blob the chain keeps, named by its manifest,
/// whose output is a blob of at most `output_limit` bytes (0: an output kept in state).
pub fn submit_stored_task(
	program: ProgramId,
	manifest: Vec<u8>,
	params: TaskParams<Balance>,
	output_limit: u64,
) -> Call {
	Call::new("Market", "submit_stored_task", (program, manifest, params, output_limit))
}

/// `market.submit_sourced_task`: a task on blob `input` the chain does not keep, fetched
/// by devices from `sources` (URL templates with `{hash}`).
pub fn submit_sourced_task(
	program: ProgramId,
	input: depin_primitives::BlobRef,
	sources: Vec<Vec<u8>>,
	params: TaskParams<Balance>,
	output_limit: u64,
) -> Call {
	Call::new("Market", "submit_sourced_task", (program, input, sources, params, output_limit))
}

/// `market.report_input_unavailable` (signed by the device): no source served the input.
pub fn report_input_unavailable(task: TaskId) -> Call {
	Call::new("Market", "report_input_unavailable", task)
}

/// `market.bump_task`: raises a queued task's bid.
pub fn bump_task(task: TaskId, fuel_price: Balance) -> Call {
	Call::new("Market", "bump_task", (task, fuel_price))
}

/// `market.cancel_task`.
pub fn cancel_task(task: TaskId) -> Call {
	Call::new("Market", "cancel_task", task)
}

/// `market.decline_task` (signed by the device).
pub fn decline_task(task: TaskId) -> Call {
	Call::new("Market", "decline_task", task)
}

/// `balances.transfer_keep_alive` (its `value` is a compact integer).
pub fn transfer(dest: AccountId, value: Balance) -> Call {
	Call::new("Balances", "transfer_keep_alive", (Address::Id(dest), Compact(value)))
}

/// `verification.commit` (signed by the device).
pub fn commit(task: TaskId, commitment: Hash32) -> Call {
	Call::new("Verification", "commit", (task, commitment))
}

/// `verification.reveal` (signed by the device): the result, its output proof
/// (`depin_primitives::output_proof`) and the salt of the commitment; with the `output`
/// only when this reveal completes the result's quorum (it then verifies the task).
pub fn reveal(
	task: TaskId,
	result: ExecResult,
	proof: Hash32,
	salt: Salt,
	output: Option<Vec<u8>>,
) -> Call {
	Call::new("Verification", "reveal", (task, result, proof, salt, output))
}

/// `verification.publish_output`: the output of a task's result that has a quorum.
pub fn publish_output(task: TaskId, output: Vec<u8>) -> Call {
	Call::new("Verification", "publish_output", (task, output))
}

/// `system.set_code`.
fn set_code_only(code: Vec<u8>) -> Call {
	Call::new("System", "set_code", code)
}

/// `sudo.sudo_unchecked_weight(system.set_code(code))`: a runtime upgrade, signed by the
/// sudo key. `set_code` alone weighs a whole block; the sudo call charges none of it.
pub fn set_code(code: Vec<u8>) -> Call {
	// A zero `Weight`: its `ref_time` and `proof_size` are compact integers.
	let zero_weight = (Compact(0u64), Compact(0u64)).encode();
	Call {
		pallet: "Sudo",
		name: "sudo_unchecked_weight",
		args: vec![Arg::Call(set_code_only(code)), Arg::Encoded(zero_weight)],
	}
}

/// `rewards.claim`.
pub fn claim() -> Call {
	Call::new("Rewards", "claim", ())
}

/// `blobs.store`: one chunk of data, kept in the block's body.
pub fn store_chunk(data: Vec<u8>) -> Call {
	Call::new("Blobs", "store", data)
}

/// `blobs.set_retention_period` (root only: wrap it in [`sudo`]).
pub fn set_retention_period(period: u32) -> Call {
	Call::new("Blobs", "set_retention_period", period)
}

/// `sudo.sudo(call)`: `call` dispatched as root, signed by the sudo key.
pub fn sudo(call: Call) -> Call {
	Call { pallet: "Sudo", name: "sudo", args: vec![Arg::Call(call)] }
}

/// `blobs.renew`: keep a stored chunk for another retention period.
pub fn renew_chunk(hash: Hash32) -> Call {
	Call::new("Blobs", "renew", hash)
}

/// One call of every constructor, for tests.
#[cfg(any(test, feature = "test-helpers"))]
pub fn samples() -> Vec<Call> {
	let account = AccountId::new([3; 32]);
	let spec = DeviceSpec {
		cores: 2,
		memory_mib: 512,
		fuel_per_second: 5_000_000_000,
		executor_version: depin_primitives::EXECUTOR_VERSION,
		determinism_class: 1,
	};
	let consent = Signature::Sr25519(sp_core::sr25519::Signature::from_raw([9; 64]));
	let params = TaskParams {
		max_fuel: 1_000_000,
		fuel_price: 1,
		replicas: 3,
		memory_mib: 16,
		deadline: 100,
		portable: false,
	};
	let result = ExecResult { exit: 0, output_hash: [5; 32], fuel_used: 1_234 };
	vec![
		register_device(account.clone(), spec, consent),
		update_spec(account.clone(), spec),
		heartbeat(),
		pause(account.clone()),
		resume(account.clone()),
		deregister(account.clone()),
		top_up_bond(account.clone()),
		withdraw_bond(account.clone()),
		set_ask(account.clone(), 1_000),
		upload_program(vec![0, 97, 115, 109]),
		remove_program([4; 32]),
		submit_task([7; 32], vec![1, 2, 3], params),
		submit_stored_task([7; 32], vec![4, 5, 6], params, 1 << 20),
		submit_sourced_task(
			[7; 32],
			depin_primitives::BlobRef { manifest: [8; 32], size: 9 },
			vec![b"https://example.com/{hash}".to_vec()],
			params,
			0,
		),
		report_input_unavailable(6),
		cancel_task(5),
		bump_task(5, 2_000),
		decline_task(6),
		transfer(account, 1_000_000_000_000),
		commit(7, [8; 32]),
		reveal(7, result, [2; 32], [1; 32], None),
		reveal(7, result, [2; 32], [1; 32], Some(b"out".to_vec())),
		publish_output(7, b"out".to_vec()),
		set_code(vec![0, 97, 115, 109, 1, 0, 0, 0]),
		claim(),
		store_chunk(b"chunk".to_vec()),
		renew_chunk([6; 32]),
		sudo(set_retention_period(100)),
	]
}
