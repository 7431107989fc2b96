#!/bin/sh
# Peak memory of qarin on a generated 1 GB article: `snapshot`, the reader's search (`/`),
# `render` and `claims`. The article is news text from the development corpus (or the
# seeds, if the corpus is absent) repeated to SIZE bytes, one paragraph per line, a rare
# word `zqx` now and then to search for. Generated in $TMPDIR, deleted afterwards.
# Usage: scripts/bench-1gb-memory.sh [QARIN_BINARY] [SIZE_MB]
set -eu
QARIN=${1:-target/release/qarin}
MB=${2:-1024}
CORPUS=${QARIN_CORPUS:-$HOME/.cache/qarin-dev-corpus/txt}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
block="$dir/block.txt"
file="$dir/article.txt"
echo "عنوان المقال الطويل" > "$block"
if [ -d "$CORPUS" ]; then
    find "$CORPUS" -name '*.txt' | sort | head -3000 | while read -r f; do
        tail -n +2 "$f"; echo " zqx"
    done >> "$block"
else
    "$QARIN" render --bidi terminal --shape off --align none >> "$block"
fi
# Whole paragraphs only: grow by doubling, then cut at a line end.
cp "$block" "$file"
while [ "$(stat -c %s "$file")" -lt $((MB << 20)) ]; do
    cat "$file" "$file" > "$dir/x" && mv "$dir/x" "$file"
done
head -c $((MB << 20)) "$file" | sed '$d' > "$dir/x" && mv "$dir/x" "$file"
size=$(stat -c %s "$file")
largest=$(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$file")
echo "article: $size bytes, $(wc -l < "$file") paragraphs, largest paragraph $largest chars"
measure() {
    name=$1; shift
    /usr/bin/time -f "%e %M" -o "$dir/t" "$@" > /dev/null 2> "$dir/err" || { cat "$dir/err"; exit 1; }
    read -r secs kb < "$dir/t"
    echo "$name: ${secs} s, peak RSS $((kb / 1024)) MB"
}
export QARIN_DATA_DIR="$dir/data" XDG_CONFIG_HOME="$dir/config"
measure "snapshot" "$QARIN" snapshot --size 100x30 "$file"
measure "snapshot --keys G" "$QARIN" snapshot --size 100x30 --keys G "$file"
measure "search (snapshot --keys '/ z q x Enter')" "$QARIN" snapshot --size 100x30 --keys "/ z q x Enter" "$file"
measure "render --width 80" "$QARIN" render --width 80 "$file"
measure "claims (table)" "$QARIN" claims --width 100 "$file"
measure "claims --format jsonl" "$QARIN" claims --format jsonl "$file"
