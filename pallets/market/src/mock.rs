//! A small runtime for the market's tests: system, balances, the device registry and the
//! market, with verification and rewards recorded in thread-locals.

use crate as pallet_market;
use core::cell::RefCell;
use depin_primitives::{
	ChunkPayment, ContentHash, DeviceSpec, KeptChunk, TaskId, VerificationHooks,
};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, Hooks},
	weights::Weight,
};
use sp_runtime::{BuildStorage, Perbill};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Devices: pallet_devices,
		Market: pallet_market,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
	/// Real database weights, so that tests can tell a read from a deadline.
	type DbWeight = frame_support::weights::constants::RocksDbWeight;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

pub const MIN_BOND: Balance = 10_000;
pub const HEARTBEAT_TIMEOUT: u64 = 100;

parameter_types! {
	pub const MinBond: Balance = MIN_BOND;
	pub const MinListedBond: Balance = MIN_BOND * 85 / 100;
	pub const HeartbeatPeriod: u64 = 10;
	pub const HeartbeatTimeout: u64 = HEARTBEAT_TIMEOUT;
	pub const UnbondingPeriod: u64 = 10;
	pub const AskInterval: u64 = 5;
	pub const MaxCores: u16 = 4;
}

impl pallet_devices::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Slashed = ();
	type MinBond = MinBond;
	type MinListedBond = MinListedBond;
	type MaxDevicesPerOwner = ConstU32<4>;
	type MaxDevices = ConstU32<64>;
	type MaxCores = MaxCores;
	// Versions 1 to 3: the tests use 1 and 2, the benchmarks the current one.
	type MinExecutorVersion = ConstU32<1>;
	type MaxExecutorVersion = ConstU32<{ depin_primitives::EXECUTOR_VERSION }>;
	type HeartbeatPeriod = HeartbeatPeriod;
	type HeartbeatTimeout = HeartbeatTimeout;
	type UnbondingPeriod = UnbondingPeriod;
	type AskInterval = AskInterval;
	type DeviceSignature = sp_runtime::testing::TestSignature;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = pallet_devices::testing::TestConsent;
	type WeightInfo = ();
}

/// A chunk the chain keeps, and who paid for it (if known).
pub type KeptBy = (KeptChunk<u64>, Option<ChunkPayment<AccountId>>);

thread_local! {
	/// Tasks whose reveal window ended, in order.
	pub static REVEAL_TIMEOUTS: RefCell<Vec<TaskId>> = const { RefCell::new(Vec::new()) };
	/// Tasks reported finished, in order.
	pub static FINISHED: RefCell<Vec<TaskId>> = const { RefCell::new(Vec::new()) };
	/// Compute points credited, in order.
	pub static CREDITS: RefCell<Vec<(AccountId, u64)>> = const { RefCell::new(Vec::new()) };
	/// The era the rewards pallet would be in.
	pub static ERA: RefCell<u32> = const { RefCell::new(0) };
	/// Chunks the chain keeps, and who paid for each.
	pub static KEPT: RefCell<alloc::collections::BTreeMap<ContentHash, KeptBy>> =
		const { RefCell::new(alloc::collections::BTreeMap::new()) };
}

/// The chain's stored data, as a map the tests fill; storing a chunk costs
/// `STORE_BYTE_FEE` per byte, renewing it `RENEW_BYTE_FEE`.
pub struct MockData;
impl depin_primitives::StoredData<AccountId, u64, Balance> for MockData {
	fn kept(hash: &ContentHash) -> Option<KeptChunk<u64>> {
		KEPT.with(|k| k.borrow().get(hash).map(|(chunk, _)| *chunk))
	}
	fn claim_repayment(hash: &ContentHash, since: u64) -> Option<ChunkPayment<AccountId>> {
		KEPT.with(|k| {
			let mut kept = k.borrow_mut();
			let (chunk, payment) = kept.get_mut(hash)?;
			let payment = payment.as_mut().filter(|p| chunk.stored_at >= since && !p.repaid)?;
			let claimed = *payment;
			payment.repaid = true;
			Some(claimed)
		})
	}
	fn fee(size: u32) -> Balance {
		STORE_BYTE_FEE * Balance::from(size)
	}
	fn renew_fee(size: u32) -> Balance {
		RENEW_BYTE_FEE * Balance::from(size)
	}
}

