//! Benchmarks of the calls and the hook at their worst case (v2 syntax).

use crate::{
	pallet::{BlockChunks, Call, Chunks, Config, Pallet, PruneCursor, RetentionPeriod},
	proof, ChunkInfo, IndexedChunk,
};
use alloc::{vec, vec::Vec};
use codec::Decode;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::{Bounded, One, Saturating};
use sp_transaction_storage_proof::{encode_index, TransactionStorageProof, CHUNK_SIZE};
use sp_trie::TrieMut;

type Layout = sp_trie::LayoutV1<sp_runtime::traits::BlakeTwo256>;

fn funded<T: Config>(name: &'static str) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	T::Currency::set_balance(&who, crate::BalanceOf::<T>::max_value() / 4u32.into());
	T::Currency::set_balance(&T::FeeDestination::get(), T::Currency::minimum_balance());
	who
}

/// `len` bytes that start with `seed` (little endian): chunks of four bytes or more with
/// different seeds differ.
fn chunk(len: u32, seed: u32) -> Vec<u8> {
	let mut bytes: Vec<u8> = (0..len).map(|i| (i.wrapping_mul(31)) as u8).collect();
	let n = bytes.len().min(4);
	bytes[..n].copy_from_slice(&seed.to_le_bytes()[..n]);
	bytes
}

/// Fills `block`'s records with chunks of the lengths `lens` (seeds from `seed`), each
/// also in [`Chunks`]; returns their data.
fn fill_block<T: Config>(block: BlockNumberFor<T>, lens: &[u32], seed: u32) -> Vec<Vec<u8>> {
	let mut entries = Vec::new();
	let mut data = Vec::new();
	let mut pieces = 0u32;
	for (i, &len) in lens.iter().enumerate() {
		let i = i as u32;
		let bytes = chunk(len, seed.saturating_add(i));
		let hash = sp_io::hashing::blake2_256(&bytes);
		pieces = pieces.saturating_add(sp_transaction_storage_proof::num_chunks(len));
		let entry = IndexedChunk {
			hash,
			pieces_root: proof::pieces_root(&bytes),
			size: len,
			block_pieces: pieces,
			extrinsic: i,
		};
		Chunks::<T>::insert(hash, ChunkInfo { size: len, block, index: i });
		entries.push(entry);
		data.push(bytes);
	}
	let bounded: BoundedVec<_, T::MaxBlockChunks> = entries.try_into().expect("count ≤ max");
	BlockChunks::<T>::insert(block, bounded);
	data
}

/// A trie proof of piece `piece` of `data`.
fn piece_proof(data: &[u8], piece: u32) -> TransactionStorageProof {
	let mut db = sp_trie::MemoryDB::<sp_runtime::traits::BlakeTwo256>::new(&[0u8]);
	let mut root = sp_trie::empty_trie_root::<Layout>();
	{
		let mut trie = sp_trie::TrieDBMutBuilder::<Layout>::new(&mut db, &mut root).build();
		for (i, p) in data.chunks(CHUNK_SIZE).enumerate() {
			trie.insert(&encode_index(i as u32), p).expect("in-memory trie");
		}
	}
	let key = encode_index(piece);
	let proof =
		sp_trie::generate_trie_proof::<Layout, _, _, _>(&db, root, &[&key]).expect("piece exists");
	let start = piece as usize * CHUNK_SIZE;
	let end = (start + CHUNK_SIZE).min(data.len());
	TransactionStorageProof { chunk: data[start..end].to_vec(), proof }
}

/// `n` lengths of small chunks (four bytes: each seed its own chunk).
fn smalls(n: u32) -> Vec<u32> {
	vec![4; n as usize]
}

