#!/usr/bin/env bash
# Runs the benchmarks and prints their tables (Markdown): executor versus native on the
# example jobs, chain throughput and latency against transfers, and the scheduler's cost
# with 10 to 10 000 devices. `--quick` uses fewer inputs, runs and devices.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

quick=""
[ "${1:-}" = "--quick" ] && quick="--quick"

"$DEPIN_ROOT/scripts/setup.sh"
build_workspace
build_jobs
log "building sha256-chain with the portable SHA-256 code only"
(cd "$DEPIN_ROOT/jobs" && CARGO_TARGET_DIR="$DEPIN_JOBS_TARGET/soft" \
	cargo build --release --locked -p sha256-chain --features soft)

echo "## Machine"
echo
echo "$(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%Y-%m-%d)"
echo
"$DEPIN_BIN/depin-bench" executor $quick \
	--wasm-dir "$DEPIN_JOBS_WASM" \
	--native-dir "$DEPIN_JOBS_NATIVE" \
	--native-soft-sha "$DEPIN_JOBS_TARGET/soft/release/sha256-chain"
echo
"$DEPIN_BIN/depin-bench" chain $quick
echo
"$DEPIN_BIN/depin-bench" scale $quick
