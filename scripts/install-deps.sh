#!/usr/bin/env bash
# Installs what building, running and testing Dossier needs on Debian/Ubuntu, skipping what is
# already there: system packages (Tauri's WebKitGTK stack, Xvfb + WebKitWebDriver for the
# end-to-end tests, a CJK font, the package check's tools), the npm packages of the UI, the E2E
# tests and the workflow lint, and tauri-driver.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # building the Tauri app (Tauri's Linux prerequisites)
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config
  # running it headless and driving it in the end-to-end tests; Chinese needs a CJK font; a
  # private D-Bus session for the single-instance test; unzip to read an exported workbook
  webkit2gtk-driver xvfb xauth fonts-noto-cjk imagemagick dbus-daemon unzip
  # scripts/package.sh: finding the installed app's window, reading the .rpm on Debian
  xdotool rpm
  # the desktop E2E test waits for the app to exit with pgrep
  procps
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
# The format and lint checks of scripts/test.sh (rustup's own components).
for tool in fmt clippy; do
  cargo "$tool" --version >/dev/null 2>&1 || rustup component add "$([ "$tool" = fmt ] && echo rustfmt || echo clippy)"
done
command -v npm >/dev/null || { echo "Node.js 20+ with npm is required" >&2; exit 1; }

if ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "== cargo: installing tauri-driver"
  cargo install tauri-driver --locked --version '^2' -j2
fi

# `npm ci` refuses a lock file whose optional per-platform packages (other OSes' builds of
# rollup and the Tauri CLI) the registry mirror cannot resolve; then install from the lock
# file with `npm install --no-save`, which skips those and changes nothing in the repo.
npm_install() {
  echo "== npm: $1"
  (cd "$1" && { npm ci --no-audit --no-fund --loglevel=error 2>/dev/null ||
    npm install --no-save --no-audit --no-fund --loglevel=error; })
}
npm_install ui
npm_install tests/e2e
npm_install scripts/lint-workflows
