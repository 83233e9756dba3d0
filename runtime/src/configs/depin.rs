//! Configuration of the compute pallets: device registry, task market, result
//! verification and era rewards.
//!
//! Durations are in blocks: 6 s on Aura chains, `--dev-block-time` (1 s by default) on the
//! development chain. `docs/architecture.md` explains each number.

use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64},
	weights::Weight,
	PalletId,
};
use sp_runtime::Perbill;

use super::RuntimeBlockWeights;
use crate::{
	AccountId, Balance, Balances, Blobs, BlockNumber, Devices, Market, Rewards, Runtime,
	RuntimeHoldReason, Verification, DAYS, MICRO_UNIT, UNIT,
};
use sp_runtime::traits::AccountIdConversion;

parameter_types! {
	/// Bond held per device.
	pub const DeviceBond: Balance = 100 * UNIT;
	/// Least bond to be listed: one wrong result (10 %) keeps a device listed, a second
	/// unlists it until its owner tops the bond up.
	pub const MinListedBond: Balance = 85 * UNIT;
	/// Minimum blocks between two counted heartbeats: the free heartbeats of `MaxDevices`
	/// devices take at most a quarter of every block (a runtime test checks it).
	pub const HeartbeatPeriod: BlockNumber = 100;
	/// A device without a heartbeat for this many blocks gets no new work: three periods,
	/// so one heartbeat lost in a full transaction pool does not unlist a device.
	pub const HeartbeatTimeout: BlockNumber = 300;
	/// Blocks between `deregister` and `withdraw_bond`.
	pub const UnbondingPeriod: BlockNumber = DAYS;
	/// An ask changes at most once per 10 minutes at 6 s blocks (100 s on the dev chain).
	pub const AskInterval: BlockNumber = 100;
	/// Most cores (and concurrent assignments) per device.
	pub const MaxCores: u16 = 256;
}

impl pallet_devices::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Slashed bonds are burned (total issuance falls by the slashed amount).
	type Slashed = ();
	type MinBond = DeviceBond;
	type MinListedBond = MinListedBond;
	type MaxDevicesPerOwner = ConstU32<64>;
	type MaxDevices = ConstU32<100_000>;
	type MaxCores = MaxCores;
	// One executor version: the one this release's workers run. A new worker release
	// with another executor widens the range in the runtime upgrade that comes with it.
	type MinExecutorVersion = ConstU32<{ depin_primitives::EXECUTOR_VERSION }>;
	type MaxExecutorVersion = ConstU32<{ depin_primitives::EXECUTOR_VERSION }>;
	type HeartbeatPeriod = HeartbeatPeriod;
	type HeartbeatTimeout = HeartbeatTimeout;
	type UnbondingPeriod = UnbondingPeriod;
	type AskInterval = AskInterval;
	/// A device consents with the same kind of signature as its transactions.
	type DeviceSignature = crate::Signature;
	type WeightInfo = pallet_devices::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkConsent;
}

/// Device keys for the device registry's benchmarks: sr25519 keys made in the
/// benchmark's keystore.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkConsent;

#[cfg(feature = "runtime-benchmarks")]
impl depin_primitives::ConsentFactory<AccountId, crate::Signature> for BenchmarkConsent {
	fn device_consenting(index: u32, payload: &[u8]) -> (AccountId, crate::Signature) {
		use sp_runtime::traits::IdentifyAccount;
		const KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"dpin");
		let seed = alloc::format!("//depin/benchmark/device/{index}");
		let public = sp_io::crypto::sr25519_generate(KEY_TYPE, Some(seed.into_bytes()));
		let signature = sp_io::crypto::sr25519_sign(KEY_TYPE, &public, payload)
			.expect("the key was just generated in the benchmark's keystore");
		(sp_runtime::MultiSigner::from(public).into_account(), signature.into())
	}
}

/// Largest program: 4 MiB (a Rust program with `regex` is ~1.3 MB as wasm32-wasip1).
pub const MAX_PROGRAM_LEN: u32 = 4 * 1024 * 1024;
/// Most replicas of a task: 7 asked for, plus 2 escalations of 2.
pub const MAX_SLOTS: u32 = 11;
/// Largest task input: 128 KiB.
pub const MAX_INPUT_LEN: u32 = 128 * 1024;
/// Largest output kept on chain: 128 KiB.
pub const MAX_OUTPUT_LEN: u32 = 128 * 1024;

