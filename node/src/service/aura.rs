//! Aura block production with GRANDPA finality, for `--chain local` and real networks.

use std::{sync::Arc, time::Duration};

use depin_runtime::opaque::{Block, Hash};
use sc_consensus_aura::{ImportQueueParams, SlotProportion, StartAuraParams};
use sc_consensus_grandpa::SharedVoterState;
use sc_network::{config::FullNetworkConfiguration, service::traits::NotificationService};
use sc_service::{error::Error as ServiceError, Configuration, TaskManager, WarpSyncConfig};
use sc_telemetry::TelemetryHandle;
use sc_transaction_pool_api::OffchainTransactionPoolFactory;
use sp_consensus_aura::sr25519::{AuthorityId as AuraId, AuthorityPair as AuraPair};

use super::{FullBackend, FullClient, FullPool, FullSelectChain};

/// Blocks between two GRANDPA justifications that are stored and served.
const GRANDPA_JUSTIFICATION_PERIOD_BLOCKS: u32 = 512;

/// GRANDPA's block import wrapping the client.
pub type GrandpaBlockImport =
	sc_consensus_grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>;

/// What Aura + GRANDPA keep from the partial components.
pub struct AuraParts {
	/// The block import that tracks GRANDPA authority set changes.
	pub block_import: GrandpaBlockImport,
	/// The link to start the GRANDPA voter with.
	pub link: sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>,
}

/// Slot and timestamp inherent providers for the current wall-clock time.
fn slot_inherents(
	slot_duration: sp_consensus_aura::SlotDuration,
) -> (sp_consensus_aura::inherents::InherentDataProvider, sp_timestamp::InherentDataProvider) {
	let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
	let slot = sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
		*timestamp,
		slot_duration,
	);
	(slot, timestamp)
}

/// The Aura import queue (blocks verified by slot and author signature).
pub fn import_queue(
	config: &Configuration,
	client: &Arc<FullClient>,
	select_chain: &FullSelectChain,
	task_manager: &TaskManager,
	telemetry: Option<TelemetryHandle>,
) -> Result<(sc_consensus::DefaultImportQueue<Block>, AuraParts), ServiceError> {
	let (block_import, link) = sc_consensus_grandpa::block_import(
		client.clone(),
		GRANDPA_JUSTIFICATION_PERIOD_BLOCKS,
		client,
		select_chain.clone(),
		telemetry.clone(),
	)?;

	let cidp_client = client.clone();
	let queue = sc_consensus_aura::import_queue::<AuraPair, _, _, _, _, _>(ImportQueueParams {
		block_import: block_import.clone(),
		justification_import: Some(Box::new(block_import.clone())),
		client: client.clone(),
		create_inherent_data_providers: move |parent_hash, _| {
			let cidp_client = cidp_client.clone();
			async move {
				let slot_duration =
					sc_consensus_aura::standalone::slot_duration_at(&*cidp_client, parent_hash)?;
				Ok(slot_inherents(slot_duration))
			}
		},
		spawner: &task_manager.spawn_essential_handle(),
		registry: config.prometheus_registry(),
		check_for_equivocation: Default::default(),
		telemetry,
		compatibility_mode: Default::default(),
	})
	.map_err(|e| ServiceError::Other(format!("Aura import queue: {e}")))?;

	Ok((queue, AuraParts { block_import, link }))
}

/// The GRANDPA notification protocol, registered before the network starts.
pub struct GrandpaNetwork {
	/// The protocol name (derived from the genesis hash and chain spec).
	pub protocol_name: sc_network::ProtocolName,
	/// The protocol's notification service, handed to the voter.
	pub notification_service: Box<dyn NotificationService>,
	warp_sync: Arc<sc_consensus_grandpa::warp_proof::NetworkProvider<Block, FullBackend>>,
}

impl GrandpaNetwork {
	/// Warp sync driven by GRANDPA proofs.
	pub fn warp_sync_config(&self) -> WarpSyncConfig<Block> {
		WarpSyncConfig::WithProvider(self.warp_sync.clone())
	}
}

/// Registers the GRANDPA protocol in `net_config`.
pub fn grandpa_network<N: sc_network::NetworkBackend<Block, Hash>>(
	genesis_hash: &Hash,
	config: &Configuration,
	net_config: &mut FullNetworkConfiguration<Block, Hash, N>,
	metrics: sc_network::service::NotificationMetrics,
	parts: &AuraParts,
	backend: &Arc<FullBackend>,
) -> GrandpaNetwork {
	let protocol_name =
		sc_consensus_grandpa::protocol_standard_name(genesis_hash, &config.chain_spec);
	let (protocol_config, notification_service) =
		sc_consensus_grandpa::grandpa_peers_set_config::<_, N>(
			protocol_name.clone(),
			metrics,
			net_config.peer_store_handle(),
		);
	net_config.add_notification_protocol(protocol_config);
	let warp_sync = Arc::new(sc_consensus_grandpa::warp_proof::NetworkProvider::new(
		backend.clone(),
		parts.link.shared_authority_set().clone(),
		Vec::default(),
	));
	GrandpaNetwork { protocol_name, notification_service, warp_sync }
}

