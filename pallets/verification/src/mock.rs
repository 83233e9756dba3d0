//! The whole compute runtime for verification's tests: system, balances, devices,
//! market, verification and rewards, wired as in the real runtime.

use crate as pallet_verification;
use depin_primitives::{
	commitment, output_hash, output_key, output_proof, DeviceSpec, ExecResult, Hash32, Salt,
	TaskId, TaskParams, VerificationHooks,
};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, Hooks},
	weights::Weight,
	PalletId,
};
use sp_runtime::{BuildStorage, Perbill};
use std::{cell::RefCell, collections::BTreeMap};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Devices: pallet_devices,
		Market: pallet_market,
		Verification: pallet_verification,
		Rewards: pallet_rewards,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
	/// The database weights of the benchmarked `()` weights.
	type DbWeight = frame_support::weights::constants::RocksDbWeight;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

pub const BOND: Balance = 10_000;

parameter_types! {
	pub const MinBond: Balance = BOND;
	pub const MinListedBond: Balance = BOND * 85 / 100;
	pub const HeartbeatPeriod: u64 = 5;
	pub const HeartbeatTimeout: u64 = 1_000;
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
	// As in the runtime: only the current version, so that the benchmarks' task factory
	// (run here as tests) registers devices the runtime accepts.
	type MinExecutorVersion = ConstU32<{ depin_primitives::EXECUTOR_VERSION }>;
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

pub const COMMIT_TIMEOUT: u64 = 5;
pub const REVEAL_WINDOW: u64 = 4;
pub const MAX_OUTPUT: u32 = 64;
pub const PRICE: Balance = 2;
pub const MAX_FUEL: u64 = 1_000;

parameter_types! {
	pub const ProgramDepositBase: Balance = 10;
	pub const ProgramDepositPerByte: Balance = 1;
	pub const OutputDepositPerByte: Balance = 1;
	pub const MaxFuel: u64 = 1_000_000;
	pub const MinFuelPrice: Balance = 1;
	pub const CommitTimeout: u64 = COMMIT_TIMEOUT;
	pub const RevealWindow: u64 = REVEAL_WINDOW;
	pub const TimeoutSlash: Perbill = Perbill::from_percent(1);
	pub const TaskRetention: u64 = 50;
	pub HookWeightLimit: Weight = Weight::from_parts(2_000_000_000_000, u64::MAX);
}

impl pallet_market::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Devices = Devices;
	type Verification = Verification;
	type Rewards = Rewards;
	type MaxProgramLen = ConstU32<256>;
	type ProgramDepositBase = ProgramDepositBase;
	type ProgramDepositPerByte = ProgramDepositPerByte;
	type MaxInputLen = ConstU32<64>;
	type MaxOutputLen = ConstU32<MAX_OUTPUT>;
	type OutputDepositPerByte = OutputDepositPerByte;
	type MaxReplicas = ConstU32<5>;
	type MaxSlots = ConstU32<9>;
	type MaxFuel = MaxFuel;
	type MinFuelPrice = MinFuelPrice;
	type MaxJobMemoryMib = ConstU32<4096>;
	type MinDeadline = ConstU32<MIN_DEADLINE>;
	type MaxDeadline = ConstU32<1000>;
	type CommitTimeout = CommitTimeout;
	type RevealWindow = RevealWindow;
	type TimeoutSlash = TimeoutSlash;
	type MaxEscalations = ConstU32<2>;
	type EscalationReplicas = ConstU32<2>;
	type MaxQueueLen = ConstU32<64>;
	type TaskDepositBase = TaskDepositBase;
	type TaskDepositPerByte = TaskDepositPerByte;
	type MaxOpenTasksPerSubmitter = ConstU32<64>;
	type MaxLookahead = ConstU32<8>;
	type MinBlockTimeMs = ConstU64<1000>;
	type MaxExecutionBlocks = ConstU32<30>;
	type MaxTaskFaults = ConstU32<4>;
	type DeclineFee = ConstU64<30>;
	type ProtocolFee = ProtocolFee;
	type FeeDestination = Treasury;
	type MinRewardedReplicas = MinRewardedReplicas;
	type MaxPointsPerPayment = ConstU64<{ u64::MAX }>;
	type MaxProbes = ConstU32<32>;
	type MaxTimersPerBlock = ConstU32<64>;
	type HookWeightLimit = HookWeightLimit;
	type TaskRetention = TaskRetention;
	type Data = ();
	type MaxBlobChunks = ConstU32<8>;
	type MinTransferRate = ConstU32<1_000>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Devices;
	#[cfg(feature = "runtime-benchmarks")]
	type DataHelper = ();
}

