//! `depin_blob`: the bytes of a stored chunk, read from this node's database.
//!
//! Chunks live in block bodies as indexed transactions (`pallet-blobs`); the node keeps
//! them under their `blake2_256` hash while it keeps their blocks.

use std::sync::Arc;

use depin_primitives::serde_hex;
use depin_runtime::opaque::Block;
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObjectOwned, ErrorCode},
};
use sc_client_api::BlockBackend;
use sp_core::H256;

use super::depin::HexBytes;

/// The stored-data methods.
#[rpc(server, namespace = "depin")]
pub trait BlobRpc {
	/// A stored chunk's bytes (hex) by its hash (0x-hex `blake2_256`), or null when this
	/// node does not keep it.
	#[method(name = "blob")]
	fn blob(&self, hash: String) -> RpcResult<Option<HexBytes>>;
}

/// Implementation over a client's block database.
pub struct Blobs<C> {
	client: Arc<C>,
}

impl<C> Blobs<C> {
	/// Creates the handler.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn error(code: ErrorCode, msg: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code.code(), msg.into(), None::<()>)
}

impl<C> BlobRpcServer for Blobs<C>
where
	C: BlockBackend<Block> + Send + Sync + 'static,
{
	fn blob(&self, hash: String) -> RpcResult<Option<HexBytes>> {
		let hash: [u8; 32] =
			serde_hex::from_hex(&hash).and_then(|bytes| bytes.try_into().ok()).ok_or_else(
				|| error(ErrorCode::InvalidParams, "hash: expected 0x-prefixed 32-byte hex"),
			)?;
		let data = self
			.client
			.indexed_transaction(H256(hash))
			.map_err(|e| error(ErrorCode::InternalError, format!("database: {e}")))?;
		Ok(data.map(HexBytes))
	}
}
