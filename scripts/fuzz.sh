#!/usr/bin/env bash
# Fuzzes cjm with libFuzzer: scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Targets (sources in Fuzz/): `check` feeds arbitrary bytes to parse + check (and to the map
# builders, the wire round trip and the Graphviz lowering when the journey is valid); `wire`
# feeds arbitrary bytes to the render worker's request decoder. Each target runs SECONDS
# (default 60), all of them at the same time, one process each; with no TARGET both run.
#
# The targets are built here, never by `swift build`: the package's modules are compiled with
# `swiftc -sanitize=fuzzer,address` into .build/fuzz/. The corpus grows in
# .build/fuzz/corpus/TARGET (seeded from templates/, Tests/Fixtures/ and Fuzz/seeds/ for
# `check`, and from the templates' render requests for `wire`); crashes, hangs (10 s per input)
# and out-of-memory inputs land in .build/fuzz/crashes/TARGET/, and the script exits 1 after
# printing each one (base64, and how to replay it). A toolchain without libFuzzer is skipped
# with a message and exit 0, unless CJM_FUZZ_REQUIRED=1.
#
# Environment: CJM_FUZZ_JOBS=N runs N fuzzing processes per target (default 1);
# CJM_FUZZ_ARGS adds libFuzzer flags.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(check wire)

root=.build/fuzz
modules=$root/modules
mkdir -p "$modules" "$root/bin"

skip() {
    echo "fuzz.sh: skipped: $1" >&2
    [ "${CJM_FUZZ_REQUIRED:-0}" = 1 ] && exit 1
    exit 0
}

command -v swiftc >/dev/null || skip "no swiftc on PATH"
scripts/install-deps.sh >/dev/null

# Does this toolchain link libFuzzer? (Swift on Linux ships it; Xcode's does not.)
probe=$root/probe
mkdir -p "$probe"
cat > "$probe/probe.swift" <<'EOF'
@_cdecl("LLVMFuzzerTestOneInput")
public func probe(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { 0 }
EOF
swiftc -parse-as-library -sanitize=fuzzer,address "$probe/probe.swift" -o "$probe/probe" >"$probe/log" 2>&1 \
    || skip "this Swift toolchain cannot build with -sanitize=fuzzer ($(head -1 "$probe/log"))"

# The package's system libraries (Package.swift: CGraphviz, CCairo) by their module maps and pkg-config.
flags=(-package-name cjm -parse-as-library -O -g -wmo -enable-testing -sanitize=fuzzer,address -use-ld=lld -I "$modules")
libs=()
for system in CGraphviz:libgvc CCairo:cairo; do
    [ -d "Sources/${system%%:*}" ] || continue
    flags+=(-I "Sources/${system%%:*}")
    for flag in $(pkg-config --cflags "${system#*:}"); do flags+=(-Xcc "$flag"); done
    for flag in $(pkg-config --libs "${system#*:}"); do libs+=("$flag"); done
done

# Each module into a static library, in pipeline order, rebuilt when one of its sources changed.
build_module() {
    local name=$1
    local sources
    mapfile -t sources < <(find "Sources/$name" -name '*.swift' | sort)
    local archive=$modules/lib$name.a
    if [ -f "$archive" ] && [ -z "$(find "Sources/$name" -name '*.swift' -newer "$archive" | head -1)" ] \
        && [ "$archive" -nt scripts/fuzz.sh ]; then
        return
    fi
    echo "fuzz.sh: building $name" >&2
    swiftc "${flags[@]}" -module-name "$name" -emit-module -emit-module-path "$modules/$name.swiftmodule" \
        -emit-library -static -o "$archive" "${sources[@]}"
}
for module in CJMSyntax CJMModel CJMViewGraph CJMMaps CJMGraphviz; do build_module "$module"; done

build_target() {
    local target=$1 source=$2
    local binary=$root/bin/cjm-fuzz-$target
    echo "fuzz.sh: linking $binary" >&2
    swiftc "${flags[@]}" -module-name "Fuzz${target^}" "$source" -o "$binary" -L "$modules" \
        -lCJMGraphviz -lCJMMaps -lCJMViewGraph -lCJMModel -lCJMSyntax "${libs[@]}"
}

for target in "${targets[@]}"; do
    case $target in
        check) build_target check Fuzz/CheckTarget.swift ;;
        wire) build_target wire Fuzz/WireTarget.swift ;;
        *) echo "fuzz.sh: unknown target $target (check, wire)" >&2; exit 64 ;;
    esac
