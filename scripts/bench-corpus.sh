#!/usr/bin/env bash
# Loading the development corpus to the reader's first screen, cold, against
# `find DIR -type f -exec cat {} +` on the same folder (issue 11's speed target: < 3x).
# Needs root (drops the page cache before each run) and the unpacked corpus
# (../shared/corpus/unpack.sh). Usage: scripts/bench-corpus.sh [DIR] [RUNS]
set -euo pipefail
DIR=${1:-$HOME/.cache/qarin-dev-corpus/txt}
RUNS=${2:-5}
BIN=${QARIN:-target/release/qarin}
LAYOUT='{outlet}/**/{published:%Y-%m-%d %H:%M:%S}#{id}.txt'
cargo build --release --quiet
echo "files: $(find "$DIR" -type f | wc -l), bytes: $(du -sb "$DIR" | cut -f1)"
hyperfine --runs "$RUNS" --prepare 'sync; echo 3 > /proc/sys/vm/drop_caches' \
  --export-markdown /tmp/bench-corpus.md \
  -n cat "find '$DIR' -type f -exec cat {} + > /dev/null" \
  -n 'qarin first screen' "$BIN snapshot --size 120x40 --layout '$LAYOUT' '$DIR' > /dev/null"
cat /tmp/bench-corpus.md
