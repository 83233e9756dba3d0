//! # Blobs
//!
//! Content-addressed data kept by the chain itself, in block bodies rather than in state.
//!
//! - [`Pallet::store`] carries one chunk (at most `MaxChunkLen` bytes) and marks it as an
//!   **indexed transaction** (`sp_io::transaction_index`): every node keeps the chunk's bytes
//!   under their `blake2_256` hash beside the block, and serves them (`depin_blob`). State
//!   keeps only where each chunk is ([`Chunks`]) and, for each block of the retention
//!   period, what it indexed ([`BlockChunks`]). A blob of any size is its chunks plus a
//!   manifest stored the same way ([`depin_primitives::Manifest`]).
//! - A chunk is kept for [`RetentionPeriod`] blocks after the block that stored or last
//!   renewed it; [`Pallet::renew`] extends it by another period, from half a period after
//!   the last store or renewal on. Both pay `ByteFee` per byte (one period's keep; a chunk
//!   pays for at least `MinChargedBytes`) to `FeeDestination`, besides the transaction's
//!   length fee. Filling a block's chunk slots with tiny chunks so costs what filling its
//!   bytes does.
//! - **Who paid** for each kept chunk is recorded ([`Payers`]) so that a task whose output
//!   blob lists the chunk pays it back, once. The first half of a period nobody else can
//!   take the payment over by renewing: a task's device that stored its output is the one
//!   paid back.
//! - **Transactions certain to fail are refused before they pay** ([`Pallet::refusal`],
//!   checked where the runtime charges fees): storing a chunk that is kept, renewing one
//!   that is not kept or not due. Whoever copies a chunk from the pool and stores it first
//!   costs the original sender nothing.
//! - **Storage proofs** make block authors keep the data: the author of block `n` must
//!   include [`Pallet::check_proof`], a trie proof of one 256-byte piece of the chunks
//!   indexed at block `n − RetentionPeriod`, the piece chosen by the parent block's hash
//!   (`sp_transaction_storage_proof`; the node builds it from its own database). A block that
//!   needs a proof and lacks it fails the inherent check on import; a wrong proof fails the
//!   mandatory call. An author that dropped the data cannot author.
//! - State stays bounded: a block indexes at most `MaxBlockChunks` chunks, and
//!   `on_initialize` forgets the records of blocks older than the retention period, at most
//!   [`PRUNE_BLOCKS_PER_BLOCK`] blocks at a time (a shortened period catches up gradually).
//!
//! The SDK's `pallet-transaction-storage` is not published for this SDK release (it is
//! `publish = false` in polkadot-sdk), so this pallet implements the same mechanism on the
//! SDK's own host functions and proof crate, with deposits in our currency and typed errors.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
mod proof;
#[cfg(test)]
mod tests;
pub mod weights;

pub use weights::WeightInfo;

use codec::{Decode, Encode, MaxEncodedLen};
use depin_primitives::{ChunkPayment, ContentHash};
use frame_support::traits::fungible;
use scale_info::TypeInfo;

/// Balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// The IPFS codec of a chunk's bytes: `raw` (a chunk is opaque bytes).
pub const RAW_CID_CODEC: u64 = 0x55;

/// Blocks whose records one `on_initialize` forgets at most.
pub const PRUNE_BLOCKS_PER_BLOCK: u32 = 2;

/// The first `InvalidTransaction::Custom` code of a refused blobs transaction
/// ([`Pallet::refusal`]); the code is this plus the index of the [`Error`] the call would
/// fail with (`AlreadyStored` → 178, `UnknownChunk` → 179, `RenewedTooSoon` → 188).
pub const REFUSAL_CODE_BASE: u8 = 0xB0;

/// The `InvalidTransaction::Custom` code of a transaction refused for `error`.
pub fn refusal_code<T>(error: &Error<T>) -> u8 {
	REFUSAL_CODE_BASE.saturating_add(error.encode().first().copied().unwrap_or_default())
}

/// One chunk indexed by a block, as the storage proof of that block needs it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct IndexedChunk {
	/// The chunk's hash (its name).
	pub hash: ContentHash,
	/// Root of the trie of the chunk's 256-byte pieces (keys: compact piece index).
	pub pieces_root: [u8; 32],
	/// The chunk's size in bytes.
	pub size: u32,
	/// Pieces indexed by the block up to and including this chunk.
	pub block_pieces: u32,
	/// The extrinsic that stored or renewed it.
	pub extrinsic: u32,
}

