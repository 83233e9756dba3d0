#!/usr/bin/env bash
# Starts a development network: builds the project, runs `depin-node --dev` and prints
# blocks as they are sealed. Ctrl-C stops everything this script started.
#
# Options:
#   --once        exit after the first blocks instead of running until Ctrl-C
#   --dir DIR     where logs and chain data go (default: .devnet in the checkout)
#   --rpc-port P  RPC port of the node (default 9944)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

once=0
dir="$DEPIN_ROOT/.devnet"
rpc_port=9944
while [ $# -gt 0 ]; do
	case "$1" in
		--once) once=1 ;;
		--dir) dir="$2"; shift ;;
		--rpc-port) rpc_port="$2"; shift ;;
		-h|--help) sed -n '2,9p' "$0"; exit 0 ;;
		*) die "unknown option $1 (see --help)" ;;
	esac
	shift
done

"$DEPIN_ROOT/scripts/setup.sh"
build_workspace

mkdir -p "$dir"
rm -rf "$dir/node"
pids=()
cleanup() {
	trap - EXIT INT TERM
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

log "logs and data in $dir"
"$DEPIN_BIN/depin-node" --dev --base-path "$dir/node" --rpc-port "$rpc_port" \
	--prometheus-port 0 --port 0 --no-telemetry >"$dir/node.log" 2>&1 &
pids+=($!)

rpc() {
	curl -s -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$1\",\"params\":${2:-[]}}" \
		"http://127.0.0.1:$rpc_port"
}

log "waiting for depin-node RPC on port $rpc_port"
for _ in $(seq 1 120); do
	rpc system_health >/dev/null 2>&1 && break
	kill -0 "${pids[0]}" 2>/dev/null || die "depin-node exited; see $dir/node.log"
	sleep 0.5
done
rpc system_health >/dev/null 2>&1 || die "depin-node RPC did not come up; see $dir/node.log"
log "dev chain running at ws://127.0.0.1:$rpc_port (Ctrl-C to stop)"

last=-1
seen=0
while :; do
	header="$(rpc chain_getHeader || true)"
	num_hex="$(sed -n 's/.*"number":"0x\([0-9a-fA-F]*\)".*/\1/p' <<<"$header")"
	if [ -n "$num_hex" ]; then
		num=$((16#$num_hex))
		if [ "$num" -ne "$last" ]; then
			hash="$(rpc chain_getBlockHash "[$num]" | sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p')"
			echo "block #$num $hash"
			last=$num
			seen=$((seen + 1))
		fi
	fi
	if [ "$once" -eq 1 ] && [ "$seen" -ge 3 ]; then
		log "dev chain produces blocks; --once: stopping"
		exit 0
	fi
	kill -0 "${pids[0]}" 2>/dev/null || die "depin-node exited; see $dir/node.log"
	sleep 0.5
done
