//! Behaviour of stored data: every call, every error, the proof and the pruning.

use crate::{
	mock::*, BlockChunks, ChunkInfo, Chunks, Error, Event, LastIndexedExtrinsic, Payers,
	PruneCursor, RetentionPeriod,
};
use depin_primitives::{ChunkPayment, KeptChunk, StoredData};
use frame_support::{
	assert_noop, assert_ok,
	inherent::ProvideInherent,
	traits::{fungible::Inspect, Hooks},
};
use sp_inherents::InherentData;
use sp_runtime::DispatchError;
use sp_transaction_storage_proof::{registration::build_proof, TransactionStorageProof};

fn data(len: usize, seed: u8) -> Vec<u8> {
	(0..len).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)).collect()
}

fn hash(data: &[u8]) -> [u8; 32] {
	sp_io::hashing::blake2_256(data)
}

/// Moves to the next extrinsic of the block.
fn next_extrinsic() {
	let next = LastIndexedExtrinsic::<Test>::get().map_or(0, |i| i + 1);
	System::set_extrinsic_index(next);
}

fn store(who: AccountId, data: Vec<u8>) -> frame_support::dispatch::DispatchResult {
	Blobs::store(RuntimeOrigin::signed(who), data)
}

/// Stores `data` from `who` as the next extrinsic of the block.
fn store_next(who: AccountId, data: Vec<u8>) -> frame_support::dispatch::DispatchResult {
	next_extrinsic();
	store(who, data)
}

fn paid_by(payer: AccountId, renewed: bool) -> ChunkPayment<AccountId> {
	ChunkPayment { payer, renewed, repaid: false }
}

fn proof_for(block_data: &[Vec<u8>], parent: sp_core::H256) -> TransactionStorageProof {
	build_proof(parent.as_ref(), block_data.to_vec()).unwrap().unwrap()
}

#[test]
fn store_keeps_the_chunk_and_charges_per_byte() {
	new_test_ext().execute_with(|| {
		let chunk = data(700, 1);
		assert_ok!(store_next(1, chunk.clone()));
		let h = hash(&chunk);
		assert_eq!(Chunks::<Test>::get(h), Some(ChunkInfo { size: 700, block: 1, index: 0 }));
		assert_eq!(Payers::<Test>::get(h), Some(paid_by(1, false)), "who is paid back for it");
		let recorded = BlockChunks::<Test>::get(1);
		assert_eq!(recorded.len(), 1);
		assert_eq!(recorded[0].hash, h);
		assert_eq!(recorded[0].block_pieces, 3, "700 bytes are three 256-byte pieces");
		assert_eq!(Balances::balance(&1), 100_000 - 700 * BYTE_FEE);
		assert_eq!(Balances::balance(&TREASURY), 1 + 700 * BYTE_FEE);
		System::assert_last_event(
			Event::Stored { who: 1, hash: h, size: 700, kept_until: 1 + RETENTION }.into(),
		);
		assert_ok!(store_next(2, data(300, 2)));
		assert_eq!(BlockChunks::<Test>::get(1)[1].block_pieces, 5);
		Blobs::do_try_state().unwrap();
	});
}

#[test]
fn store_refuses_bad_chunks_without_changing_state() {
	new_test_ext().execute_with(|| {
		next_extrinsic();
		assert_noop!(store(1, vec![]), Error::<Test>::EmptyChunk);
		next_extrinsic();
		assert_noop!(store(1, data(MAX_CHUNK as usize + 1, 0)), Error::<Test>::ChunkTooLarge);
		next_extrinsic();
		assert_noop!(store(3, data(10, 0)), Error::<Test>::InsufficientBalance);
		assert_ok!(Blobs::store(RuntimeOrigin::signed(1), data(10, 0)));
		assert_noop!(
			Blobs::store(RuntimeOrigin::signed(1), data(10, 1)),
			Error::<Test>::OnePerExtrinsic
		);
		next_extrinsic();
		assert_noop!(store(2, data(10, 0)), Error::<Test>::AlreadyStored);
		assert_noop!(Blobs::store(RuntimeOrigin::none(), data(10, 5)), DispatchError::BadOrigin);
	});
}

#[test]
fn store_outside_an_extrinsic_is_refused() {
	new_test_ext().execute_with(|| {
		frame_support::storage::unhashed::kill(sp_core::storage::well_known_keys::EXTRINSIC_INDEX);
		assert_noop!(
			Blobs::store(RuntimeOrigin::signed(1), data(10, 0)),
			Error::<Test>::NoExtrinsic
		);
	});
}

