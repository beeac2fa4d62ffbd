#!/usr/bin/env bash
# Coverage-guided fuzzing of the loaders with libFuzzer (swiftc -sanitize=fuzzer,address).
#   Sources/lifecycle-fuzz/fuzz.sh [SECONDS]      (default 60; longer by hand)
# Found crashes are written to Sources/lifecycle-fuzz/crashes/; add each one to the
# regression corpus in Tests/LifecycleCoreTests (LoaderFuzzTests) once fixed.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
swift build --target LifecycleContent >/dev/null
generated=$(find .build -path '*LifecycleContent/destination/EmbedResourcesPlugin/GeneratedEmbeddedFiles.swift' | head -1)
work=.build/fuzz
mkdir -p "$work" Sources/lifecycle-fuzz/crashes
swiftc -parse-as-library -wmo -module-name LifecycleContent -emit-module -emit-module-path "$work/LifecycleContent.swiftmodule" \
  -c Sources/LifecycleContent/EmbeddedResources.swift "$generated" -o "$work/LifecycleContent.o"
swiftc -parse-as-library -wmo -O -sanitize=fuzzer,address -module-name LifecycleCore -I "$work" \
  $(find Sources/LifecycleCore -name '*.swift') Sources/lifecycle-fuzz/FuzzLoaders.swift "$work/LifecycleContent.o" -o "$work/fuzz-loaders"
corpus="$work/corpus"
mkdir -p "$corpus"
cp assets/sample-assessment.json content/*.json "$corpus/"
"$work/fuzz-loaders" "$corpus" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=1024 -timeout=10 \
  -artifact_prefix=Sources/lifecycle-fuzz/crashes/ -print_final_stats=1 2>&1 | tail -25
