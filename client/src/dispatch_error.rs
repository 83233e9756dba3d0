//! Turns a `DispatchError` into a named, documented [`Error`], using the chain's own
//! metadata (error indices may move in a runtime upgrade).

use sp_runtime::DispatchError;

use crate::{compat::ChainMetadata, Error};

/// The [`Error`] for a failed dispatch.
pub fn describe(err: DispatchError, metadata: &ChainMetadata) -> Error {
	match err {
		DispatchError::Module(m) => match metadata.module_error(m.index, m.error[0]) {
			Some((pallet, error, docs)) => Error::Dispatch { pallet, error, docs },
			None => Error::Dispatch {
				pallet: format!("pallet #{}", m.index),
				error: format!("error #{}", m.error[0]),
				docs: "not in the chain's metadata".into(),
			},
		},
		DispatchError::Token(t) => Error::Dispatch {
			pallet: "Balances".into(),
			error: format!("{t:?}"),
			docs: "the account's balance does not allow this transfer or hold".into(),
		},
		DispatchError::BadOrigin => Error::Dispatch {
			pallet: "System".into(),
			error: "BadOrigin".into(),
			docs: "this account is not allowed to make this call".into(),
		},
		other => Error::Dispatch {
			pallet: "System".into(),
			error: format!("{other:?}"),
			docs: "the call failed".into(),
		},
	}
}
