//! What `depin-client` encodes is what this runtime decodes, and what this runtime emits
//! is what the client reads: the client has no dependency on this crate (it works from
//! the pinned metadata), so these tests hold the two together.

use codec::{Decode, Encode};
use depin_client::{
	calls,
	compat::{ChainMetadata, PINNED},
	events::{self, StaticEvent},
	types::Phase,
	Signer,
};
use depin_runtime::{
	Address, Hash, Runtime, RuntimeCall, RuntimeEvent, SignedPayload, TxExtension,
	UncheckedExtrinsic,
};
use sp_runtime::{generic::Preamble, traits::Verify, MultiSignature};

fn chain() -> ChainMetadata {
	ChainMetadata::decode(100, PINNED).expect("the pinned metadata decodes")
}

#[test]
fn every_call_the_client_sends_decodes_as_the_runtimes_call() {
	let chain = chain();
	for call in calls::samples() {
		let bytes = chain.call_bytes(&call).unwrap();
		let decoded = RuntimeCall::decode(&mut &bytes[..])
			.unwrap_or_else(|e| panic!("{call} does not decode: {e}"));
		assert_eq!(decoded.encode(), bytes, "{call}: not all bytes were read");
	}
}

#[test]
fn calls_carry_the_arguments_given() {
	let chain = chain();
	let dest = sp_runtime::AccountId32::new([9; 32]);
	let bytes = chain.call_bytes(&calls::transfer(dest.clone(), 1_234)).unwrap();
	assert_eq!(
		RuntimeCall::decode(&mut &bytes[..]).unwrap(),
		RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: dest.into(),
			value: 1_234
		})
	);
	let bytes = chain.call_bytes(&calls::set_code(vec![1, 2, 3])).unwrap();
	assert_eq!(
		RuntimeCall::decode(&mut &bytes[..]).unwrap(),
		RuntimeCall::Sudo(pallet_sudo::Call::sudo_unchecked_weight {
			call: Box::new(RuntimeCall::System(frame_system::Call::set_code {
				code: vec![1, 2, 3]
			})),
			weight: Default::default(),
		})
	);
	let bytes = chain.call_bytes(&calls::commit(7, [8; 32])).unwrap();
	assert_eq!(
		RuntimeCall::decode(&mut &bytes[..]).unwrap(),
		RuntimeCall::Verification(pallet_verification::Call::commit {
			task: 7,
			commitment: [8; 32]
		})
	);
}

/// What the client signs is what the runtime decodes and verifies, for a short payload
/// (signed as is) and a long one (signed as its hash).
#[test]
fn a_signed_transaction_is_what_the_runtime_decodes_and_verifies() {
	let signer = Signer::from_suri("//Alice").unwrap();
	for code_len in [0usize, 1_000] {
		let call = chain().call_bytes(&calls::upload_program(vec![7; code_len])).unwrap();
		let ext = depin_client::tx::extensions(3, 40);
		let v = depin_client::client::Versions { spec_version: 100, transaction_version: 2 };
		let (genesis, checkpoint) = (Hash::repeat_byte(1), Hash::repeat_byte(2));
		let implicit = depin_client::tx::implicit(v, genesis, checkpoint, None);
		let bytes = depin_client::tx::signed_extrinsic(&signer, &call, &ext, &implicit);

		let xt = UncheckedExtrinsic::decode(&mut &bytes[..]).unwrap();
		assert_eq!(xt.function.encode(), call);
		let Preamble::Signed(Address::Id(who), MultiSignature::Sr25519(sig), decoded_ext) =
			xt.preamble
		else {
			panic!("not a signed transaction")
		};
		assert_eq!(&who, signer.account());
		assert_eq!(decoded_ext.encode(), ext);
		// The runtime's own implicit part, from its own types.
		let runtime_implicit = (
			(),
			v.spec_version,
			v.transaction_version,
			genesis,
			checkpoint,
			(),
			(),
			(),
			None::<[u8; 32]>,
			(),
		);
		assert_eq!(runtime_implicit.encode(), implicit);
		let ext = TxExtension::decode(&mut &ext[..]).unwrap();
		let payload = SignedPayload::from_raw(xt.function, ext, runtime_implicit);
		let valid =
			payload.using_encoded(|p| MultiSignature::Sr25519(sig).verify(p, signer.account()));
		assert!(valid, "{code_len}-byte program: the signature does not verify");
	}
}

