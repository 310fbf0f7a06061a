#!/usr/bin/env bash
# Runs the end-to-end tests on the real built app (target/debug/dossier, built with the
# custom-protocol feature so it embeds ui/dist): Xvfb (when there is no $DISPLAY), tauri-driver
# in front of WebKitWebDriver, then Node's built-in test runner over tests/e2e/*.test.mjs, one file
# at a time with a fresh driver each (a file WebKit failed under is run once more).
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
# so a run neither reads nor changes the user's own settings.
export XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" XDG_CACHE_HOME="$WORK/cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"

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
# What WebDriver says when WebKit itself failed under a session rather than a test's check:
# the session was ended for a crash or hang of the page, or the driver was gone.
WEBKIT_DIED='page crash or hang|invalid session id|Maximum number of active sessions|ECONNREFUSED'
# Arguments name test files to run (e.g. tests/e2e/import.test.mjs); all of them by default.
if [ "$#" -gt 0 ]; then files=("$@"); else files=(tests/e2e/*.test.mjs); fi
failed=()
again=()
for file in "${files[@]}"; do
  for try in 1 2; do
    [ "$file" = "${files[0]}" ] && [ "$try" = 1 ] || start_driver
    status=0
    since="$(cut -d' ' -f1 /proc/uptime)"
    node --test --test-concurrency=1 "$file" </dev/null 2>&1 | tee "$WORK/out" || status=$?
    [ "$status" -eq 0 ] && break
    # A file whose session WebKit ended is run once more, and says so; a failed check is not.
    if [ "$try" = 1 ] && grep -qE "$WEBKIT_DIED" "$WORK/out"; then
      echo "e2e: WebKit ended the session during $file; running it once more" >&2
      # The kernel's word on it, when this machine lets us read it: what crashed, and where.
      dmesg 2>/dev/null | awk -v since="$since" -F'[][]' '$2 + 0 >= since + 0' |
        grep -E "WebKit|swrast|Compositor" | tail -n 3 >&2 || true
      again+=("$file")
      continue
    fi
    failed+=("$file")
    break
  done
done
echo "e2e: ${#files[@]} files, ${#failed[@]} failed${failed[*]:+: ${failed[*]}}; run again after WebKit ended a session: ${#again[@]}${again[*]:+ (${again[*]})}"
[ "${#failed[@]}" -eq 0 ]
