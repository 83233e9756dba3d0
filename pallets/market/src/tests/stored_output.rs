//! Tasks whose output is a blob: the storage fee held at submission, the time the
//! publisher gets, what publication checks and pays, and what leaves state with the task.

use super::*;
use depin_primitives::{
	data::{content_hash, output_manifest, MAX_CHUNK_LEN},
	StoredData, TaskId,
};

/// A 1 000-byte input kept until block 10 000: one block of transfer at 1 000 B/s.
fn input_manifest() -> Vec<u8> {
	keep_blob(&[5u8; 1_000], 1_000, 10_000)
}

/// Submits a task of `replicas` on a stored input with an output blob of at most
/// `output_limit` bytes, and takes it to its reveal window; returns it and its devices.
fn revealing_blob_task(replicas: u8, output_limit: u64) -> (TaskId, Vec<AccountId>) {
	three_devices();
	let id = upload(1, 1);
	standby_devices(replicas as u64);
	let p = params(replicas);
	let manifest = input_manifest();
	assert_ok!(Market::submit_stored_task(RuntimeOrigin::signed(2), id, manifest, p, output_limit));
	let t = Counters::<Test>::get().next_task_id - 1;
	run_to(2);
	let devices = devices_of(t);
	for d in &devices {
		assert_ok!(Market::record_commit(t, d));
	}
	(t, devices)
}

/// Stores `output` as the chain would (chunks of `MAX_CHUNK_LEN`), kept through `until`,
/// paid for by `UPLOADER`; returns its manifest's bytes and the result naming it.
fn stored_output(output: &[u8], until: u64) -> (Vec<u8>, ExecResult) {
	let manifest = keep_blob_by(output, MAX_CHUNK_LEN, until, Some(UPLOADER));
	assert_eq!(manifest, output_manifest(output).to_bytes());
	let result = ExecResult { exit: 0, output_hash: content_hash(&manifest), fuel_used: 100 };
	(manifest, result)
}

#[test]
fn an_output_blob_holds_its_storage_fee_and_lengthens_the_reveal_window() {
	test(|| {
		let (t, _) = revealing_blob_task(1, 3_000);
		let info = task(t);
		let fee = MockData::blob_fee(3_000);
		// One chunk of 3 000 bytes and its manifest of one hash, at 2 per byte, and a
		// quarter more for fees that rise before publication.
		assert_eq!(fee, STORE_BYTE_FEE * (3_000 + 18 + 32));
		assert_eq!(Market::output_fee(3_000), fee + fee / 4);
		assert_eq!(info.escrow, 2_000 + fee + fee / 4);
		assert_eq!(escrow_held(2), 2_000 + fee + fee / 4);
		assert_eq!(OutputLimits::<Test>::get(t), Some((3_000, fee + fee / 4)));
		assert_eq!(Market::output_limit(t), Some(3_000));
		// 1 000 bytes in and 3 000 out at 1 000 B/s: 4 blocks, in the commit deadline and
		// again in the reveal window.
		assert_eq!(info.transfer_blocks, 4);
		assert_eq!(info.reveal_deadline, Some(2 + REVEAL_WINDOW + 4));
		// The deposit pays for the input's reference, the limit and its fee (8 bytes each).
		assert_eq!(info.deposit, TASK_DEPOSIT_BASE + 40 + 16);
	});
}

