#!/usr/bin/env bash
# Runs every test of the project: setup, build, unit tests, runtime tests and the
# process-level tests that start real depin-node processes. This is the README's test
# command and what CI runs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$DEPIN_ROOT/scripts/setup.sh"
cd "$DEPIN_ROOT"

start=$SECONDS
build_workspace
build_jobs
log "build took $((SECONDS - start)) s"

start=$SECONDS
log "running the tests"
# Process-level tests start several nodes each; two test threads keep a 2-core machine
# responsive enough for their timeouts.
cargo test --release --locked --workspace -- --test-threads 2
log "tests took $((SECONDS - start)) s"

start=$SECONDS
log "running the storage migrations' try-runtime checks (features upgrade-rehearsal, try-runtime)"
cargo test --release --locked -p pallet-rewards -p pallet-verification -p pallet-market \
	-p pallet-devices \
	--features pallet-rewards/upgrade-rehearsal,pallet-rewards/try-runtime \
	--features pallet-verification/try-runtime,pallet-market/try-runtime \
	--features pallet-devices/try-runtime \
	migrations
log "migration checks took $((SECONDS - start)) s"

start=$SECONDS
log "running the pallets' benchmarks as tests (feature runtime-benchmarks)"
cargo test --release --locked --features runtime-benchmarks \
	-p pallet-devices -p pallet-market -p pallet-verification -p pallet-rewards -p pallet-blobs
log "benchmark tests took $((SECONDS - start)) s"

start=$SECONDS
log "running every benchmark on the real runtime (feature runtime-benchmarks, native)"
SKIP_WASM_BUILD=1 cargo test --release --locked -p depin-runtime --features runtime-benchmarks \
	--test benchmarks
log "runtime benchmark checks took $((SECONDS - start)) s"
log "all tests passed"