/// What storing a byte costs.
pub const STORE_BYTE_FEE: Balance = 2;

/// What renewing a byte costs.
pub const RENEW_BYTE_FEE: Balance = 1;

/// An account that publishes outputs and holds nothing else.
pub const PUBLISHER: AccountId = 50;

/// An account that stores chunks and holds nothing else.
pub const UPLOADER: AccountId = 51;

#[cfg(feature = "runtime-benchmarks")]
impl depin_primitives::StoredDataFactory<AccountId> for MockData {
	fn keep(hash: ContentHash, size: u32, payer: &AccountId) {
		keep_chunk_by(hash, size, System::block_number() + 10_000, Some(*payer));
	}
}

/// Records the chunk `hash` of `size` bytes as stored now, kept through block `until`
/// (renewable half way there), and paid for by `payer` (if known).
pub fn keep_chunk_by(hash: ContentHash, size: u32, until: u64, payer: Option<AccountId>) {
	let now = System::block_number();
	let renewable_from = now + until.saturating_sub(now) / 2;
	let chunk = KeptChunk { size, stored_at: now, renewable_from, kept_until: until };
	let payment = payer.map(|payer| ChunkPayment { payer, renewed: false, repaid: false });
	KEPT.with(|k| k.borrow_mut().insert(hash, (chunk, payment)));
}

/// Records the kept chunk `hash` as renewed now by `who`, kept through block `until`.
pub fn renew_chunk_by(hash: ContentHash, until: u64, who: AccountId) {
	let size = KEPT.with(|k| k.borrow()[&hash].0.size);
	keep_chunk_by(hash, size, until, Some(who));
	KEPT.with(|k| k.borrow_mut().get_mut(&hash).unwrap().1.as_mut().unwrap().renewed = true);
}

/// Records the chunk `hash` of `size` bytes as stored now and kept through block `until`,
/// by nobody known.
pub fn keep_chunk(hash: ContentHash, size: u32, until: u64) {
	keep_chunk_by(hash, size, until, None)
}

/// Stores `data` as a blob in chunks of `chunk_len`, kept through block `until`, every
/// chunk paid for by `payer`; returns its manifest's bytes.
pub fn keep_blob_by(data: &[u8], chunk_len: u32, until: u64, payer: Option<AccountId>) -> Vec<u8> {
	let manifest = depin_primitives::Manifest::of(data, chunk_len);
	for (index, chunk) in manifest.chunks.iter().enumerate() {
		let range = manifest.chunk_range(index);
		keep_chunk_by(*chunk, (range.end - range.start) as u32, until, payer);
	}
	let bytes = manifest.to_bytes();
	let name = depin_primitives::data::content_hash(&bytes);
	keep_chunk_by(name, bytes.len() as u32, until, payer);
	bytes
}

/// Stores `data` as a blob (see `keep_blob_by`), by nobody known.
pub fn keep_blob(data: &[u8], chunk_len: u32, until: u64) -> Vec<u8> {
	keep_blob_by(data, chunk_len, until, None)
}

/// Records the market's calls into verification.
pub struct MockVerification;
impl VerificationHooks<AccountId> for MockVerification {
	fn on_reveal_timeout(task: TaskId) -> Weight {
		REVEAL_TIMEOUTS.with(|v| v.borrow_mut().push(task));
		Weight::zero()
	}
	fn on_task_finished(task: TaskId) -> Weight {
		FINISHED.with(|v| v.borrow_mut().push(task));
		Weight::zero()
	}
	fn max_hook_weight() -> Weight {
		Weight::zero()
	}
	fn revealed(_: TaskId, _: &AccountId) -> bool {
		false
	}
	fn reveal_count(_: TaskId) -> u32 {
		0
	}
	fn publish_turn(_: TaskId, _: &AccountId) -> Option<bool> {
		None
	}
	fn revealed_results(_: TaskId) -> Vec<depin_primitives::ExecResult> {
		Vec::new()
	}
}

