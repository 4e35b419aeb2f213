#!/usr/bin/env bash
# Renders the templates into output/ (the maps the README shows). With --check nothing is
# written: it fails (exit 1) when a committed map differs from what the templates render now.
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
swift run cjm render templates/service-center.cjm templates/online-store.cjm -o output/ -f svg,png ${check[@]+"${check[@]}"}
swift run cjm render templates/online-store.cjm --view board -o output/ -f svg,png ${check[@]+"${check[@]}"}
