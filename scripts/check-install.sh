#!/usr/bin/env bash
# `cargo install --path . --root TMP`, then the installed binary run from another folder
# with a temporary HOME: it must open the built-in seeds, lexicon and keymap (no file of
# the checkout) and write only under the XDG directories of that HOME.
#
# Usage: scripts/check-install.sh [--debug]   (--debug: dev profile, reuses target/)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ "${1:-}" = "--debug" ]; then
    CARGO_TARGET_DIR=$repo/target cargo install --quiet --locked --debug --path . --root "$tmp/root"
else
    CARGO_TARGET_DIR=$repo/target cargo install --quiet --locked --path . --root "$tmp/root"
fi
qarin=$tmp/root/bin/qarin
mkdir -p "$tmp/home" "$tmp/elsewhere"
cd "$tmp/elsewhere"
run() { env -i PATH=/usr/bin:/bin HOME="$tmp/home" TERM=dumb "$qarin" "$@"; }

run claims --format csv | grep -q ',conflict,' || { echo "FAIL: seeds' claims"; exit 1; }
run snapshot --size 80x20 --keys "s ] ]" | grep -q 'conflict' || { echo "FAIL: snapshot"; exit 1; }
run config default > /dev/null
printf 'عنوان\nقتل 12 شخصا في الهجوم\n' > article.txt
id=$(run bookmarks add article.txt --paragraph 2 --note "test")
run bookmarks list --format json | grep -q '"status": "same"' || { echo "FAIL: bookmarks"; exit 1; }
run bookmarks remove "$id"

# Everything written is under the XDG dirs of HOME; nothing in the working folder.
written=$(cd "$tmp/home" && find . -type f | sort)
echo "files written under HOME:"; echo "$written"
if echo "$written" | grep -v '^\./\.local/share/qarin/\|^\./\.local/state/qarin/\|^\./\.config/qarin/\|^\./\.cache/qarin/' | grep -q .; then
    echo "FAIL: a file outside the XDG dirs"; exit 1
fi
[ "$(ls -A "$tmp/elsewhere")" = "article.txt" ] || { echo "FAIL: files in the working folder"; exit 1; }
echo "installed binary: $(stat -c %s "$qarin") bytes; OK"
