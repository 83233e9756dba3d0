//! Weights of the SDK's pallets measured on this project's benchmark machine by
//! `scripts/benchmark.sh` (our own pallets keep theirs in `pallets/*/src/weights.rs`).
//! A transfer and a task are then charged from the same hardware.

pub mod pallet_balances;
