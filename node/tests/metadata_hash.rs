//! `CheckMetadataHash` as a hardware wallet or Polkadot Vault uses it: the signer computes
//! the metadata digest (RFC 78) from the chain's metadata and signs it along with the
//! transaction; the runtime's Wasm embeds the same hash, so the transaction is valid. A
//! signer whose metadata differs is refused.

use codec::{Decode, Encode};
use depin_client::rpc::params;
use depin_runtime::{Address, Hash, RuntimeCall, Signature, SignedPayload, UncheckedExtrinsic};
use depin_testkit::{NodeConfig, TestNode};
use frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
use merkleized_metadata::{generate_metadata_digest, ExtraInfo};
use serde_json::Value;
use sp_core::{crypto::Pair, sr25519};
use sp_runtime::generic::Era;

fn hex_arg(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

fn from_hex(s: &str) -> Vec<u8> {
	hex::decode(s.trim_start_matches("0x")).unwrap()
}

/// The digest a wallet computes from the chain's metadata v15 and its token.
async fn wallet_digest(node: &TestNode) -> [u8; 32] {
	let raw: String = node
		.rpc
		.call("state_call", params!["Metadata_metadata_at_version", hex_arg(&15u32.encode())])
		.await
		.unwrap();
	let bytes = Option::<Vec<u8>>::decode(&mut &from_hex(&raw)[..]).unwrap().unwrap();
	let metadata = RuntimeMetadataPrefixed::decode(&mut &bytes[..]).unwrap().1;
	assert!(matches!(metadata, RuntimeMetadata::V15(_)));
	let version: Value = node.rpc.call("state_getRuntimeVersion", params![]).await.unwrap();
	let extra = ExtraInfo {
		spec_version: version["specVersion"].as_u64().unwrap() as u32,
		spec_name: version["specName"].as_str().unwrap().into(),
		base58_prefix: 42,
		decimals: 12,
		token_symbol: "DPN".into(),
	};
	generate_metadata_digest(&metadata, extra).unwrap().hash()
}

/// A transfer from Alice signed as a wallet signs it, with `metadata_hash`.
async fn wallet_transfer(node: &TestNode, metadata_hash: [u8; 32]) -> String {
	let alice = sr25519::Pair::from_string("//Alice", None).unwrap();
	let bob = sr25519::Pair::from_string("//Bob", None).unwrap();
	let version: Value = node.rpc.call("state_getRuntimeVersion", params![]).await.unwrap();
	let genesis: Hash = node.rpc.call("chain_getBlockHash", params![0u32]).await.unwrap();
	let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: Address::Id(bob.public().into()),
		value: 1_000_000_000_000,
	});
	let ext = depin_runtime::tx_extension(Era::Immortal, 0, true);
	let implicit = (
		(),
		version["specVersion"].as_u64().unwrap() as u32,
		version["transactionVersion"].as_u64().unwrap() as u32,
		genesis,
		genesis,
		(),
		(),
		(),
		Some(metadata_hash),
		(),
	);
	let payload = SignedPayload::from_raw(call.clone(), ext.clone(), implicit);
	let signature = payload.using_encoded(|bytes| alice.sign(bytes));
	let xt = UncheckedExtrinsic::new_signed(
		call,
		Address::Id(alice.public().into()),
		Signature::Sr25519(signature),
		ext,
	);
	hex_arg(&xt.encode())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wallet_signing_the_metadata_hash_is_accepted_and_one_with_other_metadata_refused() {
	let node = TestNode::start(NodeConfig::dev(250)).await;
	let digest = wallet_digest(&node).await;

	// Other metadata (another hash): the signature covers what the runtime does not have.
	let wrong = wallet_transfer(&node, [7; 32]).await;
	let refused = node.rpc.call::<Hash>("author_submitExtrinsic", params![wrong]).await;
	let error = format!("{:?}", refused.expect_err("a transaction signed over other metadata"));
	assert!(error.contains("bad signature"), "{error}");

	let right = wallet_transfer(&node, digest).await;
	let accepted: Result<Hash, _> = node.rpc.call("author_submitExtrinsic", params![right]).await;
	assert!(accepted.is_ok(), "{accepted:?}");
}
