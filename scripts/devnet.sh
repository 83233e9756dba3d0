#!/usr/bin/env bash
# A development network at work: builds everything, starts `depin-node --dev`, three
# workers owned by Alice, Bob and Charlie, registers their devices, serves the web
# console, runs every example job with 3 replicas, and prints each verified result, the
# fuel used and what each owner earned. Then it keeps the network running until Ctrl-C
# (or exits with --once).
#
# Options:
#   --once            exit when the example jobs are done (status 0 only if all verified)
#   --dir DIR         where logs, outputs and chain data go (default: .devnet in the checkout)
#   --rpc-port P      RPC port of the node (default 9944)
#   --console-port P  port of the web console on 127.0.0.1 (default 5180)
#   --no-examples     do not run the example jobs (the network and the console only)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

once=0
dir="$DEPIN_ROOT/.devnet"
rpc_port=9944
console_port=5180
examples=1
while [ $# -gt 0 ]; do
	case "$1" in
		--once) once=1 ;;
		--dir) dir="$2"; shift ;;
		--rpc-port) rpc_port="$2"; shift ;;
		--console-port) console_port="$2"; shift ;;
		--no-examples) examples=0 ;;
		-h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
		*) die "unknown option $1 (see --help)" ;;
	esac
	shift
done

"$DEPIN_ROOT/scripts/setup.sh"
build_workspace
build_jobs
build_console

url="ws://127.0.0.1:$rpc_port"
export DEPIN_URL="$url"
depin() { "$DEPIN_BIN/depin" "$@"; }

# A previous run of this script may still be running with the same directory: stop its
# processes, but only those that are still a depin-node or depin-worker (a stale file's
# PIDs may belong to anything by now).
if [ -f "$dir/pids" ]; then
	while read -r pid; do
		case "$(ps -p "$pid" -o comm= 2>/dev/null)" in
			depin-node | depin-worker) kill "$pid" 2>/dev/null || true ;;
			node) grep -q vite "/proc/$pid/cmdline" 2>/dev/null && kill "$pid" 2>/dev/null || true ;;
		esac
	done <"$dir/pids"
	sleep 1
fi
rm -rf "$dir/node" "$dir/workers" "$dir/outputs" "$dir/inputs" "$dir"/*.log "$dir/pids"
mkdir -p "$dir/workers" "$dir/outputs" "$dir/inputs"

pids=()
cleanup() {
	trap - EXIT INT TERM
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -f "$dir/pids"
}
trap cleanup EXIT INT TERM
started() { pids+=("$1"); echo "$1" >>"$dir/pids"; }

log "logs, outputs and chain data in $dir"
"$DEPIN_BIN/depin-node" --dev --dev-block-time 500 --base-path "$dir/node" --rpc-port "$rpc_port" \
	--prometheus-port 0 --port 0 --no-telemetry >"$dir/node.log" 2>&1 &
started $!
log "waiting for depin-node at $url"
for _ in $(seq 1 240); do
	depin stats >/dev/null 2>&1 && break
	kill -0 "${pids[0]}" 2>/dev/null || die "depin-node exited; see $dir/node.log"
	sleep 0.5
done
depin stats >/dev/null 2>&1 || die "depin-node did not answer; see $dir/node.log"

class="$("$DEPIN_BIN/depin-worker" class)"
owners=(Alice Bob Charlie)
log "measuring this machine's executor speed (depin-worker bench)"
measured="$("$DEPIN_BIN/depin-worker" bench | sed -n 's/^register with: --fuel-per-second //p')"
[ -n "$measured" ] || die "depin-worker bench printed no speed"
# The workers share this machine's cores: each declares its share of the measured speed.
speed=$((measured / ${#owners[@]}))
for owner in "${owners[@]}"; do
	device_uri="//$owner//device"
	device="$("$DEPIN_BIN/depin-worker" key inspect --suri "$device_uri" | sed -n 's/^device account: //p')"
	log "$owner registers device $device"
	depin transfer "$device" 10 --suri "//$owner" >/dev/null
	depin device register --device "$device" --device-suri "$device_uri" --cores 2 \
		--memory-mib 2048 --fuel-per-second "$speed" --class "$class" --suri "//$owner" >/dev/null
	DEPIN_LOG=info "$DEPIN_BIN/depin-worker" run --suri "$device_uri" \
		--state-dir "$dir/workers/$owner" >"$dir/worker-$owner.log" 2>&1 &
	started $!
done

# The console: static files, connecting from the browser straight to the node.
console_url="http://127.0.0.1:$console_port/?rpc=$url"
# `exec` of vite itself (not npx, which would leave it running as its child): the PID
# recorded is the server's.
(cd "$DEPIN_ROOT/web" && exec "$DEPIN_ROOT/web/node_modules/.bin/vite" preview --port "$console_port" \
	--strictPort --logLevel warn) \
	>"$dir/console.log" 2>&1 &
started $!
for _ in $(seq 1 40); do
	(: <"/dev/tcp/127.0.0.1/$console_port") 2>/dev/null && break
	kill -0 "${pids[-1]}" 2>/dev/null || die "the web console did not start; see $dir/console.log"
	sleep 0.25
done
log "web console: $console_url"

declare -A before
for owner in "${owners[@]}"; do
	before[$owner]="$(depin --json balance --suri "//$owner" | sed -n 's/.*"free":"\([0-9]*\)".*/\1/p')"