/// Where a stored chunk is.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct ChunkInfo<BlockNumber> {
	/// Its size in bytes.
	pub size: u32,
	/// The block that stored or last renewed it.
	pub block: BlockNumber,
	/// Its position among that block's [`IndexedChunk`]s.
	pub index: u32,
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate},
			tokens::Preservation,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{One, Saturating, Zero};
	use sp_transaction_storage_proof::{
		InherentError, TransactionStorageProof, TransactionStorageProofInherentData,
		INHERENT_IDENTIFIER,
	};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of stored data.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency fees are paid in.
		type Currency: Inspect<Self::AccountId> + Mutate<Self::AccountId>;

		/// Receives the storage fees.
		type FeeDestination: Get<Self::AccountId>;

		/// Fee per byte stored or renewed, for one retention period.
		#[pallet::constant]
		type ByteFee: Get<BalanceOf<Self>>;

		/// Largest chunk, in bytes.
		#[pallet::constant]
		type MaxChunkLen: Get<u32>;

		/// Most chunks one block stores or renews.
		#[pallet::constant]
		type MaxBlockChunks: Get<u32>;

		/// Fewest bytes a chunk pays for: the data a block can carry divided by
		/// `MaxBlockChunks`. Filling a block's chunk slots with tiny chunks then
		/// costs as much as filling its bytes, and each chunk's record in state is paid for.
		#[pallet::constant]
		type MinChargedBytes: Get<u32>;

		/// The retention period until root sets another.
		#[pallet::constant]
		type DefaultRetentionPeriod: Get<BlockNumberFor<Self>>;

		/// Weights of the calls and the hook.
		type WeightInfo: WeightInfo;
	}

	#[pallet::type_value]
	pub fn DefaultRetention<T: Config>() -> BlockNumberFor<T> {
		T::DefaultRetentionPeriod::get()
	}

	/// Blocks a chunk is kept after the block that stored or renewed it.
	#[pallet::storage]
	pub type RetentionPeriod<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, DefaultRetention<T>>;

	/// Where each kept chunk is, by hash.
	#[pallet::storage]
	pub type Chunks<T: Config> =
		StorageMap<_, Blake2_128Concat, ContentHash, ChunkInfo<BlockNumberFor<T>>>;

	/// The account that stored each kept chunk, or last renewed it, and whether a task's
	/// output blob paid that back. Removed with the chunk's [`Chunks`] record.
	#[pallet::storage]
	pub type Payers<T: Config> =
		StorageMap<_, Blake2_128Concat, ContentHash, ChunkPayment<T::AccountId>>;

	/// The chunks each block of the retention period stored or renewed, in extrinsic order.
	#[pallet::storage]
	pub type BlockChunks<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<IndexedChunk, T::MaxBlockChunks>,
		ValueQuery,
	>;

	/// The oldest block whose [`BlockChunks`] may still be kept.
	#[pallet::storage]
	pub type PruneCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// Whether this block checked its storage proof (cleared at the end of the block).
	#[pallet::storage]
	pub type ProofChecked<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// The extrinsic that last indexed data in this block (cleared at the end of the block):
	/// one indexed chunk per extrinsic.
	#[pallet::storage]
	pub type LastIndexedExtrinsic<T: Config> = StorageValue<_, u32, OptionQuery>;

	/// Events of stored data.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A chunk was stored.
		Stored {
			/// Who paid.
			who: T::AccountId,
			/// The chunk's hash.
			hash: ContentHash,
			/// Its size in bytes.
			size: u32,
			/// The last block it is kept to.
			kept_until: BlockNumberFor<T>,
		},
		/// A chunk's retention was extended.
		Renewed {
			/// Who paid.
			who: T::AccountId,
			/// The chunk's hash.
			hash: ContentHash,
			/// The last block it is now kept to.
			kept_until: BlockNumberFor<T>,
		},
		/// The block author proved it keeps the chunks stored at `stored_at`.
		Proved {
			/// The block whose chunks were proved.
			stored_at: BlockNumberFor<T>,
		},
		/// Root set a new retention period.
		RetentionPeriodSet {
			/// Blocks a chunk is kept after it was stored or renewed.
			period: BlockNumberFor<T>,
		},
	}

	/// Errors of stored data.
	#[pallet::error]
	pub enum Error<T> {
		/// A chunk must have at least one byte.
		EmptyChunk,
		/// The chunk is larger than `MaxChunkLen`.
		ChunkTooLarge,
		/// A chunk with this hash is already kept; renew it instead.
		AlreadyStored,
		/// No chunk with this hash is kept.
		UnknownChunk,
		/// This block already stores or renews `MaxBlockChunks` chunks; try the next.
		BlockFull,
		/// One extrinsic stores or renews one chunk.
		OnePerExtrinsic,
		/// Called outside of an extrinsic.
		NoExtrinsic,
		/// The caller cannot pay the storage fee.
		InsufficientBalance,
		/// The retention period must be at least one block.
		ZeroRetention,
		/// This block already checked its storage proof.
		DoubleProof,
		/// No proof is due in this block.
		UnexpectedProof,
		/// The proof does not prove the chosen piece.
		InvalidProof,
		/// The chunk was stored or renewed less than half a retention period ago: it is
		/// kept long enough, and renewing it is possible from `KeptChunk::renewable_from`.
		RenewedTooSoon,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::prune(now)
		}

		fn on_finalize(_now: BlockNumberFor<T>) {
			ProofChecked::<T>::kill();
			LastIndexedExtrinsic::<T>::kill();
		}

		fn integrity_test() {
			assert!(T::MaxChunkLen::get() > 0, "MaxChunkLen must be positive");
			assert!(T::MaxBlockChunks::get() > 0, "MaxBlockChunks must be positive");
			assert!(
				T::MinChargedBytes::get() <= T::MaxChunkLen::get(),
				"MinChargedBytes above MaxChunkLen would overcharge every chunk"
			);
			assert!(
				!T::DefaultRetentionPeriod::get().is_zero(),
				"DefaultRetentionPeriod must be positive"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Stores one chunk of data in this block's body, kept for the retention period;
		/// pays `ByteFee` per byte. The chunk must be the last argument of the extrinsic's
		/// call (it is: `data` is this call's only argument), and one extrinsic stores one
		/// chunk.
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::store_weight(data.len() as u32))]
		pub fn store(origin: OriginFor<T>, data: Vec<u8>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!data.is_empty(), Error::<T>::EmptyChunk);
			let size = u32::try_from(data.len()).map_err(|_| Error::<T>::ChunkTooLarge)?;
			ensure!(size <= T::MaxChunkLen::get(), Error::<T>::ChunkTooLarge);
			let hash = sp_io::hashing::blake2_256(&data);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(Self::kept_chunk(&hash, now).is_none(), Error::<T>::AlreadyStored);
			let extrinsic = Self::indexing_extrinsic()?;
			let pieces_root = proof::pieces_root(&data);
			let (index, kept_until) = Self::record(
				&who,
				IndexedChunk { hash, pieces_root, size, block_pieces: 0, extrinsic },
				now,
			)?;
			Chunks::<T>::insert(hash, ChunkInfo { size, block: now, index });
			Payers::<T>::insert(
				hash,
				ChunkPayment { payer: who.clone(), renewed: false, repaid: false },
			);
			// Last: index operations are not rolled back with a failed call.
			sp_io::transaction_index::index(extrinsic, size, hash);
			Self::deposit_event(Event::Stored { who, hash, size, kept_until });
			Ok(())
		}

		/// Keeps a stored chunk for another retention period from this block; pays `ByteFee`
		/// per byte of it. Possible from half a retention period after the chunk was stored or
		/// last renewed: until then nobody can take over its payment.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::renew())]
		pub fn renew(origin: OriginFor<T>, hash: ContentHash) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let now = frame_system::Pallet::<T>::block_number();
			let info = Self::kept_chunk(&hash, now).ok_or(Error::<T>::UnknownChunk)?;
			ensure!(info.block != now, Error::<T>::AlreadyStored);
			ensure!(now >= Self::renewable_from(info.block), Error::<T>::RenewedTooSoon);
			let entry = BlockChunks::<T>::get(info.block)
				.get(info.index as usize)
				.filter(|entry| entry.hash == hash)
				.cloned()
				.ok_or(Error::<T>::UnknownChunk)?;
			let extrinsic = Self::indexing_extrinsic()?;
			let (index, kept_until) = Self::record(&who, IndexedChunk { extrinsic, ..entry }, now)?;
			Chunks::<T>::insert(hash, ChunkInfo { size: info.size, block: now, index });
			Payers::<T>::insert(
				hash,
				ChunkPayment { payer: who.clone(), renewed: true, repaid: false },
			);
			sp_io::transaction_index::renew(extrinsic, hash);
			Self::deposit_event(Event::Renewed { who, hash, kept_until });
			Ok(())
		}

		/// The block author's proof that it keeps the chunks indexed one retention period
		/// ago (an inherent; see the pallet's documentation).
		#[pallet::call_index(2)]
		#[pallet::weight((T::WeightInfo::check_proof(), DispatchClass::Mandatory))]
		pub fn check_proof(origin: OriginFor<T>, proof: TransactionStorageProof) -> DispatchResult {
			ensure_none(origin)?;
			ensure!(!ProofChecked::<T>::get(), Error::<T>::DoubleProof);
			let now = frame_system::Pallet::<T>::block_number();
			let chunks = Self::proof_target(now).ok_or(Error::<T>::UnexpectedProof)?;
			let stored_at = now.saturating_sub(RetentionPeriod::<T>::get());
			let parent = frame_system::Pallet::<T>::parent_hash();
			ensure!(proof::verify(&chunks, parent.as_ref(), &proof), Error::<T>::InvalidProof);
			ProofChecked::<T>::put(true);
			Self::deposit_event(Event::Proved { stored_at });
			Ok(())
		}

		/// Sets the retention period (root). It applies to every kept chunk, counted from the
		/// block that stored or last renewed it.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_retention_period())]
		pub fn set_retention_period(
			origin: OriginFor<T>,
			period: BlockNumberFor<T>,
		) -> DispatchResult {
			ensure_root(origin)?;
			ensure!(!period.is_zero(), Error::<T>::ZeroRetention);
			RetentionPeriod::<T>::put(period);
			Self::deposit_event(Event::RetentionPeriodSet { period });
			Ok(())
		}
	}

	#[pallet::inherent]
	impl<T: Config> ProvideInherent for Pallet<T> {
		type Call = Call<T>;
		type Error = InherentError;
		const INHERENT_IDENTIFIER: InherentIdentifier = INHERENT_IDENTIFIER;

		fn create_inherent(data: &InherentData) -> Option<Self::Call> {
			let proof = data.storage_proof().ok().flatten()?;
			Some(Call::check_proof { proof })
		}

		/// Checked at the parent's state: the block being checked is the next one.
		fn is_inherent_required(_: &InherentData) -> Result<Option<Self::Error>, Self::Error> {
			let next = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
			Ok(Self::proof_target(next).map(|_| InherentError::InvalidProof))
		}

		fn check_inherent(_: &Self::Call, _: &InherentData) -> Result<(), Self::Error> {
			// The call verifies the proof itself.
			Ok(())
		}

		fn is_inherent(call: &Self::Call) -> bool {
			matches!(call, Call::check_proof { .. })
		}
	}

	impl<T: Config> Pallet<T> {
		/// A chunk that is still kept at `now`.
		pub fn kept_chunk(
			hash: &ContentHash,
			now: BlockNumberFor<T>,
		) -> Option<ChunkInfo<BlockNumberFor<T>>> {
			Chunks::<T>::get(hash)
				.filter(|info| info.block.saturating_add(RetentionPeriod::<T>::get()) >= now)
		}

		/// The weight charged for a `store` of `len` bytes: the call, and the check that runs
		/// when the transaction is applied ([`Pallet::refusal`]).
		pub fn store_weight(len: u32) -> Weight {
			T::WeightInfo::store(len).saturating_add(T::WeightInfo::refusal(len))
		}

		/// The first block that may renew a chunk stored or renewed at `stored_at`: half a
		/// retention period later.
		pub fn renewable_from(stored_at: BlockNumberFor<T>) -> BlockNumberFor<T> {
			let half = RetentionPeriod::<T>::get() / 2u32.into();
			stored_at.saturating_add(half)
		}

		/// Why the pool refuses a transaction of `call` before it pays: storing a chunk that
		/// is kept (or empty, or too large), renewing one that is not kept or not due. Such a
		/// call is certain to fail in this block, and a sender that raced another one storing
		/// the same bytes should not pay for losing. `None` for every other call.
		pub fn refusal(call: &Call<T>) -> Option<Error<T>> {
			let now = frame_system::Pallet::<T>::block_number();
			match call {
				Call::store { data } => {
					if data.is_empty() {
						return Some(Error::<T>::EmptyChunk);
					}
					if data.len() > T::MaxChunkLen::get() as usize {
						return Some(Error::<T>::ChunkTooLarge);
					}
					let hash = sp_io::hashing::blake2_256(data);
					Self::kept_chunk(&hash, now).map(|_| Error::<T>::AlreadyStored)
				}
				Call::renew { hash } => match Self::kept_chunk(hash, now) {
					None => Some(Error::<T>::UnknownChunk),
					Some(info) if now < Self::renewable_from(info.block) => {
						Some(Error::<T>::RenewedTooSoon)
					}
					Some(_) => None,
				},
				_ => None,
			}
		}

		/// The chunks `block` stored or renewed, while it is within the retention period (for
		/// `TransactionStorageApi`).
		pub fn indexed_transactions(
			block: BlockNumberFor<T>,
		) -> Vec<sp_transaction_storage_proof::IndexedTransactionInfo> {
			let now = frame_system::Pallet::<T>::block_number();
			if block.saturating_add(RetentionPeriod::<T>::get()) < now {
				return Vec::new();
			}
			BlockChunks::<T>::get(block)
				.into_iter()
				.map(|chunk| sp_transaction_storage_proof::IndexedTransactionInfo {
					content_hash: chunk.hash,
					size: chunk.size,
					hashing: sp_transaction_storage_proof::HashingAlgorithm::Blake2b256,
					cid_codec: RAW_CID_CODEC,
					extrinsic_index: chunk.extrinsic,
				})
				.collect()
		}

		/// The chunks whose proof block `now` owes, if any.
		pub fn proof_target(
			now: BlockNumberFor<T>,
		) -> Option<BoundedVec<IndexedChunk, T::MaxBlockChunks>> {
			let period = RetentionPeriod::<T>::get();
			if now <= period {
				return None;
			}
			let chunks = BlockChunks::<T>::get(now.saturating_sub(period));
			(!chunks.is_empty()).then_some(chunks)
		}

		/// The current extrinsic's index, if it has not indexed a chunk yet.
		fn indexing_extrinsic() -> Result<u32, DispatchError> {
			let extrinsic =
				frame_system::Pallet::<T>::extrinsic_index().ok_or(Error::<T>::NoExtrinsic)?;
			ensure!(
				LastIndexedExtrinsic::<T>::get() != Some(extrinsic),
				Error::<T>::OnePerExtrinsic
			);
			LastIndexedExtrinsic::<T>::put(extrinsic);
			Ok(extrinsic)
		}

		/// What storing or renewing a chunk of `size` bytes costs, besides the transaction's
		/// length fee: `ByteFee` per byte, for at least `MinChargedBytes` bytes.
		pub fn fee_for(size: u32) -> BalanceOf<T> {
			T::ByteFee::get().saturating_mul(size.max(T::MinChargedBytes::get()).into())
		}

		/// Charges the fee for `entry` and appends it to this block's chunks: its position
		/// and the last block it is kept to.
		fn record(
			who: &T::AccountId,
			mut entry: IndexedChunk,
			now: BlockNumberFor<T>,
		) -> Result<(u32, BlockNumberFor<T>), DispatchError> {
			let fee = Self::fee_for(entry.size);
			let mut chunks = BlockChunks::<T>::get(now);
			let before = chunks.last().map_or(0, |last| last.block_pieces);
			entry.block_pieces =
				before.saturating_add(sp_transaction_storage_proof::num_chunks(entry.size));
			let index = chunks.len() as u32;
			chunks.try_push(entry).map_err(|_| Error::<T>::BlockFull)?;
			T::Currency::transfer(who, &T::FeeDestination::get(), fee, Preservation::Preserve)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
			BlockChunks::<T>::insert(now, chunks);
			Ok((index, now.saturating_add(RetentionPeriod::<T>::get())))
		}

		/// Forgets the records of at most [`PRUNE_BLOCKS_PER_BLOCK`] blocks that left the
		/// retention period.
		pub(crate) fn prune(now: BlockNumberFor<T>) -> Weight {
			let period = RetentionPeriod::<T>::get();
			let mut cursor = PruneCursor::<T>::get();
			let mut weight = T::WeightInfo::prune_idle();
			let mut pruned = 0;
			while pruned < PRUNE_BLOCKS_PER_BLOCK && cursor.saturating_add(period) < now {
				let chunks = BlockChunks::<T>::take(cursor);
				for (index, entry) in chunks.iter().enumerate() {
					let here = ChunkInfo { size: entry.size, block: cursor, index: index as u32 };
					if Chunks::<T>::get(entry.hash) == Some(here) {
						Chunks::<T>::remove(entry.hash);
						Payers::<T>::remove(entry.hash);
					}
				}
				weight.saturating_accrue(T::WeightInfo::prune_block(chunks.len() as u32));
				cursor.saturating_inc();
				pruned += 1;
			}
			if pruned > 0 {
				PruneCursor::<T>::put(cursor);
			}
			weight
		}

		/// The invariants of the pallet's storage.
		#[cfg(any(test, feature = "try-runtime"))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let cursor = PruneCursor::<T>::get();
			for (block, chunks) in BlockChunks::<T>::iter() {
				ensure!(block >= cursor, "a block's chunks outlived the prune cursor");
				let mut pieces = 0u32;
				for entry in chunks.iter() {
					pieces =
						pieces.saturating_add(sp_transaction_storage_proof::num_chunks(entry.size));
					ensure!(entry.block_pieces == pieces, "block pieces are not cumulative");
				}
			}
			for (hash, info) in Chunks::<T>::iter() {
				let entry = BlockChunks::<T>::get(info.block).get(info.index as usize).cloned();
				ensure!(
					entry.is_some_and(|e| e.hash == hash && e.size == info.size),
					"a chunk points to no record of its block"
				);
			}
			for hash in Payers::<T>::iter_keys() {
				ensure!(Chunks::<T>::contains_key(hash), "a payer outlived its chunk");
			}
			Ok(())
		}
	}
}

