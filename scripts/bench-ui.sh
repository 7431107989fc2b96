#!/usr/bin/env bash
# Times `qarin snapshot` on one 100 MB article against `cat` reading it, and
# `--keys G` (jump to the end) against the plain snapshot, with hyperfine.
# Targets (issue 4): snapshot ≤ 5× cat; --keys G ≤ 1.5× plain snapshot.
# Then the same for the whole text as one single paragraph.
# Usage: scripts/bench-ui.sh [SIZE_MB]   (needs hyperfine; builds --release)
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-100}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
article="$dir/big.txt"

# One article of ~SIZE_MB: the seeds' paragraphs over and over, as one long text.
python3 - "$article" "$mb" <<'PY'
import sys, glob
paras = [l for f in sorted(glob.glob("seeds/*.txt")) for l in open(f, encoding="utf-8").read().splitlines()]
target = int(sys.argv[2]) << 20
with open(sys.argv[1], "w", encoding="utf-8") as out:
    n = 0
    while n < target:
        for p in paras:
            line = p + "\n"
            out.write(line)
            n += len(line.encode())
PY
# The same text as one single paragraph (one line): the worst case for layout.
one="$dir/one-paragraph.txt"
tr '\n' ' ' < "$article" > "$one"
ls -l "$article" "$one"

cargo build --release --quiet
bin=target/release/qarin
export XDG_CONFIG_HOME="$dir"

hyperfine --warmup 2 --runs 10 --export-markdown "$dir/read.md" \
  -n cat "cat $article" \
  -n snapshot "$bin snapshot $article"
hyperfine --warmup 2 --runs 10 --export-markdown "$dir/end.md" \
  -n snapshot "$bin snapshot $article" \
  -n "snapshot --keys G" "$bin snapshot --keys G $article"
hyperfine --warmup 1 --runs 5 --export-markdown "$dir/one.md" \
  -n cat "cat $one" \
  -n "snapshot (one paragraph)" "$bin snapshot $one" \
  -n "snapshot --keys G (one paragraph)" "$bin snapshot --keys G $one"
cat "$dir/read.md" "$dir/end.md" "$dir/one.md"