#[test]
fn a_tiny_chunk_pays_for_the_minimum_and_filling_a_block_with_them_costs_its_bytes() {
	new_test_ext().execute_with(|| {
		let minimum = MIN_CHARGED as Balance * BYTE_FEE;
		assert_eq!(Blobs::fee_for(1), minimum);
		assert_eq!(Blobs::fee_for(MIN_CHARGED + 1), minimum + BYTE_FEE);
		for seed in 0..MAX_BLOCK_CHUNKS as u8 {
			assert_ok!(store_next(1, data(1, seed)));
		}
		// What the block's chunk slots cost with one-byte chunks is what its slots cost
		// with chunks of `MinChargedBytes`.
		assert_eq!(Balances::balance(&1), 100_000 - MAX_BLOCK_CHUNKS as Balance * minimum);
		assert_eq!(Balances::balance(&TREASURY), 1 + MAX_BLOCK_CHUNKS as Balance * minimum);
		run_to(1 + RETENTION / 2);
		assert_ok!(Blobs::renew(RuntimeOrigin::signed(2), hash(&data(1, 0))));
		assert_eq!(Balances::balance(&2), 100_000 - minimum, "a renewal pays the minimum too");
	});
}

#[test]
fn a_full_block_refuses_more_chunks() {
	new_test_ext().execute_with(|| {
		for seed in 0..MAX_BLOCK_CHUNKS as u8 {
			assert_ok!(store_next(1, data(10, seed)));
		}
		let balance = Balances::balance(&1);
		next_extrinsic();
		assert_noop!(store(1, data(10, 99)), Error::<Test>::BlockFull);
		assert_eq!(Balances::balance(&1), balance);
		run_to(2);
		assert_ok!(store_next(1, data(10, 99)));
	});
}

#[test]
fn renew_extends_the_chunk_and_survives_the_first_block() {
	new_test_ext().execute_with(|| {
		let chunk = data(500, 7);
		let h = hash(&chunk);
		assert_ok!(store_next(1, chunk));
		assert_noop!(Blobs::renew(RuntimeOrigin::signed(2), h), Error::<Test>::AlreadyStored);
		run_to(4);
		assert_ok!(Blobs::renew(RuntimeOrigin::signed(2), h));
		assert_eq!(Balances::balance(&2), 100_000 - 500 * BYTE_FEE);
		assert_eq!(Chunks::<Test>::get(h), Some(ChunkInfo { size: 500, block: 4, index: 0 }));
		assert_eq!(Payers::<Test>::get(h), Some(paid_by(2, true)), "the renewer paid last");
		System::assert_last_event(
			Event::Renewed { who: 2, hash: h, kept_until: 4 + RETENTION }.into(),
		);
		// Block 1's records go at block 1 + RETENTION + 1; the renewed chunk stays.
		run_to(1 + RETENTION + 1);
		assert!(!BlockChunks::<Test>::contains_key(1));
		assert!(Chunks::<Test>::contains_key(h));
		run_to(4 + RETENTION + 1);
		assert!(!Chunks::<Test>::contains_key(h));
		assert!(!Payers::<Test>::contains_key(h), "forgotten with the chunk");
		Blobs::do_try_state().unwrap();
		assert_noop!(Blobs::renew(RuntimeOrigin::signed(2), h), Error::<Test>::UnknownChunk);
	});
}

