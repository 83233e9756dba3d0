//! Builds the runtime to Wasm (`WASM_BINARY`) unless `SKIP_WASM_BUILD` is set, with its
//! metadata hash embedded for `CheckMetadataHash` (which takes a second build of the
//! runtime crate), and the upgrade rehearsal (`upgrade_rehearsal::WASM_BINARY`, feature
//! `upgrade-rehearsal`) when `DEPIN_BUILD_UPGRADE_REHEARSAL` is set too.

/// The native token as signers show amounts: its symbol and decimals.
#[cfg(feature = "std")]
const TOKEN: (&str, u8) = ("DPN", 12);

fn main() {
	#[cfg(feature = "std")]
	{
		substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.enable_metadata_hash(TOKEN.0, TOKEN.1)
			.build();
		upgrade_rehearsal();
	}
}

/// The rehearsal's Wasm, or `None` constants when it is not asked for.
#[cfg(feature = "std")]
fn upgrade_rehearsal() {
	const FILE: &str = "upgrade_rehearsal_wasm.rs";
	println!("cargo:rerun-if-env-changed=DEPIN_BUILD_UPGRADE_REHEARSAL");
	let wanted = std::env::var_os("DEPIN_BUILD_UPGRADE_REHEARSAL").is_some()
		&& std::env::var_os("SKIP_WASM_BUILD").is_none();
	if wanted {
		substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.enable_feature("upgrade-rehearsal")
			.set_file_name(FILE)
			.build();
		return;
	}
	let none = "pub const WASM_BINARY_PATH: Option<&str> = None;\n\
		pub const WASM_BINARY: Option<&[u8]> = None;\n\
		pub const WASM_BINARY_BLOATY: Option<&[u8]> = None;\n";
	let out =
		std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(FILE);
	if std::fs::read_to_string(&out).ok().as_deref() != Some(none) {
		std::fs::write(&out, none).expect("write the rehearsal's placeholder");
	}
}
