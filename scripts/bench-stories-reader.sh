#!/usr/bin/env bash
# The figures of docs/stories.md ("Speed"): `qarin stories` cold on a 3-9k article
# folder and on the whole development corpus (cold, warm), the reader's warm reopen
# (first screen of `qarin snapshot` on the corpus), a keystroke of corpus search (`F`,
# the slope of 1 vs 21 searches), and a 100 MB article with an existing data dir
# against `cat`. Needs hyperfine and the corpus (../shared/corpus/unpack.sh).
# Usage: scripts/bench-stories-reader.sh [CORPUS_TXT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-$HOME/.cache/qarin-dev-corpus/txt}"
cargo build --release --quiet
bin="$PWD/target/release/qarin"
# $dir and the 6,842-article folder $dir/b6k.
. scripts/stories-bench-folder.sh
du -sbL "$dir/b6k"
hyperfine -r 3 --prepare "rm -rf $dir/c6k" \
  "QARIN_CACHE_DIR=$dir/c6k $bin stories --format json $dir/b6k > /dev/null"

# Whole corpus, cold then warm; the reader's first screen warm.
hyperfine -r 2 --prepare "rm -rf $dir/call" \
  "QARIN_CACHE_DIR=$dir/call $bin stories --format json $corpus > /dev/null"
QARIN_CACHE_DIR="$dir/call" "$bin" stories "$corpus" > /dev/null
hyperfine -N -w 1 -r 8 \
  "env QARIN_CACHE_DIR=$dir/call $bin stories --format json $corpus" \
  "env QARIN_CACHE_DIR=$dir/call $bin snapshot $corpus"

# Corpus search: fill the text index once, then 1 against 21 searches.
QARIN_CACHE_DIR="$dir/call" "$bin" snapshot --keys "F ا ل ق" "$corpus" > /dev/null
one="F ا ل ق ا ه ر ة Enter"
many=$(for _ in $(seq 21); do printf '%s ' "$one"; done)
hyperfine -N -w 1 -r 5 \
  "env QARIN_CACHE_DIR=$dir/call $bin snapshot --keys '$one' $corpus" \
  "env QARIN_CACHE_DIR=$dir/call $bin snapshot --keys '$many' $corpus"

# A 100 MB article with an existing data dir (bookmarks of the seeds, positions).
python3 - "$dir/big.txt" <<'PY'
import sys, glob
paras = [l for f in sorted(glob.glob("seeds/*.txt")) for l in open(f, encoding="utf-8").read().splitlines()]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    n = 0
    while n < 100 << 20:
        for p in paras:
            out.write(p + "\n")
            n += len((p + "\n").encode())
PY
for f in seeds/*.txt; do "$bin" bookmarks add "$f" --paragraph 3 --note n > /dev/null; done
"$bin" snapshot --stories off --keys "} } } Tab } } q" "$dir/big.txt" seeds/000_4af10400c2144222.txt > /dev/null
hyperfine -N -w 2 -r 10 "cat $dir/big.txt" "$bin snapshot $dir/big.txt"
