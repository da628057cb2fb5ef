#!/usr/bin/env bash
# Measures what assetgen adds to a no-op build: a project with N cached, up-to-date assets
# (placeholder renders, so no key and no network), timed against the same Maven start-up with the
# plugin skipped. Needs the plugin installed (README's first command). Usage: noop-build.sh [N] [runs]
set -euo pipefail
n=${1:-1000}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")/../.." && pwd)

mkdir -p "$work/src/main/assets"
sed -e 's#<artifactId>quickstart</artifactId>#<artifactId>noop-bench</artifactId>#' \
    -e '/<configuration>/,/<\/configuration>/d' "$here/src/examples/quickstart/pom.xml" > "$work/pom.xml"
{
  echo "defaults: {provider: useapi, model: nano-banana-2, resolution: 512P, aspectRatio: '1:1'}"
  echo "assets:"
  for i in $(seq 1 "$n"); do echo "  - {id: asset-$i, prompt: \"benchmark asset number $i\"}"; done
} > "$work/src/main/assets/bench.yaml"

mvn_q() { mvn -B -q -f "$work/pom.xml" -Dassetgen.placeholders=true -Dassetgen.cacheDirectory="$work/cache" "$@"; }
echo "rendering $n placeholder assets once..."
mvn_q generate-assets >/dev/null

time_runs() {
  local total=0
  for _ in $(seq 1 "$runs"); do
    local start end
    start=$(date +%s%N); mvn_q "$@" >/dev/null; end=$(date +%s%N)
    total=$((total + (end - start) / 1000000))
  done
  echo $((total / runs))
}
skipped=$(time_runs generate-assets -Dassetgen.skip=true)
noop=$(time_runs generate-assets)
echo "assets: $n, runs: $runs"
echo "maven start-up with assetgen skipped: ${skipped} ms (mean)"
echo "no-op generate-assets (all up to date): ${noop} ms (mean)"
echo "added by assetgen: $((noop - skipped)) ms"
