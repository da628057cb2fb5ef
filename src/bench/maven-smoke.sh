#!/usr/bin/env bash
# The Maven-level benchmarks, each tiny, as CI's smoke check after `mvn verify`: no timing is
# asserted, only that each script still runs its builds to the end and prints its figures. They use
# the plugin that `mvn verify` put into the integration tests' repository (it/target/local-repo),
# so nothing is installed into ~/.m2.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
repo="$bench_root/it/target/local-repo"
[ -d "$repo/io/github/assetgen/assetgen-maven-plugin" ] || {
  echo "no plugin in $repo: run mvn verify first" >&2
  exit 1
}
bench_settings "$bench_root/target/bench/smoke-settings.xml"
export BENCH_MAVEN_ARGS="-s $bench_root/target/bench/smoke-settings.xml -Dmaven.repo.local=$repo"
bench="$(dirname "$0")"
"$bench/noop-build.sh" 20 1
"$bench/validate-build.sh" 20 2 1 full
"$bench/validate-jit.sh" 20 2 1
