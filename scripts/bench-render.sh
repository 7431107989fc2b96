#!/usr/bin/env bash
# Times `qarin render --width 80` against `fribidi --width 80` on the seeds repeated to
# about 40 MB (hyperfine, side by side in one run), reports peak memory (/usr/bin/time -v)
# and checks that a 20 MB single-paragraph file renders in linear time.
#
# Usage: scripts/bench-render.sh [SIZE_MB]   (needs hyperfine, fribidi, GNU time)
# The machine may be shared: hyperfine interleaves nothing, so run it when idle and read
# the ratio, not the absolute figures.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-40}
work=${TMPDIR:-/tmp}/qarin-bench
mkdir -p "$work"
cargo build --release --quiet
qarin=$PWD/target/release/qarin

big=$work/seeds-${size_mb}mb.txt
cat seeds/*.txt > "$work/seeds.txt"
if [ ! -s "$big" ]; then
    : > "$big"
    while [ "$(stat -c %s "$big")" -lt $((size_mb * 1000 * 1000)) ]; do
        cat "$work/seeds.txt" >> "$big"
    done
fi
echo "input: $big ($(stat -c %s "$big") bytes)"

hyperfine --warmup 1 --runs 5 -N --output=pipe \
    --export-markdown "$work/render.md" \
    "$qarin render --width 80 $big" \
    "fribidi --width 80 $big"

echo
echo "peak memory (max RSS, kB):"
for cmd in "$qarin render --width 80 $big" "fribidi --width 80 $big"; do
    rss=$(/usr/bin/time -v $cmd 2>&1 >/dev/null | awk '/Maximum resident/ {print $6}')
    echo "  $rss  $cmd"
done
echo "  input is $(( $(stat -c %s "$big") / 1024 )) kB"

# One paragraph (no line breaks) of 5 and 20 MB: the larger must take about 4x as long.
one5=$work/one-5mb.txt
one20=$work/one-20mb.txt
if [ ! -s "$one20" ] || [ ! -s "$one5" ]; then
    # Whole source lines (never a cut character), joined by spaces into one paragraph.
    head -c 20000000 "$big" | head -n -1 | tr '\n' ' ' > "$one20"
    head -c 5000000 "$big" | head -n -1 | tr '\n' ' ' > "$one5"
fi
hyperfine --warmup 1 --runs 3 -N --output=pipe \
    "$qarin render --width 80 $one5" \
    "$qarin render --width 80 $one20"

# Instructions (load-independent, unlike wall time on a shared machine): the five seeds x8
# (about 300 KB) on one thread, qarin and fribidi, with callgrind when valgrind is there.
if command -v valgrind > /dev/null; then
    small=$work/seeds-300k.txt
    for _ in 1 2 3 4 5 6 7 8; do cat "$work/seeds.txt"; done > "$small"
    echo
    echo "instructions on $small (callgrind, one thread):"
    for cmd in "$qarin render --width 80 $small" "fribidi --width 80 $small"; do
        refs=$(RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
            $cmd 2>&1 >/dev/null | awk '/refs:/ {print $4}')
        echo "  $refs  $cmd"
    done
fi
