//! Typed `DepinApi` queries (runtime API over `state_call`) at the best block.

use crate::{
	types::{AccountId, Balance, BlockNumber, Hash},
	Client, Error,
};
use depin_primitives::{
	AssignmentView, BlobRef, DeviceInfo, MarketView, Page, ProgramId, RewardsView, Stats, TaskId,
	TaskView,
};

/// A device record.
pub type Device = DeviceInfo<AccountId, Balance, BlockNumber>;
/// A task as clients see it.
pub type Task = TaskView<AccountId, Balance, BlockNumber>;
/// An assignment of a device.
pub type Assignment = AssignmentView<BlockNumber>;
/// The era rewards of an account.
pub type Rewards = RewardsView<Balance, BlockNumber>;

impl Client {
	/// A registered device.
	pub async fn device(&self, device: &AccountId) -> Result<Option<Device>, Error> {
		self.runtime_call("DepinApi_device", device, None).await
	}

	/// The open assignments of a device.
	pub async fn assignments(&self, device: &AccountId) -> Result<Vec<Assignment>, Error> {
		self.runtime_call("DepinApi_assignments", device, None).await
	}

	/// The open assignments of a device at block `at` (the finalized one, say).
	pub async fn assignments_at(
		&self,
		device: &AccountId,
		at: Hash,
	) -> Result<Vec<Assignment>, Error> {
		self.runtime_call("DepinApi_assignments", device, Some(at)).await
	}

	/// A task.
	pub async fn task(&self, task: TaskId) -> Result<Option<Task>, Error> {
		self.runtime_call("DepinApi_task", task, None).await
	}

	/// The blob a task reads instead of an inline input, if it has one (`DepinApi`
	/// version 4).
	pub async fn stored_input(&self, task: TaskId) -> Result<Option<BlobRef>, Error> {
		self.runtime_call("DepinApi_stored_input", task, None).await
	}

	/// Where devices fetch the input of a task whose input the chain does not keep
	/// (`Market.InputSources`): URL templates with `{hash}`; empty for other tasks.
	pub async fn input_sources(&self, task: TaskId) -> Result<Vec<String>, Error> {
		self.chain_metadata(None).await?.check_storage("Market", "InputSources")?;
		let key = crate::client::map_key_twox64("Market", "InputSources", &task);
		let Some(bytes) = self.storage(&key, None).await? else { return Ok(Vec::new()) };
		let sources = <Vec<Vec<u8>> as codec::Decode>::decode(&mut &bytes[..]).map_err(|e| {
			Error::Decode { method: "Market.InputSources".into(), reason: e.to_string() }
		})?;
		Ok(sources.into_iter().map(|s| String::from_utf8_lossy(&s).into_owned()).collect())
	}

	/// The most bytes a task's output blob may have, if its output is a blob (`DepinApi`
	/// version 4).
	pub async fn output_limit(&self, task: TaskId) -> Result<Option<u64>, Error> {
		self.runtime_call("DepinApi_output_limit", task, None).await
	}

	/// The code of a program.
	pub async fn program(&self, program: &ProgramId) -> Result<Option<Vec<u8>>, Error> {
		self.runtime_call("DepinApi_program", program, None).await
	}

	/// The verified output of a task.
	pub async fn output(&self, task: TaskId) -> Result<Option<Vec<u8>>, Error> {
		self.runtime_call("DepinApi_output", task, None).await
	}

	/// Network-wide numbers.
	pub async fn stats(&self) -> Result<Stats, Error> {
		self.runtime_call("DepinApi_stats", (), None).await
	}

	/// The era rewards of `account`.
	pub async fn rewards(&self, account: &AccountId) -> Result<Rewards, Error> {
		self.runtime_call("DepinApi_rewards", account, None).await
	}

	/// A page of tasks, newest first, with ids below `before`; only `submitter`'s if given
	/// (`DepinApi` version 2).
	pub async fn tasks(
		&self,
		submitter: Option<&AccountId>,
		before: Option<TaskId>,
		limit: u32,
	) -> Result<Page<Task, TaskId>, Error> {
		self.runtime_call("DepinApi_tasks", (submitter, before, limit), None).await
	}

	/// A page of registered devices after `after`; only `owner`'s if given (`DepinApi`
	/// version 2).
	pub async fn devices(
		&self,
		owner: Option<&AccountId>,
		after: Option<&AccountId>,
		limit: u32,
	) -> Result<Page<(AccountId, Device), AccountId>, Error> {
		self.runtime_call("DepinApi_devices", (owner, after, limit), None).await
	}

	/// A page of the task queue in the order it is served, from its `start`-th task
	/// (`DepinApi` version 2).
	pub async fn queue(&self, start: u32, limit: u32) -> Result<Page<TaskId, u32>, Error> {
		self.runtime_call("DepinApi_queue", (start, limit), None).await
	}

	/// The market by price level: queued bids, listed asks, the last era's median
	/// clearing price (`DepinApi` version 3).
	pub async fn market(&self) -> Result<MarketView<Balance>, Error> {
		self.runtime_call("DepinApi_market", (), None).await
	}
}
