#!/usr/bin/env bash
# Runs every test of the project: setup, build, unit tests, runtime tests, the
# process-level tests that start real depin-node processes, and the TypeScript SDK's and
# the web console's tests against a devnet in headless Chromium. This is the README's
# test command and what CI runs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$DEPIN_ROOT/scripts/setup.sh" --browser
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
start=$SECONDS
log "running the TypeScript SDK's and the web console's tests against a devnet (headless Chromium)"
build_console
typecheck_ts
devnet_dir="$(mktemp -d)"
rpc_port="$(free_port)"
console_port="$(free_port)"
"$DEPIN_ROOT/scripts/devnet.sh" --dir "$devnet_dir" --rpc-port "$rpc_port" \
	--console-port "$console_port" --no-examples >"$devnet_dir/devnet.out" 2>&1 &
devnet_pid=$!
stop_devnet() { kill "$devnet_pid" 2>/dev/null && wait "$devnet_pid" 2>/dev/null || true; }
trap stop_devnet EXIT
for _ in $(seq 1 600); do
	grep -q "network running at" "$devnet_dir/devnet.out" && break
	kill -0 "$devnet_pid" 2>/dev/null || { cat "$devnet_dir/devnet.out" >&2; die "the devnet did not start"; }
	sleep 0.5
done
grep -q "network running at" "$devnet_dir/devnet.out" || die "the devnet did not start in 5 minutes"
export DEPIN_URL="ws://127.0.0.1:$rpc_port" DEPIN_CONSOLE_URL="http://127.0.0.1:$console_port/"
export DEPIN_JOBS_WASM
(cd "$DEPIN_ROOT/sdk/ts" && npm test --silent)
(cd "$DEPIN_ROOT/web" && npm test --silent)
stop_devnet
log "SDK and console tests took $((SECONDS - start)) s"
log "all tests passed"
