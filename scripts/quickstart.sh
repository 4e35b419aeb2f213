#!/usr/bin/env bash
# Quick start on a fresh Debian machine with Swift: installs the missing system packages,
# builds cjm and renders the service-centre example into output/.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v swift >/dev/null 2>&1; then
  echo "quickstart: Swift is not installed; get it from https://www.swift.org/install/linux/" >&2
  exit 1
fi

scripts/install-deps.sh
swift build --product cjm
mkdir -p output
swift run cjm render templates/service-center.cjm -o output/ -f svg,png
echo "quickstart: open output/service-center.svg or output/service-center.png" >&2
