//! The result of running a job, and the commitment a device publishes before revealing it.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

use crate::Hash32;

/// What a device computed: compared bit for bit between replicas.
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
pub struct ExecResult {
	/// Exit value (see [`crate::exit`]).
	pub exit: u32,
	/// `blake2_256` of the job's stdout.
	#[cfg_attr(feature = "std", serde(with = "crate::serde_hex"))]
	pub output_hash: Hash32,
	/// Fuel consumed, at most the task's `max_fuel`.
	pub fuel_used: u64,
}

/// Random salt hiding a result inside its commitment.
pub type Salt = [u8; 32];

/// Domain tag of commitments: a commitment of this chain's protocol can never be mistaken
/// for a hash made for any other purpose. Version 2 binds the device's output proof.
pub const COMMITMENT_DOMAIN: &[u8; 16] = b"depin/commit/v2\0";

/// Domain tag of output keys (see [`output_key`]).
pub const OUTPUT_KEY_DOMAIN: &[u8; 16] = b"depin/outkey/v1\0";

/// Domain tag of output proofs (see [`output_proof`]).
pub const OUTPUT_PROOF_DOMAIN: &[u8; 16] = b"depin/proof/v1\0\0";

/// The commitment of `device` to `result` in `task`, with its output proof `proof`:
/// `blake2_256(COMMITMENT_DOMAIN ‖ SCALE(task) ‖ SCALE(result) ‖ proof ‖ salt ‖
/// SCALE(device))`. Binding the task and the device stops a commitment (and its later
/// reveal) from being replayed in another task or by another device; binding the proof
/// stops a device from committing to a result whose output it does not hold.
pub fn commitment<AccountId: Encode>(
	task: crate::TaskId,
	result: &ExecResult,
	proof: &Hash32,
	salt: &Salt,
	device: &AccountId,
) -> Hash32 {
	let mut data = COMMITMENT_DOMAIN.to_vec();
	task.encode_to(&mut data);
	result.encode_to(&mut data);
	data.extend_from_slice(proof);
	data.extend_from_slice(salt);
	device.encode_to(&mut data);
	sp_crypto_hashing::blake2_256(&data)
}

/// The key of an output: `blake2_256(OUTPUT_KEY_DOMAIN ‖ output)`. Unlike
/// [`output_hash`], which every reveal publishes, nobody can compute it without the
/// output's bytes, and the chain learns it only when the verified output is published.
pub fn output_key(output: &[u8]) -> Hash32 {
	let mut data = OUTPUT_KEY_DOMAIN.to_vec();
	data.extend_from_slice(output);
	sp_crypto_hashing::blake2_256(&data)
}

/// What `device` proves it held the output with `key` in `task`:
/// `blake2_256(OUTPUT_PROOF_DOMAIN ‖ SCALE(task) ‖ key ‖ SCALE(device))`. A device
/// reveals it with its result; once the verified output is published the chain checks
/// it. A device that copied a revealed result (it sees only `output_hash`) cannot make it.
pub fn output_proof<AccountId: Encode>(
	task: crate::TaskId,
	key: &Hash32,
	device: &AccountId,
) -> Hash32 {
	let mut data = OUTPUT_PROOF_DOMAIN.to_vec();
	task.encode_to(&mut data);
	data.extend_from_slice(key);
	device.encode_to(&mut data);
	sp_crypto_hashing::blake2_256(&data)
}

/// `blake2_256` of job output.
pub fn output_hash(output: &[u8]) -> Hash32 {
	sp_crypto_hashing::blake2_256(output)
}