parameter_types! {
	pub const ProgramDepositBase: Balance = UNIT;
	pub const ProgramDepositPerByte: Balance = MICRO_UNIT;
	pub const OutputDepositPerByte: Balance = MICRO_UNIT;
	/// 10¹² fuel: minutes of compute on a fast core.
	pub const MaxFuel: u64 = 1_000_000_000_000;
	pub const MinFuelPrice: Balance = 1;
	pub const CommitTimeout: BlockNumber = 20;
	pub const RevealWindow: BlockNumber = 10;
	pub const TimeoutSlash: Perbill = Perbill::from_percent(1);
	pub const TaskRetention: BlockNumber = DAYS;
	/// 0.1 DPN per task plus 1 µDPN per input byte: what a place in the queue costs.
	pub const TaskDepositBase: Balance = UNIT / 10;
	pub const TaskDepositPerByte: Balance = MICRO_UNIT;
	/// 0.05 DPN to decline an assignment: 1/20 of a timeout slash of a full bond, and
	/// five declines (0.25 DPN) cost more than the largest task deposit (≈ 0.23 DPN).
	pub const DeclineFee: Balance = UNIT / 20;
	/// 10 % of every payment to a device goes to the treasury: at least the mint ratio.
	pub const ProtocolFee: Perbill = Perbill::from_percent(10);
	/// 10¹⁸ planck (10⁶ DPN): no single payment earns more points.
	pub const MaxPointsPerPayment: u64 = 1_000_000_000_000_000_000;
	/// The scheduler and the market's timers use at most a quarter of a block.
	pub HookWeightLimit: Weight = Perbill::from_percent(25) * RuntimeBlockWeights::get().max_block;
}

/// Bytes a signed `blobs.store` or `blobs.renew` transaction carries besides its chunk or
/// hash (signature, extensions, call and length prefixes), and more.
const CHUNK_TX_OVERHEAD_LEN: u32 = 256;
/// Weight of the extensions of a signed `blobs` transaction (signature check, nonce,
/// payment, …), as the transaction payment charges it, and 10 µs for what the options a
/// sender picks (a mortal era, the metadata hash) add.
fn chunk_extension_weight() -> Weight {
	use sp_runtime::traits::TransactionExtension;
	let extension = crate::tx_extension(sp_runtime::generic::Era::Immortal, 0, false);
	let call = crate::RuntimeCall::Blobs(pallet_blobs::Call::store { data: Default::default() });
	extension.weight(&call).saturating_add(Weight::from_parts(
		10 * frame_support::weights::constants::WEIGHT_REF_TIME_PER_MICROS,
		0,
	))
}

/// What a signed `blobs` transaction of `call_weight` and `len` bytes pays at the current
/// fee multiplier (base, length, call and extension weight), no tip.
fn chunk_transaction_fee(call_weight: Weight, len: u32) -> Balance {
	let info = frame_support::dispatch::DispatchInfo {
		call_weight,
		extension_weight: chunk_extension_weight(),
		class: frame_support::dispatch::DispatchClass::Normal,
		pays_fee: frame_support::dispatch::Pays::Yes,
	};
	pallet_transaction_payment::Pallet::<Runtime>::compute_fee(len, &info, 0)
}

/// The chain's stored data as the market sees it: the blobs pallet's records, and what
/// storing or renewing a chunk costs whoever sends it — the storage fee and the
/// transaction's own fee — so that a device that stores a task's output blob is paid back
/// all it spent.
pub struct ChainData;

impl depin_primitives::StoredData<AccountId, BlockNumber, Balance> for ChainData {
	fn kept(
		hash: &depin_primitives::ContentHash,
	) -> Option<depin_primitives::KeptChunk<BlockNumber>> {
		<Blobs as depin_primitives::StoredData<AccountId, BlockNumber, Balance>>::kept(hash)
	}

	fn claim_repayment(
		hash: &depin_primitives::ContentHash,
		since: BlockNumber,
	) -> Option<depin_primitives::ChunkPayment<AccountId>> {
		<Blobs as depin_primitives::StoredData<AccountId, BlockNumber, Balance>>::claim_repayment(
			hash, since,
		)
	}

	fn fee(size: u32) -> Balance {
		let weight = Blobs::store_weight(size);
		let len = size.saturating_add(CHUNK_TX_OVERHEAD_LEN);
		Blobs::fee_for(size).saturating_add(chunk_transaction_fee(weight, len))
	}

	fn renew_fee(size: u32) -> Balance {
		use pallet_blobs::WeightInfo;
		let weight = <Runtime as pallet_blobs::Config>::WeightInfo::renew();
		let len = CHUNK_TX_OVERHEAD_LEN.saturating_add(32);
		Blobs::fee_for(size).saturating_add(chunk_transaction_fee(weight, len))
	}
}

