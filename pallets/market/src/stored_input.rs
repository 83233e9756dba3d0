//! Inputs the chain keeps as blobs: what a task may name instead of carrying its input,
//! and the time devices are given to fetch it.

use depin_primitives::{data::content_hash, BlobRef, Manifest, StoredData};
use frame_support::{ensure, traits::Get};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::DispatchError;

use crate::pallet::{Config, Error, Pallet};

impl<T: Config> Pallet<T> {
	/// Checks that `manifest` names a blob the chain keeps, whole and with the sizes it
	/// lists, through block `until`; returns its reference. Reads one record per chunk.
	pub(crate) fn check_stored_input(
		manifest: &[u8],
		until: BlockNumberFor<T>,
	) -> Result<BlobRef, DispatchError> {
		ensure!(
			depin_primitives::data::manifest_chunks(manifest.len()) <= T::MaxInputChunks::get(),
			Error::<T>::TooManyInputChunks
		);
		let listed = Manifest::from_bytes(manifest).map_err(|_| Error::<T>::BadManifest)?;
		ensure!(
			listed.chunks.len() as u64 <= T::MaxInputChunks::get() as u64,
			Error::<T>::TooManyInputChunks
		);
		let name = content_hash(manifest);
		Self::ensure_kept(&name, manifest.len() as u64, until)?;
		for (index, chunk) in listed.chunks.iter().enumerate() {
			let range = listed.chunk_range(index);
			Self::ensure_kept(chunk, range.end - range.start, until)?;
		}
		Ok(listed.blob_ref())
	}

	/// That the chunk `hash` is kept with `size` bytes through block `until`.
	fn ensure_kept(
		hash: &depin_primitives::ContentHash,
		size: u64,
		until: BlockNumberFor<T>,
	) -> Result<(), DispatchError> {
		let (kept_size, kept_until) = T::Data::kept(hash).ok_or(Error::<T>::InputNotStored)?;
		ensure!(kept_size as u64 == size, Error::<T>::InputNotStored);
		ensure!(kept_until >= until, Error::<T>::InputExpiresTooSoon);
		Ok(())
	}

	/// Blocks a device is given to fetch `size` bytes: the size at `MinTransferRate`, in
	/// blocks of `MinBlockTimeMs`, rounded up; 0 for nothing to fetch.
	pub fn transfer_blocks(size: u64) -> u32 {
		let bytes_per_block =
			(T::MinTransferRate::get() as u128 * T::MinBlockTimeMs::get() as u128 / 1000).max(1);
		(size as u128).div_ceil(bytes_per_block).min(u32::MAX as u128) as u32
	}
}
