#!/bin/sh
# `qarin bookmarks list` with nine lost bookmarks on a 40 MB article, against reading
# the article once (a search through it: every paragraph read and folded once), with
# hyperfine. The article is development-corpus text (or the seeds) repeated to 40 MB;
# nine passages are bookmarked, then the article changes: a line is added at the top
# and each passage is edited, so all nine must be searched for (the loose pass).
# Usage: scripts/bench-lost-bookmarks.sh [QARIN_BINARY]
set -eu
QARIN=$(realpath "${1:-target/release/qarin}")
CORPUS=${QARIN_CORPUS:-$HOME/.cache/qarin-dev-corpus/txt}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
export QARIN_DATA_DIR="$dir/data" XDG_CONFIG_HOME="$dir/config"
echo "عنوان المقال" > block.txt
if [ -d "$CORPUS" ]; then
    find "$CORPUS" -name '*.txt' | sort | head -400 | while read -r f; do tail -n +2 "$f"; done >> block.txt
else
    "$QARIN" render --bidi terminal --shape off --align none >> block.txt
fi
: > a.txt
while [ "$(stat -c %s a.txt)" -lt $((40 << 20)) ]; do cat block.txt >> a.txt; done
# Numbered, so that no passage occurs twice.
tr -d '\r' < a.txt | awk '{ print $0 " (" NR ")" }' > n.txt && mv n.txt a.txt
lines=$(wc -l < a.txt)
for k in 1 2 3 4 5 6 7 8 9; do
    n=$((lines * k / 10))
    # A paragraph with some text in it.
    while [ "$(sed -n "${n}p" a.txt | wc -c)" -lt 80 ]; do n=$((n + 1)); done
    "$QARIN" bookmarks add --paragraph "$n" a.txt > /dev/null
    echo "$n" >> marked
done
# The change: a new first paragraph, and one word swapped in each bookmarked passage.
{ echo "سطر جديد في البداية"; cat a.txt; } > b.txt
for n in $(cat marked); do
    sed -i "$((n + 1))s/ /  تعديل /" b.txt
done
mv b.txt a.txt
echo "article: $(stat -c %s a.txt) bytes, $(wc -l < a.txt) paragraphs; 9 bookmarks"
"$QARIN" bookmarks list --format jsonl | grep -o '"status": *"[a-z]*"' | sort | uniq -c
hyperfine -N --warmup 1 --runs 5 \
    "$QARIN bookmarks list" \
    "grep -c ، a.txt" \
    "$QARIN snapshot --size 100x30 --keys '/ z q x Enter' a.txt" \
    "$QARIN render --width 80 a.txt"
