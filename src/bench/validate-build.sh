#!/usr/bin/env bash
# Validation at scale: `mvn validate-assets` on N specs in F files against `mvn validate` of the same
# project, interleaved; prints the ratio. Needs the plugin installed (README's first command, or
# BENCH_MAVEN_ARGS, see lib.sh). Usage: validate-build.sh [N] [files] [runs]   (goal: 10,000 in 100 <= 1.5)
set -euo pipefail
n=${1:-10000}
files=${2:-100}
runs=${3:-5}
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_project "$work/project" "$n" "$files"
validate_assets() { bench_mvn "$work/project" validate-assets; }
BENCH_GOAL=1.5
compare "$runs" "validate $n specs in $files files" validate-assets "$work/project" validate_assets
