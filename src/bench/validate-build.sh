#!/usr/bin/env bash
# Validation at scale: `mvn validate-assets` on N specs in F files against `mvn validate` of the same
# project, interleaved; prints the ratio. Needs the plugin installed (README's first command, or
# BENCH_MAVEN_ARGS, see lib.sh). Usage: validate-build.sh [N] [files] [runs] [full]   (goal: 10,000 in 100 <= 1.5)
# With "full", a spec file is touched before each run, so the last validation never stands (a file
# modified within 2 s is not trusted) and every run reads and checks all specs.
set -euo pipefail
n=${1:-10000}
files=${2:-100}
runs=${3:-5}
full=${4:-}
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_project "$work/project" "$n" "$files"
validate_assets() {
  if [ "$full" = full ]; then touch "$work/project/src/main/assets/bench-1.yaml"; fi
  bench_mvn "$work/project" validate-assets
}
BENCH_GOAL=1.5
compare "$runs" "validate $n specs in $files files" validate-assets "$work/project" validate_assets
