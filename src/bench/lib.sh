# Shared by the Maven-level benchmarks: a Maven wrapper, a project generator and side-by-side timing.
# Sourced, not run. Every script measures a ratio against `mvn validate` of the same project, run
# interleaved with the subject (A B A B ...) so that a busy machine slows both alike, and prints the
# medians and their ratio.
#
# BENCH_MAVEN_ARGS is added to every mvn call: point it at a private repository to measure a plugin
# that is not installed in ~/.m2, e.g.
#   BENCH_MAVEN_ARGS="-Dmaven.repo.local=$PWD/it/target/local-repo -s <settings mirroring ~/.m2>"

bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# bench_settings FILE: the integration tests' settings.xml, with every repository mirrored to the
# outer local repository (BENCH_OUTER_REPO, ~/.m2/repository by default), written to FILE
bench_settings() {
  local outer=${BENCH_OUTER_REPO:-$HOME/.m2/repository}
  mkdir -p "$(dirname "$1")"
  sed -e "s#@localRepositoryUrl@#file://$outer#" -e 's#<!--@servers@-->##' -e 's#<!--@proxies@-->##' \
    "$bench_root/it/src/it/settings.xml" >"$1"
}

# mvn, quiet, on the given project folder, with the benchmark's Maven arguments
bench_mvn() {
  local project=$1
  shift
  # shellcheck disable=SC2086 # BENCH_MAVEN_ARGS is a list of words on purpose
  mvn -B -q -Dstyle.color=never ${BENCH_MAVEN_ARGS:-} -f "$project/pom.xml" "$@"
}

# make_project DIR N FILES: a pom project declaring the plugin, and N image specs in FILES spec files
make_project() {
  local dir=$1 n=$2 files=${3:-1}
  mkdir -p "$dir/src/main/assets"
  # the quickstart's pom without its budget, so the plugin version is the one this checkout builds
  sed -e 's#<artifactId>quickstart</artifactId>#<artifactId>assetgen-bench</artifactId>#' \
    -e '/<configuration>/,/<\/configuration>/d' "$bench_root/src/examples/quickstart/pom.xml" >"$dir/pom.xml"
  local per=$(((n + files - 1) / files)) i=1 f
  for f in $(seq 1 "$files"); do
    {
      echo "defaults: {provider: useapi, model: nano-banana-2, resolution: 512P, aspectRatio: '1:1'}"
      echo "assets:"
      local j
      for j in $(seq 1 "$per"); do
        [ "$i" -le "$n" ] || break
        echo "  - {id: asset-$i, prompt: \"benchmark asset number $i\"}"
        i=$((i + 1))
      done
    } >"$dir/src/main/assets/bench-$f.yaml"
  done
}

# time_ms CMD...: wall time of one run in milliseconds, and after a space the CPU time (user + system,
# of every process it started); the command's output is dropped, a failure stops the benchmark
time_ms() {
  local start end cpu TIMEFORMAT='%3U %3S'
  start=$(date +%s%N)
  cpu=$( { time "$@" >/dev/null 2>&1; } 2>&1) || { echo "failed: $*" >&2; "$@" >&2; exit 1; }
  end=$(date +%s%N)
  echo "$(((end - start) / 1000000)) $(echo "$cpu" | awk '{ printf "%d", ($1 + $2) * 1000 }')"
}

# median of the numbers given
median() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# compare RUNS NAME GOAL PROJECT SUBJECT-CMD... : runs `mvn validate` of PROJECT and the subject
# alternately RUNS times (after one warm-up of each), prints both medians and the ratio of wall
# times (the goal), and of CPU times (steadier on a busy machine), and sets BENCH_RATIO.
compare() {
  local runs=$1 name=$2 goal=$3 project=$4
  shift 4
  local base=() subject=() base_cpu=() subject_cpu=() r t
  time_ms bench_mvn "$project" validate >/dev/null
  time_ms "$@" >/dev/null
  for r in $(seq 1 "$runs"); do
    t=$(time_ms bench_mvn "$project" validate)
    base+=("${t% *}")
    base_cpu+=("${t#* }")
    t=$(time_ms "$@")
    subject+=("${t% *}")
    subject_cpu+=("${t#* }")
  done
  local b s bc sc
  b=$(median "${base[@]}")
  s=$(median "${subject[@]}")
  bc=$(median "${base_cpu[@]}")
  sc=$(median "${subject_cpu[@]}")
  BENCH_RATIO=$(awk -v s="$s" -v b="$b" 'BEGIN { printf "%.2f", s / b }')
  local cpu_ratio
  cpu_ratio=$(awk -v s="$sc" -v b="$bc" 'BEGIN { printf "%.2f", s / b }')
  echo "$name: mvn validate ${b} ms, $goal ${s} ms (wall, medians of $runs, interleaved): ratio ${BENCH_RATIO} (goal <= ${BENCH_GOAL:-?}); CPU ${bc} / ${sc} ms: ratio ${cpu_ratio}"
  echo "  validate wall: ${base[*]}; cpu: ${base_cpu[*]}"
  echo "  $goal wall: ${subject[*]}; cpu: ${subject_cpu[*]}"
}
