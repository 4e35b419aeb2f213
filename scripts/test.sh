#!/usr/bin/env bash
# The test command of the README and of CI: installs the missing system packages, runs the
# Swift test suite, then checks that every template still passes `cjm check`.
# Extra arguments go to `swift test` (e.g. scripts/test.sh --filter CJMSyntaxTests).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
swift test "$@"
swift run cjm check templates/*.cjm
swift run cjm fmt --check templates/*.cjm
