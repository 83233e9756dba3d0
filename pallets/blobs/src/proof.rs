//! The storage proof: which 256-byte piece of a block's indexed chunks the author must
//! prove, and the check of its trie proof. The piece and the tries are those of
//! `sp_transaction_storage_proof`, so the node's `registration::new_data_provider` builds
//! proofs this check accepts.

use crate::IndexedChunk;
use alloc::vec::Vec;
use sp_core::H256;
use sp_runtime::StateVersion;
use sp_transaction_storage_proof::{
	encode_index, num_chunks, random_chunk, TransactionStorageProof, CHUNK_SIZE,
};

/// The root of the trie of `data`'s 256-byte pieces, keyed by their compact index.
pub fn pieces_root(data: &[u8]) -> [u8; 32] {
	let pieces: Vec<Vec<u8>> = data.chunks(CHUNK_SIZE).map(|piece| piece.to_vec()).collect();
	sp_io::trie::blake2_256_ordered_root(pieces, StateVersion::V1).into()
}

/// The chunk and the piece within it that `random` selects among `chunks`' pieces.
pub fn selected_piece<'a>(
	chunks: &'a [IndexedChunk],
	random: &[u8],
) -> Option<(&'a IndexedChunk, u32)> {
	let total = chunks.last()?.block_pieces;
	if total == 0 || random.len() < 8 {
		return None;
	}
	let selected = random_chunk(random, total);
	let position = chunks.partition_point(|entry| entry.block_pieces <= selected);
	let entry = chunks.get(position)?;
	let first = entry.block_pieces.saturating_sub(num_chunks(entry.size));
	Some((entry, selected.saturating_sub(first)))
}

/// Whether `proof` proves the piece that `random` selects among `chunks`.
pub fn verify(chunks: &[IndexedChunk], random: &[u8], proof: &TransactionStorageProof) -> bool {
	let Some((entry, piece)) = selected_piece(chunks, random) else { return false };
	sp_io::trie::blake2_256_verify_proof(
		H256(entry.pieces_root),
		&proof.proof,
		&encode_index(piece),
		&proof.chunk,
		StateVersion::V1,
	)
}
