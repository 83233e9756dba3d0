//! `depin_*` JSON-RPC methods: a thin JSON layer over the `DepinApi` runtime API.
//!
//! Each method takes an optional block hash (default: the best block). Unknown ids
//! answer `null`; malformed parameters answer a JSON-RPC "invalid params" error.

use std::{marker::PhantomData, sync::Arc};

use depin_primitives::{
	serde_hex, AssignmentView, DepinApi as DepinRuntimeApi, DeviceInfo, MarketView, Page,
	ProgramId, RewardsView, Stats, TaskId, TaskView, MAX_PAGE,
};
use depin_runtime::{opaque::Block, AccountId, Balance, BlockNumber};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObjectOwned, ErrorCode},
};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::crypto::Ss58Codec;
use sp_runtime::traits::Block as BlockT;

type Hash = <Block as BlockT>::Hash;

/// Bytes as `0x…` hex in JSON.
#[derive(Clone, serde::Serialize)]
pub struct HexBytes(#[serde(with = "serde_hex")] pub Vec<u8>);

/// The `depin_*` methods.
#[rpc(server, namespace = "depin")]
pub trait DepinRpc {
	/// A registered device by account (SS58 or 0x-hex public key), or null.
	#[method(name = "device")]
	fn device(
		&self,
		account: String,
		at: Option<Hash>,
	) -> RpcResult<Option<DeviceInfo<AccountId, Balance, BlockNumber>>>;

	/// The open assignments of a device, with inputs (hex).
	#[method(name = "assignments")]
	fn assignments(
		&self,
		device: String,
		at: Option<Hash>,
	) -> RpcResult<Vec<AssignmentView<BlockNumber>>>;

	/// A task by id, or null.
	#[method(name = "task")]
	fn task(
		&self,
		task: TaskId,
		at: Option<Hash>,
	) -> RpcResult<Option<TaskView<AccountId, Balance, BlockNumber>>>;

	/// A program's code (hex) by id (0x-hex blake2_256 of the code), or null.
	#[method(name = "program")]
	fn program(&self, program: String, at: Option<Hash>) -> RpcResult<Option<HexBytes>>;

	/// The verified output (hex) of a task, or null.
	#[method(name = "output")]
	fn output(&self, task: TaskId, at: Option<Hash>) -> RpcResult<Option<HexBytes>>;

	/// Network-wide numbers.
	#[method(name = "stats")]
	fn stats(&self, at: Option<Hash>) -> RpcResult<Stats>;

	/// The task market by price level: queued bids, listed asks, the last era's median
	/// clearing price.
	#[method(name = "market")]
	fn market(&self, at: Option<Hash>) -> RpcResult<MarketView<Balance>>;

	/// The era rewards of an account (SS58 or 0x-hex).
	#[method(name = "rewards")]
	fn rewards(
		&self,
		account: String,
		at: Option<Hash>,
	) -> RpcResult<RewardsView<Balance, BlockNumber>>;

	/// Tasks, newest first: of one submitter (or of everyone when null), with ids below
	/// `before` (null: from the newest), at most `limit` (1..=100). `next` is the `before`
	/// of the following page, null after the last.
	#[method(name = "tasks")]
	fn tasks(
		&self,
		submitter: Option<String>,
		before: Option<TaskId>,
		limit: u32,
		at: Option<Hash>,
	) -> RpcResult<Page<TaskView<AccountId, Balance, BlockNumber>, TaskId>>;

	/// Registered devices in account order: of one owner (or of everyone when null), after
	/// account `after` (null: from the first), at most `limit` (1..=100). `next` is the
	/// `after` of the following page, null after the last.
	#[method(name = "devices")]
	fn devices(
		&self,
		owner: Option<String>,
		after: Option<String>,
		limit: u32,
		at: Option<Hash>,
	) -> RpcResult<Page<DeviceEntry, AccountId>>;
}

/// One device of a `depin_devices` page.
#[derive(Clone, serde::Serialize)]
pub struct DeviceEntry {
	/// The device's account.
	pub device: AccountId,
	/// The device.
	pub info: DeviceInfo<AccountId, Balance, BlockNumber>,
}

fn page_limit(limit: u32) -> Result<u32, ErrorObjectOwned> {
	if (1..=MAX_PAGE).contains(&limit) {
		Ok(limit)
	} else {
		Err(invalid_params(format!("limit: expected 1 to {MAX_PAGE}, got {limit}")))
	}
}

/// Implementation over a client with the `DepinApi` runtime API.
pub struct Depin<C> {
	client: Arc<C>,
	_marker: PhantomData<Block>,
}

impl<C> Depin<C> {
	/// Creates the handler.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: PhantomData }
	}
}

fn invalid_params(msg: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(ErrorCode::InvalidParams.code(), msg.into(), None::<()>)
}

