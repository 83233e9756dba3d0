//! Signing keys: sr25519 key pairs from a secret URI (`//Alice`, a mnemonic, `0x…` seed),
//! or from a file holding one (which must not be readable by others).

use std::{os::unix::fs::PermissionsExt, path::Path};

use depin_runtime::{AccountId, Signature};
use sp_core::{crypto::Ss58Codec, sr25519, Pair};

use crate::Error;

/// A key that signs transactions.
#[derive(Clone)]
pub struct Signer {
	pair: sr25519::Pair,
	account: AccountId,
}

impl Signer {
	/// A signer from a secret URI.
	pub fn from_suri(suri: &str) -> Result<Self, Error> {
		let pair = sr25519::Pair::from_string(suri.trim(), None)
			.map_err(|e| Error::BadKey(format!("not a valid secret URI ({e:?})")))?;
		Ok(Self::from_pair(pair))
	}

	/// A signer from `suri`, or, when `suri` names an existing file, from the secret URI in
	/// that file. The file must not be readable by group or others (mode 0600 or stricter).
	pub fn from_suri_or_file(suri: &str) -> Result<Self, Error> {
		let path = Path::new(suri);
		if !suri.starts_with("//") && path.is_file() {
			let mode = std::fs::metadata(path)
				.map_err(|e| Error::BadKey(format!("{}: {e}", path.display())))?
				.permissions()
				.mode();
			if mode & 0o077 != 0 {
				return Err(Error::BadKey(format!(
					"{} is readable by others (mode {:o}); run `chmod 600 {}`",
					path.display(),
					mode & 0o777,
					path.display()
				)));
			}
			let secret = std::fs::read_to_string(path)
				.map_err(|e| Error::BadKey(format!("{}: {e}", path.display())))?;
			return Self::from_suri(&secret);
		}
		Self::from_suri(suri)
	}

	/// A signer from a key pair.
	pub fn from_pair(pair: sr25519::Pair) -> Self {
		let account = AccountId::from(pair.public());
		Self { pair, account }
	}

	/// The signing account.
	pub fn account(&self) -> &AccountId {
		&self.account
	}

	/// The account in SS58 form.
	pub fn address(&self) -> String {
		self.account.to_ss58check()
	}

	/// Signs `payload` as is (`SignedPayload::using_encoded` hashes long payloads first).
	pub fn sign(&self, payload: &[u8]) -> sr25519::Signature {
		self.pair.sign(payload)
	}

	/// This device key's consent to its registration by `owner` on the chain whose genesis
	/// hash is `genesis`, after `registrations` earlier ones (`Client::registrations`): the
	/// `consent` of `devices.register_device`.
	pub fn consent(
		&self,
		owner: &AccountId,
		genesis: &depin_runtime::Hash,
		registrations: u32,
	) -> Signature {
		let payload = depin_primitives::device_consent_payload(owner, genesis, registrations);
		self.sign(&payload).into()
	}
}

/// Parses an account from SS58 or `0x`-hex.
pub fn parse_account(s: &str) -> Result<AccountId, Error> {
	if let Some(hex) = s.strip_prefix("0x") {
		let bytes = hex::decode(hex).map_err(|e| Error::BadKey(format!("account {s}: {e}")))?;
		let raw: [u8; 32] = bytes
			.try_into()
			.map_err(|_| Error::BadKey(format!("account {s}: expected 32 bytes")))?;
		return Ok(AccountId::from(raw));
	}
	AccountId::from_ss58check(s).map_err(|e| Error::BadKey(format!("account {s}: {e:?}")))
}

/// An account in SS58 form.
pub fn ss58(account: &AccountId) -> String {
	account.to_ss58check()
}
