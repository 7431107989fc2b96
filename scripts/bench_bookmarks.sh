#!/usr/bin/env bash
# Latency of `qarin bookmarks` on a store of N bookmarks (default 1000), measured with
# hyperfine. Every `add` takes the lock, re-reads and re-writes the whole file with two
# fsyncs, so this is the cost one keypress `b` pays in the reader.
#
#   scripts/bench_bookmarks.sh [N] [BINARY]     (BINARY defaults to target/release/qarin)
set -euo pipefail
n=${1:-1000}
bin=${2:-target/release/qarin}
[ -x "$bin" ] || { echo "build it first: cargo build --release (or pass a binary)" >&2; exit 2; }
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
article=seeds/003_b61dba046c2e7809.txt
# Fill the store through the JSON export format: quicker than N adds.
QARIN_DATA_DIR=$data "$bin" bookmarks add "$article" --paragraph 5 --note seed >/dev/null
python3 - "$data/bookmarks.json" "$n" <<'PY'
import json, sys
path, n = sys.argv[1], int(sys.argv[2])
f = json.load(open(path))
one = f["bookmarks"][0]
f["bookmarks"] = [dict(one, id=i, note=f"note {i}") for i in range(1, n + 1)]
f["next_id"] = n + 1
json.dump(f, open(path, "w"), ensure_ascii=False, indent=2)
PY
ls -l "$data/bookmarks.json"
export QARIN_DATA_DIR=$data
hyperfine -N --warmup 5 --runs 50 \
  "$bin bookmarks add $article --paragraph 7 --note bench" \
  "$bin bookmarks list --format json" \
  "$bin bookmarks export"