/// Records credited compute points.
pub struct MockRewards;
impl depin_primitives::RewardSink<AccountId> for MockRewards {
	fn credit(owner: &AccountId, points: u64) -> bool {
		CREDITS.with(|c| {
			let mut credits = c.borrow_mut();
			let listed = !credits.iter().any(|(o, _)| o == owner);
			credits.push((*owner, points));
			listed
		})
	}

	fn current_era() -> u32 {
		ERA.with(|e| *e.borrow())
	}
}

pub const MAX_PROGRAM_LEN: u32 = 1024;
pub const MAX_INPUT_LEN: u32 = 64;
pub const MAX_OUTPUT_LEN: u32 = 64;
pub const COMMIT_TIMEOUT: u64 = 5;
pub const REVEAL_WINDOW: u64 = 4;
pub const RETENTION: u64 = 20;
pub const MAX_QUEUE: u32 = 8;

parameter_types! {
	pub const ProgramDepositBase: Balance = 100;
	pub const ProgramDepositPerByte: Balance = 1;
	pub const OutputDepositPerByte: Balance = 2;
	pub const MaxFuel: u64 = 1_000_000;
	pub const MinFuelPrice: Balance = 1;
	pub const CommitTimeout: u64 = COMMIT_TIMEOUT;
	pub const RevealWindow: u64 = REVEAL_WINDOW;
	pub const TimeoutSlash: Perbill = Perbill::from_percent(1);
	pub const TaskRetention: u64 = RETENTION;
	pub static HookWeightLimit: Weight = Weight::from_parts(2_000_000_000_000, u64::MAX);
	pub const TaskDepositBase: Balance = TASK_DEPOSIT_BASE;
	pub const DeclineFee: Balance = DECLINE_FEE;
	pub const TaskDepositPerByte: Balance = 1;
	pub static MaxOpenTasksPerSubmitter: u32 = 16;
	pub const ProtocolFee: Perbill = Perbill::from_percent(10);
	pub const FeeDestination: AccountId = FEE_DESTINATION;
	pub static MaxPointsPerPayment: u64 = u64::MAX;
}

/// Deposit of a task besides its input bytes.
pub const TASK_DEPOSIT_BASE: Balance = 50;
/// What a device pays to decline: `MAX_TASK_FAULTS` declines cost more than the
/// largest task deposit (50 + 64 bytes).
pub const DECLINE_FEE: Balance = 40;
/// Receives the protocol fee.
pub const FEE_DESTINATION: AccountId = 999;
/// Most blocks of execution a task may need on a device.
pub const MAX_EXECUTION_BLOCKS: u32 = 30;
/// Faults (timeouts, declines) after which a task is abandoned.
pub const MAX_TASK_FAULTS: u32 = 3;

impl pallet_market::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Devices = Devices;
	type Verification = MockVerification;
	type Rewards = MockRewards;
	type MaxProgramLen = ConstU32<MAX_PROGRAM_LEN>;
	type ProgramDepositBase = ProgramDepositBase;
	type ProgramDepositPerByte = ProgramDepositPerByte;
	type MaxInputLen = ConstU32<MAX_INPUT_LEN>;
	type MaxOutputLen = ConstU32<MAX_OUTPUT_LEN>;
	type OutputDepositPerByte = OutputDepositPerByte;
	type MaxReplicas = ConstU32<5>;
	type MaxSlots = ConstU32<9>;
	type MaxFuel = MaxFuel;
	type MinFuelPrice = MinFuelPrice;
	type MaxJobMemoryMib = ConstU32<4096>;
	type MinDeadline = ConstU32<30>;
	type MaxDeadline = ConstU32<1000>;
	type CommitTimeout = CommitTimeout;
	type RevealWindow = RevealWindow;
	type TimeoutSlash = TimeoutSlash;
	type MaxEscalations = ConstU32<2>;
	type EscalationReplicas = ConstU32<2>;
	type MaxQueueLen = ConstU32<MAX_QUEUE>;
	type TaskDepositBase = TaskDepositBase;
	type TaskDepositPerByte = TaskDepositPerByte;
	type MaxOpenTasksPerSubmitter = MaxOpenTasksPerSubmitter;
	type MaxLookahead = ConstU32<4>;
	type MinBlockTimeMs = ConstU64<1000>;
	type MaxExecutionBlocks = ConstU32<MAX_EXECUTION_BLOCKS>;
	type MaxTaskFaults = ConstU32<MAX_TASK_FAULTS>;
	type DeclineFee = DeclineFee;
	type ProtocolFee = ProtocolFee;
	type FeeDestination = FeeDestination;
	type MinRewardedReplicas = ConstU32<2>;
	type MaxPointsPerPayment = MaxPointsPerPayment;
	type MaxProbes = ConstU32<16>;
	type MaxTimersPerBlock = ConstU32<8>;
	type HookWeightLimit = HookWeightLimit;
	type TaskRetention = TaskRetention;
	type Data = MockData;
	type MaxBlobChunks = ConstU32<MAX_BLOB_CHUNKS>;
	type MinTransferRate = ConstU32<MIN_TRANSFER_RATE>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Devices;
	#[cfg(feature = "runtime-benchmarks")]
	type DataHelper = MockData;
}

