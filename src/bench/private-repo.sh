#!/usr/bin/env bash
# Installs this checkout's plugin into a private repository under target/bench/ (never ~/.m2), with
# a settings.xml that takes every other artifact from ~/.m2, and prints the BENCH_MAVEN_ARGS that
# make the benchmarks use it:   export BENCH_MAVEN_ARGS="$(src/bench/private-repo.sh)"
set -euo pipefail
. "$(dirname "$0")/lib.sh"
root=$bench_root
bench="$root/target/bench"
bench_settings "$bench/settings.xml"
args="-s $bench/settings.xml -Dmaven.repo.local=$bench/repo"
# shellcheck disable=SC2086
mvn -B -q -Dstyle.color=never $args -f "$root/pom.xml" install -DskipTests -Dspotless.check.skip=true \
  -pl core,maven-plugin -am >&2
echo "$args"
