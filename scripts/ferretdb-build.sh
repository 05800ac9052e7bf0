#!/usr/bin/env bash
# Builds FerretDB (a MongoDB-wire server over SQLite) once, for the mongo adapter's tests.
# The binary is cached by version outside the repository; a second run only prints its path.
# `go install …@v1.24.2` gives a binary that panics at start (build/version/version.txt is
# missing from the module), so we copy the module source, write that file, and build it.
set -euo pipefail

version="${FERRETDB_VERSION:-v1.24.2}"
cache_root="${ZHILI_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/zhili}"
bin="$cache_root/ferretdb/$version/ferretdb"

if [ -x "$bin" ] && "$bin" --version >/dev/null 2>&1; then
  echo "$bin"
  exit 0
fi

command -v go >/dev/null 2>&1 || { echo "ferretdb-build: 'go' is not on PATH" >&2; exit 2; }

work="$(mktemp -d)"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

module_json="$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "github.com/FerretDB/FerretDB@$version")"
module_dir="$(printf '%s' "$module_json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' | head -n 1)"
[ -d "$module_dir" ] || { echo "ferretdb-build: module download failed:" >&2; echo "$module_json" >&2; exit 3; }

cp -r "$module_dir" "$work/src"
chmod -R u+w "$work/src"
printf '%s' "$version" > "$work/src/build/version/version.txt"

mkdir -p "$(dirname "$bin")"
(
  cd "$work/src"
  # FerretDB declares its own Go version; fall back to that toolchain if the local one fails.
  CGO_ENABLED=0 go build -trimpath -o "$bin.tmp" ./cmd/ferretdb 2>"$work/build.log" ||
    CGO_ENABLED=0 GOTOOLCHAIN=go1.24.3 go build -trimpath -o "$bin.tmp" ./cmd/ferretdb
)
mv "$bin.tmp" "$bin"
echo "$bin"
