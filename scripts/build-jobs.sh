#!/usr/bin/env bash
# Builds the example jobs (jobs/) for wasm32-wasip1, which devices run, and natively, to
# compare outputs byte for byte. Output: $CARGO_TARGET_DIR/jobs/{wasm32-wasip1/,}release.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$DEPIN_ROOT/scripts/setup.sh"
build_jobs