parameter_types! {
	pub const WrongResultSlash: Perbill = Perbill::from_percent(10);
	pub const RevealTimeoutSlash: Perbill = Perbill::from_percent(1);
}

impl pallet_verification::Config for Test {
	type Market = Market;
	type Devices = Devices;
	type MaxOutputLen = ConstU32<MAX_OUTPUT>;
	type MaxSlots = ConstU32<9>;
	type WrongResultSlash = WrongResultSlash;
	type RevealTimeoutSlash = RevealTimeoutSlash;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Market;
}

pub const ERA_LENGTH: u64 = 20;
pub const TREASURY: AccountId = 9_999;

parameter_types! {
	pub const RewardsPalletId: PalletId = PalletId(*b"dp/rewrd");
	pub const Treasury: AccountId = TREASURY;
	pub const EraLength: u64 = ERA_LENGTH;
	pub const EraInflation: Balance = 100_000;
	pub const TreasuryShare: Perbill = Perbill::from_percent(10);
	pub const MintRatio: Perbill = Perbill::from_percent(10);
	pub const ProtocolFee: Perbill = Perbill::from_percent(10);
	pub const TaskDepositBase: Balance = 50;
	pub const TaskDepositPerByte: Balance = 1;
	pub static MinRewardedReplicas: u32 = 1;
}

/// Shortest task deadline: a full round plus two escalations.
pub const MIN_DEADLINE: u32 = 60;

impl pallet_rewards::Config for Test {
	type Currency = Balances;
	type PalletId = RewardsPalletId;
	type TreasuryAccount = Treasury;
	type EraLength = EraLength;
	type EraInflation = EraInflation;
	type TreasuryShare = TreasuryShare;
	type MintRatio = MintRatio;
	type MaxUnclaimedEras = ConstU32<4>;
	type WeightInfo = ();
}

/// The dApp (1) is rich; owners 11..=19 have 100_000; devices 101..=119 have 1_000.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances: Vec<(AccountId, Balance)> = vec![(1, 1_000_000_000), (2, 100)];
	balances.extend((11..=19).map(|o| (o, 100_000)));
	balances.extend((101..=119).map(|d| (d, 1_000)));
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut t)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Every pallet's invariants.
pub fn check_invariants() {
	Devices::do_try_state().expect("device invariants hold");
	Market::do_try_state().expect("market invariants hold");
	Verification::do_try_state().expect("verification invariants hold");
	Rewards::do_try_state().expect("rewards invariants hold");
}

/// Runs `f` in a fresh externality and checks every invariant afterwards.
pub fn test(f: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		f();
		check_invariants();
	});
}

/// Advances to block `n`, running the hooks (in runtime order) and checking invariants.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		System::set_parent_hash(sp_core::H256::repeat_byte(next as u8));
		Market::on_initialize(next);
		Rewards::on_initialize(next);
		check_invariants();
	}
}

/// `owner` registers `device` with `spec`, with the device's consent.
pub fn register(
	owner: AccountId,
	device: AccountId,
	spec: DeviceSpec,
) -> sp_runtime::DispatchResult {
	pallet_devices::testing::register::<Test>(owner, device, spec)
}

/// `n` devices (101.., owners 11..), registered and heartbeating.
pub fn devices(n: u64) {
	for i in 0..n {
		let spec = DeviceSpec {
			cores: 2,
			memory_mib: 1024,
			fuel_per_second: 1_000,
			executor_version: depin_primitives::EXECUTOR_VERSION,
			determinism_class: 1,
		};
		register(11 + i, 101 + i, spec).unwrap();
		Devices::heartbeat(RuntimeOrigin::signed(101 + i)).unwrap();
	}
}

/// Uploads a program and submits a task with `replicas`; returns the task id.
pub fn submit(replicas: u8) -> TaskId {
	submit_with_deadline(replicas, 200)
}

