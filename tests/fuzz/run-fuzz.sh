#!/usr/bin/env bash
# Fuzzes a reader for a while (default 60 s) with libFuzzer. Not part of `make test`.
#   tests/fuzz/run-fuzz.sh [seconds] [workbook|terminalfacts|nmapxml|backupjson]
# workbook starts from the reference workbooks and the generated variants; terminalfacts from the
# example collector outputs in tests/data/terminals; nmapxml from the scan fixtures in tests/data/scans;
# backupjson from the questionnaires in tests/data/backup.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
target=${2:-workbook}
build=build-fuzz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v clang++ >/dev/null || { echo "run-fuzz: clang is needed (apt-get install clang)"; exit 2; }
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DFIELDSURVEY_FUZZ=ON -DFIELDSURVEY_WERROR=OFF >/dev/null
cmake --build "$build" --target "fuzz_$target"

mkdir -p "$work/corpus"
if [ "$target" = terminalfacts ]; then
    cp tests/data/terminals/*.json "$work/corpus/"
elif [ "$target" = nmapxml ]; then
    cp tests/data/scans/*.xml "$work/corpus/"
elif [ "$target" = backupjson ]; then
    cp tests/data/backup/*.json "$work/corpus/"
else
    cp ../shared/corpus/intake/*.xlsx "$work/corpus/"
    python3 tests/data/intake/make_workbooks.py "$work/generated" >/dev/null
    # The variants seed the corpus; the hostile files too (the bombs are left out: they only test
    # the size limits and would slow every run down).
    find "$work/generated" -name '*.xlsx' ! -name '*bomb*' ! -name 'huge-*' -exec cp {} "$work/corpus/" \;
fi
"$build/tests/fuzz/fuzz_$target" "$work/corpus" -max_total_time="$seconds" -rss_limit_mb=1024 -timeout=10 \
    -print_final_stats=1
