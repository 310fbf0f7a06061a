#!/usr/bin/env bash
# Builds Dossier's Linux packages (.deb and .rpm; never the AppImage, whose bundler downloads
# tools) and checks them the way a user meets them:
#   1. the .deb and .rpm list the binary, the desktop entry and the icons (dpkg-deb, rpm -qp);
#   2. the .deb installs with apt, and the installed /usr/bin/dossier, started from the menu's
#      way (no arguments, a fresh home), opens its window on the default database in the home's
#      data folder (xdotool finds the window; a screenshot is kept);
#   3. the installed app, driven through tauri-driver (tests/e2e/run.sh), loads the sample
#      data on a database of its own (tests/e2e/installed/sample_data.test.mjs);
#   4. the package is purged: /usr/bin/dossier is gone and both databases are untouched.
#
#   bash scripts/package.sh            release build (cargo build --release: long on 2 cores)
#   bash scripts/package.sh --debug    bundles the debug build the E2E run just made
#                                      (target/debug, reused: only the bundling is new)
#
# Screenshots go to $PACKAGE_ARTIFACTS (default /tmp/dossier-package). Needs root or sudo (apt).
# Everything it starts is stopped, and the package removed, on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

PROFILE=release
case "${1:-}" in
  --debug) PROFILE=debug ;;
  "") ;;
  *) echo "usage: bash scripts/package.sh [--debug]" >&2; exit 2 ;;
esac
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
for tool in dpkg-deb rpm apt-get xdotool Xvfb import dbus-daemon node; do
  command -v "$tool" >/dev/null || { echo "package: $tool is missing (bash scripts/install-deps.sh)" >&2; exit 2; }
done
if dpkg-query -W -f='${Status}' dossier 2>/dev/null | grep -q "install ok installed"; then
  echo "package: a dossier package is installed already; remove it first (apt-get remove dossier)" >&2
  exit 2
fi

STARTED=$SECONDS
WORK="$(mktemp -d "${TMPDIR:-/tmp}/dossier-package.XXXXXX")"
ARTIFACTS="${PACKAGE_ARTIFACTS:-/tmp/dossier-package}"
mkdir -p "$ARTIFACTS"
PIDS=()
INSTALLED=""
cleanup() {
  local rc=$?
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill -TERM -- "-${PIDS[i]}" 2>/dev/null || kill -TERM "${PIDS[i]}" 2>/dev/null || true
  done
  if [ -n "$INSTALLED" ]; then $SUDO apt-get purge -y -qq dossier >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
fail() { echo "package: FAILED: $*" >&2; exit 1; }
elapsed() { echo "$((SECONDS - STARTED)) s"; }
step() { echo "== package [$(elapsed)]: $*"; }

TARGET_DIR="$(cargo metadata --no-deps --format-version 1 | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
BUNDLE_DIR="$TARGET_DIR/$PROFILE/bundle"
VERSION="$(bash scripts/check-version.sh)"

step "tauri build ($PROFILE) --bundles deb,rpm"
rm -rf "$BUNDLE_DIR/deb" "$BUNDLE_DIR/rpm"
build_args=(build --ci --bundles deb,rpm --features custom-protocol)
if [ "$PROFILE" = debug ]; then
  # The E2E run has just built ui/dist and target/debug/dossier with this feature: bundle them
  # as they are (the UI build would only repeat itself).
  [ -f ui/dist/index.html ] || fail "ui/dist is missing: cd ui && npm run build"
  build_args+=(--debug --config '{"build":{"beforeBuildCommand":""}}')
fi
ui/node_modules/.bin/tauri "${build_args[@]}" -- -j"${CARGO_BUILD_JOBS:-2}"
DEB="$(ls "$BUNDLE_DIR"/deb/*.deb)"
RPM="$(ls "$BUNDLE_DIR"/rpm/*.rpm)"
echo "package: built $DEB and $RPM in $(elapsed)"

step "what the .deb holds"
dpkg-deb --info "$DEB"
# Paths as in the .rpm's list: the archive's own spell them with or without "./".
dpkg-deb --contents "$DEB" | awk '{print $6}' | sed 's|^\./|/|; s|^\([^/]\)|/\1|' >"$WORK/deb.files"
cat "$WORK/deb.files"
[ "$(dpkg-deb --field "$DEB" Version)" = "$VERSION" ] || fail "the .deb's version is not $VERSION"
for f in /usr/bin/dossier /usr/share/applications/Dossier.desktop /usr/share/icons/hicolor/128x128/apps/dossier.png \
  /usr/share/doc/dossier/copyright; do
  grep -qx "$f" "$WORK/deb.files" || fail "the .deb has no $f"
done
dpkg-deb --fsys-tarfile "$DEB" | tar -xO --wildcards '*usr/share/applications/Dossier.desktop' >"$WORK/Dossier.desktop"
cat "$WORK/Dossier.desktop"
grep -qx 'Name\[zh_CN\]=大客户档案' "$WORK/Dossier.desktop" || fail "the desktop entry has no Chinese name"
grep -qx 'Exec=dossier' "$WORK/Dossier.desktop" || fail "the desktop entry does not start dossier"

step "what the .rpm holds (checked, not installed: this is a Debian machine)"
rpm -qpi "$RPM"
rpm -qpR "$RPM"
rpm -qpl "$RPM" >"$WORK/rpm.files"
cat "$WORK/rpm.files"
[ "$(rpm -qp --queryformat '%{VERSION}' "$RPM")" = "$VERSION" ] || fail "the .rpm's version is not $VERSION"
for f in /usr/bin/dossier /usr/share/applications/Dossier.desktop /usr/share/icons/hicolor/128x128/apps/dossier.png \
  /usr/share/licenses/dossier/LICENSE; do
  grep -qx "$f" "$WORK/rpm.files" || fail "the .rpm has no $f"
done
rpm -qpR "$RPM" | grep -q "^libwebkit2gtk-4.1.so" || fail "the .rpm does not require WebKitGTK 4.1"

step "apt-get install $DEB"
INSTALLED=1
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$DEB"
[ -x /usr/bin/dossier ] || fail "/usr/bin/dossier is not installed"
dpkg -L dossier

# A display and a private session bus of our own: the app's single-instance check talks D-Bus,
# and must neither find nor hand over to a Dossier the user has open.
n=81
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
setsid Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp -noreset >"$WORK/xvfb.log" 2>&1 </dev/null &
PIDS+=($!)
for _ in $(seq 1 100); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
[ -e "/tmp/.X11-unix/X$n" ] || fail "Xvfb :$n did not start"
export DISPLAY=":$n" NO_AT_BRIDGE=1
mapfile -t bus < <(dbus-daemon --session --fork --print-address=1 --print-pid=1)
PIDS+=("${bus[1]}")
export DBUS_SESSION_BUS_ADDRESS="${bus[0]}"

step "the installed app opens its window (a fresh home, no arguments)"
HOME_DIR="$WORK/home"
mkdir -p "$HOME_DIR"
DEFAULT_DB="$HOME_DIR/.local/share/app.dossier.desktop/dossier.sqlite"
env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME HOME="$HOME_DIR" \
  setsid /usr/bin/dossier >"$WORK/app.log" 2>&1 </dev/null &
APP_PID=$!
PIDS+=("$APP_PID")
window=""
for _ in $(seq 1 120); do
  window="$(xdotool search --name '大客户档案' 2>/dev/null | head -n1 || true)"
  [ -n "$window" ] && [ -f "$DEFAULT_DB" ] && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; fail "/usr/bin/dossier exited"; }
  sleep 0.5
