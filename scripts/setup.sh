#!/usr/bin/env bash
# Installs what a fresh machine lacks to build and test the project, and nothing else:
# the Rust targets wasm32v1-none (runtime) and wasm32-wasip1 (example jobs), rust-src
# (needed by the runtime's Wasm build), protoc (needed by the networking crates), a C/C++
# toolchain with make, and perl.
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
missing=()
command -v protoc >/dev/null || missing+=(protobuf-compiler)
{ command -v cc && command -v c++ && command -v make; } >/dev/null || missing+=(build-essential)
command -v perl >/dev/null || missing+=(perl)
if [ ${#missing[@]} -gt 0 ]; then
	log "installing ${missing[*]}"
	sudo_cmd=""
	[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
	command -v apt-get >/dev/null \
		|| die "missing ${missing[*]} and apt-get is not available: install them by hand"
	$sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq "${missing[@]}" \
		|| die "could not install ${missing[*]} with apt-get"
fi
