//! The pallets benchmarked by `depin-node benchmark pallet` (feature `runtime-benchmarks`).

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_devices, Devices]
	[pallet_market, Market]
	[pallet_verification, Verification]
	[pallet_rewards, Rewards]
	[pallet_blobs, Blobs]
);
