//! Signing keys: sr25519 key pairs from a secret URI (`//Alice`, a mnemonic, `0x…` seed),
//! or from a file holding one (which must not be readable by others).

use std::{os::unix::fs::PermissionsExt, path::Path};

use crate::types::{AccountId, Signature};
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
		if looks_like_a_path(suri) {
			return Err(Error::BadKey(format!(
				"key file {suri} not found (a secret URI starts with `//` or `0x`, or is a mnemonic)"
			)));
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
		genesis: &crate::types::Hash,
		registrations: u32,
	) -> Signature {
		let payload = depin_primitives::device_consent_payload(owner, genesis, registrations);
		self.sign(&payload).into()
	}
}

/// Whether `s` reads as a file name rather than a secret URI: one word with a `/` or a
/// `.`, not starting like a URI (`//Alice`, `0x…` seeds).
fn looks_like_a_path(s: &str) -> bool {
	!s.contains(char::is_whitespace)
		&& !s.starts_with("//")
		&& !s.starts_with("0x")
		&& (s.contains('/') || s.contains('.'))
}

/// Parses an account from SS58 or `0x`-hex.
pub fn parse_account(s: &str) -> Result<AccountId, Error> {
	if let Some(hex) = s.strip_prefix("0x") {
		let bad = |reason: String| Error::BadAccount { account: s.into(), reason };
		let bytes = hex::decode(hex).map_err(|e| bad(e.to_string()))?;
		let raw: [u8; 32] = bytes.try_into().map_err(|_| bad("expected 32 bytes".into()))?;
		return Ok(AccountId::from(raw));
	}
	AccountId::from_ss58check(s)
		.map_err(|e| Error::BadAccount { account: s.into(), reason: format!("not SS58 ({e:?})") })
}

/// An account in SS58 form.
pub fn ss58(account: &AccountId) -> String {
	account.to_ss58check()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn mistyped_key_paths_and_addresses_get_their_own_errors() {
		let err = Signer::from_suri_or_file("/no/such/dir/device.key").err().unwrap();
		assert!(err.to_string().contains("key file /no/such/dir/device.key not found"), "{err}");
		let err = Signer::from_suri_or_file("device.key").err().unwrap();
		assert!(err.to_string().contains("not found"), "{err}");
		// A bad address is not a bad signing key.
		let err = parse_account("5NotAnAddress").err().unwrap();
		assert!(err.to_string().starts_with("bad account 5NotAnAddress: not SS58"), "{err}");
		// Secret URIs are still secret URIs.
		assert!(Signer::from_suri_or_file("//Alice").is_ok());
		let mnemonic = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
		assert!(Signer::from_suri_or_file(&format!("{mnemonic}//stash")).is_ok());
	}
}
