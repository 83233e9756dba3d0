//! Assembles the node: client, database, transaction pool, network, RPC and consensus.
//!
//! The consensus is chosen by the chain spec's type: a `Development` chain is sealed by
//! the node itself ([`dev`]); every other chain runs Aura with GRANDPA finality ([`aura`]).

mod aura;
mod dev;
mod storage_proof;

use std::sync::Arc;

use depin_runtime::{apis::RuntimeApi, opaque::Block};
use sc_client_api::BlockBackend;
use sc_service::{error::Error as ServiceError, ChainType, Configuration, TaskManager};
use sc_telemetry::{Telemetry, TelemetryWorker};

/// The client with the runtime executed in Wasm.
pub type FullClient = sc_service::TFullClient<
	Block,
	RuntimeApi,
	sc_executor::WasmExecutor<sp_io::SubstrateHostFunctions>,
>;
/// The database backend (ParityDB).
pub type FullBackend = sc_service::TFullBackend<Block>;
/// Longest-chain fork choice.
pub type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;
/// The transaction pool.
pub type FullPool = sc_transaction_pool::TransactionPoolHandle<Block, FullClient>;

/// The block proposer of both consensus paths. It fills blocks up to the runtime's own
/// length limit (8 MiB; 6 MiB for normal extrinsics) instead of the proposer's default
/// of 4 MiB, so that a block carries three chunks of stored data: a block of 8 MiB still
/// fits one block-request response (16 MiB), which is what the default protects.
pub fn proposer(
	task_manager: &TaskManager,
	client: Arc<FullClient>,
	pool: Arc<FullPool>,
	prometheus_registry: Option<&substrate_prometheus_endpoint::Registry>,
	telemetry: Option<sc_telemetry::TelemetryHandle>,
) -> sc_basic_authorship::ProposerFactory<FullPool, FullClient> {
	let mut proposer = sc_basic_authorship::ProposerFactory::new(
		task_manager.spawn_handle(),
		client,
		pool,
		prometheus_registry,
		telemetry,
	);
	proposer.set_default_block_size_limit(depin_runtime::configs::MAX_BLOCK_LENGTH_BYTES as usize);
	proposer
}

/// The consensus-specific part of [`Service`].
pub enum Consensus {
	/// Aura + GRANDPA.
	Aura(Box<aura::AuraParts>),
	/// Self-sealing development chain.
	Dev,
}

/// Components shared by the node and the chain-maintenance subcommands.
pub type Service = sc_service::PartialComponents<
	FullClient,
	FullBackend,
	FullSelectChain,
	sc_consensus::DefaultImportQueue<Block>,
	FullPool,
	(Consensus, Option<Telemetry>),
>;

/// Whether the chain of `config` is sealed by the node itself.
pub fn is_dev_chain(config: &Configuration) -> bool {
	config.chain_spec.chain_type() == ChainType::Development
}

/// Builds the client, backend, pool and import queue.
pub fn new_partial(config: &Configuration) -> Result<Service, ServiceError> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|x| !x.is_empty())
		.map(|endpoints| -> Result<_, sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let executor = sc_service::new_wasm_executor::<sp_io::SubstrateHostFunctions>(&config.executor);
	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts::<Block, RuntimeApi, _>(
			config,
			telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
			executor,
			vec![],
		)?;
	let client = Arc::new(client);

	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let select_chain = sc_consensus::LongestChain::new(backend.clone());

	let transaction_pool = Arc::from(
		sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	);

	let (import_queue, consensus) = if is_dev_chain(config) {
		let queue = sc_consensus_manual_seal::import_queue(
			Box::new(client.clone()),
			&task_manager.spawn_essential_handle(),
			config.prometheus_registry(),
		);
		(queue, Consensus::Dev)
	} else {
		let (queue, parts) = aura::import_queue(
			config,
			&client,
			&select_chain,
			&task_manager,
			telemetry.as_ref().map(|x| x.handle()),
		)?;
		(queue, Consensus::Aura(Box::new(parts)))
	};

	Ok(sc_service::PartialComponents {
		client,
		backend,
		task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (consensus, telemetry),
	})
}

/// Builds and starts a full node.
pub fn new_full<
	N: sc_network::NetworkBackend<Block, <Block as sp_runtime::traits::Block>::Hash>,
