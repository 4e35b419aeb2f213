#!/usr/bin/env bash
# Re-renders output/ from templates/: every view of every template as SVG (what the test
# suite compares against, so a stale map fails `swift test`), plus the PNG of the
# service-centre map the README shows. With --check nothing is written: exit 1 when a
# committed map differs from what the templates render now.
set -euo pipefail
cd "$(dirname "$0")/.."

check=()
for arg in "$@"; do
  case "$arg" in
    --check) check=(--check) ;;
    *) echo "render-templates: unknown option $arg (only --check)" >&2; exit 64 ;;
  esac
done

mkdir -p output
swift run cjm render templates -o output -f svg --all-views ${check[@]+"${check[@]}"}
swift run cjm render templates/service-center.cjm -o output/ -f svg,png ${check[@]+"${check[@]}"}
