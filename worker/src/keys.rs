//! `depin-worker key generate|inspect`: the device key.

use std::{io::Write, os::unix::fs::OpenOptionsExt, path::Path};

use sp_core::{crypto::Ss58Codec, sr25519, Pair};

/// Generates a key; writes its secret phrase to `out` (mode 0600, never overwritten) or
/// prints it. Returns the lines to print.
pub fn generate(out: Option<&Path>) -> anyhow::Result<Vec<String>> {
	let (pair, phrase, _) = sr25519::Pair::generate_with_phrase(None);
	let mut lines = vec![format!("device account: {}", pair.public().to_ss58check())];
	match out {
		Some(path) => {
			let mut f = std::fs::OpenOptions::new()
				.write(true)
				.create_new(true)
				.mode(0o600)
				.open(path)
				.map_err(|e| {
					anyhow::anyhow!("cannot create {} (it must not exist): {e}", path.display())
				})?;
			f.write_all(phrase.as_bytes())?;
			f.sync_all()?;
			lines.push(format!("secret phrase written to {} (mode 0600)", path.display()));
			lines.push(format!("run the worker with --suri {}", path.display()));
		}
		None => {
			lines.push(format!("secret phrase: {phrase}"));
			lines.push("keep it secret; prefer --out FILE to keep it off the terminal".into());
		}
	}
	Ok(lines)
}

/// The account of a secret URI or key file.
pub fn inspect(suri: &str) -> anyhow::Result<Vec<String>> {
	let signer = depin_client::Signer::from_suri_or_file(suri)?;
	Ok(vec![
		format!("device account: {}", signer.address()),
		format!("public key: 0x{}", hex::encode(signer.account())),
	])
}

/// The device key's consent to be registered by `owner` on the chain at `url`, as the
/// lines to print: the hex signature for `depin device register --consent`.
pub async fn consent(suri: &str, owner: &str, url: &str) -> anyhow::Result<Vec<String>> {
	let signer = depin_client::Signer::from_suri_or_file(suri)?;
	let owner = depin_client::parse_account(owner)?;
	let client = depin_client::Client::connect(url).await?;
	let registrations = client.registrations(signer.account()).await?;
	let consent = signer.consent(&owner, &client.genesis(), registrations);
	let depin_client::types::Signature::Sr25519(signature) = consent else {
		anyhow::bail!("device keys are sr25519");
	};
	let (device, consent) = (signer.address(), hex::encode(signature.0));
	Ok(vec![
		format!("device account: {device}"),
		format!("consent: 0x{consent}"),
		format!("the owner registers with: depin device register --device {device} --consent 0x{consent} …"),
	])
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_generated_key_file_is_private_and_inspectable() {
		use std::os::unix::fs::PermissionsExt;
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("device.key");
		let lines = generate(Some(&path)).unwrap();
		let mode = std::fs::metadata(&path).unwrap().permissions().mode();
		assert_eq!(mode & 0o777, 0o600);
		let account = lines[0].trim_start_matches("device account: ").to_string();
		let inspected = inspect(path.to_str().unwrap()).unwrap();
		assert_eq!(inspected[0], format!("device account: {account}"));
		assert!(generate(Some(&path)).is_err(), "never overwrites a key");
	}

	#[test]
	fn a_readable_key_file_is_refused() {
		use std::os::unix::fs::PermissionsExt;
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("device.key");
		std::fs::write(&path, "//Dave").unwrap();
		std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
		let err = inspect(path.to_str().unwrap()).unwrap_err();
		assert!(err.to_string().contains("chmod 600"), "{err}");
	}
}