/// Uploads a program and submits a task with `replicas` and a deadline `deadline` blocks
/// away; returns the task id.
pub fn submit_with_deadline(replicas: u8, deadline: u32) -> TaskId {
	let mut code = vec![0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
	code.extend_from_slice(&pallet_market::Counters::<Test>::get().next_task_id.to_le_bytes());
	let program = depin_primitives::program_id(&code);
	Market::upload_program(RuntimeOrigin::signed(1), code).unwrap();
	let task = pallet_market::Counters::<Test>::get().next_task_id;
	let params = TaskParams {
		max_fuel: MAX_FUEL,
		fuel_price: PRICE,
		replicas,
		memory_mib: 64,
		deadline,
		portable: false,
	};
	Market::submit_task(RuntimeOrigin::signed(1), program, b"in".to_vec(), params).unwrap();
	task
}

/// What an owner receives for `fuel` verified fuel: the value less the protocol fee.
pub fn earned(fuel: u64) -> Balance {
	let value = fuel * PRICE;
	value - ProtocolFee::get() * value
}

/// The devices holding slots in `task`.
pub fn slots(task: TaskId) -> Vec<AccountId> {
	pallet_market::Tasks::<Test>::get(task).unwrap().slots.iter().map(|s| s.device).collect()
}

thread_local! {
	/// The outputs of the results made with [`result`], by hash: what a device that ran
	/// the job holds.
	static OUTPUTS: RefCell<BTreeMap<Hash32, Vec<u8>>> = const { RefCell::new(BTreeMap::new()) };
}

/// A result whose output is `output`.
pub fn result(output: &[u8], fuel_used: u64) -> ExecResult {
	let hash = output_hash(output);
	OUTPUTS.with(|o| o.borrow_mut().insert(hash, output.to_vec()));
	ExecResult { exit: 0, output_hash: hash, fuel_used }
}

/// The output of `r`, which was made with [`result`].
pub fn output_of(r: &ExecResult) -> Vec<u8> {
	OUTPUTS.with(|o| o.borrow().get(&r.output_hash).cloned()).expect("made with `result`")
}

/// The output proof of `device` that ran the job and got `r`.
pub fn proof_of(task: TaskId, device: AccountId, r: &ExecResult) -> Hash32 {
	output_proof(task, &output_key(&output_of(r)), &device)
}

/// The salt a device uses in the tests.
pub fn salt(device: AccountId) -> Salt {
	[device as u8; 32]
}

/// `device` commits to `r` with the proof its output gives.
pub fn commit(task: TaskId, device: AccountId, r: &ExecResult) -> sp_runtime::DispatchResult {
	commit_with(task, device, r, proof_of(task, device, r))
}

/// `device` commits to `r` with `proof`.
pub fn commit_with(
	task: TaskId,
	device: AccountId,
	r: &ExecResult,
	proof: Hash32,
) -> sp_runtime::DispatchResult {
	let c = commitment(task, r, &proof, &salt(device), &device);
	Verification::commit(RuntimeOrigin::signed(device), task, c).map(|_| ()).map_err(|e| e.error)
}

/// `device` commits to `r` with the proof its output gives: the call's own answer (what
/// it was charged, whether it pays).
pub fn commit_post(
	task: TaskId,
	device: AccountId,
	r: &ExecResult,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	let c = commitment(task, r, &proof_of(task, device, r), &salt(device), &device);
	Verification::commit(RuntimeOrigin::signed(device), task, c)
}

/// `device` reveals `r` with the proof its output gives and `output` attached: the call's
/// own answer.
pub fn reveal_post(
	task: TaskId,
	device: AccountId,
	r: ExecResult,
	output: Option<Vec<u8>>,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	let proof = proof_of(task, device, &r);
	Verification::reveal(RuntimeOrigin::signed(device), task, r, proof, salt(device), output)
}

/// `device` reveals `r` with `proof`, and publishes nothing.
pub fn reveal_with(
	task: TaskId,
	device: AccountId,
	r: ExecResult,
	proof: Hash32,
) -> sp_runtime::DispatchResult {
	Verification::reveal(RuntimeOrigin::signed(device), task, r, proof, salt(device), None)
		.map(|_| ())
		.map_err(|e| e.error)
}

/// `device` reveals `r` with its output attached.
pub fn reveal_publishing(
	task: TaskId,
	device: AccountId,
	r: ExecResult,
) -> sp_runtime::DispatchResult {
	let output = Some(output_of(&r));
	reveal_post(task, device, r, output).map(|_| ()).map_err(|e| e.error)
}

/// `device` reveals `r` as a worker does: with its output attached when the reveal
/// completes a quorum, and publishing the output afterwards when it has a turn to (its
/// result has a quorum and no output is published yet).
pub fn reveal(task: TaskId, device: AccountId, r: ExecResult) -> sp_runtime::DispatchResult {
	let replicas = pallet_market::Tasks::<Test>::get(task).map_or(0, |t| t.replicas());
	if depin_primitives::completes_quorum(&Verification::revealed_results(task), replicas, &r) {
		return reveal_publishing(task, device, r);
	}
	reveal_with(task, device, r, proof_of(task, device, &r))?;
	if Verification::publish_turn(task, &device).is_some() {
		publish(task, device, &output_of(&r))?;
	}
	Ok(())
}

/// `who` publishes `output` for `task`.
pub fn publish(task: TaskId, who: AccountId, output: &[u8]) -> sp_runtime::DispatchResult {
	Verification::publish_output(RuntimeOrigin::signed(who), task, output.to_vec())
		.map(|_| ())
		.map_err(|e| e.error)
}
