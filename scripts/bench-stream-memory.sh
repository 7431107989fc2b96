#!/usr/bin/env bash
# Do `qarin stories` and `qarin bookmarks list` write their record formats one record at
# a time? Peak memory (GNU time, "Maximum resident set size") of each format against the
# number of records, output to /dev/null: if a format held its output, its peak would grow
# by at least the output's bytes per record; streaming, it grows only with what the
# command must hold anyway (the stories of the folder, the bookmarks file).
#
#  - stories: `--no-cache` on the first 2,000, 8,000 and all files of the folder that
#    scripts/bench-claims-memory.sh builds (the development corpus as 50 MB of files);
#  - bookmarks: one bookmark made by `qarin bookmarks add` on a seed, copied to 1,000,
#    10,000 and 50,000 bookmarks (distinct ids) in a temporary data dir.
# Usage: scripts/bench-stream-memory.sh [QARIN_BINARY]   (needs GNU time, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
qarin=$(realpath "${1:-target/release/qarin}")
work=${TMPDIR:-/tmp}/qarin-bench
folder=$work/corpus-50mb
[ -d "$folder" ] || scripts/bench-claims-memory.sh > /dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export QARIN_DATA_DIR="$dir/data" XDG_CONFIG_HOME="$dir/config" XDG_CACHE_HOME="$dir/cache"

peak() { # peak RSS in kB, output bytes; the command's stdout counted then dropped
    local bytes
    bytes=$(/usr/bin/time -o "$dir/time.txt" -f "%M" "$@" | wc -c)
    echo "$(cat "$dir/time.txt") $bytes"
}

echo "stories --no-cache (files, stories, format: peak kB, output bytes)"
for n in 2000 8000 all; do
    sub=$dir/stories-$n
    mkdir -p "$sub"
    if [ "$n" = all ]; then sub=$folder; else
        find "$folder" -name '*.txt' | sort | awk -v n="$n" 'NR <= n' | xargs cp -t "$sub"
    fi
    count=$("$qarin" stories --no-cache --format jsonl "$sub" | grep -c '"type":"story"' || true)
    for fmt in jsonl csv json; do
        echo "  $(find "$sub" -name '*.txt' | wc -l) files, $count stories, $fmt: $(peak "$qarin" stories --no-cache --format "$fmt" "$sub")"
    done
done

echo "bookmarks list (bookmarks, format: peak kB, output bytes)"
seed=$(realpath "$(find seeds -name '*.txt' | sort | awk 'NR == 1')")
"$qarin" bookmarks add --paragraph 5 "$seed" > /dev/null
for n in 1000 10000 50000; do
    python3 - "$QARIN_DATA_DIR/bookmarks.json" "$n" <<'PY'
import json, sys
path, n = sys.argv[1], int(sys.argv[2])
doc = json.load(open(path))
one = doc["bookmarks"][0]
doc["bookmarks"] = [dict(one, id=i + 1, note=f"note {i}") for i in range(n)]
doc["next_id"] = n + 1
json.dump(doc, open(path, "w"), ensure_ascii=False)
PY
    for fmt in jsonl csv json table; do
        echo "  $n bookmarks ($(stat -c %s "$QARIN_DATA_DIR/bookmarks.json") bytes of file), $fmt: $(peak "$qarin" bookmarks list --format "$fmt")"
    done
done
