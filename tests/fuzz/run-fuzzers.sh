#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every fuzz target built by the fuzz preset on its corpus, seeded from tests/fuzz/seeds, tests/data and
# ../shared/data/real, each for the libFuzzer limit given (default: a few seconds, as CI does):
#   tests/fuzz/run-fuzzers.sh                        # -max_total_time=5 each
#   tests/fuzz/run-fuzzers.sh -runs=1000000          # a million executions each
#   tests/fuzz/run-fuzzers.sh -runs=100000 empty     # each target from an empty corpus of its own
# FUZZ_TARGETS="csv ics" runs only those; FUZZ_MAX_LEN sets -max_len (8192); FUZZ_FLAGS adds libFuzzer flags.
# Crashes are written to build/fuzz/crashes/; the exit status is non-zero when any target found one.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source="$(cd "$here/../.." && pwd)"
build="$source/build/fuzz"
shared="$source/../shared/data/real"
limit="${1:--max_total_time=5}"
mode="${2:-seeded}"
mkdir -p "$build/crashes"
corpora="$build/corpus"
[ "$mode" = empty ] && corpora="$build/corpus-empty" && rm -rf "$corpora"

seed() { # target, then files or folders to copy in
    local target=$1; shift
    local corpus="$corpora/$target"
    mkdir -p "$corpus"
    [ "$mode" = empty ] && return 0
    for item in "$@"; do
        [ -e "$item" ] || continue
        if [ -d "$item" ]; then cp -n "$item"/* "$corpus"/ 2>/dev/null || true; else cp -n "$item" "$corpus"/; fi
    done
}

csvs=("$here/seeds/csv" "$source"/tests/data/acled/*.csv "$shared"/timelinejs/*.csv)
seed csvreader "${csvs[@]}" "$source"/tests/data/gdelt/*.CSV
seed csv "${csvs[@]}"
seed gdelt "$source"/tests/data/gdelt/*.CSV "$shared"/gdelt/*.export.CSV
seed acled "$source"/tests/data/acled/*.csv
seed icews "$source"/tests/data/icews/*.tab
seed timelinejs "$here/seeds/timelinejs" "$shared"/timelinejs/*.json
seed timeline "$source"/tests/data/timeline/*.timeline
seed json "$here/seeds/json" "$source"/tests/data/*.json "$source"/resources/data/seed-events.json
seed jsonrecords "$source"/tests/data/json/*.json
seed ics "$here/seeds/ics" "$source"/tests/data/ics/*.ics "$shared"/ics/*.ics
seed date "$here/seeds/date"

# ASan records each allocation's stack, and through Debian's Qt (built without frame pointers) the fast unwinder
# reads a new "stack" almost every time: its depot alone grew fuzz_gdelt past 1.9 GB in 240,000 runs, while with
# one frame the whole process stays at about 110 MB. So: one frame, and a smaller quarantine. To debug a crash,
# run its file again with ASAN_OPTIONS=malloc_context_size=30.
export ASAN_OPTIONS="${ASAN_OPTIONS:-quarantine_size_mb=16:malloc_context_size=1}"
declare -A dictionary=([csvreader]=csv [csv]=csv [gdelt]=records [acled]=records [icews]=records
    [timelinejs]=json [timeline]=xml [json]=json [jsonrecords]=json [ics]=ics [date]=date)
failed=0
for target in ${FUZZ_TARGETS:-csvreader csv gdelt acled icews timelinejs timeline json jsonrecords ics date}; do
    echo "== fuzz_$target ($limit, $mode corpus)"
    if ! "$build/tests/fuzz/fuzz_$target" "$limit" -max_len="${FUZZ_MAX_LEN:-8192}" -timeout=10 -rss_limit_mb=2048 \
        ${FUZZ_FLAGS:-} -dict="$here/${dictionary[$target]}.dict" -artifact_prefix="$build/crashes/$target-" -print_final_stats=1 \
        "$corpora/$target" 2>"$build/fuzz_$target.log"; then
        failed=1
        echo "fuzz_$target FAILED: see $build/fuzz_$target.log and $build/crashes/"
    fi
    grep -E '^#[0-9]+.*(DONE|pulse)|stat::number_of_executed_units|stat::peak_rss_mb|cov:' "$build/fuzz_$target.log" \
        | tail -3
done
exit $failed
