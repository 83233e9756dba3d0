#!/usr/bin/env bash
# Installs what a fresh machine lacks to build and test the project, and nothing else:
# the Rust targets wasm32v1-none (runtime) and wasm32-wasip1 (example jobs), rust-src
# (needed by the runtime's Wasm build) and protoc (needed by the networking crates).
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

if ! command -v protoc >/dev/null; then
	log "installing protoc (protobuf-compiler)"
	sudo_cmd=""
	[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
	command -v apt-get >/dev/null \
		|| die "protoc is missing and apt-get is not available: install protobuf-compiler by hand"
	$sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq protobuf-compiler \
		|| die "could not install protobuf-compiler with apt-get"
fi
