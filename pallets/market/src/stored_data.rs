//! Data the chain keeps as blobs for tasks: inputs a task names instead of carrying them,
//! outputs stored instead of kept in state, the time devices are given to move them, and
//! what storing an output costs.

use depin_primitives::{
	data::{content_hash, MAX_CHUNK_LEN},
	BlobRef, ContentHash, Manifest, StoredData,
};
use frame_support::{ensure, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError,
};

use crate::{
	pallet::{Config, Error, Pallet},
	BalanceOf,
};

/// Why a manifest does not name a blob the chain keeps as long as needed.
enum BlobFault {
	/// It lists more than `MaxBlobChunks` chunks.
	TooManyChunks,
	/// It does not decode.
	BadManifest,
	/// It or one of its chunks is not kept, or kept with another size.
	NotKept,
	/// It or one of its chunks leaves the chain too early.
	ExpiresTooSoon,
	/// It or one of its chunks was stored or last renewed so long ago that it is due for
	/// renewal: anyone may renew it, and take over its payment.
	StoredTooEarly,
}

impl<T: Config> Pallet<T> {
	/// Checks that `manifest` names a blob the chain keeps, whole and with the sizes it
	/// lists, through block `until`; returns its reference. Reads one record per chunk.
	pub(crate) fn check_stored_input(
		manifest: &[u8],
		until: BlockNumberFor<T>,
	) -> Result<BlobRef, DispatchError> {
		Self::check_kept_blob(manifest, until, false)
			.map_err(|fault| {
				match fault {
					BlobFault::TooManyChunks => Error::<T>::TooManyInputChunks,
					BlobFault::BadManifest => Error::<T>::BadManifest,
					BlobFault::NotKept | BlobFault::StoredTooEarly => Error::<T>::InputNotStored,
					BlobFault::ExpiresTooSoon => Error::<T>::InputExpiresTooSoon,
				}
				.into()
			})
			.map(|listed| listed.blob_ref())
	}

	/// Checks that `manifest`, a task's published output, names a blob of at most `limit`
	/// bytes that the chain keeps, every chunk of it (the manifest too) not yet due for
	/// renewal: each is kept at least half a retention period more for the dApp to fetch,
	/// and nobody could have taken its payment over since it was stored. Returns the blob's
	/// listing. Reads one record per chunk.
	pub(crate) fn check_output_blob(
		manifest: &[u8],
		limit: u64,
	) -> Result<Manifest, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let listed = Self::check_kept_blob(manifest, now, true).map_err(|fault| match fault {
			BlobFault::TooManyChunks => Error::<T>::OutputTooLarge,
			BlobFault::StoredTooEarly => Error::<T>::OutputStoredTooEarly,
			_ => Error::<T>::OutputNotKept,
		})?;
		ensure!(listed.size <= limit, Error::<T>::OutputTooLarge);
		Ok(listed)
	}

	/// Checks that `manifest` names a blob the chain keeps through block `until`, and, if
	/// `not_due`, whose chunks are not due for renewal yet; returns its listing.
	fn check_kept_blob(
		manifest: &[u8],
		until: BlockNumberFor<T>,
		not_due: bool,
	) -> Result<Manifest, BlobFault> {
		ensure!(
			depin_primitives::data::manifest_chunks(manifest.len()) <= T::MaxBlobChunks::get(),
			BlobFault::TooManyChunks
		);
		let listed = Manifest::from_bytes(manifest).map_err(|_| BlobFault::BadManifest)?;
		ensure!(
			listed.chunks.len() as u64 <= T::MaxBlobChunks::get() as u64,
			BlobFault::TooManyChunks
		);
		let kept = |hash: &ContentHash, size| Self::ensure_kept(hash, size, until, not_due);
		kept(&content_hash(manifest), manifest.len() as u64)?;
		for (index, chunk) in listed.chunks.iter().enumerate() {
			let range = listed.chunk_range(index);
			kept(chunk, range.end - range.start)?;
		}
		Ok(listed)
	}

	/// That the chunk `hash` is kept with `size` bytes through block `until` and, if
	/// `not_due`, not due for renewal now.
	fn ensure_kept(
		hash: &ContentHash,
		size: u64,
		until: BlockNumberFor<T>,
		not_due: bool,
	) -> Result<(), BlobFault> {
		let chunk = T::Data::kept(hash).ok_or(BlobFault::NotKept)?;
		ensure!(chunk.size as u64 == size, BlobFault::NotKept);
		ensure!(chunk.kept_until >= until, BlobFault::ExpiresTooSoon);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(!not_due || now < chunk.renewable_from, BlobFault::StoredTooEarly);
		Ok(())
	}

	/// Claims what keeping each chunk of the output blob `listed` (named `name`, whose
	/// manifest is `manifest_len` bytes) cost the account that stored it or last renewed it,
	/// at block `since` or later (for the task whose reveal window opened then):
	/// `StoredData::fee` of the chunk's size for a store, `renew_fee` for a renewal. Each
	/// payment is claimed once (`StoredData::claim_repayment`): a chunk listed twice, or by
	/// another output too, is paid back once. Owed by account, at most `MaxBlobChunks` + 1;
	/// a chunk whose payer is not known, or kept since before `since`, is owed to nobody.
	/// Reads and writes one record per chunk.
	pub(crate) fn claim_storage_owed(
		name: &ContentHash,
		manifest_len: usize,
		listed: &Manifest,
		since: BlockNumberFor<T>,
	) -> alloc::collections::BTreeMap<T::AccountId, BalanceOf<T>> {
		let mut owed = alloc::collections::BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let sizes = (0..listed.chunks.len()).map(|index| {
			let range = listed.chunk_range(index);
			(&listed.chunks[index], (range.end - range.start) as u32)
		});
		for (hash, size) in core::iter::once((name, manifest_len as u32)).chain(sizes) {
			if let Some(payment) = T::Data::claim_repayment(hash, since) {
				let fee =
					if payment.renewed { T::Data::renew_fee(size) } else { T::Data::fee(size) };
				owed.entry(payment.payer).and_modify(|o| o.saturating_accrue(fee)).or_insert(fee);
			}
		}
		owed
	}

	/// The largest output blob a task may ask for: `MaxBlobChunks` full chunks.
	pub fn max_output_blob() -> u64 {
		u64::from(T::MaxBlobChunks::get()).saturating_mul(u64::from(MAX_CHUNK_LEN))
	}

	/// The storage fee a task with an output blob of at most `limit` bytes holds in its
	/// escrow (nothing for 0: no output blob): what storing that many bytes costs now, and a
	/// quarter more, so that the device that stores it is paid back in full (`blob_fee` of
	/// the output's size, at the fees of the day) unless transaction fees rise by more than
	/// that before the output is published.
	pub fn output_fee(limit: u64) -> BalanceOf<T> {
		if limit == 0 {
			return Zero::zero();
		}
		let fee = T::Data::blob_fee(limit);
		fee.saturating_add(fee / 4u32.into())
	}

	/// Blocks a device is given to move `size` bytes: the size at `MinTransferRate`, in
	/// blocks of `MinBlockTimeMs`, rounded up; 0 for nothing to move.
	pub fn transfer_blocks(size: u64) -> u32 {
		let bytes_per_block =
			(T::MinTransferRate::get() as u128 * T::MinBlockTimeMs::get() as u128 / 1000).max(1);
		(size as u128).div_ceil(bytes_per_block).min(u32::MAX as u128) as u32
	}
}