done

# Graphviz's lowering keeps a little memory per graph on purpose (see GraphvizContext);
# leaks are not what this looks for.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
# libFuzzer reports a crash itself; Swift's backtracer would only add noise under ASan.
export SWIFT_BACKTRACE=enable=no

# Fuzzes one target for $seconds; its report goes to $root/TARGET.report, its status to
# $root/TARGET.status, so that the targets can run side by side.
fuzz_target() {
    local target=$1
    local binary=$root/bin/cjm-fuzz-$target
    local corpus=$root/corpus/$target
    local crashes=$root/crashes/$target
    local seeds=$root/seeds/$target
    local report=$root/$target.report
    local status=0
    mkdir -p "$corpus" "$crashes"
    rm -rf "$seeds"
    mkdir -p "$seeds"
    local dictionary=() max_len
    if [ "$target" = check ]; then
        cp templates/*.cjm Tests/Fixtures/*.cjm Fuzz/seeds/* "$seeds/"
        dictionary=(-dict=Fuzz/cjm.dict)
        max_len=16384
    else
        local journeys
        journeys=$(ls templates/*.cjm Tests/Fixtures/*.cjm | paste -sd:)
        CJM_FUZZ_WRITE_SEEDS=$seeds CJM_FUZZ_SEED_JOURNEYS=$journeys "$binary" -runs=0 >/dev/null 2>&1
        # A whole request of a template map is up to ~64 KB.
        max_len=131072
    fi
    local log=$root/$target.log
    local started=$root/$target.started
    touch "$started"
    local jobs=${CJM_FUZZ_JOBS:-1}
    local parallel=()
    [ "$jobs" -gt 1 ] && parallel=(-fork="$jobs" -ignore_crashes=1)
    {
        echo "fuzz.sh: fuzzed $target for $seconds s; corpus $corpus, crashes go to $crashes/"
        # shellcheck disable=SC2086
        if ! "$binary" "$corpus" "$seeds" "${dictionary[@]}" "${parallel[@]}" -max_total_time="$seconds" -max_len="$max_len" \
            -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" ${CJM_FUZZ_ARGS:-} >"$log" 2>&1; then
            status=1
        fi
        grep -E '^(#[0-9]+.*(DONE|pulse)|stat::|INFO: (seed corpus|[0-9]+ files found))' "$log" | tail -12 || true
        for crash in "$crashes"/*; do
            [ -e "$crash" ] && [ "$crash" -nt "$started" ] || continue
            status=1
            echo "fuzz.sh: $target found $crash; replay with: $binary $crash"
            echo "  base64: $(base64 -w0 "$crash")"
        done
        if [ $status -ne 0 ]; then
            grep -E -A25 '^==[0-9]+==|Fatal error|SUMMARY|ERROR: libFuzzer' "$log" | head -60 || true
        fi
    } >"$report"
    echo $status >"$root/$target.status"
}

# The targets run side by side, one process each (CI's machine has two cores).
echo "fuzz.sh: fuzzing ${targets[*]} for $seconds s" >&2
for target in "${targets[@]}"; do fuzz_target "$target" & done
wait
status=0
for target in "${targets[@]}"; do
    cat "$root/$target.report" >&2
    [ "$(cat "$root/$target.status" 2>/dev/null)" = 0 ] || status=1
done
exit $status
