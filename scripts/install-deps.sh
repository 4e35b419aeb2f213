#!/usr/bin/env bash
# Installs what cjm needs from Debian when it is missing: Graphviz's C libraries
# (cgraph + gvc, with the cairo plugins for PNG/PDF) and fonts with Cyrillic coverage.
set -euo pipefail

packages=(libgraphviz-dev graphviz fonts-dejavu-core fontconfig pkg-config)
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
