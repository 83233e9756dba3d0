//! # Task market
//!
//! dApps upload WASM programs and submit tasks that run them; the market escrows the
//! maximum price, finds devices, keeps time, and settles.
//!
//! - **Programs** are content-addressed (`blake2_256` of the code), stored once, and cost a
//!   deposit per byte that comes back with `remove_program`.
//! - **Tasks** put `max_fuel × fuel_price × replicas` on hold and enter the queue at the
//!   price level of their bid (`fuel_price`); `bump_task` raises a bid.
//! - The **scheduler** (in `on_initialize`, under a weight cap) serves the highest price
//!   level first, each level in order of arrival, and gives a task `replicas` distinct
//!   devices from the registry's candidate index: owners all different, enough memory, a
//!   free slot, an ask no higher than the bid, one determinism class unless the task is
//!   portable. Positions are probed from a seed (parent hash and task id), at most
//!   `MaxProbes` per task, so an assignment costs the same with ten devices or ten
//!   thousand. A task that cannot be filled goes to the back of its level; a bounded
//!   look-ahead, and at least one look per level and block, keep unservable tasks from
//!   blocking the ones behind or below them.
//! - **Timers** (a bounded wheel of per-block lists) release devices that do not commit
//!   within `CommitTimeout` (timeout mark, small slash, slot reassigned), end reveal
//!   windows (verification decides), expire tasks at their deadline (escrow back) and
//!   prune finished tasks after `TaskRetention`.
//! - **Settlement** ([`depin_primitives::TaskSettlement`]) is called by verification: pay
//!   devices from escrow, add replicas, fail, close with refund.
//!
//! Every rule of the market lives in one of: `dispatchables.rs` (calls), `scheduler.rs`,
//! `timers.rs`, `settlement.rs`; read-only views for the runtime API in `queries.rs`.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod dispatchables;
mod invariants;
pub mod migrations;
#[cfg(test)]
mod mock;
mod queries;
mod scheduler;
mod settlement;
mod stored_data;
#[cfg(test)]
mod tests;
mod timers;
pub mod types;
pub mod weights;