impl pallet_market::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Devices = Devices;
	type Verification = Verification;
	type Rewards = Rewards;
	type MaxProgramLen = ConstU32<MAX_PROGRAM_LEN>;
	type ProgramDepositBase = ProgramDepositBase;
	type ProgramDepositPerByte = ProgramDepositPerByte;
	type MaxInputLen = ConstU32<MAX_INPUT_LEN>;
	type MaxOutputLen = ConstU32<MAX_OUTPUT_LEN>;
	type OutputDepositPerByte = OutputDepositPerByte;
	type MaxReplicas = ConstU32<7>;
	type MaxSlots = ConstU32<MAX_SLOTS>;
	type MaxFuel = MaxFuel;
	type MinFuelPrice = MinFuelPrice;
	type MaxJobMemoryMib = ConstU32<4096>;
	/// A full round (commit 20 + reveal 10) and two escalations.
	type MinDeadline = ConstU32<90>;
	type MaxDeadline = ConstU32<{ 7 * DAYS }>;
	type CommitTimeout = CommitTimeout;
	type RevealWindow = RevealWindow;
	type TimeoutSlash = TimeoutSlash;
	type MaxEscalations = ConstU32<2>;
	type EscalationReplicas = ConstU32<2>;
	type MaxQueueLen = ConstU32<10_000>;
	type TaskDepositBase = TaskDepositBase;
	type TaskDepositPerByte = TaskDepositPerByte;
	type MaxOpenTasksPerSubmitter = ConstU32<1_000>;
	type MaxLookahead = ConstU32<32>;
	/// The dev chain's 1 s blocks: 6 s Aura chains give devices six times the time.
	type MinBlockTimeMs = ConstU64<1_000>;
	/// One hour at 1 s blocks.
	type MaxExecutionBlocks = ConstU32<3_600>;
	type MaxTaskFaults = ConstU32<5>;
	type DeclineFee = DeclineFee;
	type ProtocolFee = ProtocolFee;
	type FeeDestination = TreasuryAccount;
	type MinRewardedReplicas = ConstU32<2>;
	type MaxPointsPerPayment = MaxPointsPerPayment;
	type MaxProbes = ConstU32<64>;
	type MaxTimersPerBlock = ConstU32<512>;
	type HookWeightLimit = HookWeightLimit;
	type TaskRetention = TaskRetention;
	type Data = ChainData;
	/// 1 GiB of input in chunks of 2 MiB.
	type MaxBlobChunks = ConstU32<512>;
	/// 4 MiB/s: a 256 MiB input adds 64 blocks (at 1 s) to a device's commit deadline.
	type MinTransferRate = ConstU32<{ 4 * 1024 * 1024 }>;
	type WeightInfo = pallet_market::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Devices;
	#[cfg(feature = "runtime-benchmarks")]
	type DataHelper = Blobs;
}

parameter_types! {
	/// Share of the bond slashed for a wrong result.
	pub const WrongResultSlash: Perbill = Perbill::from_percent(10);
	/// Share of the bond slashed for a commitment never revealed.
	pub const RevealTimeoutSlash: Perbill = Perbill::from_percent(1);
}

impl pallet_verification::Config for Runtime {
	type Market = Market;
	type Devices = Devices;
	type MaxOutputLen = ConstU32<MAX_OUTPUT_LEN>;
	type MaxSlots = ConstU32<MAX_SLOTS>;
	type WrongResultSlash = WrongResultSlash;
	type RevealTimeoutSlash = RevealTimeoutSlash;
	type WeightInfo = pallet_verification::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Market;
}

parameter_types! {
	pub const RewardsPalletId: PalletId = PalletId(*b"dp/rewrd");
	pub const TreasuryPalletId: PalletId = PalletId(*b"dp/trsry");
	/// The treasury: receives fees, and a share of each era's mint.
	pub TreasuryAccount: AccountId = TreasuryPalletId::get().into_account_truncating();
	/// 100 blocks: 10 minutes at 6 s, 100 s on the dev chain.
	pub const EraLength: BlockNumber = 100;
	/// Minted per era with verified work.
	pub const EraInflation: Balance = 10 * UNIT;
	pub const TreasuryShare: Perbill = Perbill::from_percent(10);
	/// An era mints at most 10 % of the value paid in it (= the protocol fee).
	pub const MintRatio: Perbill = Perbill::from_percent(10);
}

impl pallet_rewards::Config for Runtime {
	type Currency = Balances;
	type PalletId = RewardsPalletId;
	type TreasuryAccount = TreasuryAccount;
	type EraLength = EraLength;
	type EraInflation = EraInflation;
	type TreasuryShare = TreasuryShare;
	type MintRatio = MintRatio;
	type MaxUnclaimedEras = ConstU32<32>;
	type WeightInfo = pallet_rewards::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// A stored or renewed byte pays 0.1 µDPN for each retention period (≈ 0.1 DPN per MiB
	/// and day), to the treasury; the transaction's length fee comes on top.
	pub const BlobByteFee: Balance = MICRO_UNIT / 10;
	/// One day of blocks: 1 day at 6 s, 4 hours on the 1 s dev chain.
	pub const BlobRetentionPeriod: BlockNumber = DAYS;
}

impl pallet_blobs::Config for Runtime {
	type Currency = Balances;
	type FeeDestination = TreasuryAccount;
	type ByteFee = BlobByteFee;
	type MaxChunkLen = ConstU32<{ depin_primitives::data::MAX_CHUNK_LEN }>;
	/// 64 chunks per block: at most 3 of the largest fit a block's length.
	type MaxBlockChunks = ConstU32<64>;
	/// A chunk pays for at least 128 KiB (8 MiB of block length over 64 chunks): filling a
	/// block with tiny chunks costs what filling it with large ones does (≈ 0.84 DPN).
	type MinChargedBytes = ConstU32<{ super::MAX_BLOCK_LENGTH_BYTES / 64 }>;
	type DefaultRetentionPeriod = BlobRetentionPeriod;
	type WeightInfo = pallet_blobs::weights::SubstrateWeight<Runtime>;
}
