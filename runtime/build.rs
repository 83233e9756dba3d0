//! Builds the runtime to Wasm (`WASM_BINARY`) unless `SKIP_WASM_BUILD` is set.
fn main() {
	#[cfg(feature = "std")]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}
