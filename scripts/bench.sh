#!/usr/bin/env bash
# Every benchmark of `dossier-cli bench` in one run, printed as one table: each figure beside its
# target, its reference timed in the same run and the ratio (reference ÷ ours).
#
#   bash scripts/bench.sh          small databases, a few minutes: for spotting a regression
#   bash scripts/bench.sh --full   the README's scales (about 11 minutes on 2 cores, plus about
#                                  6 for generating the databases): the figures of its tables
#
# The databases and the JSON each benchmark wrote stay in $DOSSIER_BENCH_DIR when it is set
# (a temporary folder otherwise). The references need python3 with openpyxl and XlsxWriter
# (`pip install openpyxl XlsxWriter`); without them those columns say n/a. The table starts
# with the date, the commit and the machine's load: figures from a busy machine are slower, the
# ratios much less so.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=small
case "${1:-}" in
  "") ;;
  --full) mode=full ;;
  *) echo "usage: bash scripts/bench.sh [--full]" >&2; exit 2 ;;
esac

if [ "$mode" = full ]; then
  # The README's databases: 200k customers with deals and records; 1M purchase records;
  # 2,052 customers with 10k deals and 200k records; 100k-row files.
  search_db=(--scale 5556 --deals 1 --visits 1); trends_db=(--scale 56 --purchases 14)
  risk_db=(--scale 57 --deals 5 --visits 100); rows=100000; runs=3; timed=100; queries=300
else
  search_db=(--scale 56 --deals 1 --visits 1); trends_db=(--scale 8 --purchases 14)
  risk_db=(--scale 30 --deals 5 --visits 100); rows=10000; runs=1; timed=20; queries=50
fi

cargo build --release -j2 -p dossier-cli
cli="$PWD/target/release/dossier-cli"
if [ -n "${DOSSIER_BENCH_DIR:-}" ]; then
  work="$DOSSIER_BENCH_DIR"; mkdir -p "$work"
else
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
fi

started=$(date +%s)
step() { echo "== bench [$(( $(date +%s) - started )) s]: $*" >&2; }

# A generated database, made once per folder (delete it to make it again).
demo() {
  local db="$work/$1.sqlite"; shift
  if [ ! -f "$db" ]; then
    step "generating $(basename "$db") (demo $*)"
    "$cli" demo --db "$db" "$@" >/dev/null
  fi
  echo "$db"
}

search=$(demo search "${search_db[@]}")
trends=$(demo trends "${trends_db[@]}")
risk=$(demo risk "${risk_db[@]}")

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
step "search";    "$cli" bench search --db "$search" --queries "$queries" --json >"$work/search.json"
step "power map"; "$cli" bench power-map --runs "$timed" --json >"$work/power-map.json"
step "trends";    "$cli" bench trends --db "$trends" --runs "$timed" --json >"$work/trends.json"
step "risk";      "$cli" bench risk --db "$risk" --runs "$timed" --json >"$work/risk.json"
step "weekly";    "$cli" bench weekly --db "$risk" --runs "$timed" --json >"$work/weekly.json"
step "results";   "$cli" bench results --db "$risk" --runs "$timed" --json >"$work/results.json"
step "import";    "$cli" bench import --rows "$rows" --runs "$runs" --dir "$work/import" --json >"$work/import.json"
step "export";    "$cli" bench export --rows "$rows" --runs "$runs" --dir "$work/export" --json >"$work/export.json"
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

python3 scripts/bench_table.py "$work" "$mode" "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" \
  "$load_before" "$load_after" "$(( $(date +%s) - started ))"
