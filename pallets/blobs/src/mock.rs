//! A small runtime for the blobs tests: system, balances and blobs.

use crate as pallet_blobs;
use frame_support::{derive_impl, parameter_types, traits::Hooks};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Blobs: pallet_blobs,
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

pub const TREASURY: AccountId = 999;
pub const BYTE_FEE: Balance = 2;
pub const MAX_CHUNK: u32 = 1024;
pub const MAX_BLOCK_CHUNKS: u32 = 3;
pub const RETENTION: u64 = 5;
pub const MIN_CHARGED: u32 = 100;

parameter_types! {
	pub const Treasury: AccountId = TREASURY;
	pub const ByteFee: Balance = BYTE_FEE;
	pub const MaxChunkLen: u32 = MAX_CHUNK;
	pub const MaxBlockChunks: u32 = MAX_BLOCK_CHUNKS;
	pub const MinChargedBytes: u32 = MIN_CHARGED;
	pub const DefaultRetentionPeriod: u64 = RETENTION;
}

impl pallet_blobs::Config for Test {
	type Currency = Balances;
	type FeeDestination = Treasury;
	type ByteFee = ByteFee;
	type MaxChunkLen = MaxChunkLen;
	type MaxBlockChunks = MaxBlockChunks;
	type MinChargedBytes = MinChargedBytes;
	type DefaultRetentionPeriod = DefaultRetentionPeriod;
	type WeightInfo = ();
}

/// Accounts 1 and 2 start with 100 000 each, the treasury with 1; account 3 with nothing.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(1, 100_000), (2, 100_000), (TREASURY, 1)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| start_block(1));
	ext
}

/// The parent hash the tests give block `n`.
pub fn parent_of(n: u64) -> sp_core::H256 {
	sp_core::H256::repeat_byte((n % 251) as u8 + 1)
}

/// Starts block `n`: initializes it with [`parent_of`]`(n)`, runs the hook, and sets the
/// extrinsic index to 0.
pub fn start_block(n: u64) {
	System::initialize(&n, &parent_of(n), &Default::default());
	Blobs::on_initialize(n);
	System::set_extrinsic_index(0);
}

/// Ends the current block and starts the next ones up to `n`, checking the invariants.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let now = System::block_number();
		Blobs::on_finalize(now);
		Blobs::do_try_state().unwrap();
		start_block(now + 1);
	}
}
