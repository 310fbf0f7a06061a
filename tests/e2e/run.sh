#!/usr/bin/env bash
# Runs the end-to-end tests on the real built app (target/debug/dossier, built with the
# custom-protocol feature so it embeds ui/dist): Xvfb (when there is no $DISPLAY), tauri-driver
# in front of WebKitWebDriver, then Node's built-in test runner over tests/e2e/*.test.mjs, one file
# at a time with a fresh driver each (a file WebKit crashed under is run once more).
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
# The app draws its page on the CPU (src-tauri/src/webview.rs), so no GL runs in WebKit's web
# process here either.
export NO_AT_BRIDGE=1
# The webview's storage (localStorage: presentation mode, language) lives in a throw-away home
# so a run neither reads nor changes the user's own settings (`fresh_home NAME`: another one).
fresh_home() {
  export XDG_DATA_HOME="$WORK/$1/data" XDG_CONFIG_HOME="$WORK/$1/config" XDG_CACHE_HOME="$WORK/$1/cache"
  mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
}
fresh_home home

# tauri-driver on 4444 (its default) unless that port is taken; WebKitWebDriver behind it. A
# fresh pair for every test file: when WebKit's web process dies under a session (a crash inside
# WebKit or Mesa's software renderer, seen on these machines a few times in a hundred runs),
# WebKitWebDriver ends the session but still counts it, and refuses every later one — one crash
# then failed every file after it.
DRIVER_PID=""
start_driver() {
  if [ -n "$DRIVER_PID" ]; then
    kill -TERM -- "-$DRIVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$DRIVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$DRIVER_PID" 2>/dev/null || true
    # Stopped: the clean-up on exit must not signal its (reusable) process group again.
    for i in "${!PIDS[@]}"; do [ "${PIDS[i]}" = "$DRIVER_PID" ] && unset 'PIDS[i]'; done
    PIDS=("${PIDS[@]}")
  fi
  PORT="${E2E_PORT_BASE:-4444}"
  while port_busy "$PORT"; do PORT=$((PORT + 10)); done
  NATIVE_PORT=$((PORT + 1))
  while port_busy "$NATIVE_PORT"; do NATIVE_PORT=$((NATIVE_PORT + 10)); done
  export E2E_PORT="$PORT"
  setsid tauri-driver --port "$PORT" --native-port "$NATIVE_PORT" --native-driver "$NATIVE_DRIVER" \
    >>"$WORK/tauri-driver.log" 2>&1 </dev/null &
  DRIVER_PID=$!
  PIDS+=("$DRIVER_PID")
  for _ in $(seq 1 60); do
    if node -e "fetch('http://127.0.0.1:$PORT/status').then(r=>r.json()).then(j=>process.exit(j.value&&j.value.ready===false?1:0),()=>process.exit(1))" 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  echo "e2e: tauri-driver did not answer on port $PORT within 30 s" >&2
  exit 1
}
E2E_PORT_BASE="${E2E_PORT:-4444}"
start_driver
echo "e2e: display $DISPLAY, tauri-driver on 127.0.0.1:$PORT, app $APP"

export DOSSIER_APP="$APP"
# Whether WebKit itself failed during the try that began at `since` (seconds of uptime) with the
# app's log `log` at `size` bytes: the app logged its web process's end (src-tauri/src/webview.rs)
# or the kernel — when this machine lets us read it — names a WebKit process (the web process,
# its compositor or watchdog, WebKitWebDriver) or Mesa. Printed for the record.
webkit_failed() {
  local since="$1" log="$2" size="$3" found=1
  if [ -f "$log" ] && tail -c "+$((size + 1))" "$log" | grep -q "the web process ended ("; then
    tail -c "+$((size + 1))" "$log" | grep "the web process ended (" | tail -n 3 >&2
    found=0
  fi
  local kernel
  kernel="$(dmesg 2>/dev/null | awk -v since="$since" -F'[][]' '$2 + 0 >= since + 0' |
    grep -E "WebKit|swrast|Compositor|WatchDogQueue" | tail -n 3 || true)"
  if [ -n "$kernel" ]; then
    echo "$kernel" >&2
    found=0
  fi
  return "$found"
}
# Arguments name test files to run (e.g. tests/e2e/import.test.mjs); all of them by default.
if [ "$#" -gt 0 ]; then files=("$@"); else files=(tests/e2e/*.test.mjs); fi
failed=()
again=()
first=1
for file in "${files[@]}"; do
  for try in 1 2; do
    [ "$first" = 1 ] || start_driver
    first=0
    status=0
    since="$(cut -d' ' -f1 /proc/uptime)"
    log="$XDG_DATA_HOME/app.dossier.desktop/logs/dossier.log"
    size="$(stat -c %s "$log" 2>/dev/null || echo 0)"
    node --test --test-concurrency=1 "$file" </dev/null 2>&1 | tee "$WORK/out" || status=$?
    [ "$status" -eq 0 ] && break
    # A file under which WebKit crashed is run once more, in a fresh home, and says so; a failed
    # check, or an app that failed on its own, is not.
    if [ "$try" = 1 ] && webkit_failed "$since" "$log" "$size"; then
      echo "e2e: WebKit failed during $file (above); running it once more" >&2
      again+=("$file")
      fresh_home "again-${#again[@]}"
      continue
    fi
    failed+=("$file")
    break
  done
done
echo "e2e: ${#files[@]} files, ${#failed[@]} failed${failed[*]:+: ${failed[*]}}; run again after WebKit failed: ${#again[@]}${again[*]:+ (${again[*]})}"
[ "${#failed[@]}" -eq 0 ]
