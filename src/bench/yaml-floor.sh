#!/usr/bin/env bash
# The floor under `validate-assets` at scale: SnakeYAML alone reading N specs in F files in a fresh JVM
# (no assetgen code), timed against the same JVM with nothing to read, beside `mvn validate` of the
# project; prints the ratio a validator would reach if reading YAML were all it did:
#   (mvn validate + SnakeYAML's share) / mvn validate.
# Usage: yaml-floor.sh [N] [files] [runs]   (as validate-build.sh: 10,000 in 100)
set -euo pipefail
n=${1:-10000}
files=${2:-100}
runs=${3:-5}
. "$(dirname "$0")/lib.sh"
jar="$bench_root/src/bench/jmh/target/benchmarks.jar"
"$bench_root/src/bench/core-bench.sh" build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
make_project "$work/project" "$n" "$files"
assets="$work/project/src/main/assets"
base=() parse=() empty=()
time_ms bench_mvn "$work/project" validate >/dev/null
for r in $(seq 1 "$runs"); do
  t=$(time_ms bench_mvn "$work/project" validate)
  base+=("${t% *}")
  t=$(time_ms java -cp "$jar" io.github.assetgen.bench.YamlFloor "$assets")
  parse+=("${t% *}")
  t=$(time_ms java -cp "$jar" io.github.assetgen.bench.YamlFloor)
  empty+=("${t% *}")
done
b=$(median "${base[@]}")
p=$(median "${parse[@]}")
e=$(median "${empty[@]}")
echo "SnakeYAML alone, $n specs in $files files, fresh JVM: ${p} ms, empty JVM ${e} ms: reading costs $((p - e)) ms;" \
  "mvn validate ${b} ms: floor ratio $(awk -v b="$b" -v s="$((p - e))" 'BEGIN { printf "%.2f", (b + s) / b }') (medians of $runs)"
echo "  validate wall: ${base[*]}; SnakeYAML: ${parse[*]}; empty JVM: ${empty[*]}"
