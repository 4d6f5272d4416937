#!/usr/bin/env bash
# Builds the web interface (ui/) into ui/dist when its sources changed. npm install, not
# npm ci: see STACK.md (the lockfile made here lacks other platforms' optional packages).
# The map's boundaries are imported from ../data/iraq/boundaries, so they count as sources.
set -euo pipefail
cd "$(dirname "$0")/../ui"
[[ -f package.json ]] || { echo "build-ui: no ui/package.json yet, skipping"; exit 0; }
if [[ ! -d node_modules || package.json -nt node_modules/.package-lock.json ]]; then
  npm install --no-audit --no-fund --loglevel=error
fi
if [[ ! -f dist/index.html || ! -f dist/public.html ]] || [[ -n $(find src index.html public.html package.json vite.config.* ../data/iraq/boundaries -newer dist/index.html 2>/dev/null | head -1) ]]; then
  npm run build --silent
fi
