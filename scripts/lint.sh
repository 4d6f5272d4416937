#!/usr/bin/env bash
# clang-tidy with the repository's .clang-tidy, every finding an error.
#   scripts/lint.sh BUILD all      every source file of src/, tests/ and bench/; when the working
#                                  tree is clean and nothing is found, records HEAD in
#                                  .ci/tidy-baseline (commit that file)
#   scripts/lint.sh BUILD changed  only the files changed since the commit in .ci/tidy-baseline,
#                                  and the sources that include a changed header
#
# Why two modes: a full run takes about half an hour on the 2 cores CI has (clang-analyzer over
# 250 translation units), which does not fit in CI's 90 minutes beside the sanitizer build and
# the tests. `make test` therefore checks what changed since the last full run, and `make lint`
# is the full run we make before an issue is closed. Without git history (a checkout that is not
# a clone) the changed set cannot be known and `changed` says so and checks nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: scripts/lint.sh BUILD all|changed}
mode=${2:-changed}
root=$(pwd)
log=$build/clang-tidy.log

[[ -f $build/compile_commands.json ]] || {
  echo "lint: $build/compile_commands.json is missing; configure $build first" >&2
  exit 2
}

if [[ $mode == changed ]]; then
  baseline=$(tr -d '[:space:]' <.ci/tidy-baseline 2>/dev/null || true)
  if [[ -z $baseline ]] || ! git cat-file -e "$baseline^{commit}" 2>/dev/null; then
    echo "lint: no git history with the commit of .ci/tidy-baseline here; nothing checked" \
      "(run 'make lint' for the full check)"
    exit 0
  fi
  changed=$( (git diff --name-only "$baseline" -- src tests bench
    git ls-files --others --exclude-standard -- src tests bench) | grep -E '\.(cc|h)$' || true)
  echo "lint: changed since $(git rev-parse --short "$baseline"):" $changed
  if ! git diff --quiet "$baseline" -- .clang-tidy; then
    echo "lint: .clang-tidy changed; checking everything"
    mode=all
  fi
else
  changed=
fi

# Our translation units in the build, relative to the root; in `changed` mode only those that
# are or include (directly or not, as the compiler recorded in ninja's deps) a changed file.
mapfile -t selected < <(ninja -C "$build" -t deps | python3 -c '
import sys, re
root, mode, changed = sys.argv[1].rstrip("/") + "/", sys.argv[2], set(sys.argv[3].split())
seen, unit, hit = set(), None, False
def flush():
    if unit and unit not in seen and (mode == "all" or hit):
        seen.add(unit)
        print(unit)
for line in sys.stdin:
    if not line.startswith(" "):
        flush()
        unit, hit = None, False
        continue
    path = line.strip()
    rel = path[len(root):] if path.startswith(root) else ""
    if unit is None:  # the first dependency is the source itself
        unit = rel if re.match(r"(src|tests|bench)/.*\.cc$", rel) else ""
    hit = hit or rel in changed
flush()
' "$root" "$mode" "$changed")
echo "lint: ${#selected[@]} sources to check"

((${#selected[@]} == 0)) && exit 0
regex="^$root/($(printf '%s|' "${selected[@]}" | sed 's/|$//; s/\./\\./g'))\$"
# clang cannot read GCC's precompiled headers: clang-tidy reads the build's commands without
# them (each file then includes what it uses, as it must anyway).
mkdir -p "$build/tidy"
python3 - "$build/compile_commands.json" "$build/tidy/compile_commands.json" <<'PY'
import json, re, sys
entries = json.load(open(sys.argv[1]))
for e in entries:
    e["command"] = re.sub(r" -Winvalid-pch| -include \S*cmake_pch\.hxx", "", e["command"])
json.dump(entries, open(sys.argv[2], "w"))
PY
if ! run-clang-tidy -p "$build/tidy" -j "$(nproc)" -quiet -extra-arg=-Wno-unknown-warning-option \
  "$regex" >"$log" 2>&1; then
  grep -E "(warning|error): " "$log" | grep -v "unknown warning option" | sort -u >&2 || true
  echo "lint: clang-tidy found problems (full log: $log)" >&2
  exit 1
fi
echo "lint: clean"
if [[ $mode == all ]] && [[ -z $(git status --porcelain -- src tests bench .clang-tidy) ]]; then
  git rev-parse HEAD >.ci/tidy-baseline
  echo "lint: recorded $(git rev-parse --short HEAD) in .ci/tidy-baseline"
fi