/// Most chunks of a stored input.
pub const MAX_BLOB_CHUNKS: u32 = 8;
/// Bytes per second a device is given to fetch a stored input (1 000 per block).
pub const MIN_TRANSFER_RATE: u32 = 1_000;

/// dApps 1..=3 have 1_000_000_000 each; owners 11..=19 have 100_000; devices 101.. 1_000.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances: Vec<(AccountId, Balance)> = (1..=3).map(|a| (a, 1_000_000_000)).collect();
	balances.push((4, 1_000));
	balances.push((FEE_DESTINATION, 1));
	balances.extend((21..=27).map(|o| (o, 100_000)));
	balances.extend((11..=19).map(|o| (o, 100_000)));
	balances.extend((101..=130).map(|d| (d, 1_000)));
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut t)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| {
		System::set_block_number(1);
		REVEAL_TIMEOUTS.with(|v| v.borrow_mut().clear());
		FINISHED.with(|v| v.borrow_mut().clear());
		CREDITS.with(|v| v.borrow_mut().clear());
		ERA.with(|e| *e.borrow_mut() = 0);
	});
	ext
}

/// Runs `f` in a fresh test externality and checks both pallets' invariants afterwards.
pub fn test(f: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		f();
		check_invariants();
	});
}

/// Both pallets' invariants.
pub fn check_invariants() {
	Devices::do_try_state().expect("device invariants hold");
	Market::do_try_state().expect("market invariants hold");
}

/// Advances to block `n`, running the market's `on_initialize` in every block and
/// checking the invariants after each.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		System::set_parent_hash(sp_core::H256::repeat_byte(next as u8));
		Market::on_initialize(next);
		check_invariants();
	}
}

/// A device spec with `memory_mib` and determinism class `class`.
pub fn spec(memory_mib: u32, class: u64) -> DeviceSpec {
	DeviceSpec {
		cores: 2,
		memory_mib,
		fuel_per_second: 1_000_000,
		executor_version: 1,
		determinism_class: class,
	}
}

/// Registers `device` for `owner` and sends its first heartbeat.
pub fn add_device(owner: AccountId, device: AccountId, spec: DeviceSpec) {
	pallet_devices::testing::register::<Test>(owner, device, spec).unwrap();
	Devices::heartbeat(RuntimeOrigin::signed(device)).unwrap();
}

/// Registers `n` standby devices (owners 21.., devices 201.., 4096 MiB) that never send a
/// heartbeat: they count as capacity for submissions but are never assigned.
pub fn standby_devices(n: u64) {
	use depin_primitives::DeviceRegistry;
	for i in 0..n {
		let device = 201 + i;
		if pallet_devices::Devices::<Test>::contains_key(device) {
			continue;
		}
		pallet_devices::testing::register::<Test>(21 + i, device, spec(4096, 9)).unwrap();
	}
	assert!(Devices::devices_with_memory(4096) >= n as u32);
}
