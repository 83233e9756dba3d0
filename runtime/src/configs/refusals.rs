//! Transactions certain to fail are refused before they pay.
//!
//! The pool and block authors validate every signed transaction through the fee payment
//! (`ChargeTransactionPayment`), which hands the call to [`RefuseDoomed`] before it
//! withdraws anything (`can_withdraw_fee`, run by `validate` in the pool and again when
//! the transaction is applied; its cost is charged with `blobs.store`:
//! `pallet_blobs::Pallet::store_weight`). A `blobs.store` of a chunk the chain keeps, or a `blobs.renew` that is
//! not due (`pallet_blobs::Pallet::refusal`), is refused as an invalid transaction: it never
//! enters a block, and its sender pays nothing. Without it, whoever copies a device's chunk
//! from the pool and stores it first (with a higher tip) would make the device's own store
//! fail and cost it the fee of 2 MiB of block length.
//!
//! The check sits in the fee adapter rather than in a transaction extension of its own so
//! that the transaction format, and every client that signs it, stays as it is.

use core::marker::PhantomData;
use frame_support::dispatch::{DispatchInfo, PostDispatchInfo};
use pallet_transaction_payment::{OnChargeTransaction, TxCreditHold};
use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};

use crate::{AccountId, Runtime, RuntimeCall};

/// The fee adapter `Inner`, refusing blobs transactions certain to fail (see the module).
pub struct RefuseDoomed<Inner>(PhantomData<Inner>);

/// Why `call` is refused before it pays, if it is.
fn refusal(call: &RuntimeCall) -> Result<(), TransactionValidityError> {
	match call {
		RuntimeCall::Blobs(call) => match pallet_blobs::Pallet::<Runtime>::refusal(call) {
			Some(error) => {
				let code = pallet_blobs::refusal_code(&error);
				Err(InvalidTransaction::Custom(code).into())
			}
			None => Ok(()),
		},
		_ => Ok(()),
	}
}

impl<Inner: TxCreditHold<Runtime>> TxCreditHold<Runtime> for RefuseDoomed<Inner> {
	type Credit = Inner::Credit;
}

impl<Inner: OnChargeTransaction<Runtime>> OnChargeTransaction<Runtime> for RefuseDoomed<Inner> {
	type Balance = Inner::Balance;
	type LiquidityInfo = Inner::LiquidityInfo;

	/// Not checked again here: `ChargeTransactionPayment` validates (`can_withdraw_fee`)
	/// before it withdraws, in the pool and when the transaction is applied alike.
	fn withdraw_fee(
		who: &AccountId,
		call: &RuntimeCall,
		info: &DispatchInfo,
		fee_with_tip: Self::Balance,
		tip: Self::Balance,
	) -> Result<Self::LiquidityInfo, TransactionValidityError> {
		Inner::withdraw_fee(who, call, info, fee_with_tip, tip)
	}

	fn can_withdraw_fee(
		who: &AccountId,
		call: &RuntimeCall,
		info: &DispatchInfo,
		fee_with_tip: Self::Balance,
		tip: Self::Balance,
	) -> Result<(), TransactionValidityError> {
		refusal(call)?;
		Inner::can_withdraw_fee(who, call, info, fee_with_tip, tip)
	}

	fn correct_and_deposit_fee(
		who: &AccountId,
		info: &DispatchInfo,
		post_info: &PostDispatchInfo,
		corrected_fee_with_tip: Self::Balance,
		tip: Self::Balance,
		liquidity_info: Self::LiquidityInfo,
	) -> Result<(), TransactionValidityError> {
		Inner::correct_and_deposit_fee(
			who,
			info,
			post_info,
			corrected_fee_with_tip,
			tip,
			liquidity_info,
		)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn endow_account(who: &AccountId, amount: Self::Balance) {
		Inner::endow_account(who, amount)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn minimum_balance() -> Self::Balance {
		Inner::minimum_balance()
	}
}