impl<T: Config>
	depin_primitives::StoredData<
		T::AccountId,
		frame_system::pallet_prelude::BlockNumberFor<T>,
		BalanceOf<T>,
	> for Pallet<T>
{
	/// The storage fee only; the runtime adds the transaction's.
	fn fee(size: u32) -> BalanceOf<T> {
		Self::fee_for(size)
	}

	fn kept(
		hash: &ContentHash,
	) -> Option<depin_primitives::KeptChunk<frame_system::pallet_prelude::BlockNumberFor<T>>> {
		use sp_runtime::traits::Saturating;
		Chunks::<T>::get(hash).map(|info| depin_primitives::KeptChunk {
			size: info.size,
			stored_at: info.block,
			renewable_from: Self::renewable_from(info.block),
			kept_until: info.block.saturating_add(RetentionPeriod::<T>::get()),
		})
	}

	fn claim_repayment(
		hash: &ContentHash,
		since: frame_system::pallet_prelude::BlockNumberFor<T>,
	) -> Option<ChunkPayment<T::AccountId>> {
		Chunks::<T>::get(hash).filter(|info| info.block >= since)?;
		Payers::<T>::mutate(hash, |payment| {
			let payment = payment.as_mut().filter(|p| !p.repaid)?;
			let claimed = payment.clone();
			payment.repaid = true;
			Some(claimed)
		})
	}

	fn renew_fee(size: u32) -> BalanceOf<T> {
		Self::fee_for(size)
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> depin_primitives::StoredDataFactory<T::AccountId> for Pallet<T> {
	fn keep(hash: ContentHash, size: u32, payer: &T::AccountId) {
		let block = frame_system::Pallet::<T>::block_number();
		Chunks::<T>::insert(hash, ChunkInfo { size, block, index: 0 });
		let payment = ChunkPayment { payer: payer.clone(), renewed: false, repaid: false };
		Payers::<T>::insert(hash, payment);
	}
}
