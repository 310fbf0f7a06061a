#!/usr/bin/env bash
# Runs the end-to-end tests on the real built app (target/debug/dossier, built with the
# custom-protocol feature so it embeds ui/dist): Xvfb (when there is no $DISPLAY), tauri-driver
# in front of WebKitWebDriver, then Node's built-in test runner over tests/e2e/*.test.mjs.
# Everything it starts is stopped on exit. Exits non-zero when a test fails.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

APP="${DOSSIER_APP:-$ROOT/target/debug/dossier}"
if [ ! -x "$APP" ]; then
  echo "e2e: $APP is missing; build it first (it embeds ui/dist):" >&2
  echo "     (cd ui && npm run build) && cargo build -j2 -p dossier --features custom-protocol" >&2
  exit 2
fi
# The start-up test makes its sample database with the CLI (a no-op when it is up to date).
cargo build -j2 -q -p dossier-cli
command -v tauri-driver >/dev/null || { echo "e2e: tauri-driver not found (cargo install tauri-driver --locked)" >&2; exit 2; }
NATIVE_DRIVER="${WEBKIT_WEBDRIVER:-$(command -v WebKitWebDriver || echo /usr/bin/WebKitWebDriver)}"
[ -x "$NATIVE_DRIVER" ] || { echo "e2e: WebKitWebDriver not found (apt-get install webkit2gtk-driver)" >&2; exit 2; }
if [ ! -d "$ROOT/tests/e2e/node_modules/webdriverio" ]; then
  (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/dossier-e2e.XXXXXX")"
PIDS=()
cleanup() {
  local rc=$?
  # Stop what this script started (each runs in its own process group), newest first.
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill -TERM -- "-${PIDS[i]}" 2>/dev/null || kill -TERM "${PIDS[i]}" 2>/dev/null || true
  done
  sleep 0.5
  for pid in "${PIDS[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  if [ "$rc" -ne 0 ] && [ -s "$WORK/tauri-driver.log" ]; then
    echo "--- tauri-driver log (last 40 lines)" >&2
    tail -n 40 "$WORK/tauri-driver.log" >&2 || true
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A display: the caller's, or a fresh Xvfb on the first free number from :91.
if [ -z "${DISPLAY:-}" ]; then
  n=91
  while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
  setsid Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp -noreset >"$WORK/xvfb.log" 2>&1 </dev/null &
  PIDS+=($!)
  for _ in $(seq 1 100); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
  [ -e "/tmp/.X11-unix/X$n" ] || { echo "e2e: Xvfb :$n did not start" >&2; cat "$WORK/xvfb.log" >&2; exit 1; }
  export DISPLAY=":$n"
fi
# WEBKIT_DISABLE_COMPOSITING_MODE=1 (for a window that stays blank) is not set by
# default: with WebKitGTK 2.50 under Xvfb the window renders without it, and with it (or with
# WEBKIT_DISABLE_DMABUF_RENDERER=1) WebKitWebDriver's screenshot command never answers.
# E2E_DISABLE_COMPOSITING=1 sets it anyway, for a machine where the window does stay blank.
if [ "${E2E_DISABLE_COMPOSITING:-0}" = 1 ]; then export WEBKIT_DISABLE_COMPOSITING_MODE=1; fi
export NO_AT_BRIDGE=1
# The webview's storage (localStorage: presentation mode, language) lives in a throw-away home
# so a run neither reads nor changes the user's own settings.
export XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" XDG_CACHE_HOME="$WORK/cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"

# tauri-driver on 4444 (its default) unless that port is taken; WebKitWebDriver behind it.
PORT="${E2E_PORT:-4444}"
while port_busy "$PORT"; do PORT=$((PORT + 10)); done
NATIVE_PORT=$((PORT + 1))
while port_busy "$NATIVE_PORT"; do NATIVE_PORT=$((NATIVE_PORT + 10)); done
export E2E_PORT="$PORT"
setsid tauri-driver --port "$PORT" --native-port "$NATIVE_PORT" --native-driver "$NATIVE_DRIVER" \
  >"$WORK/tauri-driver.log" 2>&1 </dev/null &
PIDS+=($!)
ready=""
for _ in $(seq 1 60); do
  if node -e "fetch('http://127.0.0.1:$PORT/status').then(r=>r.json()).then(j=>process.exit(j.value&&j.value.ready===false?1:0),()=>process.exit(1))" 2>/dev/null; then
    ready=1
    break
  fi
  sleep 0.5
done
[ -n "$ready" ] || { echo "e2e: tauri-driver did not answer on port $PORT within 30 s" >&2; exit 1; }
echo "e2e: display $DISPLAY, tauri-driver on 127.0.0.1:$PORT, app $APP"

export DOSSIER_APP="$APP"
# Node's own summary (# tests / # pass / # fail / # duration_ms) stays the last thing printed.
status=0
# Arguments name test files to run (e.g. tests/e2e/import.test.mjs); all of them by default.
if [ "$#" -gt 0 ]; then files=("$@"); else files=(tests/e2e/*.test.mjs); fi
node --test --test-concurrency=1 "${files[@]}" </dev/null || status=$?
exit "$status"
