//! A small runtime for the rewards tests: system, balances and rewards.

use crate as pallet_rewards;
use frame_support::{derive_impl, parameter_types, traits::Hooks, PalletId};
use sp_runtime::{BuildStorage, Perbill};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Rewards: pallet_rewards,
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
}

pub const ERA_LENGTH: u64 = 10;
pub const INFLATION: Balance = 10_000;
pub const TREASURY: AccountId = 999;
pub const MAX_UNCLAIMED: u32 = 3;

parameter_types! {
	pub const RewardsPalletId: PalletId = PalletId(*b"dp/rewrd");
	pub const Treasury: AccountId = TREASURY;
	pub const EraLength: u64 = ERA_LENGTH;
	pub const EraInflation: Balance = INFLATION;
	pub const TreasuryShare: Perbill = Perbill::from_percent(10);
	pub static MintRatio: Perbill = Perbill::one();
	pub const MaxUnclaimedEras: u32 = MAX_UNCLAIMED;
}

impl pallet_rewards::Config for Test {
	type Currency = Balances;
	type PalletId = RewardsPalletId;
	type TreasuryAccount = Treasury;
	type EraLength = EraLength;
	type EraInflation = EraInflation;
	type TreasuryShare = TreasuryShare;
	type MintRatio = MintRatio;
	type MaxUnclaimedEras = MaxUnclaimedEras;
	type WeightInfo = ();
}

/// Owners 1..=4 start with 100 each.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=4).map(|a| (a, 100)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `f` and checks the invariants afterwards.
pub fn test(f: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		f();
		Rewards::do_try_state().expect("invariants hold");
	});
}

/// Advances to block `n`, running `on_initialize` and checking invariants each block.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Rewards::on_initialize(next);
		Rewards::do_try_state().expect("invariants hold");
	}
}
