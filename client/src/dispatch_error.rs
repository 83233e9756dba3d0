//! Turns a `DispatchError` into a named, documented [`Error`], using the runtime's own
//! metadata (the client is built with the runtime, so no download is needed).

use std::sync::OnceLock;

use frame_metadata::{v14::RuntimeMetadataV14, RuntimeMetadata};
use scale_info::TypeDef;
use sp_runtime::DispatchError;

use crate::Error;

fn metadata() -> Option<&'static RuntimeMetadataV14> {
	static METADATA: OnceLock<Option<RuntimeMetadataV14>> = OnceLock::new();
	METADATA
		.get_or_init(|| match depin_runtime::Runtime::metadata().1 {
			RuntimeMetadata::V14(m) => Some(m),
			_ => None,
		})
		.as_ref()
}

/// Name and docs of error `error` of the pallet at `pallet_index`.
fn module_error(pallet_index: u8, error: u8) -> Option<(String, String, String)> {
	let m = metadata()?;
	let pallet = m.pallets.iter().find(|p| p.index == pallet_index)?;
	let ty = m.types.resolve(pallet.error.as_ref()?.ty.id)?;
	let TypeDef::Variant(variants) = &ty.type_def else { return None };
	let v = variants.variants.iter().find(|v| v.index == error)?;
	Some((pallet.name.clone(), v.name.clone(), v.docs.join(" ")))
}

/// The [`Error`] for a failed dispatch.
pub fn describe(err: DispatchError) -> Error {
	match err {
		DispatchError::Module(m) => match module_error(m.index, m.error[0]) {
			Some((pallet, error, docs)) => Error::Dispatch { pallet, error, docs },
			None => Error::Dispatch {
				pallet: format!("pallet #{}", m.index),
				error: format!("error #{}", m.error[0]),
				docs: "unknown to this client (is it built for the chain's runtime?)".into(),
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
