#!/usr/bin/env bash
# Where the CPU time a full validation adds goes: `mvn validate` and `mvn validate-assets` of the
# same project (N specs in F files, a spec file touched before each run so every run validates),
# interleaved, each with -XX:+CITime, which makes the JVM print at exit how long its C1 and C2
# compilers worked. Prints the medians of wall time, CPU time (user + system) and the C1 and C2
# compilers' time for each, and what validate-assets adds to each.
# Usage: validate-jit.sh [N] [files] [runs]   (needs the plugin installed, as validate-build.sh)
set -euo pipefail
n=${1:-10000}
files=${2:-100}
runs=${3:-5}
. "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
make_project "$work/project" "$n" "$files"

# one run: "wall cpu c1 c2" in milliseconds
jit_run() {
  local goal=$1 start end cpu out TIMEFORMAT='%3U %3S'
  touch "$work/project/src/main/assets/bench-1.yaml"
  start=$(date +%s%N)
  # shellcheck disable=SC2086 # BENCH_MAVEN_ARGS is a list of words on purpose
  cpu=$( { time MAVEN_OPTS="${MAVEN_OPTS:-} -XX:+CITime" mvn -B -q -Dstyle.color=never ${BENCH_MAVEN_ARGS:-} \
    -f "$work/project/pom.xml" "$goal" >"$work/out" 2>&1; } 2>&1) || { cat "$work/out" >&2; exit 1; }
  end=$(date +%s%N)
  out=$(cat "$work/out")
  # "C1 Compile Time:  0.720 s" and "C2 Compile Time:  1.389 s" in CITime's accumulated section
  local c1 c2
  c1=$(echo "$out" | awk '/C1 Compile Time:/ { printf "%d", $4 * 1000 }')
  c2=$(echo "$out" | awk '/C2 Compile Time:/ { printf "%d", $4 * 1000 }')
  echo "$(((end - start) / 1000000)) $(echo "$cpu" | awk '{ printf "%d", ($1 + $2) * 1000 }') ${c1:-0} ${c2:-0}"
}

jit_run validate >/dev/null
jit_run validate-assets >/dev/null
base=()
subject=()
for _ in $(seq 1 "$runs"); do
  base+=("$(jit_run validate)")
  subject+=("$(jit_run validate-assets)")
done
echo "validate $n specs in $files files, medians of $runs, interleaved (ms): wall, CPU, C1 compiler, C2 compiler"
b=()
s=()
for i in 1 2 3 4; do
  # shellcheck disable=SC2046 # one number per word, on purpose
  b[i]=$(median $(printf '%s\n' "${base[@]}" | awk -v i="$i" '{ print $i }'))
  # shellcheck disable=SC2046
  s[i]=$(median $(printf '%s\n' "${subject[@]}" | awk -v i="$i" '{ print $i }'))
done
echo "  mvn validate:        ${b[1]} ${b[2]} ${b[3]} ${b[4]}"
echo "  mvn validate-assets: ${s[1]} ${s[2]} ${s[3]} ${s[4]}"
echo "  added:               $((s[1] - b[1])) $((s[2] - b[2])) $((s[3] - b[3])) $((s[4] - b[4]))" \
  "(the JIT's compilers: $((s[3] - b[3] + s[4] - b[4])) ms of the $((s[2] - b[2])) ms of CPU added)"
