//! A small runtime for the registry's tests: system, balances and the registry.

use crate as pallet_devices;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Devices: pallet_devices,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

pub const MIN_BOND: Balance = 1_000;
pub const HEARTBEAT_PERIOD: u64 = 5;
pub const HEARTBEAT_TIMEOUT: u64 = 20;
pub const UNBONDING_PERIOD: u64 = 50;
pub const ASK_INTERVAL: u64 = 10;
pub const MAX_PER_OWNER: u32 = 3;
pub const MAX_DEVICES: u32 = 6;

parameter_types! {
	pub const MinBond: Balance = MIN_BOND;
	pub const MinListedBond: Balance = MIN_BOND * 85 / 100;
	pub const HeartbeatPeriod: u64 = HEARTBEAT_PERIOD;
	pub const HeartbeatTimeout: u64 = HEARTBEAT_TIMEOUT;
	pub const UnbondingPeriod: u64 = UNBONDING_PERIOD;
	pub const AskInterval: u64 = ASK_INTERVAL;
	pub const MaxCores: u16 = 64;
	/// Raised by a test as a runtime upgrade would.
	pub static MinExecutorVersion: u32 = 1;
}

impl pallet_devices::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Slashed bonds are burned in tests.
	type Slashed = ();
	type MinBond = MinBond;
	type MinListedBond = MinListedBond;
	type MaxDevicesPerOwner = ConstU32<MAX_PER_OWNER>;
	type MaxDevices = ConstU32<MAX_DEVICES>;
	type MaxCores = MaxCores;
	// Versions 1 to 3: the tests use 1 and 2, the benchmarks the current one.
	type MinExecutorVersion = MinExecutorVersion;
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

/// Owners 1..=4 have 10_000 each; owner 5 has just under a bond; devices 101.. have 100.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances: Vec<(AccountId, Balance)> = (1..=4).map(|a| (a, 10_000)).collect();
	balances.push((5, MIN_BOND));
	balances.extend((101..=110).map(|d| (d, 100)));
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut t)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `f` in a fresh test externality and checks the invariants afterwards.
pub fn test(f: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		f();
		Devices::do_try_state().expect("invariants hold");
	});
}

/// Moves to block `n`.
pub fn run_to(n: u64) {
	System::set_block_number(n);
}
