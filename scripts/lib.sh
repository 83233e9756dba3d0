# Shared settings of the scripts. Source it; do not run it.
#
# One cargo profile (`release`) builds, tests and runs everything, into a persistent
# target directory outside the checkout, so dependencies compile once per machine.

DEPIN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/depin/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
DEPIN_BIN="$CARGO_TARGET_DIR/release"
# The runtime's build also builds the upgrade rehearsal (its next version, which the
# upgrade test enacts on a running network): one more Wasm build of the runtime crate.
# Every script sets it, so that builds never switch between with and without.
export DEPIN_BUILD_UPGRADE_REHEARSAL="${DEPIN_BUILD_UPGRADE_REHEARSAL:-1}"

if [ -t 2 ]; then
	log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
else
	log() { printf '==> %s\n' "$*" >&2; }
fi
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Builds every binary of the workspace with the release profile.
build_workspace() {
	log "building the workspace (release profile, target dir $CARGO_TARGET_DIR)"
	(cd "$DEPIN_ROOT" && cargo build --release --locked --workspace --bins)
}

# The example jobs: a separate cargo workspace, built for wasm32-wasip1 and natively.
DEPIN_JOBS_TARGET="$CARGO_TARGET_DIR/jobs"
DEPIN_JOBS_WASM="$DEPIN_JOBS_TARGET/wasm32-wasip1/release"
DEPIN_JOBS_NATIVE="$DEPIN_JOBS_TARGET/release"

build_jobs() {
	log "building the example jobs (wasm32-wasip1 and native) into $DEPIN_JOBS_TARGET"
	(cd "$DEPIN_ROOT/jobs" &&
		CARGO_TARGET_DIR="$DEPIN_JOBS_TARGET" cargo build --release --locked --target wasm32-wasip1 &&
		CARGO_TARGET_DIR="$DEPIN_JOBS_TARGET" cargo build --release --locked)
}

# The TypeScript SDK (sdk/ts/dist) and the web console (web/dist), from the packages
# scripts/setup.sh installed.
build_console() {
	log "building the TypeScript SDK and the web console (web/dist)"
	(cd "$DEPIN_ROOT/sdk/ts" && npm run --silent build) \
		&& (cd "$DEPIN_ROOT/web" && npm run --silent build -- --logLevel warn)
}

# Type-checks the SDK, the console and the example dApp with their tests (after
# build_console: the console and the example check against the SDK's declarations).
typecheck_ts() {
	local package
	for package in sdk/ts web examples/ts-dapp; do
		(cd "$DEPIN_ROOT/$package" && npm run --silent typecheck) || return 1
	done
}

# A TCP port free on 127.0.0.1 now.
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