#[test]
fn publishing_an_output_blob_pays_back_whoever_stored_it_not_the_publisher() {
	test(|| {
		let (t, devices) = revealing_blob_task(1, 3_000);
		let output = vec![9u8; 2_500];
		let (manifest, result) = stored_output(&output, 2 + RETENTION);
		let dapp_before = Balances::balance(&2);
		// Anyone may publish the manifest of a blob `UPLOADER` stored: it earns nothing.
		assert_ok!(Market::verified(t, result, manifest.clone(), &PUBLISHER));
		let fee = MockData::blob_fee(2_500);
		assert_eq!(Balances::balance(&PUBLISHER), 0, "copying the manifest earns nothing");
		assert_eq!(Balances::balance(&UPLOADER), fee);
		System::assert_has_event(
			Event::StorageRepaid { task: t, payer: UPLOADER, amount: fee }.into(),
		);
		System::assert_has_event(
			Event::OutputBlobStored {
				task: t,
				publisher: PUBLISHER,
				manifest: content_hash(&manifest),
				size: 2_500,
				fee,
			}
			.into(),
		);
		// The manifest is the output kept in state.
		assert_eq!(Market::output(t), Some(manifest.clone()));
		assert_eq!(Market::pay(t, &devices[0], 100).map(|p| p.amount), Ok(200));
		assert_ok!(Market::close(t));
		// The rest of the fee held for 3 000 bytes goes back with the unspent fuel escrow;
		// the manifest's output deposit stays held until pruning.
		let held = 2_000 + Market::output_fee(3_000);
		let deposit = OutputDepositPerByte::get() * manifest.len() as Balance;
		assert_eq!(Balances::balance(&2), dapp_before + held - fee - 200 - deposit);
		assert_eq!(task(t).paid, fee + 200);
		run_to(2 + RETENTION);
		assert!(OutputLimits::<Test>::get(t).is_none());
		assert!(Tasks::<Test>::get(t).is_none());
	});
}

#[test]
fn each_chunk_is_paid_back_what_its_own_payer_spent_and_a_chunk_of_no_known_payer_to_nobody() {
	test(|| {
		let (t, devices) = revealing_blob_task(1, 3_000);
		let output = vec![7u8; 2_500];
		let listed = output_manifest(&output);
		let (manifest, result) = stored_output(&output, 2 + RETENTION);
		let name = content_hash(&manifest);
		// The device renewed the chunk after `UPLOADER` stored it (a renewal costs less
		// than a store); nobody known stored the manifest.
		renew_chunk_by(listed.chunks[0], 2 + RETENTION, devices[0]);
		keep_chunk(name, manifest.len() as u32, 2 + RETENTION);
		let before = Balances::balance(&devices[0]);
		assert_ok!(Market::verified(t, result, manifest.clone(), &PUBLISHER));
		let renewal = MockData::renew_fee(2_500);
		assert!(renewal < MockData::fee(2_500));
		assert_eq!(Balances::balance(&devices[0]), before + renewal, "what it spent, no more");
		assert_eq!((Balances::balance(&UPLOADER), Balances::balance(&PUBLISHER)), (0, 0));
		assert_eq!(task(t).paid, renewal);
	});
}

#[test]
fn payers_are_owed_in_account_order_and_each_payment_once() {
	test(|| {
		run_to(2);
		// Output chunks of 1 000 bytes: the first two are the same chunk.
		let output = vec![7u8; 2_500];
		let manifest = keep_blob_by(&output, 1_000, 2 + RETENTION, Some(UPLOADER));
		let listed = depin_primitives::Manifest::from_bytes(&manifest).unwrap();
		assert_eq!(listed.chunks[0], listed.chunks[1]);
		let name = content_hash(&manifest);
		keep_chunk_by(listed.chunks[2], 500, 2 + RETENTION, Some(PUBLISHER));
		let owed = Market::claim_storage_owed(&name, manifest.len(), &listed, 2);
		let uploader = MockData::fee(1_000) + MockData::fee(manifest.len() as u32);
		assert_eq!(
			owed.into_iter().collect::<Vec<_>>(),
			vec![(PUBLISHER, MockData::fee(500)), (UPLOADER, uploader)],
			"in account order; the chunk listed twice was stored, and is owed, once"
		);
		// Claimed: another output listing the same chunks owes nothing.
		assert!(Market::claim_storage_owed(&name, manifest.len(), &listed, 2).is_empty());
	});
}

#[test]
fn chunks_kept_from_before_the_reveal_window_are_taken_and_owed_to_nobody() {
	test(|| {
		// Stored at block 1, before the task's reveal window opened (block 2), by someone
		// who stored the same bytes for another reason: still kept long enough, so the
		// device need not store it again, and the task owes that payment nothing.
		let output = vec![3u8; 2_500];
		let (manifest, result) = stored_output(&output, 1 + 2 * RETENTION);
		let (t, _) = revealing_blob_task(1, 3_000);
		assert_ok!(Market::verified(t, result, manifest, &PUBLISHER));
		assert_eq!(Balances::balance(&UPLOADER), 0);
		assert_eq!(task(t).paid, 0);
	});
}

