#!/usr/bin/env bash
# npm run bench: every benchmark with its default sizes on this machine's backends.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsx bench/embed_bench.ts "$@"
npx tsx bench/layout_bench.ts "$@"
npx tsx bench/import_bench.ts "$@"
npx tsx bench/bundle_bench.ts "$@"
npx tsx bench/knn_bench.ts "$@"
# The 200k end-to-end memory run takes about 8 minutes on two cores: only with --memory.
if [[ " $* " == *" --memory "* ]]; then npx tsx bench/memory_bench.ts --papers=200000; fi