done
[ -n "$window" ] || { cat "$WORK/app.log" >&2; fail "no window titled 大客户档案 within 60 s"; }
[ -f "$DEFAULT_DB" ] || fail "the app made no database in the home's data folder ($DEFAULT_DB)"
echo "package: window $window \"$(xdotool getwindowname "$window")\", database $DEFAULT_DB"
sleep 3 # the page's first paint
import -window root "$ARTIFACTS/installed-window.png"
echo "package: screenshot $ARTIFACTS/installed-window.png"
kill -TERM -- "-$APP_PID" 2>/dev/null || kill -TERM "$APP_PID"
for _ in $(seq 1 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done

step "the installed app loads the sample data (tauri-driver, tests/e2e/run.sh)"
SAMPLE_DB="$WORK/data/sample.sqlite"
mkdir -p "$WORK/data"
DOSSIER_APP=/usr/bin/dossier PACKAGE_SAMPLE_DB="$SAMPLE_DB" E2E_ARTIFACTS="$ARTIFACTS" \
  bash tests/e2e/run.sh tests/e2e/installed/sample_data.test.mjs

step "apt-get purge dossier leaves the user's data alone"
sha256sum "$DEFAULT_DB" "$SAMPLE_DB" >"$WORK/data.sha256"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get purge -y -qq dossier
INSTALLED=""
[ ! -e /usr/bin/dossier ] || fail "/usr/bin/dossier is still there after the purge"
! dpkg-query -W -f='${Status}' dossier 2>/dev/null | grep -q "install ok installed" || fail "dossier is still installed"
sha256sum --check "$WORK/data.sha256" || fail "a database changed when the package was removed"
cli="$TARGET_DIR/debug/dossier-cli"
customers="$("$cli" stats --db "$SAMPLE_DB" --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).customers))')"
[ "$customers" = 36 ] || fail "the sample database has $customers customers after the purge, not 36"
echo "package: both databases unchanged; the sample database still has $customers customers"

echo "package: OK ($PROFILE) in $(elapsed): $(basename "$DEB") $(du -h "$DEB" | cut -f1), $(basename "$RPM") $(du -h "$RPM" | cut -f1)"
