//! Tasks on stored inputs: what submission checks, the transfer time devices get, and what
//! leaves state with the task.

use super::*;
use depin_primitives::{data::content_hash, BlobRef, Manifest};

/// 2 500 bytes in chunks of 1 000: three chunks, three blocks of transfer at 1 000 B/s.
fn blob() -> Vec<u8> {
	(0..2_500u32).map(|i| (i % 251) as u8).collect()
}

/// Submits a task on `manifest` with standby capacity for it.
fn submit_stored(who: AccountId, program: ProgramId, manifest: Vec<u8>, p: TaskParams<Balance>) {
	standby_devices(p.replicas as u64);
	assert_ok!(Market::submit_stored_task(RuntimeOrigin::signed(who), program, manifest, p, 0));
}

#[test]
fn a_task_on_a_kept_blob_holds_a_reference_and_gives_devices_its_transfer_time() {
	test(|| {
		three_devices();
		let id = upload(1, 1);
		let manifest = keep_blob(&blob(), 1_000, 1_000);
		// The same task on an inline input, for the commit deadline without transfer.
		let inline = submit(2, id, params(1));
		submit_stored(2, id, manifest.clone(), params(1));
		let stored = inline + 1;
		let reference = BlobRef { manifest: content_hash(&manifest), size: 2_500 };
		assert_eq!(StoredInputs::<Test>::get(stored), Some(reference));
		assert_eq!(Market::stored_input(stored), Some(reference));
		assert_eq!(TaskInputs::<Test>::get(stored).unwrap().len(), 0);
		assert_eq!(task(stored).transfer_blocks, 3);
		// The deposit pays for the 40-byte reference, not the blob.
		assert_eq!(task(stored).deposit, TASK_DEPOSIT_BASE + 40);
		run_to(2);
		let commit_by = |t| task(t).slots[0].commit_by;
		assert_eq!(commit_by(stored), commit_by(inline) + 3);
	});
}

#[test]
fn a_blob_that_is_not_kept_whole_through_the_deadline_is_refused_without_side_effects() {
	test(|| {
		let id = upload(1, 1);
		standby_devices(1);
		let data = blob();
		let deadline_at = 1 + params(1).deadline as u64;
		let submit_on = |manifest: Vec<u8>, p: TaskParams<Balance>| {
			Market::submit_stored_task(RuntimeOrigin::signed(2), id, manifest, p, 0)
		};
		assert_noop!(submit_on(b"not a manifest".to_vec(), params(1)), Error::<Test>::BadManifest);
		// Nothing of it is kept.
		let listed = Manifest::of(&data, 1_000).to_bytes();
		assert_noop!(submit_on(listed.clone(), params(1)), Error::<Test>::InputNotStored);
		// Every chunk but the last.
		let manifest = keep_blob(&data, 1_000, deadline_at);
		let last = *Manifest::from_bytes(&manifest).unwrap().chunks.last().unwrap();
		KEPT.with(|k| k.borrow_mut().remove(&last));
		assert_noop!(submit_on(manifest.clone(), params(1)), Error::<Test>::InputNotStored);
		// The last chunk kept with another size than the manifest lists.
		keep_chunk(last, 1_000, deadline_at);
		assert_noop!(submit_on(manifest.clone(), params(1)), Error::<Test>::InputNotStored);
		// Kept, but one block short of the deadline.
		keep_blob(&data, 1_000, deadline_at - 1);
		assert_noop!(submit_on(manifest.clone(), params(1)), Error::<Test>::InputExpiresTooSoon);
		// More chunks than `MaxBlobChunks`.
		let many = keep_blob(&data, 100, deadline_at);
		assert_noop!(submit_on(many, params(1)), Error::<Test>::TooManyInputChunks);
		// A deadline that leaves no round after the transfer (3 blocks, in the commit
		// deadline and again in the reveal window).
		keep_blob(&data, 1_000, 10_000);
		let short = TaskParams { deadline: 35, ..params(1) };
		assert_noop!(submit_on(manifest.clone(), short), Error::<Test>::InvalidDeadline);
		assert_ok!(submit_on(manifest, TaskParams { deadline: 36, ..params(1) }));
	});
}

#[test]
fn a_stored_input_leaves_state_with_its_task() {
	test(|| {
		let id = upload(1, 1);
		submit_stored(2, id, keep_blob(&blob(), 1_000, 1_000), params(1));
		assert_ok!(Market::cancel_task(RuntimeOrigin::signed(2), 0));
		run_to(1 + RETENTION);
		assert!(Tasks::<Test>::get(0).is_none());
		assert!(StoredInputs::<Test>::get(0).is_none());
		assert!(TaskInputs::<Test>::get(0).is_none());
	});
}