>(
	config: Configuration,
	dev_block_time: std::time::Duration,
) -> Result<TaskManager, ServiceError> {
	let sc_service::PartialComponents {
		client,
		backend,
		mut task_manager,
		import_queue,
		keystore_container,
		select_chain,
		transaction_pool,
		other: (consensus, mut telemetry),
	} = new_partial(&config)?;

	let mut net_config = sc_network::config::FullNetworkConfiguration::<
		Block,
		<Block as sp_runtime::traits::Block>::Hash,
		N,
	>::new(&config.network, config.prometheus_registry().cloned());
	let metrics = N::register_notification_metrics(config.prometheus_registry());

	let genesis_hash = client
		.block_hash(0)
		.ok()
		.flatten()
		.ok_or_else(|| ServiceError::Other("genesis block is missing".into()))?;
	let grandpa_net = match &consensus {
		Consensus::Aura(parts) => Some(aura::grandpa_network::<N>(
			&genesis_hash,
			&config,
			&mut net_config,
			metrics.clone(),
			parts,
			&backend,
		)),
		Consensus::Dev => None,
	};
	let warp_sync_config = grandpa_net.as_ref().map(|g| g.warp_sync_config());

	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config: &config,
			net_config,
			client: client.clone(),
			transaction_pool: transaction_pool.clone(),
			spawn_handle: task_manager.spawn_handle(),
			spawn_essential_handle: task_manager.spawn_essential_handle(),
			import_queue,
			block_announce_validator_builder: None,
			warp_sync_config,
			block_relay: None,
			metrics,
			gap_sync_body_policy: None,
		})?;

	// Commands to the dev sealing task (timer ticks arrive separately); only a dev chain
	// exposes the sender through RPC.
	let (manual_seal_tx, manual_seal_rx) = futures::channel::mpsc::channel(1024);
	let manual_seal_tx = matches!(consensus, Consensus::Dev).then_some(manual_seal_tx);

	let rpc_builder = {
		let client = client.clone();
		let pool = transaction_pool.clone();
		let manual_seal = manual_seal_tx.clone();
		Box::new(move |_| {
			let deps = crate::rpc::FullDeps {
				client: client.clone(),
				pool: pool.clone(),
				manual_seal: manual_seal.clone(),
			};
			crate::rpc::create_full(deps).map_err(Into::into)
		})
	};

	let role = config.role;
	let prometheus_registry = config.prometheus_registry().cloned();
	let force_authoring = config.force_authoring;
	let node_name = config.network.node_name.clone();
	let enable_grandpa = !config.disable_grandpa;

	sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network: network.clone(),
		client: client.clone(),
		keystore: keystore_container.keystore(),
		task_manager: &mut task_manager,
		transaction_pool: transaction_pool.clone(),
		rpc_builder,
		backend,
		system_rpc_tx,
		tx_handler_controller,
		sync_service: sync_service.clone(),
		config,
		telemetry: telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	match consensus {
		Consensus::Dev => dev::start_sealing(dev::DevParams {
			client,
			pool: transaction_pool,
			select_chain,
			task_manager: &task_manager,
			prometheus_registry: prometheus_registry.as_ref(),
			telemetry: telemetry.as_ref().map(|x| x.handle()),
			block_time: dev_block_time,
			rpc_commands: manual_seal_rx,
		})?,
		Consensus::Aura(parts) => {
			if role.is_authority() {
				aura::start_authoring(aura::AuthoringParams {
					client: client.clone(),
					pool: transaction_pool.clone(),
					select_chain,
					block_import: parts.block_import.clone(),
					keystore: keystore_container.keystore(),
					sync_service: sync_service.clone(),
					task_manager: &task_manager,
					prometheus_registry: prometheus_registry.as_ref(),
					telemetry: telemetry.as_ref().map(|x| x.handle()),
					force_authoring,
				})?;
			}
			if enable_grandpa {
				let grandpa_net = grandpa_net.ok_or_else(|| {
					ServiceError::Other("GRANDPA network protocol was not set up".into())
				})?;
				aura::start_grandpa(aura::GrandpaParams {
					link: parts.link,
					network,
					sync_service,
					notification_service: grandpa_net.notification_service,
					protocol_name: grandpa_net.protocol_name,
					keystore: role.is_authority().then(|| keystore_container.keystore()),
					role,
					node_name,
					pool: transaction_pool,
					task_manager: &task_manager,
					prometheus_registry,
					telemetry: telemetry.as_ref().map(|x| x.handle()),
				})?;
			}
		}
	}

	Ok(task_manager)
}
