#!/usr/bin/env bash
# No-op build: `mvn generate-assets` on N cached, up-to-date assets (placeholder renders, so no key
# and no network) against `mvn validate` of the same project, interleaved; prints the ratio.
# Needs the plugin installed (README's first command, or BENCH_MAVEN_ARGS, see lib.sh).
# Usage: noop-build.sh [N] [runs]   (issue #14 goals: 1,000 <= 1.15, 10,000 <= 1.5)
set -euo pipefail
n=${1:-1000}
runs=${2:-5}
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_project "$work/project" "$n" 1
generate() { bench_mvn "$work/project" -Dassetgen.placeholders=true -Dassetgen.cacheDirectory="$work/cache" generate-assets; }
echo "rendering $n placeholder assets once..."
generate >/dev/null
if [ "$n" -ge 10000 ]; then BENCH_GOAL=1.5; else BENCH_GOAL=1.15; fi
compare "$runs" "no-op $n" generate-assets "$work/project" generate
