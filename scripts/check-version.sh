#!/usr/bin/env bash
# The version number lives in one place, Cargo.toml's [workspace.package]: every crate inherits
# it, Tauri takes the app crate's (tauri.conf.json has no "version", so the installers, the
# About box and the app's own getVersion() all read Cargo's), and no package.json claims one.
# Prints the version; exits 1 naming each file that says otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

version="$(sed -n '/^\[workspace\.package\]/,/^\[/s/^version *= *"\([^"]*\)".*/\1/p' Cargo.toml)"
[ -n "$version" ] || { echo "version: Cargo.toml [workspace.package] has no version" >&2; exit 1; }

# Each crate's resolved version, as Cargo (and so Tauri) sees it.
crates="$(cargo metadata --no-deps --format-version 1 --offline 2>/dev/null || cargo metadata --no-deps --format-version 1)"

# The JSON files that could carry a version of their own (tauri.conf.json's would override
# Cargo's; a package.json's would be a second number for the same product).
VERSION="$version" CRATES="$crates" node - tauri.conf.json package.json ui/package.json ui/package-lock.json \
  tests/e2e/package.json tests/e2e/package-lock.json <<'EOF'
const { readFileSync, existsSync } = require('node:fs')
const version = process.env.VERSION
const bad = []
for (const p of JSON.parse(process.env.CRATES).packages) {
  if (p.version !== version) bad.push(`crate ${p.name} is ${p.version} (its Cargo.toml: version.workspace = true)`)
}
for (const file of process.argv.slice(2).filter(existsSync)) {
  const json = JSON.parse(readFileSync(file, 'utf8'))
  // A lock file repeats its package's version at the top and under packages[""].
  for (const [where, v] of [['', json.version], ['packages[""].', json.packages?.['']?.version]]) {
    if (v !== undefined) bad.push(`${file}: ${where}version "${v}" (remove it: the version is Cargo.toml's)`)
  }
}
if (bad.length) {
  console.error(`version: Cargo.toml says ${version}, but:\n  ${bad.join('\n  ')}`)
  process.exit(1)
}
EOF
echo "$version"