/// `event`, emitted by the runtime, read by the client as `E`.
fn read<E: StaticEvent>(event: RuntimeEvent) -> E {
	let record = frame_system::EventRecord {
		phase: frame_system::Phase::ApplyExtrinsic(2),
		event,
		topics: vec![Hash::repeat_byte(3)],
	};
	let events = chain().events(&vec![record].encode()).unwrap();
	assert!(events.skipped.is_empty(), "{:?}", events.skipped);
	let [read] = &events.records[..] else { panic!("one event") };
	assert_eq!(read.phase, Phase::ApplyExtrinsic(2));
	assert_eq!(read.topics, vec![Hash::repeat_byte(3)]);
	read.as_event::<E>().unwrap_or_else(|| panic!("{}.{}", E::PALLET, E::EVENT))
}

#[test]
fn the_events_the_client_reads_are_the_runtimes() {
	let who = sp_runtime::AccountId32::new([1; 32]);
	let e: events::TaskSubmitted =
		read(RuntimeEvent::Market(pallet_market::Event::TaskSubmitted {
			task: 4,
			submitter: who.clone(),
			program: [5; 32],
			escrow: 6,
			deposit: 7,
		}));
	assert_eq!(
		(e.task, e.submitter.clone(), e.program, e.escrow, e.deposit),
		(4, who.clone(), [5; 32], 6, 7)
	);
	let e: events::DevicePaid = read(RuntimeEvent::Market(pallet_market::Event::DevicePaid {
		task: 4,
		device: who.clone(),
		owner: who.clone(),
		fuel_used: 8,
		amount: 9,
		fee: 1,
		points: 2,
	}));
	assert_eq!((e.task, e.fuel_used, e.amount, e.fee, e.points), (4, 8, 9, 1, 2));
	let e: events::TransactionFeePaid = read(RuntimeEvent::TransactionPayment(
		pallet_transaction_payment::Event::TransactionFeePaid {
			who: who.clone(),
			actual_fee: 11,
			tip: 1,
		},
	));
	assert_eq!((e.actual_fee, e.tip), (11, 1));
	let error = sp_runtime::DispatchError::BadOrigin;
	let e: events::ExtrinsicFailed =
		read(RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
			dispatch_error: error,
			dispatch_info: Default::default(),
		}));
	assert_eq!(e.dispatch_error, error);
	let e: events::Sudid =
		read(RuntimeEvent::Sudo(pallet_sudo::Event::Sudid { sudo_result: Err(error) }));
	assert_eq!(e.sudo_result, Err(error));
	let result = depin_primitives::ExecResult { exit: 1, output_hash: [2; 32], fuel_used: 3 };
	let e: events::TaskVerified =
		read(RuntimeEvent::Verification(pallet_verification::Event::TaskVerified {
			task: 4,
			result,
			agreeing: 2,
		}));
	assert_eq!((e.task, e.result, e.agreeing), (4, result, 2));
	let e: events::RewardsClaimed =
		read(RuntimeEvent::Rewards(pallet_rewards::Event::RewardsClaimed {
			owner: who,
			amount: 5,
		}));
	assert_eq!(e.amount, 5);
}

#[test]
fn the_account_record_the_client_reads_is_the_runtimes() {
	let info: frame_system::AccountInfo<
		depin_runtime::Nonce,
		pallet_balances::AccountData<depin_runtime::Balance>,
	> = frame_system::AccountInfo {
		nonce: 1,
		consumers: 2,
		providers: 3,
		sufficients: 4,
		data: pallet_balances::AccountData {
			free: 5,
			reserved: 6,
			frozen: 7,
			flags: Default::default(),
		},
	};
	let read = depin_client::types::AccountInfo::decode(&mut &info.encode()[..]).unwrap();
	assert_eq!((read.nonce, read.data.free, read.data.reserved, read.data.frozen), (1, 5, 6, 7));
	// The client's storage keys are the runtime's.
	let who = sp_runtime::AccountId32::new([1; 32]);
	assert_eq!(
		depin_client::client::map_key("System", "Account", &who),
		frame_system::Account::<Runtime>::hashed_key_for(&who)
	);
	assert_eq!(
		depin_client::client::map_key("Devices", "Registrations", &who),
		pallet_devices::Registrations::<Runtime>::hashed_key_for(&who)
	);
	assert_eq!(
		depin_client::client::value_key("Balances", "TotalIssuance"),
		pallet_balances::TotalIssuance::<Runtime>::hashed_key().to_vec()
	);
}
