#!/usr/bin/env bash
# Cold `qarin stories` (fresh cache each run) on a 3-9k article folder of the
# development corpus: wall time, CPU time (user+sys) and MB/s of each, with the load
# average noted (the figures of docs/stories.md, "Speed"; issue 12 asks >= 20 MB/s on
# this machine's 2 cores). Usage: scripts/bench-stories-cold.sh [BIN] [CORPUS_TXT_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-$PWD/target/release/qarin}"
corpus="${2:-$HOME/.cache/qarin-dev-corpus/txt}"
runs="${3:-5}"
[ -x "$bin" ] || cargo build --release --quiet
# $dir and the 6,842-article folder $dir/b6k.
. scripts/stories-bench-folder.sh
bytes=$(du -sbL "$dir/b6k" | cut -f1)
files=$(find -L "$dir/b6k" -type f | wc -l)
cat "$dir"/b6k/*/*/* > /dev/null 2>&1 || true # page cache warm: we measure CPU, not disk
echo "corpus: $files files, $bytes bytes; nproc $(nproc)"
for i in $(seq "$runs"); do
  rm -rf "$dir/cache"
  load=$(cut -d' ' -f1 /proc/loadavg)
  out=$( { QARIN_CACHE_DIR="$dir/cache" /usr/bin/time -f '%e %U %S' \
    "$bin" stories --format json "$dir/b6k" > /dev/null; } 2>&1 | tail -1)
  read -r wall user sys <<< "$out"
  python3 - "$bytes" "$wall" "$user" "$sys" "$load" <<'PY'
import sys
b, wall, user, sys_, load = sys.argv[1:]
mb = int(b) / 1e6
cpu = float(user) + float(sys_)
print(f"load {load:>5}  wall {float(wall):.2f} s ({mb/float(wall):.1f} MB/s)  "
      f"cpu {cpu:.2f} s ({mb/cpu:.1f} MB/s of CPU, {cpu/float(wall):.2f} cores busy)")
PY
done
