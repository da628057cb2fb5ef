#!/usr/bin/env bash
# Benchmarks of core without Maven, from src/bench/jmh (built here, outside the default build):
#   core-bench.sh cold [n slots latency-ms interval-ms runs]   40 jobs at the limit (goal <= 1.10)
#   core-bench.sh cold-progress [n slots latency-ms interval-ms runs]
#                                                              the same, beside a fake whose percent rises
#                                                              steadily: ratio and polls per job of each
#   core-bench.sh scale [n slots latency-ms interval-ms runs]  10,000 cold assets (goal <= 1.2, flat heap)
#   core-bench.sh download [MiB runs]                          1 GiB in a 96 MiB heap, against a plain copy
#   core-bench.sh jmh [JMH options]                            the hot functions (cache key, specs, lock, stamps)
#   core-bench.sh smoke                                        each of them, tiny, for CI (no timing asserted)
#   core-bench.sh build                                        only builds the jar (yaml-floor.sh uses it)
# Set BENCH_NO_BUILD=1 to reuse the jar already built.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/src/bench/jmh/target/benchmarks.jar"
if [ "${BENCH_NO_BUILD:-}" != 1 ] || [ ! -f "$jar" ]; then
  # shellcheck disable=SC2086
  mvn -B -q ${BENCH_MAVEN_ARGS:-} -f "$root/pom.xml" -Pbench -pl src/bench/jmh -am package \
    -DskipTests -Dspotless.check.skip=true -Dmaven.install.skip=true >&2
fi
what=${1:-smoke}
shift || true
java_run() { java "$@"; }
case "$what" in
  cold) java_run -cp "$jar" io.github.assetgen.bench.ColdRun "$@" ;;
  cold-progress) java_run -cp "$jar" io.github.assetgen.bench.ColdRun progress "$@" ;;
  scale) java_run -Xmx256m -cp "$jar" io.github.assetgen.bench.ScaleRun "$@" ;;
  download) java_run -Xmx96m -cp "$jar" io.github.assetgen.bench.DownloadRun "$@" ;;
  jmh) java -jar "$jar" io.github.assetgen.bench.HotFunctions "$@" ;;
  smoke)
    java_run -cp "$jar" io.github.assetgen.bench.ColdRun progress 8 4 300 50 1
    java_run -Xmx256m -cp "$jar" io.github.assetgen.bench.ScaleRun 200 32 100 20
    java_run -Xmx96m -cp "$jar" io.github.assetgen.bench.DownloadRun 64 1
    # yaml-floor.sh's parser, on the quickstart's specs (the script itself needs the plugin installed)
    java_run -cp "$jar" io.github.assetgen.bench.YamlFloor "$root/src/examples/quickstart/src/main/assets"
    java -jar "$jar" io.github.assetgen.bench.HotFunctions -p assets=50 -wi 0 -i 1 -r 200ms -f 0 -foe true
    ;;
  build) ;;
  *) echo "unknown benchmark: $what" >&2; exit 2 ;;
esac
