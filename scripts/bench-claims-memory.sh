#!/usr/bin/env bash
# Peak memory of `qarin claims --format jsonl|csv|json` on a 50 MB input, measured with
# GNU time (/usr/bin/time -v, "Maximum resident set size"), as a ratio to the largest
# article read, next to the baseline: the peak of `qarin claims` on one small article
# (the binary, its built-in lexicon and the allocator's arenas).
#
# Inputs (built once under $TMPDIR/qarin-bench):
#  - one-file: the development corpus concatenated into one 50 MB article, so the largest
#    article is the input;
#  - folder: the same corpus articles as separate files (about 50 MB in all).
# Each article is read, searched for claims and its text dropped; each claim is written
# to a store (a temporary file past 1 MB) as found, and so is what grouping needs of
# it and the article's record; a table in a temporary file says where (with stories,
# `auto` on a folder, the article's terms go to the store too). So without stories
# (`--stories off`) nothing of an article stays in memory, nor of a file while the
# folder is walked (its paths sorted and listed in temporary files, corpus::extsort), so
# the folder's peak should not grow with its files: compare the 2,000, 8,000 and all
# files lines ("bytes an article more"); with stories, the clustering grows with them
# (docs/safety.md, "A folder"). The same files in folders of 100 (hard links) too.
# Usage: scripts/bench-claims-memory.sh [SIZE_MB] [CORPUS]   (needs GNU time)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-50}
corpus=${2:-$HOME/.cache/qarin-dev-corpus/txt}
work=${TMPDIR:-/tmp}/qarin-bench
mkdir -p "$work"
cargo build --release --quiet
qarin=$PWD/target/release/qarin
limit=$((size_mb * 1000 * 1000))

folder=$work/corpus-${size_mb}mb
one=$work/corpus-${size_mb}mb.txt
if [ ! -s "$one" ]; then
    rm -rf "$folder"; mkdir -p "$folder"
    : > "$one"
    n=0
    while IFS= read -r -d '' f; do
        n=$((n + 1))
        cp "$f" "$folder/$(printf '%06d' "$n")_a.txt"
        cat "$f" >> "$one"
        [ "$(stat -c %s "$one")" -ge "$limit" ] && break
    done < <(find "$corpus" -name '*.txt' -print0 | sort -z)
fi
largest_folder=$(find "$folder" -name '*.txt' -printf '%s\n' | sort -n | tail -1)
echo "one-file: $(stat -c %s "$one") bytes; folder: $(ls "$folder" | wc -l) files, largest $largest_folder bytes"

peak() { # peak RSS in bytes of the given command, its output discarded
    /usr/bin/time -v "$@" 2> "$work/time.txt" > /dev/null
    echo $(( $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt") * 1024 ))
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

tiny=$work/tiny.txt
head -c 4000 "$(find "$folder" -name '*.txt' | sort | head -1)" > "$tiny"
base=$(peak "$qarin" claims --format jsonl "$tiny")
echo "baseline (one $(stat -c %s "$tiny")-byte article): peak $((base / 1000000)) MB"

for fmt in jsonl csv json; do
    p=$(peak "$qarin" claims --format "$fmt" "$one")
    echo "one-file $fmt: peak $((p / 1000000)) MB = $(ratio "$p" "$(stat -c %s "$one")")x the largest article; above the baseline $(ratio "$((p - base))" "$(stat -c %s "$one")")x"
done
for run in "jsonl auto" "csv auto" "jsonl off"; do
    set -- $run
    p=$(peak "$qarin" claims --format "$1" --stories "$2" "$folder")
    echo "folder $1, --stories $2: peak $((p / 1000000)) MB = baseline + $(((p - base) / 1000000)) MB; $(ratio "$p" "$largest_folder")x the largest article; $(ratio "$p" "$(du -sb "$folder" | cut -f1)")x the input"
done
# Growth with the number of articles: the first 2,000 and 8,000 files (hard links), then
# all; the slope between two sizes is what one more article costs.
declare -A at
for n in 2000 8000 all; do
    sub=$folder
    if [ "$n" != all ]; then
        sub=$work/corpus-${size_mb}mb-first-$n
        [ -d "$sub" ] || { mkdir -p "$sub"; find "$folder" -name '*.txt' | sort | awk -v n="$n" 'NR <= n' | xargs cp -l -t "$sub"; }
    fi
    files=$(find "$sub" -name '*.txt' | wc -l)
    for stories in auto off; do
        p=$(peak "$qarin" claims --format jsonl --stories "$stories" "$sub")
        line="$files files, jsonl, --stories $stories: peak $((p / 1000000)) MB"
        if [ -n "${at[$stories]:-}" ]; then
            set -- ${at[$stories]}
            line="$line; $(( (p - $2) / (files - $1) )) bytes an article more than at $1 files"
        fi
        echo "$line"
        at[$stories]="$files $p"
    done
    # The same files in folders of 100, as news is laid out.
    dirs=$work/corpus-${size_mb}mb-dirs-$n
    if [ ! -d "$dirs" ]; then
        find "$sub" -name '*.txt' | sort | awk '{ printf "%s %03d\n", $0, int((NR - 1) / 100) }' |
            while read -r f d; do mkdir -p "$dirs/$d"; ln "$f" "$dirs/$d/"; done
    fi
    p=$(peak "$qarin" claims --format jsonl --stories off "$dirs")
    line="$files files in folders of 100, jsonl, --stories off: peak $((p / 1000000)) MB"
    if [ -n "${at[dirs]:-}" ]; then
        set -- ${at[dirs]}
        line="$line; $(( (p - $2) / (files - $1) )) bytes an article more than at $1 files"
    fi
    echo "$line"
    at[dirs]="$files $p"
done
claims=$("$qarin" claims --format jsonl "$folder" | grep -c '"type":"claim"')
json=$("$qarin" claims --format jsonl "$folder" | grep '"type":"claim"' | wc -c)
echo "folder: $claims claims kept for the grouping, $((json / 1000000)) MB as JSON Lines"