/// Inputs of [`start_authoring`].
pub struct AuthoringParams<'a> {
	pub client: Arc<FullClient>,
	pub pool: Arc<FullPool>,
	pub select_chain: FullSelectChain,
	pub block_import: GrandpaBlockImport,
	pub keystore: sp_keystore::KeystorePtr,
	pub sync_service: Arc<sc_network_sync::SyncingService<Block>>,
	pub task_manager: &'a TaskManager,
	pub prometheus_registry: Option<&'a substrate_prometheus_endpoint::Registry>,
	pub telemetry: Option<TelemetryHandle>,
	pub force_authoring: bool,
}

/// Starts Aura block authoring (validators only).
pub fn start_authoring(p: AuthoringParams<'_>) -> Result<(), ServiceError> {
	let proposer_factory = super::proposer(
		p.task_manager,
		p.client.clone(),
		p.pool,
		p.prometheus_registry,
		p.telemetry.clone(),
	);
	let slot_duration = sc_consensus_aura::slot_duration::<AuraId, _, _>(&*p.client)?;

	let cidp_client = p.client.clone();
	let aura =
		sc_consensus_aura::start_aura::<AuraPair, _, _, _, _, _, _, _, _, _, _>(StartAuraParams {
			slot_duration,
			client: p.client,
			select_chain: p.select_chain,
			block_import: p.block_import,
			proposer_factory,
			create_inherent_data_providers: move |parent, ()| {
				let client = cidp_client.clone();
				async move {
					let (slot, timestamp) = slot_inherents(slot_duration);
					let proof = super::storage_proof::inherent_data_provider(&client, parent)?;
					Ok((slot, timestamp, proof))
				}
			},
			force_authoring: p.force_authoring,
			backoff_authoring_blocks: Option::<()>::None,
			keystore: p.keystore,
			sync_oracle: p.sync_service.clone(),
			justification_sync_link: p.sync_service,
			block_proposal_slot_portion: SlotProportion::new(2f32 / 3f32),
			max_block_proposal_slot_portion: None,
			telemetry: p.telemetry,
			compatibility_mode: Default::default(),
		})
		.map_err(|e| ServiceError::Other(format!("Aura: {e}")))?;

	// Block authoring is essential: if it fails, the node stops.
	p.task_manager.spawn_essential_handle().spawn_blocking("aura", Some("block-authoring"), aura);
	Ok(())
}

/// Inputs of [`start_grandpa`].
pub struct GrandpaParams<'a> {
	pub link: sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>,
	pub network: Arc<dyn sc_network::service::traits::NetworkService>,
	pub sync_service: Arc<sc_network_sync::SyncingService<Block>>,
	pub notification_service: Box<dyn NotificationService>,
	pub protocol_name: sc_network::ProtocolName,
	pub keystore: Option<sp_keystore::KeystorePtr>,
	pub role: sc_service::Role,
	pub node_name: String,
	pub pool: Arc<FullPool>,
	pub task_manager: &'a TaskManager,
	pub prometheus_registry: Option<substrate_prometheus_endpoint::Registry>,
	pub telemetry: Option<TelemetryHandle>,
}

/// Starts the GRANDPA voter.
pub fn start_grandpa(p: GrandpaParams<'_>) -> Result<(), ServiceError> {
	let config = sc_consensus_grandpa::Config {
		gossip_duration: Duration::from_millis(333),
		justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD_BLOCKS,
		name: Some(p.node_name),
		observer_enabled: false,
		keystore: p.keystore,
		local_role: p.role,
		telemetry: p.telemetry.clone(),
		protocol_name: p.protocol_name,
	};
	let params = sc_consensus_grandpa::GrandpaParams {
		config,
		link: p.link,
		network: p.network,
		sync: p.sync_service,
		notification_service: p.notification_service,
		voting_rule: sc_consensus_grandpa::VotingRulesBuilder::default().build(),
		prometheus_registry: p.prometheus_registry,
		shared_voter_state: SharedVoterState::empty(),
		telemetry: p.telemetry,
		offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(p.pool),
	};
	// The voter is essential: if it fails, the node stops.
	p.task_manager.spawn_essential_handle().spawn_blocking(
		"grandpa-voter",
		None,
		sc_consensus_grandpa::run_grandpa_voter(params)?,
	);
	Ok(())
}
