//! `client/metadata/depin.scale` is this runtime's metadata (v16): `depin-client` builds
//! its calls and reads its events, storage and runtime-API answers against that file, not
//! against this crate, and compares it with the metadata of the chain it talks to.
//!
//! After a change to the runtime's calls, events, storage, constants or APIs, update the
//! file: `DEPIN_UPDATE_METADATA=1 cargo test --release --workspace --test client_metadata`.

// Benchmarking and try-runtime builds add runtime APIs of their own.
#![cfg(not(any(feature = "runtime-benchmarks", feature = "try-runtime")))]

/// The pinned metadata, found from the runtime crate's directory: `cargo test`'s
/// `CARGO_MANIFEST_DIR` at run time, else where the test was compiled (a target directory
/// shared by two checkouts may hold a binary compiled in the other one).
fn pinned_path() -> std::path::PathBuf {
	std::env::var_os("CARGO_MANIFEST_DIR")
		.map_or_else(|| env!("CARGO_MANIFEST_DIR").into(), std::path::PathBuf::from)
		.join("../client/metadata/depin.scale")
}

#[test]
fn the_clients_metadata_is_this_runtimes() {
	let ours = depin_runtime::Runtime::metadata_at_version(16)
		.expect("the runtime has metadata v16")
		.to_vec();
	if std::env::var_os("DEPIN_UPDATE_METADATA").is_some() {
		std::fs::write(pinned_path(), &ours).expect("client/metadata/depin.scale is written");
		return;
	}
	let pinned = std::fs::read(pinned_path()).expect("client/metadata/depin.scale is read");
	assert!(
		pinned == ours,
		"client/metadata/depin.scale is not this runtime's metadata: update it with \
		 `DEPIN_UPDATE_METADATA=1 cargo test --release --workspace --test client_metadata`"
	);
}
