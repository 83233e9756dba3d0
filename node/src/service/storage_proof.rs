//! The storage-proof inherent (`blobs.check_proof`): the author of a block proves it keeps
//! the chunks indexed one retention period earlier, from its own database.

use depin_runtime::opaque::{Block, Hash};
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_transaction_storage_proof::{registration, runtime_api::TransactionStorageApi};

use super::FullClient;

/// The proof the block after `parent` must carry, if any. A runtime without stored data
/// (no `TransactionStorageApi`) needs none. Fails when this node lacks the data: it then
/// cannot author the block.
pub fn inherent_data_provider(
	client: &FullClient,
	parent: Hash,
) -> Result<
	sp_transaction_storage_proof::InherentDataProvider,
	Box<dyn std::error::Error + Send + Sync>,
> {
	let api = client.runtime_api();
	if !api.has_api::<dyn TransactionStorageApi<Block>>(parent)? {
		return Ok(sp_transaction_storage_proof::InherentDataProvider::new(None));
	}
	let period = api.retention_period(parent)?;
	Ok(registration::new_data_provider(client, &parent, period)?)
}
