#!/usr/bin/env bash
# The test command of the README and of CI: installs the missing system packages, makes the
# man page the install test installs, runs the Swift test suite, then checks that every
# template still passes `cjm check`, `cjm fmt --check` and `cjm lint --strict`.
# Extra arguments go to `swift test` (e.g. scripts/test.sh --filter CJMSyntaxTests).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
# The man page scripts/install.sh installs, from swift-argument-parser's generate-manual
# plugin; made here because the install test cannot run SwiftPM under `swift test`, which
# holds the lock on .build. It builds the debug products `swift test` builds anyway.
swift package generate-manual --configuration debug >/dev/null
swift test "$@"
swift run cjm check templates/*.cjm
swift run cjm fmt --check templates/*.cjm
swift run cjm lint --strict templates/*.cjm