fn runtime_error(e: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(
		ErrorCode::InternalError.code(),
		format!("runtime API call failed: {e}"),
		None::<()>,
	)
}

/// Parses an account given as SS58 or as 0x-prefixed 32-byte hex.
pub fn parse_account(s: &str) -> Result<AccountId, ErrorObjectOwned> {
	if s.starts_with("0x") {
		let bytes = serde_hex::from_hex(s).ok_or_else(|| invalid_params("account: bad hex"))?;
		let raw: [u8; 32] =
			bytes.try_into().map_err(|_| invalid_params("account: expected 32 bytes"))?;
		return Ok(AccountId::from(raw));
	}
	AccountId::from_ss58check(s)
		.map_err(|e| invalid_params(format!("account: not an SS58 address or 0x hex ({e:?})")))
}

fn parse_program(s: &str) -> Result<ProgramId, ErrorObjectOwned> {
	serde_hex::from_hex(s)
		.and_then(|b| b.try_into().ok())
		.ok_or_else(|| invalid_params("program: expected 0x-prefixed 32-byte hex"))
}

impl<C> Depin<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: DepinRuntimeApi<Block, AccountId, Balance, BlockNumber>,
{
	fn at(&self, at: Option<Hash>) -> Hash {
		at.unwrap_or_else(|| self.client.info().best_hash)
	}
}

impl<C> DepinRpcServer for Depin<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: DepinRuntimeApi<Block, AccountId, Balance, BlockNumber>,
{
	fn device(
		&self,
		account: String,
		at: Option<Hash>,
	) -> RpcResult<Option<DeviceInfo<AccountId, Balance, BlockNumber>>> {
		let account = parse_account(&account)?;
		self.client.runtime_api().device(self.at(at), account).map_err(runtime_error)
	}

	fn assignments(
		&self,
		device: String,
		at: Option<Hash>,
	) -> RpcResult<Vec<AssignmentView<BlockNumber>>> {
		let device = parse_account(&device)?;
		self.client.runtime_api().assignments(self.at(at), device).map_err(runtime_error)
	}

	fn task(
		&self,
		task: TaskId,
		at: Option<Hash>,
	) -> RpcResult<Option<TaskView<AccountId, Balance, BlockNumber>>> {
		self.client.runtime_api().task(self.at(at), task).map_err(runtime_error)
	}

	fn program(&self, program: String, at: Option<Hash>) -> RpcResult<Option<HexBytes>> {
		let program = parse_program(&program)?;
		let code =
			self.client.runtime_api().program(self.at(at), program).map_err(runtime_error)?;
		Ok(code.map(HexBytes))
	}

	fn output(&self, task: TaskId, at: Option<Hash>) -> RpcResult<Option<HexBytes>> {
		let output = self.client.runtime_api().output(self.at(at), task).map_err(runtime_error)?;
		Ok(output.map(HexBytes))
	}

	fn stats(&self, at: Option<Hash>) -> RpcResult<Stats> {
		self.client.runtime_api().stats(self.at(at)).map_err(runtime_error)
	}

	fn market(&self, at: Option<Hash>) -> RpcResult<MarketView<Balance>> {
		self.client.runtime_api().market(self.at(at)).map_err(runtime_error)
	}

	fn rewards(
		&self,
		account: String,
		at: Option<Hash>,
	) -> RpcResult<RewardsView<Balance, BlockNumber>> {
		let account = parse_account(&account)?;
		self.client.runtime_api().rewards(self.at(at), account).map_err(runtime_error)
	}

	fn tasks(
		&self,
		submitter: Option<String>,
		before: Option<TaskId>,
		limit: u32,
		at: Option<Hash>,
	) -> RpcResult<Page<TaskView<AccountId, Balance, BlockNumber>, TaskId>> {
		let submitter = submitter.as_deref().map(parse_account).transpose()?;
		let limit = page_limit(limit)?;
		self.client
			.runtime_api()
			.tasks(self.at(at), submitter, before, limit)
			.map_err(runtime_error)
	}

	fn devices(
		&self,
		owner: Option<String>,
		after: Option<String>,
		limit: u32,
		at: Option<Hash>,
	) -> RpcResult<Page<DeviceEntry, AccountId>> {
		let owner = owner.as_deref().map(parse_account).transpose()?;
		let after = after.as_deref().map(parse_account).transpose()?;
		let limit = page_limit(limit)?;
		let page = self
			.client
			.runtime_api()
			.devices(self.at(at), owner, after, limit)
			.map_err(runtime_error)?;
		Ok(Page {
			items: page
				.items
				.into_iter()
				.map(|(device, info)| DeviceEntry { device, info })
				.collect(),
			next: page.next,
		})
	}
}
