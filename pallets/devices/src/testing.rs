//! Helpers for the tests of pallets that register devices: consent with
//! `sp_runtime::testing::TestSignature` on a runtime whose accounts are `u64`.

use depin_primitives::{device_consent_payload, ConsentFactory};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{testing::TestSignature, traits::Zero, DispatchResult};

use crate::pallet::Config;

/// `device`'s consent to be registered by `owner` on the test chain of `T`.
pub fn consent<T>(owner: u64, device: u64) -> TestSignature
where
	T: Config<AccountId = u64, DeviceSignature = TestSignature>,
{
	let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
	let registrations = crate::pallet::Registrations::<T>::get(device);
	TestSignature(device, device_consent_payload(&owner, &genesis, registrations))
}

/// `owner` registers `device` with `spec` and the device's consent.
pub fn register<T>(owner: u64, device: u64, spec: depin_primitives::DeviceSpec) -> DispatchResult
where
	T: Config<AccountId = u64, DeviceSignature = TestSignature>,
{
	let origin = frame_system::RawOrigin::Signed(owner).into();
	crate::Pallet::<T>::register_device(origin, device, spec, consent::<T>(owner, device))
}

/// Device keys for the benchmarks of test runtimes: device `index` is account
/// `1_000_000 + index`.
pub struct TestConsent;

impl ConsentFactory<u64, TestSignature> for TestConsent {
	fn device_consenting(index: u32, payload: &[u8]) -> (u64, TestSignature) {
		let device = 1_000_000 + index as u64;
		(device, TestSignature(device, payload.to_vec()))
	}
}
