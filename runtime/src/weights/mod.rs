//! Weights measured on this project's benchmark machine by `scripts/benchmark.sh`: the
//! SDK's pallets (our own pallets keep theirs in `pallets/*/src/weights.rs`) and one
//! database read and write. A transfer and a task are then charged from the same
//! hardware.

pub mod pallet_balances;
pub mod paritydb_weights;
