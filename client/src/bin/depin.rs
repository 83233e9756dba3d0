//! `depin`: the command line of the DePIN compute chain for dApps and device owners.

fn main() -> std::process::ExitCode {
	depin_client::cli::main()
}
