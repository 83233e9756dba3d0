#!/usr/bin/env bash
# Regenerates pallets/*/src/weights.rs from the pallets' benchmarks on this machine:
# builds depin-node with `--features runtime-benchmarks` (in its own target directory,
# so the normal build is untouched) and runs `depin-node benchmark pallet` per pallet.
# `balances` regenerates runtime/src/weights/pallet_balances.rs: the SDK's balances
# pallet measured on the same machine, so that a transfer and a task are charged from
# the same hardware (the ratios in docs/benchmarks.md compare them).
#
# `storage BASE_PATH` regenerates runtime/src/weights/paritydb_weights.rs, the weight of
# one database read and write, measured with `depin-node benchmark storage` on the state
# of the `--dev` chain at BASE_PATH (the node stopped): a state of the size the runtime
# is built for, such as `depin-bench scale --keep-state BASE_PATH` leaves (MaxDevices
# devices and a queue of tasks). The runtime charges every read and write from that file
# (`DbWeight` in runtime/src/configs/mod.rs).
#
# Usage:    scripts/benchmark.sh [--quick | --repeat N] [devices|market|verification|rewards|blobs|balances ...]
#           scripts/benchmark.sh storage BASE_PATH
# Options:  --quick     fewer steps and repeats (for a smoke run, not for committed weights)
#           --repeat N  repeats per step (default 5; the committed weights use 10)
#           pallets     only these pallets' weights (default: all six)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

steps=10
repeat=5
case "${1:-}" in
--quick) steps=2; repeat=1; shift ;;
--repeat)
	[[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--repeat needs a positive number of repeats, not '${2:-}'"
	repeat="$2"; shift 2 ;;
esac
storage_state=""
if [ "${1:-}" = storage ]; then
	storage_state="${2:-}"
	[ -n "$storage_state" ] || die "storage needs the base path of a stopped --dev node"
	[ -d "$storage_state/chains/dev" ] || die "no --dev chain under '$storage_state'"
	set --
fi
pallets=("$@")
[ ${#pallets[@]} -eq 0 ] && pallets=(devices market verification rewards blobs balances)
for pallet in "${pallets[@]}"; do
	case "$pallet" in
	devices | market | verification | rewards | blobs | balances) ;;
	*) die "unknown pallet '$pallet' (devices, market, verification, rewards, blobs or balances)" ;;
	esac
done

"$DEPIN_ROOT/scripts/setup.sh"
bench_target="${CARGO_TARGET_DIR}-bench"
log "building depin-node with runtime benchmarks into $bench_target"
# frame-benchmarking-cli brings a test runtime for `benchmark storage --mode
# validate-block` (parachains), which this script does not use; its Wasm build cannot
# find itself in this workspace, so skip it.
(cd "$DEPIN_ROOT" && CARGO_TARGET_DIR="$bench_target" \
	SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1 \
	cargo build --release --locked -p depin-node --features runtime-benchmarks)

if [ -n "$storage_state" ]; then
	log "measuring database reads and writes on the state at $storage_state"
	# Average of every key's read and write, plus 30 % for this machine's scatter between
	# runs (three runs on one state, 2026-12-04: reads averaged 6.6–8.8 µs, writes
	# 21.8–24.0 µs in batches of 1 000). Writes go in batches of 1 000 keys, each with its storage root and
	# commit: fewer than a busy block writes (a step of 3 assignments writes 10 keys,
	# a full block ≈ 570 steps), so the upper trie nodes a block's writes share are spread
	# over fewer keys than in a real block (24 µs per key against 16 µs in batches of
	# 100 000, the CLI's default, on 2026-12-04).
	"$bench_target/release/depin-node" benchmark storage \
		--dev --base-path "$storage_state" --database paritydb --state-version 1 \
		--metric average --mul 1.3 --batch-size 1000 \
		--template-path "$DEPIN_ROOT/.maintain/db-weight-template.hbs" \
		--weight-path "$DEPIN_ROOT/runtime/src/weights/paritydb_weights.rs"
	log "weights written; review with git diff runtime/src/weights/paritydb_weights.rs"
	exit 0
fi

for pallet in "${pallets[@]}"; do
	log "benchmarking pallet_$pallet ($steps steps, $repeat repeats)"
	analysis=()
	# publish_output(l, s) varies each component with the other at its highest: on this
	# machine the two lines of measurements disagree by a few percent, and the default
	# least-squares fit puts the gap into its constant (≈ 1 ms where the measurements say
	# ≈ 0) and under-charges the largest publication; the median of the slopes fits every
	# measured point within a few percent (docs/benchmarks.md, section 3).
	[ "$pallet" = verification ] && analysis=(--output-analysis median-slopes)
	if [ "$pallet" = balances ]; then
		# The SDK's pallet: a runtime weight file (the CLI's default template).
		output=(--output "$DEPIN_ROOT/runtime/src/weights/pallet_balances.rs")
	else
		output=(--template "$DEPIN_ROOT/.maintain/frame-weight-template.hbs"
			--output "$DEPIN_ROOT/pallets/$pallet/src/weights.rs")
	fi
	"$bench_target/release/depin-node" benchmark pallet \
		--runtime "$bench_target/release/wbuild/depin-runtime/depin_runtime.compact.compressed.wasm" \
		--genesis-builder=runtime \
		--pallet "pallet_$pallet" --extrinsic '*' \
		--steps "$steps" --repeat "$repeat" \
		--wasm-execution compiled \
		--heap-pages 4096 \
		"${analysis[@]}" "${output[@]}"
done
log "weights written; review with git diff pallets/*/src/weights.rs runtime/src/weights"
