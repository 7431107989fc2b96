#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for a given time, two at a time, niced.
#
#   scripts/fuzz-all.sh [SECONDS_PER_TARGET] [TARGET...]     (default 600 s, all targets)
#
# Stable toolchain: cargo-fuzz passes nightly-only flags (-Zsanitizer, -Cpasses=
# sancov-module); RUSTC_BOOTSTRAP=1 lets a stable rustc accept them. AddressSanitizer
# works this way too (SANITIZER=address, the default); SANITIZER=none builds faster.
# Every input slower than TIMEOUT seconds (default 1) is reported as a hang and more
# than 2 GB of memory as a blow-up (-rss_limit_mb=2048). On a machine busy with other
# work, wall-clock timeouts fire on inputs that take milliseconds alone: raise TIMEOUT
# there, and check the slowest unit (stat::slowest_unit_time_sec) afterwards. Findings land in fuzz/artifacts/TARGET/
# (crash-*, timeout-*, oom-*), the log in fuzz/artifacts/TARGET/fuzz.log; the corpus
# grows in fuzz/corpus/TARGET/, seeded from seeds/ and tests/data/adversarial/.
# Reproduce one finding: RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET fuzz/artifacts/TARGET/FILE
set -euo pipefail
cd "$(dirname "$0")/.."

secs=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cd fuzz && cargo fuzz list)
fi
sanitizer=${SANITIZER:-address}
export RUSTC_BOOTSTRAP=1
# The bundled SQLite amalgamation (rusqlite, for the stories index) defines two
# function-local `static const aiOff[]` tables; ASan's ODR check takes them for one global
# defined twice and aborts every target at start-up (0 executions). They are distinct
# statics, not an ODR violation.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_odr_violation=0}
jobs=${JOBS:-2}
timeout=${TIMEOUT:-1}

# Seeds: real articles and the adversarial corpus. Targets that read leading bytes as
# options (layout: width, flags; snapshot_keys: size) get a prefix giving sane ones.
seed() {
  local t=$1 dir=fuzz/corpus/$1 prefix=${2:-}
  mkdir -p "$dir"
  [ -n "$(ls -A "$dir")" ] && return 0
  local i=0 f
  case $t in
    config_parse)
      cp assets/keymap.toml "$dir/seed-keymap"
      printf '[keys]\nquit = ["x", "C-q"]\nhelp = []\n[compare]\nfirst_source = "left"\n' > "$dir/seed-user"
      ;;
    bookmarks_parse)
      echo '{"version": 1}' > "$dir/seed-min"
      cat > "$dir/seed-two" <<'JSON'
{"version":1,"next_id":3,"bookmarks":[{"id":1,"article":{"path":"seeds/003_b61dba046c2e7809.txt","hash":"0000000000000000000000000000000000000000000000000000000000000000","id":"003","title":"t","outlet":"o"},"paragraph":5,"start":0,"end":12,"text":"\u0642\u0627\u0644\u062a","note":"a\u202eb\u001b[31m","created":"2026-01-01T00:00:00Z"},{"id":2,"article":{"path":"x","hash":"","id":"x","title":"","outlet":""},"paragraph":1,"start":3,"end":1,"text":"","created":""}]}
JSON
      echo '{"version":1,"articles":{"seeds/003":{"hash":"","paragraph":4}}}' > "$dir/seed-state"
      ;;
    *)
      for f in seeds/*.txt tests/data/adversarial/*.txt; do
        [ "$(stat -c %s "$f")" -le 8192 ] || continue
        { printf "$prefix"; cat "$f"; } > "$dir/seed-$i"
        i=$((i + 1))
      done
      # Long seeds cut to the first paragraphs: libFuzzer keeps inputs small.
      for f in seeds/*.txt; do
        { printf "$prefix"; head -c 4000 "$f"; } > "$dir/seed-$i"
        i=$((i + 1))
      done
      ;;
  esac
  echo "$t: seeded $(ls "$dir" | wc -l) inputs"
}

(cd fuzz && nice -n 10 cargo fuzz build --sanitizer "$sanitizer")

run_one() {
  local t=$1 art=fuzz/artifacts/$1
  mkdir -p "$art"
  case $t in
    layout) seed "$t" '\x4f\x00' ;;
    # 120x40, a few keys (compare, claims, next conflict), then the article.
    snapshot_keys) seed "$t" '\x77\x27\x0d\x0e\x10\x01\x00' ;;
    *) seed "$t" ;;
  esac
  # The binaries built above, run directly: `cargo fuzz run` would rebuild them (for
  # minutes, on a busy machine) whenever the sources changed meanwhile.
  (cd fuzz && nice -n 10 "target/x86_64-unknown-linux-gnu/release/$t" "corpus/$t" \
      -max_total_time="$secs" -timeout="$timeout" -rss_limit_mb=2048 -max_len=16384 \
      -print_final_stats=1 -artifact_prefix="artifacts/$t/" \
      > "../$art/fuzz.log" 2>&1) || true
  local runs found
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$art/fuzz.log" | grep -oE '[0-9]+$' || echo "?")
  found=$(find "$art" -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' | wc -l)
  echo "$t: ${secs}s, $runs executions, $found findings ($art)"
}

running=0
for t in "${targets[@]}"; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
  run_one "$t" &
  running=$((running + 1))
done
wait
