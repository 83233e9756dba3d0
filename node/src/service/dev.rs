//! Self-sealing development chain: a block every `--dev-block-time` (and on
//! `engine_createBlock`), finalized as soon as it is sealed.
//!
//! The runtime runs Aura, so every block carries an Aura pre-digest and a timestamp one
//! slot after its parent's: chain time advances one slot (6 s) per block, faster than the
//! wall clock, which keeps pallet-aura's "slot must increase" rule satisfied at any block
//! interval.

use std::{sync::Arc, time::Duration};

use depin_runtime::opaque::{Block, Hash};
use futures::{channel::mpsc, StreamExt};
use sc_consensus_manual_seal::{
	consensus::aura::AuraConsensusDataProvider, EngineCommand, ManualSealParams,
};
use sc_service::{error::Error as ServiceError, TaskManager};
use sc_telemetry::TelemetryHandle;
use sp_consensus_aura::{
	sr25519::{AuthorityId, AuthoritySignature},
	Slot, SlotDuration,
};

use super::{FullClient, FullPool, FullSelectChain};

/// Inputs of [`start_sealing`].
pub struct DevParams<'a> {
	pub client: Arc<FullClient>,
	pub pool: Arc<FullPool>,
	pub select_chain: FullSelectChain,
	pub task_manager: &'a TaskManager,
	pub prometheus_registry: Option<&'a substrate_prometheus_endpoint::Registry>,
	pub telemetry: Option<TelemetryHandle>,
	pub block_time: Duration,
	/// Commands from the `engine_*` RPC methods.
	pub rpc_commands: mpsc::Receiver<EngineCommand<Hash>>,
}

/// The slot of the block after `parent`: one more than the parent's, or the current
/// wall-clock slot right after genesis.
fn next_slot(
	client: &FullClient,
	parent: Hash,
	slot_duration: SlotDuration,
) -> Result<Slot, Box<dyn std::error::Error + Send + Sync>> {
	let header = client.header(parent)?.ok_or("parent header not found")?;
	if header.number == 0 {
		let now = sp_timestamp::Timestamp::current();
		return Ok(Slot::from_timestamp(now, slot_duration) + 1);
	}
	let parent_slot = sc_consensus_aura::find_pre_digest::<Block, AuthoritySignature>(&header)
		.map_err(|e| format!("parent block has no Aura pre-digest: {e}"))?;
	Ok(parent_slot + 1)
}

/// Starts the sealing task.
pub fn start_sealing(p: DevParams<'_>) -> Result<(), ServiceError> {
	let proposer = super::proposer(
		p.task_manager,
		p.client.clone(),
		p.pool.clone(),
		p.prometheus_registry,
		p.telemetry,
	);
	let slot_duration = sc_consensus_aura::slot_duration::<AuthorityId, _, _>(&*p.client)?;

	let mut interval = tokio::time::interval(p.block_time);
	interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
	let ticks = futures::stream::unfold(interval, |mut interval| async move {
		interval.tick().await;
		let seal = EngineCommand::SealNewBlock {
			create_empty: true,
			finalize: true,
			parent_hash: None,
			sender: None,
		};
		Some((seal, interval))
	});
	let commands_stream = futures::stream::select(ticks, p.rpc_commands).boxed();

	let cidp_client = p.client.clone();
	let sealing = sc_consensus_manual_seal::run_manual_seal(ManualSealParams {
		block_import: p.client.clone(),
		env: proposer,
		client: p.client.clone(),
		pool: p.pool,
		commands_stream,
		select_chain: p.select_chain,
		consensus_data_provider: Some(Box::new(AuraConsensusDataProvider::new_with_slot_duration(
			slot_duration,
		))),
		create_inherent_data_providers: move |parent, ()| {
			let client = cidp_client.clone();
			async move {
				let slot = next_slot(&client, parent, slot_duration)?;
				let timestamp = sp_timestamp::Timestamp::new(
					u64::from(slot).saturating_mul(slot_duration.as_millis()),
				);
				let proof = super::storage_proof::inherent_data_provider(&client, parent)?;
				Ok((sp_timestamp::InherentDataProvider::new(timestamp), proof))
			}
		},
	});
	p.task_manager.spawn_essential_handle().spawn_blocking(
		"manual-seal",
		Some("block-authoring"),
		sealing,
	);
	Ok(())
}