done

printf '%s\n%s' 100000 "DePIN" >"$dir/inputs/sha256-chain"
echo "1000000" >"$dir/inputs/monte-carlo-pi"
echo "240 160 -2.2 -1.2 1.0 1.2 200" >"$dir/inputs/mandelbrot"
echo "5000000" >"$dir/inputs/primes"
echo "3 1 2 3 4 5 6 7 8 9 9 8 7 6 5 4 3 2 1" >"$dir/inputs/matmul"

failed=0
jobs=(sha256-chain matmul monte-carlo-pi mandelbrot primes)
[ "$examples" -eq 1 ] || jobs=()
for job in "${jobs[@]}"; do
	out="$dir/outputs/$job.out"
	[ "$job" = mandelbrot ] && out="$dir/outputs/mandelbrot.png"
	log "running $job (3 replicas)"
	if ! result="$(depin job submit --program "$DEPIN_JOBS_WASM/$job.wasm" --input "$dir/inputs/$job" \
		--replicas 3 --max-fuel 20000000000 --fuel-price 1000planck --wait --out "$out" --suri //Eve)"; then
		echo "  $job: FAILED"
		failed=1
		continue
	fi
	echo "  $(head -1 <<<"$result")"
	if [ "$job" = mandelbrot ]; then
		echo "  image: $out"
	else
		echo "  output: $(head -c 200 "$out")"
	fi
done

[ "$examples" -eq 1 ] && log "earnings (fuel × price from escrow, less the 10 % protocol fee)"
for owner in "${owners[@]}"; do
	[ "$examples" -eq 1 ] || break
	after="$(depin --json balance --suri "//$owner" | sed -n 's/.*"free":"\([0-9]*\)".*/\1/p')"
	earned=$((after - before[$owner]))
	printf '  %-8s earned %s planck (%s DPN)\n' "$owner" "$earned" \
		"$(awk -v e="$earned" 'BEGIN { printf "%.9f", e / 1e12 }')"
done
depin stats | sed 's/^/  /'

if [ "$once" -eq 1 ]; then
	[ "$failed" -eq 0 ] || die "some example jobs were not verified; logs in $dir"
	log "all example jobs verified (--once: stopping)"
	exit 0
fi
log "network running at $url, web console at $console_url; try: $DEPIN_BIN/depin stats  (Ctrl-C stops everything)"
wait "${pids[0]}"