pub use scheduler::Probes;
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use depin_primitives::{
		DeviceRegistry, ProgramId, ProgramInfo, RewardSink, TaskId, TaskState, VerificationHooks,
	};
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, Mutate, MutateHold},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{traits::UniqueSaturatedInto, Perbill};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(4);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the task market.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency of deposits, escrow and payments.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The device registry.
		type Devices: DeviceRegistry<Self::AccountId, BlockNumberFor<Self>>;

		/// Result verification, told when reveal windows end and tasks finish.
		type Verification: VerificationHooks<Self::AccountId>;

		/// Receives the compute points of paid devices' owners.
		type Rewards: RewardSink<Self::AccountId>;

		/// The chain's stored data, which a task's input may name instead of carrying it, and
		/// where a task's large output is stored.
		type Data: depin_primitives::StoredData<
			Self::AccountId,
			BlockNumberFor<Self>,
			<Self::Currency as Inspect<Self::AccountId>>::Balance,
		>;

		/// Most chunks a stored input or output may have (its manifest is checked chunk by
		/// chunk at submission or publication).
		#[pallet::constant]
		type MaxBlobChunks: Get<u32>;

		/// Bytes per second every device is assumed to fetch a stored input at: a device's
		/// commit deadline adds the input's size at this rate to its execution time, so no
		/// device misses a deadline for a transfer the chain did not give it time for.
		#[pallet::constant]
		type MinTransferRate: Get<u32>;

		/// Largest program, in bytes. Must fit in a block together with the extrinsic.
		#[pallet::constant]
		type MaxProgramLen: Get<u32>;

		/// Deposit per stored program, on top of the per-byte deposit.
		#[pallet::constant]
		type ProgramDepositBase: Get<BalanceOf<Self>>;

		/// Deposit per byte of program code.
		#[pallet::constant]
		type ProgramDepositPerByte: Get<BalanceOf<Self>>;

		/// Largest task input, in bytes.
		#[pallet::constant]
		type MaxInputLen: Get<u32>;

		/// Largest task output kept on chain, in bytes.
		#[pallet::constant]
		type MaxOutputLen: Get<u32>;

		/// Deposit per byte of stored output, returned when the task is pruned.
		#[pallet::constant]
		type OutputDepositPerByte: Get<BalanceOf<Self>>;

		/// Most replicas a task can ask for.
		#[pallet::constant]
		type MaxReplicas: Get<u32>;

		/// Most slots a task can hold: `MaxReplicas + MaxEscalations × EscalationReplicas`.
		#[pallet::constant]
		type MaxSlots: Get<u32>;

		/// Highest `max_fuel` of a task.
		#[pallet::constant]
		type MaxFuel: Get<u64>;

		/// Lowest `fuel_price` of a task.
		#[pallet::constant]
		type MinFuelPrice: Get<BalanceOf<Self>>;

		/// Largest job memory limit, in MiB.
		#[pallet::constant]
		type MaxJobMemoryMib: Get<u32>;

		/// Shortest task deadline, in blocks after submission.
		#[pallet::constant]
		type MinDeadline: Get<u32>;

		/// Longest task deadline, in blocks after submission.
		#[pallet::constant]
		type MaxDeadline: Get<u32>;

		/// Blocks an assigned device has to commit before its slot is released.
		#[pallet::constant]
		type CommitTimeout: Get<BlockNumberFor<Self>>;

		/// Blocks of the reveal window.
		#[pallet::constant]
		type RevealWindow: Get<BlockNumberFor<Self>>;

		/// Share of a device's bond slashed when it does not answer in time.
		#[pallet::constant]
		type TimeoutSlash: Get<Perbill>;

		/// Times a task without quorum gets more replicas before it fails.
		#[pallet::constant]
		type MaxEscalations: Get<u32>;

		/// Replicas added per escalation.
		#[pallet::constant]
		type EscalationReplicas: Get<u32>;

		/// Most tasks waiting in the queue.
		#[pallet::constant]
		type MaxQueueLen: Get<u32>;

		/// Deposit per task, on top of the per-byte deposit for its input: what a task's
		/// place in the queue and its storage cost. Returned when the task is pruned;
		/// forfeited to `FeeDestination` when the task is abandoned after `MaxTaskFaults`.
		#[pallet::constant]
		type TaskDepositBase: Get<BalanceOf<Self>>;

		/// Deposit per byte of task input.
		#[pallet::constant]
		type TaskDepositPerByte: Get<BalanceOf<Self>>;

		/// Most unfinished tasks one submitter can have.
		#[pallet::constant]
		type MaxOpenTasksPerSubmitter: Get<u32>;

		/// Most queued tasks the scheduler passes over per block because they cannot get
		/// devices now (each goes to the back of the queue), so that no task blocks the
		/// ones behind it.
		#[pallet::constant]
		type MaxLookahead: Get<u32>;

		/// Shortest block time the chain runs at, in milliseconds: converts a device's
		/// declared speed (fuel per second) into blocks of execution.
		#[pallet::constant]
		type MinBlockTimeMs: Get<u64>;

		/// Most blocks of execution a task may need on a device at its declared speed;
		/// slower devices are not assigned the task.
		#[pallet::constant]
		type MaxExecutionBlocks: Get<u32>;

		/// Commit timeouts and declines after which a task is abandoned (`Failed`, escrow
		/// back, deposit forfeited to `FeeDestination`): a task nobody can run stops
		/// costing devices.
		#[pallet::constant]
		type MaxTaskFaults: Get<u32>;

		/// What a device pays `FeeDestination` to decline an assignment: far below a
		/// timeout slash, so declining what it cannot run is a device's best move, and at
		/// least a `MaxTaskFaults`-th of the largest task deposit, so that declines which
		/// abandon a task cost the decliners more than the dApp loses.
		#[pallet::constant]
		type DeclineFee: Get<BalanceOf<Self>>;

		/// Share of every payment to a device that goes to `FeeDestination`. Must be at
		/// least the rewards pallet's mint ratio, so that paying oneself never earns more
		/// minted reward than it costs in fees.
		#[pallet::constant]
		type ProtocolFee: Get<Perbill>;

		/// Receives the protocol fee (the treasury). The genesis gives it the existential
		/// deposit if the chain spec did not: a fee below it to a missing account could not
		/// be paid, and neither could the device it comes with.
		type FeeDestination: Get<Self::AccountId>;

		/// Fewest replicas a task needs for its payments to earn compute points: a task
		/// that one device verifies alone proves nothing to the rest of the network.
		#[pallet::constant]
		type MinRewardedReplicas: Get<u32>;

		/// Most compute points one payment earns.
		#[pallet::constant]
		type MaxPointsPerPayment: Get<u64>;

		/// Most candidate positions probed per task and block.
		#[pallet::constant]
		type MaxProbes: Get<u32>;

		/// Most timers due in one block; more spill into the following blocks.
		#[pallet::constant]
		type MaxTimersPerBlock: Get<u32>;

		/// Weight the scheduler and timers may use per block.
		#[pallet::constant]
		type HookWeightLimit: Get<Weight>;

		/// Blocks a finished task stays queryable before it is pruned.
		#[pallet::constant]
		type TaskRetention: Get<BlockNumberFor<Self>>;

		/// Weights of calls and hooks, from the benchmarks.
		type WeightInfo: WeightInfo;

		/// Creates candidate devices for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: depin_primitives::DeviceFactory<Self::AccountId>;

		/// Records stored chunks for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type DataHelper: depin_primitives::StoredDataFactory<Self::AccountId>;
	}

	/// Reasons for putting funds on hold.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Storage deposit of an uploaded program.
		#[codec(index = 0)]
		ProgramDeposit,
		/// Escrow of a submitted task.
		#[codec(index = 1)]
		TaskEscrow,
		/// Storage deposit of a verified output.
		#[codec(index = 2)]
		OutputDeposit,
		/// Storage deposit of a task and its input.
		#[codec(index = 3)]
		TaskDeposit,
	}

	/// Stored programs.
	#[pallet::storage]
	pub type Programs<T: Config> = StorageMap<_, Identity, ProgramId, ProgramInfoOf<T>>;

	/// Program code, apart from its metadata so metadata reads stay cheap.
	#[pallet::storage]
	pub type ProgramCode<T: Config> =
		StorageMap<_, Identity, ProgramId, BoundedVec<u8, T::MaxProgramLen>>;

	/// Number of stored programs.
	#[pallet::storage]
	pub type ProgramCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Tasks, until pruned.
	#[pallet::storage]
	pub type Tasks<T: Config> = StorageMap<_, Twox64Concat, TaskId, TaskOf<T>>;

	/// Task inputs.
	#[pallet::storage]
	pub type TaskInputs<T: Config> =
		StorageMap<_, Twox64Concat, TaskId, BoundedVec<u8, T::MaxInputLen>>;

	/// Stored inputs: the blob a task reads instead of an inline input (its `TaskInputs`
	/// entry is then empty).
	#[pallet::storage]
	pub type StoredInputs<T: Config> =
		StorageMap<_, Twox64Concat, TaskId, depin_primitives::BlobRef>;

	/// Where devices fetch the input of a task whose input the chain does not keep: URL
	/// templates (`depin_primitives::data::check_source`), tried in order. Its
	/// `StoredInputs` entry names the blob.
	#[pallet::storage]
	pub type InputSources<T: Config> = StorageMap<_, Twox64Concat, TaskId, SourcesOf>;

	/// The owners whose devices reported a task's input unavailable, one each.
	#[pallet::storage]
	pub type UnavailableReports<T: Config> =
		StorageMap<_, Twox64Concat, TaskId, BoundedVec<T::AccountId, T::MaxReplicas>, ValueQuery>;

	/// Output limits of the tasks whose output is stored as a blob: the most bytes it may
	/// have, and the storage fee held for it in the escrow (see `output_fee`). Their
	/// `Outputs` entry is the blob's manifest.
	#[pallet::storage]
	pub type OutputLimits<T: Config> = StorageMap<_, Twox64Concat, TaskId, (u64, BalanceOf<T>)>;

	/// Verified outputs, with their deposit.
	#[pallet::storage]
	pub type Outputs<T: Config> =
		StorageMap<_, Twox64Concat, TaskId, (BoundedVec<u8, T::MaxOutputLen>, BalanceOf<T>)>;

	/// The queue of tasks waiting for devices: price level and position → task. Each level
	/// is a FIFO whose ends are in [`Counters`]; the highest level is served first.
	#[pallet::storage]
	pub type Queue<T: Config> = StorageDoubleMap<_, Twox64Concat, u8, Twox64Concat, u32, TaskId>;

	/// Tasks currently in the queue, with their price level and position.
	#[pallet::storage]
	pub type InQueue<T: Config> = StorageMap<_, Twox64Concat, TaskId, (u8, u32)>;

	/// Replicas assigned per price level in this era and the last: the clearing prices of
	/// the market view.
	#[pallet::storage]
	pub type Clearing<T: Config> = StorageValue<_, ClearingCounts, ValueQuery>;

	/// Timers due at each block.
	#[pallet::storage]
	pub type Timers<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<TimerOf<T>, T::MaxTimersPerBlock>,
		ValueQuery,
	>;

	/// Unfinished tasks of each submitter (at most `MaxOpenTasksPerSubmitter`).
	#[pallet::storage]
	pub type OpenTasks<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Items of the FIFO timer lines (reveal deadlines, pruning): by line and position, the
	/// block it is due and the task. Items of a line are due in the order they were added,
	/// because each line adds a constant delay to the current block; so a line never fills
	/// up and never refuses an item.
	#[pallet::storage]
	pub type LineItems<T: Config> =
		StorageDoubleMap<_, Twox64Concat, Line, Twox64Concat, u32, (BlockNumberFor<T>, TaskId)>;

	/// The market's counters and cursors in one value: the next task id, the queue's ends,
	/// the timer wheel's cursor, the timer lines' ends and the tasks in each state.
	#[pallet::storage]
	pub type Counters<T: Config> = StorageValue<_, MarketCounters<BlockNumberFor<T>>, ValueQuery>;

	/// Why a device lost its slot.
	#[derive(
		Clone,
		Copy,
		PartialEq,
		Eq,
		Debug,
		Encode,
		Decode,
		DecodeWithMemTracking,
		TypeInfo,
		MaxEncodedLen,
	)]
	pub enum ReleaseReason {
		/// It did not commit within `CommitTimeout`.
		CommitTimeout,
		/// The task was cancelled.
		Cancelled,
		/// The task ended (verified, failed or expired).
		TaskEnded,
		/// The device declined the assignment.
		Declined,
		/// The device could fetch the task's input from none of its sources.
		InputUnavailable,
	}

	/// Events of the task market.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A program was stored.
		ProgramUploaded { program: ProgramId, owner: T::AccountId, len: u32, deposit: BalanceOf<T> },
		/// A program was removed and its deposit returned.
		ProgramRemoved { program: ProgramId, owner: T::AccountId },
		/// A task was submitted and its escrow put on hold.
		TaskSubmitted {
			task: TaskId,
			submitter: T::AccountId,
			program: ProgramId,
			escrow: BalanceOf<T>,
			deposit: BalanceOf<T>,
		},
		/// A device got a slot of a task.
		TaskAssigned { task: TaskId, device: T::AccountId },
		/// A task changed state.
		TaskStateChanged { task: TaskId, from: TaskState, to: TaskState },
		/// A device lost its slot.
		SlotReleased { task: TaskId, device: T::AccountId, reason: ReleaseReason },
		/// A device committed.
		Committed { task: TaskId, device: T::AccountId },
		/// A device's owner was paid for verified fuel: `amount` to the owner, `fee` of it
		/// to the protocol, `points` credited for the era.
		DevicePaid {
			task: TaskId,
			device: T::AccountId,
			owner: T::AccountId,
			fuel_used: u64,
			amount: BalanceOf<T>,
			fee: BalanceOf<T>,
			points: u64,
		},
		/// A task without quorum got more replicas (extra escrow on hold).
		TaskEscalated { task: TaskId, replicas: u32, extra_escrow: BalanceOf<T> },
		/// The verified output of `task`, published by `publisher`, is blob `manifest` of
		/// `size` bytes; `fee` (what storing it cost) was paid back out of the escrow to the
		/// accounts that stored its chunks (`StorageRepaid`).
		OutputBlobStored {
			task: TaskId,
			publisher: T::AccountId,
			manifest: depin_primitives::ContentHash,
			size: u64,
			fee: BalanceOf<T>,
		},
		/// `payer`, who stored (or last renewed) chunks of the output blob of `task`, was paid
		/// back `amount` for them out of the escrow.
		StorageRepaid { task: TaskId, payer: T::AccountId, amount: BalanceOf<T> },
		/// The verified output could not be stored (no deposit); only its hash is kept.
		OutputNotStored { task: TaskId, len: u32 },
		/// A task's remaining escrow went back to its submitter.
		EscrowRefunded { task: TaskId, submitter: T::AccountId, amount: BalanceOf<T> },
		/// A finished task was pruned from storage and its deposit returned.
		TaskPruned { task: TaskId, deposit: BalanceOf<T> },
		/// A task reached `MaxTaskFaults` (slots declined or timed out) and failed; its
		/// deposit was forfeited.
		TaskAbandoned { task: TaskId, faults: u8, forfeited: BalanceOf<T> },
		/// A queued task's bid was raised to `fuel_price` (price level `level`), with
		/// `extra_escrow` more on hold.
		TaskBidRaised {
			task: TaskId,
			fuel_price: BalanceOf<T>,
			level: u8,
			extra_escrow: BalanceOf<T>,
		},
		/// Devices of `reporters` distinct owners — as many as the task's replicas — could
		/// fetch the input from none of its sources: the task failed, its deposit forfeited
		/// (`forfeited`), the rest of its escrow refunded, nobody slashed.
		InputUnavailable { task: TaskId, reporters: u32, forfeited: BalanceOf<T> },
	}

	/// Errors of the task market.
	#[pallet::error]
	pub enum Error<T> {
		/// The code is larger than `MaxProgramLen`.
		ProgramTooLarge,
		/// The code does not start with the Wasm magic number and version.
		NotWasm,
		/// This exact code is already stored (use its id).
		ProgramExists,
		/// No program with this id.
		UnknownProgram,
		/// Only the uploader can remove a program.
		NotProgramOwner,
		/// Open tasks still use the program.
		ProgramInUse,
		/// The caller's free balance cannot cover the deposit or escrow.
		InsufficientBalance,
		/// The input is larger than `MaxInputLen`.
		InputTooLarge,
		/// A stored input's manifest does not decode (see `depin_primitives::Manifest`).
		BadManifest,
		/// A stored input has more than `MaxBlobChunks` chunks.
		TooManyInputChunks,
		/// An output limit above what `MaxBlobChunks` chunks hold.
		InvalidOutputLimit,
		/// A published output blob's manifest does not decode, or one of its chunks (or the
		/// manifest) is not kept by the chain with its size: store it first (`blobs.store`).
		OutputNotKept,
		/// A chunk of a published output blob (or its manifest) is due for renewal (stored or
		/// last renewed half a retention period ago or more), so it may leave the chain
		/// before the dApp fetched it, and anyone may have taken its payment over: renew it
		/// first (`blobs.renew`).
		OutputStoredTooEarly,
		/// A stored input's manifest or one of its chunks is not kept by the chain, or is
		/// kept with another size than the manifest says.
		InputNotStored,
		/// A stored input's manifest or one of its chunks leaves the chain before the task's
		/// deadline: renew it first.
		InputExpiresTooSoon,
		/// `replicas` must be in 1..=MaxReplicas.
		InvalidReplicas,
		/// `max_fuel` must be in 1..=MaxFuel.
		InvalidFuel,
		/// `fuel_price` is below `MinFuelPrice`.
		FuelPriceTooLow,
		/// `memory_mib` must be in 1..=MaxJobMemoryMib.
		InvalidMemory,
		/// `deadline` must be in MinDeadline..=MaxDeadline blocks.
		InvalidDeadline,
		/// `max_fuel × fuel_price × replicas` overflows.
		EscrowOverflow,
		/// The queue holds `MaxQueueLen` tasks already.
		QueueFull,
		/// The submitter has `MaxOpenTasksPerSubmitter` unfinished tasks already.
		TooManyOpenTasks,
		/// Fewer registered devices offer the task's memory than it asks replicas: no
		/// device could ever serve it.
		NoCapableDevices,
		/// Too many timers are due around the deadline; try another deadline.
		TimersFull,
		/// No task with this id.
		UnknownTask,
		/// Only the submitter can cancel a task.
		NotSubmitter,
		/// A device holds a slot of the task (it may be running it), or it is finished.
		NotCancellable,
		/// The device holds no slot in this task.
		NotAssigned,
		/// The device already committed.
		AlreadyCommitted,
		/// The task is not in a state that allows this.
		WrongState,
		/// The output is larger than `MaxOutputLen`.
		OutputTooLarge,
		/// The output does not hash to the result's `output_hash`.
		OutputMismatch,
		/// The task reached `MaxEscalations`.
		NoEscalationLeft,
		/// A payment exceeds the task's remaining escrow.
		EscrowExhausted,
		/// The device cannot pay `DeclineFee` (it keeps its existential deposit).
		CannotPayDeclineFee,
		/// The slot's commit deadline has come: a commit must be in an earlier block.
		CommitTooLate,
		/// A raised bid must be higher than the task's current `fuel_price`.
		BidNotHigher,
		/// The task is not waiting in the queue (its devices are all assigned, or it is
		/// finished).
		NotQueued,
		/// An input from sources must name at least one source.
		NoSources,
		/// An input names more than `depin_primitives::data::MAX_SOURCES` sources.
		TooManySources,
		/// A source is not an `http://` or `https://` URL template of printable ASCII, at
		/// most `MAX_SOURCE_LEN` bytes, with exactly one `{hash}` or `{cid}`.
		InvalidSource,
		/// The task's input is not fetched from sources: the chain keeps it.
		NotFromSources,
		/// A device of this owner reported the task's input unavailable already.
		AlreadyReported,
	}

	/// The market's genesis: nothing to configure; it makes sure `FeeDestination` exists.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let destination = T::FeeDestination::get();
			let (minimum, held) =
				(T::Currency::minimum_balance(), T::Currency::balance(&destination));
			if held < minimum {
				// Minting into a missing account at least its existential deposit cannot
				// fail; a genesis that could not be built would be refused anyway.
				let minted = T::Currency::mint_into(&destination, minimum - held);
				assert!(minted.is_ok(), "the fee destination's existential deposit is minted");
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::run_hooks(now)
		}

		fn integrity_test() {
			assert!(T::MaxReplicas::get() >= 1, "MaxReplicas must be positive");
			assert!(T::MaxReplicas::get() <= u8::MAX as u32, "replicas are a u8");
			assert!(
				T::MaxSlots::get()
					>= T::MaxReplicas::get()
						+ T::MaxEscalations::get() * T::EscalationReplicas::get(),
				"MaxSlots must hold every replica of a fully escalated task"
			);
			assert!(T::MinDeadline::get() >= 1 && T::MinDeadline::get() <= T::MaxDeadline::get());
			let commit: u64 = T::CommitTimeout::get().unique_saturated_into();
			let reveal: u64 = T::RevealWindow::get().unique_saturated_into();
			let round = commit.saturating_add(reveal);
			assert!(
				T::MinDeadline::get() as u64 >= round * (1 + T::MaxEscalations::get() as u64),
				"a deadline must cover a full commit and reveal round plus every escalation"
			);
			assert!(T::MaxTaskFaults::get() >= 1 && T::MaxTaskFaults::get() <= u8::MAX as u32);
			assert!(
				sp_runtime::Saturating::saturating_mul(
					T::DeclineFee::get(),
					T::MaxTaskFaults::get().into(),
				) >= Self::task_deposit(T::MaxInputLen::get()),
				"declines that abandon a task must cost more than the task's deposit"
			);
			assert!(T::MinBlockTimeMs::get() >= 1, "MinBlockTimeMs must be positive");
			assert!(
				T::MaxProbes::get() >= T::MaxReplicas::get(),
				"probe at least once per replica"
			);
			assert!(T::MaxTimersPerBlock::get() >= 4, "timers per block too few");
			assert!(T::MaxProgramLen::get() >= 8, "a program needs the Wasm header");
			assert!(
				Self::timer_budget().all_gte(Self::max_timer_weight())
					&& Self::schedule_reserve().all_gte(Self::max_schedule_weight()),
				"HookWeightLimit must allow at least one timer and one reserved scheduling step"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Stores `code` (a Wasm module) for tasks to run, holding a deposit of
		/// `ProgramDepositBase + len × ProgramDepositPerByte`. Its id is `blake2_256(code)`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::upload_program(code.len() as u32))]
		pub fn upload_program(origin: OriginFor<T>, code: alloc::vec::Vec<u8>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_upload_program(who, code)
		}

		/// Removes a program the caller uploaded, once no open task uses it, and returns
		/// its deposit.
		#[pallet::call_index(1)]
		pub fn remove_program(origin: OriginFor<T>, program: ProgramId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_program(who, program)
		}

		/// Submits a task running `program` on `input`, holding
		/// `max_fuel × fuel_price × replicas` in escrow. Devices are paid from it for
		/// verified fuel; the rest comes back.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::submit_task(input.len() as u32))]
		pub fn submit_task(
			origin: OriginFor<T>,
			program: ProgramId,
			input: alloc::vec::Vec<u8>,
			params: depin_primitives::TaskParams<BalanceOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit_task(who, program, input, params)
		}

		/// Submits a task running `program` on a blob the chain keeps (`blobs.store`): the
		/// blob's `manifest` bytes, whose hash names it. Every chunk must be kept, with the
		/// size the manifest says, until the task's deadline. Devices fetch the blob and run
		/// the job on it as on an inline input; their commit deadlines add the blob's size at
		/// `MinTransferRate`. Escrow and deposit as for `submit_task` (the deposit covers the
		/// reference kept in state, not the blob).
		///
		/// `output_limit` 0 keeps the output in state (at most `MaxOutputLen`). Above 0 the
		/// job may write up to `output_limit` bytes (at most `MaxBlobChunks` chunks), stored
		/// as a blob: replicas compare its manifest's hash, the device that publishes it
		/// stores the chunks first and is paid what that cost (`StoredData::blob_fee` of its
		/// size) out of the escrow, which holds the fee of `output_limit` bytes besides the
		/// fuel; reveal windows add `output_limit` at `MinTransferRate`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::submit_stored_task(
			depin_primitives::data::manifest_chunks(manifest.len())
		))]
		pub fn submit_stored_task(
			origin: OriginFor<T>,
			program: ProgramId,
			manifest: alloc::vec::Vec<u8>,
			params: depin_primitives::TaskParams<BalanceOf<T>>,
			output_limit: u64,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit_stored_task(who, program, manifest, params, output_limit)
		}

		/// Cancels a task of the caller that no device holds a slot of (so nobody is
		/// running it); the whole escrow comes back.
		#[pallet::call_index(3)]
		pub fn cancel_task(origin: OriginFor<T>, task: TaskId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_task(who, task)
		}

		/// The calling device gives up its slot of `task` before committing, because it
		/// cannot run it (the module fails on the host, or it cannot finish in time). It
		/// pays `DeclineFee` and is neither slashed nor unlisted; the slot goes back to the
		/// queue and counts as a fault of the task (see `MaxTaskFaults`).
		#[pallet::call_index(4)]
		pub fn decline_task(origin: OriginFor<T>, task: TaskId) -> DispatchResult {
			let device = ensure_signed(origin)?;
			Self::do_decline_task(device, task)
		}

		/// Raises the bid (`fuel_price`) of a task of the caller that waits in the queue,
		/// holding the difference for every replica in escrow. A bid that reaches a higher
		/// price level moves the task to the back of that level, ahead of every lower
		/// bid; within its level the task keeps its place.
		#[pallet::call_index(5)]
		pub fn bump_task(
			origin: OriginFor<T>,
			task: TaskId,
			fuel_price: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_bump_task(who, task, fuel_price)
		}

		/// Submits a task whose input is blob `input` that the chain does not keep: devices
		/// fetch its manifest and chunks from `sources` (URL templates with `{hash}` or
		/// `{cid}` — an IPFS gateway's `https://gateway/ipfs/{cid}` — tried
		/// in order; at most `MAX_SOURCES` of at most `MAX_SOURCE_LEN` bytes each) and check
		/// every byte against `input`'s name, so replicas still read the same bytes. For
		/// data that outgrows the chain. Otherwise as `submit_stored_task`; the deposit pays
		/// for the sources too. If devices of as many distinct owners as the task has
		/// replicas report the input unavailable (`report_input_unavailable`), the task
		/// fails with its deposit forfeited and the rest refunded.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::submit_sourced_task())]
		pub fn submit_sourced_task(
			origin: OriginFor<T>,
			program: ProgramId,
			input: depin_primitives::BlobRef,
			sources: alloc::vec::Vec<alloc::vec::Vec<u8>>,
			params: depin_primitives::TaskParams<BalanceOf<T>>,
			output_limit: u64,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit_sourced_task(who, program, input, sources, params, output_limit)
		}

		/// The calling device could fetch the input of `task` (a task on sources) from none
		/// of its sources within its transfer time: it gives its slot up before committing,
		/// paying nothing and not counted as a fault; the slot goes back to the queue. One
		/// report per owner; when owners as many as the task's replicas have reported, the
		/// task fails (event `InputUnavailable`).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::report_input_unavailable())]
		pub fn report_input_unavailable(origin: OriginFor<T>, task: TaskId) -> DispatchResult {
			let device = ensure_signed(origin)?;
			Self::do_report_input_unavailable(device, task)
		}
	}

	/// A task's input sources, as stored.
	pub type SourcesOf = BoundedVec<
		BoundedVec<u8, ConstU32<{ depin_primitives::data::MAX_SOURCE_LEN }>>,
		ConstU32<{ depin_primitives::data::MAX_SOURCES }>,
	>;

	/// The stored form of a program's metadata.
	pub type ProgramInfoOf<T> =
		ProgramInfo<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
}
