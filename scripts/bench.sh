#!/usr/bin/env bash
# Runs the benchmarks and prints their tables (Markdown): executor versus native on the
# example jobs, what the runtime's weights charge per assignment and per verified task,
# chain throughput and latency against transfers, and the scheduler's cost with 10 to
# 100 000 registered devices, stored data (upload and fetch throughput, state and disk per MiB),
# and the long form of the adversarial simulation. `--quick`
# uses fewer inputs, runs, devices and simulated blocks.
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
"$DEPIN_BIN/depin-bench" weights
echo
"$DEPIN_BIN/depin-bench" executor $quick \
	--wasm-dir "$DEPIN_JOBS_WASM" \
	--native-dir "$DEPIN_JOBS_NATIVE" \
	--native-soft-sha "$DEPIN_JOBS_TARGET/soft/release/sha256-chain"
echo
"$DEPIN_BIN/depin-bench" chain $quick
echo
"$DEPIN_BIN/depin-bench" scale $quick
echo
"$DEPIN_BIN/depin-bench" data $quick
echo
# The long form of the runtime's adversarial simulation (scripts/test.sh runs 2 seeds of
# 300 blocks): 5 seeds of 2 000 blocks, about 1.1 × 10⁵ steps (1 000 blocks, 3 seeds with
# --quick).
if [ -n "$quick" ]; then sim_blocks=1000 sim_seeds=3; else sim_blocks=2000 sim_seeds=5; fi
echo "## Adversarial simulation ($sim_seeds seeds × $sim_blocks blocks)"
echo
echo '```'
DEPIN_SIM_BLOCKS=$sim_blocks DEPIN_SIM_SEEDS=$sim_seeds \
	cargo test --release --locked -p depin-runtime --test adversarial -- --nocapture 2>&1 |
	sed -n '/^Seen {/,/^accepted wrong/p;/^self-dealing/p'
echo '```'