#[test]
fn renew_refuses_unknown_and_unpaid_chunks() {
	new_test_ext().execute_with(|| {
		assert_noop!(Blobs::renew(RuntimeOrigin::signed(1), [9; 32]), Error::<Test>::UnknownChunk);
		let chunk = data(100, 3);
		assert_ok!(store_next(1, chunk.clone()));
		run_to(1 + RETENTION / 2);
		assert_noop!(
			Blobs::renew(RuntimeOrigin::signed(3), hash(&chunk)),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn an_expired_chunk_can_be_stored_again() {
	new_test_ext().execute_with(|| {
		let chunk = data(64, 4);
		assert_ok!(store_next(1, chunk.clone()));
		// Kept through block 1 + RETENTION, pruned at the block after.
		run_to(1 + RETENTION);
		next_extrinsic();
		assert_noop!(store(1, chunk.clone()), Error::<Test>::AlreadyStored);
		run_to(2 + RETENTION);
		assert!(Chunks::<Test>::get(hash(&chunk)).is_none());
		assert_ok!(store_next(1, chunk));
	});
}

#[test]
fn the_proof_of_the_right_piece_is_accepted_once() {
	new_test_ext().execute_with(|| {
		let stored = vec![data(700, 1), data(1024, 2), data(3, 3)];
		for chunk in &stored {
			assert_ok!(store_next(1, chunk.clone()));
		}
		let due = 1 + RETENTION;
		run_to(due - 1);
		assert!(Blobs::proof_target(due - 1).is_none());
		// At the parent's state, the next block needs a proof.
		assert!(Blobs::is_inherent_required(&InherentData::new()).unwrap().is_some());
		run_to(due);
		let proof = proof_for(&stored, parent_of(due));
		assert_ok!(Blobs::check_proof(RuntimeOrigin::none(), proof.clone()));
		System::assert_last_event(Event::Proved { stored_at: 1 }.into());
		assert_noop!(
			Blobs::check_proof(RuntimeOrigin::none(), proof.clone()),
			Error::<Test>::DoubleProof
		);
		assert_noop!(Blobs::check_proof(RuntimeOrigin::signed(1), proof), DispatchError::BadOrigin);
	});
}

#[test]
fn a_proof_of_other_data_or_another_piece_is_refused() {
	new_test_ext().execute_with(|| {
		let stored = vec![data(1024, 1), data(1024, 2)];
		for chunk in &stored {
			assert_ok!(store_next(1, chunk.clone()));
		}
		let due = 1 + RETENTION;
		run_to(due);
		let other = proof_for(&[data(1024, 9), data(1024, 8)], parent_of(due));
		assert_noop!(Blobs::check_proof(RuntimeOrigin::none(), other), Error::<Test>::InvalidProof);
		// A true proof of a piece the parent hash did not select.
		let right = proof_for(&stored, parent_of(due));
		let wrong = (0u8..=255)
			.map(|b| proof_for(&stored, sp_core::H256::repeat_byte(b)))
			.find(|p| p.chunk != right.chunk)
			.unwrap();
		assert_noop!(Blobs::check_proof(RuntimeOrigin::none(), wrong), Error::<Test>::InvalidProof);
		let mut tampered = right.clone();
		tampered.chunk[0] ^= 1;
		assert_noop!(
			Blobs::check_proof(RuntimeOrigin::none(), tampered),
			Error::<Test>::InvalidProof
		);
		assert_ok!(Blobs::check_proof(RuntimeOrigin::none(), right));
	});
}

#[test]
fn no_proof_is_due_where_nothing_was_stored() {
	new_test_ext().execute_with(|| {
		run_to(1 + RETENTION);
		assert!(Blobs::is_inherent_required(&InherentData::new()).unwrap().is_none());
		let proof = proof_for(&[data(10, 1)], parent_of(1 + RETENTION));
		assert_noop!(
			Blobs::check_proof(RuntimeOrigin::none(), proof),
			Error::<Test>::UnexpectedProof
		);
	});
}

#[test]
fn the_inherent_carries_the_proof_of_the_inherent_data() {
	new_test_ext().execute_with(|| {
		let mut inherent_data = InherentData::new();
		assert!(Blobs::create_inherent(&inherent_data).is_none());
		let proof = proof_for(&[data(10, 1)], parent_of(2));
		inherent_data.put_data(sp_transaction_storage_proof::INHERENT_IDENTIFIER, &proof).unwrap();
		let call = Blobs::create_inherent(&inherent_data).unwrap();
		assert!(Blobs::is_inherent(&call));
		assert_eq!(call, crate::Call::check_proof { proof });
	});
}

#[test]
fn records_leave_state_after_the_retention_period() {
	new_test_ext().execute_with(|| {
		let chunk = data(10, 1);
		assert_ok!(store_next(1, chunk.clone()));
		run_to(1 + RETENTION);
		assert!(BlockChunks::<Test>::contains_key(1));
		run_to(2 + RETENTION);
		assert!(!BlockChunks::<Test>::contains_key(1));
		assert!(!Chunks::<Test>::contains_key(hash(&chunk)));
		assert_eq!(PruneCursor::<Test>::get(), 2);
	});
}

#[test]
fn a_shortened_period_is_caught_up_two_blocks_at_a_time() {
	new_test_ext().execute_with(|| {
		for n in 1..=4 {
			run_to(n);
			assert_ok!(store_next(1, data(10, n as u8)));
		}
		assert_ok!(Blobs::set_retention_period(RuntimeOrigin::root(), 1));
		System::assert_last_event(Event::RetentionPeriodSet { period: 1 }.into());
		run_to(5);
		assert_eq!(PruneCursor::<Test>::get(), 2, "two blocks pruned at block 5");
		assert!(!BlockChunks::<Test>::contains_key(1));
		assert!(BlockChunks::<Test>::contains_key(2));
		run_to(6);
		assert_eq!(PruneCursor::<Test>::get(), 4);
		assert!(BlockChunks::<Test>::contains_key(4), "block 4 is within the period at 6");
		assert_eq!(Chunks::<Test>::iter().count(), 1);
	});
}

#[test]
fn only_root_sets_a_positive_retention_period() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Blobs::set_retention_period(RuntimeOrigin::signed(1), 10),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Blobs::set_retention_period(RuntimeOrigin::root(), 0),
			Error::<Test>::ZeroRetention
		);
		assert_ok!(Blobs::set_retention_period(RuntimeOrigin::root(), 10));
		assert_eq!(RetentionPeriod::<Test>::get(), 10);
	});
}