fn set_block<T: Config>(n: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(n);
	frame_system::Pallet::<T>::set_extrinsic_index(1);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A chunk of `l` bytes into a block one record short of full.
	#[benchmark]
	fn store(l: Linear<1, { T::MaxChunkLen::get() }>) {
		let who = funded::<T>("store");
		let now: BlockNumberFor<T> = One::one();
		set_block::<T>(now);
		fill_block::<T>(now, &smalls(T::MaxBlockChunks::get() - 1), 1_000);
		let data = chunk(l, 0);
		let hash = sp_io::hashing::blake2_256(&data);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), data);
		assert!(Chunks::<T>::contains_key(hash));
	}

	/// The pool's check of a `store` of `l` bytes (`Pallet::refusal`): the chunk's hash and
	/// its record; run once more when the transaction is applied, so charged with `store`.
	#[benchmark]
	fn refusal(l: Linear<1, { T::MaxChunkLen::get() }>) {
		let now: BlockNumberFor<T> = One::one();
		set_block::<T>(now);
		let call = Call::<T>::store { data: chunk(l, 0) };
		let refused;
		#[block]
		{
			refused = Pallet::<T>::refusal(&call);
		}
		assert!(refused.is_none());
	}

	/// A chunk from a full block into a block one record short of full, once it is due.
	#[benchmark]
	fn renew() {
		let who = funded::<T>("renew");
		let first: BlockNumberFor<T> = One::one();
		let data = fill_block::<T>(first, &smalls(T::MaxBlockChunks::get()), 0);
		let hash = sp_io::hashing::blake2_256(&data[0]);
		// The first block it is due (the chunk is still kept then, as periods are positive).
		let now = Pallet::<T>::renewable_from(first).max(first.saturating_add(One::one()));
		set_block::<T>(now);
		fill_block::<T>(now, &smalls(T::MaxBlockChunks::get() - 1), 1_000);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), hash);
		assert_eq!(Chunks::<T>::get(hash).map(|i| i.block), Some(now));
	}

	/// The proof of a piece of the largest chunk (the deepest trie) in a full block.
	#[benchmark]
	fn check_proof() {
		let stored: BlockNumberFor<T> = One::one();
		let mut lens = smalls(T::MaxBlockChunks::get() - 1);
		lens.push(T::MaxChunkLen::get());
		let data = fill_block::<T>(stored, &lens, 0);
		let now = stored.saturating_add(RetentionPeriod::<T>::get());
		let chunks = BlockChunks::<T>::get(stored);
		// A parent hash that selects a piece of the largest chunk (almost any does).
		let (parent, piece) = (0u8..=255)
			.find_map(|b| {
				let (entry, piece) = proof::selected_piece(&chunks, &[b; 32])?;
				(entry.size == T::MaxChunkLen::get()).then_some(([b; 32], piece))
			})
			.expect("the largest chunk holds most pieces");
		let parent = T::Hash::decode(&mut &parent[..]).expect("32-byte hash");
		frame_system::Pallet::<T>::set_block_number(now.saturating_sub(One::one()));
		frame_system::Pallet::<T>::initialize(&now, &parent, &Default::default());
		frame_system::Pallet::<T>::set_extrinsic_index(1);
		let proof = piece_proof(&data[data.len() - 1], piece);
		#[extrinsic_call]
		_(RawOrigin::None, proof);
		assert!(crate::ProofChecked::<T>::get());
	}

	#[benchmark]
	fn set_retention_period() {
		let period: BlockNumberFor<T> = 100u32.into();
		#[extrinsic_call]
		_(RawOrigin::Root, period);
		assert_eq!(RetentionPeriod::<T>::get(), period);
	}

	/// The hook in a block where no records leave the retention period.
	#[benchmark]
	fn prune_idle() {
		let now: BlockNumberFor<T> = One::one();
		#[block]
		{
			Pallet::<T>::prune(now);
		}
		assert_eq!(PruneCursor::<T>::get(), 0u32.into());
	}

	/// The hook forgetting one block of `c` records, every chunk still pointing there.
	#[benchmark]
	fn prune_block(c: Linear<0, { T::MaxBlockChunks::get() }>) {
		let old: BlockNumberFor<T> = One::one();
		fill_block::<T>(old, &smalls(c), 0);
		RetentionPeriod::<T>::put(old);
		PruneCursor::<T>::put(old);
		let now = old.saturating_add(old).saturating_add(One::one());
		#[block]
		{
			Pallet::<T>::prune(now);
		}
		assert!(!BlockChunks::<T>::contains_key(old));
		assert_eq!(Chunks::<T>::iter().count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
