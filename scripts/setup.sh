#!/usr/bin/env bash
# Installs what a fresh machine lacks to build and test the project, and nothing else:
# the Rust targets wasm32v1-none (runtime) and wasm32-wasip1 (example jobs), rust-src
# (needed by the runtime's Wasm build), protoc (needed by the networking crates), a C/C++
# toolchain with make, and perl; Node.js and npm with the web console's, the TypeScript
# SDK's and the example dApp's packages (`npm ci` from each one's package-lock.json); with
# `--browser`, Debian's Chromium for the console's browser tests (scripts/test.sh).
# Idempotent: a second run changes nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v cargo >/dev/null && command -v rustup >/dev/null \
	|| die "cargo and rustup are required: install Rust from https://rustup.rs and retry"

installed_targets="$(rustup target list --installed)"
for target in wasm32v1-none wasm32-wasip1; do
	if ! grep -qx "$target" <<<"$installed_targets"; then
		log "adding Rust target $target"
		rustup target add "$target" || die "could not add Rust target $target (network?)"
	fi
done

if ! rustup component list --installed | grep -q '^rust-src'; then
	log "adding Rust component rust-src"
	rustup component add rust-src || die "could not add rust-src (network?)"
fi

# Debian packages for missing commands: protoc (the networking crates), a C/C++ compiler
# and make (crates with C or C++ parts, such as wasm-opt's), perl (some of their build
# scripts).
browser=0
[ "${1:-}" = --browser ] && browser=1

missing=()
command -v protoc >/dev/null || missing+=(protobuf-compiler)
{ command -v cc && command -v c++ && command -v make; } >/dev/null || missing+=(build-essential)
command -v perl >/dev/null || missing+=(perl)
command -v npm >/dev/null || missing+=(nodejs npm)
[ "$browser" -eq 0 ] || command -v chromium >/dev/null || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
	log "installing ${missing[*]}"
	sudo_cmd=""
	[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
	command -v apt-get >/dev/null \
		|| die "missing ${missing[*]} and apt-get is not available: install them by hand"
	$sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq "${missing[@]}" \
		|| die "could not install ${missing[*]} with apt-get"
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "Node.js 20.19 or newer is needed for the web console (found $(node --version))"

# The JavaScript packages, each exactly as its own lock file pins them; again only when
# that lock file changed since the last install. The SDK first: the console and the example
# link it (`file:`).
for package in sdk/ts web examples/ts-dapp; do
	dir="$DEPIN_ROOT/$package"
	stamp="$dir/node_modules/.depin-lock"
	if ! cmp -s "$dir/package-lock.json" "$stamp" 2>/dev/null; then
		log "installing the JavaScript packages of $package (npm ci)"
		(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) \
			|| die "npm ci failed in $package (is the npm registry reachable?)"
		cp "$dir/package-lock.json" "$stamp"
	fi
done
