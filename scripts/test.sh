#!/usr/bin/env bash
# Runs every test of Dossier: Rust (core, CLI, shell; includes the check that ui/src/bindings.ts
# matches the Rust types), the UI's Vitest suite and type check, and the end-to-end journeys on
# the real built app under Xvfb (tauri-driver + WebKitWebDriver).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
export PATH="$HOME/.cargo/bin:$PATH"

echo "== ui: type check and build (the app embeds ui/dist)"
(cd ui && npm run build)

echo "== rust: all workspace tests"
cargo test -j2 --workspace --features custom-protocol

echo "== ui: vitest"
(cd ui && npm test)

echo "== e2e: real app under Xvfb"
cargo build -j2 -p dossier --features custom-protocol
bash tests/e2e/run.sh
