#!/usr/bin/env bash
# Installs what cjm needs from Debian when it is missing: Graphviz's C libraries
# (cgraph + gvc, with the cairo plugins for PNG/PDF), cairo's headers (tiled PDF posters are
# composed with cairo) and fonts with Cyrillic coverage.
# `--bench` also installs GNU time (/usr/bin/time), which only scripts/bench.sh needs.
set -euo pipefail

packages=(libgraphviz-dev libcairo2-dev graphviz fonts-dejavu-core fontconfig pkg-config)
for arg in "$@"; do
  case "$arg" in
    --bench) packages+=(time python3) ;;
    *) echo "install-deps: unknown option $arg (--bench)" >&2; exit 64 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "cjm: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
