#!/usr/bin/env bash
# Installs what building, running and testing Dossier needs on Debian/Ubuntu, skipping what is
# already there: system packages (Tauri's WebKitGTK stack, Xvfb + WebKitWebDriver for the
# end-to-end tests, a CJK font), the UI's and the E2E tests' npm packages, and tauri-driver.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # building the Tauri app (DESIGN §4)
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config
  # running it headless and driving it in the end-to-end tests; Chinese needs a CJK font
  webkit2gtk-driver xvfb xauth fonts-noto-cjk imagemagick
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "== apt: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

command -v cargo >/dev/null || { echo "Rust is required: https://rustup.rs" >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js 20+ with npm is required" >&2; exit 1; }

if ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "== cargo: installing tauri-driver"
  cargo install tauri-driver --locked --version '^2' -j2
fi

echo "== npm: ui"
(cd ui && npm ci --no-audit --no-fund --loglevel=error)
if [ -f tests/e2e/package-lock.json ]; then
  echo "== npm: tests/e2e"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