#[test]
fn an_output_blob_that_is_not_kept_stored_too_early_or_too_large_verifies_nothing() {
	test(|| {
		let (t, _) = revealing_blob_task(1, 3_000);
		let retention_end = 2 + RETENTION;
		let publish = |manifest: &Vec<u8>| {
			let result =
				ExecResult { exit: 0, output_hash: content_hash(manifest), fuel_used: 100 };
			Market::verified(t, result, manifest.clone(), &PUBLISHER)
		};
		// Not a manifest.
		assert_noop!(publish(&b"not a manifest".to_vec()), Error::<Test>::OutputNotKept);
		// Nothing of it kept.
		let output = vec![9u8; 2_500];
		let listed = output_manifest(&output).to_bytes();
		assert_noop!(publish(&listed), Error::<Test>::OutputNotKept);
		// The manifest kept, its chunk not.
		stored_output(&output, retention_end);
		let chunk = output_manifest(&output).chunks[0];
		KEPT.with(|k| k.borrow_mut().remove(&chunk));
		assert_noop!(publish(&listed), Error::<Test>::OutputNotKept);
		// Kept, but its chunk due for renewal: it may leave the chain before the dApp
		// fetches it, and anyone may have renewed it to take its payment over.
		stored_output(&output, retention_end);
		KEPT.with(|k| k.borrow_mut().get_mut(&chunk).unwrap().0.renewable_from = 2);
		assert_noop!(publish(&listed), Error::<Test>::OutputStoredTooEarly);
		// Kept whole, but larger than the task's limit.
		let (large, _) = stored_output(&vec![9u8; 3_001], retention_end);
		assert_noop!(publish(&large), Error::<Test>::OutputTooLarge);
		// Kept whole and stored since the window opened: published blocks later (as the
		// blob is stored before it is published), up to the block before it is due.
		run_to(3);
		let (manifest, _) = stored_output(&output, 3 + RETENTION);
		run_to(3 + RETENTION / 2 - 1);
		System::set_block_number(3 + RETENTION / 2);
		assert_noop!(publish(&manifest), Error::<Test>::OutputStoredTooEarly);
		System::set_block_number(3 + RETENTION / 2 - 1);
		assert_ok!(publish(&manifest));
		assert_eq!(Balances::balance(&UPLOADER), MockData::blob_fee(2_500));
	});
}

#[test]
fn an_output_limit_above_the_most_chunks_or_its_transfer_time_is_refused() {
	test(|| {
		let id = upload(1, 1);
		standby_devices(1);
		let submit = |deadline: u32, limit: u64| {
			let p = TaskParams { deadline, ..params(1) };
			Market::submit_stored_task(RuntimeOrigin::signed(2), id, input_manifest(), p, limit)
		};
		let most = MAX_BLOB_CHUNKS as u64 * MAX_CHUNK_LEN as u64;
		assert_noop!(submit(1_000, most + 1), Error::<Test>::InvalidOutputLimit);
		// 1 000 bytes in and 484 001 out: 486 blocks of transfer at 1 000 B/s, twice, leave
		// 28 of the longest deadline (1 000), and a round needs 30.
		assert_noop!(submit(1_000, 484_001), Error::<Test>::InvalidDeadline);
		assert_ok!(submit(1_000, 484_000));
		assert_eq!(task(0).transfer_blocks, 485);
	});
}

#[test]
fn an_output_kept_in_state_pays_no_publisher() {
	test(|| {
		let (t, _) = revealing_blob_task(1, 0);
		assert_eq!(task(t).escrow, 2_000);
		assert!(OutputLimits::<Test>::get(t).is_none());
		assert_ok!(Market::verified(t, result_for(b"42", 100), b"42".to_vec(), &PUBLISHER));
		assert_eq!(Balances::balance(&PUBLISHER), 0);
	});
}
