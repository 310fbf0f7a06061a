#!/usr/bin/env bash
# Set up and launch Dossier: installs what is missing, builds the UI and the app, and starts it
# on the default database in the OS app-data folder (pass --db FILE to use another file).
# An empty database opens on a welcome screen with "载入示例数据" (load sample data).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
echo "== build: ui"
(cd ui && npm run build)
echo "== build: app"
cargo build -j2 -p dossier --features custom-protocol
exec ./target/debug/dossier "$@"