#[test]
fn the_hook_clears_the_per_block_markers() {
	new_test_ext().execute_with(|| {
		assert_ok!(store_next(1, data(10, 1)));
		assert!(LastIndexedExtrinsic::<Test>::get().is_some());
		Blobs::on_finalize(1);
		assert!(LastIndexedExtrinsic::<Test>::get().is_none());
		assert!(!crate::ProofChecked::<Test>::get());
	});
}

#[test]
fn nobody_takes_over_a_chunk_s_payment_in_the_first_half_of_its_period() {
	new_test_ext().execute_with(|| {
		// A device stores a chunk of its task's output; someone renews it at once, to be
		// the payer the task pays back (a renewal costs less than a store's 2 MiB of block
		// length): refused until half a period has passed.
		let chunk = data(300, 5);
		let h = hash(&chunk);
		assert_ok!(store_next(1, chunk));
		let renewable_from = 1 + RETENTION / 2;
		let kept = <Blobs as StoredData<AccountId, u64, Balance>>::kept(&h);
		let expected =
			KeptChunk { size: 300, stored_at: 1, renewable_from, kept_until: 1 + RETENTION };
		assert_eq!(kept, Some(expected));
		for block in 2..renewable_from {
			run_to(block);
			next_extrinsic();
			assert_noop!(Blobs::renew(RuntimeOrigin::signed(2), h), Error::<Test>::RenewedTooSoon);
		}
		assert_eq!(Payers::<Test>::get(h), Some(paid_by(1, false)));
		run_to(renewable_from);
		next_extrinsic();
		assert_ok!(Blobs::renew(RuntimeOrigin::signed(2), h));
		assert_eq!(Payers::<Test>::get(h), Some(paid_by(2, true)));
	});
}

#[test]
fn a_payment_is_claimed_back_once_and_only_for_a_store_since_the_block_asked() {
	new_test_ext().execute_with(|| {
		type Data = Blobs;
		let claim =
			|h, since| <Data as StoredData<AccountId, u64, Balance>>::claim_repayment(h, since);
		let chunk = data(200, 6);
		let h = hash(&chunk);
		assert_eq!(claim(&h, 0), None, "not kept");
		run_to(3);
		assert_ok!(store_next(1, chunk));
		assert_eq!(claim(&h, 4), None, "stored before the block asked");
		assert_eq!(claim(&h, 3), Some(paid_by(1, false)));
		assert_eq!(claim(&h, 3), None, "paid back already");
		assert_eq!(Payers::<Test>::get(h).map(|p| (p.payer, p.repaid)), Some((1, true)));
		// A renewal is a new payment, paid back once in turn.
		run_to(3 + RETENTION / 2);
		next_extrinsic();
		assert_ok!(Blobs::renew(RuntimeOrigin::signed(2), h));
		assert_eq!(claim(&h, 3), Some(paid_by(2, true)));
		assert_eq!(claim(&h, 3), None);
		Blobs::do_try_state().unwrap();
	});
}

#[test]
fn the_pool_refuses_blobs_transactions_certain_to_fail() {
	new_test_ext().execute_with(|| {
		use crate::{refusal_code, Call};
		let refusal = |call: Call<Test>| Blobs::refusal(&call).map(<&'static str>::from);
		let chunk = data(100, 8);
		let h = hash(&chunk);
		assert_eq!(refusal(Call::store { data: chunk.clone() }), None);
		assert_eq!(refusal(Call::store { data: vec![] }), Some("EmptyChunk"));
		let large = vec![0; MAX_CHUNK as usize + 1];
		assert_eq!(refusal(Call::store { data: large }), Some("ChunkTooLarge"));
		assert_eq!(refusal(Call::renew { hash: h }), Some("UnknownChunk"));
		assert_ok!(store_next(1, chunk.clone()));
		// Whoever raced the sender to store these bytes: the sender's copy is refused.
		assert_eq!(refusal(Call::store { data: chunk }), Some("AlreadyStored"));
		run_to(2);
		assert_eq!(refusal(Call::renew { hash: h }), Some("RenewedTooSoon"));
		run_to(1 + RETENTION / 2);
		assert_eq!(refusal(Call::renew { hash: h }), None);
		assert_eq!(refusal(Call::set_retention_period { period: 0 }), None, "not ours to judge");
		assert_eq!(refusal_code(&Error::<Test>::AlreadyStored), 178);
		assert_eq!(refusal_code(&Error::<Test>::UnknownChunk), 179);
		assert_eq!(refusal_code(&Error::<Test>::RenewedTooSoon), 188);
	});
}
