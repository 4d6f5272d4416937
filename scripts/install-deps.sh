#!/usr/bin/env bash
# Installs what sanad needs to build, run and test on Debian 12, and only what is missing.
# Runs as root (CI, a fresh machine) or through sudo. Safe to run again and again.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libsqlite3-dev sqlite3 libpq-dev nlohmann-json3-dev libsodium-dev libicu-dev
  libfmt-dev libspdlog-dev libcli11-dev libxlsxwriter-dev libzip-dev libexpat1-dev libboost-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libpango1.0-dev libcairo2-dev libqrencode-dev poppler-utils zbar-tools
  postgresql postgresql-contrib
  clang libclang-rt-14-dev clang-format clang-tidy
  chromium fonts-dejavu-core wrk ca-certificates
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian's postgresql package starts a cluster on port 5432; sanad's tests start their own
# scratch server and never use it, so it is left as it is.
